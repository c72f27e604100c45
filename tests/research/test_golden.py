"""Releases and records of fixed plans, pinned to digests: refactoring must not change a byte.

The digests were computed from the code as it stood before the records and research tables
were built from one description.  If a test here fails, the output changed: if the change is
intended, recompute them with
``python -m tests.research.test_golden > tests/research/golden_digests.json`` and say why.
The plans' own digests are checked first, so a change to the synthetic generator or the samples
is told apart from a change to the export.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs
import pyarrow.parquet as pq
import pytest

from ilpcore.model import Demographics, Plan, RaceEthnicity, SchoolRef
from ilpcore.records import (
    activities_table,
    assessments_table,
    courses_table,
    goals_table,
    plans_table,
)
from ilpcore.research import PseudonymKey, export_research
from ilpcore.samples import sample_plan, scaled_plan
from ilpcore.serialization import dumps
from ilpcore.testing.synthetic import synthetic_plans

KEY = PseudonymKey(b"golden-test-key-0123456789abcdef-0123")
RECORD_TABLES = (plans_table, courses_table, assessments_table, goals_table, activities_table)
_RACES = (
    (),
    (RaceEthnicity.ASIAN,),
    (RaceEthnicity.WHITE,),
    (RaceEthnicity.WHITE, RaceEthnicity.ASIAN),
)


def _synthetic() -> list[Plan]:
    return list(synthetic_plans(30, seed=5))


def _rich() -> list[Plan]:
    """Plans with goals, activities and demographics (the synthetic ones have none)."""
    bases = (sample_plan(), scaled_plan(courses=12, activities=6, goals=5))
    out = []
    for i in range(24):
        base = bases[i % 2]
        odd = i % 8 == 7
        student = attrs.evolve(
            base.student,
            id=f"G{i:03d}",
            school=SchoolRef(f"HS{i % 3 // 2}", "Golden High School"),
            cohort=2027 + odd,
            grade_level=11 - odd,
        )
        demographics = Demographics(
            sex=("female", "M", "x", "unknown")[i % 4 // 2 + 2 * (i == 5)],
            races=_RACES[i % 5 // 3 + 2 * (i == 9)],
            hispanic_or_latino=i == 12,
            english_learner=i % 6 == 0,
            economically_disadvantaged=(True, False, None)[i % 3],
            students_with_disabilities=i % 4 == 0,
        )
        out.append(attrs.evolve(base, student=student, demographics=demographics))
    return out


PLANS: dict[str, tuple[Callable[[], list[Plan]], tuple[int, ...]]] = {
    "synthetic": (_synthetic, (3, 5)),  # rungs 0 and 2; then 2 and 4 with complementary cells
    "rich": (_rich, (2, 4)),  # rungs 0, 2, 3 and 4; then 3 and 4, complementary
}


def _digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def plans_digest(plans: Iterable[Plan]) -> str:
    return _digest("\n".join(dumps(p) for p in plans))


def release_digests(plans: list[Plan], k: int) -> dict[str, str]:
    """File name -> digest: CSV files byte for byte; the manifest without its time and version;
    Parquet files by schema and values (their bytes name the pyarrow version)."""
    digests = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "release"
        export_research(lambda: plans, out, KEY, k=k, parquet=True)
        for path in sorted(out.iterdir()):
            if path.suffix == ".csv":
                digests[path.name] = _digest(path.read_bytes())
            elif path.suffix == ".parquet":
                table = pq.read_table(path)
                text = json.dumps([str(table.schema), table.to_pylist()], default=str)
                digests[path.name] = _digest(text)
            else:
                doc = json.loads(path.read_text(encoding="utf-8"))
                del doc["created_at"], doc["ilpcore_version"]
                digests[path.name] = _digest(json.dumps(doc, sort_keys=True))
    return digests


def records_digests(plans: list[Plan]) -> dict[str, str]:
    """Table function -> digest of its columns (names, types, descriptions) and rows."""
    digests = {}
    for make in RECORD_TABLES:
        table = make(plans)
        columns = [[c.name, c.type.value, c.description] for c in table.columns]
        digests[make.__name__] = _digest(json.dumps([columns, table.to_dicts()]))
    return digests


def compute() -> dict[str, Any]:
    golden: dict[str, Any] = {}
    for name, (make, ks) in PLANS.items():
        plans = make()
        golden[name] = {"plans": plans_digest(plans), "records": records_digests(plans)}
        for k in ks:
            golden[name][f"release k={k}"] = release_digests(plans, k)
    return golden


GOLDEN: dict[str, Any] = json.loads((Path(__file__).parent / "golden_digests.json").read_text())


@pytest.mark.parametrize("name", PLANS)
def test_release_and_records_are_unchanged(name: str) -> None:
    make, ks = PLANS[name]
    plans = make()
    golden = GOLDEN[name]
    assert plans_digest(plans) == golden["plans"], "the input plans changed, not the export"
    assert records_digests(plans) == golden["records"]
    for k in ks:
        assert release_digests(plans, k) == golden[f"release k={k}"], k


if __name__ == "__main__":
    print(json.dumps(compute(), indent=4))
