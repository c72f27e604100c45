"""A form of the Interest Profiler (its items in answer order) and the scoring of answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from ilpcore.exceptions import Problem, ValidationError
from ilpcore.matching.congruence import RIASEC
from ilpcore.matching.interest_scores import InterestScores, _scale_name
from ilpcore.model._checks import identifier

__all__ = ["ANSWER_MAX", "ANSWER_MIN", "InterestForm", "InterestItem"]

ANSWER_MIN: Final = 1
"""Strongly dislike."""
ANSWER_MAX: Final = 5
"""Strongly like."""
ANSWER_LABELS: Final = ("Strongly Dislike", "Dislike", "Unsure", "Like", "Strongly Like")

_DIGITS: Final = ("1", "2", "3", "4", "5")


@attrs.frozen
class InterestItem:
    """One work activity of the Interest Profiler."""

    number: int
    """Its number on the 60-item Short Form (1-60), kept when the item is used in a subset."""
    area: str
    """Its RIASEC letter."""
    text: str


def _answer_problems(
    answers: str | Sequence[int | None] | Mapping[int, int], items: tuple[InterestItem, ...]
) -> tuple[list[int], list[Problem]]:
    """Answers in form order (0 where bad) and every problem, each with its path."""

    def describe(pos: int) -> str:
        item = items[pos]
        return f"item {item.number} ({item.text!r})"

    n = len(items)
    values = [0] * n
    problems: list[Problem] = []
    if isinstance(answers, Mapping):
        known = {item.number: pos for pos, item in enumerate(items)}
        for key, value in answers.items():
            if key not in known:
                problems.append(Problem(f"answers[{key}]", f"no item {key!r} on this form"))
            else:
                values[known[key]] = value if _valid_answer(value) else 0
                if not _valid_answer(value):
                    problems.append(Problem(f"answers[{key}]", f"{value!r} is not an answer 1-5"))
        for number, pos in known.items():
            if number not in answers:
                problems.append(Problem(f"answers[{number}]", f"{describe(pos)} has no answer"))
        return values, problems
    if len(answers) != n:
        missing = f"; items {len(answers) + 1}-{n} have none" if len(answers) < n else ""
        problems.append(Problem("answers", f"{len(answers)} answers for a {n}-item form{missing}"))
    for pos in range(min(n, len(answers))):
        path = f"answers[{pos}]"
        raw = answers[pos]
        answer: object = int(raw) if isinstance(raw, str) and raw in _DIGITS else raw
        if isinstance(raw, str) and raw not in _DIGITS:
            problems.append(Problem(path, f"{describe(pos)}: {raw!r} is not an answer 1-5"))
        elif raw is None:
            problems.append(Problem(path, f"{describe(pos)} has no answer"))
        elif not isinstance(answer, int) or not _valid_answer(answer):
            problems.append(Problem(path, f"{describe(pos)}: {raw!r} is not an answer 1-5"))
        else:
            values[pos] = answer
    return values, problems


def _valid_answer(value: object) -> bool:
    return (
        isinstance(value, int) and not isinstance(value, bool) and ANSWER_MIN <= value <= ANSWER_MAX
    )


@attrs.frozen
class InterestForm:
    """A form of the Interest Profiler: which items, in which answer order."""

    id: str
    edition: str
    name: str
    items: tuple[InterestItem, ...]

    @property
    def items_per_area(self) -> int:
        return len(self.items) // len(RIASEC)

    @property
    def maximum(self) -> int:
        """The highest raw score of one area (40 on the 60-item form)."""
        return (ANSWER_MAX - ANSWER_MIN) * self.items_per_area

    @property
    def scale(self) -> str:
        """The name of the score scale, e.g. ``"onet-ip-sf-60 raw 0-40"``."""
        return _scale_name(self.id, 0, self.maximum)

    def subset(self, numbers: Iterable[int], *, id: str, edition: str) -> InterestForm:
        """A shorter form made of the items with these Short Form ``numbers``, in this order.

        Used for the 30-item Mini-IP, whose item set is not in the release files: pass
        its item numbers.  Every area needs the same number of items.

        >>> from ilpcore.matching.interests import load_interest_profiler
        >>> mini = load_interest_profiler().subset(
        ...     [*range(1, 25), 25, 27, 29, 31, 33, 35], id="my-mini-30", edition="1")
        >>> len(mini.items), mini.scale
        (30, 'my-mini-30 raw 0-20')
        """
        by_number = {item.number: item for item in self.items}
        chosen: list[InterestItem] = []
        problems: list[Problem] = []
        for pos, number in enumerate(numbers):
            if number not in by_number:
                problems.append(Problem(f"numbers[{pos}]", f"no item {number!r} on {self.id}"))
            else:
                chosen.append(by_number[number])
        if problems:
            raise ValidationError(problems)
        return _make_form(id, edition, self.name, tuple(chosen))

    def score(self, answers: str | Sequence[int | None] | Mapping[int, int]) -> InterestScores:
        """Score answers 1-5 into six raw scores.

        ``answers`` is the answer string (one digit a item, in form order), a sequence
        of ints in form order, or a mapping from item number to answer.  Every missing
        or out-of-range answer is reported in one :class:`~ilpcore.exceptions.ValidationError`
        whose paths are ``answers[i]`` (``i`` counts from 0 in a string or sequence and is
        the item number in a mapping); a string or sequence of the wrong length gets one
        problem at ``answers`` saying which items have no answer.
        """
        values, problems = _answer_problems(answers, self.items)
        if problems:
            raise ValidationError(problems)
        totals = [0] * len(RIASEC)
        for item, value in zip(self.items, values, strict=True):
            totals[RIASEC.index(item.area)] += value - ANSWER_MIN
        return InterestScores(
            values=tuple(totals),
            maximum=self.maximum,
            instrument_id=self.id,
            edition=self.edition,
            answers="".join(str(v) for v in values),
        )


def _make_form(id: str, edition: str, name: str, items: tuple[InterestItem, ...]) -> InterestForm:
    problems = []
    counts = {a: sum(1 for i in items if i.area == a) for a in RIASEC}
    if len(set(counts.values())) != 1 or counts["R"] == 0:
        problems.append(
            Problem("items", f"needs the same number of items in every area, got {counts}")
        )
    seen: set[int] = set()
    for pos, item in enumerate(items):
        if item.number in seen:
            problems.append(Problem(f"items[{pos}]", f"item {item.number} is repeated"))
        seen.add(item.number)
    id_problem = identifier(id)
    if isinstance(id_problem, str):
        problems.append(Problem("id", id_problem))
    if problems:
        raise ValidationError(problems)
    return InterestForm(id=id, edition=edition, name=name, items=items)
