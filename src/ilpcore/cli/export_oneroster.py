"""``ilp export oneroster OUT_DIR``: the store's plans as a OneRoster 1.2 CSV bulk set.

Students, schools, demographics, parent/guardian contacts and course
enrollments go out; caseloads are not in the store and so are not exported
from the command line (see :func:`~ilpcore.interop.oneroster.write_oneroster`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ilpcore.cli.app import print_json
from ilpcore.cli.plan import parse_actor
from ilpcore.cli.progress import StderrProgress
from ilpcore.interop.oneroster import write_oneroster
from ilpcore.store import PlanQuery, open_store, resolve_store_url

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "out_dir",
        metavar="OUT_DIR",
        type=Path,
        help="the folder to write (replaced if it holds an earlier export)",
    )
    parser.add_argument("--school", metavar="ID", help="only the students of this school")


def run(args: argparse.Namespace) -> int:
    actor = parse_actor(args.acting)
    with open_store(resolve_store_url(args.store)) as store:
        plans = list(store.iter_plans(actor, PlanQuery(school_id=args.school)))
    counts = write_oneroster(plans, args.out_dir, progress=StderrProgress("ilp export oneroster"))
    if args.json:
        print_json({"directory": str(args.out_dir), "students": len(plans), "rows": dict(counts)})
    else:
        print(f"wrote {len(plans)} students to {args.out_dir}")
        print("  " + ", ".join(f"{name}.csv: {n}" for name, n in counts.items()))
    return 0
