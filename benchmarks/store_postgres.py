"""Save and load throughput of the PostgreSQL store vs raw psycopg on the same JSON documents.

Run: ``export $(.ci/postgres.sh); python benchmarks/store_postgres.py [PLANS] [RUNS]`` (reads
``ILPCORE_TEST_POSTGRES_URL``).  Each run saves PLANS realistic plans into a fresh store (its
own schema; one transaction each) and loads them back, cold (every document parsed and
validated) and warm (from the store's plan cache); then inserts and selects the same JSON
documents with plain psycopg (autocommit: one transaction per insert) in a fresh schema of the
same server.  The ratios of the medians are printed (goal: the store at >= 50 % of raw).
The store keeps plan documents with lz4 compression; the raw table has the server's default.
"""

from __future__ import annotations

import os
import sys

import psycopg
from store_bench import KEYS, dump_all, parse_all, realistic_plans, report, seconds, store_timings

from ilpcore.model import Plan
from ilpcore.store.postgres import PostgresStore
from ilpcore.testing.pytest_store import POSTGRES_URL_ENV, fresh_postgres_url


def raw_timings(url: str, plans: list[Plan]) -> dict[str, float]:
    documents = dump_all(plans)
    with psycopg.connect(url, autocommit=True) as conn:
        for table in ("plans", "plans2"):
            conn.execute(
                f"CREATE TABLE {table} (student_id TEXT PRIMARY KEY, document TEXT NOT NULL)"
            )

        def insert(table: str, documents: list[tuple[str, str]]) -> None:
            query = f"INSERT INTO {table} VALUES (%s, %s)"
            for key, document in documents:
                conn.execute(query, (key, document))

        def select() -> list[str]:
            texts = []
            for key, _ in documents:
                row = conn.execute(
                    "SELECT document FROM plans WHERE student_id = %s", (key,)
                ).fetchone()
                assert row is not None
                texts.append(row[0])
            return texts

        return {
            "raw_save": seconds(lambda: insert("plans", documents)),
            "raw_save_dump": seconds(lambda: insert("plans2", dump_all(plans))),
            "raw_load": seconds(select),
            "raw_load_parse": seconds(lambda: parse_all(select())),
        }


def main(count: int = 200, runs: int = 5) -> None:
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        sys.exit(f"set {POSTGRES_URL_ENV} (export $(.ci/postgres.sh) starts a server)")
    plans = realistic_plans(count)
    results: dict[str, list[float]] = {k: [] for k in KEYS}
    for _ in range(runs):
        with fresh_postgres_url(url) as store_url, PostgresStore(store_url) as store:
            timings = store_timings(store, plans)
        with fresh_postgres_url(url) as raw_url:
            timings |= raw_timings(raw_url, plans)
        for key, value in timings.items():
            results[key].append(value)
    report("PostgreSQL", "psycopg", count, len(dump_all(plans[:1])[0][1]), results)
    print("(the store's plan documents use lz4 compression; the raw table the server default)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
