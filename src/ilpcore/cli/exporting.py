"""``ilp export FORMAT …``: write the store's plans in another system's format.

Each format is a module listed in :data:`EXPORTERS` with ``add_arguments(parser)``
(its arguments besides ``--store``, ``--as`` and ``--json``) and ``run(args)``
(the handler, returning the exit status).
"""

from __future__ import annotations

import argparse
import importlib

from ilpcore.cli.plan import add_acting_flags

__all__ = ["EXPORTERS", "register"]

EXPORTERS: dict[str, tuple[str, str]] = {
    "oneroster": ("ilpcore.cli.export_oneroster", "OneRoster 1.2 CSV files"),
    "research": ("ilpcore.cli.export_research", "a de-identified release for researchers"),
}
"""Export format -> (module with ``add_arguments`` and ``run``, description)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export", help="write the store's plans for another system or for research"
    )
    commands = parser.add_subparsers(title="export formats", metavar="FORMAT")
    parser.set_defaults(handler=lambda args: _usage(parser))
    for name, (module_name, description) in EXPORTERS.items():
        module = importlib.import_module(module_name)
        sub = commands.add_parser(name, help=f"export {description}")
        module.add_arguments(sub)
        add_acting_flags(sub)
        sub.set_defaults(handler=module.run)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2
