"""Import a JSON Resume document into an ILP's activities and education.

The mapping is the one :mod:`ilpcore.resume.jsonresume` exports.  When the document carries
ilpcore's ``meta.ilpcore`` block (and an array still has as many items as its meta list), the
ILP-only facts come from it and building the resume again gives back the same resume.

Without it (a resume written elsewhere):

* the student gets the id ``imported``, grade 12, and the last word of ``basics.name`` as
  family name;
* activities get ids such as ``work-1``, the kind their array implies (``projects`` are
  extracurricular unless ``type`` names a kind), and no hours;
* the school gets the id ``imported-school``; coursework is not imported; a document without a
  school (``education[0].institution``) gets a placeholder school and class year (the import
  year), which its resume does not show;
* dates given as ``YYYY`` or ``YYYY-MM`` mean the first day of that year or month; an item
  without a start date starts on ``imported_on``.

Skills that no imported activity lists become one self-reported *skills* assessment
(instrument ``jsonresume``), so they stay on the resume.

Problems are reported all at once as a :class:`~ilpcore.exceptions.JsonResumeError`, each
with its path, e.g. ``work[2].startDate``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs

from ilpcore.exceptions import JsonResumeError, Problem, ValidationError
from ilpcore.model import (
    Activity,
    ActivityKind,
    Aspiration,
    AspirationArea,
    AssessmentKind,
    AssessmentResult,
    CourseRecord,
    Enrollment,
    Instrument,
    PersonName,
    Plan,
    Profile,
    ResumeContact,
    ResumeSection,
    ResumeSpec,
    SchoolRef,
    Score,
    Student,
)
from ilpcore.resume._json_reader import JsonReader as _Reader
from ilpcore.serialization import from_document

__all__ = ["ImportedResume", "from_json_resume"]

_ARRAY_KINDS = {
    "work": ActivityKind.WORK_EXPERIENCE,
    "volunteer": ActivityKind.COMMUNITY_SERVICE,
    "projects": ActivityKind.EXTRACURRICULAR,
    "awards": ActivityKind.AWARD,
}
_ARRAY_SECTIONS = {
    "work": ResumeSection.WORK_EXPERIENCE,
    "volunteer": ResumeSection.COMMUNITY_SERVICE,
    "projects": ResumeSection.ACTIVITIES,
    "awards": ResumeSection.AWARDS,
}
_T = TypeVar("_T")


@attrs.frozen
class ImportedResume:
    """What a JSON Resume document says, as ILP values."""

    plan: Plan
    """A plan holding only what the resume gave: the student, their school and enrollment,
    activities, courses, interests, the objective (as a career aspiration) and skills."""
    spec: ResumeSpec
    """The student's spec from ``meta.ilpcore``, else one showing what the document has."""

    def merge_into(self, plan: Plan) -> Plan:
        """``plan`` with the imported activities (replacing those with the same id), courses
        not already on it, and interests it lacks; the student and the rest are kept."""
        imported_ids = {a.id for a in self.plan.activities}
        activities = (
            *(a for a in plan.activities if a.id not in imported_ids),
            *self.plan.activities,
        )
        courses = (*plan.courses, *(c for c in self.plan.courses if c not in plan.courses))
        interests = tuple(dict.fromkeys((*plan.profile.interests, *self.plan.profile.interests)))
        profile = attrs.evolve(plan.profile, interests=interests)
        return attrs.evolve(plan, activities=activities, courses=courses, profile=profile)


def from_json_resume(document: object, *, imported_on: date | None = None) -> ImportedResume:
    """Read a JSON Resume document (parsed JSON) into ILP values.

    >>> from ilpcore.resume import build_resume
    >>> from ilpcore.resume.jsonresume import to_json_resume
    >>> from ilpcore.samples import sample_plan
    >>> imported = from_json_resume(to_json_resume(sample_plan()))
    >>> build_resume(imported.plan, imported.spec) == build_resume(sample_plan())
    True
    """
    r = _Reader()
    root = r.obj(document, "")
    if not isinstance(document, dict):
        raise JsonResumeError(r.problems)
    today = imported_on or date.today()
    meta = r.obj(r.obj(root.get("meta"), "meta").get("ilpcore"), "meta.ilpcore")
    basics = r.obj(root.get("basics"), "basics")
    activities: list[Activity] = []
    for key in _ARRAY_KINDS:
        items = r.array(root.get(key), key)
        metas = r.array(r.obj(meta.get("activities"), "meta.ilpcore.activities").get(key), key)
        if len(metas) != len(items):
            metas = [{}] * len(items)
        for i, (item, extra) in enumerate(zip(items, metas, strict=True)):
            extra_path = f"meta.ilpcore.activities.{key}[{i}]"
            item_values = r.obj(item, f"{key}[{i}]")
            activity = _activity(r, key, i, item_values, r.obj(extra, extra_path), today)
            if activity is not None:
                activities.append(activity)
    student = _student(r, basics, root, meta, today)
    profile = _profile(r, basics, root, meta, None if student is None else student.school)
    courses = _courses(r, meta)
    skills = _extra_skills(r, root, meta, activities, today)
    spec = _spec(r, basics, root, meta)
    if student is None or r.problems:
        raise JsonResumeError(r.problems or [Problem("basics", "no student could be read")])
    plan = _build(
        r, "", Plan, student=student, profile=profile, courses=courses,
        activities=tuple(activities), assessments=skills,
    )  # fmt: skip
    if plan is None:
        raise JsonResumeError(r.problems)
    return ImportedResume(plan, spec)


