"""Work values: rank occupations by correlation with O*NET's Work Values (EX) profiles.

A work-values result (e.g. from the Work Importance Profiler) has six scores in the
order of :data:`~ilpcore.matching.catalog.WORK_VALUES` (Achievement, Working
Conditions, Recognition, Relationships, Support, Independence).  Occupations are
ranked by Pearson r with their Work Values *extent* (EX, 1-7) profile, exactly like
interests (same vectors, same tie-break by code); O*NET's value high points (VH) are
shown, not used for ranking.

:func:`rank_combined` mixes both correlations with explicit weights that every result
shows: ``score = w_interests * r_interests + w_values * r_values``.

>>> from ilpcore.matching.ranking import InterestIndex, OccupationProfile
>>> values = ValuesIndex.build(
...     [ValuesProfile("1", "Nurse", (5, 4, 3, 7, 4, 3)),
...      ValuesProfile("2", "Founder", (6, 3, 6, 2, 2, 7))], release="tiny")
>>> [m.code for m in rank_work_values((3, 2, 1, 6, 3, 2), values).matches]
['1', '2']
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Final, Protocol

import attrs

from ilpcore.exceptions import Problem, UndifferentiatedProfileError, ValidationError
from ilpcore.matching._vectors import VectorIndex, unit_vector
from ilpcore.matching.attribution import ONET_ATTRIBUTION
from ilpcore.matching.catalog import WORK_VALUES
from ilpcore.matching.interests import InterestScores
from ilpcore.matching.ranking import InterestIndex, student_profile

__all__ = [
    "DEFAULT_WEIGHTS",
    "CombinedMatch",
    "CombinedResult",
    "ValuesIndex",
    "ValuesMatch",
    "ValuesProfile",
    "ValuesResult",
    "rank_combined",
    "rank_work_values",
]

DEFAULT_WEIGHTS: Final = {"interests": 0.5, "values": 0.5}
VALUES_METHOD: Final = "Pearson correlation with O*NET Work Values extent (EX) profiles"


@attrs.frozen
class ValuesProfile:
    """What values ranking needs of one occupation."""

    code: str
    title: str
    work_values: tuple[float, ...] | None
    """EX scores in :data:`WORK_VALUES` order, or ``None`` when not rated."""
    high_points: tuple[str, ...] = ()
    """O*NET's work value high points (VH), as names."""


class _Catalog(Protocol):
    @property
    def release(self) -> str: ...
    @property
    def occupations(self) -> tuple[Any, ...]: ...


@attrs.frozen
class ValuesIndex:
    """Occupation EX profiles, centred and normalised once; unrated ones kept aside."""

    release: str
    rated: tuple[ValuesProfile, ...]
    unrated: tuple[str, ...]
    vectors: VectorIndex

    @classmethod
    def build(cls, profiles: Iterable[ValuesProfile], *, release: str) -> ValuesIndex:
        rated: list[tuple[ValuesProfile, tuple[float, ...]]] = []
        unrated: list[str] = []
        for i, p in enumerate(sorted(profiles, key=lambda p: p.code)):
            if p.work_values is not None and len(p.work_values) != len(WORK_VALUES):
                raise ValidationError.at(f"profiles[{i}].work_values", "needs 6 values")
            v = None if p.work_values is None else unit_vector(p.work_values)
            if v is None:
                unrated.append(p.code)
            else:
                rated.append((p, v))
        return cls(
            release,
            tuple(p for p, _ in rated),
            tuple(unrated),
            VectorIndex(tuple(v for _, v in rated)),
        )

    @classmethod
    def from_catalog(cls, catalog: _Catalog) -> ValuesIndex:
        return cls.build(
            (
                ValuesProfile(
                    o.code,
                    o.title,
                    None if o.work_values is None else tuple(o.work_values),
                    tuple(o.work_value_high_points),
                )
                for o in catalog.occupations
            ),
            release=catalog.release,
        )


