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
from pathlib import Path
from typing import Any

from ilpcore.cli.app import print_json
from ilpcore.cli.plan import add_acting_flags, parse_actor
from ilpcore.cli.progress import StderrProgress
from ilpcore.files import atomic_text_file
from ilpcore.interop import ImportBatch, ImportReport, apply_import
from ilpcore.store import open_store, resolve_store_url

__all__ = ["READERS", "register", "write_rejected"]

READERS: dict[str, tuple[str, str, str]] = {
    "edfi": ("ilpcore.interop.edfi", "read_edfi", "Ed-Fi Data Standard 5 XML or JSON files"),
    "oneroster": ("ilpcore.interop.oneroster", "read_oneroster", "OneRoster 1.2 CSV files"),
}
"""Source format -> (module, reader function taking a directory, description)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("import", help="import students from a district's SIS files")
    commands = parser.add_subparsers(title="import formats", metavar="FORMAT")
    parser.set_defaults(handler=lambda args: _usage(parser))
    for name, (_, _, description) in READERS.items():
        sub = commands.add_parser(name, help=f"import {description} from DIR")
        sub.add_argument("directory", metavar="DIR", type=Path, help="the folder of source files")
        sub.add_argument("--rejected", metavar="FILE", type=Path,
                         help="also write the rejected rows to this CSV file")  # fmt: skip
        if name == "edfi":
            _add_edfi_flags(sub)
        add_acting_flags(sub)
        sub.set_defaults(handler=lambda args, name=name: run_import(args, name))


def _add_edfi_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--school-year", type=int, metavar="YEAR",
                        help="the school year of the files, named by the year it starts in "
                        "(default: read from the files)")  # fmt: skip
    parser.add_argument("--require-school-association", action="store_true",
                        help="reject students the files do not place in a school (default: "
                        "place them by assessed grade or age; see the Ed-Fi guide)")  # fmt: skip


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def read_batch(source_format: str, directory: Path, **options: Any) -> ImportBatch:
    """Read ``directory`` with the reader of ``source_format``, passing it ``options``."""
    module_name, function, _ = READERS[source_format]
    reader = getattr(importlib.import_module(module_name), function)
    batch: ImportBatch = reader(directory, **options)
    return batch


def _reader_options(args: argparse.Namespace, source_format: str) -> dict[str, Any]:
    if source_format != "edfi":
        return {}
    return {
        "school_year": args.school_year,
        "require_school_association": args.require_school_association,
    }


def write_rejected(report: ImportReport, path: Path) -> None:
    """The rejected rows as CSV (file, line, student_id, reason), written atomically."""
    with atomic_text_file(path, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "line", "student_id", "reason"])
        for r in report.rejected:
            writer.writerow([r.file, r.line or "", r.student_id or "", r.reason])


def run_import(args: argparse.Namespace, source_format: str) -> int:
    actor = parse_actor(args.acting)
    batch = read_batch(source_format, args.directory, **_reader_options(args, source_format))
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
