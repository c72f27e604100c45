"""Browsing the catalog by career cluster and pathway, and by school subject.

**School subjects.** O*NET rates 33 Knowledge areas for each occupation
(importance 1-5, level 0-7).  Those that correspond to subjects taught in
school are mapped below, one Knowledge element per subject:

=====================  ===========  ===========================
subject                element      O*NET Knowledge area
=====================  ===========  ===========================
Mathematics            2.C.4.a      Mathematics
English                2.C.7.a      English Language
Biology                2.C.4.d      Biology
Chemistry              2.C.4.c      Chemistry
Physics                2.C.4.b      Physics
History                2.C.7.d      History and Archeology
Geography              2.C.4.g      Geography
Government and Civics  2.C.8.b      Law and Government
Economics              2.C.1.c      Economics and Accounting
Psychology             2.C.4.e      Psychology
Sociology              2.C.4.f      Sociology and Anthropology
World Languages        2.C.7.b      Foreign Language
Fine Arts              2.C.7.c      Fine Arts
Computer Science       2.C.3.a      Computers and Electronics
Engineering            2.C.3.b      Engineering and Technology
Business               2.C.1.a      Administration and Management
Communications         2.C.9.b      Communications and Media
Philosophy             2.C.7.e      Philosophy and Theology
Health Science         2.C.5.a      Medicine and Dentistry
=====================  ===========  ===========================

Occupations are ranked by the importance of that Knowledge area (then its
level, then title).  Physical education and similar subjects have no O*NET
Knowledge counterpart and are not offered.
"""

from __future__ import annotations

from typing import Final

import attrs

from ilpcore.exceptions import NotFoundError
from ilpcore.matching.catalog import ClusterAssignment, Occupation, OccupationCatalog, Rating

__all__ = [
    "SCHOOL_SUBJECTS",
    "SchoolSubject",
    "SubjectMatch",
    "by_subject",
    "career_clusters",
    "career_pathways",
    "cluster_name",
    "in_cluster",
    "pathway_name",
    "school_subject",
]


@attrs.frozen
class SchoolSubject:
    """A school subject and the O*NET Knowledge element that corresponds to it."""

    name: str
    element_id: str
    knowledge: str
    aliases: tuple[str, ...] = ()


SCHOOL_SUBJECTS: Final = (
    SchoolSubject("Mathematics", "2.C.4.a", "Mathematics", ("math", "maths", "algebra")),
    SchoolSubject("English", "2.C.7.a", "English Language", ("english language arts", "ela")),
    SchoolSubject("Biology", "2.C.4.d", "Biology", ("life science",)),
    SchoolSubject("Chemistry", "2.C.4.c", "Chemistry"),
    SchoolSubject("Physics", "2.C.4.b", "Physics"),
    SchoolSubject("History", "2.C.7.d", "History and Archeology", ("social studies",)),
    SchoolSubject("Geography", "2.C.4.g", "Geography"),
    SchoolSubject("Government and Civics", "2.C.8.b", "Law and Government", ("civics",)),
    SchoolSubject("Economics", "2.C.1.c", "Economics and Accounting", ("accounting",)),
    SchoolSubject("Psychology", "2.C.4.e", "Psychology"),
    SchoolSubject("Sociology", "2.C.4.f", "Sociology and Anthropology"),
    SchoolSubject("World Languages", "2.C.7.b", "Foreign Language", ("foreign language",)),
    SchoolSubject("Fine Arts", "2.C.7.c", "Fine Arts", ("art", "arts", "music", "drama")),
    SchoolSubject(
        "Computer Science", "2.C.3.a", "Computers and Electronics", ("computers", "coding")
    ),
    SchoolSubject("Engineering", "2.C.3.b", "Engineering and Technology", ("technology",)),
    SchoolSubject("Business", "2.C.1.a", "Administration and Management"),
    SchoolSubject("Communications", "2.C.9.b", "Communications and Media", ("journalism", "media")),
    SchoolSubject("Philosophy", "2.C.7.e", "Philosophy and Theology"),
    SchoolSubject("Health Science", "2.C.5.a", "Medicine and Dentistry", ("health",)),
)
"""School subjects and their O*NET Knowledge elements (see the module docs)."""


