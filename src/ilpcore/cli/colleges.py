"""``ilp colleges``: search colleges, find schools for a career, show one college.

``search`` filters the IPEDS directory (state, distance, level, control,
community, size, program, award level) and sorts; ``for-career CODE`` goes
from an occupation to its programs (NCES CIP-SOC crosswalk) and the schools
that award them; ``show UNITID`` prints one college with its cost of
attendance, selectivity and programs.  All three take ``--json`` and ``--data``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TypeAlias

from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.colleges import (
    AwardLevel,
    CollegeCatalog,
    CollegeFilter,
    Control,
    Housing,
    Level,
    Residency,
    Size,
    SortKey,
    college_profile,
    for_career,
    keyword_search,
    load_colleges,
    select,
)
from ilpcore.colleges.codes import AWARD_LEVELS_FOR_ENTRY_EDUCATION
from ilpcore.colleges.selector import COMMUNITY_KINDS
from ilpcore.exceptions import ValidationError

__all__ = ["register"]

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

AWARD_NAMES = {
    "certificate": (
        AwardLevel.CERT_UNDER_12_WEEKS,
        AwardLevel.CERT_12_WEEKS_TO_1_YEAR,
        AwardLevel.CERT_1_TO_2_YEARS,
        AwardLevel.CERT_2_TO_4_YEARS,
    ),
    "associate": (AwardLevel.ASSOCIATE,),
    "bachelor": (AwardLevel.BACHELOR,),
    "master": (AwardLevel.MASTER,),
    "doctor": (
        AwardLevel.DOCTOR_RESEARCH,
        AwardLevel.DOCTOR_PROFESSIONAL,
        AwardLevel.DOCTOR_OTHER,
    ),
}
_CIP_PREFIX = re.compile(r"\d{2}(\.\d{1,4})?")
_LAT_LON = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*")


def register(subparsers: SubParsers) -> None:
    parser = subparsers.add_parser(
        "colleges",
        help="search colleges and programs, schools for a career, costs (IPEDS, Scorecard)",
        description="College search and financial planning from IPEDS and College Scorecard.",
    )
    group = parser.add_subparsers(title="colleges commands", metavar="COMMAND")
    parser.set_defaults(handler=lambda args: _help(parser))

    search = group.add_parser("search", help="filter and sort colleges")
    search.add_argument("name", nargs="?", help="words of the institution's name")
    _add_filters(search)
    search.set_defaults(handler=run_search)

    career = group.add_parser("for-career", help="schools with programs for an occupation")
    career.add_argument("code", metavar="CODE", help="O*NET-SOC code, e.g. 29-1141.00")
    career.add_argument(
        "--entry-education",
        default=None,
        choices=tuple(AWARD_LEVELS_FOR_ENTRY_EDUCATION),
        help="the occupation's typical entry education (default: from the occupation "
        "catalog, BLS Employment Projections)",
    )
    _add_filters(career, program=False)
    career.set_defaults(handler=run_for_career)

    show = group.add_parser("show", help="one college: cost, selectivity, programs")
    show.add_argument("unitid", metavar="UNITID", type=int)
    show.add_argument(
        "--residency", choices=[r.value for r in Residency], default=Residency.IN_STATE.value
    )
    show.add_argument(
        "--housing",
        choices=["on-campus", "off-campus", "with-family"],
        default="on-campus",
    )
    show.add_argument("--sat", type=int, default=None, help="the student's SAT total")
    show.add_argument("--programs", type=int, default=10, help="programs to list (default 10)")
    _add_common(show)
    show.set_defaults(handler=run_show)


def _add_common(parser: argparse.ArgumentParser) -> None:
    add_json_flag(parser)
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="folder of the data releases (default: $ILPCORE_DATA or ../shared/data)",
    )
    parser.add_argument("--no-cache", action="store_true", help="read the files, not the cache")


def _add_filters(parser: argparse.ArgumentParser, program: bool = True) -> None:
    parser.add_argument("--state", action="append", default=[], help="e.g. KY (repeatable)")
    parser.add_argument("--level", action="append", default=[], choices=[x.value for x in Level])
    parser.add_argument(
        "--control", action="append", default=[], choices=[x.value for x in Control]
    )
    parser.add_argument("--community", action="append", default=[], choices=COMMUNITY_KINDS)
    parser.add_argument("--size", action="append", default=[], choices=[x.value for x in Size])
    if program:
        parser.add_argument(
            "--program",
            action="append",
            default=[],
            help="CIP code or prefix (51.38) or words of a program title (repeatable)",
        )
        parser.add_argument("--award", action="append", default=[], choices=tuple(AWARD_NAMES))
    parser.add_argument("--near", help="ZIP code or 'latitude,longitude'")
    parser.add_argument("--within", type=float, default=None, help="miles from --near")
    parser.add_argument("--sort", choices=[k.value for k in SortKey], default=None)
    parser.add_argument("--limit", type=int, default=20)
    _add_common(parser)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _catalog(args: argparse.Namespace) -> CollegeCatalog:
    print("ilp colleges: loading the college catalog...", file=sys.stderr)
    return load_colleges(args.data, cache=not args.no_cache)


def _filter(catalog: CollegeCatalog, args: argparse.Namespace) -> CollegeFilter:
    near = None
    if args.near:
        m = _LAT_LON.fullmatch(args.near)
        near = (float(m[1]), float(m[2])) if m else catalog.locate_zip(args.near)
    cips: set[str] = set()
    for p in getattr(args, "program", []):
        if _CIP_PREFIX.fullmatch(p):
            cips.add(p)
        else:
            found = keyword_search(catalog, p, limit=10_000).programs
            if not found:
                raise ValidationError.at("--program", f"no program title matches {p!r}")
            cips.update(h.cip for h in found)
    awards = {a for name in getattr(args, "award", []) for a in AWARD_NAMES[name]}
    unitids = None
    if getattr(args, "name", None):
        unitids = frozenset(
            i.unitid for i in keyword_search(catalog, args.name, limit=10_000).institutions
        )
    return CollegeFilter(
        states=frozenset(s.upper() for s in args.state),
        levels=frozenset(Level(x) for x in args.level),
        controls=frozenset(Control(x) for x in args.control),
        community_kinds=frozenset(args.community),
        sizes=frozenset(Size(x) for x in args.size),
        cips=frozenset(cips),
        awards=frozenset(awards),
        near=near,
        within_miles=args.within,
        unitids=unitids,
    )


def _sort(args: argparse.Namespace, default: SortKey) -> SortKey:
    return SortKey(args.sort) if args.sort else default


def run_search(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    criteria = _filter(catalog, args)
    default = SortKey.DISTANCE if criteria.near else SortKey.NAME
    results = select(catalog, criteria, _sort(args, default), args.limit)
    if args.json:
        print_json({"total": results.total, "colleges": results.to_records()})
    else:
        print(results.text())
    return 0


def run_for_career(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    entry_education = args.entry_education
    wage = None
    if entry_education is None or len(args.state) == 1:
        from ilpcore.colleges.occupations import career_facts
        from ilpcore.matching import load_catalog

        print("ilp colleges: loading the occupation catalog...", file=sys.stderr)
        occupations = load_catalog(args.data, cache=not args.no_cache)
        state = args.state[0].upper() if len(args.state) == 1 else None
        facts = career_facts(occupations, args.code, state)
        wage = facts.wage
        if entry_education is None:
            entry_education = facts.entry_education
        if entry_education is None:
            raise ValidationError.at(
                "--entry-education",
                f"BLS publishes no entry education for {args.code}; give --entry-education",
            )
    found = for_career(
        catalog,
        args.code,
        entry_education,
        _filter(catalog, args),
        _sort(args, SortKey.COMPLETIONS),
        args.limit,
    )
    if args.json:
        print_json(
            {
                "occupation_code": found.occupation_code,
                "entry_education": found.entry_education,
                "award_levels": [a.label for a in found.award_levels],
                "wage": None if wage is None else wage.to_dict(),
                "programs": [{"cip": c, "title": t} for c, t in found.programs],
                "total": found.colleges.total,
                "colleges": found.colleges.to_records(),
            }
        )
        return 0
    awards = ", ".join(a.label for a in found.award_levels) or "no postsecondary award"
    print(f"{found.occupation_code}: typical entry education {found.entry_education!r} → {awards}")
    if wage is not None:
        print(f"Median annual wage: {wage}")
    print(f"Programs (NCES CIP 2020-SOC 2018 crosswalk): {len(found.programs)}")
    for cip, title in found.programs[:10]:
        print(f"  {cip} {title}")
    print(found.colleges.text())
    return 0


def run_show(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    housing = {
        "on-campus": Housing.ON_CAMPUS,
        "off-campus": Housing.OFF_CAMPUS,
        "with-family": Housing.WITH_FAMILY,
    }[args.housing]
    profile = college_profile(catalog, args.unitid, Residency(args.residency), housing, args.sat)
    if args.json:
        print_json(profile.to_dict(args.programs))
    else:
        print(profile.text(args.programs))
    return 0
