"""``ilp colleges``: search colleges, find schools for a career, show one college.

``search`` filters the IPEDS directory (state, distance, level, control,
community, size, program, award level) and sorts; ``for-career CODE`` goes
from an occupation to its programs (NCES CIP-SOC crosswalk) and the schools
that award them; ``show UNITID`` prints one college with its cost of
attendance (projected over ``--years`` at a stated ``--inflation``), selectivity,
programs, and with ``--finances CIP`` one program's debt, earnings, loan payment and
the occupation's wage in the student's state.  All three take ``--json`` and ``--data``.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeAlias

from ilpcore.cli.app import add_json_flag, print_json
from ilpcore.colleges import (
    AwardLevel,
    CollegeCatalog,
    CollegeFilter,
    Control,
    CostOfAttendance,
    Housing,
    Level,
    MultiYearCost,
    ProgramFinances,
    Residency,
    Size,
    SortKey,
    college_profile,
    for_career,
    keyword_search,
    load_colleges,
    multi_year_cost,
    program_finances,
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
AWARD_LEVEL_NAMES = {a.name.lower().replace("_", "-"): a for a in AwardLevel}
"""``--award`` of ``show``: one award level, e.g. ``bachelor``, ``cert-1-to-2-years``."""
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
    show.add_argument(
        "--years", type=int, default=None, help="project the cost over N academic years"
    )
    show.add_argument(
        "--inflation",
        type=Decimal,
        default=None,
        help="yearly rate for --years as a fraction, e.g. 0.03 (no default: state it)",
    )
    show.add_argument(
        "--start-year", type=int, default=None, help="fall of the first year (default: this year)"
    )
    show.add_argument(
        "--finances",
        metavar="CIP",
        default=None,
        help="a program's debt, earnings and loan payment, e.g. 51.3801 (needs --award, --rate)",
    )
    show.add_argument("--award", choices=tuple(AWARD_LEVEL_NAMES), default=None)
    show.add_argument(
        "--rate", type=Decimal, default=None, help="loan rate as a fraction, e.g. 0.0653"
    )
    show.add_argument(
        "--occupation",
        metavar="CODE",
        default=None,
        help="with --finances and --state: the occupation's median wage in that state (BLS)",
    )
    show.add_argument("--state", default=None, help="the student's state, for --occupation")
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
    projection = _projection(profile.cost, args)
    finances = _finances(catalog, args)
    if args.json:
        document = profile.to_dict(args.programs)
        if projection is not None:
            document["multi_year_cost"] = {
                "base": projection.base.to_dict(),
                "inflation": str(projection.inflation),
                "years": [
                    {"academic_year": y.academic_year, "amount": str(y.amount)}
                    for y in projection.years
                ],
                "total": str(projection.total),
            }
        if finances is not None:
            document["program_finances"] = _finances_dict(finances)
        print_json(document)
        return 0
    print(profile.text(args.programs))
    if projection is not None:
        print(
            f"Projected cost at {projection.inflation} a year from {projection.base}:"
            f" ${projection.total:,} in all"
        )
        for y in projection.years:
            print(f"  {y.academic_year}  ${y.amount:,}")
    if finances is not None:
        print(f"{finances.cip} {catalog.cip_title(finances.cip)} ({finances.award.label}):")
        for item, figure in finances.figures():
            print(f"  {item:<40} {figure}")
    return 0


def _projection(cost: CostOfAttendance, args: argparse.Namespace) -> MultiYearCost | None:
    if args.years is None and args.inflation is None:
        return None
    if args.years is None or args.inflation is None:
        raise ValidationError.at("--inflation", "--years and --inflation go together")
    start = args.start_year if args.start_year is not None else date.today().year
    return multi_year_cost(cost, start_year=start, years=args.years, inflation=args.inflation)


def _finances(catalog: CollegeCatalog, args: argparse.Namespace) -> ProgramFinances | None:
    if args.finances is None:
        return None
    if args.award is None or args.rate is None:
        raise ValidationError.at("--finances", "needs --award and --rate (the loan's yearly rate)")
    wage = None
    if args.occupation is not None:
        if args.state is None:
            raise ValidationError.at("--occupation", "needs --state (the student's state)")
        from ilpcore.colleges.occupations import career_facts
        from ilpcore.matching import load_catalog

        print("ilp colleges: loading the occupation catalog...", file=sys.stderr)
        occupations = load_catalog(args.data, cache=not args.no_cache)
        wage = career_facts(occupations, args.occupation, args.state.upper()).wage
    return program_finances(
        catalog,
        args.unitid,
        args.finances,
        AWARD_LEVEL_NAMES[args.award],
        annual_rate=args.rate,
        occupation_wage=wage,
    )


def _finances_dict(f: ProgramFinances) -> dict[str, object]:
    return {
        "cip": f.cip,
        "award": f.award.label,
        "median_debt": f.median_debt.to_dict(),
        "median_earnings": f.median_earnings.to_dict(),
        "earnings_horizon": f.earnings_horizon,
        "debt_to_earnings": None if f.debt_to_earnings is None else str(f.debt_to_earnings),
        "annual_rate": str(f.annual_rate),
        "monthly_payment": f.monthly_payment.to_dict(),
        "occupation_wage": None if f.occupation_wage is None else f.occupation_wage.to_dict(),
    }
