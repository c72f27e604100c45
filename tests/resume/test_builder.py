"""Building resumes from plans: sections, spec handling, GPA, properties over any plan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import ValidationError
from ilpcore.model import (
    Activity,
    ActivityKind,
    AssessmentKind,
    AssessmentResult,
    CourseAttribute,
    CourseRecord,
    CourseStatus,
    EntryOverride,
    Instrument,
    Plan,
    ResumeSection,
    ResumeSpec,
    Score,
    Term,
    evolve,
)
from ilpcore.resume import Resume, build_resume, unweighted_gpa
from ilpcore.samples import sample_plan
from ilpcore.testing.strategies import plans, resume_specs

from .conftest import SAMPLE_SPEC, entry_ids

SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _ids(resume: Resume, section: ResumeSection) -> list[str]:
    view = resume.section(section)
    return [] if view is None else [e.id for e in view.entries]


def test_sample_resume_sections_follow_the_spec(sample_resume: Resume) -> None:
    assert [s.section for s in sample_resume.sections] == [
        s for s in ResumeSection if s is not ResumeSection.CONTACT
    ]
    assert _ids(sample_resume, ResumeSection.ACTIVITIES) == ["A-hosa", "A-shadow"]
    job = sample_resume.sections[2].entries[0]
    assert job.id == "A-job"
    assert job.description == "Ran the register on busy weekend shifts."
    assert job.title == "Cashier"  # not overridden: kept from the plan
    assert sample_resume.contact_lines == (
        "maya.okafor@example.org",
        "+1 859 555 0100",
        "Lexington, KY",
    )


def test_sections_come_in_spec_order_and_contact_can_be_hidden() -> None:
    order = (ResumeSection.SKILLS, ResumeSection.AWARDS, ResumeSection.EDUCATION)
    resume = build_resume(sample_plan(), evolve(SAMPLE_SPEC, sections=order))
    assert tuple(s.section for s in resume.sections) == order
    assert resume.contact_lines == ()


def test_gpa_shown_only_when_asked() -> None:
    plan = sample_plan()
    with_gpa = build_resume(plan, ResumeSpec(show_gpa=True)).sections[1].entries[0]
    without = build_resume(plan, ResumeSpec()).sections[1].entries[0]
    assert "Unweighted GPA 3.66 (4.0 scale)" in with_gpa.details
    assert not any("GPA" in d for d in without.details)


def test_gpa_scale_weights_by_credit_and_skips_non_letter_marks() -> None:
    def course(code: str, mark: str, credits: str = "1") -> CourseRecord:
        return CourseRecord(code, code, "science", Term(2024), 9, Decimal(credits),
                            CourseStatus.COMPLETED, mark)  # fmt: skip

    gpa = unweighted_gpa([course("A", "A-"), course("B", "C+", "0.5"), course("C", "93")])
    assert gpa.value == Decimal("3.23")  # (3.7 + 0.5 * 2.3) / 1.5 = 3.2333
    assert gpa.credits == Decimal("1.5")
    assert gpa.skipped == ("C",)
    assert unweighted_gpa([course("P", "P")]).value is None
    failed = evolve(course("F", "F"), status=CourseStatus.FAILED)
    assert unweighted_gpa([course("A", "A"), failed]).value == Decimal("2.00")


def test_coursework_lists_honors_ap_dual_credit_taken_or_in_progress() -> None:
    plan = sample_plan()
    ap = CourseRecord(
        "SC1330", "AP Biology", "science", Term(2026), 11, Decimal(1), CourseStatus.COMPLETED,
        "A", attributes=frozenset({CourseAttribute.AP}),
    )  # fmt: skip
    planned = evolve(ap, course_code="X1", status=CourseStatus.PLANNED, mark=None)
    resume = build_resume(evolve(plan, courses=(*plan.courses, ap, planned)))
    assert _ids(resume, ResumeSection.EDUCATION) == ["education", "course:SC1330", "course:EN0200"]
    assert resume.sections[1].entries[1].details == ("AP", "2026-27 full year")


def test_skills_come_from_shown_activities_and_skills_assessments() -> None:
    plan = sample_plan()
    skills = AssessmentResult(
        "AS-skills", AssessmentKind.SKILLS, Instrument("self", "1"), date(2025, 1, 1),
        (Score("Active listening", Decimal(4), Decimal(1), Decimal(5)),
         Score("Programming", Decimal(2), Decimal(1), Decimal(5)),
         Score("teamwork", Decimal(3), Decimal(1), Decimal(5))),
    )  # fmt: skip
    resume = build_resume(evolve(plan, assessments=(*plan.assessments, skills)))
    view = resume.section(ResumeSection.SKILLS)
    assert view is not None
    assert [e.title for e in view.entries] == [
        "Active listening", "Communication", "Customer service", "Handling money",
        "Reliability", "Teamwork",
    ]  # fmt: skip
    without_job = build_resume(plan, ResumeSpec(excluded=("A-job",)))
    assert "skill:customer service" not in _ids(without_job, ResumeSection.SKILLS)


def test_rebuilding_after_a_plan_change_keeps_the_spec() -> None:
    plan = sample_plan()
    new = Activity("A-new", ActivityKind.COMMUNITY_SERVICE, "Food bank", date(2026, 1, 10),
                   hours=Decimal(12), skills=("Teamwork",))  # fmt: skip
    before = build_resume(plan, SAMPLE_SPEC)
    after = build_resume(evolve(plan, activities=(*plan.activities, new)), SAMPLE_SPEC)
    assert _ids(after, ResumeSection.COMMUNITY_SERVICE) == ["A-new", "A-volunteer"]
    assert _ids(after, ResumeSection.ACTIVITIES) == _ids(before, ResumeSection.ACTIVITIES)
    assert after.sections[2].entries[0].description == "Ran the register on busy weekend shifts."


def test_bad_specs_are_refused_with_paths() -> None:
    with pytest.raises(ValidationError) as info:
        ResumeSpec(
            sections=(ResumeSection.SKILLS, ResumeSection.SKILLS),
            excluded=("A-1",),
            first=("A-1",),
            overrides=(EntryOverride("A-2", title="x"), EntryOverride("A-2", title="y")),
        )
    assert set(info.value.paths) == {"sections[1]", "overrides[1].entry_id"}
    with pytest.raises(ValidationError) as info:
        ResumeSpec(excluded=("A-1",), first=("A-1",))
    assert info.value.paths == ("first[0]",)
    with pytest.raises(ValidationError) as info:
        EntryOverride("A-1")
    assert info.value.paths == ("",)


@SLOW
@given(st.data(), plans(max_items=3))
def test_any_plan_and_spec_build_a_resume(data: st.DataObject, plan: Plan) -> None:
    spec = data.draw(resume_specs(entry_ids(plan)))
    resume = build_resume(plan, spec)
    shown = [s.section for s in resume.sections]
    assert shown == [s for s in spec.sections if s in shown]
    assert ResumeSection.CONTACT not in shown
    all_ids = [e.id for s in resume.sections for e in s.entries]
    assert len(all_ids) == len(set(all_ids))
    assert not set(all_ids) & set(spec.excluded)
    for section in resume.sections:
        assert section.entries
        named = [e.id for e in section.entries if e.id in spec.first]
        assert named == [i for i in spec.first if i in named]
        assert [e.id for e in section.entries[: len(named)]] == named
    assert build_resume(plan, spec) == resume  # deterministic