_FIELDS: dict[str, tuple[str, str, str, str]] = {
    "work": ("position", "name", "summary", "startDate"),
    "volunteer": ("position", "organization", "summary", "startDate"),
    "projects": ("name", "entity", "description", "startDate"),
    "awards": ("title", "awarder", "summary", "date"),
}
"""Per array: the keys of the title, organization, description and start date."""


def _activity(
    r: _Reader, key: str, i: int, item: dict[str, Any], meta: dict[str, Any], today: date
) -> Activity | None:
    path, meta_path = f"{key}[{i}]", f"meta.ilpcore.activities.{key}[{i}]"
    title_key, organization_key, description_key, start_key = _FIELDS[key]
    kind = _ARRAY_KINDS[key]
    if key == "projects":
        kind = _project_kind(r.text(item.get("type"), f"{path}.type"), kind)
    if "kind" in meta:
        try:
            kind = ActivityKind(meta["kind"])
        except ValueError:
            r.fail(f"{meta_path}.kind", f"{meta['kind']!r} is not an activity kind")
    title = r.text(item.get(title_key), f"{path}.{title_key}")
    if title is None:
        r.fail(f"{path}.{title_key}", "is needed to import this item")
        return None
    end = r.day(item.get("endDate"), f"{path}.endDate")
    if "end" in meta:
        end = r.day(meta["end"], f"{meta_path}.end")
    start = r.day(item.get(start_key), f"{path}.{start_key}")
    if start is None and _given(item.get(start_key)):
        return None  # an unreadable start date, already reported
    roles = r.texts(item.get("roles"), f"{path}.roles")
    role = r.text(meta.get("role"), f"{meta_path}.role") or (roles[0] if roles else None)
    return _build(
        r,
        path,
        Activity,
        id=meta.get("id", f"{key}-{i + 1}"),
        kind=kind,
        title=title,
        start=start or today,
        end=end,
        organization=r.text(item.get(organization_key), f"{path}.{organization_key}"),
        role=role,
        hours=_hours(r, meta.get("hours"), f"{meta_path}.hours"),
        description=r.text(item.get(description_key), f"{path}.{description_key}"),
        grade_levels=tuple(r.array(meta.get("gradeLevels"), f"{meta_path}.gradeLevels")),
        skills=r.texts(meta.get("skills"), f"{meta_path}.skills"),
    )


def _given(value: object) -> bool:
    """Whether a value is there (``None`` and blank strings count as missing)."""
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _project_kind(kind_text: str | None, default: ActivityKind) -> ActivityKind:
    for kind in ActivityKind:
        if kind_text is not None and kind_text.replace(" ", "_").lower() == kind.value:
            return kind
    return default


