"""``ilp careers browse`` and ``ilp careers select``: browsing and the career selector.

Registered in :data:`ilpcore.cli.careers.SUBCOMMANDS`.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any

from ilpcore.cli.app import print_json
from ilpcore.cli.careers import (
    SubParsers,
    add_catalog_command,
    catalog_from_args,
    cluster_option,
    limit_option,
    option,
    pathway_option,
)
from ilpcore.matching import (
    CAREER_CLUSTERS_ATTRIBUTION,
    ENTRY_EDUCATION_LEVELS,
    ONET_ATTRIBUTION,
    SCHOOL_SUBJECTS,
    CareerFilter,
    OccupationCatalog,
    by_subject,
    career_pathways,
    cluster_name,
    in_cluster,
    pathway_name,
    school_subject,
    select,
)

__all__ = ["add_browse_command", "add_select_command"]


def add_browse_command(group: SubParsers) -> None:
    add_catalog_command(
        group,
        "browse",
        help="list occupations by career cluster, pathway or school subject",
        description="Without options: the career clusters, their pathways and the school "
        "subjects. With --cluster/--pathway or --subject: the occupations.",
        handler=run_browse,
        options=(
            cluster_option("a career cluster (name, case-insensitive)"),
            pathway_option("a career pathway"),
            option("--subject", help="a school subject, e.g. Mathematics, Biology, Art"),
            limit_option(25, "subject: show at most this many (default 25)"),
        ),
    )


def run_browse(args: argparse.Namespace) -> int:
    catalog = catalog_from_args(args)
    if args.subject:
        doc = _by_subject(catalog, args.subject, args.limit)
    elif args.cluster or args.pathway:
        doc = _by_cluster(catalog, args.cluster, args.pathway)
    else:
        doc = _overview(catalog)
    doc["attribution"] = ONET_ATTRIBUTION
    if args.json:
        print_json(doc)
        return 0
    print(doc.pop("heading"))
    for line in doc.pop("lines"):
        print(line)
    print()
    print(ONET_ATTRIBUTION)
    if "cluster_attribution" in doc:
        print(CAREER_CLUSTERS_ATTRIBUTION)
    return 0


def _overview(catalog: OccupationCatalog) -> dict[str, Any]:
    pairs = career_pathways(catalog)
    clusters: dict[str, list[str]] = {}
    for p in pairs:
        clusters.setdefault(p.cluster, []).append(p.pathway)
    lines = [f"{c}\n" + "\n".join(f"  - {p}" for p in ps) for c, ps in clusters.items()]
    lines.append("\nSchool subjects (O*NET Knowledge area):")
    lines += [f"  {s.name} ({s.knowledge})" for s in SCHOOL_SUBJECTS]
    return {
        "heading": f"Career clusters and pathways ({catalog.release})",
        "lines": lines,
        "release": catalog.release,
        "clusters": [{"cluster": c, "pathways": ps} for c, ps in clusters.items()],
        "school_subjects": [
            {"subject": s.name, "knowledge_element": s.element_id, "knowledge": s.knowledge}
            for s in SCHOOL_SUBJECTS
        ],
        "cluster_attribution": CAREER_CLUSTERS_ATTRIBUTION,
    }


def _by_cluster(
    catalog: OccupationCatalog, cluster: str | None, pathway: str | None
) -> dict[str, Any]:
    occupations = in_cluster(catalog, cluster, pathway)
    cluster = cluster_name(catalog, cluster) if cluster else None
    pathway = pathway_name(catalog, pathway) if pathway else None
    label = " / ".join(x for x in (cluster, pathway) if x)
    return {
        "heading": f"{len(occupations)} occupations in {label} ({catalog.release})",
        "lines": [f"{o.code}  {o.title}" for o in occupations],
        "release": catalog.release,
        "cluster": cluster,
        "pathway": pathway,
        "occupations": [{"code": o.code, "title": o.title} for o in occupations],
        "cluster_attribution": CAREER_CLUSTERS_ATTRIBUTION,
    }


def _by_subject(catalog: OccupationCatalog, name: str, limit: int) -> dict[str, Any]:
    subject = school_subject(name)
    matches = by_subject(catalog, subject, limit=limit or None)
    return {
        "heading": (
            f"Occupations where {subject.name} matters most "
            f"(O*NET Knowledge: {subject.knowledge}; {catalog.release})"
        ),
        "lines": [
            f"{m.occupation.code}  {m.occupation.title}  (importance {m.rating.importance:.2f})"
            for m in matches
        ],
        "release": catalog.release,
        "subject": subject.name,
        "knowledge_element": subject.element_id,
        "occupations": [
            {
                "code": m.occupation.code,
                "title": m.occupation.title,
                "importance": m.rating.importance,
                "level": m.rating.level,
            }
            for m in matches
        ],
    }


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", "").removeprefix("$"))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def add_select_command(group: SubParsers) -> None:
    add_catalog_command(
        group,
        "select",
        help="career selector: filter on preparation, wage, outlook, cluster, interests",
        description="Keep occupations meeting every option given.",
        handler=run_select,
        options=(
            option(
                "--job-zone",
                type=int,
                action="append",
                choices=range(1, 6),
                help="Job Zone (repeatable)",
            ),
            option(
                "--max-education",
                choices=ENTRY_EDUCATION_LEVELS,
                metavar="LEVEL",
                help='highest typical entry education (BLS), e.g. "Associate\'s degree"',
            ),
            option("--min-wage", type=_decimal, help="minimum annual median wage"),
            option("--state", help="use this state's wages (e.g. KY)"),
            option("--min-growth", type=_decimal, help="minimum projected growth, percent"),
            option("--bright", action="store_true", help="only occupations with a bright outlook"),
            cluster_option("a career cluster"),
            pathway_option("a career pathway"),
            option("--interests", help="RIASEC letters of the first interest high point"),
            option("--sort", choices=("title", "wage", "growth"), default="title"),
            limit_option(0, "show at most this many (0 = all)"),
        ),
    )


def run_select(args: argparse.Namespace) -> int:
    catalog = catalog_from_args(args)
    criteria = CareerFilter(
        job_zones=frozenset(args.job_zone or ()),
        max_entry_education=args.max_education,
        min_median_wage=args.min_wage,
        state=args.state,
        min_growth=args.min_growth,
        bright_outlook=True if args.bright else None,
        cluster=args.cluster,
        pathway=args.pathway,
        interests=args.interests,
    )
    selection = select(catalog, criteria, sort=args.sort)
    if args.json:
        doc = selection.to_dict()
        if args.limit:
            doc["occupations"] = doc["occupations"][: args.limit]
        print_json(doc)
    else:
        print(selection.to_text(limit=args.limit or None))
    return 0
