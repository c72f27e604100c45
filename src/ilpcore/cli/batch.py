"""``ilp batch match`` and ``ilp batch audit``: every student of a store, streamed to a file.

Plans are streamed from the store (:meth:`~ilpcore.store.Store.iter_plans`) through
the access policy as ``--as ROLE:ID`` (like ``ilp plan``: every read is decided and
logged), matched or audited in blocks, and written row by row to ``--out``: CSV or
JSON Lines, by the file's suffix, written to a temporary file and moved into place
when complete.  Progress goes to stderr; a summary (``--json``: one JSON document)
to stdout.  Match output shows O*NET data: the summary carries its attribution.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ilpcore.batch import AUDIT_COLUMNS, MATCH_COLUMNS, batch_audit, batch_match, to_records
from ilpcore.batch.rows import AuditRow, MatchRow
from ilpcore.cli.app import print_json
from ilpcore.cli.careers import add_catalog_options, catalog_from_args
from ilpcore.cli.plan import add_acting_flags, open_guarded
from ilpcore.cli.progress import StderrProgress
from ilpcore.exceptions import ValidationError
from ilpcore.files import atomic_text_file
from ilpcore.matching import ONET_ATTRIBUTION
from ilpcore.matching.ranking import InterestIndex
from ilpcore.model import Plan
from ilpcore.store import PlanQuery

__all__ = ["register", "write_records"]

_FORMATS = (".csv", ".jsonl")
_SHOWN_REASONS = 10


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "batch", help="career matches or graduation audits for every student of a store"
    )
    commands = parser.add_subparsers(title="batch commands", metavar="BATCH_COMMAND")
    parser.set_defaults(handler=lambda args: _usage(parser))

    match = commands.add_parser("match", help="rank careers for every student (O*NET)")
    match.add_argument("--top", type=int, default=20, metavar="N", help="careers a student")
    match.add_argument("--zone", type=int, metavar="N", help="Job Zone 1-5 (widens if needed)")
    match.add_argument(
        "--best-effort", action="store_true", help="rank flat profiles too (low confidence)"
    )
    add_catalog_options(match)
    _common(match)
    match.set_defaults(handler=run_match)

    audit = commands.add_parser("audit", help="audit every student's graduation requirements")
    rules = audit.add_mutually_exclusive_group()
    rules.add_argument("--rules", metavar="ID", help="one rule set id for everybody")
    rules.add_argument("--jurisdiction", metavar="US-XX",
                       help="this jurisdiction's rule set for each student's class "
                            "(default: the state of each student's school)")  # fmt: skip
    audit.add_argument("--diploma", help="diploma name or rule-set id (with --jurisdiction)")
    _common(audit)
    audit.set_defaults(handler=run_audit)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="where the rows go: FILE.csv or FILE.jsonl")  # fmt: skip
    parser.add_argument("--school", metavar="ID", help="only students of this school")
    parser.add_argument("--cohort", type=int, metavar="YEAR", help="only this graduation class")
    add_acting_flags(parser)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        raise ValidationError.at("--out", f"{path.name}: use a .csv or .jsonl file")
    return suffix


def write_records(records: Iterable[Mapping[str, Any]], path: Path, columns: Iterable[str]) -> int:
    """Write records to ``path`` (CSV or JSON Lines by suffix) atomically; how many."""
    suffix = _format(path)
    names = list(columns)
    n = 0
    with atomic_text_file(path, newline="") as f:
        writer = csv.writer(f)
        if suffix == ".csv":
            writer.writerow(names)
        for record in records:
            n += 1
            if suffix == ".csv":
                writer.writerow(["" if record[c] is None else record[c] for c in names])
            else:
                f.write(json.dumps({c: record[c] for c in names}, ensure_ascii=False) + "\n")
    return n


def _stream(args: argparse.Namespace) -> tuple[Iterator[Plan], dict[str, Any]]:
    info: dict[str, Any] = {"students": 0}
    store, actor = open_guarded(args)
    info["store"] = store.url

    def plans() -> Iterator[Plan]:
        with store:
            for plan in store.iter_plans(actor, PlanQuery(school_id=args.school,
                                                          cohort=args.cohort)):  # fmt: skip
                info["students"] += 1
                yield plan

    return plans(), info


def _counting(rows: Iterable[MatchRow | AuditRow], reasons: Counter[str]) -> Iterator[Any]:
    for row in rows:
        if row.reason is not None:
            reasons[row.reason] += 1
        yield row


def _report(args: argparse.Namespace, summary: dict[str, Any], reasons: Counter[str]) -> None:
    summary["reasons"] = dict(reasons.most_common(_SHOWN_REASONS))
    if args.json:
        print_json(summary)
        return
    print(f"{summary['command']}: {summary['students']} students, {summary['rows']} rows "
          f"written to {summary['out']} in {summary['seconds']} s")  # fmt: skip
    for key in ("by_status", "reasons"):
        for what, count in summary.get(key, {}).items():
            print(f"  {count:>8}  {what}")
    if "attribution" in summary:
        print(summary["attribution"])


def run_match(args: argparse.Namespace) -> int:
    _format(args.out)
    index = InterestIndex.from_catalog(catalog_from_args(args))
    plans, info = _stream(args)
    reasons: Counter[str] = Counter()
    started = time.monotonic()
    rows = batch_match(plans, index, top=args.top, zone=args.zone, best_effort=args.best_effort,
                       progress=StderrProgress("ilp batch match"))  # fmt: skip
    n = write_records(to_records(_counting(rows, reasons)), args.out, MATCH_COLUMNS)
    summary = {
        "command": "batch match", **info, "rows": n, "out": str(args.out),
        "seconds": round(time.monotonic() - started, 2), "release": index.release,
        "top": args.top, "attribution": ONET_ATTRIBUTION,
    }  # fmt: skip
    _report(args, summary, reasons)
    return 0


def run_audit(args: argparse.Namespace) -> int:
    _format(args.out)
    rules = args.rules or args.jurisdiction
    plans, info = _stream(args)
    reasons: Counter[str] = Counter()
    by_status: Counter[str] = Counter()

    def tally(rows: Iterable[AuditRow]) -> Iterator[AuditRow]:
        for row in rows:
            by_status[row.status or "not audited"] += 1
            yield row

    started = time.monotonic()
    rows = batch_audit(plans, rules, diploma=args.diploma,
                       progress=StderrProgress("ilp batch audit"))  # fmt: skip
    n = write_records(to_records(_counting(tally(rows), reasons)), args.out, AUDIT_COLUMNS)
    summary = {
        "command": "batch audit", **info, "rows": n, "out": str(args.out),
        "seconds": round(time.monotonic() - started, 2), "rules": rules,
        "by_status": dict(by_status.most_common()),
    }  # fmt: skip
    _report(args, summary, reasons)
    return 0
