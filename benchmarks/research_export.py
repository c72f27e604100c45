"""Students per second of the de-identified research export vs plain json.dumps of the same plans.

Run: ``python benchmarks/research_export.py [STUDENTS]``.  The baseline turns
each plan into its JSON document (the converter's ``to_document``) and
``json.dumps`` it, the least any export must do; the export makes two passes
(count, then write five CSV tables) and then the Parquet files.  Both are
measured in the same run, interleaved, on the same plans; the ratio of
students per second is printed.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from ilpcore.model import Plan, SchoolRef
from ilpcore.research import PseudonymKey, export_research
from ilpcore.samples import scaled_plan
from ilpcore.serialization import to_document


def _plans(n: int) -> list[Plan]:
    base = scaled_plan(courses=30, activities=10, goals=6)
    return [
        attrs.evolve(
            base,
            student=attrs.evolve(
                base.student,
                id=f"S{i:07d}",
                school=SchoolRef(f"HS{i % 5}", "High School"),
                cohort=2026 + i % 4,
                grade_level=9 + i % 4,
            ),
        )
        for i in range(n)
    ]


def _seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    plans = _plans(n)
    key = PseudonymKey(b"benchmark-key-0123456789abcdef-0123")
    work = Path(tempfile.mkdtemp())

    def baseline() -> object:
        with (work / "plans.jsonl").open("w", encoding="utf-8") as f:
            for p in plans:
                f.write(json.dumps(to_document(p)) + "\n")
        return None

    def export(parquet: bool) -> Callable[[], object]:
        def run() -> object:
            out = work / "release"
            shutil.rmtree(out, ignore_errors=True)
            return export_research(lambda: plans, out, key, k=11, parquet=parquet)

        return run

    runs: dict[str, list[float]] = {"json": [], "csv": [], "csv+parquet": []}
    for _ in range(3):
        runs["json"].append(_seconds(baseline))
        runs["csv"].append(_seconds(export(False)))
        runs["csv+parquet"].append(_seconds(export(True)))
    shutil.rmtree(work, ignore_errors=True)
    rate = {k: n / statistics.median(v) for k, v in runs.items()}
    plan = plans[0]
    print(f"{n} students, each {len(plan.courses)} courses, {len(plan.activities)} activities, "
          f"{len(plan.goals)} goals, {len(plan.assessments)} assessments")  # fmt: skip
    print(f"json.dumps of each plan's document (baseline): {rate['json']:9,.0f} students/s")
    print(f"research export, CSV (two passes):              {rate['csv']:9,.0f} students/s")
    print(f"research export, CSV + Parquet:                 {rate['csv+parquet']:9,.0f} students/s")
    print(f"ratio export (CSV) / baseline: {rate['csv'] / rate['json']:.2f}x")


if __name__ == "__main__":
    main()