def _values_unit(values: Sequence[float]) -> tuple[float, ...]:
    if len(values) != len(WORK_VALUES):
        raise ValidationError.at("values", f"needs 6 work-value scores, got {len(values)}")
    u = unit_vector(tuple(values))
    if u is None:
        raise UndifferentiatedProfileError(
            [Problem("values", "all six work values are equal, so there is nothing to correlate")]
        )
    return u


@attrs.frozen
class ValuesMatch:
    rank: int
    code: str
    title: str
    r: float
    contributions: tuple[float, ...]
    """Each value's share of r (they add up to r), in :data:`WORK_VALUES` order."""
    high_points: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "code": self.code,
            "title": self.title,
            "r": self.r,
            "contributions": dict(zip(WORK_VALUES, self.contributions, strict=True)),
            "high_points": list(self.high_points),
        }


@attrs.frozen
class ValuesResult:
    matches: tuple[ValuesMatch, ...]
    release: str
    values: tuple[float, ...]
    unrated: tuple[str, ...]
    computed_on: date
    method: str = VALUES_METHOD

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.matches)

    def to_dict(self) -> dict[str, Any]:
        return {
            "release": self.release,
            "method": self.method,
            "computed_on": self.computed_on.isoformat(),
            "values": dict(zip(WORK_VALUES, self.values, strict=True)),
            "unrated": list(self.unrated),
            "matches": [m.to_dict() for m in self.matches],
            "attribution": ONET_ATTRIBUTION,
        }

    def to_text(self) -> str:
        lines = [f"{self.release}, {self.method}, {self.computed_on.isoformat()}"]
        lines += [f"{m.rank:>3}. {m.code}  {m.title}  r={m.r:.3f}" for m in self.matches]
        lines += [f"Not rated for work values: {len(self.unrated)}", "", ONET_ATTRIBUTION]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{m.rank}</td><td>{html.escape(m.code)}</td>"
            f"<td>{html.escape(m.title)}</td><td>{m.r:.3f}</td></tr>"
            for m in self.matches
        )
        return (
            f"<p>{html.escape(self.release)}: {html.escape(self.method)}</p>"
            f"<table><tr><th>#</th><th>Code</th><th>Title</th><th>r</th></tr>{rows}</table>"
            f"<p><small>{html.escape(ONET_ATTRIBUTION)}</small></p>"
        )


def rank_work_values(
    values: Sequence[float], index: ValuesIndex, *, top: int = 20, today: date | None = None
) -> ValuesResult:
    """Occupations ranked by r between six work-value scores and their EX profiles."""
    u = _values_unit(values)
    found = index.vectors.top(u, top)
    matches = tuple(
        ValuesMatch(
            rank,
            index.rated[p].code,
            index.rated[p].title,
            r,
            tuple(a * b for a, b in zip(u, index.vectors.vectors[p], strict=True)),
            index.rated[p].high_points,
        )
        for rank, (r, p) in enumerate(found, start=1)
    )
    return ValuesResult(matches, index.release, tuple(values), index.unrated, today or date.today())


def _weights(weights: Mapping[str, float]) -> tuple[float, float]:
    problems = []
    if set(weights) != {"interests", "values"}:
        problems.append(Problem("weights", "needs exactly the keys 'interests' and 'values'"))
    else:
        for key, w in weights.items():
            if not isinstance(w, int | float) or isinstance(w, bool) or not 0 <= w <= 1:
                problems.append(Problem(f"weights.{key}", f"{w!r} is not a weight 0-1"))
        if not problems and abs(weights["interests"] + weights["values"] - 1) > 1e-9:
            problems.append(Problem("weights", "the two weights must add up to 1"))
    if problems:
        raise ValidationError(problems)
    return float(weights["interests"]), float(weights["values"])


