"""The synthetic students: valid, deterministic, realistic enough for matching and audits."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.matching import from_assessment
from ilpcore.model import CourseStatus, Plan
from ilpcore.requirements import registry
from ilpcore.requirements.rules import CourseFilter
from ilpcore.requirements.ruleset import walk
from ilpcore.serialization import dumps, loads
from ilpcore.testing.synthetic import SCHOOL_YEAR, STATES, synthetic_plan, synthetic_plans

_students = st.integers(0, 10**7)
_seeds = st.integers(0, 2**31)


@given(i=_students, seed=_seeds)
@settings(max_examples=60, deadline=None)
def test_plans_are_valid_and_round_trip(i: int, seed: int) -> None:
    plan = synthetic_plan(i, seed)
    assert Plan.field_problems({f: getattr(plan, f) for f in ("student", "courses")}) == []
    assert loads(dumps(plan), Plan) == plan
    assert synthetic_plan(i, seed) == plan  # deterministic


@given(i=_students, seed=_seeds)
@settings(max_examples=60, deadline=None)
def test_plans_look_like_a_high_school_student(i: int, seed: int) -> None:
    plan = synthetic_plan(i, seed)
    s = plan.student
    assert s.id == f"SYN-{i:08d}"
    assert 9 <= s.grade_level <= 12
    assert s.cohort == SCHOOL_YEAR + 13 - s.grade_level
    assert s.school.state in STATES
    assert 20 <= len(plan.courses) <= 40
    for c in plan.courses:
        past, now = c.grade_level < s.grade_level, c.grade_level == s.grade_level
        if past:
            assert c.status in (CourseStatus.COMPLETED, CourseStatus.FAILED)
            assert c.mark is not None
        else:
            assert c.status is (CourseStatus.IN_PROGRESS if now else CourseStatus.PLANNED)
    for a in plan.assessments:
        scores = from_assessment(a)
        assert all(0 <= v <= 40 for v in scores.values)


def test_subjects_are_those_the_rule_sets_count() -> None:
    known: set[str] = set()
    for rs in registry.builtin_rule_sets():
        for _, rq in walk(rs.requirements, "requirements"):
            match = getattr(rq, "match", None)
            if isinstance(match, CourseFilter):
                known |= match.subjects
    subjects = Counter(c.subject for p in synthetic_plans(300) for c in p.courses)
    assert set(subjects) - known == {"elective"}  # study skills counts toward totals only


def test_a_run_has_every_kind_of_student() -> None:
    plans = list(synthetic_plans(1000, seed=1))
    assert list(synthetic_plans(10, seed=1, start=500)) == plans[500:510]
    assert Counter(p.student.school.state for p in plans).keys() == set(STATES)
    assert {p.student.grade_level for p in plans} == {9, 10, 11, 12}
    without = sum(not p.assessments for p in plans)
    assert 40 <= without <= 130  # about 8 %
    failed = sum(c.status is CourseStatus.FAILED for p in plans for c in p.courses)
    assert failed > 0
    assert sum(bool(p.milestones) for p in plans) > 0
    assert list(synthetic_plans(5, seed=2)) != list(synthetic_plans(5, seed=1))