def _hours(r: _Reader, value: object, path: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        r.fail(path, f"{value!r} is not a number of hours")
        return None


def _build(r: _Reader, path: str, cls: type[_T], **values: Any) -> _T | None:
    """``cls(**values)``, or ``None`` with its problems recorded under ``path``."""
    try:
        return cls(**values)
    except ValidationError as e:
        r.problems.extend(e.under(path).problems if path else e.problems)
    except TypeError as e:  # a value of the wrong type where a check cannot see it
        r.fail(path, str(e))
    return None


def _pick(values: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: values[k] for k in keys if k in values}


def _student(
    r: _Reader, basics: dict[str, Any], root: dict[str, Any], meta: dict[str, Any], today: date
) -> Student | None:
    where = "meta.ilpcore.student"
    student = r.obj(meta.get("student"), where)
    education = r.array(root.get("education"), "education")
    first = r.obj(education[0], "education[0]") if education else {}
    names = r.obj(student.get("name"), f"{where}.name")
    if names:
        given_family = _pick(names, "given", "family", "middle", "preferred")
        name = _build(r, f"{where}.name", PersonName, **given_family)
    else:
        full = (r.text(basics.get("name"), "basics.name") or "").split()
        if len(full) < 2:
            r.fail("basics.name", "needs a given and a family name")
            return None
        name = PersonName(" ".join(full[:-1]), full[-1])
    school_values = r.obj(student.get("school"), f"{where}.school")
    if school_values:
        ref = _pick(school_values, "id", "name", "state", "district")
        school = _build(r, f"{where}.school", SchoolRef, **ref)
    else:
        institution = r.text(first.get("institution"), "education[0].institution")
        school = SchoolRef("imported-school", institution or "Unknown school")
    graduation = r.day(first.get("endDate"), "education[0].endDate")
    cohort = student.get("cohort", graduation.year if graduation else None)
    if cohort is None and first.get("institution"):
        r.fail("education[0].endDate", "is needed (the class year) when there is no meta")
        return None
    if cohort is None:  # no school at all: a placeholder the resume never shows
        cohort = today.year
    return _build(
        r, where, Student, id="imported", name=name, grade_level=student.get("gradeLevel", 12),
        cohort=cohort, school=school,
    )  # fmt: skip


def _profile(
    r: _Reader,
    basics: dict[str, Any],
    root: dict[str, Any],
    meta: dict[str, Any],
    school: SchoolRef | None,
) -> Profile:
    interests = _names(r, root, meta, "interests")
    summary = r.text(basics.get("summary"), "basics.summary")
    aspirations = () if summary is None else (Aspiration(AspirationArea.CAREER, summary),)
    where = "meta.ilpcore.student.enrollment"
    enrollment = r.obj(r.obj(meta.get("student"), "").get("enrollment"), where)
    history: tuple[Enrollment, ...] = ()
    start = r.day(enrollment.get("start"), f"{where}.start")
    if school is not None and start is not None:
        end = r.day(enrollment.get("end"), f"{where}.end")
        built = _build(r, where, Enrollment, school=school, start=start, end=end)
        history = () if built is None else (built,)
    return Profile(interests=interests, aspirations=aspirations, education_history=history)


def _courses(r: _Reader, meta: dict[str, Any]) -> tuple[CourseRecord, ...]:
    courses = []
    for i, item in enumerate(r.array(meta.get("courses"), "meta.ilpcore.courses")):
        try:
            courses.append(from_document(item, CourseRecord))
        except ValidationError as e:
            r.problems.extend(e.under(f"meta.ilpcore.courses[{i}]").problems)
    return tuple(courses)


def _names(r: _Reader, root: dict[str, Any], meta: dict[str, Any], key: str) -> tuple[str, ...]:
    """The names of ``skills`` or ``interests``: the plan's wording from ``meta.ilpcore.names``
    where it is there for every item, else the names as shown."""
    items = r.array(root.get(key), key)
    shown = [
        r.text(r.obj(v, f"{key}[{i}]").get("name"), f"{key}[{i}].name") for i, v in enumerate(items)
    ]
    where = f"meta.ilpcore.names.{key}"
    source = r.texts(r.obj(meta.get("names"), "meta.ilpcore.names").get(key), where)
    if len(source) == len(items):
        return source
    return tuple(name for name in shown if name is not None)


def _extra_skills(
    r: _Reader,
    root: dict[str, Any],
    meta: dict[str, Any],
    activities: list[Activity],
    today: date,
) -> tuple[AssessmentResult, ...]:
    known = {s for a in activities for s in a.skills}
    extra = {name: None for name in _names(r, root, meta, "skills") if name not in known}
    if not extra:
        return ()
    scores = tuple(Score(s, Decimal(1), Decimal(0), Decimal(1)) for s in extra)
    instrument = Instrument("jsonresume", "1.x", "Skills listed on a JSON Resume")
    return (AssessmentResult("AS-jsonresume", AssessmentKind.SKILLS, instrument, today, scores),)


def _spec(
    r: _Reader, basics: dict[str, Any], root: dict[str, Any], meta: dict[str, Any]
) -> ResumeSpec:
    if "spec" in meta:
        try:
            return from_document(meta["spec"], ResumeSpec)
        except ValidationError as e:
            r.problems.extend(e.under("meta.ilpcore.spec").problems)
            return ResumeSpec()
    location = r.obj(basics.get("location"), "basics.location")
    contact = _build(
        r, "basics", ResumeContact,
        email=r.text(basics.get("email"), "basics.email"),
        phone=r.text(basics.get("phone"), "basics.phone"),
        location=r.text(location.get("city") or location.get("address"), "basics.location.city"),
        url=r.text(basics.get("url"), "basics.url"),
    )  # fmt: skip
    present = {
        ResumeSection.OBJECTIVE: "summary" in basics,
        ResumeSection.EDUCATION: bool(root.get("education")),
        ResumeSection.SKILLS: bool(root.get("skills")),
        ResumeSection.INTERESTS: bool(root.get("interests")),
        **{section: bool(root.get(key)) for key, section in _ARRAY_SECTIONS.items()},
    }
    sections = tuple(s for s in ResumeSection if s is ResumeSection.CONTACT or present.get(s))
    education = root.get("education")
    has_school = isinstance(education, list) and any(
        isinstance(e, dict) and e.get("institution") for e in education[:1]
    )
    return ResumeSpec(
        sections=sections,
        excluded=() if has_school else ("education",),
        contact=contact or ResumeContact(),
    )
