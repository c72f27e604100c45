"""Finding and resolving built-in rule sets; behaviour of specific state rules."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest

from ilpcore.exceptions import NoRuleSetError
from ilpcore.model import CourseAttribute, CourseRecord, CourseStatus, Term
from ilpcore.requirements import (
    Audit,
    ChooseRequirement,
    CreditUnit,
    RuleSet,
    RuleSetKind,
    Status,
    evaluate,
    registry,
)
from ilpcore.testing.rulesets import CompleteRecord, complete_record, overlapping_cohorts


def test_find_by_cohort() -> None:
    assert registry.find("US-KY", 2028).id == "US-KY-minimum-2024"
    assert registry.find("US-KY", 2029).id == "US-KY-minimum-2029"
    assert registry.find("US-IN", 2027).credit_unit is CreditUnit.SEMESTER_CREDIT
    with pytest.raises(NoRuleSetError, match="class of 2021"):
        registry.find("US-TX", 2021)
    with pytest.raises(NoRuleSetError, match="several rule sets"):
        registry.find("US-VA", 2027)
    assert registry.find("US-VA", 2027, "advanced studies diploma").total_credits == 26


def test_extends_merges_requirements() -> None:
    ky = registry.find("US-KY", 2030)
    ids = [r.id for r in ky.requirements]
    assert "civics-test" not in ids
    assert isinstance(ky.requirements[ids.index("civics")], ChooseRequirement)
    assert len(ky.references) > len(registry.find("US-KY", 2027).references)
    honors = registry.find("US-IN", 2027, "US-IN-academic-honors-2023")
    assert honors.min_mark == "C"
    assert honors.total_credits == Decimal(47)
    math = next(r for r in honors.requirements if r.id == "mathematics")
    assert getattr(math, "min_credits", None) == Decimal(8)
    overlay = registry.get("US-WA-cashmere-2020")
    assert overlay.kind is RuleSetKind.OVERLAY
    assert {r.id for r in overlay.requirements} >= {"hsbp", "service-hours", "english"}


def test_no_overlapping_cohorts_among_builtins() -> None:
    assert overlapping_cohorts(registry.builtin_rule_sets()) == []


def test_academic_honors_needs_c_or_better() -> None:
    rs = registry.find("US-IN", 2027, "Core 40 with Academic Honors")
    rec = complete_record(rs)
    low = [
        CourseRecord(c.course_code, c.title, c.subject, c.term, c.grade_level, c.credits,
                     status=CourseStatus.COMPLETED, mark="C-", attributes=c.attributes)
        if c.course_code == "2520" else c
        for c in rec.courses
    ]  # fmt: skip
    audit = registry_audit(rs, rec, low)
    assert audit.node("mathematics/algebra-1").status is Status.MISSING
    assert "2520" in {a.course_code for a in audit.unused}


def test_virginia_ap_course_counts_in_its_area_too() -> None:
    rs = registry.find("US-VA", 2027, "Standard Diploma")
    rec = complete_record(rs)
    courses = [c for c in rec.courses if c.title != "An AP, honors or IB course"]
    english = next(c for c in courses if c.subject == "english_language_arts")
    ap = CourseRecord(english.course_code, "AP English", english.subject, english.term,
                      english.grade_level, english.credits, status=CourseStatus.COMPLETED,
                      mark="A", attributes=frozenset({CourseAttribute.AP}))  # fmt: skip
    courses = [ap if c is english else c for c in courses]
    courses.append(CourseRecord("EL99", "Elective", "elective", Term(2022), 12, Decimal(1),
                                status=CourseStatus.COMPLETED, mark="A"))  # fmt: skip
    audit = registry_audit(rs, rec, courses)
    assert audit.satisfied
    codes = {a.course_code for a in audit.node("advanced-or-credential").applied}
    assert ap.course_code in codes
    assert ap.course_code in {a.course_code for a in audit.node("english").applied}


def registry_audit(rs: RuleSet, rec: CompleteRecord, courses: Sequence[CourseRecord]) -> Audit:
    return evaluate(rs, courses, assessments=rec.assessments, milestones=rec.milestones,
                    ilp_aligned=rec.ilp_aligned)  # fmt: skip


def test_resolving_again_returns_the_same_rule_set() -> None:
    """Audits of many students share the evaluator's per-rule-set work only if they get the
    same object; a mutable pool (a list) is resolved afresh every time."""
    first = registry.find("US-KY", 2030)
    assert first.id == "US-KY-minimum-2029"
    assert registry.find("US-KY", 2030) is first
    pool = list(registry.builtin_rule_sets())
    fresh = registry.find("US-KY", 2030, rule_sets=pool)
    assert fresh == first
    assert registry.find("US-KY", 2030, rule_sets=pool) is not fresh
    assert registry.find("US-KY", 2030, rule_sets=tuple(pool)) == first
