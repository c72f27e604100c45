"""The immutable occupation catalog: every :class:`Occupation` of a release by O*NET-SOC code."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from ilpcore.exceptions import NotFoundError, Problem
from ilpcore.matching.catalog.clusters import ClusterAssignment, ClusterTable
from ilpcore.matching.catalog.joins import OccupationOutlook, OccupationWages, SocResolver
from ilpcore.matching.catalog.projections import ProjectionTable
from ilpcore.matching.catalog.records import Occupation
from ilpcore.matching.catalog.wages import WageTable, state_code
from ilpcore.model._checks import ModelBase, check, each, instance_of, non_blank, optional

__all__ = ["OccupationCatalog"]

T = TypeVar("T")
_PERSISTED = "__persisted__"
_BY_CODE = "__by_code__"


def _sorted_occupations(value: Iterable[Occupation]) -> tuple[Occupation, ...]:
    """The occupations ordered by code (left as given when they are not all occupations)."""
    items = tuple(value)
    if all(isinstance(o, Occupation) for o in items):
        return tuple(sorted(items, key=lambda o: o.code))
    return items


@attrs.frozen(repr=False)
class OccupationCatalog(ModelBase):
    """Occupations of one release, ordered by code, looked up by code.

    Build it from a release with :func:`~ilpcore.matching.load_onet` or from
    plain records (a plugin's catalog)::

        OccupationCatalog(release="My catalog 1.0", occupations=(Occupation(...), ...))

    ``release`` is carried into every result computed from the catalog.
    """

    release: str = attrs.field(metadata=check(non_blank))
    occupations: tuple[Occupation, ...] = attrs.field(
        converter=_sorted_occupations, metadata=check(each(instance_of(Occupation)))
    )
    clusters: ClusterTable | None = attrs.field(
        default=None, repr=False, metadata=check(optional(instance_of(ClusterTable)))
    )
    """Career cluster and pathway assignments (O*NET OnLine), if joined."""
    wages: WageTable | None = attrs.field(
        default=None, repr=False, metadata=check(optional(instance_of(WageTable)))
    )
    """BLS OEWS wages, national and by state, if joined."""
    projections: ProjectionTable | None = attrs.field(
        default=None, repr=False, metadata=check(optional(instance_of(ProjectionTable)))
    )
    """BLS employment projections, if joined."""
    _memo: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False, eq=False, hash=False)

    def _check(self) -> Iterable[Problem]:
        seen: set[str] = set()
        for i, o in enumerate(self.occupations):
            if o.code in seen:
                yield Problem(f"occupations[{i}].code", f"duplicate O*NET-SOC code {o.code}")
            seen.add(o.code)
        known = {o.code for o in self.occupations}
        if self.clusters is not None:
            for code in self.clusters.by_code:
                if code not in known:
                    yield Problem("clusters", f"cluster row for {code}, not in the catalog")
        for i, o in enumerate(self.occupations):
            for j, r in enumerate(o.related):
                if r.code not in known:
                    yield Problem(
                        f"occupations[{i}].related[{j}].code",
                        f"related occupation {r.code} is not in the catalog",
                    )

    @property
    def _by_code(self) -> dict[str, Occupation]:
        by_code: dict[str, Occupation] | None = self._memo.get(_BY_CODE)
        if by_code is None:
            by_code = self._memo[_BY_CODE] = {o.code: o for o in self.occupations}
        return by_code

    def __repr__(self) -> str:
        joins = [n for n in ("clusters", "wages", "projections") if getattr(self, n) is not None]
        joined = f", joined with {', '.join(joins)}" if joins else ""
        return f"<OccupationCatalog {self.release}: {len(self)} occupations{joined}>"

    def __len__(self) -> int:
        return len(self.occupations)

    def __iter__(self) -> Iterator[Occupation]:
        return iter(self.occupations)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Occupation:
        """The occupation with ``code``; :class:`~ilpcore.exceptions.NotFoundError` if absent."""
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFoundError(f"no occupation {code!r} in {self.release}") from None

    def get(self, code: str) -> Occupation | None:
        return self._by_code.get(code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._by_code)

    # --- joins -----------------------------------------------------------------------------

    def with_joins(
        self,
        *,
        clusters: ClusterTable | None = None,
        wages: WageTable | None = None,
        projections: ProjectionTable | None = None,
    ) -> OccupationCatalog:
        """A copy with these join tables added (the others kept)."""
        return attrs.evolve(
            self,
            clusters=clusters or self.clusters,
            wages=wages or self.wages,
            projections=projections or self.projections,
        )

    def clusters_of(self, code: str) -> tuple[ClusterAssignment, ...]:
        """The career clusters and pathways of an occupation (empty when not assigned)."""
        if self.clusters is None:
            return ()
        return self.clusters.by_code.get(self[code].code, ())

    def wages_of(self, code: str, state: str | None = None) -> OccupationWages | None:
        """OEWS wages of an occupation, national or in ``state`` (``"KY"``, ``"Kentucky"``).

        Joined on the 6-digit SOC code, else a BLS aggregate of the same broad
        group, else the broad group (``match`` says which); ``None`` when BLS
        publishes nothing for it there.
        """
        occupation = self[code]
        if self.wages is None:
            return None
        area = "US" if state is None else state_code(state)
        table = self.wages.area(area)
        found = self._resolver(f"oews:{area}", table).resolve(occupation.soc_code)
        if found is None:
            return None
        soc, match = found
        statistics = self.wages.statistics(soc, area)
        assert statistics is not None  # the resolver only returns published codes
        return OccupationWages(occupation.code, soc, match, statistics, self.wages.release)

    def outlook_of(self, code: str) -> OccupationOutlook | None:
        """The BLS employment projection of an occupation (same join rules as wages)."""
        occupation = self[code]
        if self.projections is None:
            return None
        table = self.projections.by_code
        found = self._resolver("ep", table).resolve(occupation.soc_code)
        if found is None:
            return None
        soc, match = found
        return OccupationOutlook(occupation.code, soc, match, table[soc], self.projections.period)

    def _resolver(self, key: str, table: dict[str, Any]) -> SocResolver:
        resolver: SocResolver = self.derived(
            f"soc:{key}", lambda: SocResolver(table, self._onet_socs())
        )
        return resolver

    def _onet_socs(self) -> frozenset[str]:
        """The SOC codes that have O*NET occupations of their own."""
        return self.derived("onet-socs", lambda: frozenset(o.soc_code for o in self.occupations))

    def derived(self, key: str, build: Callable[[], T], *, persist: bool = False) -> T:
        """A value computed from the catalog once and kept with it (e.g. the search index).

        Never compared or hashed; ``key`` names what ``build`` computes.  With
        ``persist`` the value is pickled with the catalog (so the cache keeps it).
        """
        try:
            value: T = self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
        if persist:
            self._memo.setdefault(_PERSISTED, set()).add(key)
        return value

    def __getstate__(self) -> dict[str, Any]:
        state = {a.name: getattr(self, a.name) for a in attrs.fields(type(self)) if a.init}
        keys = self._memo.get(_PERSISTED, set())
        state[_PERSISTED] = {k: self._memo[k] for k in sorted(keys)}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        persisted = state.pop(_PERSISTED, {})
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_memo", dict(persisted))
        if persisted:
            self._memo[_PERSISTED] = set(persisted)
