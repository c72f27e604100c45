"""The O*NET Interest Profiler: its items, scoring, and the result's place on a plan.

Answers are 1 (strongly dislike) ... 5 (strongly like), as in O*NET's Web Services.
Each answer ``r`` scores ``r - 1`` (0-4) for its item's area and the six sums are
the raw RIASEC scores: 0-40 on the 60-item Short Form.  The scale is named in
every result (``"onet-ip-sf-60 raw 0-40"``), because some tools sum 1-5 instead
and report 10-50.

The release files hold the 60 items only.  The 30-item Mini-IP uses its own item
set, which is not in the data; :meth:`InterestForm.subset` builds a short form
from any caller-supplied items (5 per area gives 0-20).

>>> form = load_interest_profiler()
>>> result = form.score("553421321134342523523523254115342111351145453111231155343444")
>>> result.as_dict()
{'R': 27, 'I': 13, 'A': 23, 'S': 25, 'E': 14, 'C': 14}
>>> result.scale, result.code, result.undifferentiated
('onet-ip-sf-60 raw 0-40', 'RSA', False)
"""

from __future__ import annotations

import csv
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Final

import attrs

from ilpcore.data_location import find_data_dir
from ilpcore.exceptions import DataFileError, Problem, ValidationError
from ilpcore.matching.congruence import AREA_NAMES, RIASEC, holland_code, tied_codes
from ilpcore.model import AssessmentKind, AssessmentResult, Instrument, Score
from ilpcore.model._checks import ModelBase, check, identifier, non_blank, optional

__all__ = [
    "ANSWER_MAX",
    "ANSWER_MIN",
    "FLAT_PROFILE_THRESHOLD",
    "IP_SHORT_FORM_ID",
    "InterestForm",
    "InterestItem",
    "InterestScores",
    "from_assessment",
    "is_undifferentiated",
    "load_interest_profiler",
    "to_assessment",
]

ANSWER_MIN: Final = 1
"""Strongly dislike."""
ANSWER_MAX: Final = 5
"""Strongly like."""
ANSWER_LABELS: Final = ("Strongly Dislike", "Dislike", "Unsure", "Like", "Strongly Like")

FLAT_PROFILE_THRESHOLD: Final = 0.05
"""A profile is *undifferentiated* when the population standard deviation of its six
scores is below this fraction of the scale's range (2 points on 0-40, 1 on 0-20).
Everything answered alike gives 0."""

IP_SHORT_FORM_ID: Final = "onet-ip-sf-60"
IP_SHORT_FORM_EDITION: Final = "Short Form, 60 items (My Next Move order)"
IP_SHORT_FORM_NAME: Final = "O*NET Interest Profiler"
IP_ATTRIBUTION: Final = (
    "Interest items from the O*NET\u00ae Interest Profiler, U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). O*NET\u00ae is a trademark of USDOL/ETA."
)

_RELEASE_PATH: Final = Path("onet_interest_profiler") / "ip_short_form_60_items.csv"
_CSV_COLUMNS: Final = ("index", "area", "area_code", "text")
_ITEMS_PER_AREA: Final = 10
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


def _scale_name(instrument_id: str, minimum: int, maximum: int) -> str:
    return f"{instrument_id} raw {minimum}-{maximum}"


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


def load_interest_profiler(path: str | os.PathLike[str] | None = None) -> InterestForm:
    """The 60-item Short Form from the release file (CSV, or the JSON edition).

    ``path`` is the file; by default ``onet_interest_profiler/ip_short_form_60_items.csv``
    in :func:`~ilpcore.data_location.find_data_dir`.  A malformed file raises
    :class:`~ilpcore.exceptions.DataFileError` naming the line and column.
    """
    file = Path(path) if path is not None else find_data_dir() / _RELEASE_PATH
    try:
        content = file.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(str(file), f"cannot read the Interest Profiler items: {e}") from e
    if file.suffix.lower() == ".json":
        rows = _json_rows(str(file), content)
    else:
        rows = _csv_rows(str(file), content)
    items = tuple(_item(str(file), where, row) for where, row in rows)
    _check_release(str(file), items)
    return InterestForm(IP_SHORT_FORM_ID, IP_SHORT_FORM_EDITION, IP_SHORT_FORM_NAME, items)


