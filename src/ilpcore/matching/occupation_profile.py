"""The occupation profile: everything a student sees about one occupation.

Description, tasks, wages (median and percentiles, national and the
student's state), outlook, entry education, top skills and knowledge, career
clusters and related occupations; rendered as text, as a JSON-ready dict and
as HTML in a notebook, always with the O*NET attribution (and the BLS
citations when wages or projections are shown).
"""

from __future__ import annotations

import textwrap
from typing import Any, Final

import attrs

from ilpcore.matching.attribution import (
    BLS_EP_CITATION,
    BLS_OEWS_CITATION,
    CAREER_CLUSTERS_ATTRIBUTION,
    ONET_ATTRIBUTION,
)
from ilpcore.matching.catalog import (
    PERCENTILES,
    ClusterAssignment,
    Occupation,
    OccupationCatalog,
    OccupationOutlook,
    OccupationWages,
    Rating,
    SocMatch,
    Task,
    WageStatus,
)
from ilpcore.matching.render import esc, html_list, html_table, json_number, money, wrap_html

__all__ = ["JOB_ZONE_NAMES", "OccupationProfile", "occupation_profile"]

JOB_ZONE_NAMES: Final = {
    1: "Little or No Preparation Needed",
    2: "Some Preparation Needed",
    3: "Medium Preparation Needed",
    4: "Considerable Preparation Needed",
    5: "Extensive Preparation Needed",
}
"""O*NET Job Zone names (``Job Zone Reference.txt``)."""

_MEASURES: Final = ("median", *PERCENTILES)
_LABELS: Final = {
    "mean": "mean",
    "pct10": "10th percentile",
    "pct25": "25th percentile",
    "median": "median",
    "pct75": "75th percentile",
    "pct90": "90th percentile",
}


