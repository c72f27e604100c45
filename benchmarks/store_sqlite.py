"""Save and load throughput of the SQLite store vs raw sqlite3 on the same JSON documents.

Run: ``python benchmarks/store_sqlite.py [PLANS] [RUNS]``.  Each run saves PLANS realistic
plans into a fresh store (one transaction each, as the store does) and loads them back, cold
(every document parsed and validated) and warm (from the store's plan cache); then inserts and
selects the same JSON documents with plain ``sqlite3`` in a fresh database with the store's
settings (WAL, ``synchronous=FULL``, one transaction per insert).  The ratios of the medians
are printed (goal: the store at >= 50 % of raw).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from store_bench import KEYS, dump_all, parse_all, realistic_plans, report, seconds, store_timings

from ilpcore.model import Plan
from ilpcore.store.sqlite import SQLiteStore


def raw_timings(path: Path, plans: list[Plan]) -> dict[str, float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    for table in ("plans", "plans2"):
        conn.execute(f"CREATE TABLE {table} (student_id TEXT PRIMARY KEY, document TEXT NOT NULL)")
    documents = dump_all(plans)

    def insert(table: str, documents: list[tuple[str, str]]) -> None:
        for key, document in documents:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"INSERT INTO {table} VALUES (?, ?)", (key, document))
            conn.execute("COMMIT")

    def select() -> list[str]:
        return [
            conn.execute("SELECT document FROM plans WHERE student_id = ?", (key,)).fetchone()[0]
            for key, _ in documents
        ]

    try:
        return {
            "raw_save": seconds(lambda: insert("plans", documents)),
            "raw_save_dump": seconds(lambda: insert("plans2", dump_all(plans))),
            "raw_load": seconds(select),
            "raw_load_parse": seconds(lambda: parse_all(select())),
        }
    finally:
        conn.close()


def main(count: int = 200, runs: int = 5) -> None:
    plans = realistic_plans(count)
    results: dict[str, list[float]] = {k: [] for k in KEYS}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            with SQLiteStore(Path(tmp) / f"store{run}.sqlite3") as store:
                timings = store_timings(store, plans)
            timings |= raw_timings(Path(tmp) / f"raw{run}.sqlite3", plans)
            for key, value in timings.items():
                results[key].append(value)
    report("SQLite", "sqlite3", count, len(dump_all(plans[:1])[0][1]), results)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
