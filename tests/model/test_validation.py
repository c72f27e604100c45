"""Invalid values are refused at construction, with every problem named by its path."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.exceptions import IlpcoreError, NotFoundError, ValidationError
from ilpcore.model import (
    Activity,
    ActivityKind,
    Artifact,
    Benchmark,
    BenchmarkStatus,
    Contact,
    ContactMethod,
    CourseRecord,
    CourseStatus,
    Goal,
    GoalCategory,
    PersonName,
    Review,
    ReviewKind,
    Role,
    SchoolRef,
    Score,
    SignOff,
    Student,
    Term,
    evolve,
)
from ilpcore.model._checks import ModelBase, check, each, non_blank
from ilpcore.samples import sample_plan
from ilpcore.testing.strategies import course_records


def _course(**changes: Any) -> CourseRecord:
    base = CourseRecord("MA1", "Algebra I", "mathematics", Term(2024), 9, Decimal(1))
    return evolve(base, **changes)


def test_values_are_frozen() -> None:
    course = _course()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        course.credits = Decimal(2)  # type: ignore[misc]


def test_evolve_revalidates() -> None:
    with pytest.raises(ValidationError) as info:
        _course(credits=Decimal("-0.5"))
    assert info.value.paths == ("credits",)


def test_all_problems_of_one_value_are_reported_together() -> None:
    with pytest.raises(ValidationError) as info:
        CourseRecord(" ", "", "math", Term(2024), 13, Decimal("NaN"))
    assert info.value.paths == ("course_code", "title", "grade_level", "credits")


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        ({"credits": Decimal("Infinity")}, "credits", "finite"),
        ({"grade_level": -1}, "grade_level", "out of range"),
        ({"credits": 1}, "credits", "must be a Decimal"),
        ({"status": CourseStatus.PLANNED, "mark": "A"}, "mark", "no mark yet"),
        (
            {"status": CourseStatus.COMPLETED, "credits_earned": Decimal(2)},
            "credits_earned",
            "more than",
        ),
        ({"attributes": frozenset({"ap"})}, "attributes", "CourseAttribute"),
    ],
)
def test_course_record_checks(changes: dict[str, Any], path: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        _course(**changes)
    assert info.value.paths == (path,)
    assert message in str(info.value)


def test_dates_must_be_in_order() -> None:
    with pytest.raises(ValidationError, match="end: 2024-01-01 is before start 2024-02-01"):
        Activity("A1", ActivityKind.LEADERSHIP, "Captain", date(2024, 2, 1), date(2024, 1, 1))
    with pytest.raises(ValidationError, match=r"sign_offs\[0\]\.signed_on"):
        Review(
            "R1",
            date(2025, 5, 1),
            ReviewKind.SCHEDULED,
            sign_offs=(SignOff("Pat", Role.COUNSELOR, date(2025, 4, 30)),),
        )


def test_ids_follow_the_id_rule() -> None:
    with pytest.raises(ValidationError, match="not a valid id"):
        Goal("has space", "x", GoalCategory.CAREER)


def test_contact_needs_the_channel_it_prefers() -> None:
    with pytest.raises(ValidationError) as info:
        Contact("C1", "Pat", Role.STUDENT, preferred_method=ContactMethod.EMAIL, email="nope")
    assert info.value.paths == ("role", "email")


def test_benchmark_met_needs_a_date() -> None:
    with pytest.raises(ValidationError, match="met_on: is required"):
        Benchmark("B1", 9, "Pass Algebra", status=BenchmarkStatus.MET)


def test_score_within_its_scale() -> None:
    with pytest.raises(ValidationError, match="above the scale maximum"):
        Score("social", Decimal(41), Decimal(0), Decimal(40))


def test_artifact_hash_and_media_type() -> None:
    with pytest.raises(ValidationError) as info:
        Artifact("W1", "Essay", "md5:abc", "PDF", -1, date(2025, 1, 1))
    assert info.value.paths == ("content_hash", "media_type", "size")


def test_school_state_code() -> None:
    with pytest.raises(ValidationError, match="two-letter"):
        SchoolRef("S1", "Central", "Kentucky")


def test_plan_checks_cross_references_and_unique_ids() -> None:
    plan = sample_plan()
    goal = plan.goals[0]
    with pytest.raises(ValidationError) as info:
        evolve(plan, goals=(goal, goal))
    assert "goals[1].id" in info.value.paths
    without_shadow = tuple(a for a in plan.activities if a.id != "A-shadow")
    with pytest.raises(ValidationError) as info:
        evolve(plan, activities=without_shadow)
    assert info.value.paths == ("reflections[0].about[0].id",)
    assert "no activity with id 'A-shadow'" in str(info.value)


def test_plan_lookup_by_id() -> None:
    plan = sample_plan()
    assert plan.goal("G-nurse").career_code == "29-1141.00"
    with pytest.raises(NotFoundError):
        plan.goal("G-none")
    assert isinstance(NotFoundError("x"), IlpcoreError)


def test_student_names() -> None:
    assert PersonName("Maya", "Okafor", preferred="May").display == "May Okafor"
    with pytest.raises(ValidationError):
        Student("S1", PersonName("A", "B"), 9, 1800, SchoolRef("H", "High"))


@given(course_records(), st.sampled_from(["credits", "grade_level", "title"]))
def test_no_invalid_change_slips_through(course: CourseRecord, field: str) -> None:
    bad: Any = {"credits": Decimal(-1), "grade_level": 99, "title": "   "}[field]
    with pytest.raises(ValidationError) as info:
        evolve(course, **{field: bad})
    assert info.value.paths == (field,)


@attrs.frozen
class _Indexed(ModelBase):
    """A model type that extends the post-init, like a catalog building an index."""

    names: tuple[str, ...] = attrs.field(metadata=check(each(non_blank)))
    _index: dict[str, int] = attrs.field(init=False, factory=dict, eq=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        self._index.update((n, i) for i, n in enumerate(self.names))


def test_a_type_that_overrides_post_init_keeps_it() -> None:
    for _ in range(3):  # the first instance compiles the checks; later ones must still index
        value = _Indexed(("a", "b"))
        assert value._index == {"a": 0, "b": 1}
    with pytest.raises(ValidationError, match=r"names\[1\]: must not be blank"):
        _Indexed(("a", " "))
