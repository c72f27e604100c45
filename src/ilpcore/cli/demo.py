"""``ilp demo``: one realistic student's plan, shown step by step.

The demo is a list of steps.  Each step gets the shared :class:`DemoContext`
(the plan so far, where the data releases are) and returns a
:class:`DemoSection` with text for people and data for ``--json``.  Features
add their step to :data:`DEMO_STEPS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from ilpcore._version import __version__
from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.model import Plan
from ilpcore.reports import plan_text
from ilpcore.samples import sample_plan
from ilpcore.serialization import to_document

__all__ = ["DEMO_STEPS", "DemoContext", "DemoSection", "register", "run"]


@attrs.define
class DemoContext:
    """What the steps share; a step may replace ``plan`` with an updated one."""

    plan: Plan
    data_dir: Path | None = None


@attrs.frozen
class DemoSection:
    title: str
    text: str
    data: Any


DemoStep = Callable[[DemoContext], DemoSection]


def _plan_step(context: DemoContext) -> DemoSection:
    return DemoSection("The plan", plan_text(context.plan), to_document(context.plan))


DEMO_STEPS: list[tuple[str, DemoStep]] = [("plan", _plan_step)]
"""``(name, step)`` pairs, run in order."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="build a realistic sample plan and walk through what ilpcore does with it",
        description="Build a realistic sample plan for one student and show it step by step.",
    )
    add_json_flag(parser)
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="folder of the published data releases (default: $ILPCORE_DATA or ../shared/data)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    context = DemoContext(sample_plan(), args.data)
    sections = []
    for name, step in DEMO_STEPS:
        print(f"ilp demo: {name}...", file=sys.stderr)
        sections.append((name, step(context)))
    if args.json:
        print_json(
            {
                "ilpcore": __version__,
                "steps": [{"step": name, "title": s.title, "data": s.data} for name, s in sections],
            }
        )
    else:
        for _, s in sections:
            print(f"== {s.title} ==")
            print(s.text)
            print()
    return 0
