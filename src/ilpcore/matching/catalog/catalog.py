"""The immutable occupation catalog: every :class:`Occupation` of a release by O*NET-SOC code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from ilpcore.exceptions import NotFoundError, Problem
from ilpcore.matching.catalog.records import Occupation
from ilpcore.model._checks import ModelBase, check, each, instance_of, text

__all__ = ["OccupationCatalog"]


def _sorted_occupations(value: Iterable[Occupation]) -> tuple[Occupation, ...]:
    """The occupations ordered by code (left as given when they are not all occupations)."""
    items = tuple(value)
    if all(isinstance(o, Occupation) for o in items):
        return tuple(sorted(items, key=lambda o: o.code))
    return items


@attrs.frozen
class OccupationCatalog(ModelBase):
    """Occupations of one release, ordered by code, looked up by code.

    Build it from a release with :func:`~ilpcore.matching.load_onet` or from
    plain records (a plugin's catalog)::

        OccupationCatalog(release="My catalog 1.0", occupations=(Occupation(...), ...))

    ``release`` is carried into every result computed from the catalog.
    """

    release: str = attrs.field(metadata=check(text))
    occupations: tuple[Occupation, ...] = attrs.field(
        converter=_sorted_occupations, metadata=check(each(instance_of(Occupation)))
    )
    _by_code: dict[str, Occupation] = attrs.field(
        init=False, factory=dict, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        self._by_code.update((o.code, o) for o in self.occupations)

    def _check(self) -> Iterable[Problem]:
        seen: set[str] = set()
        for i, o in enumerate(self.occupations):
            if o.code in seen:
                yield Problem(f"occupations[{i}].code", f"duplicate O*NET-SOC code {o.code}")
            seen.add(o.code)
        known = {o.code for o in self.occupations}
        for i, o in enumerate(self.occupations):
            for j, r in enumerate(o.related):
                if r.code not in known:
                    yield Problem(
                        f"occupations[{i}].related[{j}].code",
                        f"related occupation {r.code} is not in the catalog",
                    )

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

    def __getstate__(self) -> dict[str, Any]:
        return {a.name: getattr(self, a.name) for a in attrs.fields(type(self)) if a.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_by_code", {o.code: o for o in self.occupations})
