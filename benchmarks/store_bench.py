"""Shared helpers of the store benchmarks (``store_sqlite.py``, ``store_postgres.py``)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence

import attrs

from ilpcore.model import Plan, Role
from ilpcore.samples import sample_plan
from ilpcore.serialization import dumps, loads
from ilpcore.store import Actor
from ilpcore.store._sql import SqlStore

ACTOR = Actor("bench", Role.COUNSELOR)
KEYS = ("save", "raw_save", "raw_save_dump", "load_warm", "load_cold", "raw_load", "raw_load_parse")


def realistic_plans(count: int) -> list[Plan]:
    """``count`` copies of the realistic sample plan (about 16 kB of JSON), each its own student."""
    base = sample_plan()
    return [
        attrs.evolve(base, student=attrs.evolve(base.student, id=f"B{i:05d}")) for i in range(count)
    ]


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def store_timings(store: SqlStore, plans: Sequence[Plan]) -> dict[str, float]:
    """Seconds to save every plan as a new student, then to load every current plan: cold
    (parsing each document) and warm (the store's plan cache holds them)."""

    def save() -> None:
        for plan in plans:
            store.save_plan(ACTOR, plan, base_revision=None)

    def load() -> None:
        for plan in plans:
            store.load_plan(ACTOR, plan.student.id)

    store.plan_cache_size = 0
    timings = {"save": seconds(save), "load_cold": seconds(load)}
    store.plan_cache_size = len(plans) + 1
    load()
    timings["load_warm"] = seconds(load)
    return timings


def parse_all(texts: Sequence[str]) -> None:
    for text in texts:
        loads(text, Plan)


def dump_all(plans: Sequence[Plan]) -> list[tuple[str, str]]:
    return [(p.student.id, dumps(p)) for p in plans]


def report(backend: str, raw: str, count: int, payload: int, runs: dict[str, list[float]]) -> None:
    """Print medians as operations per second and the store/raw ratios (goal: at least 50 %)."""
    rate = {k: count / statistics.median(v) for k, v in runs.items()}

    def line(label: str, key: str, base_label: str, base: str) -> None:
        print(
            f"{label:<34} {rate[key]:8.0f}/s   {base_label:<38} {rate[base]:8.0f}/s"
            f"   ratio {rate[key] / rate[base]:7.1%}"
        )

    print(
        f"{count} realistic plans, {payload:,} bytes of JSON each; medians of "
        f"{len(runs['save'])} runs; goal: store >= 50% of raw"
    )
    line(f"save: {backend} store", "save", f"raw {raw} insert (same JSON)", "raw_save")
    line(
        f"save: {backend} store", "save", f"raw {raw} insert + serialization.dumps", "raw_save_dump"
    )
    line(f"load, warm: {backend} store", "load_warm", f"raw {raw} select", "raw_load")
    line(f"load, cold: {backend} store", "load_cold", f"raw {raw} select", "raw_load")
    line(
        f"load, cold: {backend} store",
        "load_cold",
        f"raw {raw} select + serialization.loads",
        "raw_load_parse",
    )
