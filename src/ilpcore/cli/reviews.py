"""``ilp reviews due``: every student of a school with a review due in a date range."""

from __future__ import annotations

import argparse
from datetime import date

from ilpcore.access.caseload import reviews_due
from ilpcore.cli.app import print_json
from ilpcore.cli.plan import add_acting_flags, open_guarded

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("reviews", help="plan reviews: who is due")
    commands = parser.add_subparsers(title="reviews commands", metavar="REVIEWS_COMMAND")
    parser.set_defaults(handler=lambda args: _usage(parser))

    due = commands.add_parser("due", help="students of a school with a review due in a range")
    due.add_argument("--school", required=True, metavar="ID", help="the school's id")
    due.add_argument("--from", dest="first", required=True, type=date.fromisoformat,
                     metavar="DATE", help="first day (YYYY-MM-DD)")  # fmt: skip
    due.add_argument("--to", dest="last", required=True, type=date.fromisoformat,
                     metavar="DATE", help="last day (YYYY-MM-DD)")  # fmt: skip
    due.add_argument("--today", type=date.fromisoformat, metavar="DATE",
                     help="the day that decides what is overdue (default: today)")  # fmt: skip
    add_acting_flags(due)
    due.set_defaults(handler=run_due)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_due(args: argparse.Namespace) -> int:
    store, actor = open_guarded(args)
    today = args.today or date.today()
    with store:
        found = reviews_due(store, actor, args.school, args.first, args.last, today=today)
    if args.json:
        print_json(
            {
                "school_id": args.school,
                "from": args.first.isoformat(),
                "to": args.last.isoformat(),
                "today": today.isoformat(),
                "reviews": [
                    {
                        "student_id": d.student_id,
                        "name": d.name,
                        "grade_level": d.grade_level,
                        "kind": d.kind.value,
                        "due_on": d.due_on.isoformat(),
                        "overdue": d.overdue,
                    }
                    for d in found
                ],
            }
        )
        return 0
    print(f"reviews due at {args.school} from {args.first} to {args.last}: {len(found)}")
    for d in found:
        late = "  OVERDUE" if d.overdue else ""
        print(f"  {d.due_on}  {d.student_id:<12} {d.name} (grade {d.grade_level})  "
              f"{d.kind.value}{late}")  # fmt: skip
    return 0
