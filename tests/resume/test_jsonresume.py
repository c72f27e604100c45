"""JSON Resume: exports validate against the official schema, import gives the resume back,
a published theme renders an export."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import JsonResumeError
from ilpcore.model import ActivityKind, Plan, ResumeSection, ResumeSpec, evolve
from ilpcore.resume import build_resume
from ilpcore.resume.builder import ACTIVITY_SECTIONS
from ilpcore.resume.jsonresume import to_json_resume
from ilpcore.resume.jsonresume_import import from_json_resume
from ilpcore.samples import sample_plan
from ilpcore.testing.strategies import plans, resume_specs

from .conftest import SAMPLE_SPEC, entry_ids
from .jsonresume_tools import official_schema, tool_dir

SLOW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _validate(document: dict[str, Any]) -> None:
    schema = official_schema()
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_official_schema_rejects_a_bad_document() -> None:
    """The validator really checks: a wrong type and a bad date are caught."""
    document = to_json_resume(sample_plan(), SAMPLE_SPEC)
    document["work"][0]["startDate"] = "June 2025"
    document["skills"] = "first aid"
    validator = jsonschema.Draft7Validator(official_schema())
    assert {tuple(e.path) for e in validator.iter_errors(document)} == {
        ("work", 0, "startDate"),
        ("skills",),
    }


def test_sample_export_validates_and_maps_the_sections() -> None:
    document = to_json_resume(sample_plan(), SAMPLE_SPEC)
    _validate(document)
    assert document["basics"]["email"] == "maya.okafor@example.org"
    assert document["basics"]["location"] == {"city": "Lexington, KY"}
    assert document["education"][0]["score"] == "3.66/4.0"
    assert document["education"][0]["endDate"] == "2028"
    assert [p["name"] for p in document["projects"]] == [
        "HOSA - Future Health Professionals",
        "Job shadow: pediatric nurse",
    ]
    assert document["work"][0]["summary"] == "Ran the register on busy weekend shifts."
    assert document["volunteer"][0]["highlights"] == ["86 hours", "Grades 9, 10"]
    assert "endDate" not in document["volunteer"][0]  # ongoing
    student = document["meta"]["ilpcore"]["student"]
    assert "birth_date" not in json.dumps(student)
    assert "KY7741190023" not in json.dumps(document)


@SLOW
@given(st.data(), plans(max_items=3))
def test_exports_always_validate(data: st.DataObject, plan: Plan) -> None:
    spec = data.draw(resume_specs(entry_ids(plan)))
    _validate(to_json_resume(plan, spec))


@SLOW
@given(st.data(), plans(max_items=3))
def test_import_gives_back_the_same_resume(data: st.DataObject, plan: Plan) -> None:
    spec = data.draw(resume_specs(entry_ids(plan)))
    document = json.loads(json.dumps(to_json_resume(plan, spec)))
    imported = from_json_resume(document, imported_on=date(2026, 1, 1))
    assert imported.spec == spec
    assert build_resume(imported.plan, imported.spec) == build_resume(plan, spec)


def test_import_without_meta_keeps_what_json_resume_holds() -> None:
    document = to_json_resume(sample_plan(), SAMPLE_SPEC)
    del document["meta"]
    imported = from_json_resume(document, imported_on=date(2026, 1, 1))
    plan = imported.plan
    assert plan.student.name.display == "Maya Okafor"
    assert plan.student.cohort == 2028
    assert plan.student.school.name == "Bluegrass Valley High School"
    assert [(a.id, a.kind) for a in plan.activities] == [
        ("work-1", ActivityKind.WORK_EXPERIENCE),
        ("volunteer-1", ActivityKind.COMMUNITY_SERVICE),
        ("projects-1", ActivityKind.EXTRACURRICULAR),
        ("projects-2", ActivityKind.CAREER_ACTIVITY),
        ("awards-1", ActivityKind.AWARD),
    ]
    assert plan.activities[2].role == "Member"
    assert imported.spec.contact == SAMPLE_SPEC.contact
    original = build_resume(sample_plan(), SAMPLE_SPEC)
    again = build_resume(plan, imported.spec)
    skills = again.section(ResumeSection.SKILLS)
    original_skills = original.section(ResumeSection.SKILLS)
    assert skills is not None
    assert original_skills is not None
    assert [e.title for e in skills.entries] == [e.title for e in original_skills.entries]


def test_merge_into_replaces_activities_by_id_and_keeps_the_rest() -> None:
    plan = sample_plan()
    document = to_json_resume(plan, ResumeSpec())
    document["work"][0]["position"] = "Head cashier"
    merged = from_json_resume(document).merge_into(plan)
    assert merged.activity("A-job").title == "Head cashier"
    assert len(merged.activities) == len(plan.activities)
    assert merged.goals == plan.goals
    assert merged.courses == plan.courses


def test_bad_documents_name_every_bad_path() -> None:
    document = to_json_resume(sample_plan(), ResumeSpec())
    document["work"][0]["startDate"] = "last summer"
    document["volunteer"] = {"not": "a list"}
    document["skills"][1] = {"name": 7}
    with pytest.raises(JsonResumeError) as info:
        from_json_resume(document)
    assert set(info.value.paths) == {"work[0].startDate", "volunteer", "skills[1].name"}
    with pytest.raises(JsonResumeError) as info:
        from_json_resume(["not", "an", "object"])
    assert info.value.paths == ("",)


def test_theme_renders_an_export(tmp_path: Path) -> None:
    tools = tool_dir()
    resumed = tools / "node_modules" / ".bin" / "resumed"
    node = shutil.which("node")
    assert node is not None, "node is needed for the theme test"
    plan = sample_plan()
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(to_json_resume(plan, SAMPLE_SPEC)), encoding="utf-8")
    output = tmp_path / "resume.html"
    result = subprocess.run(
        [str(resumed), "render", str(source), "--theme", "jsonresume-theme-even", "-o",
         str(output)],
        cwd=tools, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    page = output.read_text(encoding="utf-8")
    for text in ("Maya Okafor", "Valley Fresh Grocery", "Hospital volunteer", "Teamwork"):
        assert text in page


@SLOW
@given(st.data(), plans(max_items=3))
def test_import_without_meta_keeps_every_shown_activity(data: st.DataObject, plan: Plan) -> None:
    spec = data.draw(resume_specs(entry_ids(plan)))
    document = to_json_resume(plan, spec)
    del document["meta"]
    imported = from_json_resume(document, imported_on=date(2026, 1, 1))
    original = build_resume(plan, spec)
    again = build_resume(imported.plan, imported.spec)
    for section in ACTIVITY_SECTIONS:
        before, after = original.section(section), again.section(section)
        shown = [] if before is None else sorted((e.title, e.organization) for e in before.entries)
        rebuilt = [] if after is None else sorted((e.title, e.organization) for e in after.entries)
        assert rebuilt == shown


def test_a_document_from_elsewhere_imports() -> None:
    document = {
        "basics": {"name": "Ana María López", "email": "ana@example.org", "summary": "Nursing"},
        "work": [{"name": "Cafe Sol", "position": "Barista", "startDate": "2024-06"}],
        "volunteer": [{"organization": "Food Bank", "position": "Sorter", "startDate": "2023"}],
        "projects": [{"name": "Student council", "type": "leadership", "roles": ["Treasurer"]}],
        "awards": [{"title": "Honor roll", "date": "2024-05-30"}],
        "skills": [{"name": "Spanish"}],
        "interests": [{"name": "Running"}],
    }
    imported = from_json_resume(document, imported_on=date(2026, 1, 1))
    plan = imported.plan
    assert plan.student.name.given == "Ana María"
    assert plan.student.name.family == "López"
    assert [(a.id, a.kind.value, a.start.isoformat()) for a in plan.activities] == [
        ("work-1", "work_experience", "2024-06-01"),
        ("volunteer-1", "community_service", "2023-01-01"),
        ("projects-1", "leadership", "2026-01-01"),
        ("awards-1", "award", "2024-05-30"),
    ]
    assert plan.activities[2].role == "Treasurer"
    resume = build_resume(plan, imported.spec)
    assert [s.section for s in resume.sections] == [
        ResumeSection.OBJECTIVE,
        ResumeSection.WORK_EXPERIENCE,
        ResumeSection.COMMUNITY_SERVICE,
        ResumeSection.ACTIVITIES,
        ResumeSection.AWARDS,
        ResumeSection.SKILLS,
        ResumeSection.INTERESTS,
    ]
    assert resume.contact_lines == ("ana@example.org",)
    skills = resume.section(ResumeSection.SKILLS)
    assert skills is not None
    assert [e.title for e in skills.entries] == ["Spanish"]


def test_a_course_recorded_twice_counts_twice_after_import() -> None:
    plan = sample_plan()
    plan = evolve(plan, courses=(*plan.courses, plan.courses[4]))  # the B in World Civilizations
    spec = ResumeSpec(show_gpa=True)
    imported = from_json_resume(to_json_resume(plan, spec))
    assert build_resume(imported.plan, imported.spec) == build_resume(plan, spec)
