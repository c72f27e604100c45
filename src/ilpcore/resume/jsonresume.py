"""Export to JSON Resume (schema 1.x), so the student can use that ecosystem's themes.

The standard fields carry what a resume shows, after the spec is applied (exclusions, order,
overrides):

========================  ==================================================================
ilpcore                   JSON Resume
========================  ==================================================================
name, contact, objective  ``basics``: ``name``, ``email``, ``phone``, ``url``,
                          ``location.city`` (the spec's location text), ``summary``
education (school)        ``education[0]``: ``institution``, ``studyType`` "High school
                          diploma", ``startDate``, ``endDate`` (class year), ``score`` (GPA
                          as ``3.66/4.0``), ``courses`` (coursework, with its details)
work experience           ``work``: ``position`` (title), ``name`` (organization),
                          ``startDate``, ``endDate``, ``summary``, ``highlights`` (facts)
community service         ``volunteer``: ``position``, ``organization``, dates, ``summary``,
                          ``highlights``
activities, leadership    ``projects``: ``name``, ``entity``, ``roles``, ``type`` (the kind),
                          dates, ``description``, ``highlights``
awards                    ``awards``: ``title``, ``date``, ``awarder``, ``summary``
skills, interests         ``skills[].name``, ``interests[].name``
========================  ==================================================================

An ongoing activity has no ``endDate``.  What JSON Resume has no place for goes under
``meta.ilpcore`` (see :data:`META_VERSION`): the spec (as an ilpcore document); the student's
name parts, grade, class year and school (never the student id, state id or birth date); the
enrollment dates; for each exported activity its id, kind, role, end date, hours, grade levels
and skills; and the courses the education entry is built from: the coursework shown and, when
the GPA is shown, the graded courses it is computed from (leave the GPA off to keep marks out
of the file).  :func:`ilpcore.resume.jsonresume_import.from_json_resume` reads it back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from ilpcore._version import __version__
from ilpcore.model import (
    Activity,
    CourseRecord,
    CourseStatus,
    Plan,
    ResumeSection,
    ResumeSpec,
)
from ilpcore.resume.builder import build_resume, course_entry_id
from ilpcore.resume.types import Resume, ResumeEntry
from ilpcore.serialization import to_document

__all__ = ["JSON_RESUME_SCHEMA_URL", "META_VERSION", "STUDY_TYPE", "to_json_resume"]

JSON_RESUME_SCHEMA_URL = (
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
)
"""The ``$schema`` of exported documents."""

META_VERSION = 1
"""The version of the ``meta.ilpcore`` block."""

STUDY_TYPE = "High school diploma"
"""The ``studyType`` of the school entry."""

_ACTIVITY_ARRAYS: dict[ResumeSection, str] = {
    ResumeSection.WORK_EXPERIENCE: "work",
    ResumeSection.COMMUNITY_SERVICE: "volunteer",
    ResumeSection.ACTIVITIES: "projects",
    ResumeSection.AWARDS: "awards",
}
"""Which JSON Resume array each activity section goes to."""

_NAMED_ARRAYS = {ResumeSection.SKILLS: "skills", ResumeSection.INTERESTS: "interests"}
"""Sections exported as ``[{"name": ...}]``; ``meta.ilpcore.names`` keeps the plan's wording."""


def to_json_resume(plan: Plan, spec: ResumeSpec | None = None) -> dict[str, Any]:
    """The resume of ``plan`` as a JSON Resume document (plain JSON types).

    >>> from ilpcore.samples import sample_plan
    >>> document = to_json_resume(sample_plan())
    >>> document["basics"]["name"], document["work"][0]["position"]
    ('Maya Okafor', 'Cashier')
    >>> document["meta"]["ilpcore"]["activities"]["work"][0]["id"]
    'A-job'
    """
    spec = spec or ResumeSpec()
    resume = build_resume(plan, spec)
    # The plan's own wording of each entry, before the student's overrides.
    plain = build_resume(plan, attrs.evolve(spec, overrides=()))
    source_titles = {e.id: e.title for s in plain.sections for e in s.entries}
    activities = {a.id: a for a in plan.activities}
    document: dict[str, Any] = {"$schema": JSON_RESUME_SCHEMA_URL, "basics": _basics(resume)}
    meta_activities: dict[str, list[dict[str, Any]]] = {}
    meta_names: dict[str, list[str]] = {}
    for section in resume.sections:
        if section.section is ResumeSection.EDUCATION:
            document["education"] = [_education(section.entries)]
        elif section.section in _ACTIVITY_ARRAYS:
            key = _ACTIVITY_ARRAYS[section.section]
            document[key] = [_ACTIVITY_EXPORTS[key](e) for e in section.entries]
            meta_activities[key] = [_activity_meta(activities[e.id], e) for e in section.entries]
        elif section.section in _NAMED_ARRAYS:
            key = _NAMED_ARRAYS[section.section]
            document[key] = [{"name": e.title} for e in section.entries]
            meta_names[key] = [source_titles[e.id] for e in section.entries]
    document["meta"] = {
        "version": "v1.0.0",
        "ilpcore": {
            "version": META_VERSION,
            "generator": f"ilpcore {__version__}",
            "spec": to_document(spec),
            "student": _student_meta(plan),
            "activities": meta_activities,
            "names": meta_names,
            "courses": [to_document(c) for c in _courses_meta(plan, spec, resume)],
        },
    }
    return document


