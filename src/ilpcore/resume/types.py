"""The built resume: sections of entries, ready to render or export.

A :class:`Resume` is a pure function of a plan and a
:class:`~ilpcore.model.ResumeSpec` (see :func:`ilpcore.resume.build_resume`); it is never
edited by hand, so it is not a model type and has no document form of its own.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from ilpcore.model import ActivityKind, ResumeContact, ResumeSection

__all__ = ["SECTION_TITLES", "Resume", "ResumeEntry", "ResumeSectionView"]

SECTION_TITLES: dict[ResumeSection, str] = {
    ResumeSection.CONTACT: "Contact",
    ResumeSection.OBJECTIVE: "Objective",
    ResumeSection.EDUCATION: "Education",
    ResumeSection.WORK_EXPERIENCE: "Work Experience",
    ResumeSection.COMMUNITY_SERVICE: "Community Service",
    ResumeSection.ACTIVITIES: "Activities and Leadership",
    ResumeSection.AWARDS: "Awards",
    ResumeSection.SKILLS: "Skills",
    ResumeSection.INTERESTS: "Interests",
}
"""The heading each section is printed under."""


@attrs.frozen
class ResumeEntry:
    """One line item of a section: a job, a course, an award, a skill...

    Only ``id`` and ``title`` are always set; renderers skip what is ``None`` or empty.
    """

    id: str
    """The entry id a :class:`~ilpcore.model.ResumeSpec` names it by."""
    title: str
    organization: str | None = None
    role: str | None = None
    start: date | None = None
    end: date | None = None
    ongoing: bool = False
    """Started and not yet ended (shown as "to present")."""
    hours: Decimal | None = None
    description: str | None = None
    details: tuple[str, ...] = ()
    """Short facts shown after the entry, e.g. ``("AP", "2026-27")`` or ``("GPA 3.71",)``."""
    kind: ActivityKind | None = None
    """The activity kind, for entries built from an activity."""

    @property
    def period(self) -> str | None:
        """``2025-03-01 to present``, ``2025-06-02 to 2025-08-08``, ``2025-04-12``, or None."""
        if self.start is None:
            return None
        if self.ongoing:
            return f"{self.start.isoformat()} to present"
        if self.end is None or self.end == self.start:
            return self.start.isoformat()
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    @property
    def facts(self) -> tuple[str, ...]:
        """What is printed under the headline: period, hours, then the details."""
        return tuple(f for f in (self.period, self.hours_text, *self.details) if f)

    @property
    def hours_text(self) -> str | None:
        """``86 hours``, ``1 hour``, ``2.5 hours``, or None."""
        if self.hours is None:
            return None
        n = self.hours.normalize()
        text = f"{n:f}"
        return f"{text} hour" if n == 1 else f"{text} hours"


@attrs.frozen
class ResumeSectionView:
    """One section as built: its kind, heading and entries (never empty)."""

    section: ResumeSection
    title: str
    entries: tuple[ResumeEntry, ...]


@attrs.frozen
class Resume:
    """A student's resume, built from their plan and their spec."""

    name: str
    contact: ResumeContact
    """The details to print under the name; all ``None`` when the contact section is off."""
    sections: tuple[ResumeSectionView, ...]
    """Sections in the spec's order, apart from contact (printed as the header)."""

    def section(self, section: ResumeSection) -> ResumeSectionView | None:
        """The built section, or ``None`` if it is off or has no entries."""
        for s in self.sections:
            if s.section is section:
                return s
        return None

    @property
    def contact_lines(self) -> tuple[str, ...]:
        """The contact details shown, in a fixed order."""
        c = self.contact
        return tuple(v for v in (c.email, c.phone, c.location, c.url) if v is not None)
