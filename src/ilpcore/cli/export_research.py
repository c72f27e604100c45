"""``ilp export research --key-file KEY OUT_DIR``: a de-identified release of the store's plans.

:func:`register_research` adds the ``research`` subcommand to an existing
``ilp export`` group; :func:`register` creates that group for now.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

from ilpcore.cli.app import print_json
from ilpcore.cli.plan import add_acting_flags, open_guarded
from ilpcore.cli.progress import StderrProgress
from ilpcore.research import DEFAULT_K, PseudonymKey, export_research_from_store
from ilpcore.store import PlanQuery

__all__ = ["register", "register_research", "run_research"]

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("export", help="export plans for other systems and research")
    commands = parser.add_subparsers(title="export formats", metavar="FORMAT")
    parser.set_defaults(handler=lambda args: _usage(parser))
    register_research(commands)


def register_research(export_subparsers: Subparsers) -> None:
    """Add ``research`` to the subcommands of ``ilp export``."""
    sub = export_subparsers.add_parser(
        "research", help="a de-identified release (CSV/Parquet tables) for researchers"
    )
    sub.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="the new folder to write")
    sub.add_argument("--key-file", metavar="KEY", type=Path, required=True,
                     help="the district's secret pseudonym key (at least 32 bytes)")  # fmt: skip
    sub.add_argument("--k", type=int, default=DEFAULT_K,
                     help=f"the small-cell threshold (default {DEFAULT_K})")  # fmt: skip
    sub.add_argument("--school", metavar="ID", help="only the students of this school")
    sub.add_argument("--no-parquet", action="store_true", help="write CSV files only")
    add_acting_flags(sub)
    sub.set_defaults(handler=run_research)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


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
