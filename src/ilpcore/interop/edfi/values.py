"""Parsing the plain values of Ed-Fi rows: school years, dates, credits, ids."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from ilpcore.interop.edfi.rows import RowError

__all__ = [
    "credits",
    "descriptor_label",
    "parse_date",
    "required",
    "school_year_of_date",
    "school_year_start",
    "slug",
    "stable_id",
]

_SCHOOL_YEAR_RANGE = re.compile(r"(\d{4})-(\d{4})")
_YEAR = re.compile(r"\d{4}")


def required(value: str | None, field: str) -> str:
    """``value``, or :class:`RowError` naming the missing ``field``."""
    if value is None or not value.strip():
        raise RowError(f"{field} is missing")
    return value.strip()


def school_year_start(value: str, field: str = "SchoolYear") -> int:
    """The first calendar year of a school year: ``2021-2022`` (XML) or ``2022`` (API) -> 2021.

    The Ed-Fi API names a school year by the calendar year it ends in.

    >>> school_year_start("2021-2022"), school_year_start("2022")
    (2021, 2021)
    """
    text = value.strip()
    if m := _SCHOOL_YEAR_RANGE.fullmatch(text):
        first, second = int(m[1]), int(m[2])
        if second != first + 1:
            raise RowError(f"{field} {value!r} is not two consecutive years")
    elif _YEAR.fullmatch(text):
        first = int(text) - 1
    else:
        raise RowError(f"{field} {value!r} is not a school year like 2021-2022")
    if not 1900 <= first <= 2200:
        raise RowError(f"{field} {value!r} is not a plausible school year")
    return first


def school_year_of_date(day: date) -> int:
    """The school year (by its first calendar year) a date falls in; years start July 1."""
    return day.year if day.month >= 7 else day.year - 1


def parse_date(value: str, field: str) -> date:
    """An ISO date, or the date part of an ISO date-time (``2021-12-01T16:00:00Z``)."""
    text = value.strip()
    try:
        if "T" in text:
            return datetime.fromisoformat(text).date()
        return date.fromisoformat(text)
    except ValueError:
        raise RowError(f"{field} {value!r} is not a date") from None


def credits(value: str, field: str) -> Decimal:
    """A non-negative, finite number of credits, exactly."""
    try:
        amount = Decimal(value.strip())
    except InvalidOperation:
        raise RowError(f"{field} {value!r} is not a number") from None
    if not amount.is_finite() or amount < 0:
        raise RowError(f"{field} {value!r} is not a number of credits")
    return Decimal(int(amount)) if amount == amount.to_integral_value() else amount.normalize()


def descriptor_label(value: str) -> str:
    """The code value of a descriptor as written: ``...#Composite Score`` -> ``Composite Score``."""
    return value.rpartition("#")[2].strip()


def slug(text: str) -> str:
    """Lower case, runs of other characters as one ``-``: ``ACT Composite`` -> ``act-composite``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def stable_id(prefix: str, *parts: str) -> str:
    """A short id that is the same whenever the same parts are imported."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{prefix}:{digest}"
