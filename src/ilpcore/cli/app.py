"""The ``ilp`` entry point: argument parsing, error reporting, output."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ilpcore._version import __version__
from ilpcore.exceptions import IlpcoreError

__all__ = ["COMMAND_MODULES", "CommandModule", "main", "print_json"]

COMMAND_MODULES: tuple[str, ...] = (
    "ilpcore.cli.demo",
    "ilpcore.cli.store",
    "ilpcore.cli.careers",
    "ilpcore.cli.interests",
    "ilpcore.cli.audit",
    "ilpcore.cli.resume",
    "ilpcore.cli.portfolio",
    "ilpcore.cli.colleges",
    "ilpcore.cli.reviews",
    "ilpcore.cli.plan",
    "ilpcore.cli.importing",
    "ilpcore.cli.exporting",
    "ilpcore.cli.batch",
)
"""Modules that each add one command (or command group) with ``register(subparsers)``."""

Handler = Callable[[argparse.Namespace], int]


class CommandModule(Protocol):
    """What a module listed in :data:`COMMAND_MODULES` provides."""

    def register(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        """Add the command's parser; set ``handler`` with ``parser.set_defaults``."""


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    """The ``--json`` flag every command has."""
    parser.add_argument(
        "--json", action="store_true", help="print one JSON document instead of text"
    )


def print_json(document: Any) -> None:
    """Print a JSON document on stdout (UTF-8, indented, stable key order)."""
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ilp", description="Individual Learning Plans: the ilpcore command line."
    )
    parser.add_argument("--version", action="version", version=f"ilpcore {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module: CommandModule = importlib.import_module(name)
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ilp`` with ``argv``; returns the exit status (0 ok, 1 bad input, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except IlpcoreError as e:
        if getattr(args, "json", False):
            print_json({"error": type(e).__name__, "message": str(e)})
        print(f"ilp: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `ilp demo | head`
        return 0
