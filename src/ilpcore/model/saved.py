"""Saved lists: careers and colleges a student keeps, with favorites."""

from __future__ import annotations

import enum
from datetime import date

import attrs

from ilpcore.model._checks import (
    ModelBase,
    a_date,
    boolean,
    check,
    each,
    identifier,
    instance_of,
    non_blank,
    optional,
    unique,
)

__all__ = ["SavedItem", "SavedList", "SavedListKind"]


class SavedListKind(enum.Enum):
    """What a saved list holds; decides what its items' keys mean."""

    CAREERS = "careers"
    """Items are O*NET-SOC codes."""
    COLLEGES = "colleges"
    """Items are IPEDS UNITIDs."""
    PROGRAMS = "programs"
    """Items are ``UNITID/CIP`` pairs."""


@attrs.frozen
class SavedItem(ModelBase):
    """One saved career, college or program, with the date saved and a favorite mark."""

    key: str = attrs.field(metadata=check(non_blank))
    """The code of what is saved (an O*NET-SOC code, a UNITID...)."""
    label: str = attrs.field(metadata=check(non_blank))
    saved_on: date = attrs.field(metadata=check(a_date))
    favorite: bool = attrs.field(default=False, metadata=check(boolean))
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))


@attrs.frozen
class SavedList(ModelBase):
    """A named, dated list, e.g. "Careers from my interest profile (Oct 2026)"."""

    id: str = attrs.field(metadata=check(identifier))
    kind: SavedListKind = attrs.field(metadata=check(instance_of(SavedListKind)))
    name: str = attrs.field(metadata=check(non_blank))
    created_on: date = attrs.field(metadata=check(a_date))
    items: tuple[SavedItem, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(SavedItem)), unique("key"))
    )
    source: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """Where the list came from, e.g. ``O*NET 30.1 interest match``."""

    @property
    def favorites(self) -> tuple[SavedItem, ...]:
        """The items marked as favorites, in list order."""
        return tuple(i for i in self.items if i.favorite)
