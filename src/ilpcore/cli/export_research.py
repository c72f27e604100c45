"""``ilp export research --key-file KEY OUT_DIR``: a de-identified release of the store's plans.

One of the formats of ``ilp export`` (:data:`ilpcore.cli.exporting.EXPORTERS`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ilpcore.cli.app import print_json
from ilpcore.cli.plan import open_guarded
from ilpcore.cli.progress import StderrProgress
from ilpcore.research import DEFAULT_K, PseudonymKey, export_research_from_store
from ilpcore.store import PlanQuery

__all__ = ["add_arguments", "run", "run_research"]


def add_arguments(sub: argparse.ArgumentParser) -> None:
    """The arguments of ``ilp export research`` besides ``--store``, ``--as`` and ``--json``."""
    sub.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="the new folder to write")
    sub.add_argument("--key-file", metavar="KEY", type=Path, required=True,
                     help="the district's secret pseudonym key (at least 32 bytes)")  # fmt: skip
    sub.add_argument("--k", type=int, default=DEFAULT_K,
                     help=f"the small-cell threshold (default {DEFAULT_K})")  # fmt: skip
    sub.add_argument("--school", metavar="ID", help="only the students of this school")
    sub.add_argument("--no-parquet", action="store_true", help="write CSV files only")


def run_research(args: argparse.Namespace) -> int:
    key = PseudonymKey.from_file(args.key_file)
    store, actor = open_guarded(args)
    query = PlanQuery(school_id=args.school) if args.school else None
    with store:
        manifest = export_research_from_store(
            store, actor, args.out_dir, key,
            query=query, k=args.k, parquet=False if args.no_parquet else None,
            progress=StderrProgress("ilp export research"),
        )  # fmt: skip
    if args.json:
        print_json({"out_dir": str(args.out_dir), "manifest": manifest.to_dict()})
        return 0
    print(f"wrote {args.out_dir}: {manifest.students} students, k = {manifest.k}, "
          f"key {manifest.key_fingerprint}")  # fmt: skip
    for name, rows in manifest.rows.items():
        print(f"  {name}: {rows} rows")
    rungs = ", ".join(str(n) for n in manifest.students_by_rung)
    print(f"  students by suppression rung: {rungs} (complementary: {manifest.complementary})")
    return 0


run = run_research
"""The handler :mod:`ilpcore.cli.exporting` calls."""
