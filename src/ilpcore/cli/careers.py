"""``ilp careers``: search the occupation catalog and show occupation profiles.

Subcommands are added by *registrars*: functions ``add_X_command(group_subparsers)``
named in :data:`SUBCOMMANDS` as ``"module:function"``.  Another module adds a
subcommand (e.g. ``ilp careers match``) by appending its registrar there; it
can use :func:`add_catalog_command` (its own options, then ``--data``,
``--no-cache`` and ``--json``) and :func:`catalog_from_args` to get the same
options and catalog loading as the others.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeAlias

import attrs

from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.matching import OccupationCatalog, load_catalog, occupation_profile, search

__all__ = [
    "SUBCOMMANDS",
    "Option",
    "add_catalog_command",
    "add_catalog_options",
    "add_search_command",
    "add_show_command",
    "catalog_from_args",
    "cluster_option",
    "limit_option",
    "option",
    "pathway_option",
    "print_result",
    "register",
]

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Handler: TypeAlias = Callable[[argparse.Namespace], int]

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


@attrs.frozen
class Option:
    """One argument of a subcommand: what :meth:`argparse.ArgumentParser.add_argument` takes."""

    flags: tuple[str, ...]
    settings: Mapping[str, Any]


def option(*flags: str, **settings: Any) -> Option:
    return Option(flags, settings)


def cluster_option(help: str) -> Option:
    """``--cluster NAME``: only occupations of this career cluster."""
    return option("--cluster", help=help)


def pathway_option(help: str) -> Option:
    """``--pathway NAME``: only occupations of this career pathway."""
    return option("--pathway", help=help)


def limit_option(default: int, help: str) -> Option:
    """``--limit N``: show at most this many (0 = all)."""
    return option("--limit", type=int, default=default, help=help)


def add_catalog_command(
    group: SubParsers,
    name: str,
    *,
    help: str,
    handler: Handler,
    options: tuple[Option, ...] = (),
    description: str | None = None,
) -> argparse.ArgumentParser:
    """A subcommand that reads the catalog: ``options``, then ``--data``, ``--no-cache`` and
    ``--json`` (in that order in its help); ``handler`` runs it."""
    parser = group.add_parser(name, help=help, description=description)
    for o in options:
        parser.add_argument(*o.flags, **o.settings)
    add_catalog_options(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=handler)
    return parser


class _Result(Protocol):
    def to_dict(self) -> Any: ...
    def to_text(self) -> str: ...


def print_result(args: argparse.Namespace, result: _Result) -> int:
    """Print ``result`` as JSON with ``--json``, else as text; the exit status 0."""
    if args.json:
        print_json(result.to_dict())
    else:
        print(result.to_text())
    return 0


def add_search_command(group: SubParsers) -> None:
    add_catalog_command(
        group,
        "search",
        help="find occupations by keywords (titles, alternate titles, tasks)",
        description="Keyword search, case- and plural-insensitive; title matches rank first.",
        handler=run_search,
        options=(
            option("words", nargs="+", metavar="WORD", help="words to search for"),
            cluster_option("only occupations of this career cluster"),
            pathway_option("only occupations of this career pathway"),
            limit_option(20, "show at most this many (default 20; 0 = all)"),
        ),
    )


def run_search(args: argparse.Namespace) -> int:
    catalog = catalog_from_args(args)
    results = search(
        catalog,
        " ".join(args.words),
        cluster=args.cluster,
        pathway=args.pathway,
        limit=args.limit or None,
    )
    return print_result(args, results)


def add_show_command(group: SubParsers) -> None:
    add_catalog_command(
        group,
        "show",
        help="show the profile of one occupation",
        description="Description, tasks, wages, outlook, education, skills, related occupations.",
        handler=run_show,
        options=(
            option("code", metavar="CODE", help="O*NET-SOC code, e.g. 15-1252.00"),
            option("--state", help="also show wages in this state (e.g. KY)"),
            option("--tasks", type=int, default=10, help="how many tasks (default 10)"),
        ),
    )


def run_show(args: argparse.Namespace) -> int:
    catalog = catalog_from_args(args)
    code = args.code if "." in args.code else f"{args.code}.00"
    profile = occupation_profile(catalog, code, state=args.state, tasks=args.tasks)
    return print_result(args, profile)
