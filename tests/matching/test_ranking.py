"""Pearson ranking with explanations: hand-made fixtures and the O*NET 30.1 catalog."""

from __future__ import annotations

import json
import statistics
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import UndifferentiatedProfileError, ValidationError
from ilpcore.matching import ONET_ATTRIBUTION, OccupationCatalog
from ilpcore.matching._vectors import VectorIndex, unit_vector
from ilpcore.matching.congruence import RIASEC
from ilpcore.matching.interests import InterestScores
from ilpcore.matching.ranking import (
    InterestIndex,
    OccupationProfile,
    rank_interests,
)

TODAY = date(2026, 11, 23)
ONET_EXAMPLE_SCORES = (27, 13, 23, 25, 14, 14)

HAND_MADE = (
    OccupationProfile("11-0001.00", "Mechanic", (7.0, 3.0, 1.0, 1.5, 2.0, 3.5), "RC", 2),
    OccupationProfile("11-0002.00", "Twin mechanic", (7.0, 3.0, 1.0, 1.5, 2.0, 3.5), "RC", 2),
    OccupationProfile("11-0003.00", "Lab tech", (4.0, 7.0, 1.0, 2.0, 1.0, 4.0), "ICR", 3),
    OccupationProfile("11-0004.00", "Teacher <b>", (1.0, 3.0, 3.5, 7.0, 4.0, 2.0), "SEA", 4),
    OccupationProfile("11-0005.00", "Designer", (2.0, 2.5, 7.0, 3.0, 3.0, 1.0), "A", 4),
    OccupationProfile("11-0006.00", "Clerk", (1.5, 2.0, 1.0, 3.0, 3.0, 7.0), "CE", None),
    OccupationProfile("11-0007.00", "Unrated", None, "", 1),
    OccupationProfile("11-0008.00", "Flat", (4.0,) * 6, "", 1),
)


@pytest.fixture(scope="module")
def small() -> InterestIndex:
    return InterestIndex.build(reversed(HAND_MADE), release="hand-made 1")


@pytest.fixture(scope="module")
def index(onet: OccupationCatalog) -> InterestIndex:
    return InterestIndex.from_catalog(onet)


def test_ranks_by_pearson_with_code_tie_break(small: InterestIndex) -> None:
    result = rank_interests((40, 20, 0, 5, 10, 25), small, top=6, today=TODAY)
    assert result.codes[:2] == ("11-0001.00", "11-0002.00")  # identical profiles: code order
    assert result.matches[0].r == result.matches[1].r
    for m in result.matches:
        profile = next(p for p in HAND_MADE if p.code == m.code)
        assert profile.interests is not None
        assert m.r == pytest.approx(
            statistics.correlation((40, 20, 0, 5, 10, 25), profile.interests)
        )
    assert [m.r for m in result.matches] == sorted((m.r for m in result.matches), reverse=True)
    assert [m.rank for m in result.matches] == list(range(1, 7))
    assert result.excluded.unrated == ("11-0007.00", "11-0008.00")
    assert result.excluded.below_top == 0
    assert result.release == "hand-made 1"
    assert result.computed_on == TODAY


def test_zone_filter_widens_and_says_so(small: InterestIndex) -> None:
    exact = rank_interests((10, 40, 0, 5, 10, 25), small, top=1, zone=3, today=TODAY)
    assert exact.codes == ("11-0003.00",)
    assert not exact.filters.widened
    assert exact.excluded.outside_zone == 4
    assert exact.excluded.no_zone == 1
    wide = rank_interests((10, 40, 0, 5, 10, 25), small, top=3, zone=3, today=TODAY)
    assert wide.filters.zones == (2, 3, 4)
    assert wide.filters.widened
    assert "widened to 2-4" in wide.notes[0]
    assert {m.job_zone for m in wide.matches} <= {2, 3, 4}
    with pytest.raises(ValidationError) as info:
        rank_interests((10, 40, 0, 5, 10, 25), small, zone=6)
    assert info.value.paths == ("zone",)
    with pytest.raises(ValidationError):
        rank_interests((10, 40, 0, 5, 10, 25), small, top=0)


