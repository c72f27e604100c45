"""Congruence indices: the published test vectors and the short-code rule."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.exceptions import ValidationError
from ilpcore.matching.congruence import (
    RIASEC,
    brown_gore_c,
    hexagon_distance,
    holland_code,
    holland_one_letter,
    iachan_m,
    iachan_m2,
    iachan_m_mean,
    tied_codes,
)


@pytest.mark.parametrize(
    ("person", "occupation", "m", "c"),
    [
        ("RIA", "RIA", 28, 18),
        ("RIA", "SEC", 0, 0),
        ("RIA", "IRA", 21, 13),
        ("RIA", "RSA", 23, 14),
        ("RIA", "RSE", 22, 12),
    ],
)
def test_published_vectors(person: str, occupation: str, m: int, c: int) -> None:
    assert iachan_m(person, occupation) == m
    assert brown_gore_c(person, occupation) == c


def test_iachan_tie_averaging() -> None:
    assert iachan_m("SEA", "ESA") == 21
    assert iachan_m("SEA", "ESI") == 20
    assert iachan_m_mean(["SEA"], ["ESA", "ESI"]) == 20.5
    with pytest.raises(ValidationError):
        iachan_m_mean([], ["ESA"])


def test_two_letter_iachan() -> None:
    assert iachan_m2("RI", "RI") == 6
    assert iachan_m2("RI", "IR") == 4
    assert iachan_m2("RI", "SE") == 0
    assert iachan_m2("RIA", "RSE") == 5


def test_hexagon() -> None:
    assert [hexagon_distance("R", x) for x in RIASEC] == [0, 1, 2, 3, 2, 1]
    for a, b in itertools.product(RIASEC, repeat=2):
        assert hexagon_distance(a, b) == hexagon_distance(b, a)
    assert holland_one_letter("SEC", "SIA") == 1
    assert holland_one_letter("SEC", "ESA") == 0


def test_short_occupation_codes_match_nothing_in_missing_places() -> None:
    assert iachan_m("RIA", "RI") == 22 + 5
    assert iachan_m("RIA", "R") == 22
    assert brown_gore_c("RIA", "RI") == 9 + 6
    assert brown_gore_c("RIA", "R") == 9
    assert iachan_m2("RIA", "R") == 5


codes3 = st.permutations(RIASEC).map(lambda p: "".join(p[:3]))


@given(codes3, codes3, st.integers(1, 2))
def test_truncating_an_occupation_code_never_raises_the_indices(
    person: str, occupation: str, keep: int
) -> None:
    assert iachan_m(person, occupation[:keep]) <= iachan_m(person, occupation)
    assert brown_gore_c(person, occupation[:keep]) <= brown_gore_c(person, occupation)
    assert 0 <= iachan_m(person, occupation) <= 28
    assert 0 <= brown_gore_c(person, occupation) <= 18


def test_bad_codes_are_refused_with_a_path() -> None:
    with pytest.raises(ValidationError) as info:
        iachan_m("RIX", "RIA")
    assert info.value.paths == ("person",)
    with pytest.raises(ValidationError):
        brown_gore_c("RIA", "RRA")
    with pytest.raises(ValidationError):
        iachan_m("RI", "RIA")
    with pytest.raises(ValidationError):
        holland_code((1, 2, 3))


def test_student_code_and_tie_rule() -> None:
    assert holland_code((27, 13, 23, 25, 14, 14)) == "RSA"
    assert holland_code((0, 0, 0, 0, 0, 40)) == "CRI"
    assert tied_codes((0, 0, 0, 0, 0, 40)) == (
        "CRI", "CRA", "CRS", "CRE", "CIR", "CIA", "CIS", "CIE", "CAR", "CAI", "CAS", "CAE",
        "CSR", "CSI", "CSA", "CSE", "CER", "CEI", "CEA", "CES",
    )  # fmt: skip
    assert tied_codes((27, 13, 23, 25, 14, 14)) == ("RSA",)
    assert tied_codes((20, 20, 5, 5, 5, 5), 2) == ("RI", "IR")


@given(st.lists(st.integers(0, 40), min_size=6, max_size=6))
def test_tied_codes_all_respect_the_scores(scores: list[int]) -> None:
    codes = tied_codes(scores)
    assert codes[0] == holland_code(scores)
    assert len(set(codes)) == len(codes)
    for code in codes:
        values = [scores[RIASEC.index(c)] for c in code]
        assert values == sorted(values, reverse=True)
        rest = [scores[i] for i, a in enumerate(RIASEC) if a not in code]
        assert max(rest) <= values[-1]
