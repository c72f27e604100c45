"""The audit's per-rule-set caches and shortcuts give what the plain computations give.

Options found by a course record's own fields (warmed by other students), a node's tier read
by walking its courses by tier, and timing and GPA statuses that look at each course once are
each compared with the straightforward computation they replace.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.batch import audit_inputs
from ilpcore.model import CourseRecord, CourseStatus, Term
from ilpcore.requirements import (
    CourseFilter,
    CreditsRequirement,
    GpaRequirement,
    MarkScale,
    RuleSet,
    TimingRequirement,
    registry,
    summarize,
)
from ilpcore.requirements.build import build
from ilpcore.requirements.coverage import WAIVED, Coverage
from ilpcore.requirements.fixed import gpa_status, timing_status
from ilpcore.requirements.inputs import tier_of
from ilpcore.requirements.prepared import prepared
from ilpcore.requirements.problem import MISSING, TIERS, Problem

from .test_optimality import SUBJECTS, courses, rule_sets
from .test_summary import PLANS

TODAY = date(2026, 11, 23)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _problem(k: int) -> Problem:
    plan, rs = PLANS[k]
    rec = audit_inputs(plan, TODAY)
    return build(rs, rec.courses, assessments=rec.assessments, milestones=rec.milestones,
                 ilp_aligned=rec.ilp_aligned).problem  # fmt: skip


def _forget(rs: RuleSet) -> None:
    prep = prepared(rs)
    prep.options.clear()
    prep.record_options.clear()


# --- options cached per rule set ------------------------------------------------------------


@FAST
@given(st.integers(0, len(PLANS) - 1), st.lists(st.integers(0, len(PLANS) - 1), max_size=20))
def test_options_found_through_other_students_are_the_fresh_ones(k: int, others: list[int]) -> None:
    rs = PLANS[k][1]
    _forget(rs)
    for j in others:  # other students of any rule set fill the caches first
        _problem(j)
    warm = _problem(k)
    _forget(rs)
    assert _problem(k) == warm


@FAST
@given(rule_sets(), courses(), courses())
def test_options_cached_on_random_rule_sets_are_the_fresh_ones(
    rs: RuleSet, first: list[CourseRecord], record: list[CourseRecord]
) -> None:
    build(rs, first)
    warm = build(rs, record).problem
    _forget(rs)
    assert build(rs, record).problem == warm


def test_a_changed_rule_set_does_not_reuse_the_old_caches() -> None:
    rs = registry.get("US-TX-foundation-2022")
    english = rs.requirements[0]
    assert isinstance(english, CreditsRequirement)
    wider = attrs.evolve(
        english, match=CourseFilter(subjects=english.match.subjects | {"mathematics"})
    )
    changed = attrs.evolve(rs, requirements=(wider, *rs.requirements[1:]))
    records = [audit_inputs(plan, TODAY).courses for plan, r in PLANS if r is rs]
    assert len(records) >= 10
    for record in records:
        build(rs, record)  # the original's caches are full
    assert prepared(changed) is not prepared(rs)
    assert prepared(changed).rule_set is changed
    warm = [build(changed, record).problem for record in records]
    _forget(changed)
    assert [build(changed, record).problem for record in records] == warm
    assert any(
        w.options != build(rs, record).problem.options
        for w, record in zip(warm, records, strict=True)
    )
    assert any(summarize(changed, record) != summarize(rs, record) for record in records)


# --- Coverage against the per-tier count ----------------------------------------------------


def _reference_coverage(p: Problem, choice: tuple[int, ...]) -> tuple[object, ...]:
    """Coverage as first written: credits and courses summed per tier, then accumulated."""
    n = len(p.parent)
    courses_of: list[list[int]] = [[] for _ in range(n)]
    for c, o in enumerate(choice):
        if o >= 0:
            for i in p.options[c][o]:
                courses_of[i].append(c)
    own, status, miss_units, miss_courses = [0] * n, [0] * n, [0] * n, [0] * n
    for i in range(n - 1, -1, -1):
        if p.waived[i]:
            own[i] = status[i] = WAIVED
            continue
        fixed = p.fixed[i]
        if fixed is not None:
            tier = fixed
        else:
            tier = MISSING
            got, cnt = [0] * TIERS, [0] * TIERS
            for c in courses_of[i]:
                got[p.course_tier[c]] += p.course_credits[c]
                cnt[p.course_tier[c]] += 1
            a = b = 0
            for t in range(TIERS):
                a += got[t]
                b += cnt[t]
                if a >= p.need_credits[i] and b >= p.need_courses[i]:
                    tier = t
                    break
            else:
                miss_units[i] = max(p.need_credits[i] - a, 0)
                miss_courses[i] = max(p.need_courses[i] - b, 0)
        own[i] = tier
        ranks = sorted(0 if status[j] == WAIVED else status[j] for j in p.children[i])
        if p.choose[i] is not None:
            ranks = ranks[: p.choose[i]]
        if ranks and ranks[-1] > tier:
            tier = ranks[-1]
        status[i] = tier
    return courses_of, own, status, miss_units, miss_courses


def _coverage(p: Problem, choice: tuple[int, ...]) -> tuple[object, ...]:
    cov = Coverage(p, choice)
    return cov.courses_of, cov.own, cov.status, cov.miss_units, cov.miss_courses


def _random_assignment(p: Problem, data: st.DataObject) -> tuple[Problem, tuple[int, ...]]:
    choice = tuple(data.draw(st.integers(-1, len(opts) - 1)) for opts in p.options)
    waived = tuple(
        data.draw(st.lists(st.booleans(), min_size=len(p.parent), max_size=len(p.parent)))
    )
    tiers = tuple(data.draw(st.integers(0, TIERS - 1)) for _ in p.course_tier)
    return attrs.evolve(p, waived=waived, course_tier=tiers), choice


@FAST
@given(st.integers(0, len(PLANS) - 1), st.data())
def test_coverage_of_real_problems_is_the_per_tier_count(k: int, data: st.DataObject) -> None:
    p, choice = _random_assignment(_problem(k), data)
    assert _coverage(p, choice) == _reference_coverage(p, choice)


@FAST
@given(rule_sets(), courses(), st.data())
def test_coverage_of_random_problems_is_the_per_tier_count(
    rs: RuleSet, record: list[CourseRecord], data: st.DataObject
) -> None:
    p, choice = _random_assignment(build(rs, record).problem, data)
    assert _coverage(p, choice) == _reference_coverage(p, choice)


# --- timing and GPA against their first versions --------------------------------------------

STATUSES = (CourseStatus.COMPLETED, CourseStatus.IN_PROGRESS, CourseStatus.REGISTERED,
            CourseStatus.PLANNED)  # fmt: skip


@st.composite
def live_courses(draw: st.DrawFn) -> list[tuple[CourseRecord, int]]:
    out = []
    for i in range(draw(st.integers(0, 10))):
        status = draw(st.sampled_from(STATUSES))
        graded = status in (CourseStatus.COMPLETED, CourseStatus.IN_PROGRESS)
        credits = draw(st.sampled_from([Decimal(0), Decimal("0.5"), Decimal(1)]))
        course = CourseRecord(
            f"C{i}", "Course", draw(st.sampled_from(SUBJECTS)), Term(2024),
            draw(st.integers(9, 12)), credits, status=status,
            mark=draw(st.sampled_from([None, "A", "B+", "C", "D", "F", "Z"])) if graded else None,
        )  # fmt: skip
        tier = tier_of(status)
        assert tier is not None
        out.append((course, tier))
    return out


def _reference_timing(
    rq: TimingRequirement, courses: list[tuple[CourseRecord, int]], scale: MarkScale
) -> tuple[int, str | None, str | None]:
    worst, lacking = 0, []
    for grade in rq.grade_levels:
        tiers = [
            t
            for c, t in courses
            if c.grade_level == grade
            and rq.match.matches(c, frozenset())
            and scale.meets(c.mark, rq.min_mark)
        ]
        if tiers:
            worst = max(worst, min(tiers))
        else:
            lacking.append(grade)
    if lacking:
        return MISSING, "a matching course in grade " + ", ".join(map(str, lacking)), None
    return worst, None, None


@settings(max_examples=200, deadline=None)
@given(
    live_courses(),
    live_courses(),
    st.lists(st.integers(9, 12), min_size=1, max_size=4),
    st.sets(st.sampled_from(SUBJECTS), max_size=2),
    st.sampled_from([None, "C", "B"]),
)
def test_timing_is_the_per_grade_search(
    record: list[tuple[CourseRecord, int]],
    other: list[tuple[CourseRecord, int]],
    grades: list[int],
    subjects: set[str],
    mark: str | None,
) -> None:
    rq = TimingRequirement("t", "t", CourseFilter(subjects=frozenset(subjects)), tuple(grades),
                           min_mark=mark)  # fmt: skip
    scale = MarkScale()
    expected = _reference_timing(rq, record, scale)
    assert timing_status(rq, record, scale, frozenset()) == expected
    matched: dict[tuple[object, ...], bool] = {}
    met: dict[str | None, bool] = {}
    timing_status(rq, other, scale, frozenset(), matched, met)  # another student's first
    assert timing_status(rq, record, scale, frozenset(), matched, met) == expected


@settings(max_examples=200, deadline=None)
@given(live_courses(), st.sampled_from([Decimal(0), Decimal("2.5"), Decimal(3)]))
def test_gpa_reads_each_mark_as_before(
    record: list[tuple[CourseRecord, int]], minimum: Decimal
) -> None:
    rq = GpaRequirement("g", "g", minimum)
    scale = MarkScale()
    points = weight = Decimal(0)
    for c, tier in record:
        p = scale.points(c.mark) if tier == 0 and c.mark is not None else None
        if p is not None and c.credits > 0:
            points += p * c.credits
            weight += c.credits
    got = gpa_status(rq, record, scale)
    if not weight:
        assert got[0] == MISSING
        assert got[2] is None
    else:
        gpa = (points / weight).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert got[2] == f"GPA {gpa}"
        assert got[0] == (0 if gpa >= minimum else MISSING)
