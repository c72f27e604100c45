"""Holland codes and congruence indices between a person's code and an occupation's.

Codes are strings of RIASEC letters, most important first (``"RIA"``).  The
hexagon is R-I-A-S-E-C-R; :func:`hexagon_distance` is 1 for neighbours, 2 for
alternates and 3 for opposites.

Occupations do not always have three high points: in O*NET 30.1, 19 have no
second and 428 no third.  **Rule for short codes:** a missing letter agrees with
nothing.  It adds 0 to Iachan's M and 0 to Brown & Gore's C (its ``X`` is taken
as 0, the value for opposite types), so the indices keep their 0-28 and 0-18
ranges and an occupation with fewer high points can never score higher than one
that also matches on the missing position.  A person's code is always complete.

>>> iachan_m("RIA", "IRA"), brown_gore_c("RIA", "IRA")
(21, 13)
>>> iachan_m("RIA", "R"), brown_gore_c("RIA", "R")
(22, 9)
>>> holland_code((27, 13, 23, 25, 14, 14))
'RSA'
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final

from ilpcore.exceptions import Problem, ValidationError

__all__ = [
    "AREA_NAMES",
    "RIASEC",
    "brown_gore_c",
    "hexagon_distance",
    "holland_code",
    "holland_one_letter",
    "iachan_m",
    "iachan_m2",
    "iachan_m_mean",
    "tied_codes",
]

RIASEC: Final = ("R", "I", "A", "S", "E", "C")
"""The six interest areas in hexagon order; every score tuple in ilpcore uses this order."""

AREA_NAMES: Final = (
    "Realistic",
    "Investigative",
    "Artistic",
    "Social",
    "Enterprising",
    "Conventional",
)

_POSITION: Final = {letter: i for i, letter in enumerate(RIASEC)}
_IACHAN_3: Final = ((22, 10, 4), (10, 5, 2), (4, 2, 1))
_IACHAN_2: Final = ((5, 2), (2, 1))


def _check_code(code: str, path: str, *, min_len: int, max_len: int) -> None:
    problems = []
    if not min_len <= len(code) <= max_len:
        problems.append(
            Problem(path, f"{code!r} has {len(code)} letters, expected {min_len}-{max_len}")
        )
    bad = [c for c in code if c not in _POSITION]
    if bad:
        problems.append(Problem(path, f"{code!r} has letters outside RIASEC: {''.join(bad)}"))
    if len(set(code)) != len(code):
        problems.append(Problem(path, f"{code!r} repeats a letter"))
    if problems:
        raise ValidationError(problems)


def hexagon_distance(a: str, b: str) -> int:
    """Steps between two areas on the RIASEC hexagon: 0 same, 1 adjacent, 2 alternate, 3 opposite.

    >>> hexagon_distance("R", "C"), hexagon_distance("R", "A"), hexagon_distance("A", "C")
    (1, 2, 3)
    """
    _check_code(a, "a", min_len=1, max_len=1)
    _check_code(b, "b", min_len=1, max_len=1)
    d = abs(_POSITION[a] - _POSITION[b])
    return min(d, 6 - d)


def holland_one_letter(person: str, occupation: str) -> int:
    """Holland's one-letter index: 1 when the first letters agree, else 0.

    >>> holland_one_letter("RIA", "RSE"), holland_one_letter("RIA", "IRA")
    (1, 0)
    """
    _check_code(person, "person", min_len=1, max_len=6)
    _check_code(occupation, "occupation", min_len=1, max_len=6)
    return int(person[0] == occupation[0])


def _weighted_matches(person: str, occupation: str, weights: tuple[tuple[int, ...], ...]) -> int:
    n = len(weights)
    return sum(
        weights[i][j]
        for i, p in enumerate(person[:n])
        for j, e in enumerate(occupation[:n])
        if p == e
    )


def iachan_m(person: str, occupation: str) -> int:
    """Iachan's (1984) M, 0-28, on three-letter codes; short occupation codes per the module rule.

    >>> iachan_m("RIA", "RIA"), iachan_m("RIA", "SEC"), iachan_m("RIA", "RSA")
    (28, 0, 23)
    """
    _check_code(person, "person", min_len=3, max_len=3)
    _check_code(occupation, "occupation", min_len=1, max_len=3)
    return _weighted_matches(person, occupation, _IACHAN_3)


def iachan_m2(person: str, occupation: str) -> int:
    """Iachan's (1990) two-letter M, 0-6, on the first two letters of each code.

    >>> iachan_m2("RIA", "IRS"), iachan_m2("RI", "R")
    (4, 5)
    """
    _check_code(person, "person", min_len=2, max_len=6)
    _check_code(occupation, "occupation", min_len=1, max_len=6)
    return _weighted_matches(person[:2], occupation[:2], _IACHAN_2)


def iachan_m_mean(persons: Sequence[str], occupations: Sequence[str]) -> float:
    """Iachan's tie rule: the mean M over every pair of tie-broken codes.

    When scores tie, each admissible ordering is a candidate code (see :func:`tied_codes`);
    M is averaged over all pairs.

    >>> iachan_m_mean(["SEA"], ["ESA", "ESI"])
    20.5
    """
    if not persons or not occupations:
        raise ValidationError.at("codes", "needs at least one code on each side")
    total = sum(iachan_m(p, o) for p in persons for o in occupations)
    return total / (len(persons) * len(occupations))


def brown_gore_c(person: str, occupation: str) -> int:
    """Brown & Gore's (1994) C = 3*X1 + 2*X2 + X3 with X = 3 - hexagon distance, 0-18.

    A missing occupation letter gives X = 0 (module rule).

    >>> brown_gore_c("RIA", "RIA"), brown_gore_c("RIA", "SEC"), brown_gore_c("RIA", "RSE")
    (18, 0, 12)
    """
    _check_code(person, "person", min_len=3, max_len=3)
    _check_code(occupation, "occupation", min_len=1, max_len=3)
    total = 0
    for weight, p, e in zip((3, 2, 1), person, occupation, strict=False):
        d = abs(_POSITION[p] - _POSITION[e])
        total += weight * (3 - min(d, 6 - d))
    return total


def _check_scores(scores: Sequence[float]) -> None:
    if len(scores) != len(RIASEC):
        raise ValidationError.at("scores", f"needs 6 scores in RIASEC order, got {len(scores)}")


def holland_code(scores: Sequence[float], length: int = 3) -> str:
    """The code of the ``length`` highest of six scores (RIASEC order).

    **Tie rule:** equal scores are ordered by hexagon order R, I, A, S, E, C, so the
    result is deterministic; :func:`tied_codes` gives every code the ties allow.

    >>> holland_code((10, 30, 30, 5, 0, 0))
    'IAR'
    """
    _check_scores(scores)
    order = sorted(range(6), key=lambda i: (-scores[i], i))
    return "".join(RIASEC[i] for i in order[:length])


def tied_codes(scores: Sequence[float], length: int = 3) -> tuple[str, ...]:
    """Every code of ``length`` letters consistent with the scores when ties can go either way.

    The first is :func:`holland_code`'s choice.

    >>> tied_codes((10, 30, 30, 5, 0, 0))
    ('IAR', 'AIR')
    >>> tied_codes((30, 20, 10, 10, 10, 0), 3)
    ('RIA', 'RIS', 'RIE')
    """
    _check_scores(scores)
    distinct = sorted(set(scores), reverse=True)
    groups = [[i for i in range(6) if scores[i] == v] for v in distinct]
    codes: list[str] = []
    need = length
    prefixes: list[str] = [""]
    for group in groups:
        if need <= 0:
            break
        take = min(need, len(group))
        picks = ["".join(RIASEC[i] for i in perm) for perm in itertools.permutations(group, take)]
        prefixes = [p + q for p in prefixes for q in picks]
        need -= take
    codes = prefixes
    first = holland_code(scores, length)
    return (first, *(c for c in codes if c != first))
