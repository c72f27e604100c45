"""The allow list: which records columns a release reads, and what it makes of them."""

from __future__ import annotations

from ilpcore.model import Goal
from ilpcore.records import PLAN_TABLES, Column, ColumnType, Field, PlanTable
from ilpcore.research import QUASI_IDENTIFIERS, TABLES
from ilpcore.research.released import ReleasedStudent, ReleasedTable, from_records
from ilpcore.research.tables import RELEASED_TABLES
from ilpcore.samples import sample_plan

# Widening this set releases more about each student: review it as a change of the procedure.
READ = {
    "students": {
        "goals", "current_goals", "goals_achieved", "courses", "courses_completed",
        "course_plans", "planned_courses", "activities", "assessments", "reflections",
        "artifacts", "career_goal_code", "credits_attempted", "credits_earned", "activity_hours",
        "interest_taken_on", "interest_realistic", "interest_investigative",
        "interest_artistic", "interest_social", "interest_enterprising", "interest_conventional",
    },
    "courses": {
        "course_plan_id", "course_code", "subject", "school_year", "session", "grade_level",
        "status", "credits", "credits_earned", "mark", "attributes",
    },
    "assessments": {
        "assessment_id", "kind", "instrument_id", "instrument_edition", "taken_on", "scale",
        "value", "minimum", "maximum",
    },
    "goals": {
        "goal_id", "category", "horizon", "status", "set_on", "target_date", "career_code",
        "replaces", "benchmarks", "benchmarks_met", "progress_notes",
    },
    "activities": {"kind", "start", "end", "hours", "grade_levels", "skills"},
}  # fmt: skip
SOURCE = {"students": "plans"} | {name: name for name in READ if name != "students"}


def test_a_release_reads_only_the_allowed_records_columns() -> None:
    assert set(RELEASED_TABLES) == set(READ) == set(TABLES)
    for name, table in RELEASED_TABLES.items():
        assert table.source is PLAN_TABLES[SOURCE[name]]
        sources = {r.source for r in table.released if r.source is not None}
        assert sources == READ[name], name
        for source in sources:
            table.source.column(source)  # each names a records column
        assert TABLES[name][0] == table.columns


def test_a_new_records_column_stays_out_until_allowed() -> None:
    goals = PLAN_TABLES["goals"]
    secret: Field[Goal] = Field(
        Column("secret", ColumnType.STRING), lambda plan, goal: "SECRET " + goal.title
    )
    wider = PlanTable((*goals.fields, secret), goals.items)
    released = RELEASED_TABLES["goals"]
    who = ReleasedStudent("p" * 32, tuple(range(len(QUASI_IDENTIFIERS))))
    plan = sample_plan()
    rows = list(ReleasedTable(wider, released.released).rows(plan, who))
    assert rows == list(released.rows(plan, who))
    assert "SECRET" not in repr(rows)
    allowed = ReleasedTable(wider, (*released.released, from_records(wider, "secret")))
    assert [r["secret"] for r in allowed.rows(plan, who)] == [
        "SECRET " + g.title for g in plan.goals
    ]
