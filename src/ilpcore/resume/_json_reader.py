"""Reading parsed JSON by path, collecting every problem instead of stopping at the first."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ilpcore.exceptions import Problem

__all__ = ["JsonReader"]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class JsonReader:
    """Reads values by path, collecting problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def obj(self, value: object, path: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(path, f"must be an object, not {type(value).__name__}")
            return {}
        return value

    def array(self, value: object, path: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, f"must be an array, not {type(value).__name__}")
            return []
        return value

    def text(self, value: object, path: str) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            self.fail(path, f"must be a string, not {type(value).__name__}")
            return None
        return value

    def day(self, value: object, path: str) -> date | None:
        text = self.text(value, path)
        if text is None:
            return None
        m = _DATE.fullmatch(text)
        try:
            if m is None:
                raise ValueError
            return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        except ValueError:
            self.fail(path, f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            return None

    def texts(self, value: object, path: str) -> tuple[str, ...]:
        items = (self.text(v, f"{path}[{i}]") for i, v in enumerate(self.array(value, path)))
        return tuple(t for t in items if t is not None)