def _csv_rows(file: str, content: str) -> list[tuple[int | str, dict[str, str]]]:
    reader = csv.DictReader(content.splitlines())
    header = reader.fieldnames or []
    missing = [c for c in _CSV_COLUMNS if c not in header]
    if missing:
        raise DataFileError(file, f"header lacks column(s) {', '.join(missing)}", line=1)
    rows: list[tuple[int | str, dict[str, str]]] = []
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            raise DataFileError(file, "wrong number of fields", line=reader.line_num)
        rows.append((reader.line_num, row))
    return rows


def _json_rows(file: str, content: str) -> list[tuple[int | str, dict[str, str]]]:
    try:
        doc = json.loads(content)
    except json.JSONDecodeError as e:
        raise DataFileError(file, f"not JSON: {e.msg}", line=e.lineno) from e
    questions = doc.get("questions") if isinstance(doc, dict) else None
    if not isinstance(questions, list):
        raise DataFileError(file, "expected an object with a 'questions' list")
    rows: list[tuple[int | str, dict[str, str]]] = []
    for i, q in enumerate(questions):
        if not isinstance(q, dict):
            raise DataFileError(file, f"questions[{i}] is not an object")
        area = str(q.get("area", ""))
        code = RIASEC[AREA_NAMES.index(area)] if area in AREA_NAMES else ""
        rows.append(
            (f"questions[{i}]", {"index": str(q.get("index", "")), "area": area, "area_code": code,
                 "text": str(q.get("text", ""))})
        )  # fmt: skip
    return rows


def _item(file: str, where: int | str, row: Mapping[str, str]) -> InterestItem:
    """One item; ``where`` is the CSV line, or the JSON path of the question."""

    def bad(message: str, column: str) -> DataFileError:
        if isinstance(where, int):
            return DataFileError(file, message, line=where, column=column)
        return DataFileError(file, message, column=f"{where}.{column}")

    raw_index = row["index"].strip()
    if not raw_index.isdigit():
        raise bad(f"{raw_index!r} is not an item number", "index")
    code = row["area_code"].strip()
    if code not in RIASEC:
        column = "area_code" if isinstance(where, int) else "area"
        raise bad(f"{row['area']!r}/{code!r} is not a RIASEC area", column)
    if row["area"].strip() != AREA_NAMES[RIASEC.index(code)]:
        raise bad(f"area {row['area']!r} disagrees with code {code!r}", "area")
    if not row["text"].strip():
        raise bad("blank item text", "text")
    return InterestItem(number=int(raw_index), area=code, text=row["text"].strip())


def _check_release(file: str, items: tuple[InterestItem, ...]) -> None:
    if len(items) != _ITEMS_PER_AREA * len(RIASEC):
        raise DataFileError(file, f"expected 60 items, found {len(items)}")
    for pos, item in enumerate(items):
        if item.number != pos + 1:
            raise DataFileError(
                file, f"item {item.number} is at position {pos + 1}; items must be numbered 1-60"
            )
    for area in RIASEC:
        count = sum(1 for i in items if i.area == area)
        if count != _ITEMS_PER_AREA:
            raise DataFileError(file, f"area {area} has {count} items, expected 10")


def is_undifferentiated(values: Sequence[int], minimum: float, maximum: float) -> bool:
    """Whether six whole-number scores are flat: spread below the threshold of the range.

    Computed exactly: ``sum((6*x - sum(x))**2) = 216 * variance`` is compared with
    ``216 * (threshold * range)**2``, so every path (single, batch, NumPy) agrees.
    """
    total = sum(values)
    squares = sum((len(values) * v - total) ** 2 for v in values)
    n3 = len(values) ** 3
    return squares < n3 * (FLAT_PROFILE_THRESHOLD * (maximum - minimum)) ** 2


def _scores_check(value: object) -> str | None:
    if not isinstance(value, tuple) or len(value) != len(RIASEC):
        return "must be a tuple of 6 scores in RIASEC order"
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return "scores must be whole numbers"
    return None