def test_excluded_codes_are_left_out_and_counted(small: InterestIndex) -> None:
    result = rank_interests((40, 20, 0, 5, 10, 25), small, top=2, exclude=["11-0001.00"])
    assert result.codes == ("11-0002.00", "11-0003.00")
    assert result.excluded.dismissed == 1
    assert result.filters.excluded_codes == ("11-0001.00",)


def test_explanations(small: InterestIndex) -> None:
    result = rank_interests((40, 20, 0, 5, 10, 25), small, top=6, today=TODAY)
    designer = next(m for m in result.matches if m.code == "11-0005.00")
    assert designer.student_code == "RCI"
    assert designer.occupation_code == "A"
    assert designer.iachan_m == 0
    assert designer.brown_gore_c == 3 * 1  # R vs A: distance 2, X1 = 1; no 2nd/3rd letter
    mechanic = result.matches[0]
    assert (mechanic.iachan_m, mechanic.brown_gore_c) == (22 + 5, 3 * 3 + 2 * 3)
    for m in result.matches:
        total = 0.0
        for c in m.contributions:
            total += c
        assert total == m.r


def test_flat_profiles_are_refused_unless_best_effort(small: InterestIndex) -> None:
    with pytest.raises(UndifferentiatedProfileError) as info:
        rank_interests(InterestScores((30,) * 6), small)
    assert info.value.paths == ("scores",)
    with pytest.raises(UndifferentiatedProfileError):
        rank_interests((7, 7, 7, 7, 7, 7), small, best_effort=True)
    nearly_flat = InterestScores((21, 19, 20, 20, 20, 20))
    with pytest.raises(UndifferentiatedProfileError, match="best_effort"):
        rank_interests(nearly_flat, small)
    result = rank_interests(nearly_flat, small, best_effort=True)
    assert result.low_confidence
    assert any("low confidence" in n for n in result.notes)
    assert result.scale == "onet-ip-sf-60 raw 0-40"


def test_renderings_escape_and_attribute(small: InterestIndex) -> None:
    result = rank_interests((0, 10, 20, 40, 30, 5), small, top=3, zone=4, today=TODAY)
    doc = result.to_dict()
    assert json.loads(json.dumps(doc)) == doc
    assert doc["attribution"] == ONET_ATTRIBUTION
    assert doc["matches"][0]["explanation"]["occupation_code"] == "SEA"
    assert doc["filters"]["widened"] is True
    page = result._repr_html_()
    assert "Teacher &lt;b&gt;" in page
    assert "<b>" not in page
    assert "CC BY 4.0" in page
    text = str(result)
    assert "Teacher <b>" in text
    assert ONET_ATTRIBUTION in text
    assert "widened" in text


# --- the O*NET 30.1 catalog ------------------------------------------------------------------


def test_onet_example_reproduces_its_best_fits(index: InterestIndex) -> None:
    # O*NET Web Services' example answers (R27 I13 A23 S25 E14 C14) list Dancers and
    # Skincare Specialists first, both with fit "Best".
    result = rank_interests(ONET_EXAMPLE_SCORES, index, top=20, today=TODAY)
    assert set(result.codes[:2]) == {"27-2031.00", "39-5094.00"}
    assert result.release == "O*NET 30.1"
    assert len(result.excluded.unrated) == len(index.unrated) == 93
    assert result.excluded.below_top == 923 - 20


@pytest.mark.parametrize("area", range(6))
def test_pure_type_top_ten_share_its_first_high_point(index: InterestIndex, area: int) -> None:
    scores = [0] * 6
    scores[area] = 40
    result = rank_interests(scores, index, top=10)
    assert [m.occupation_code[0] for m in result.matches] == [RIASEC[area]] * 10


def test_dismissed_careers_do_not_count_towards_the_zone(index: InterestIndex) -> None:
    in_zone_1 = [p.code for p in index.rated if p.job_zone == 1]
    assert len(in_zone_1) == 33
    result = rank_interests(ONET_EXAMPLE_SCORES, index, top=30, zone=1, exclude=in_zone_1[:5])
    assert result.filters.zones == (1, 2)
    assert len(result) == 30
    assert not set(result.codes) & set(in_zone_1[:5])
    assert result.excluded.dismissed == 5


