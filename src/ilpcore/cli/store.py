"""``ilp store``: where plans are stored, what is there, and a student's revision history."""

from __future__ import annotations

import argparse
from typing import Any

from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.model import Role
from ilpcore.plugins import get_plugins
from ilpcore.store import STORE_URL_ENV, Actor, Store, open_store, resolve_store_url
from ilpcore.store._sql import SqlStore
from ilpcore.store.url import redact_url

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("store", help="inspect the plan store")
    commands = parser.add_subparsers(title="store commands", metavar="STORE_COMMAND")
    parser.set_defaults(handler=lambda args: _usage(parser))

    info = commands.add_parser("info", help="which store is used and what it holds")
    _common(info)
    info.set_defaults(handler=run_info)

    history = commands.add_parser("history", help="a student's plan revisions")
    history.add_argument("student_id", metavar="STUDENT_ID")
    _common(history)
    history.set_defaults(handler=run_history)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--url", help=f"store URL (default: ${STORE_URL_ENV}, else the embedded SQLite store)"
    )
    parser.add_argument("--actor", default="ilp-cli", help="who is reading (default: ilp-cli)")
    parser.add_argument(
        "--role",
        default=Role.OTHER.value,
        choices=[r.value for r in Role],
        help="in what role (default: other)",
    )
    add_json_flag(parser)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _open(args: argparse.Namespace) -> tuple[Store, Actor]:
    return open_store(resolve_store_url(args.url)), Actor(args.actor, Role(args.role))


def run_info(args: argparse.Namespace) -> int:
    store, actor = _open(args)
    with store:
        document: dict[str, Any] = {
            "url": redact_url(store.url),
            "backend": type(store).__name__,
            "schema_version": store.schema_version if isinstance(store, SqlStore) else None,
            "plans": len(store.list_plans(actor)),
            "deletions": len(store.deletions(actor)),
            "plugins": list(get_plugins().names()),
            "schemes": list(get_plugins().store_schemes()),
        }
    if args.json:
        print_json(document)
    else:
        width = max(len(k) for k in document)
        for key, value in document.items():
            shown = ", ".join(value) if isinstance(value, list) else value
            print(f"{key.replace('_', ' '):<{width}}  {shown if shown is not None else '-'}")
    return 0


def run_history(args: argparse.Namespace) -> int:
    store, actor = _open(args)
    with store:
        history = store.plan_history(actor, args.student_id)
    if args.json:
        print_json(
            {
                "student_id": args.student_id,
                "revisions": [
                    {
                        "revision": h.revision,
                        "saved_by": h.saved_by.id,
                        "role": h.saved_by.role.value,
                        "saved_at": h.saved_at.isoformat(),
                    }
                    for h in history
                ],
            }
        )
    else:
        print(f"plan of student {args.student_id}: {len(history)} revisions")
        for h in history:
            stamp = h.saved_at.strftime("%Y-%m-%d %H:%M:%S UTC")
            print(f"  {h.revision:>4}  {stamp}  {h.saved_by.id} ({h.saved_by.role.value})")
    return 0
