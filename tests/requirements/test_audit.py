"""Audits: statuses by tier, non-course requirements, overrides, what-if, reports."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from ilpcore.exceptions import OverrideError
from ilpcore.model import (
    AssessmentKind,
    AssessmentResult,
    CourseAttribute,
    CourseRecord,
    CourseStatus,
    Instrument,
    Score,
    Term,
)
from ilpcore.requirements import (
    AssessmentRequirement,
    Cap,
    Cohort,
    CohortKind,
    CourseFilter,
    CourseRequirement,
    CreditsRequirement,
    CreditUnit,
    GpaRequirement,
    Milestone,
    MilestoneRequirement,
    MilestoneStatus,
    Override,
    OverrideAction,
    Reference,
    Requirement,
    RuleSet,
    ScoreAlternative,
    ScoreMinimum,
    Status,
    TimingRequirement,
    evaluate,
)
from ilpcore.requirements.whatif import Record, suggest, what_if

MATH = CourseFilter(subjects=frozenset({"mathematics"}))


def rule_set(*reqs: Requirement, total: str | None = None, **kw: object) -> RuleSet:
    return RuleSet(
        id="T",
        jurisdiction="US-XX",
        diploma="Test",
        credit_unit=CreditUnit.YEAR_UNIT,
        cohorts=(Cohort(CohortKind.GRADUATION_CLASS, 2027),),
        references=(Reference("t", "https://example.org", date(2026, 1, 1)),),
        requirements=reqs,
        total_credits=None if total is None else Decimal(total),
        **kw,  # type: ignore[arg-type]
    )


def course(
    code: str,
    title: str = "Course",
    subject: str = "mathematics",
    credits: str = "1",
    status: CourseStatus = CourseStatus.COMPLETED,
    grade: int = 9,
    mark: str | None = None,
    attributes: frozenset[CourseAttribute] = frozenset(),
) -> CourseRecord:
    if mark is None and status in (CourseStatus.COMPLETED, CourseStatus.FAILED):
        mark = "F" if status is CourseStatus.FAILED else "B"
    return CourseRecord(code, title, subject, Term(2015 + grade), grade, Decimal(credits),
                        status=status, mark=mark, attributes=attributes)  # fmt: skip


def test_status_is_the_tier_that_satisfies() -> None:
    rs = rule_set(CreditsRequirement("math", "Math", match=MATH, min_credits=Decimal(2)))
    done = evaluate(rs, [course("A"), course("B")])
    assert done.status is Status.DONE
    mixed = evaluate(rs, [course("A"), course("B", status=CourseStatus.IN_PROGRESS)])
    assert mixed.node("math").status is Status.IN_PROGRESS
    later = evaluate(rs, [course("A"), course("B", status=CourseStatus.PLANNED)])
    assert later.node("math").status is Status.PLANNED
    short = evaluate(rs, [course("A"), course("B", status=CourseStatus.FAILED)])
    node = short.node("math")
    assert node.status is Status.MISSING
    assert node.missing_credits == Decimal(1)
    assert [a.course_code for a in short.unused] == ["B"]


def test_named_course_goes_where_it_is_needed() -> None:
    rs = rule_set(
        CreditsRequirement(
            "math",
            "Math",
            match=MATH,
            min_credits=Decimal(2),
            children=(CourseRequirement("alg", "Algebra I", titles=frozenset({"Algebra I"})),),
        ),
        CreditsRequirement("extra", "Extra math", match=MATH, min_credits=Decimal(1)),
    )
    a = evaluate(rs, [course("X"), course("ALG", "Algebra I"), course("Y")])
    assert a.satisfied
    assert [x.course_code for x in a.node("math/alg").applied] == ["ALG"]
    assert a.node("math").counted_credits == Decimal(2)


def test_completed_courses_are_preferred() -> None:
    rs = rule_set(CreditsRequirement("m", "M", match=MATH, min_credits=Decimal(1)),
                  CreditsRequirement("n", "N", match=MATH, min_credits=Decimal(1)))  # fmt: skip
    a = evaluate(rs, [course("P", status=CourseStatus.PLANNED), course("C1"), course("C2")])
    assert a.node("m").status is Status.DONE
    assert a.node("n").status is Status.DONE


def test_caps_and_declared_sharing() -> None:
    capped = CreditsRequirement(
        "el", "Electives", min_credits=Decimal(2),
        caps=(Cap(CourseFilter(subjects=frozenset({"pe"})), Decimal(1)),),
    )  # fmt: skip
    rs = rule_set(capped)
    a = evaluate(rs, [course("P1", subject="pe"), course("P2", subject="pe"), course("M")])
    assert a.node("el").counted_credits == Decimal(2)
    assert {x.course_code for x in a.node("el").applied} == {"M", "P1"}
    online = CreditsRequirement(
        "online",
        "Online",
        min_courses=1,
        match=CourseFilter(attributes=frozenset({CourseAttribute.ONLINE})),
    )
    math = CreditsRequirement("math", "Math", match=MATH, min_credits=Decimal(1))
    web = course("W", attributes=frozenset({CourseAttribute.ONLINE}))
    assert not evaluate(rule_set(online, math), [web]).satisfied
    assert evaluate(rule_set(online, math, share=(("online", "math"),)), [web]).satisfied


def test_non_course_requirements() -> None:
    rs = rule_set(
        TimingRequirement("every", "Math every year", match=MATH, grade_levels=(9, 10)),
        GpaRequirement("gpa", "GPA", min_gpa=Decimal("3.0")),
        AssessmentRequirement(
            "test", "Test",
            alternatives=(
                ScoreAlternative("sat", (ScoreMinimum("math", Decimal(530)),)),
                ScoreAlternative("act", (ScoreMinimum("composite", Decimal(21)),)),
            ),
        ),
        MilestoneRequirement("fafsa", "FAFSA or opt-out", accepts=("fafsa", "fafsa-opt-out")),
    )  # fmt: skip
    act = AssessmentResult("r1", AssessmentKind.TEST, Instrument("act", "2024"), date(2025, 4, 1),
                           (Score("composite", Decimal(23)),))  # fmt: skip
    a = evaluate(
        rs,
        [course("A", grade=9, mark="A"), course("B", grade=10, status=CourseStatus.PLANNED)],
        assessments=[act],
        milestones=[Milestone("fafsa-opt-out", MilestoneStatus.IN_PROGRESS)],
    )
    assert a.node("every").status is Status.PLANNED
    assert a.node("gpa").status is Status.DONE
    assert a.node("test").status is Status.DONE
    assert a.node("fafsa").status is Status.IN_PROGRESS
    low = evaluate(rs, [course("A", grade=9, mark="C")])
    assert low.node("gpa").needed == "a GPA of at least 3.0 (now 2.00)"
    assert low.node("every").needed == "a matching course in grade 10"
    assert low.node("test").status is Status.MISSING


RS_OVR = rule_set(
    CreditsRequirement(
        "math", "Math", match=MATH, min_credits=Decimal(2),
        children=(CourseRequirement("alg", "Algebra I", titles=frozenset({"Algebra I"})),),
    ),
    CreditsRequirement("art", "Art", match=CourseFilter(subjects=frozenset({"arts"})),
                       min_credits=Decimal(1)),
)  # fmt: skip


def ov(
    action: OverrideAction, path: str, code: str | None = None, credits: str | None = None
) -> Override:
    return Override(action, path, "Ms. Counselor", "approved", course_code=code,
                    credits=None if credits is None else Decimal(credits))  # fmt: skip


def test_overrides_by_path() -> None:
    record = [course("M1"), course("M2"), course("DR", "Drafting", subject="cte")]
    base = evaluate(RS_OVR, record)
    assert base.node("math/alg").status is Status.MISSING
    assert base.node("art").status is Status.MISSING
    waived = evaluate(RS_OVR, record, overrides=[ov(OverrideAction.WAIVE, "math/alg")])
    assert waived.node("math/alg").status is Status.WAIVED
    assert waived.node("math/alg").overrides[0].approved_by == "Ms. Counselor"
    sub = evaluate(RS_OVR, record, overrides=[ov(OverrideAction.SUBSTITUTE, "art", "DR")])
    assert sub.node("art").status is Status.DONE
    ins = evaluate(RS_OVR, record, overrides=[ov(OverrideAction.INSERT, "math/alg", "M1")])
    assert [x.course_code for x in ins.node("math/alg").applied] == ["M1"]
    adj = evaluate(
        RS_OVR, record, overrides=[ov(OverrideAction.ADJUST_CREDITS, "math", credits="3")]
    )
    assert adj.node("math").missing_credits == Decimal(1)
    blocked = evaluate(RS_OVR, record, overrides=[ov(OverrideAction.BLOCK, "math", "M2")])
    assert blocked.node("math").counted_credits == Decimal(1)
    assert evaluate(RS_OVR, record, overrides=[ov(OverrideAction.BLOCK, "", "M2")]).unused


def test_bad_overrides_name_their_path() -> None:
    bad = [ov(OverrideAction.WAIVE, "nope"), ov(OverrideAction.BLOCK, "math", "ZZ")]
    with pytest.raises(OverrideError) as err:
        evaluate(RS_OVR, [course("M1")], overrides=bad)
    assert err.value.paths == ("overrides[0].path", "overrides[1].course_code")


def test_what_if_and_suggestions() -> None:
    record = Record(courses=(course("M1"),))
    more = rule_set(CreditsRequirement("math", "Math", match=MATH, min_credits=Decimal(3)))
    w = what_if(RS_OVR, record, other=more)
    assert {c.path for c in w.changes} >= {"art", "math/alg"}
    plus = what_if(
        RS_OVR, record, extra_courses=[course("AL", "Algebra I", status=CourseStatus.PLANNED)]
    )
    assert plus.after.node("math").status is Status.PLANNED
    catalog = [course("C1", "Ceramics", subject="arts"), course("AL", "Algebra I")]
    hints = {s.path: s for s in suggest(RS_OVR, record, catalog)}
    assert [c.course_code for c in hints["art"].courses] == ["C1"]
    assert [c.course_code for c in hints["math/alg"].courses] == ["AL"]
    assert "Algebra I" in hints["math/alg"].text


def test_reports() -> None:
    rs = rule_set(CreditsRequirement("m", "<b>Math</b>", match=MATH, min_credits=Decimal(2)))
    a = evaluate(rs, [course("A")])
    doc = a.to_dict()
    assert json.loads(json.dumps(doc)) == doc
    assert doc["requirements"]["children"][0]["needed"]["credits"] == "1"
    assert "NEEDS: 1 more credit" in a.to_text()
    html = a._repr_html_()
    assert "<b>Math</b>" not in html
    assert "&lt;b&gt;Math&lt;/b&gt;" in html


def test_node_limit_reports_non_optimal_search() -> None:
    from ilpcore.testing.audit_cases import overlapping_case

    rs, courses = overlapping_case(30, 8, seed=3)
    limited = evaluate(rs, courses, node_limit=10)
    assert not limited.optimal
    assert "search limit reached" in limited.to_text()
