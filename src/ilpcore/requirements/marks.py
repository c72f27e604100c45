"""Mark scales: how a rule set compares a course's mark with a minimum.

A scale is letter grades in order (best first, each with grade points), numeric
(higher is better) or pass/fail.  Marks are compared as the transcript reports
them (``"B+"``, ``"87"``, ``"P"``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import ModelBase, check, each, finite_decimal, instance_of, non_blank

__all__ = ["LetterGrade", "MarkScale", "ScaleKind"]


class ScaleKind(enum.Enum):
    LETTER = "letter"
    NUMERIC = "numeric"
    PASS_FAIL = "pass_fail"


@attrs.frozen
class LetterGrade(ModelBase):
    """One letter on a letter scale and its grade points (for GPA)."""

    letter: str = attrs.field(metadata=check(non_blank))
    points: Decimal = attrs.field(metadata=check(finite_decimal))


_DEFAULT_LETTERS = (
    ("A+", "4.0"),
    ("A", "4.0"),
    ("A-", "3.7"),
    ("B+", "3.3"),
    ("B", "3.0"),
    ("B-", "2.7"),
    ("C+", "2.3"),
    ("C", "2.0"),
    ("C-", "1.7"),
    ("D+", "1.3"),
    ("D", "1.0"),
    ("D-", "0.7"),
    ("F", "0.0"),
)


def _default_letters() -> tuple[LetterGrade, ...]:
    return tuple(LetterGrade(letter, Decimal(p)) for letter, p in _DEFAULT_LETTERS)


@attrs.frozen
class MarkScale(ModelBase):
    """How marks are ordered, which are passing, and their grade points.

    >>> s = MarkScale()
    >>> s.meets("B+", "C"), s.meets("D", "C"), s.meets("F", None)
    (True, False, False)
    >>> MarkScale(ScaleKind.NUMERIC, passing="60").meets("72", "70")
    True
    """

    kind: ScaleKind = attrs.field(default=ScaleKind.LETTER, metadata=check(instance_of(ScaleKind)))
    letters: tuple[LetterGrade, ...] = attrs.field(
        factory=_default_letters, metadata=check(each(instance_of(LetterGrade)))
    )
    """Letter scales: best first."""
    passing: str = attrs.field(default="D-", metadata=check(non_blank))
    """The lowest passing mark."""

    def _check(self) -> Iterable[Problem]:
        if self.kind is ScaleKind.LETTER:
            if not self.letters:
                yield Problem("letters", "a letter scale needs at least one letter")
            elif self.rank(self.passing) is None:
                yield Problem("passing", f"{self.passing!r} is not a letter of this scale")
        elif self.kind is ScaleKind.NUMERIC and self.rank(self.passing) is None:
            yield Problem("passing", f"{self.passing!r} is not a number")

    def rank(self, mark: str) -> Decimal | None:
        """A number that grows with the mark, or ``None`` if the mark is not on this scale."""
        m = mark.strip()
        if self.kind is ScaleKind.LETTER:
            for i, g in enumerate(self.letters):
                if g.letter.upper() == m.upper():
                    return Decimal(len(self.letters) - i)
            return None
        if self.kind is ScaleKind.NUMERIC:
            try:
                value = Decimal(m)
            except InvalidOperation:
                return None
            return value if value.is_finite() else None
        return {"P": Decimal(1), "PASS": Decimal(1), "F": Decimal(0), "FAIL": Decimal(0)}.get(
            m.upper()
        )

    def check_mark(self, mark: str) -> str | None:
        """A message if ``mark`` is not on this scale."""
        return None if self.rank(mark) is not None else f"{mark!r} is not a mark on this scale"

    def meets(self, mark: str | None, minimum: str | None) -> bool:
        """Whether ``mark`` passes and is at least ``minimum`` (``None`` mark: not yet graded, so
        it is assumed to meet it; unknown marks never do)."""
        if mark is None:
            return True
        got = self.rank(mark)
        if got is None:
            return False
        floor = self.rank(self.passing) if self.kind is not ScaleKind.PASS_FAIL else Decimal(1)
        if floor is not None and got < floor:
            return False
        if minimum is None:
            return True
        need = self.rank(minimum)
        return need is not None and got >= need

    def points(self, mark: str) -> Decimal | None:
        """Grade points of a letter mark (``None`` on other scales or unknown letters)."""
        if self.kind is not ScaleKind.LETTER:
            return None
        for g in self.letters:
            if g.letter.upper() == mark.strip().upper():
                return g.points
        return None
