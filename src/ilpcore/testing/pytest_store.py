"""A pytest plugin for store tests: fresh stores of every built-in backend, PostgreSQL included,
and :func:`make_plan`, a realistic plan for any student, school, cohort and grade.

Enable it in your ``conftest.py`` with ``pytest_plugins = ["ilpcore.testing.pytest_store"]``.

PostgreSQL tests read the server's URL from ``ILPCORE_TEST_POSTGRES_URL`` (``.ci/postgres.sh``
starts a throwaway server and prints it).  Without a reachable server they are skipped, with
the reason, except under CI (``CI`` set to ``true`` or ``1``), where that is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Final

import pytest

from ilpcore.model import (
    Activity,
    ActivityKind,
    Aspiration,
    AspirationArea,
    AssessmentKind,
    AssessmentResult,
    Benchmark,
    CourseAttribute,
    CourseRecord,
    CourseStatus,
    Goal,
    GoalCategory,
    Instrument,
    PersonName,
    Plan,
    Profile,
    SavedItem,
    SavedList,
    SavedListKind,
    SchoolRef,
    Score,
    Student,
    Term,
)
from ilpcore.store import Store
from ilpcore.store.memory import MemoryStore
from ilpcore.store.sqlite import SQLiteStore

__all__ = [
    "POSTGRES_URL_ENV",
    "fresh_postgres_store",
    "fresh_postgres_url",
    "ilpcore_memory_store",
    "ilpcore_postgres_store",
    "ilpcore_postgres_url",
    "ilpcore_sqlite_store",
    "in_ci",
    "make_plan",
    "require_postgres_url",
]

POSTGRES_URL_ENV: Final = "ILPCORE_TEST_POSTGRES_URL"


_SUBJECTS = ("english", "mathematics", "science", "social_studies", "arts", "world_language")


def make_plan(
    student_id: str = "S1", *, school_id: str = "HS1", cohort: int = 2029, grade_level: int = 11
) -> Plan:
    """A realistic plan: profile, goals with benchmarks, three years of courses, activities,
    an interest assessment and saved career and college lists (about 15 kB of JSON)."""
    start = cohort - 4
    courses = tuple(
        CourseRecord(
            f"{subject[:3].upper()}{grade}{i}",
            f"{subject.replace('_', ' ').title()} {grade - 8}",
            subject,
            Term(start + grade - 9),
            grade,
            Decimal("1.0"),
            status=CourseStatus.COMPLETED if grade < grade_level else CourseStatus.PLANNED,
            mark="A-" if grade < grade_level else None,
            attributes=frozenset({CourseAttribute.HONORS}) if i == 0 else frozenset(),
        )
        for grade in range(9, 13)
        for i, subject in enumerate(_SUBJECTS)
    )
    goals = tuple(
        Goal(
            f"G{n}",
            title,
            category,
            description=f"{title}, step by step, with my counselor.",
            set_on=date(start, 9, 15),
            benchmarks=tuple(
                Benchmark(f"G{n}B{g}", g, f"Benchmark for grade {g}") for g in range(9, 13)
            ),
        )
        for n, (title, category) in enumerate(
            (
                ("Become a registered nurse", GoalCategory.CAREER),
                ("Finish Algebra II with a B or better", GoalCategory.ACADEMIC),
                ("Volunteer 40 hours a year", GoalCategory.PERSONAL),
            )
        )
    )
    activities = tuple(
        Activity(
            f"A{n}",
            kind,
            title,
            date(start + n % 3, 10, 1),
            hours=Decimal(12 + n),
            skills=("teamwork", "communication"),
        )
        for n, (kind, title) in enumerate(
            (
                (ActivityKind.COMMUNITY_SERVICE, "Food bank volunteer"),
                (ActivityKind.CAREER_ACTIVITY, "Hospital job shadow"),
                (ActivityKind.EXTRACURRICULAR, "Robotics club"),
                (ActivityKind.WORK_EXPERIENCE, "Summer lifeguard"),
            )
        )
    )
    assessment = AssessmentResult(
        "IP1",
        AssessmentKind.INTEREST,
        Instrument("onet-ip-60", "2.0", "O*NET Interest Profiler"),
        date(start, 10, 3),
        scores=tuple(
            Score(s, Decimal(v)) for s, v in zip("RIASEC", (12, 30, 8, 35, 14, 9), strict=True)
        ),
    )
    lists = (
        SavedList(
            "careers-1",
            SavedListKind.CAREERS,
            "Careers from my interest profile",
            date(start, 10, 3),
            items=tuple(
                SavedItem(code, label, date(start, 10, 3), favorite=i == 0)
                for i, (code, label) in enumerate(
                    (
                        ("29-1141.00", "Registered Nurses"),
                        ("29-1071.00", "Physician Assistants"),
                        ("21-1012.00", "Educational Counselors"),
                    )
                )
            ),
        ),
        SavedList(
            "colleges-1",
            SavedListKind.COLLEGES,
            "Colleges to visit",
            date(start + 2, 4, 1),
            items=(SavedItem("157085", "University of Kentucky", date(start + 2, 4, 1)),),
        ),
    )
    student = Student(
        student_id,
        PersonName("Maya", "Okafor", preferred="May"),
        grade_level,
        cohort,
        SchoolRef(school_id, "Central High School", state="KY"),
    )
    profile = Profile(
        strengths=("biology", "working with people"),
        interests=("health care", "robotics"),
        aspirations=(Aspiration(AspirationArea.CAREER, "Work in a children's hospital"),),
    )
    return Plan(
        student,
        profile=profile,
        goals=goals,
        courses=courses,
        activities=activities,
        assessments=(assessment,),
        saved_lists=lists,
    )


def in_ci() -> bool:
    """Whether we run under continuous integration (``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require_postgres_url() -> str:
    """The test server's URL; skips the test (fails it under CI) when there is no server."""
    url = os.environ.get(POSTGRES_URL_ENV, "").strip()
    reason = None
    if not url:
        reason = f"no PostgreSQL server: {POSTGRES_URL_ENV} is not set (run .ci/postgres.sh)"
    else:
        try:
            import psycopg
        except ImportError:
            reason = "psycopg is not installed (pip install 'ilpcore[postgres]')"
        else:
            try:
                psycopg.connect(url, connect_timeout=5).close()
            except psycopg.Error as e:
                reason = f"the PostgreSQL server at {POSTGRES_URL_ENV} is not reachable: {e}"
    if reason is not None:
        if in_ci():
            pytest.fail(f"{reason} (CI=true: PostgreSQL tests must run)")
        pytest.skip(reason)
    return url


@pytest.fixture(scope="session")
def ilpcore_postgres_url() -> str:
    """The URL of the PostgreSQL test server (see :func:`require_postgres_url`)."""
    return require_postgres_url()


@contextmanager
def fresh_postgres_url(url: str) -> Iterator[str]:
    """``url`` pointed at a new, empty PostgreSQL schema, which is dropped afterwards."""
    import psycopg

    schema = f"ilpcore_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in url else "?"
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@contextmanager
def fresh_postgres_store(url: str) -> Iterator[Store]:
    """A store in a new, empty PostgreSQL schema of ``url``'s database, dropped afterwards."""
    from ilpcore.store.postgres import PostgresStore

    with fresh_postgres_url(url) as schema_url, PostgresStore(schema_url) as store:
        yield store


@pytest.fixture
def ilpcore_postgres_store(ilpcore_postgres_url: str) -> Iterator[Store]:
    """A fresh PostgreSQL store (its own schema, dropped after the test)."""
    with fresh_postgres_store(ilpcore_postgres_url) as store:
        yield store


@pytest.fixture
def ilpcore_sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store in the test's temporary folder."""
    with SQLiteStore(tmp_path / "ilpcore.sqlite3") as store:
        yield store


@pytest.fixture
def ilpcore_memory_store() -> Iterator[Store]:
    """A fresh in-memory store."""
    with MemoryStore() as store:
        yield store
