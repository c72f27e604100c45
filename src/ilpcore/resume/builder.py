"""Building a resume from a plan and the student's spec.

What each section is built from:

* **objective**: the spec's objective, else the plan's first career aspiration;
* **education**: the student's school (``education``), with the class year, the unweighted GPA
  when the spec asks for it (:mod:`ilpcore.resume.gpa`), then honors, AP, IB and dual-credit
  courses completed or in progress (``course:<code>``), newest first;
* **work experience**, **community service**, **awards**: activities of that kind;
* **activities and leadership**: extracurricular, leadership and career activities;
* **skills**: the skills of the activities shown (excluded activities do not count), and the
  scales of *skills* assessments scored at least halfway up their scale (every scale when the
  scale has no bounds); spellings that differ only in case are one skill, sorted
  alphabetically;
* **interests**: the profile's interests, in the student's order.

Activities are listed newest first.  The spec then drops excluded entries, rewords overridden
ones and moves its ``first`` entries to the top of their sections; empty sections are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from ilpcore.model import (
    Activity,
    ActivityKind,
    AspirationArea,
    AssessmentKind,
    CourseAttribute,
    CourseRecord,
    CourseStatus,
    Plan,
    ResumeContact,
    ResumeSection,
    ResumeSpec,
)
from ilpcore.resume.gpa import unweighted_gpa
from ilpcore.resume.types import SECTION_TITLES, Resume, ResumeEntry, ResumeSectionView

__all__ = [
    "ACTIVITY_SECTIONS",
    "COURSEWORK_ATTRIBUTES",
    "assessment_skills",
    "build_resume",
    "course_entry_id",
    "skill_entry_id",
]

ACTIVITY_SECTIONS: dict[ResumeSection, tuple[ActivityKind, ...]] = {
    ResumeSection.WORK_EXPERIENCE: (ActivityKind.WORK_EXPERIENCE,),
    ResumeSection.COMMUNITY_SERVICE: (ActivityKind.COMMUNITY_SERVICE,),
    ResumeSection.ACTIVITIES: (
        ActivityKind.EXTRACURRICULAR,
        ActivityKind.LEADERSHIP,
        ActivityKind.CAREER_ACTIVITY,
    ),
    ResumeSection.AWARDS: (ActivityKind.AWARD,),
}
"""Which activity kinds each activity section shows."""

COURSEWORK_ATTRIBUTES: dict[CourseAttribute, str] = {
    CourseAttribute.AP: "AP",
    CourseAttribute.IB: "IB",
    CourseAttribute.HONORS: "Honors",
    CourseAttribute.DUAL_CREDIT: "Dual credit",
}
"""Course attributes that put a course on the resume, and how they are printed."""

_COURSEWORK_STATUSES = (CourseStatus.COMPLETED, CourseStatus.IN_PROGRESS)


def course_entry_id(course: CourseRecord) -> str:
    """``course:<course code>``."""
    return f"course:{course.course_code}"


def skill_entry_id(skill: str) -> str:
    """``skill:<skill in lower case>`` (case-folded, so ``Teamwork`` and ``teamwork`` are one)."""
    return f"skill:{skill.casefold()}"


def build_resume(plan: Plan, spec: ResumeSpec | None = None) -> Resume:
    """The resume of ``plan`` as ``spec`` (default: every section, no GPA) asks.

    >>> from ilpcore.samples import sample_plan
    >>> resume = build_resume(sample_plan())
    >>> [s.title for s in resume.sections]  # doctest: +NORMALIZE_WHITESPACE
    ['Objective', 'Education', 'Work Experience', 'Community Service',
     'Activities and Leadership', 'Awards', 'Skills', 'Interests']
    """
    spec = spec or ResumeSpec()
    excluded = frozenset(spec.excluded)
    sections = []
    for section in spec.sections:
        if section is ResumeSection.CONTACT:
            continue
        entries = _apply_spec(_entries(plan, spec, section, excluded), spec, excluded)
        if entries:
            sections.append(ResumeSectionView(section, SECTION_TITLES[section], entries))
    show_contact = ResumeSection.CONTACT in spec.sections
    return Resume(
        name=plan.student.name.display,
        contact=spec.contact if show_contact else ResumeContact(),
        sections=tuple(sections),
    )


def _apply_spec(
    entries: Iterable[ResumeEntry], spec: ResumeSpec, excluded: frozenset[str]
) -> tuple[ResumeEntry, ...]:
    kept: list[ResumeEntry] = []
    for entry in entries:
        if entry.id in excluded:
            continue
        override = spec.override(entry.id)
        if override is not None:
            entry = attrs.evolve(
                entry,
                title=override.title or entry.title,
                organization=override.organization or entry.organization,
                role=override.role or entry.role,
                description=override.description or entry.description,
            )
        kept.append(entry)
    rank = {entry_id: i for i, entry_id in enumerate(spec.first)}
    # sorted() is stable: entries not named in ``first`` keep their default order.
    return tuple(sorted(kept, key=lambda e: rank.get(e.id, len(rank))))


def _entries(
    plan: Plan, spec: ResumeSpec, section: ResumeSection, excluded: frozenset[str]
) -> Iterable[ResumeEntry]:
    if section is ResumeSection.OBJECTIVE:
        return _objective(plan, spec)
    if section is ResumeSection.EDUCATION:
        return _education(plan, spec)
    if section is ResumeSection.SKILLS:
        return _skills(plan, excluded)
    if section is ResumeSection.INTERESTS:
        interests = dict.fromkeys(plan.profile.interests)
        return (ResumeEntry(f"interest:{i}", i) for i in interests)
    kinds = ACTIVITY_SECTIONS[section]
    chosen = [a for a in plan.activities if a.kind in kinds]
    chosen.sort(key=lambda a: a.id)
    chosen.sort(key=lambda a: a.start, reverse=True)
    return (_activity_entry(a) for a in chosen)


def _objective(plan: Plan, spec: ResumeSpec) -> Iterator[ResumeEntry]:
    text = spec.objective
    if text is None:
        text = next(
            (a.text for a in plan.profile.aspirations if a.area is AspirationArea.CAREER), None
        )
    if text is not None:
        yield ResumeEntry("objective", text)


def _education(plan: Plan, spec: ResumeSpec) -> Iterator[ResumeEntry]:
    student = plan.student
    school = student.school
    enrollment = next((e for e in plan.profile.education_history if e.school.id == school.id), None)
    details = [f"Class of {student.cohort}"]
    if spec.show_gpa:
        gpa = unweighted_gpa(plan.courses)
        if gpa.value is not None:
            details.append(f"Unweighted GPA {gpa.value} (4.0 scale)")
    place = ", ".join(p for p in (school.district, school.state) if p is not None)
    yield ResumeEntry(
        "education",
        school.name,
        organization=place or None,
        start=None if enrollment is None else enrollment.start,
        end=None if enrollment is None else enrollment.end,
        ongoing=enrollment is not None and enrollment.end is None,
        details=tuple(details),
    )
    seen: set[str] = set()
    coursework = [
        c
        for c in plan.courses
        if c.status in _COURSEWORK_STATUSES and c.attributes & COURSEWORK_ATTRIBUTES.keys()
    ]
    coursework.sort(key=lambda c: (c.course_code, c.title))
    coursework.sort(key=lambda c: c.term, reverse=True)
    for c in coursework:
        entry_id = course_entry_id(c)
        if entry_id in seen:  # a course taken again: the latest one is shown
            continue
        seen.add(entry_id)
        labels = [label for a, label in COURSEWORK_ATTRIBUTES.items() if a in c.attributes]
        status = "" if c.status is CourseStatus.COMPLETED else ", in progress"
        yield ResumeEntry(
            entry_id,
            c.title,
            organization=c.institution,
            details=(", ".join(labels), c.term.label + status),
        )


def _activity_entry(a: Activity) -> ResumeEntry:
    grades = ""
    if a.grade_levels:
        levels = sorted(a.grade_levels)
        grades = ("Grade " if len(levels) == 1 else "Grades ") + ", ".join(map(str, levels))
    return ResumeEntry(
        a.id,
        a.title,
        organization=a.organization,
        role=a.role,
        start=a.start,
        end=a.end,
        ongoing=a.end is None and a.kind is not ActivityKind.AWARD,
        hours=a.hours,
        description=a.description,
        details=(grades,) if grades else (),
        kind=a.kind,
    )


def assessment_skills(plan: Plan) -> Iterator[str]:
    """The scales of *skills* assessments scored at least halfway up their scale."""
    for result in plan.assessments:
        if result.kind is not AssessmentKind.SKILLS:
            continue
        for s in result.scores:
            if s.minimum is None or s.maximum is None or 2 * s.value >= s.minimum + s.maximum:
                yield s.scale


def _skills(plan: Plan, excluded: frozenset[str]) -> Iterator[ResumeEntry]:
    spellings: dict[str, set[str]] = {}
    activity_skills = (skill for a in plan.activities if a.id not in excluded for skill in a.skills)
    for skill in (*activity_skills, *assessment_skills(plan)):
        spellings.setdefault(skill.casefold(), set()).add(skill)
    for key in sorted(spellings):
        yield ResumeEntry(f"skill:{key}", min(spellings[key]))