@attrs.frozen
class OccupationProfile:
    """One occupation with its joined wages and outlook (see :func:`occupation_profile`)."""

    occupation: Occupation
    release: str
    tasks: tuple[Task, ...]
    skills: tuple[Rating, ...]
    knowledge: tuple[Rating, ...]
    clusters: tuple[ClusterAssignment, ...]
    related: tuple[tuple[str, str], ...]
    """``(code, title)`` of the most related occupations, most related first."""
    national_wages: OccupationWages | None
    state: str | None
    state_wages: OccupationWages | None
    outlook: OccupationOutlook | None

    # --- JSON --------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document (numbers as JSON numbers, suppressed wages as ``null``)."""
        o = self.occupation
        education = o.education
        return {
            "code": o.code,
            "title": o.title,
            "release": self.release,
            "description": o.description,
            "interest_code": o.interest_code,
            "job_zone": o.job_zone,
            "job_zone_name": JOB_ZONE_NAMES.get(o.job_zone) if o.job_zone else None,
            "tasks": [t.statement for t in self.tasks],
            "skills": [_rating(r) for r in self.skills],
            "knowledge": [_rating(r) for r in self.knowledge],
            "education": {
                "typical_entry_education_bls": (
                    self.outlook.projection.entry_education if self.outlook else None
                ),
                "work_experience_bls": (
                    self.outlook.projection.work_experience if self.outlook else None
                ),
                "training_bls": self.outlook.projection.training if self.outlook else None,
                "most_common_required_level_onet": (
                    education.typical_level_name if education else None
                ),
            },
            "wages": {
                "national": _wages(self.national_wages),
                "state": _wages(self.state_wages),
            },
            "outlook": _outlook(self.outlook),
            "clusters": [{"cluster": c.cluster, "pathway": c.pathway} for c in self.clusters],
            "related": [{"code": c, "title": t} for c, t in self.related],
            "attribution": ONET_ATTRIBUTION,
            "sources": self._sources(),
        }

    def _sources(self) -> list[str]:
        out = []
        if self.clusters:
            out.append(CAREER_CLUSTERS_ATTRIBUTION)
        if self.national_wages or self.state_wages:
            out.append(BLS_OEWS_CITATION)
        if self.outlook:
            out.append(BLS_EP_CITATION)
        return out

    # --- text --------------------------------------------------------------------------------

    def to_text(self, width: int = 88) -> str:
        o = self.occupation
        fill = textwrap.TextWrapper(width=width)
        bullet = textwrap.TextWrapper(width=width, initial_indent="  - ", subsequent_indent="    ")
        lines = [f"{o.title} ({o.code})", "=" * min(width, len(o.title) + len(o.code) + 3)]
        if o.description:
            lines += [*fill.wrap(o.description), ""]
        facts = []
        if o.interest_code:
            facts.append(f"Interests: {o.interest_code}")
        if o.job_zone:
            facts.append(f"Job Zone {o.job_zone}: {JOB_ZONE_NAMES[o.job_zone]}")
        if self.outlook:
            facts.append(f"Typical entry education: {self.outlook.projection.entry_education}")
        elif o.education:
            facts.append(f"Most common required education: {o.education.typical_level_name}")
        lines += facts + ([""] if facts else [])
        for label, wages in (("U.S.", self.national_wages), (self.state, self.state_wages)):
            if label is None:
                continue
            lines += fill.wrap(f"Wages, {_area_title(wages, label)}:")
            lines += _wage_lines(wages)
            lines.append("")
        if self.outlook:
            lines += [*_outlook_lines(self.outlook), ""]
        sections = (
            ("Tasks", [t.statement for t in self.tasks]),
            ("Top skills", [f"{r.name} (importance {r.importance:.2f})" for r in self.skills]),
            (
                "Top knowledge",
                [f"{r.name} (importance {r.importance:.2f})" for r in self.knowledge],
            ),
            ("Career clusters", [f"{c.cluster} / {c.pathway}" for c in self.clusters]),
            ("Related occupations", [f"{t} ({c})" for c, t in self.related]),
        )
        for title, items in sections:
            if items:
                lines.append(f"{title}:")
                for item in items:
                    lines += bullet.wrap(item)
                lines.append("")
        lines += fill.wrap(ONET_ATTRIBUTION)
        for source in self._sources():
            lines += fill.wrap(source)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    # --- HTML --------------------------------------------------------------------------------

    def _repr_html_(self) -> str:
        o = self.occupation
        parts = [f"<h3>{esc(o.title)} <small>({esc(o.code)}, {esc(self.release)})</small></h3>"]
        if o.description:
            parts.append(f"<p>{esc(o.description)}</p>")
        facts = []
        if o.interest_code:
            facts.append(f"Interests: {o.interest_code}")
        if o.job_zone:
            facts.append(f"Job Zone {o.job_zone}: {JOB_ZONE_NAMES[o.job_zone]}")
        if self.outlook:
            facts.append(f"Typical entry education: {self.outlook.projection.entry_education}")
        if facts:
            parts.append(html_list(facts))
        rows = []
        for label, wages in (("U.S.", self.national_wages), (self.state, self.state_wages)):
            if label is None or wages is None:
                continue
            s = wages.statistics
            rows.append(
                (
                    _area_title(wages, label),
                    *(_figure_text(s.figure(m)) for m in _MEASURES),
                    _figure_text(s.figure("median", hourly=True), hourly=True),
                )
            )
        if rows:
            parts.append("<h4>Wages (annual)</h4>")
            parts.append(
                html_table(
                    ("Area", *(_LABELS[m] for m in _MEASURES), "hourly median"),
                    rows,
                )
            )
        if self.outlook:
            parts.append("<h4>Outlook</h4>" + html_list(_outlook_lines(self.outlook)[1:]))
        for title, items in (
            ("Tasks", [t.statement for t in self.tasks]),
            ("Top skills", [r.name for r in self.skills]),
            ("Top knowledge", [r.name for r in self.knowledge]),
            ("Career clusters", [f"{c.cluster} / {c.pathway}" for c in self.clusters]),
            ("Related occupations", [f"{t} ({c})" for c, t in self.related]),
        ):
            if items:
                parts.append(f"<h4>{esc(title)}</h4>" + html_list(items))
        return wrap_html("".join(parts), *self._sources())


