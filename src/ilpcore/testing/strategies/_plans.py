"""Strategies for whole plans whose cross-references all resolve."""

from __future__ import annotations

from hypothesis import strategies as st

from ilpcore.model import (
    Goal,
    Phase,
    PhaseCompletion,
    Plan,
    Reflection,
    SubjectKind,
    SubjectRef,
    evolve,
)
from ilpcore.testing.strategies._activities import activities, artifacts
from ilpcore.testing.strategies._applications import college_applications, milestones
from ilpcore.testing.strategies._assessments import assessment_results
from ilpcore.testing.strategies._base import (
    _BY_PHASE,
    _BY_UNITID,
    _opt,
    _tuple,
    _unique_ids,
    dates,
    identifiers,
    texts,
)
from ilpcore.testing.strategies._courses import course_plans, course_records
from ilpcore.testing.strategies._goals import goals
from ilpcore.testing.strategies._people import demographics, profiles, students
from ilpcore.testing.strategies._resume import resume_specs
from ilpcore.testing.strategies._reviews import review_schedules, reviews
from ilpcore.testing.strategies._saved import saved_lists

__all__ = ["plans"]


def _refs(ids: dict[SubjectKind, tuple[str, ...]]) -> st.SearchStrategy[tuple[SubjectRef, ...]]:
    choices = [SubjectRef(kind, i) for kind, values in ids.items() for i in values]
    if not choices:
        return st.just(())
    return _tuple(st.sampled_from(choices), 3, unique=True)


_PHASES = _tuple(
    st.builds(PhaseCompletion, st.sampled_from(Phase), dates(), _opt(texts())),
    3,
    unique_by=_BY_PHASE,
)


@st.composite
def plans(draw: st.DrawFn, max_items: int = 3) -> Plan:
    """Whole plans whose cross-references (reflections, artifacts, goals) all resolve."""
    goal_list = draw(_unique_ids(goals(), max_items))
    goal_ids = tuple(g.id for g in goal_list)
    if len(goal_list) > 1 and draw(st.booleans()):
        goal_list = (*goal_list[:-1], _with_replaces(goal_list[-1], goal_ids[0]))
    activity_list = draw(_unique_ids(activities(), max_items))
    assessment_list = draw(_unique_ids(assessment_results(), max_items))
    plan_list = draw(_unique_ids(course_plans(goal_ids), 2))
    ids = {
        SubjectKind.ACTIVITY: tuple(a.id for a in activity_list),
        SubjectKind.GOAL: goal_ids,
        SubjectKind.ASSESSMENT: tuple(a.id for a in assessment_list),
        SubjectKind.COURSE_PLAN: tuple(c.id for c in plan_list),
    }
    artifact_list = draw(_unique_ids(artifacts(_refs(ids)), max_items))
    ids[SubjectKind.ARTIFACT] = tuple(a.id for a in artifact_list)
    reflection = st.builds(Reflection, identifiers("RF"), dates(), texts(300), _refs(ids))
    return Plan(
        student=draw(students()),
        profile=draw(profiles()),
        demographics=draw(_opt(demographics())),
        goals=goal_list,
        reviews=draw(_unique_ids(reviews(), max_items)),
        phases=draw(_PHASES),
        courses=draw(_tuple(course_records(), max_items * 2)),
        course_plans=plan_list,
        activities=activity_list,
        reflections=draw(_unique_ids(reflection, max_items)),
        artifacts=artifact_list,
        assessments=assessment_list,
        saved_lists=draw(_unique_ids(saved_lists(), 3)),
        review_schedule=draw(_opt(review_schedules())),
        parental_access_consent=draw(st.booleans()),
        resume_spec=draw(_opt(resume_specs())),
        applications=draw(_tuple(college_applications(), 3, unique_by=_BY_UNITID)),
        milestones=draw(_unique_ids(milestones(), 3)),
        revision=draw(st.integers(0, 1000)),
    )


def _with_replaces(goal: Goal, replaced: str) -> Goal:
    return evolve(goal, replaces=replaced) if goal.id != replaced else goal
