"""Service and work hours, totalled per school year and per activity kind.

Many states and scholarships count community service hours, so a student needs them per
school year.  A school year runs from **July 1 to June 30** and is named by the calendar year it
starts in, as :class:`~ilpcore.model.Term` does: 2024 is the 2024-25 school year.

An activity records one total of hours, not a log, so all of its hours count in the school year
of its **start** date.  Activities whose dates run into a later school year are listed in
:attr:`HoursTotals.spanning`, so a counselor can split them by hand where a rule needs that.
Activities without hours (or with zero) are skipped.

>>> from ilpcore.samples import sample_plan
>>> totals = hours_totals(sample_plan().activities, as_of=date(2025, 12, 1))
>>> totals.total, totals.by_year()
(Decimal('232'), {2024: Decimal('226'), 2025: Decimal('6')})
>>> {kind.value: str(hours) for kind, hours in totals.by_kind().items()}
{'community_service': '86', 'work_experience': '140', 'career_activity': '6'}
>>> totals.spanning  # the summer job started in June, the volunteering is ongoing
('A-job', 'A-volunteer')
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from ilpcore.model import Activity, ActivityKind

__all__ = ["HoursTotals", "hours_totals", "school_year_label", "school_year_of"]

_FIRST_MONTH = 7
"""July: the month a school year starts in."""


def school_year_of(day: date) -> int:
    """The school year ``day`` falls in (July-June), named by the year it starts in.

    >>> school_year_of(date(2025, 6, 30)), school_year_of(date(2025, 7, 1))
    (2024, 2025)
    """
    return day.year if day.month >= _FIRST_MONTH else day.year - 1


def school_year_label(year: int) -> str:
    """``2024-25`` for 2024."""
    return f"{year}-{(year + 1) % 100:02d}"


@attrs.frozen
class HoursTotals:
    """Hours per (school year, activity kind), and what was hard to place."""

    cells: tuple[tuple[int, ActivityKind, Decimal], ...]
    """``(school year, kind, hours)``, sorted by year then kind; only non-empty cells."""
    spanning: tuple[str, ...]
    """Ids of counted activities that run past the end of the school year they started in
    (an ongoing activity runs to ``as_of``; an award lasts a day)."""

    @property
    def total(self) -> Decimal:
        return sum((h for _, _, h in self.cells), Decimal(0))

    def by_year(self) -> dict[int, Decimal]:
        """Total hours per school year, years in order."""
        totals: dict[int, Decimal] = {}
        for year, _, hours in self.cells:
            totals[year] = totals.get(year, Decimal(0)) + hours
        return totals

    def by_kind(self) -> dict[ActivityKind, Decimal]:
        """Total hours per activity kind, kinds in the order of :class:`ActivityKind`."""
        totals = {k: Decimal(0) for k in ActivityKind}
        for _, kind, hours in self.cells:
            totals[kind] += hours
        return {k: v for k, v in totals.items() if k in {c[1] for c in self.cells}}

    def to_json(self) -> dict[str, Any]:
        """Plain JSON: hours as exact decimal strings."""
        return {
            "school_year_starts": "07-01",
            "total": str(self.total),
            "by_year": {school_year_label(y): str(h) for y, h in self.by_year().items()},
            "by_kind": {k.value: str(h) for k, h in self.by_kind().items()},
            "cells": [
                {"school_year": school_year_label(y), "kind": k.value, "hours": str(h)}
                for y, k, h in self.cells
            ],
            "spanning": list(self.spanning),
        }


def hours_totals(
    activities: Iterable[Activity],
    kinds: Collection[ActivityKind] | None = None,
    *,
    as_of: date | None = None,
) -> HoursTotals:
    """Total the hours of ``activities`` (of ``kinds``, default all) by school year and kind.

    ``as_of`` (default today) is where an ongoing activity is taken to have got to, for
    :attr:`HoursTotals.spanning`.
    """
    today = as_of or date.today()
    cells: dict[tuple[int, ActivityKind], Decimal] = {}
    spanning = []
    order = {k: i for i, k in enumerate(ActivityKind)}
    for a in activities:
        if not a.hours or (kinds is not None and a.kind not in kinds):
            continue  # no hours (or none to count)
        year = school_year_of(a.start)
        key = (year, a.kind)
        cells[key] = cells.get(key, Decimal(0)) + a.hours
        end = a.end or (a.start if a.kind is ActivityKind.AWARD else max(today, a.start))
        if school_year_of(end) != year:
            spanning.append(a.id)
    ordered = sorted(cells.items(), key=lambda kv: (kv[0][0], order[kv[0][1]]))
    return HoursTotals(tuple((y, k, h) for (y, k), h in ordered if h), tuple(sorted(spanning)))
