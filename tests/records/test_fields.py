"""Tables described once: the rows, the selected values and the typed table agree."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.model import Plan
from ilpcore.records import (
    ACTIVITY_COLUMNS,
    ASSESSMENT_COLUMNS,
    COURSE_COLUMNS,
    GOAL_COLUMNS,
    PLAN_COLUMNS,
    PLAN_TABLES,
    activity_rows,
    assessment_rows,
    course_rows,
    goal_rows,
    plan_row,
)
from ilpcore.samples import sample_plan
from ilpcore.testing.strategies import plans

SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_public_columns_and_rows_are_the_descriptions() -> None:
    columns = {
        "plans": PLAN_COLUMNS,
        "courses": COURSE_COLUMNS,
        "assessments": ASSESSMENT_COLUMNS,
        "goals": GOAL_COLUMNS,
        "activities": ACTIVITY_COLUMNS,
    }
    assert {name: table.columns for name, table in PLAN_TABLES.items()} == columns
    plan = sample_plan()
    assert list(PLAN_TABLES["plans"].rows(plan)) == [plan_row(plan)]
    for name, rows in (("courses", course_rows), ("assessments", assessment_rows),
                       ("goals", goal_rows), ("activities", activity_rows)):  # fmt: skip
        assert list(PLAN_TABLES[name].rows(plan)) == list(rows(plan)), name


@SLOW
@given(plans(max_items=3), st.data())
def test_selected_values_are_the_rows_columns(plan: Plan, data: st.DataObject) -> None:
    for table in PLAN_TABLES.values():
        names = [c.name for c in table.columns]
        chosen = data.draw(st.lists(st.sampled_from([*names, None]), max_size=6))
        expected = [
            tuple(None if n is None else row[n] for n in chosen) for row in table.rows(plan)
        ]
        assert list(table.values(plan, chosen)) == expected
        assert table.table([plan, plan]).to_dicts() == [*table.rows(plan), *table.rows(plan)]


def test_an_unknown_column_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        PLAN_TABLES["goals"].column("colour")
    with pytest.raises(KeyError):
        list(PLAN_TABLES["goals"].values(sample_plan(), ["colour"]))
