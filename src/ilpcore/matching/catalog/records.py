"""The frozen records of the occupation catalog: one :class:`Occupation` per O*NET-SOC code.

The records can be built from plain values (a plugin contributing a catalog
does exactly that); every field is checked on construction and all problems
are reported together in one :class:`~ilpcore.exceptions.ValidationError`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    Check,
    ModelBase,
    Outcome,
    check,
    each,
    finite_float,
    instance_of,
    non_blank,
    optional,
    positive_int,
    unique,
)

PICKLE_FORMAT: Final = 5
"""The cache format of occupation catalogs: bump it whenever the pickled classes change shape
or the search tokenizer changes (the search index is pickled with the catalog)."""

__all__ = [
    "EDUCATION_LEVELS",
    "RIASEC",
    "RIASEC_NAMES",
    "WORK_VALUES",
    "EducationTraining",
    "Occupation",
    "Rating",
    "Ratings",
    "RelatedOccupation",
    "Task",
    "TaskType",
    "onet_code",
]

RIASEC: Final = "RIASEC"
"""The six interest areas in O*NET order; ``interests[i]`` is the score of ``RIASEC[i]``."""

RIASEC_NAMES: Final = (
    "Realistic",
    "Investigative",
    "Artistic",
    "Social",
    "Enterprising",
    "Conventional",
)

WORK_VALUES: Final = (
    "Achievement",
    "Working Conditions",
    "Recognition",
    "Relationships",
    "Support",
    "Independence",
)
"""The six O*NET work values in order; ``work_values[i]`` is the extent of ``WORK_VALUES[i]``."""

EDUCATION_LEVELS: Final = (
    "Less than a high school diploma",
    "High school diploma or equivalent",
    "Post-secondary certificate",
    "Some college courses",
    "Associate's degree",
    "Bachelor's degree",
    "Post-baccalaureate certificate",
    "Master's degree",
    "Post-master's certificate",
    "First professional degree",
    "Doctoral degree",
    "Post-doctoral training",
)
"""Short names of the 12 O*NET "Required Level of Education" (RL) categories, 1-based."""

_CODE: Final = re.compile(r"\d\d-\d\d\d\d\.\d\d")


def onet_code(value: object) -> str | None:
    """An O*NET-SOC code ``NN-NNNN.NN`` (``None``), or what is wrong with ``value``."""
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        return f"{value!r} is not an O*NET-SOC code (NN-NNNN.NN)"
    return None


def _number_in(low: float, high: float) -> Check:
    def check_range(value: object) -> Outcome:
        problem = finite_float(value)
        if problem is None and not low <= value <= high:  # type: ignore[operator]
            return f"{value} is outside {low:g}-{high:g}"
        return problem

    return check_range


def _scores(length: int, low: float, high: float) -> Check:
    inner = each(_number_in(low, high))

    def check_scores(value: object) -> Outcome:
        if isinstance(value, tuple) and len(value) != length:
            return f"must have {length} scores, not {len(value)}"
        return inner(value)

    return check_scores


def _letters(alphabet: Iterable[str], what: str) -> Check:
    allowed = tuple(alphabet)

    def check_letters(value: object) -> Outcome:
        if not isinstance(value, tuple):
            return f"must be a tuple, not {type(value).__name__}"
        if len(value) > 3:
            return f"at most 3 high points, not {len(value)}"
        for i, v in enumerate(value):
            if v not in allowed:
                return [Problem(f"[{i}]", f"{v!r} is not one of the {what}")]
        if len(set(value)) != len(value):
            return "high points must not repeat"
        return None

    return check_letters


def _int_in(low: int, high: int) -> Check:
    def check_int(value: object) -> Outcome:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            return f"must be a whole number {low}-{high}, got {value!r}"
        return None

    return check_int


def _text_tuple(value: object) -> Outcome:
    return each(non_blank)(value)


class TaskType(enum.Enum):
    """Whether a task is core (central to the occupation) or supplemental."""

    CORE = "core"
    SUPPLEMENTAL = "supplemental"


@attrs.frozen
class Task(ModelBase):
    """One task statement of an occupation."""

    task_id: int = attrs.field(metadata=check(positive_int))
    statement: str = attrs.field(metadata=check(non_blank))
    type: TaskType | None = attrs.field(
        default=None, metadata=check(optional(instance_of(TaskType)))
    )
    """Core or supplemental; ``None`` where O*NET gives no type (``n/a``)."""


@attrs.frozen
class Rating(ModelBase):
    """A Skills or Knowledge element of an occupation: importance (1-5) and level (0-7)."""

    element_id: str = attrs.field(metadata=check(non_blank))
    name: str = attrs.field(metadata=check(non_blank))
    importance: float = attrs.field(metadata=check(_number_in(1, 5)))
    level: float | None = attrs.field(default=None, metadata=check(optional(_number_in(0, 7))))
    """``None`` when O*NET marks the level as not relevant for the occupation."""


def _same_length(*names: str) -> Callable[[Any], Iterable[Problem]]:
    def check_lengths(self: Any) -> Iterable[Problem]:
        size = len(getattr(self, names[0]))
        for name in names[1:]:
            if len(getattr(self, name)) != size:
                yield Problem(name, f"has {len(getattr(self, name))} items, {names[0]} has {size}")

    return check_lengths


def _unique_texts(value: object) -> Outcome:
    problem = each(non_blank)(value)
    if problem is None and isinstance(value, tuple) and len(set(value)) != len(value):
        return "element ids must not repeat"
    return problem


@attrs.frozen
class Ratings(ModelBase):
    """The Skills or Knowledge ratings of one occupation, stored column by column.

    Iterating (or indexing) gives :class:`Rating` records; building from
    records works too: ``Ratings.of([Rating(...), ...])``.  The column layout
    keeps the catalog small and its cache fast to load.
    """

    element_ids: tuple[str, ...] = attrs.field(default=(), metadata=check(_unique_texts))
    names: tuple[str, ...] = attrs.field(default=(), metadata=check(each(non_blank)))
    importance: tuple[float, ...] = attrs.field(default=(), metadata=check(each(_number_in(1, 5))))
    level: tuple[float | None, ...] = attrs.field(
        default=(), metadata=check(each(optional(_number_in(0, 7))))
    )

    _lengths = staticmethod(_same_length("element_ids", "names", "importance", "level"))

    def _check(self) -> Iterable[Problem]:
        return self._lengths(self)

    @classmethod
    def of(cls, ratings: Iterable[Rating]) -> Ratings:
        items = tuple(ratings)
        return cls(
            element_ids=tuple(r.element_id for r in items),
            names=tuple(r.name for r in items),
            importance=tuple(r.importance for r in items),
            level=tuple(r.level for r in items),
        )

    def __len__(self) -> int:
        return len(self.element_ids)

    def __bool__(self) -> bool:
        return bool(self.element_ids)

    def __getitem__(self, i: int) -> Rating:
        return Rating(
            element_id=self.element_ids[i],
            name=self.names[i],
            importance=self.importance[i],
            level=self.level[i],
        )

    def __iter__(self) -> Iterator[Rating]:
        return (self[i] for i in range(len(self)))

    def get(self, element_id: str) -> Rating | None:
        """The rating of element ``element_id``, if rated."""
        try:
            return self[self.element_ids.index(element_id)]
        except ValueError:
            return None

    def top(self, n: int) -> tuple[Rating, ...]:
        """The ``n`` most important (importance, then level, descending; ties by element id)."""
        order = sorted(
            range(len(self)),
            key=lambda i: (-self.importance[i], -(self.level[i] or 0.0), self.element_ids[i]),
        )
        return tuple(self[i] for i in order[:n])


def _to_ratings(value: object) -> object:
    """Let ``skills=`` / ``knowledge=`` take :class:`Rating` records (a plugin's catalog)."""
    if isinstance(value, Ratings):
        return value
    if isinstance(value, tuple | list) and all(isinstance(r, Rating) for r in value):
        return Ratings.of(value)
    return value


@attrs.frozen
class RelatedOccupation(ModelBase):
    """An entry of O*NET's related-occupations list (``index`` 1 is the most related)."""

    code: str = attrs.field(metadata=check(onet_code))
    tier: str = attrs.field(metadata=check(non_blank))
    """``Primary-Short``, ``Primary-Long`` or ``Supplemental``."""
    index: int = attrs.field(metadata=check(positive_int))


def _distribution(length: int) -> Check:
    return _scores(length, 0, 100)


@attrs.frozen
class EducationTraining(ModelBase):
    """O*NET Education, Training, and Experience: percent of respondents per category.

    ``required_level[k]`` is the percent for RL category ``k + 1`` (see
    :data:`EDUCATION_LEVELS`); categories O*NET does not list count as 0.
    """

    required_level: tuple[float, ...] = attrs.field(metadata=check(_distribution(12)))
    related_experience: tuple[float, ...] = attrs.field(
        default=(), metadata=check(each(_number_in(0, 100)))
    )
    """Percent per RW category 1-11 (empty when not rated)."""
    on_site_training: tuple[float, ...] = attrs.field(
        default=(), metadata=check(each(_number_in(0, 100)))
    )
    """Percent per PT category 1-9 (empty when not rated)."""
    on_the_job_training: tuple[float, ...] = attrs.field(
        default=(), metadata=check(each(_number_in(0, 100)))
    )
    """Percent per OJ category 1-9 (empty when not rated)."""

    @property
    def typical_level(self) -> int:
        """The most common required level (1-12); ties go to the lower level."""
        best = max(self.required_level)
        return self.required_level.index(best) + 1

    @property
    def typical_level_name(self) -> str:
        return EDUCATION_LEVELS[self.typical_level - 1]


def _sorted_related(value: object) -> Outcome:
    if isinstance(value, tuple):
        indexes = [getattr(r, "index", 0) for r in value]
        if indexes != sorted(indexes):
            return "related occupations must be ordered by index"
    return None


@attrs.frozen
class Occupation(ModelBase):
    """One O*NET occupation with the descriptors ilpcore uses.

    ``interests`` holds the six Occupational Interest (OI) scores, 1-7, in
    RIASEC order, or ``None`` for occupations O*NET does not rate;
    ``high_points`` are O*NET's own Interest High-Points (IH), read from the
    release and never re-derived (0-3 letters).
    """

    code: str = attrs.field(metadata=check(onet_code))
    title: str = attrs.field(metadata=check(non_blank))
    description: str = attrs.field(default="", metadata=check(instance_of(str)))
    alternate_titles: tuple[str, ...] = attrs.field(default=(), metadata=check(_text_tuple))
    tasks: tuple[Task, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Task)), unique("task_id"))
    )
    interests: tuple[float, ...] | None = attrs.field(
        default=None, metadata=check(optional(_scores(6, 1, 7)))
    )
    high_points: tuple[str, ...] = attrs.field(
        default=(), metadata=check(_letters(RIASEC, "RIASEC letters"))
    )
    job_zone: int | None = attrs.field(default=None, metadata=check(optional(_int_in(1, 5))))
    work_values: tuple[float, ...] | None = attrs.field(
        default=None, metadata=check(optional(_scores(6, 1, 7)))
    )
    """Extent (EX, 1-7) of the six :data:`WORK_VALUES`, or ``None`` when not rated."""
    work_value_high_points: tuple[str, ...] = attrs.field(
        default=(), metadata=check(_letters(WORK_VALUES, "work values"))
    )
    """O*NET's work value high points (VH), as names from :data:`WORK_VALUES`."""
    skills: Ratings = attrs.field(
        factory=Ratings, converter=_to_ratings, metadata=check(instance_of(Ratings))
    )
    """Skills (importance 1-5, level 0-7); iterating gives :class:`Rating` records."""
    knowledge: Ratings = attrs.field(
        factory=Ratings, converter=_to_ratings, metadata=check(instance_of(Ratings))
    )
    """Knowledge areas (importance 1-5, level 0-7)."""
    education: EducationTraining | None = attrs.field(
        default=None, metadata=check(optional(instance_of(EducationTraining)))
    )
    related: tuple[RelatedOccupation, ...] = attrs.field(
        default=(),
        metadata=check(each(instance_of(RelatedOccupation)), unique("code"), _sorted_related),
    )

    @property
    def soc_code(self) -> str:
        """The 6-digit SOC 2018 code (``NN-NNNN``) BLS publishes for this occupation."""
        return self.code[:7]

    @property
    def interest_code(self) -> str:
        """The high points as one string, e.g. ``"EC"`` (empty when not rated)."""
        return "".join(self.high_points)

    @property
    def core_tasks(self) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.type is TaskType.CORE)

    def top_skills(self, n: int = 10) -> tuple[Rating, ...]:
        """The ``n`` most important skills (importance, then level, descending; ties by id)."""
        return self.skills.top(n)

    def top_knowledge(self, n: int = 10) -> tuple[Rating, ...]:
        """The ``n`` most important knowledge areas."""
        return self.knowledge.top(n)

    def knowledge_of(self, element_id: str) -> Rating | None:
        """The knowledge rating with ``element_id``, if rated."""
        return self.knowledge.get(element_id)
