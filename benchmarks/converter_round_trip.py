"""Round trip of a large plan through the converter vs plain json.dumps/loads of the same dict.

Run: ``python benchmarks/converter_round_trip.py``.  Both are measured in the
same run, interleaved, and the ratio of medians is printed (goal: within 2x).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable

from ilpcore.model import Plan
from ilpcore.samples import scaled_plan
from ilpcore.serialization import dumps, loads, to_document


def _median_seconds(fn: Callable[[], object], repeats: int, number: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def main() -> None:
    plan = scaled_plan(courses=60, activities=40, goals=20)
    document = to_document(plan)
    text = dumps(plan)
    assert loads(text, Plan) == plan

    def converter_round_trip() -> object:
        return loads(dumps(plan), Plan)

    def json_round_trip() -> object:
        return json.loads(json.dumps(document))

    def converter_dump() -> object:
        return dumps(plan)

    def converter_load() -> object:
        return loads(text, Plan)

    number = 50
    results: dict[str, list[float]] = {"ilpcore": [], "json": [], "dump": [], "load": []}
    for _ in range(7):  # interleave so machine noise hits both alike
        results["json"].append(_median_seconds(json_round_trip, 3, number))
        results["ilpcore"].append(_median_seconds(converter_round_trip, 3, number))
        results["dump"].append(_median_seconds(converter_dump, 3, number))
        results["load"].append(_median_seconds(converter_load, 3, number))
    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"plan: {len(plan.courses)} courses, {len(plan.activities)} activities, "
          f"{len(plan.goals)} goals; document {len(text):,} bytes")  # fmt: skip
    print(f"json.dumps+loads of the dict (baseline): {med['json'] * 1e3:8.3f} ms")
    print(f"ilpcore dumps+loads (round trip):        {med['ilpcore'] * 1e3:8.3f} ms")
    print(f"  of which dumps: {med['dump'] * 1e3:.3f} ms, loads: {med['load'] * 1e3:.3f} ms")
    print(f"ratio round trip / baseline: {med['ilpcore'] / med['json']:.2f}x (goal <= 2x)")


if __name__ == "__main__":
    main()
