"""``ilp careers match``: careers ranked for Interest Profiler answers or scores.

:func:`add_match_command` adds ``match`` to the ``careers`` command group (it is
listed in :data:`ilpcore.cli.careers.SUBCOMMANDS`).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.cli.careers import add_catalog_options, catalog_from_args
from ilpcore.cli.interests import scores_document
from ilpcore.exceptions import ValidationError
from ilpcore.matching.attribution import BLS_OEWS_CITATION
from ilpcore.matching.catalog import OccupationCatalog, state_code
from ilpcore.matching.interests import InterestScores, load_interest_profiler
from ilpcore.matching.ranking import InterestIndex, MatchResult, rank_interests

__all__ = ["add_match_command", "run_match"]


def add_match_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``match`` to a command group's subparsers (``ilp careers match``)."""
    parser = subparsers.add_parser(
        "match", help="careers ranked by correlation with Interest Profiler results"
    )
    given = parser.add_mutually_exclusive_group(required=True)
    given.add_argument("--answers", metavar="ANSWERS", help="the 60-digit answer string (1-5)")
    given.add_argument(
        "--scores", metavar="R,I,A,S,E,C", help="six raw scores 0-40, comma-separated"
    )
    parser.add_argument("--zone", type=int, metavar="N", help="Job Zone 1-5 (widens if needed)")
    parser.add_argument("--top", type=int, default=20, metavar="N", help="how many (default 20)")
    parser.add_argument(
        "--state", metavar="XX", help="show OEWS wages for this state (e.g. KY) with each match"
    )
    parser.add_argument(
        "--best-effort",
        action="store_true",
        help="rank an undifferentiated profile anyway (marked low confidence)",
    )
    add_catalog_options(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run_match)


def _scores(args: argparse.Namespace) -> InterestScores:
    if args.answers is not None:
        return load_interest_profiler().score(args.answers.strip())
    parts = [p.strip() for p in args.scores.split(",")]
    if len(parts) != 6 or not all(p.lstrip("-").isdigit() for p in parts):
        raise ValidationError.at(
            "--scores", f"{args.scores!r} is not six whole numbers R,I,A,S,E,C"
        )
    return InterestScores(tuple(int(p) for p in parts))


def _wages(catalog: OccupationCatalog, codes: Sequence[str], state: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for code in codes:
        wages = catalog.wages_of(code, state)
        median = None if wages is None else wages.statistics.annual_median
        out[code] = None if median is None else int(median)
    return out


def run_match(args: argparse.Namespace) -> int:
    scores = _scores(args)
    if args.state:
        state_code(args.state)  # an unknown state is reported before any work is done
    catalog = catalog_from_args(args)
    index = InterestIndex.from_catalog(catalog)
    result = rank_interests(
        scores, index, top=args.top, zone=args.zone, best_effort=args.best_effort
    )
    wages = _wages(catalog, result.codes, args.state) if args.state else {}
    if args.json:
        document = {"interests": scores_document(scores), **result.to_dict()}
        if args.state:
            document["state"] = args.state.upper()
            document["annual_median_wage"] = wages
            document["wage_citation"] = BLS_OEWS_CITATION
        print_json(document)
        return 0
    print(_text(result, wages, args.state))
    return 0


def _text(result: MatchResult, wages: dict[str, Any], state: str | None) -> str:
    text = result.to_text()
    if not state:
        return text
    lines = [
        f"{'':5}{code}  {state.upper()} annual median wage: "
        + ("not published" if wages[code] is None else f"${wages[code]:,}")
        for code in result.codes
    ]
    return f"{text}\n\nWages ({state.upper()}):\n" + "\n".join(lines) + f"\n{BLS_OEWS_CITATION}"
