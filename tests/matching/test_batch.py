"""Batch ranking: the pure-Python and NumPy engines agree with single-student ranking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import UndifferentiatedProfileError, ValidationError
from ilpcore.matching import OccupationCatalog
from ilpcore.matching.batch import rank_batch, rank_batch_blocks
from ilpcore.matching.interests import InterestScores
from ilpcore.matching.ranking import InterestIndex, rank_interests


@pytest.fixture(scope="module")
def index(onet: OccupationCatalog) -> InterestIndex:
    return InterestIndex.from_catalog(onet)


students = st.lists(st.lists(st.integers(0, 40), min_size=6, max_size=6), min_size=1, max_size=25)


def _single(index: InterestIndex, scores: list[int], top: int, zone: int | None) -> tuple[str, ...]:
    try:
        return rank_interests(InterestScores(tuple(scores)), index, top=top, zone=zone).codes
    except UndifferentiatedProfileError:
        return ()


@settings(max_examples=25, deadline=None)
@given(students, st.integers(1, 30), st.sampled_from([None, 1, 3, 5]), st.integers(1, 7))
def test_python_engine_equals_single_ranking(
    index: InterestIndex, rows: list[list[int]], top: int, zone: int | None, block: int
) -> None:
    result = rank_batch(rows, index, top=top, zone=zone, block_size=block)
    assert len(result) == len(rows)
    for i, scores in enumerate(rows):
        assert result.codes(i) == _single(index, scores, top, zone)
        assert result.refused[i] == (result.codes(i) == ())


@settings(max_examples=25, deadline=None)
@given(students, st.integers(1, 30), st.sampled_from([None, 1, 2, 4]), st.booleans())
def test_numpy_engine_equals_python_engine(
    index: InterestIndex, rows: list[list[int]], top: int, zone: int | None, best_effort: bool
) -> None:
    pytest.importorskip("numpy")
    py = rank_batch(rows, index, top=top, zone=zone, best_effort=best_effort)
    fast = rank_batch(
        rows, index, top=top, zone=zone, best_effort=best_effort, engine="numpy", block_size=7
    )
    for i in range(len(rows)):
        assert fast.codes(i) == py.codes(i)
        assert fast.rs(i) == py.rs(i)  # bit for bit
    assert fast.refused == py.refused
    assert fast.low_confidence == py.low_confidence


def test_numpy_engine_on_an_array_with_ties_at_the_cut(index: InterestIndex) -> None:
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(7)
    rows = rng.integers(0, 41, size=(500, 6))
    rows[:6] = np.eye(6, dtype=np.int64) * 40  # pure types
    py = rank_batch(rows.tolist(), index, top=20)
    fast = rank_batch(rows, index, top=20, engine="numpy", block_size=128)
    assert [fast.codes(i) for i in range(500)] == [py.codes(i) for i in range(500)]


def test_blocks_and_flags(index: InterestIndex) -> None:
    rows = [(40, 0, 0, 0, 0, 0), (20, 20, 20, 20, 20, 20), (21, 19, 20, 20, 20, 20)]
    blocks = list(rank_batch_blocks(rows, index, top=3, block_size=2))
    assert [(b.start, len(b)) for b in blocks] == [(0, 2), (2, 1)]
    assert blocks[0].refused == (False, True)
    assert blocks[1].refused == (True,)
    best = rank_batch(rows, index, top=3, best_effort=True)
    assert best.refused == (False, True, False)
    assert best.low_confidence == (False, False, True)
    unknown_scale = rank_batch(rows, index, top=3, maximum=None)
    assert unknown_scale.refused == (False, True, False)
    assert unknown_scale.low_confidence == (False, False, False)


def test_bad_input(index: InterestIndex) -> None:
    with pytest.raises(ValidationError) as info:
        rank_batch([(1, 2, 3, 4, 5, 6), (1, 2.5, 3, 4, 5, 6)], index)  # type: ignore[list-item]
    assert info.value.paths == ("students[1][1]",)
    with pytest.raises(ValidationError):
        rank_batch([(1, 2, 3)], index)
    with pytest.raises(ValidationError):
        rank_batch([(1, 2, 3, 4, 5, 6)], index, top=0, block_size=0)
    with pytest.raises(ValidationError):
        rank_batch([(1, 2, 3, 4, 5, 6)], index, engine="gpu")  # type: ignore[arg-type]
    assert len(rank_batch([], index)) == 0