def test_real_zone_widening(index: InterestIndex) -> None:
    # 33 rated occupations are in Job Zone 1; asking for 50 widens to zones 1-2.
    result = rank_interests(ONET_EXAMPLE_SCORES, index, top=50, zone=1)
    assert result.filters.zones == (1, 2)
    assert len(result) == 50
    assert rank_interests(ONET_EXAMPLE_SCORES, index, top=20, zone=1).filters.zones == (1,)


scores6 = st.lists(st.integers(0, 40), min_size=6, max_size=6).filter(lambda s: len(set(s)) > 1)


@settings(max_examples=60, deadline=None)
@given(scores6, st.integers(1, 7), st.integers(-50, 50))
def test_ranking_is_invariant_to_scale_and_shift(
    index: InterestIndex, scores: list[int], factor: int, shift: int
) -> None:
    base = rank_interests(scores, index, top=20, today=TODAY)
    moved = rank_interests([s * factor + shift for s in scores], index, top=20, today=TODAY)
    halves = rank_interests([s / 2 for s in scores], index, top=20, today=TODAY)
    assert moved.codes == base.codes == halves.codes
    assert [m.r for m in moved.matches] == [m.r for m in base.matches]


@settings(max_examples=60, deadline=None)
@given(scores6, st.integers(1, 60), st.sampled_from([None, 1, 2, 3, 4, 5]))
def test_pruned_search_equals_scoring_everything(
    index: InterestIndex, scores: list[int], top: int, zone: int | None
) -> None:
    result = rank_interests(scores, index, top=top, zone=zone)
    u = unit_vector(scores)
    assert u is not None
    eligible = [
        (i, p) for i, p in enumerate(index.rated)
        if result.filters.zones is None or p.job_zone in result.filters.zones
    ]  # fmt: skip
    rs = index.vectors.all_scores(u)
    expected = sorted(eligible, key=lambda ip: (-rs[ip[0]], ip[1].code))[:top]
    assert result.codes == tuple(p.code for _, p in expected)
    assert [m.r for m in result.matches] == [rs[i] for i, _ in expected]


@given(
    st.lists(st.tuples(*[st.floats(-1, 1, allow_nan=False)] * 6), min_size=1, max_size=40),
    st.tuples(*[st.integers(-5, 5)] * 6),
    st.integers(1, 45),
)
def test_vector_index_top_is_exact_on_random_vectors(
    raw: list[tuple[float, ...]], student: tuple[int, ...], k: int
) -> None:
    vectors = [v for v in (unit_vector(r) for r in raw) if v is not None]
    u = unit_vector(student)
    if u is None or not vectors:
        return
    vi = VectorIndex(tuple(vectors))
    rs = vi.all_scores(u)
    expected = sorted(range(len(vectors)), key=lambda i: (-rs[i], i))[:k]
    assert [p for _, p in vi.top(u, k)] == expected


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 40), st.lists(st.integers(-1, 1), min_size=6, max_size=6))
def test_flat_profiles_are_always_refused(
    index: InterestIndex, level: int, jitter: list[int]
) -> None:
    values = tuple(min(40, max(0, level + j)) for j in jitter)
    scores = InterestScores(values)
    assert scores.undifferentiated  # a spread of at most one point is below 2 on 0-40
    with pytest.raises(UndifferentiatedProfileError):
        rank_interests(scores, index)
    if len(set(values)) > 1:
        assert rank_interests(scores, index, best_effort=True, top=3).low_confidence


@settings(max_examples=40, deadline=None)
@given(scores6, st.sampled_from([None, 2, 4]))
def test_contributions_sum_to_r_on_the_catalog(
    index: InterestIndex, scores: list[int], zone: int | None
) -> None:
    for m in rank_interests(scores, index, top=10, zone=zone).matches:
        total = 0.0
        for c in m.contributions:
            total += c
        assert total == m.r
        assert abs(m.r) <= 1 + 1e-12
