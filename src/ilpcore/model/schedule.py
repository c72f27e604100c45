"""When a plan's regular reviews fall: RFC 5545 recurrence rules, as a value.

The schedule keeps the recurrence *text* (``RRULE:...`` lines, as in iCalendar),
so it has value equality and serializes as a string; python-dateutil builds the
rule only when occurrences are asked for, and caches it.
"""

from __future__ import annotations

import functools
import zoneinfo
from datetime import date, datetime, time, timedelta

import attrs
from dateutil.rrule import rrule, rruleset, rrulestr

from ilpcore.model._checks import ModelBase, Outcome, a_date, check, non_blank

__all__ = ["TWICE_A_YEAR", "ReviewSchedule"]

TWICE_A_YEAR = "RRULE:FREQ=YEARLY;BYMONTH=3,10;BYMONTHDAY=15"
"""Mid-October and mid-March: two reviews in every school year."""


@functools.lru_cache(maxsize=256)
def _rule(recurrence: str, start: date) -> rrule | rruleset:
    built: rrule | rruleset = rrulestr(
        recurrence, dtstart=datetime.combine(start, time()), forceset=False
    )
    return built


def _recurrence(value: object) -> Outcome:
    problem = non_blank(value)
    if problem is not None:
        return problem
    try:
        rule = rrulestr(str(value), dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as e:
        return f"not an RFC 5545 recurrence rule: {e}"
    if rule.after(datetime(2000, 1, 1), inc=True) is None:
        return "the rule never occurs"
    return None


def _time_zone(value: object) -> Outcome:
    problem = non_blank(value)
    if problem is not None:
        return problem
    try:
        zoneinfo.ZoneInfo(str(value))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return f"{value!r} is not an IANA time zone such as America/New_York"
    return None


@attrs.frozen
class ReviewSchedule(ModelBase):
    """Regular review dates from ``start`` on, in the school's time zone.

    >>> schedule = ReviewSchedule(TWICE_A_YEAR, date(2024, 8, 14), "America/New_York")
    >>> schedule.between(date(2024, 8, 1), date(2025, 8, 1))
    (datetime.date(2024, 10, 15), datetime.date(2025, 3, 15))
    >>> schedule.next_after(date(2025, 3, 15))
    datetime.date(2025, 10, 15)
    """

    recurrence: str = attrs.field(metadata=check(_recurrence))
    """One or more RFC 5545 lines (``RRULE``, ``RDATE``, ``EXDATE``...)."""
    start: date = attrs.field(metadata=check(a_date))
    time_zone: str = attrs.field(default="America/New_York", metadata=check(_time_zone))
    """The school's IANA time zone: it decides which day "today" is."""

    def between(self, first: date, last: date) -> tuple[date, ...]:
        """Review dates from ``first`` to ``last``, both included."""
        rule = _rule(self.recurrence, self.start)
        found = rule.between(
            datetime.combine(first, time()), datetime.combine(last, time()), inc=True
        )
        return tuple(d.date() for d in found)

    def next_after(self, day: date) -> date | None:
        """The first review date after ``day`` (``None`` if the rule has ended)."""
        found = _rule(self.recurrence, self.start).after(
            datetime.combine(day, time()) + timedelta(hours=1)
        )
        return None if found is None else found.date()

    def today(self, now: datetime) -> date:
        """The school's calendar day at the moment ``now`` (which must carry its time zone)."""
        if now.tzinfo is None:
            raise ValueError("now must carry a time zone")
        return now.astimezone(zoneinfo.ZoneInfo(self.time_zone)).date()
