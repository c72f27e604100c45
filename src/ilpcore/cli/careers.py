"""``ilp careers``: search the occupation catalog and show occupation profiles.

Subcommands are added by *registrars*: functions ``add_X_command(group_subparsers)``
named in :data:`SUBCOMMANDS` as ``"module:function"``.  Another module adds a
subcommand (e.g. ``ilp careers match``) by appending its registrar there; it
can use :func:`add_catalog_options` and :func:`catalog_from_args` to get the
same ``--data`` / ``--no-cache`` options and catalog loading.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import TypeAlias

from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.matching import OccupationCatalog, load_catalog, occupation_profile, search

__all__ = [
    "SUBCOMMANDS",
    "add_catalog_options",
    "add_search_command",
    "add_show_command",
    "catalog_from_args",
    "register",
]

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

SUBCOMMANDS: tuple[str, ...] = (
    "ilpcore.cli.careers:add_search_command",
    "ilpcore.cli.careers_explore:add_browse_command",
    "ilpcore.cli.careers_explore:add_select_command",
    "ilpcore.cli.careers:add_show_command",
    "ilpcore.cli.career_match:add_match_command",
)
"""Registrars of the ``careers`` subcommands, ``"module:function"``, in help order."""


def register(subparsers: SubParsers) -> None:
    """Add ``ilp careers`` and every subcommand in :data:`SUBCOMMANDS`."""
    parser = subparsers.add_parser(
        "careers",
        help="search occupations and show career profiles (O*NET, BLS)",
        description="Career exploration with O*NET data and BLS wages and projections.",
    )
    group = parser.add_subparsers(title="careers commands", metavar="COMMAND")
    parser.set_defaults(handler=lambda args: _help(parser))
    for target in SUBCOMMANDS:
        module_name, _, function = target.partition(":")
        registrar: Callable[[SubParsers], None] = getattr(
            importlib.import_module(module_name), function
        )
        registrar(group)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def add_catalog_options(parser: argparse.ArgumentParser) -> None:
    """``--data DIR`` (folder of the data releases) and ``--no-cache``."""
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="folder holding onet/, bls_oews/, bls_ep/ ... (default: $ILPCORE_DATA or "
        "../shared/data)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="parse the releases again instead of the cache"
    )


def catalog_from_args(args: argparse.Namespace) -> OccupationCatalog:
    """The joined catalog for the ``--data`` / ``--no-cache`` options."""
    return load_catalog(args.data, cache=not args.no_cache, progress=_progress)


def _progress(message: str) -> None:
    print(f"ilp: {message}", file=sys.stderr, flush=True)


def add_search_command(group: SubParsers) -> None:
    parser = group.add_parser(
        "search",
        help="find occupations by keywords (titles, alternate titles, tasks)",
        description="Keyword search, case- and plural-insensitive; title matches rank first.",
    )
    parser.add_argument("words", nargs="+", metavar="WORD", help="words to search for")
    parser.add_argument("--cluster", help="only occupations of this career cluster")
    parser.add_argument("--pathway", help="only occupations of this career pathway")
    parser.add_argument(
        "--limit", type=int, default=20, help="show at most this many (default 20; 0 = all)"
    )
    add_catalog_options(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run_search)


def run_search(args: argparse.Namespace) -> int:
    catalog = catalog_from_args(args)
    results = search(
        catalog,
        " ".join(args.words),
        cluster=args.cluster,
        pathway=args.pathway,
        limit=args.limit or None,
    )
    if args.json:
        print_json(results.to_dict())
    else:
        print(results.to_text())
    return 0


def add_show_command(group: SubParsers) -> None:
    parser = group.add_parser(
        "show",
        help="show the profile of one occupation",
        description="Description, tasks, wages, outlook, education, skills, related occupations.",
    )
    parser.add_argument("code", metavar="CODE", help="O*NET-SOC code, e.g. 15-1252.00")
    parser.add_argument("--state", help="also show wages in this state (e.g. KY)")
    parser.add_argument("--tasks", type=int, default=10, help="how many tasks (default 10)")
    add_catalog_options(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run_show)


def run_show(args: argparse.Namespace) -> int:
    catalog = catalog_from_args(args)
    code = args.code if "." in args.code else f"{args.code}.00"
    profile = occupation_profile(catalog, code, state=args.state, tasks=args.tasks)
    if args.json:
        print_json(profile.to_dict())
    else:
        print(profile.to_text())
    return 0
