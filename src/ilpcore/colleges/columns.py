"""The institution-level fields of a catalog, one column per field in name order.

A filter on level, control, community, size, state... tests a whole column with
C-level passes (``map`` of a set's ``__contains__``, ``compress``) instead of
calling a Python test on one institution at a time.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from itertools import compress
from typing import TypeVar

from ilpcore.colleges.records import Institution

__all__ = ["InstitutionColumns", "kept"]

T = TypeVar("T")


class InstitutionColumns:
    """Fields of the institutions of a catalog, by name rank (see ``CollegeCatalog.by_name``)."""

    __slots__ = (
        "community",
        "control",
        "hbcu",
        "kind",
        "level",
        "size",
        "state",
        "tribal",
        "unitid",
    )

    def __init__(self, by_name: Sequence[Institution]) -> None:
        self.state = [i.state for i in by_name]
        self.level = [i.level for i in by_name]
        self.control = [i.control for i in by_name]
        self.community = [i.community for i in by_name]
        self.kind = [None if i.community is None else i.community.kind for i in by_name]
        """The first word of the community (``city``, ``suburb``, ``town``, ``rural``)."""
        self.size = [i.size for i in by_name]
        self.hbcu = [i.hbcu for i in by_name]
        self.tribal = [i.tribal for i in by_name]
        self.unitid = [i.unitid for i in by_name]


def kept(ranks: list[int], column: Sequence[T], wanted: Container[T]) -> list[int]:
    """The ``ranks`` whose value in ``column`` is in ``wanted`` (a set), in order."""
    contains = wanted.__contains__
    return list(compress(ranks, map(contains, map(column.__getitem__, ranks))))
