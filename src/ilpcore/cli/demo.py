"""``ilp demo``: a realistic plan for one student, shown step by step (placeholder, grows)."""

from __future__ import annotations

import argparse

from ilpcore.cli.app import add_json_flag, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo", help="build and show a sample plan")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.json:
        print_json({"demo": "ilpcore"})
    else:
        print("ilpcore demo")
    return 0
