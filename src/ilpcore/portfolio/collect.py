"""The portfolio of a plan: activities by school year and kind, with their reflections, work
samples and hours, ready to render.

A :class:`Portfolio` is a pure function of a plan (see :func:`build_portfolio`); like a resume
it is never edited, so it is not a model type. Activities are placed in the school year they
started in, as :func:`~ilpcore.resume.hours.hours_totals` counts their hours.

>>> from ilpcore.samples import sample_plan
>>> portfolio = build_portfolio(sample_plan(), as_of=date(2025, 12, 1))
>>> for year in portfolio.years:
...     print(year.label, [group.title for group in year.groups])
2024-25 ['Community service', 'Work experience', 'Extracurricular', 'Awards']
2025-26 ['Career activities', 'Extracurricular']
>>> portfolio.hours.total_text, portfolio.hours.rows[0]
('232', HoursRow(label='2024-25', cells=('86', '140', ''), total='226'))
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from ilpcore.model import Activity, ActivityKind, Artifact, Plan, Reflection, SubjectKind
from ilpcore.portfolio.media import ACCEPTED_TYPES
from ilpcore.portfolio.names import export_name
from ilpcore.resume.hours import HoursTotals, hours_totals, school_year_label, school_year_of

__all__ = [
    "FILES_FOLDER",
    "KIND_TITLES",
    "UNKNOWN_EXTENSION",
    "HoursRow",
    "HoursTable",
    "Portfolio",
    "PortfolioActivity",
    "PortfolioFile",
    "PortfolioGroup",
    "PortfolioYear",
    "build_portfolio",
]

FILES_FOLDER: Final = "files"
"""The folder of an export that holds the work samples."""
UNKNOWN_EXTENSION: Final = ".bin"
"""The extension of a sample whose media type is not an accepted one (stored by other means):
a browser downloads such a file rather than opening it."""

KIND_TITLES: Final = {
    ActivityKind.COMMUNITY_SERVICE: "Community service",
    ActivityKind.WORK_EXPERIENCE: "Work experience",
    ActivityKind.CAREER_ACTIVITY: "Career activities",
    ActivityKind.EXTRACURRICULAR: "Extracurricular",
    ActivityKind.LEADERSHIP: "Leadership",
    ActivityKind.AWARD: "Awards",
}
"""The heading of each kind of activity."""


@attrs.frozen
class PortfolioFile:
    """A work sample and the name it is saved under in an export."""

    artifact: Artifact
    filename: str
    """A safe name inside :data:`FILES_FOLDER`, such as ``01-care-plan.pdf``."""
    reflections: tuple[Reflection, ...]
    """Reflections about this work sample."""

    @property
    def href(self) -> str:
        """The relative link from the index page."""
        return f"{FILES_FOLDER}/{self.filename}"

    @property
    def is_image(self) -> bool:
        """Whether the index shows a preview of it."""
        accepted = ACCEPTED_TYPES.get(self.artifact.media_type)
        return accepted is not None and accepted.is_image

    @property
    def kind(self) -> str:
        """What kind of file it is, for people: ``a PDF document``."""
        accepted = ACCEPTED_TYPES.get(self.artifact.media_type)
        return accepted.description if accepted is not None else self.artifact.media_type


@attrs.frozen
class PortfolioActivity:
    """An activity with what the student wrote about it and the work samples linked to it."""

    activity: Activity
    reflections: tuple[Reflection, ...]
    files: tuple[PortfolioFile, ...]

    @property
    def period(self) -> str:
        """``2025-03-01 to present``, ``2025-06-02 to 2025-08-08`` or ``2025-04-12``."""
        a = self.activity
        if a.end is None and a.kind is not ActivityKind.AWARD:
            return f"{a.start.isoformat()} to present"
        if a.end is None or a.end == a.start:
            return a.start.isoformat()
        return f"{a.start.isoformat()} to {a.end.isoformat()}"


@attrs.frozen
class PortfolioGroup:
    """The activities of one kind in one school year."""

    kind: ActivityKind
    title: str
    activities: tuple[PortfolioActivity, ...]


@attrs.frozen
class PortfolioYear:
    """One school year (July to June, named by the year it starts in)."""

    school_year: int
    label: str
    """``2024-25``."""
    groups: tuple[PortfolioGroup, ...]


@attrs.frozen
class HoursRow:
    """Hours of one school year: one cell per column of :class:`HoursTable` (``""`` for none)."""

    label: str
    cells: tuple[str, ...]
    total: str


@attrs.frozen
class HoursTable:
    """Service, work and other hours per school year (rows) and kind (columns)."""

    kinds: tuple[str, ...]
    """The column headings: the kinds that have hours."""
    rows: tuple[HoursRow, ...]
    totals: tuple[str, ...]
    """Per kind, over every year."""
    total_text: str
    spanning: tuple[str, ...]
    """Titles of activities whose hours all count in their first year but ran past it."""

    @classmethod
    def of(cls, totals: HoursTotals, activities: tuple[Activity, ...]) -> HoursTable:
        by_kind = totals.by_kind()
        kinds = tuple(by_kind)
        cells = {(y, k): h for y, k, h in totals.cells}
        rows = tuple(
            HoursRow(
                school_year_label(year),
                tuple(_hours(cells.get((year, k))) for k in kinds),
                _hours(hours),
            )
            for year, hours in totals.by_year().items()
        )
        titles = {a.id: a.title for a in activities}
        return cls(
            tuple(KIND_TITLES[k] for k in kinds),
            rows,
            tuple(_hours(by_kind[k]) for k in kinds),
            _hours(totals.total),
            tuple(titles[i] for i in totals.spanning),
        )


def _hours(value: Decimal | None) -> str:
    return "" if value is None else str(value)


@attrs.frozen
class Portfolio:
    """A student's portfolio: see :func:`build_portfolio`."""

    student_id: str
    student_name: str
    school: str
    cohort: int
    as_of: date
    years: tuple[PortfolioYear, ...]
    """School years in order, each with its activities by kind."""
    hours: HoursTable
    hours_totals: HoursTotals
    files: tuple[PortfolioFile, ...]
    """Every work sample, in the plan's order (their numbers)."""
    other_files: tuple[PortfolioFile, ...]
    """Work samples linked to no activity."""
    other_reflections: tuple[Reflection, ...]
    """Reflections about neither an activity nor a work sample (goals, assessments...)."""