def _basics(resume: Resume) -> dict[str, Any]:
    basics: dict[str, Any] = {"name": resume.name}
    c = resume.contact
    for key, value in (("email", c.email), ("phone", c.phone), ("url", c.url)):
        if value is not None:
            basics[key] = value
    if c.location is not None:
        basics["location"] = {"city": c.location}
    objective = resume.section(ResumeSection.OBJECTIVE)
    if objective is not None:
        basics["summary"] = objective.entries[0].title
    return basics


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _put(target: dict[str, Any], **values: object) -> dict[str, Any]:
    """``target`` with the values that are set (``None`` and empty lists are left out)."""
    target.update({k: v for k, v in values.items() if v is not None and v != []})
    return target


def _education(entries: tuple[ResumeEntry, ...]) -> dict[str, Any]:
    school = next((e for e in entries if e.id == "education"), None)
    courses = [f"{e.title} ({'; '.join(e.details)})" for e in entries if e.id.startswith("course:")]
    if school is None:
        return _put({}, courses=courses)
    gpa = next((d for d in school.details if d.startswith("Unweighted GPA ")), None)
    cohort = next(d for d in school.details if d.startswith("Class of "))
    return _put(
        {"institution": school.title, "studyType": STUDY_TYPE},
        startDate=_iso(school.start),
        endDate=cohort.removeprefix("Class of "),
        score=None if gpa is None else gpa.split()[2] + "/4.0",
        courses=courses,
    )


def _dates(e: ResumeEntry) -> dict[str, Any]:
    return _put({}, startDate=_iso(e.start), endDate=None if e.ongoing else _iso(e.end))


def _highlights(e: ResumeEntry) -> list[str]:
    return [f for f in (e.hours_text, *e.details) if f]


def _work(e: ResumeEntry) -> dict[str, Any]:
    document = _put({"position": e.title}, name=e.organization, **_dates(e))
    return _put(document, summary=e.description, highlights=_highlights(e))


def _volunteer(e: ResumeEntry) -> dict[str, Any]:
    document = _put({"position": e.title}, organization=e.organization, **_dates(e))
    return _put(document, summary=e.description, highlights=_highlights(e))


def _project(e: ResumeEntry) -> dict[str, Any]:
    kind = None if e.kind is None else e.kind.value.replace("_", " ")
    document = _put({"name": e.title}, entity=e.organization, type=kind, **_dates(e))
    roles = [e.role] if e.role else []
    return _put(document, roles=roles, description=e.description, highlights=_highlights(e))


def _award(e: ResumeEntry) -> dict[str, Any]:
    return _put(
        {"title": e.title}, date=_iso(e.start), awarder=e.organization, summary=e.description
    )


_ACTIVITY_EXPORTS = {"work": _work, "volunteer": _volunteer, "projects": _project, "awards": _award}


def _activity_meta(a: Activity, e: ResumeEntry) -> dict[str, Any]:
    return _put(
        {"id": a.id, "kind": a.kind.value},
        role=e.role,
        end=_iso(a.end),
        hours=None if a.hours is None else str(a.hours),
        gradeLevels=list(a.grade_levels),
        skills=list(a.skills),
    )


def _student_meta(plan: Plan) -> dict[str, Any]:
    s = plan.student
    school = plan.student.school
    enrollment = next((e for e in plan.profile.education_history if e.school.id == school.id), None)
    name = _put({"given": s.name.given, "family": s.name.family}, middle=s.name.middle)
    return _put(
        {
            "name": _put(name, preferred=s.name.preferred),
            "gradeLevel": s.grade_level,
            "cohort": s.cohort,
            "school": _put(
                {"id": school.id, "name": school.name},
                state=school.state,
                district=school.district,
            ),
        },
        enrollment=None
        if enrollment is None
        else _put({"start": enrollment.start.isoformat()}, end=_iso(enrollment.end)),
    )


def _courses_meta(plan: Plan, spec: ResumeSpec, resume: Resume) -> list[CourseRecord]:
    education = resume.section(ResumeSection.EDUCATION)
    if education is None:
        return []
    shown = {e.id for e in education.entries}
    gpa_shown = "education" in shown and spec.show_gpa
    graded = (CourseStatus.COMPLETED, CourseStatus.FAILED)
    # No de-duplication: a course recorded twice counts twice in the GPA.
    return [
        c
        for c in plan.courses
        if (gpa_shown and c.status in graded and c.mark is not None) or course_entry_id(c) in shown
    ]
