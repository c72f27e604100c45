"""Flat records for dataframes: what researchers load into pandas or Arrow.

A record is a plain ``dict`` of column name to a JSON-ready scalar (``str``,
``int``, ``float``, ``bool``, ``None``; decimals become exact decimal strings
and dates ISO strings).  :class:`Records` is a typed table of them that turns
into a pandas DataFrame or an Arrow table and shows itself in notebooks;
:func:`to_pandas` and :func:`to_arrow` turn any iterable of records into a
table without types.  DataFrames need the optional ``notebook`` extra
(``pip install ilpcore[notebook]``); the records themselves do not.

>>> from ilpcore.samples import sample_plan
>>> courses = courses_table([sample_plan()])
>>> len(courses), courses[0]["course_code"], courses[0]["credits"]
(28, 'MA8110', '1')
"""

from __future__ import annotations

from ilpcore.records.fields import Field, PlanTable
from ilpcore.records.frames import Record, to_arrow, to_pandas
from ilpcore.records.plans import (
    ACTIVITY_COLUMNS,
    ASSESSMENT_COLUMNS,
    COURSE_COLUMNS,
    GOAL_COLUMNS,
    PLAN_COLUMNS,
    PLAN_TABLES,
    RIASEC,
    activities_table,
    activity_rows,
    assessment_rows,
    assessments_table,
    course_rows,
    courses_table,
    goal_rows,
    goals_table,
    latest_interest,
    plan_row,
    plans_table,
)
from ilpcore.records.table import Column, ColumnType, Records

__all__ = [
    "ACTIVITY_COLUMNS",
    "ASSESSMENT_COLUMNS",
    "COURSE_COLUMNS",
    "GOAL_COLUMNS",
    "PLAN_COLUMNS",
    "PLAN_TABLES",
    "RIASEC",
    "Column",
    "ColumnType",
    "Field",
    "PlanTable",
    "Record",
    "Records",
    "activities_table",
    "activity_rows",
    "assessment_rows",
    "assessments_table",
    "course_rows",
    "courses_table",
    "goal_rows",
    "goals_table",
    "latest_interest",
    "plan_row",
    "plans_table",
    "to_arrow",
    "to_pandas",
]