def build_portfolio(plan: Plan, *, as_of: date | None = None) -> Portfolio:
    """The portfolio of ``plan``; ``as_of`` (default today) dates it and ends ongoing
    activities for the hours' :attr:`~ilpcore.resume.hours.HoursTotals.spanning` list."""
    today = as_of or date.today()
    about_activity: dict[str, list[Reflection]] = {}
    about_artifact: dict[str, list[Reflection]] = {}
    other_reflections = []
    for reflection in sorted(plan.reflections, key=lambda r: (r.written_on, r.id)):
        placed = False
        for ref in reflection.about:
            if ref.kind is SubjectKind.ACTIVITY:
                about_activity.setdefault(ref.id, []).append(reflection)
                placed = True
            elif ref.kind is SubjectKind.ARTIFACT:
                about_artifact.setdefault(ref.id, []).append(reflection)
                placed = True
        if not placed:
            other_reflections.append(reflection)
    files = tuple(
        PortfolioFile(
            artifact,
            export_name(number, artifact.title, _extension(artifact.media_type)),
            tuple(about_artifact.get(artifact.id, ())),
        )
        for number, artifact in enumerate(plan.artifacts, start=1)
    )
    files_of: dict[str, list[PortfolioFile]] = {}
    for file in files:
        for ref in file.artifact.about:
            if ref.kind is SubjectKind.ACTIVITY:
                files_of.setdefault(ref.id, []).append(file)
    order = {k: i for i, k in enumerate(ActivityKind)}
    cells: dict[int, dict[ActivityKind, list[PortfolioActivity]]] = {}
    for activity in sorted(plan.activities, key=lambda a: (a.start, order[a.kind], a.title)):
        entry = PortfolioActivity(
            activity,
            tuple(about_activity.get(activity.id, ())),
            tuple(files_of.get(activity.id, ())),
        )
        year = cells.setdefault(school_year_of(activity.start), {})
        year.setdefault(activity.kind, []).append(entry)
    years = tuple(
        PortfolioYear(
            year,
            school_year_label(year),
            tuple(
                PortfolioGroup(kind, KIND_TITLES[kind], tuple(by_kind[kind]))
                for kind in ActivityKind
                if kind in by_kind
            ),
        )
        for year, by_kind in sorted(cells.items())
    )
    totals = hours_totals(plan.activities, as_of=today)
    return Portfolio(
        plan.student.id,
        plan.student.name.display,
        plan.student.school.name,
        plan.student.cohort,
        today,
        years,
        HoursTable.of(totals, plan.activities),
        totals,
        files,
        tuple(
            f for f in files if not any(r.kind is SubjectKind.ACTIVITY for r in f.artifact.about)
        ),
        tuple(other_reflections),
    )


def _extension(media_type: str) -> str:
    accepted = ACCEPTED_TYPES.get(media_type)
    return accepted.extensions[0] if accepted is not None else UNKNOWN_EXTENSION
