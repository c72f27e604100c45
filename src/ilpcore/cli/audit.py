"""``ilp audit``: a graduation audit of one transcript against a state rule set.

The transcript file is JSON: either a list of courses, or an object with
``courses``, ``assessments``, ``milestones``, ``ilp_aligned`` (course codes) and
``overrides``.  A course is ``{"course_code", "title", "subject", "term":
{"school_year": 2024, "session": "full_year"}, "grade_level", "credits",
"status", "mark", "attributes": ["lab", ...]}`` (the fields of
:class:`ilpcore.model.CourseRecord`; credits as numbers or strings), read through
:mod:`ilpcore.serialization` (so ``{"schema": "ilpcore.course_record", ...}`` documents work
too).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ilpcore import serialization
from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.exceptions import Problem, ValidationError
from ilpcore.model import AssessmentResult, CourseRecord
from ilpcore.requirements import RuleSet, load_rule_set, registry
from ilpcore.requirements.loading import structure
from ilpcore.requirements.report import audit_to_dict
from ilpcore.requirements.whatif import Record, suggest, what_if

__all__ = ["load_transcript", "register", "run"]

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="audit a transcript against graduation requirements",
        description="Audit a transcript against a state's graduation requirements.",
    )
    parser.add_argument("--rules", help="jurisdiction, e.g. US-KY (with --cohort)")
    parser.add_argument("--cohort", type=int, help="graduation class, e.g. 2027")
    parser.add_argument("--diploma", help="diploma name or rule-set id (default: the base one)")
    parser.add_argument("--rule-file", type=Path, help="a rule set in TOML or JSON instead")
    parser.add_argument("--transcript", type=Path, required=True, help="transcript JSON file")
    parser.add_argument(
        "--what-if",
        action="append",
        default=[],
        metavar="WHAT",
        help="diploma=NAME, cohort=YEAR or add=FILE (planned courses, JSON); repeatable",
    )
    parser.add_argument("--suggest", action="store_true", help="say what to take next")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def load_transcript(path: Path) -> Record:
    """Read a transcript file; problems are reported with their path in the file."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ValidationError([Problem("", f"{path}: cannot read JSON: {e}")]) from e
    if isinstance(data, list):
        data = {"courses": data}
    if not isinstance(data, dict):
        raise ValidationError([Problem("", f"{path.name}: must be a list or an object")])
    problems: list[Problem] = []
    model_parts: dict[str, Any] = {}
    for key, cls in (("courses", CourseRecord), ("assessments", AssessmentResult)):
        items = data.pop(key, [])
        try:
            model_parts[key] = _model_items(items, cls)
        except ValidationError as e:
            problems.extend(e.under(key).problems)
    record = structure(Record, data, "", problems)
    if problems:
        raise ValidationError([Problem(p.path, f"{p.message} (in {path.name})") for p in problems])
    assert isinstance(record, Record)
    return attrs.evolve(record, **model_parts)


def _model_items(items: object, cls: type[T]) -> tuple[T, ...]:
    """Model values through :mod:`ilpcore.serialization` (plain or enveloped documents)."""
    if not isinstance(items, list):
        raise ValidationError([Problem("", "must be a list")])
    out: list[T] = []
    problems: list[Problem] = []
    for i, item in enumerate(items):
        try:
            if isinstance(item, dict) and "schema" in item:
                out.append(serialization.from_document(item, cls))
            else:
                out.append(serialization.structure(item, cls))
        except ValidationError as e:
            problems.extend(e.under(i).problems)
    if problems:
        raise ValidationError(problems)
    return tuple(out)


def _rule_set(args: argparse.Namespace, diploma: str | None, cohort: int | None) -> RuleSet:
    if args.rule_file is not None:
        return registry.resolve(load_rule_set(args.rule_file))
    if args.rules is None or cohort is None:
        raise ValidationError([Problem("--rules", "give --rules and --cohort, or --rule-file")])
    return registry.find(args.rules, cohort, diploma)


def run(args: argparse.Namespace) -> int:
    record = load_transcript(args.transcript)
    rs = _rule_set(args, args.diploma, args.cohort)
    diploma, cohort, extra = args.diploma, args.cohort, list[Any]()
    for item in args.what_if:
        key, _, value = item.partition("=")
        if key == "diploma":
            diploma = value
        elif key == "cohort" and value.isdigit():
            cohort = int(value)
        elif key == "add":
            extra.extend(load_transcript(Path(value)).courses)
        else:
            raise ValidationError(
                [Problem("--what-if", f"{item!r}: use diploma=, cohort= or add=")]
            )
    audit = record.audit(rs)
    out: dict[str, Any] = {"audit": audit_to_dict(audit)}
    text = [audit.to_text()]
    if args.what_if:
        other = _rule_set(args, diploma, cohort)
        w = what_if(rs, record, other=other, extra_courses=extra)
        out["what_if"] = {
            "audit": audit_to_dict(w.after),
            "changes": [
                {
                    "path": c.path,
                    "title": c.title,
                    "before": None if c.before is None else c.before.value,
                    "after": None if c.after is None else c.after.value,
                }
                for c in w.changes
            ],
        }
        text += ["", "WHAT IF: " + ", ".join(args.what_if), w.after.to_text(), "", "changes:"]
        text += [
            f"  {c.path or '(total)'}: {c.before.value if c.before else '-'} -> "
            f"{c.after.value if c.after else '-'}"
            for c in w.changes
        ]
    if args.suggest:
        hints = suggest(rs, record)
        out["suggestions"] = [{"path": s.path, "title": s.title, "text": s.text} for s in hints]
        text += ["", "next steps:"] + [f"  - {s.title}: {s.text}" for s in hints]
    if args.json:
        print_json(out)
    else:
        print("\n".join(text))
    return 0
