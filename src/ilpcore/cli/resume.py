"""``ilp resume``: a student's resume, built from their plan.

``ilp resume PLAN.json --format md|txt|html|pdf|jsonresume`` (or ``--sample`` for the sample
plan) prints the resume, or writes it to ``--output``.  ``--spec SPEC.json`` is the student's
resume spec (an ``ilpcore.resume_spec`` document); ``--hours`` prints the service and work hours
per school year and kind instead.  With ``--json`` the output is one JSON document: the JSON
Resume document itself for ``--format jsonresume``, else ``{"format", "content"}`` (or
``{"format", "output", "size"}`` once written to a file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.exceptions import NotFoundError, ResumeRenderError
from ilpcore.model import Plan, ResumeSpec
from ilpcore.resume import build_resume, to_markdown, to_text
from ilpcore.resume.hours import hours_totals, school_year_label
from ilpcore.samples import sample_plan
from ilpcore.serialization import loads

__all__ = ["FORMATS", "register", "run"]

FORMATS = ("md", "txt", "html", "pdf", "jsonresume")
"""The output formats of ``--format``."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "resume",
        help="build a student's resume from their plan (Markdown, text, HTML, PDF, JSON Resume)",
        description="Build a resume from an ILP plan document and the student's resume spec.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "plan", nargs="?", type=Path, help="the student's plan (an ilpcore.plan JSON document)"
    )
    source.add_argument("--sample", action="store_true", help="use the sample student's plan")
    parser.add_argument("--format", choices=FORMATS, default="md", help="output format")
    parser.add_argument("--spec", type=Path, help="the resume spec (ilpcore.resume_spec JSON)")
    parser.add_argument("--output", "-o", type=Path, help="write to this file, not stdout")
    parser.add_argument(
        "--hours", action="store_true", help="print hours per school year and kind instead"
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise NotFoundError(f"{what} file {str(path)!r} does not exist") from e
    except (OSError, UnicodeDecodeError) as e:
        raise NotFoundError(f"cannot read {what} file {str(path)!r}: {e}") from e


def _plan(args: argparse.Namespace) -> Plan:
    if args.sample:
        return sample_plan()
    plan: Plan = loads(_read(args.plan, "plan"), Plan)
    return plan


def _spec(args: argparse.Namespace, plan: Plan) -> ResumeSpec:
    """The spec from ``--spec``, else the plan's own, else every section with defaults."""
    if args.spec is None:
        return plan.resume_spec or ResumeSpec()
    spec: ResumeSpec = loads(_read(args.spec, "spec"), ResumeSpec)
    return spec


def run(args: argparse.Namespace) -> int:
    plan = _plan(args)
    if args.hours:
        return _print_hours(plan, args.json)
    spec = _spec(args, plan)
    print(f"ilp resume: {plan.student.name.display}, {args.format}...", file=sys.stderr)
    content = render(plan, spec, args.format)
    if args.output is not None:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        try:
            args.output.write_bytes(data)
        except OSError as e:
            raise ResumeRenderError(f"cannot write {str(args.output)!r}: {e}") from e
        if args.json:
            print_json({"format": args.format, "output": str(args.output), "size": len(data)})
        return 0
    if isinstance(content, bytes):
        if sys.stdout.isatty():
            raise ResumeRenderError("a PDF is not printed on a terminal: give --output FILE")
        sys.stdout.buffer.write(content)
        return 0
    if args.json:
        document = json.loads(content) if args.format == "jsonresume" else None
        print_json(document or {"format": args.format, "content": content})
    else:
        sys.stdout.write(content)
    return 0


def render(plan: Plan, spec: ResumeSpec, output_format: str) -> str | bytes:
    """The resume of ``plan`` in ``output_format`` (one of :data:`FORMATS`)."""
    if output_format == "jsonresume":
        from ilpcore.resume.jsonresume import to_json_resume

        return json.dumps(to_json_resume(plan, spec), indent=2, ensure_ascii=False) + "\n"
    resume = build_resume(plan, spec)
    if output_format == "md":
        return to_markdown(resume)
    if output_format == "txt":
        return to_text(resume)
    if output_format == "html":
        from ilpcore.resume.html import to_html

        return to_html(resume)
    from ilpcore.resume.pdf import to_pdf

    return to_pdf(resume)


def _print_hours(plan: Plan, as_json: bool) -> int:
    totals = hours_totals(plan.activities)
    if as_json:
        document: dict[str, Any] = totals.to_json()
        print_json(document)
        return 0
    print(f"Hours of {plan.student.name.display} (school years run July to June)")
    for year, kind, hours in totals.cells:
        print(f"  {school_year_label(year)}  {kind.value:<18} {hours:>8}")
    print(f"  total{'':22} {totals.total:>8}")
    if totals.spanning:
        print("  counted in the year they started, though they run longer: "
              + ", ".join(totals.spanning))  # fmt: skip
    return 0
