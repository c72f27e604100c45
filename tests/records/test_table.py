"""The Records table: checks, dtypes, round trips through pandas, Arrow and JSON, HTML."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import ValidationError
from ilpcore.model import Plan
from ilpcore.records import (
    Column,
    ColumnType,
    Records,
    activities_table,
    assessments_table,
    courses_table,
    goals_table,
    plans_table,
)
from ilpcore.samples import sample_plan, scaled_plan
from ilpcore.testing.strategies import plans

TABLES = (plans_table, courses_table, assessments_table, goals_table, activities_table)
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PANDAS_DTYPES = {
    ColumnType.STRING: "string",
    ColumnType.INTEGER: "Int64",
    ColumnType.FLOAT: "float64",
    ColumnType.DECIMAL: "float64",
    ColumnType.BOOLEAN: "boolean",
    ColumnType.DATE: "datetime64[ns]",
}
ARROW_TYPES = {
    ColumnType.STRING: pa.string(),
    ColumnType.INTEGER: pa.int64(),
    ColumnType.FLOAT: pa.float64(),
    ColumnType.DECIMAL: pa.float64(),
    ColumnType.BOOLEAN: pa.bool_(),
    ColumnType.DATE: pa.date32(),
}


def _back(column: Column, value: Any) -> Any:
    """A pandas or Arrow value as the record holds it (dates ISO, decimals exact strings)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if column.type is ColumnType.DATE:
        return (value.date() if isinstance(value, pd.Timestamp) else value).isoformat()
    if column.type is ColumnType.DECIMAL:
        return Decimal(repr(float(value)))
    if column.type is ColumnType.INTEGER:
        return int(value)
    if column.type is ColumnType.BOOLEAN:
        return bool(value)
    return value


def _expected(column: Column, value: Any) -> Any:
    return Decimal(value) if value is not None and column.type is ColumnType.DECIMAL else value


def _assert_round_trip(table: Records) -> None:
    df = table.to_pandas()
    assert list(df.columns) == list(table.names)
    assert {c: str(df[c].dtype) for c in df.columns} == {
        c.name: PANDAS_DTYPES[c.type] for c in table.columns
    }
    arrow = table.to_arrow()
    assert arrow.schema == pa.schema([(c.name, ARROW_TYPES[c.type]) for c in table.columns])
    assert len(df) == arrow.num_rows == len(table)
    arrow_rows = arrow.to_pylist()
    for i, row in enumerate(table):
        for c in table.columns:
            want = _expected(c, row[c.name])
            assert _back(c, df[c.name].iloc[i]) == want, (i, c.name)
            assert _back(c, arrow_rows[i][c.name]) == want, (i, c.name)
    assert json.loads(json.dumps(table.to_dicts())) == table.to_dicts()


@pytest.mark.parametrize("make", TABLES, ids=lambda f: f.__name__)
def test_sample_plans_round_trip(make: Any) -> None:
    table = make([sample_plan(), scaled_plan(courses=8, activities=5, goals=3)])
    assert len(table) > 0
    _assert_round_trip(table)


@SLOW
@given(st.lists(plans(max_items=3), max_size=3))
def test_generated_plans_round_trip(generated: list[Plan]) -> None:
    for make in TABLES:
        _assert_round_trip(make(generated))


def test_sample_plan_row() -> None:
    (row,) = plans_table([sample_plan()])
    assert row["student_id"] == "100482"
    assert row["school_id"] == "KY-165-040"
    assert (row["grade_level"], row["cohort"], row["birth_date"]) == (10, 2028, "2010-03-14")
    assert (row["goals"], row["courses"], row["activities"]) == (3, 16, 6)
    assert (row["credits_attempted"], row["credits_earned"]) == ("8.0", "8.0")
    assert row["activity_hours"] == "232"
    assert row["career_goal_code"] == "29-1141.00"
    assert [row[f"interest_{a}"] for a in ("realistic", "social")] == ["12", "36"]
    assert row["interest_taken_on"] == "2025-09-18"


def test_empty_table_keeps_types() -> None:
    table = plans_table([])
    assert len(table) == 0
    assert str(table.to_pandas()["credits_earned"].dtype) == "float64"
    assert table.to_arrow().schema.field("birth_date").type == pa.date32()