@attrs.frozen
class CombinedMatch:
    rank: int
    code: str
    title: str
    score: float
    """``w_interests * r_interests + w_values * r_values``."""
    r_interests: float
    r_values: float


@attrs.frozen
class CombinedResult:
    """Occupations ranked by a weighted sum of interest and work-values correlations."""

    matches: tuple[CombinedMatch, ...]
    weights: tuple[tuple[str, float], ...]
    """The weights used, shown with every result: ``(("interests", w), ("values", w))``."""
    release: str
    computed_on: date
    missing_interests: int
    """Occupations left out because O*NET has no interest profile for them."""
    missing_values: int
    """Occupations left out because O*NET has no work-values profile for them."""

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.matches)

    def to_dict(self) -> dict[str, Any]:
        return {
            "release": self.release,
            "computed_on": self.computed_on.isoformat(),
            "weights": dict(self.weights),
            "formula": "score = w_interests * r_interests + w_values * r_values",
            "missing_interests": self.missing_interests,
            "missing_values": self.missing_values,
            "matches": [attrs.asdict(m) for m in self.matches],
            "attribution": ONET_ATTRIBUTION,
        }

    def to_text(self) -> str:
        w = dict(self.weights)
        lines = [
            f"{self.release}: score = {w['interests']:g} x r(interests) + "
            f"{w['values']:g} x r(work values), {self.computed_on.isoformat()}"
        ]
        lines += [
            f"{m.rank:>3}. {m.code}  {m.title}  score={m.score:.3f} "
            f"(interests r={m.r_interests:.3f}, values r={m.r_values:.3f})"
            for m in self.matches
        ]
        lines += ["", ONET_ATTRIBUTION]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        w = dict(self.weights)
        rows = "".join(
            f"<tr><td>{m.rank}</td><td>{html.escape(m.code)}</td><td>{html.escape(m.title)}</td>"
            f"<td>{m.score:.3f}</td><td>{m.r_interests:.3f}</td><td>{m.r_values:.3f}</td></tr>"
            for m in self.matches
        )
        return (
            f"<p>score = {w['interests']:g} &times; r(interests) + "
            f"{w['values']:g} &times; r(work values)</p><table><tr><th>#</th><th>Code</th>"
            "<th>Title</th><th>Score</th><th>r interests</th><th>r values</th></tr>"
            f"{rows}</table><p><small>{html.escape(ONET_ATTRIBUTION)}</small></p>"
        )


def rank_combined(
    interests: InterestScores | Sequence[float],
    values: Sequence[float],
    interest_index: InterestIndex,
    values_index: ValuesIndex,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    top: int = 20,
    best_effort: bool = False,
    today: date | None = None,
) -> CombinedResult:
    """Rank occupations rated for both by ``w_i * r_interests + w_v * r_values`` (ties: code)."""
    w_i, w_v = _weights(weights)
    student = student_profile(interests, best_effort=best_effort)
    r_i = dict(
        zip(
            (p.code for p in interest_index.rated),
            interest_index.vectors.all_scores(student.unit),
            strict=True,
        )
    )
    r_v = dict(
        zip(
            (p.code for p in values_index.rated),
            values_index.vectors.all_scores(_values_unit(values)),
            strict=True,
        )
    )
    titles = {p.code: p.title for p in interest_index.rated}
    both = sorted(
        ((w_i * r_i[c] + w_v * r_v[c], c) for c in r_i.keys() & r_v.keys()),
        key=lambda t: (-t[0], t[1]),
    )
    matches = tuple(
        CombinedMatch(rank, c, titles[c], score, r_i[c], r_v[c])
        for rank, (score, c) in enumerate(both[:top], start=1)
    )
    return CombinedResult(
        matches,
        (("interests", w_i), ("values", w_v)),
        interest_index.release,
        today or date.today(),
        missing_interests=len(r_v.keys() - r_i.keys()),
        missing_values=len(r_i.keys() - r_v.keys()),
    )
