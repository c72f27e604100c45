"""``ilp portfolio``: add a work sample to a student's plan; export their ePortfolio.

``ilp portfolio add STUDENT FILE`` checks the file (safe name, accepted type from its content,
size limit), stores it and links it to the plan; ``ilp portfolio export STUDENT DIR`` writes the
portfolio as a folder (or ``--zip`` file) with an HTML index. Both work on the store of
``--store`` through the default access policy, acting as ``--as ROLE:ID`` like ``ilp plan``
(see :mod:`ilpcore.cli.plan`); ``add`` acts as the student by default (``student:STUDENT``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ilpcore.cli.app import print_json
from ilpcore.cli.plan import add_acting_flags, open_guarded
from ilpcore.exceptions import NotFoundError, ValidationError
from ilpcore.portfolio import add_artifact, export_portfolio
from ilpcore.portfolio.artifacts import check_size
from ilpcore.portfolio.html import size_text
from ilpcore.resume.hours import school_year_label
from ilpcore.serialization import unstructure

__all__ = ["register", "run_add", "run_export"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "portfolio", help="a student's work samples and their ePortfolio (folder or zip)"
    )
    commands = parser.add_subparsers(title="portfolio commands", metavar="PORTFOLIO_COMMAND")
    parser.set_defaults(handler=lambda args: _usage(parser))

    add = commands.add_parser("add", help="add a work sample (a file) to a student's plan")
    add.add_argument("student_id", metavar="STUDENT")
    add.add_argument("file", metavar="FILE", type=Path)
    add.add_argument("--title", help="the sample's title (default: the file name)")
    add.add_argument("--description", help="what the sample is")
    add.add_argument(
        "--about",
        metavar="ACTIVITY",
        action="append",
        default=[],
        help="the id of an activity it belongs to (repeatable)",
    )
    add.add_argument("--media-type", metavar="TYPE", help="the declared type, checked too")
    add.add_argument("--id", dest="artifact_id", help="the artifact id (default: from its hash)")
    add_acting_flags(add)
    add.set_defaults(handler=run_add, acting=None)

    export = commands.add_parser("export", help="write the ePortfolio: index.html and files")
    export.add_argument("student_id", metavar="STUDENT")
    export.add_argument("target", metavar="DIR", type=Path, help="folder (or zip file) to write")
    export.add_argument("--zip", action="store_true", help="write one zip file instead")
    export.add_argument("--force", action="store_true", help="replace an earlier export")
    export.add_argument("--as-of", type=_day, metavar="DATE", help="date the page (default: today)")
    add_acting_flags(export)
    export.set_defaults(handler=run_export)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-05-29") from None


def run_add(args: argparse.Namespace) -> int:
    path: Path = args.file
    if args.acting is None:  # a student adds their own work, unless told otherwise
        args.acting = f"student:{args.student_id}"
    store, actor = open_guarded(args)
    with store:
        try:
            check_size(store, path.name, path.stat().st_size)
            data = path.read_bytes()
        except FileNotFoundError as e:
            raise NotFoundError(f"work sample file {str(path)!r} does not exist") from e
        except IsADirectoryError as e:
            raise ValidationError.at("file", f"{str(path)!r} is a folder, not a file") from e
        except OSError as e:
            raise NotFoundError(f"cannot read work sample file {str(path)!r}: {e}") from e
        plan = store.load_plan(actor, args.student_id)
        saved = add_artifact(
            store, actor, plan, data, path.name,
            media_type=args.media_type, title=args.title, description=args.description,
            about=args.about, artifact_id=args.artifact_id,
        )  # fmt: skip
    artifact = saved.artifacts[-1]
    if args.json:
        print_json(
            {
                "student_id": args.student_id,
                "revision": saved.revision,
                "artifact": unstructure(artifact),
            }
        )
        return 0
    print(
        f"added {artifact.title!r} ({artifact.media_type}, {size_text(artifact.size)}) as "
        f"{artifact.id} to the plan of {args.student_id}, revision {saved.revision}"
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    store, actor = open_guarded(args)
    print(f"ilp portfolio: exporting {args.student_id} to {args.target}...", file=sys.stderr)
    with store:
        result = export_portfolio(
            store, actor, args.student_id, args.target,
            as_zip=args.zip, force=args.force, as_of=args.as_of,
        )  # fmt: skip
    if args.json:
        print_json(result.to_json())
        return 0
    portfolio = result.portfolio
    samples = len(portfolio.files)
    print(
        f"exported the portfolio of {portfolio.student_name} ({portfolio.student_id}) to "
        f"{result.target}: {samples} work sample{'' if samples == 1 else 's'}, "
        f"{len(result.paths)} files, {size_text(result.size)}"
    )
    totals = portfolio.hours_totals
    print(f"hours: {totals.total}")
    for year, hours in totals.by_year().items():
        print(f"  {school_year_label(year)}  {hours} h")
    return 0
