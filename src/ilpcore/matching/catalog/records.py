"""The frozen records of the occupation catalog: one :class:`Occupation` per O*NET-SOC code.

The records can be built from plain values (a plugin contributing a catalog
does exactly that); every field is checked on construction and all problems
are reported together in one :class:`~ilpcore.exceptions.ValidationError`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Final

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
    optional,
    positive_int,
    text,
    unique,
)

__all__ = [
    "EDUCATION_LEVELS",
    "RIASEC",
    "RIASEC_NAMES",
    "WORK_VALUES",
    "EducationTraining",
    "Occupation",
    "Rating",
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
    return each(text)(value)


class TaskType(enum.Enum):
    """Whether a task is core (central to the occupation) or supplemental."""

    CORE = "core"
    SUPPLEMENTAL = "supplemental"


@attrs.frozen
class Task(ModelBase):
    """One task statement of an occupation."""

    task_id: int = attrs.field(metadata=check(positive_int))
    statement: str = attrs.field(metadata=check(text))
    type: TaskType | None = attrs.field(
        default=None, metadata=check(optional(instance_of(TaskType)))
    )
    """Core or supplemental; ``None`` where O*NET gives no type (``n/a``)."""


@attrs.frozen
class Rating(ModelBase):
    """A Skills or Knowledge element of an occupation: importance (1-5) and level (0-7)."""

    element_id: str = attrs.field(metadata=check(text))
    name: str = attrs.field(metadata=check(text))
    importance: float = attrs.field(metadata=check(_number_in(1, 5)))
    level: float | None = attrs.field(default=None, metadata=check(optional(_number_in(0, 7))))
    """``None`` when O*NET marks the level as not relevant for the occupation."""


@attrs.frozen
class RelatedOccupation(ModelBase):
    """An entry of O*NET's related-occupations list (``index`` 1 is the most related)."""

    code: str = attrs.field(metadata=check(onet_code))
    tier: str = attrs.field(metadata=check(text))
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
    title: str = attrs.field(metadata=check(text))
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
    skills: tuple[Rating, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Rating)), unique("element_id"))
    )
    knowledge: tuple[Rating, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Rating)), unique("element_id"))
    )
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
        return _top(self.skills, n)

    def top_knowledge(self, n: int = 10) -> tuple[Rating, ...]:
        """The ``n`` most important knowledge areas."""
        return _top(self.knowledge, n)

    def knowledge_of(self, element_id: str) -> Rating | None:
        """The knowledge rating with ``element_id``, if rated."""
        for r in self.knowledge:
            if r.element_id == element_id:
                return r
        return None


def _top(ratings: tuple[Rating, ...], n: int) -> tuple[Rating, ...]:
    ordered = sorted(ratings, key=lambda r: (-r.importance, -(r.level or 0.0), r.element_id))
    return tuple(ordered[:n])
