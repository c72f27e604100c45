"""Work values ranking and the combined interests + values ranking."""

from __future__ import annotations

import json
import statistics
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import UndifferentiatedProfileError, ValidationError
from ilpcore.matching import ONET_ATTRIBUTION, OccupationCatalog
from ilpcore.matching.ranking import InterestIndex, OccupationProfile, rank_interests
from ilpcore.matching.values import (
    ValuesIndex,
    ValuesProfile,
    rank_combined,
    rank_work_values,
)

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def values_index(onet: OccupationCatalog) -> ValuesIndex:
    return ValuesIndex.from_catalog(onet)


@pytest.fixture(scope="module")
def interest_index(onet: OccupationCatalog) -> InterestIndex:
    return InterestIndex.from_catalog(onet)


def test_catalog_values_index(values_index: ValuesIndex) -> None:
    assert len(values_index.rated) == 874
    assert values_index.release == "O*NET 30.1"


def test_ranks_by_pearson_on_ex_profiles(values_index: ValuesIndex) -> None:
    student = (6, 3, 5, 2, 2, 7)  # achievement, recognition, independence
    result = rank_work_values(student, values_index, top=10, today=TODAY)
    by_code = {p.code: p for p in values_index.rated}
    rs = [m.r for m in result.matches]
    assert rs == sorted(rs, reverse=True)
    for m in result.matches:
        ex = by_code[m.code].work_values
        assert ex is not None
        assert m.r == pytest.approx(statistics.correlation(student, ex))
        total = 0.0
        for c in m.contributions:
            total += c
        assert total == m.r
    doc = result.to_dict()
    assert json.loads(json.dumps(doc)) == doc
    assert ONET_ATTRIBUTION in result.to_text()
    with pytest.raises(UndifferentiatedProfileError):
        rank_work_values((4,) * 6, values_index)
    with pytest.raises(ValidationError):
        rank_work_values((4, 5), values_index)


def test_combined_shows_its_weights(
    interest_index: InterestIndex, values_index: ValuesIndex
) -> None:
    result = rank_combined(
        (27, 13, 23, 25, 14, 14),
        (5, 4, 3, 7, 4, 3),
        interest_index,
        values_index,
        weights={"interests": 0.7, "values": 0.3},
        top=10,
        today=TODAY,
    )
    assert result.weights == (("interests", 0.7), ("values", 0.3))
    for m in result.matches:
        assert m.score == 0.7 * m.r_interests + 0.3 * m.r_values
    assert "0.7 x r(interests) + 0.3 x r(work values)" in result.to_text()
    assert result.to_dict()["weights"] == {"interests": 0.7, "values": 0.3}
    assert result.missing_values == 923 - 874
    assert "&times;" in result._repr_html_()


def test_weight_one_on_interests_reproduces_the_interest_order(
    interest_index: InterestIndex, values_index: ValuesIndex
) -> None:
    scores = (27, 13, 23, 25, 14, 14)
    combined = rank_combined(
        scores, (5, 4, 3, 7, 4, 3), interest_index, values_index,
        weights={"interests": 1, "values": 0}, top=15,
    )  # fmt: skip
    rated_values = {p.code for p in values_index.rated}
    interest_only = list(rank_interests(scores, interest_index, top=60).codes)
    assert list(combined.codes) == [c for c in interest_only if c in rated_values][:15]


def test_bad_weights(interest_index: InterestIndex, values_index: ValuesIndex) -> None:
    with pytest.raises(ValidationError) as info:
        rank_combined(
            (1, 2, 3, 4, 5, 6), (1, 2, 3, 4, 5, 6), interest_index, values_index,
            weights={"interests": 1.5, "values": -0.5},
        )  # fmt: skip
    assert info.value.paths == ("weights.interests", "weights.values")
    with pytest.raises(ValidationError):
        rank_combined(
            (1, 2, 3, 4, 5, 6), (1, 2, 3, 4, 5, 6), interest_index, values_index,
            weights={"interests": 0.5},
        )  # fmt: skip
    with pytest.raises(ValidationError):
        rank_combined(
            (1, 2, 3, 4, 5, 6), (1, 2, 3, 4, 5, 6), interest_index, values_index,
            weights={"interests": 0.5, "values": 0.6},
        )  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 7), min_size=6, max_size=6).filter(lambda v: len(set(v)) > 1))
def test_small_index_matches_exhaustive_order(values: list[int]) -> None:
    profiles = [
        ValuesProfile(
            f"{i:02d}", f"Job {i}", tuple(float((i * 7 + k * 3) % 7 + 1) for k in range(6))
        )
        for i in range(30)
    ]
    index = ValuesIndex.build(profiles, release="t")
    result = rank_work_values(values, index, top=30)
    rated = {p.code: p for p in index.rated}
    expected = sorted(
        rated,
        key=lambda c: (-statistics.correlation(values, rated[c].work_values or ()), c),
    )
    got = list(result.codes)
    assert sorted(got) == sorted(expected)
    for a, b in zip(result.matches, result.matches[1:], strict=False):
        assert (a.r, b.code) >= (b.r, a.code)


def test_interest_profile_helper_is_unchanged() -> None:
    assert OccupationProfile("1", "x", None).interests is None
