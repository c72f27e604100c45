"""Deterministic plans of any size, for benchmarks."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ilpcore.model import (
    Activity,
    ActivityKind,
    Benchmark,
    CourseAttribute,
    CourseRecord,
    CourseStatus,
    Goal,
    GoalCategory,
    Plan,
    ProgressNote,
    Session,
    Term,
)
from ilpcore.samples._maya import sample_plan

__all__ = ["scaled_plan"]


def scaled_plan(courses: int = 60, activities: int = 40, goals: int = 20) -> Plan:
    """A deterministic plan of the given size, built on :func:`sample_plan`, for benchmarks."""
    base = sample_plan()
    subjects = ("mathematics", "science", "english_language_arts", "social_studies", "arts")
    course_list = tuple(
        CourseRecord(
            f"X{i:04d}",
            f"Course {i}",
            subjects[i % len(subjects)],
            Term(2020 + i % 8, Session.FALL_SEMESTER if i % 2 else Session.SPRING_SEMESTER),
            6 + i % 7,
            Decimal("0.5") if i % 3 else Decimal(1),
            CourseStatus.COMPLETED if i % 4 else CourseStatus.PLANNED,
            "A" if i % 4 else None,
            attributes=frozenset({CourseAttribute.HONORS}) if i % 5 == 0 else frozenset(),
        )
        for i in range(courses)
    )
    activity_list = tuple(
        Activity(
            f"A{i:04d}",
            list(ActivityKind)[i % len(ActivityKind)],
            f"Activity {i}",
            date(2022, 1, 1) + timedelta(days=17 * i),
            date(2022, 1, 1) + timedelta(days=17 * i + 30),
            f"Organization {i % 7}",
            "Member",
            Decimal(i % 50),
            "Helped out every week.",
            (9, 10),
            ("Teamwork",),
        )
        for i in range(activities)
    )
    goal_list = tuple(
        Goal(
            f"G{i:04d}",
            f"Goal {i}",
            list(GoalCategory)[i % 3],
            set_on=date(2023, 1, 1),
            target_date=date(2027, 1, 1),
            benchmarks=(Benchmark(f"B{i}", 9 + i % 4, "A step on the way", date(2025, 1, 1)),),
            progress=(ProgressNote(date(2024, 2, 2), "On track"),),
        )
        for i in range(goals)
    )
    return Plan(
        student=base.student,
        profile=base.profile,
        courses=course_list,
        activities=activity_list,
        goals=goal_list,
        assessments=base.assessments,
        reviews=base.reviews,
    )
