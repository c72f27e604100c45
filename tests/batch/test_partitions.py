"""Partition functions: pandas (and Arrow) in, the same rows as the streaming functions out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd
import pyarrow as pa
import pytest

from ilpcore.batch import (
    AUDIT_COLUMNS,
    MATCH_COLUMNS,
    AuditRow,
    MatchRow,
    audit_meta,
    audit_partition,
    batch_audit,
    batch_match,
    match_meta,
    match_partition,
    spark_schema,
    to_records,
)
from ilpcore.exceptions import ValidationError
from ilpcore.matching import RIASEC, from_assessment
from ilpcore.matching.ranking import InterestIndex
from ilpcore.model import Plan
from ilpcore.records import to_pandas
from ilpcore.serialization import dumps

TODAY = date(2026, 11, 23)


def plan_frame(plans: tuple[Plan, ...]) -> pd.DataFrame:
    return pd.DataFrame({"student_id": [p.student.id for p in plans],
                         "plan": [dumps(p) for p in plans]})  # fmt: skip


def expected(rows: Iterable[MatchRow | AuditRow], columns: Mapping[str, str]) -> pd.DataFrame:
    return to_pandas(to_records(rows), list(columns)).astype(dict(columns))


def test_match_partition_of_plans(plans: tuple[Plan, ...], index: InterestIndex) -> None:
    got = match_partition(plan_frame(plans), index, top=4)
    pd.testing.assert_frame_equal(got, expected(batch_match(plans, index, top=4), MATCH_COLUMNS))
    assert dict(got.dtypes.astype(str)) == dict(MATCH_COLUMNS)
    arrow = match_partition(pa.Table.from_pandas(plan_frame(plans[:10])), index, top=4)
    pd.testing.assert_frame_equal(arrow, got[got["student_id"].isin(arrow["student_id"])]
                                  .reset_index(drop=True))  # fmt: skip


def test_match_partition_of_scores(plans: tuple[Plan, ...], index: InterestIndex) -> None:
    scored = [p for p in plans if p.assessments]
    scores = [from_assessment(p.assessments[0]).values for p in scored]
    frame = pd.DataFrame({
        "student_id": [p.student.id for p in scored],
        "school_id": [p.student.school.id for p in scored],
        "cohort": [p.student.cohort for p in scored],
        **{area: [s[i] for s in scores] for i, area in enumerate(RIASEC)},
    })  # fmt: skip
    got = match_partition(frame, index, top=2)
    pd.testing.assert_frame_equal(got, expected(batch_match(scored, index, top=2), MATCH_COLUMNS))
    frame.loc[0, "R"] = None
    first = match_partition(frame.drop(columns=["school_id", "cohort"]), index, top=2).iloc[0]
    assert first["reason"] == "missing interest scores"
    assert first["school_id"] is pd.NA


def test_audit_partition(plans: tuple[Plan, ...]) -> None:
    quick = tuple(p for p in plans[:40] if p.student.school.state != "IN")
    got = audit_partition(plan_frame(quick), "US-KY", today=TODAY)
    pd.testing.assert_frame_equal(
        got, expected(batch_audit(quick, "US-KY", today=TODAY), AUDIT_COLUMNS)
    )


def test_empty_partitions_and_metadata(index: InterestIndex) -> None:
    empty = pd.DataFrame({"student_id": pd.Series([], dtype="string"),
                          "plan": pd.Series([], dtype="string")})  # fmt: skip
    pd.testing.assert_frame_equal(match_partition(empty, index), match_meta())
    pd.testing.assert_frame_equal(audit_partition(empty, "US-KY"), audit_meta())
    assert spark_schema(AUDIT_COLUMNS).endswith("optimal boolean, reason string")


def test_bad_frames_name_what_is_wrong(plans: tuple[Plan, ...], index: InterestIndex) -> None:
    with pytest.raises(ValidationError, match=r"no column.*I, A"):
        match_partition(pd.DataFrame({"student_id": ["S1"], "R": [3]}), index)
    with pytest.raises(ValidationError, match="plan"):
        audit_partition(pd.DataFrame({"student_id": ["S1"]}))
    broken = plan_frame(plans[:2]).assign(plan=[dumps(plans[0]), '{"schema": "ilpcore.plan"}'])
    with pytest.raises(ValidationError, match=r"plan\[1\]"):
        match_partition(broken, index)
    with pytest.raises(ValidationError, match="frame"):
        match_partition([1, 2], index)