def occupation_profile(
    catalog: OccupationCatalog,
    code: str,
    *,
    state: str | None = None,
    tasks: int = 10,
    skills: int = 8,
    knowledge: int = 8,
    related: int = 10,
) -> OccupationProfile:
    """The profile of occupation ``code``; ``state`` adds that state's wages.

    Raises :class:`~ilpcore.exceptions.NotFoundError` for an unknown code or state.
    """
    o = catalog[code]
    core_first = sorted(o.tasks, key=lambda t: t.type is None or t.type.value != "core")
    return OccupationProfile(
        occupation=o,
        release=catalog.release,
        tasks=tuple(core_first[:tasks]),
        skills=o.top_skills(skills),
        knowledge=o.top_knowledge(knowledge),
        clusters=catalog.clusters_of(code),
        related=tuple(
            (r.code, catalog[r.code].title) for r in o.related[:related] if r.code in catalog
        ),
        national_wages=catalog.wages_of(code),
        state=state,
        state_wages=catalog.wages_of(code, state) if state is not None else None,
        outlook=catalog.outlook_of(code),
    )


def _rated(r: Rating) -> str:
    return f"{r.name} (importance {r.importance:.2f})"


def _rating(r: Rating) -> dict[str, Any]:
    return {
        "element_id": r.element_id,
        "name": r.name,
        "importance": r.importance,
        "level": r.level,
    }


def _wages(w: OccupationWages | None) -> dict[str, Any] | None:
    if w is None:
        return None
    s = w.statistics
    annual = {m: json_number(s.figure(m).value) for m in ("mean", *PERCENTILES)}
    hourly = {m: json_number(s.figure(m, hourly=True).value) for m in ("mean", *PERCENTILES)}
    suppressed = {
        f"{kind}_{m}": s.figure(m, hourly=kind == "hourly").status.value
        for kind in ("annual", "hourly")
        for m in ("mean", *PERCENTILES)
        if s.figure(m, hourly=kind == "hourly").status is not WageStatus.PUBLISHED
    }
    return {
        "area": s.area,
        "area_title": s.area_title,
        "soc_code": w.soc_code,
        "soc_title": s.title,
        "match": w.match.value,
        "release": w.release,
        "employment": s.employment,
        "annual": annual,
        "hourly": hourly,
        "suppressed": suppressed,
    }


def _outlook(o: OccupationOutlook | None) -> dict[str, Any] | None:
    if o is None:
        return None
    p = o.projection
    return {
        "period": o.period,
        "soc_code": o.soc_code,
        "soc_title": p.title,
        "match": o.match.value,
        "employment_thousands": json_number(p.employment_base),
        "projected_employment_thousands": json_number(p.employment_projected),
        "growth_percent": json_number(p.change_percent),
        "annual_openings_thousands": json_number(p.openings),
        "bright_outlook": p.bright_outlook,
        "entry_education": p.entry_education,
        "work_experience": p.work_experience,
        "training": p.training,
        "ooh_url": p.ooh_url,
    }


def _area_title(w: OccupationWages | None, fallback: str) -> str:
    if w is None:
        return fallback
    title = w.statistics.area_title
    if w.match is not SocMatch.DETAILED:
        title += f" (BLS {w.match.value} code {w.soc_code}: {w.statistics.title})"
    return title


def _figure_text(figure: Any, *, hourly: bool = False) -> str:
    if figure.value is not None:
        return money(figure.value, hourly=hourly)
    return str(figure)


def _wage_lines(w: OccupationWages | None) -> list[str]:
    if w is None:
        return ["  not published by BLS"]
    s = w.statistics
    lines = [
        f"  annual {_LABELS[m]}: {_figure_text(s.figure(m))}"
        for m in ("median", "pct10", "pct25", "pct75", "pct90")
    ]
    lines.append(f"  hourly median: {_figure_text(s.figure('median', hourly=True), hourly=True)}")
    if s.employment is not None:
        lines.append(f"  employment: {s.employment:,}")
    return lines


def _outlook_lines(o: OccupationOutlook) -> list[str]:
    p = o.projection
    code = "" if o.match is SocMatch.DETAILED else f" (BLS {o.match.value} code {o.soc_code})"
    lines = [
        f"Outlook {o.period}{code}:",
        f"  employment change: {p.change_percent:+}% "
        f"({p.employment_base:,} to {p.employment_projected:,} thousand)",
        f"  openings per year: {p.openings:,} thousand",
        f"  bright outlook: {'yes' if p.bright_outlook else 'no'}",
        f"  typical entry education: {p.entry_education}",
        f"  work experience: {p.work_experience}; on-the-job training: {p.training}",
    ]
    return lines