@attrs.frozen
class InterestScores(ModelBase):
    """Six raw RIASEC scores on a named scale, from one Interest Profiler administration.

    >>> s = InterestScores((40, 0, 0, 0, 0, 0), maximum=40)
    >>> s.scale, s.code
    ('onet-ip-sf-60 raw 0-40', 'RIA')
    """

    values: tuple[int, ...] = attrs.field(metadata=check(_scores_check))
    """R, I, A, S, E, C."""
    maximum: int = attrs.field(default=40)
    minimum: int = attrs.field(default=0)
    instrument_id: str = attrs.field(default=IP_SHORT_FORM_ID, metadata=check(identifier))
    edition: str = attrs.field(default=IP_SHORT_FORM_EDITION, metadata=check(non_blank))
    answers: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    def _check(self) -> Iterable[Problem]:
        if self.maximum <= self.minimum:
            yield Problem("maximum", f"{self.maximum} is not above minimum {self.minimum}")
            return
        for i, v in enumerate(self.values):
            if not self.minimum <= v <= self.maximum:
                yield Problem(
                    f"values[{i}]",
                    f"{RIASEC[i]} = {v} is outside the scale {self.minimum}-{self.maximum}",
                )

    @property
    def scale(self) -> str:
        return _scale_name(self.instrument_id, self.minimum, self.maximum)

    def as_dict(self) -> dict[str, int]:
        """``{"R": 27, "I": 13, ...}``."""
        return dict(zip(RIASEC, self.values, strict=True))

    @property
    def spread(self) -> float:
        """Population standard deviation of the six scores."""
        mean = sum(self.values) / len(self.values)
        return math.sqrt(sum((v - mean) ** 2 for v in self.values) / len(self.values))

    @property
    def undifferentiated(self) -> bool:
        """True when :attr:`spread` is below :data:`FLAT_PROFILE_THRESHOLD` of the scale range."""
        return is_undifferentiated(self.values, self.minimum, self.maximum)

    @property
    def code(self) -> str:
        """Three-letter code; ties go in RIASEC order (see :func:`~.congruence.holland_code`)."""
        return holland_code(self.values)

    @property
    def tied_codes(self) -> tuple[str, ...]:
        """Every three-letter code the ties allow (for Iachan's tie rule)."""
        return tied_codes(self.values)


_SCALE_KEYS: Final = tuple(name.lower() for name in AREA_NAMES)


def to_assessment(scores: InterestScores, id: str, taken_on: date) -> AssessmentResult:
    """The scores as an :class:`~ilpcore.model.AssessmentResult` (kind INTEREST) for a plan.

    Each area is a :class:`~ilpcore.model.Score` named ``realistic`` ... ``conventional``
    with the scale's minimum and maximum; the answer string is kept.
    """
    return AssessmentResult(
        id=id,
        kind=AssessmentKind.INTEREST,
        instrument=Instrument(scores.instrument_id, scores.edition, IP_SHORT_FORM_NAME),
        taken_on=taken_on,
        scores=tuple(
            Score(key, Decimal(v), Decimal(scores.minimum), Decimal(scores.maximum))
            for key, v in zip(_SCALE_KEYS, scores.values, strict=True)
        ),
        answers=scores.answers,
    )


def from_assessment(result: AssessmentResult) -> InterestScores:
    """Read interest scores back from an assessment result made by :func:`to_assessment`.

    Raises :class:`~ilpcore.exceptions.ValidationError` naming every missing or unusable
    score (paths such as ``scores``, ``scores[2].maximum``).
    """
    problems: list[Problem] = []
    if result.kind is not AssessmentKind.INTEREST:
        problems.append(Problem("kind", f"is {result.kind.value}, expected interest"))
    found: dict[str, tuple[int, Score]] = {s.scale: (i, s) for i, s in enumerate(result.scores)}
    values: list[int] = []
    bounds: set[tuple[Decimal | None, Decimal | None]] = set()
    for key in _SCALE_KEYS:
        if key not in found:
            problems.append(Problem("scores", f"has no {key!r} score"))
            continue
        i, s = found[key]
        if s.value != s.value.to_integral_value():
            problems.append(Problem(f"scores[{i}].value", f"{s.value} is not a raw score"))
        if s.minimum is None or s.maximum is None:
            problems.append(
                Problem(f"scores[{i}].maximum", "needs the scale's minimum and maximum")
            )
        bounds.add((s.minimum, s.maximum))
        values.append(int(s.value))
    if len(bounds) > 1:
        problems.append(Problem("scores", "the six scores are on different scales"))
    if problems:
        raise ValidationError(problems)
    ((low, high),) = bounds
    assert low is not None
    assert high is not None
    return InterestScores(
        values=tuple(values),
        maximum=int(high),
        minimum=int(low),
        instrument_id=result.instrument.id,
        edition=result.instrument.edition,
        answers=result.answers,
    )
