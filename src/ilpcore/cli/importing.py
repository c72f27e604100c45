"""``ilp import edfi DIR`` and ``ilp import oneroster DIR``: feed the store from the district's SIS.

Both read the source files into an :class:`~ilpcore.interop.ImportBatch` and
apply it with :func:`~ilpcore.interop.apply_import`.  Rejected rows are listed
(file, line, reason) and, with ``--rejected FILE``, written to a CSV file.
The exit status is 0 when every row was imported, 1 when rows were rejected.
"""

from __future__ import annotations

import argparse
import csv
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from ilpcore.cli.app import print_json
from ilpcore.cli.plan import add_acting_flags, parse_actor
from ilpcore.cli.progress import StderrProgress
from ilpcore.files import atomic_text_file
from ilpcore.interop import ImportBatch, ImportReport, apply_import
from ilpcore.store import open_store, resolve_store_url

__all__ = ["READERS", "SourceFormat", "read_batch", "register", "write_rejected"]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    """A format with no arguments of its own."""


def _no_options(args: argparse.Namespace) -> dict[str, Any]:
    return {}


@attrs.frozen
class SourceFormat:
    """One format of ``ilp import``: its reader and the command-line options it takes."""

    module: str
    reader: str
    """The function of ``module`` that reads a directory into an ImportBatch."""
    description: str
    add_arguments: Callable[[argparse.ArgumentParser], None] = _no_arguments
    """Adds the format's own arguments to its subcommand."""
    options: Callable[[argparse.Namespace], dict[str, Any]] = _no_options
    """The reader's keyword arguments, from the parsed command line."""


def _add_edfi_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--school-year", type=int, metavar="YEAR",
                        help="the school year of the files, named by the year it starts in "
                        "(default: read from the files)")  # fmt: skip
    parser.add_argument("--require-school-association", action="store_true",
                        help="reject students the files do not place in a school (default: "
                        "place them by assessed grade or age; see the Ed-Fi guide)")  # fmt: skip


def _edfi_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "school_year": args.school_year,
        "require_school_association": args.require_school_association,
    }


READERS: dict[str, SourceFormat] = {
    "edfi": SourceFormat(
        "ilpcore.interop.edfi", "read_edfi", "Ed-Fi Data Standard 5 XML or JSON files",
        _add_edfi_arguments, _edfi_options,
    ),
    "oneroster": SourceFormat(
        "ilpcore.interop.oneroster", "read_oneroster", "OneRoster 1.2 CSV files"
    ),
}  # fmt: skip
"""Source format name -> how to read it."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("import", help="import students from a district's SIS files")
    commands = parser.add_subparsers(title="import formats", metavar="FORMAT")
    parser.set_defaults(handler=lambda args: _usage(parser))
    for name, source in READERS.items():
        sub = commands.add_parser(name, help=f"import {source.description} from DIR")
        sub.add_argument("directory", metavar="DIR", type=Path, help="the folder of source files")
        sub.add_argument("--rejected", metavar="FILE", type=Path,
                         help="also write the rejected rows to this CSV file")  # fmt: skip
        source.add_arguments(sub)
        add_acting_flags(sub)
        sub.set_defaults(handler=lambda args, name=name: run_import(args, name))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def read_batch(source_format: str, directory: Path, **options: Any) -> ImportBatch:
    """Read ``directory`` with the reader of ``source_format``, passing it ``options``."""
    source = READERS[source_format]
    reader = getattr(importlib.import_module(source.module), source.reader)
    batch: ImportBatch = reader(directory, **options)
    return batch


def write_rejected(report: ImportReport, path: Path) -> None:
    """The rejected rows as CSV (file, line, student_id, reason), written atomically."""
    with atomic_text_file(path, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "line", "student_id", "reason"])
        for r in report.rejected:
            writer.writerow([r.file, r.line or "", r.student_id or "", r.reason])


def run_import(args: argparse.Namespace, source_format: str) -> int:
    actor = parse_actor(args.acting)
    batch = read_batch(source_format, args.directory, **READERS[source_format].options(args))
    with open_store(resolve_store_url(args.store)) as store:
        report = apply_import(
            store, actor, batch, progress=StderrProgress(f"ilp import {source_format}")
        )
    if args.rejected is not None:
        write_rejected(report, args.rejected)
    if args.json:
        print_json(report.to_dict())
    else:
        counts = report.counts()
        print(f"imported {report.source}")
        print("  " + ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in counts.items()))
        for row in report.rejected:
            print(f"  rejected {row}")
    return 1 if report.rejected else 0
