"""The partition functions under Dask, on a real local cluster of two worker processes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from ilpcore.batch import audit_meta, audit_partition, match_meta, match_partition
from ilpcore.matching.ranking import InterestIndex
from ilpcore.model import Plan
from ilpcore.serialization import dumps

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=logging.ERROR,
    )  # fmt: skip
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield client


def frame(plans: tuple[Plan, ...]) -> pd.DataFrame:
    return pd.DataFrame({"student_id": [p.student.id for p in plans],
                         "plan": [dumps(p) for p in plans]})  # fmt: skip


def test_match_on_two_workers_equals_one_process(
    client: Client, plans: tuple[Plan, ...], index: InterestIndex
) -> None:
    students = frame(plans[:60])
    parts = dd.from_pandas(  # type: ignore[no-untyped-call]
        students, npartitions=4
    )
    result = parts.map_partitions(match_partition, index, top=3, meta=match_meta())
    got = result.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, match_partition(students, index, top=3))
    assert len(client.scheduler_info()["workers"]) == 2


def test_audit_on_two_workers_equals_one_process(client: Client, plans: tuple[Plan, ...]) -> None:
    quick = tuple(p for p in plans[:24] if p.student.school.state != "IN")
    students = frame(quick)
    parts = dd.from_pandas(  # type: ignore[no-untyped-call]
        students, npartitions=3
    )
    result = parts.map_partitions(audit_partition, "US-KY", today=TODAY, meta=audit_meta())
    got = result.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, audit_partition(students, "US-KY", today=TODAY))
