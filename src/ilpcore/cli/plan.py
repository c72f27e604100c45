"""``ilp plan``: a student's plan over time (``history``), what changed (``diff``), and the
whole plan as one portable document (``export``, ``import``).

Every command reads through a :class:`~ilpcore.access.guarded.GuardedStore`
acting as ``--as ROLE:ID`` (default ``district_administrator:cli``), so each
read is decided by the default access policy and logged with ``via="cli"``.
The command line knows no guardians, caseloads or schools: a district
administrator reads every plan, a student (``--as student:ID``) their own.  ``import`` is the
exception: a restore writes every section of a plan, which no role may, so like ``ilp import``
it writes to the store directly, as the store's operator, recording ``--as`` in the history.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ilpcore.access.guarded import GuardedStore
from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.exceptions import NotFoundError, ValidationError
from ilpcore.lifecycle import diff_plans
from ilpcore.model import Role
from ilpcore.store import STORE_URL_ENV, Actor, open_store, resolve_store_url

__all__ = [
    "DEFAULT_ACTOR",
    "add_acting_flags",
    "open_guarded",
    "parse_actor",
    "register",
    "run_export",
    "run_import",
]

DEFAULT_ACTOR = "district_administrator:cli"
"""Who the command line acts as unless told otherwise."""


def parse_actor(text: str) -> Actor:
    """``ROLE:ID`` as an :class:`~ilpcore.store.Actor`.

    >>> parse_actor("counselor:c-reyes")
    Actor(id='c-reyes', role=<Role.COUNSELOR: 'counselor'>)
    """
    role, sep, actor_id = text.partition(":")
    roles = ", ".join(r.value for r in Role)
    if not sep or role not in {r.value for r in Role}:
        raise ValidationError.at("--as", f"{text!r} is not ROLE:ID with ROLE one of {roles}")
    return Actor(actor_id, Role(role))


def add_acting_flags(parser: argparse.ArgumentParser) -> None:
    """``--store URL``, ``--as ROLE:ID`` and ``--json``."""
    parser.add_argument(
        "--store",
        metavar="URL",
        help=f"store URL (default: ${STORE_URL_ENV}, else the embedded SQLite store)",
    )
    parser.add_argument(
        "--as",
        dest="acting",
        metavar="ROLE:ID",
        default=DEFAULT_ACTOR,
        help=f"who is asking (default: {DEFAULT_ACTOR})",
    )
    add_json_flag(parser)


def open_guarded(args: argparse.Namespace) -> tuple[GuardedStore, Actor]:
    """The store of ``--store`` behind the default policy, and the actor of ``--as``."""
    actor = parse_actor(args.acting)
    return GuardedStore(open_store(resolve_store_url(args.store)), via="cli"), actor


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("plan", help="a student's plan over time: history and diffs")
    commands = parser.add_subparsers(title="plan commands", metavar="PLAN_COMMAND")
    parser.set_defaults(handler=lambda args: _usage(parser))

    history = commands.add_parser("history", help="every revision, who saved it, which review")
    history.add_argument("student_id", metavar="STUDENT")
    add_acting_flags(history)
    history.set_defaults(handler=run_history)

    diff = commands.add_parser("diff", help="what changed between two revisions")
    diff.add_argument("student_id", metavar="STUDENT")
    diff.add_argument("first", metavar="REV1", type=int)
    diff.add_argument("second", metavar="REV2", type=int)
    add_acting_flags(diff)
    diff.set_defaults(handler=run_diff)

    export = commands.add_parser(
        "export", help="the whole plan, lists and work samples as one portable document"
    )
    export.add_argument("student_id", metavar="STUDENT")
    export.add_argument("output", metavar="FILE", type=Path)
    export.add_argument("--force", action="store_true", help="replace an earlier export")
    add_acting_flags(export)
    export.set_defaults(handler=run_export)

    restore = commands.add_parser("import", help="restore a portable document into the store")
    restore.add_argument("input", metavar="FILE", type=Path)
    restore.add_argument(
        "--replace", action="store_true", help="save over the student's plan if there is one"
    )
    add_acting_flags(restore)
    restore.set_defaults(handler=run_import)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_history(args: argparse.Namespace) -> int:
    store, actor = open_guarded(args)
    with store:
        history = store.plan_history(actor, args.student_id)
        reviews = store.load_plan(actor, args.student_id).reviews
    by_revision = {r.revision_after: r.id for r in reviews if r.revision_after is not None}
    rows = [
        {
            "revision": h.revision,
            "saved_at": h.saved_at.isoformat(),
            "saved_by": h.saved_by.id,
            "role": h.saved_by.role.value,
            "review": by_revision.get(h.revision),
        }
        for h in history
    ]
    if args.json:
        print_json({"student_id": args.student_id, "revisions": rows})
        return 0
    print(f"plan of student {args.student_id}: {len(rows)} revisions")
    for h, row in zip(history, rows, strict=True):
        stamp = h.saved_at.strftime("%Y-%m-%d %H:%M")
        review = f"  review {row['review']}" if row["review"] else ""
        print(f"  {h.revision:>4}  {stamp}  {h.saved_by.id} ({row['role']}){review}")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    store, actor = open_guarded(args)
    with store:
        before = store.load_plan(actor, args.student_id, revision=args.first)
        after = store.load_plan(actor, args.student_id, revision=args.second)
    changes = diff_plans(before, after)
    if args.json:
        document: dict[str, Any] = {
            "student_id": args.student_id,
            "from": args.first,
            "to": args.second,
            "changes": [
                {"path": c.path, "kind": c.kind.value, "before": c.before, "after": c.after}
                for c in changes
            ],
        }
        print_json(document)
        return 0
    print(f"plan of student {args.student_id}, revision {args.first} -> {args.second}:")
    for change in changes:
        print(f"  {change}")
    if not changes:
        print("  (no changes)")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from ilpcore.portfolio import write_portable

    store, actor = open_guarded(args)
    with store:
        size = write_portable(store, actor, args.student_id, args.output, force=args.force)
    if args.json:
        print_json({"student_id": args.student_id, "output": str(args.output), "size": size})
        return 0
    print(f"wrote the plan of student {args.student_id} to {args.output} ({size} bytes)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ilpcore.portfolio import import_portable, read_portable

    try:
        data = args.input.read_bytes()
    except OSError as e:
        raise NotFoundError(f"cannot read the portable plan {str(args.input)!r}: {e}") from e
    portable = read_portable(data)
    actor = parse_actor(args.acting)
    # A restore writes every section of a plan, which no role of the default policy may: like
    # ``ilp import``, it is the store operator's act, made directly on the store.
    with open_store(resolve_store_url(args.store)) as store:
        plan = import_portable(store, actor, portable, replace=args.replace)
    student_id = plan.student.id
    if args.json:
        print_json(
            {
                "student_id": student_id,
                "revision": plan.revision,
                "lists": len(portable.lists),
                "work_samples": len(portable.files),
            }
        )
        return 0
    print(
        f"restored the plan of student {student_id} as revision {plan.revision}, with "
        f"{len(portable.lists)} saved lists and {len(portable.files)} work samples"
    )
    return 0
