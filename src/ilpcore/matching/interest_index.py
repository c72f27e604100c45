"""The occupations' interest profiles, centred and normalised once, ready to rank against."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import attrs

from ilpcore.exceptions import Problem, ValidationError
from ilpcore.matching._vectors import VectorIndex, unit_vector
from ilpcore.matching.congruence import RIASEC

__all__ = ["InterestIndex", "OccupationProfile", "profiles_from_catalog"]


@attrs.frozen
class OccupationProfile:
    """What ranking needs of one occupation (a plain record, easy to build in tests)."""

    code: str
    title: str
    interests: tuple[float, ...] | None
    """OI scores in RIASEC order, or ``None`` when the occupation is not rated."""
    high_points: str = ""
    """O*NET's Interest High-Points, e.g. ``"RIC"``; may have fewer than three letters."""
    job_zone: int | None = None


class _CatalogOccupation(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def interests(self) -> tuple[float, ...] | None: ...
    @property
    def high_points(self) -> tuple[str, ...]: ...
    @property
    def job_zone(self) -> int | None: ...


class _Catalog(Protocol):
    @property
    def release(self) -> str: ...
    @property
    def occupations(self) -> tuple[Any, ...]: ...


def profiles_from_catalog(catalog: _Catalog) -> tuple[OccupationProfile, ...]:
    """The interest profiles of an occupation catalog's occupations."""
    occupations: Iterable[_CatalogOccupation] = catalog.occupations
    return tuple(
        OccupationProfile(
            code=o.code,
            title=o.title,
            interests=None if o.interests is None else tuple(o.interests),
            high_points="".join(o.high_points),
            job_zone=o.job_zone,
        )
        for o in occupations
    )


@attrs.frozen
class _Subset:
    positions: tuple[int, ...]
    """Positions in the index's rated occupations."""
    vectors: VectorIndex


@attrs.frozen
class InterestIndex:
    """Occupation OI profiles, centred and normalised once, ready to rank against.

    Occupations without OI scores (or with six equal ones) are kept aside as *unrated*
    and reported in every result.  Order is by code, which is the tie-break.
    """

    release: str
    rated: tuple[OccupationProfile, ...]
    unrated: tuple[str, ...]
    vectors: VectorIndex
    _subsets: dict[tuple[int, ...], _Subset] = attrs.field(
        factory=dict, repr=False, eq=False, hash=False
    )
    _zone_counts: dict[int | None, int] = attrs.field(
        factory=dict, repr=False, eq=False, hash=False
    )
    _codes: dict[str, int] = attrs.field(factory=dict, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        for i, p in enumerate(self.rated):
            self._codes[p.code] = i
            self._zone_counts[p.job_zone] = self._zone_counts.get(p.job_zone, 0) + 1

    def position(self, code: str) -> int | None:
        """The position of a rated occupation, or ``None``."""
        return self._codes.get(code)

    @classmethod
    def build(cls, profiles: Iterable[OccupationProfile], *, release: str) -> InterestIndex:
        rated: list[tuple[OccupationProfile, tuple[float, ...]]] = []
        unrated: list[str] = []
        seen: set[str] = set()
        problems = []
        for i, p in enumerate(sorted(profiles, key=lambda p: p.code)):
            if p.code in seen:
                problems.append(Problem(f"profiles[{i}].code", f"duplicate code {p.code}"))
            seen.add(p.code)
            if p.interests is not None and len(p.interests) != len(RIASEC):
                problems.append(Problem(f"profiles[{i}].interests", "needs 6 scores"))
                continue
            v = None if p.interests is None else _occupation_unit(p.interests)
            if v is None:
                unrated.append(p.code)
            else:
                rated.append((p, v))
        if problems:
            raise ValidationError(problems)
        return cls(
            release=release,
            rated=tuple(p for p, _ in rated),
            unrated=tuple(unrated),
            vectors=VectorIndex(tuple(v for _, v in rated)),
        )

    @classmethod
    def from_catalog(cls, catalog: _Catalog) -> InterestIndex:
        """The index of an :class:`~ilpcore.matching.OccupationCatalog` (its release is kept)."""
        return cls.build(profiles_from_catalog(catalog), release=catalog.release)

    def subset(self, zones: tuple[int, ...] | None) -> _Subset:
        """The rated occupations in ``zones`` (all when ``None``), indexed for search."""
        key = zones if zones is not None else ()
        found = self._subsets.get(key)
        if found is None:
            if zones is None:
                found = _Subset(tuple(range(len(self.rated))), self.vectors)
            else:
                positions = tuple(i for i, p in enumerate(self.rated) if p.job_zone in zones)
                found = _Subset(
                    positions, VectorIndex(tuple(self.vectors.vectors[i] for i in positions))
                )
            self._subsets[key] = found
        return found

    def zone_count(self, zones: Iterable[int | None]) -> int:
        """How many rated occupations are in ``zones``."""
        return sum(self._zone_counts.get(z, 0) for z in zones)


def _occupation_unit(interests: Sequence[float]) -> tuple[float, ...] | None:
    return unit_vector(tuple(interests))
