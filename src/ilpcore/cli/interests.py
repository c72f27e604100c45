"""``ilp interests score ANSWERS``: score O*NET Interest Profiler answers (RIASEC 0-40)."""

from __future__ import annotations

import argparse

from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.matching.congruence import AREA_NAMES, RIASEC
from ilpcore.matching.interests import IP_ATTRIBUTION, InterestScores, load_interest_profiler

__all__ = ["register", "scores_document"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = subparsers.add_parser("interests", help="O*NET Interest Profiler")
    commands = group.add_subparsers(title="interests commands", metavar="COMMAND")
    score = commands.add_parser(
        "score",
        help="score 60 answers (1 strongly dislike ... 5 strongly like) into RIASEC 0-40",
    )
    score.add_argument("answers", metavar="ANSWERS", help="the 60-digit answer string")
    score.add_argument(
        "--items", metavar="FILE", help="the Interest Profiler items file (default: the release)"
    )
    add_json_flag(score)
    score.set_defaults(handler=run_score)
    add_json_flag(group)
    group.set_defaults(handler=lambda args: _usage(group))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def scores_document(scores: InterestScores) -> dict[str, object]:
    """The JSON document of a scoring (also used by ``ilp careers match``)."""
    return {
        "scale": scores.scale,
        "scores": scores.as_dict(),
        "code": scores.code,
        "undifferentiated": scores.undifferentiated,
        "spread": round(scores.spread, 4),
        "instrument": {"id": scores.instrument_id, "edition": scores.edition},
        "answers": scores.answers,
    }


def run_score(args: argparse.Namespace) -> int:
    form = load_interest_profiler(args.items)
    scores = form.score(args.answers.strip())
    if args.json:
        print_json({**scores_document(scores), "attribution": IP_ATTRIBUTION})
        return 0
    print(f"Interest Profiler scores ({scores.scale})")
    for letter, name, value in zip(RIASEC, AREA_NAMES, scores.values, strict=True):
        print(f"  {letter} {name:<14} {value:>2}  {'#' * value}")
    print(f"Code: {scores.code}")
    if scores.undifferentiated:
        print(
            "Note: this profile is undifferentiated (scores nearly equal); career matches "
            "from it say little."
        )
    print()
    print(IP_ATTRIBUTION)
    return 0
