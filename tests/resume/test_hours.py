"""Hours per school year (July-June) and per activity kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.model import Activity, ActivityKind
from ilpcore.resume.hours import hours_totals, school_year_label, school_year_of
from ilpcore.testing.strategies import activities

SERVICE, WORK = ActivityKind.COMMUNITY_SERVICE, ActivityKind.WORK_EXPERIENCE


def _activity(
    i: int, kind: ActivityKind, start: date, hours: str | None, end: date | None = None
) -> Activity:
    return Activity(
        f"A{i}", kind, f"Activity {i}", start, end, hours=None if hours is None else Decimal(hours)
    )


def test_school_year_boundary_is_july_first() -> None:
    assert school_year_of(date(2025, 6, 30)) == 2024
    assert school_year_of(date(2025, 7, 1)) == 2025
    assert school_year_of(date(2026, 1, 15)) == 2025
    assert school_year_label(2025) == "2025-26"
    assert school_year_label(2099) == "2099-00"


def test_totals_per_year_and_kind() -> None:
    items = [
        _activity(1, SERVICE, date(2024, 9, 1), "10", date(2024, 9, 1)),
        _activity(2, SERVICE, date(2025, 6, 30), "2.5", date(2025, 6, 30)),
        _activity(3, SERVICE, date(2025, 7, 1), "4", date(2025, 7, 2)),
        _activity(4, WORK, date(2025, 7, 15), "100", date(2025, 8, 15)),
        _activity(5, WORK, date(2025, 5, 1), None, date(2025, 5, 2)),
        _activity(6, ActivityKind.AWARD, date(2025, 5, 1), "0"),
    ]
    totals = hours_totals(items, as_of=date(2026, 1, 1))
    assert totals.cells == (
        (2024, SERVICE, Decimal("12.5")),
        (2025, SERVICE, Decimal(4)),
        (2025, WORK, Decimal(100)),
    )
    assert totals.by_year() == {2024: Decimal("12.5"), 2025: Decimal(104)}
    assert totals.by_kind() == {SERVICE: Decimal("16.5"), WORK: Decimal(100)}
    assert totals.spanning == ()
    assert hours_totals(items, [WORK]).total == Decimal(100)
    assert totals.to_json()["by_year"] == {"2024-25": "12.5", "2025-26": "104"}


def test_activities_running_past_june_are_listed() -> None:
    long = _activity(1, SERVICE, date(2025, 3, 1), "40", date(2025, 9, 1))
    ongoing = _activity(2, SERVICE, date(2025, 8, 1), "5")
    totals = hours_totals([long, ongoing], as_of=date(2026, 8, 1))
    assert totals.spanning == ("A1", "A2")
    assert totals.by_year() == {2024: Decimal(40), 2025: Decimal(5)}
    assert hours_totals([ongoing], as_of=date(2026, 6, 1)).spanning == ()


@settings(max_examples=100)
@given(st.lists(activities(), max_size=12), st.sets(st.sampled_from(ActivityKind), min_size=1))
def test_every_counted_hour_is_in_exactly_one_cell(
    items: list[Activity], kinds: set[ActivityKind]
) -> None:
    totals = hours_totals(items, kinds, as_of=date(2030, 1, 1))
    expected = sum((a.hours for a in items if a.hours is not None and a.kind in kinds), Decimal(0))
    assert totals.total == expected
    assert sum(totals.by_year().values(), Decimal(0)) == expected
    assert sum(totals.by_kind().values(), Decimal(0)) == expected
    assert {k for _, k, _ in totals.cells} <= kinds
    for a in items:
        if a.hours and a.kind in kinds:
            assert any(y == school_year_of(a.start) and k is a.kind for y, k, _ in totals.cells)
