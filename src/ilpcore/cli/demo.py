"""``ilp demo``: one realistic student's plan, shown step by step.

The demo is a list of steps (:func:`demo_steps`).  Each step gets the shared
:class:`~ilpcore.demo_steps.DemoContext` (the plan so far, where the data
releases are) and returns a :class:`~ilpcore.demo_steps.DemoSection` with text
for people and data for ``--json``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ilpcore._version import __version__
from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.demo_steps import DemoContext, DemoSection, DemoStep
from ilpcore.reports import plan_text
from ilpcore.samples import sample_plan
from ilpcore.serialization import to_document
from ilpcore.store import open_store

__all__ = ["DemoContext", "DemoSection", "demo_steps", "register", "run"]


def _plan_step(context: DemoContext) -> DemoSection:
    return DemoSection("The plan", plan_text(context.plan), to_document(context.plan))


def demo_steps() -> list[tuple[str, DemoStep]]:
    """The ``(name, step)`` pairs of the demo, in order (features are imported only here)."""
    from ilpcore.audit.demo import review_cycle_step
    from ilpcore.cli.store_demo import store_step
    from ilpcore.colleges.demo import demo_step as colleges_step
    from ilpcore.interop.demo import district_step
    from ilpcore.matching.demo import match_step
    from ilpcore.portfolio.demo import demo_step as portfolio_step
    from ilpcore.requirements.demo import audit_step
    from ilpcore.resume.demo import demo_step as resume_step

    return [
        ("plan", _plan_step),
        ("match", match_step),
        ("audit", audit_step),
        ("colleges", colleges_step),
        ("resume", resume_step),
        ("store", store_step),
        ("reviews", review_cycle_step),
        ("portfolio", portfolio_step),
        ("district", district_step),
    ]


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
    sections = []
    with open_store() as store:
        context = DemoContext(sample_plan(), store, args.data)
        for name, step in demo_steps():
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