def school_subject(name: str) -> SchoolSubject:
    """The subject called ``name`` (or one of its aliases, or its Knowledge element id)."""
    key = " ".join(name.casefold().split())
    for s in SCHOOL_SUBJECTS:
        if key in (s.name.casefold(), s.element_id.casefold(), s.knowledge.casefold(), *s.aliases):
            return s
    known = ", ".join(s.name for s in SCHOOL_SUBJECTS)
    raise NotFoundError(f"no school subject {name!r}; known subjects: {known}")


@attrs.frozen
class SubjectMatch:
    """An occupation found by subject, with its rating of the subject's Knowledge area."""

    occupation: Occupation
    rating: Rating


def by_subject(
    catalog: OccupationCatalog,
    subject: str | SchoolSubject,
    *,
    min_importance: float = 1.0,
    limit: int | None = None,
) -> tuple[SubjectMatch, ...]:
    """Occupations for which the subject's Knowledge area matters most, most important first."""
    s = subject if isinstance(subject, SchoolSubject) else school_subject(subject)
    found = []
    for o in catalog.occupations:
        r = o.knowledge_of(s.element_id)
        if r is not None and r.importance >= min_importance:
            found.append(SubjectMatch(o, r))
    found.sort(key=lambda m: (-m.rating.importance, -(m.rating.level or 0.0), m.occupation.title))
    return tuple(found if limit is None else found[:limit])


def career_clusters(catalog: OccupationCatalog) -> tuple[str, ...]:
    """The career clusters of the catalog, sorted (empty when clusters are not joined)."""
    return catalog.clusters.clusters if catalog.clusters is not None else ()


def career_pathways(
    catalog: OccupationCatalog, cluster: str | None = None
) -> tuple[ClusterAssignment, ...]:
    """The (cluster, pathway) pairs, sorted; only those of ``cluster`` when given."""
    if catalog.clusters is None:
        return ()
    name = _resolve(career_clusters(catalog), cluster, "career cluster") if cluster else None
    return catalog.clusters.pathways(name)


def cluster_name(catalog: OccupationCatalog, name: str) -> str:
    """The career cluster ``name`` means (case-insensitive; a unique prefix is enough)."""
    return _resolve(career_clusters(catalog), name, "career cluster")


def pathway_name(catalog: OccupationCatalog, name: str) -> str:
    """The career pathway ``name`` means (case-insensitive; a unique prefix is enough)."""
    return _resolve(tuple(p.pathway for p in career_pathways(catalog)), name, "career pathway")


def in_cluster(
    catalog: OccupationCatalog, cluster: str | None = None, pathway: str | None = None
) -> tuple[Occupation, ...]:
    """Occupations of a career cluster and/or pathway (names case-insensitive), by title."""
    if cluster is not None:
        cluster = cluster_name(catalog, cluster)
    if pathway is not None:
        pathway = pathway_name(catalog, pathway)
    out = [
        o
        for o in catalog.occupations
        if any(
            (cluster is None or a.cluster == cluster) and (pathway is None or a.pathway == pathway)
            for a in catalog.clusters_of(o.code)
        )
    ]
    return tuple(sorted(out, key=lambda o: (o.title, o.code)))


def _resolve(names: tuple[str, ...], name: str, what: str) -> str:
    key = " ".join(name.casefold().split())
    for n in names:
        if n.casefold() == key:
            return n
    starts = sorted({n for n in names if n.casefold().startswith(key)})
    if len(starts) == 1:
        return starts[0]
    raise NotFoundError(f"no {what} {name!r}; choose one of: {', '.join(sorted(set(names)))}")