def test_sequence_behaviour() -> None:
    table = courses_table([sample_plan()])
    assert table[0]["course_code"] == "MA8110"
    assert isinstance(table[2:5], Records)
    assert len(table[2:5]) == 3
    assert table.column("course_code")[:2] == ("MA8110", "EN9100")
    assert list(table) == table.to_dicts()


def test_bad_rows_are_reported_with_paths() -> None:
    columns = (Column("n", ColumnType.INTEGER), Column("d", ColumnType.DATE))
    with pytest.raises(ValidationError) as e:
        Records(columns, ((1, "2025-01-01"), (True, "yesterday"), (2,)))
    assert e.value.paths == ("rows[1].n", "rows[1].d", "rows[2]")
    with pytest.raises(ValidationError):
        Records((Column("x", ColumnType.STRING), Column("x", ColumnType.STRING)))
    with pytest.raises(ValidationError):
        Records.from_dicts([Column("c", ColumnType.DECIMAL)], [{"c": "NaN"}])


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.cells: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag in ("td", "th"):
            self._open, self.cells = tag, [*self.cells, ""]

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.cells[-1] += data


HOSTILE = st.one_of(
    st.sampled_from(["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                     "</td></tr></table><script>x()</script>", "&lt;b&gt;", "<!-- x -->", "'"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
)  # fmt: skip


@given(st.lists(HOSTILE, min_size=1, max_size=5), HOSTILE)
def test_html_escapes_everything(values: list[str], name: str) -> None:
    columns = (Column("x" + name, ColumnType.STRING), Column("n", ColumnType.INTEGER))
    table = Records(columns, tuple((v, i) for i, v in enumerate(values)))
    parser = _Collect()
    parser.feed(table._repr_html_())
    parser.close()
    assert {t for t, _ in parser.tags} <= {"table", "caption", "thead", "tbody", "tr", "th", "td"}
    assert [a for t, a in parser.tags if t != "table"] == [[]] * (len(parser.tags) - 1)
    expected = ["x" + name, "n"]
    for i, v in enumerate(values):
        expected += [v, str(i)]
    assert parser.cells == expected


def test_html_shows_the_first_rows_and_counts_the_rest() -> None:
    table = courses_table([sample_plan()])
    text = table._repr_html_(max_rows=5)
    assert text.count("<tr>") == 6
    assert "23 more rows" in text
    assert "28 rows" in text


NO_EXTRA = """
import sys
sys.modules["pandas"] = None
sys.modules["pyarrow"] = None
from ilpcore.exceptions import ExtraNotInstalledError
from ilpcore.records import plans_table, courses_table, to_pandas
from ilpcore.samples import sample_plan
table = courses_table([sample_plan()])
assert len(table) == 28 and plans_table([sample_plan()])[0]["credits_earned"] == "8.0"
for attempt in (table.to_pandas, table.to_arrow, lambda: to_pandas(table.to_dicts())):
    try:
        attempt()
    except ExtraNotInstalledError as e:
        assert e.extra == "notebook", e
    else:
        raise AssertionError("no ExtraNotInstalledError")
assert "pandas" not in {m for m, v in sys.modules.items() if v is not None}
print("ok")
"""


def test_records_work_without_the_notebook_extra() -> None:
    done = subprocess.run(
        [sys.executable, "-c", NO_EXTRA], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_dates_and_decimals_convert_exactly() -> None:
    columns = (Column("d", ColumnType.DATE), Column("c", ColumnType.DECIMAL))
    table = Records(columns, (("2031-12-31", "0.25"), (None, None)))
    df = table.to_pandas()
    assert df["d"].iloc[0] == pd.Timestamp(2031, 12, 31)
    assert df["d"].isna().iloc[1]
    assert df["c"].iloc[0] == 0.25
    assert math.isnan(df["c"].iloc[1])
    assert table.to_arrow().column("d").to_pylist() == [date(2031, 12, 31), None]


def test_an_empty_arrow_table_keeps_its_columns() -> None:
    from ilpcore.records import to_arrow

    assert to_arrow([], columns=["student_id", "credits"]).column_names == [
        "student_id",
        "credits",
    ]
