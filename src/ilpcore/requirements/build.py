"""Turn a rule set, a student's record and overrides into the solver's integer problem."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import combinations, product

import attrs

from ilpcore.exceptions import OverrideError, Problem
from ilpcore.model import AssessmentResult, CourseRecord, CourseStatus
from ilpcore.requirements.fixed import (
    Outcome,
    assessment_status,
    gpa_status,
    milestone_status,
    timing_status,
)
from ilpcore.requirements.inputs import Milestone, Override, OverrideAction, tier_of
from ilpcore.requirements.prepared import (
    Node,
    OptionCache,
    TimingCaches,
    prepared,
    scale_for,
    tree_units,
    units,
    units_of,
)
from ilpcore.requirements.problem import Problem as SolverProblem
from ilpcore.requirements.rules import (
    AssessmentRequirement,
    GpaRequirement,
    MilestoneRequirement,
    TimingRequirement,
)
from ilpcore.requirements.ruleset import RuleSet

__all__ = ["Built", "Node", "build"]


@attrs.frozen
class Built:
    rule_set: RuleSet
    nodes: tuple[Node, ...]
    """The rule set's nodes (shared by every student: a non-course node's ``fixed`` is a
    placeholder; its status for this student is in :attr:`fixed`)."""
    courses: tuple[CourseRecord, ...]
    """Every course given, in input order (course ``i`` of the solver problem)."""
    credits: tuple[Decimal, ...]
    tiers: tuple[int | None, ...]
    scale: int
    problem: SolverProblem
    overrides: tuple[Override, ...]
    fixed: tuple[Outcome | None, ...]
    """Per node: the status, need and detail of a non-course node, ``None`` for the others."""

    def index(self, path: str) -> int | None:
        for i, n in enumerate(self.nodes):
            if n.path == path:
                return i
        return None


# Enum members hash in Python code; their ids are plain integers (members live forever).
_TIER_OF_ID = {id(s): tier_of(s) for s in CourseStatus}


def build(
    rs: RuleSet,
    courses: Sequence[CourseRecord],
    *,
    assessments: Sequence[AssessmentResult] = (),
    milestones: Sequence[Milestone] = (),
    ilp_aligned: frozenset[str] = frozenset(),
    overrides: Sequence[Override] = (),
) -> Built:
    """The solver problem for one student (raises :class:`OverrideError` for bad overrides)."""
    prep = prepared(rs)
    nodes: Sequence[Node] = prep.nodes
    by_path = prep.by_path
    if overrides:
        _check_overrides(overrides, by_path, {c.course_code for c in courses})
    waived = [False] * len(nodes)
    allowed: dict[tuple[int, str], bool] = {}  # (node, code) -> forced accept / refuse
    forced: dict[str, int] = {}
    adjusted: dict[int, Decimal] = {}
    for ov in overrides:
        i = by_path[ov.path]
        if ov.action is OverrideAction.WAIVE:
            for j in _subtree(nodes, i):
                waived[j] = True
        elif ov.action is OverrideAction.ADJUST_CREDITS:
            assert ov.credits is not None
            adjusted[i] = ov.credits
        elif ov.course_code is not None:
            if ov.action is OverrideAction.BLOCK:
                allowed[(i, ov.course_code)] = False
            else:
                j = i
                while j >= 0:
                    allowed.setdefault((j, ov.course_code), True)
                    j = nodes[j].parent
                if ov.action is OverrideAction.INSERT:
                    forced[ov.course_code] = i

    meets: dict[tuple[str | None, str | None], bool] = {}

    def accepts(i: int, c: CourseRecord) -> bool:
        n = nodes[i]
        if n.fixed is not None:
            return False
        verdict = allowed.get((i, c.course_code))
        if verdict is not None:
            return verdict
        if not n.match.matches(c, ilp_aligned):
            return False
        key = (c.mark, n.min_mark)
        ok = meets.get(key)
        if ok is None:
            ok = meets[key] = rs.scale.meets(c.mark, n.min_mark)
        return ok

    capped = prep.capped
    if overrides:
        relevant = capped | {
            i
            for i, n in enumerate(nodes)
            if (adjusted.get(i, n.need_credits) > 0 or n.need_courses > 0) and not waived[i]
        }
        named_codes = prep.named_codes | {o.course_code for o in overrides}
        seen: OptionCache = {}
        by_record: OptionCache = {}
    else:
        relevant, named_codes, seen = prep.relevant, prep.named_codes, prep.options
        by_record = prep.record_options
    # Courses that look the same to every filter get the same options: compute them once
    # (by_record: the same, keyed by the fields the filters read, before reading them).
    named_titles = prep.named_titles
    by_grade = prep.by_grade
    tier_of_id = _TIER_OF_ID
    tier_list: list[int | None] = []
    solver_tiers: list[int] = []  # failed and withdrawn courses count as planned (and nowhere)
    credit_list: list[Decimal] = []
    options: list[tuple[tuple[int, ...], ...]] = []
    for c in courses:
        t = tier_of_id[id(c.status)]
        tier_list.append(t)
        if t is None:
            solver_tiers.append(3)
            credit_list.append(c.credits)
            options.append(())
            continue
        solver_tiers.append(t)
        earned = c.credits_earned
        credit_list.append(c.credits if t or earned is None else earned)
        code = c.course_code
        aligned = code in ilp_aligned
        record = (code, c.title, c.subject, c.attributes, c.grade_level, c.mark, aligned)
        opts = by_record.get(record)
        if opts is None:
            title = c.title.casefold()
            key = (
                c.subject,
                code if code in named_codes else None,
                title if title in named_titles else None,
                c.attributes,
                c.grade_level if by_grade else None,
                c.mark,
                aligned,
            )
            opts = seen.get(key)
            if opts is None:
                opts = seen[key] = (
                    tuple(_undominated(_options(nodes, 0, c, accepts), relevant, capped))
                    if accepts(0, c)
                    else ()
                )
            by_record[record] = opts
        if forced and opts and code in forced:
            target = forced[code]
            opts = tuple(o for o in opts if target in o) or opts
        options.append(opts)
    tiers = tuple(tier_list)
    credits = tuple(credit_list)

    fixed: list[Outcome | None] = [None] * len(nodes)
    fixed_tiers: list[int | None] = [None] * len(nodes)
    if prep.fixed_nodes:
        live = (
            [(c, t) for c, t in zip(courses, tiers, strict=True) if t is not None]
            if prep.fixed_reads_courses
            else []
        )
        for i in prep.fixed_nodes:
            out = fixed[i] = _fixed_status(
                nodes[i], rs, live, assessments, milestones, ilp_aligned, prep.timing_caches
            )
            fixed_tiers[i] = out[0]

    scale = scale_for([*credits, *adjusted.values()], prep)
    need_units, max_units, cap_units = tree_units(prep, scale)
    if adjusted:
        need_units = tuple(
            units(adjusted[i], scale) if i in adjusted else u for i, u in enumerate(need_units)
        )

    caps = tuple(
        (i, units, frozenset(k for k, c in enumerate(courses) if match.matches(c, ilp_aligned)))
        for i, units, match in cap_units
    )
    problem = SolverProblem(
        parent=prep.parents,
        children=prep.children,
        choose=prep.chooses,
        need_credits=need_units,
        need_courses=prep.need_courses,
        fixed=tuple(fixed_tiers),
        waived=tuple(waived),
        max_credits=max_units,
        caps=caps,
        course_credits=units_of(credits, scale),
        course_tier=tuple(solver_tiers),
        options=tuple(options),
    )
    if adjusted:
        nodes = list(nodes)
        for i, value in adjusted.items():
            nodes[i] = attrs.evolve(nodes[i], need_credits=value)
    return Built(
        rs,
        tuple(nodes),
        tuple(courses),
        credits,
        tiers,
        scale,
        problem,
        tuple(overrides),
        tuple(fixed),
    )


def _check_overrides(
    overrides: Sequence[Override], by_path: dict[str, int], codes: set[str]
) -> None:
    problems = []
    for k, ov in enumerate(overrides):
        if ov.path not in by_path:
            problems.append(Problem(f"overrides[{k}].path", f"no requirement {ov.path!r}"))
        if ov.course_code is not None and ov.course_code not in codes:
            problems.append(
                Problem(
                    f"overrides[{k}].course_code", f"no course {ov.course_code!r} in the record"
                )
            )
    if problems:
        raise OverrideError(problems)


def _fixed_status(
    node: Node,
    rs: RuleSet,
    live: list[tuple[CourseRecord, int]],
    assessments: Sequence[AssessmentResult],
    milestones: Sequence[Milestone],
    ilp_aligned: frozenset[str],
    timing_caches: TimingCaches,
) -> Outcome:
    rq = node.requirement
    if isinstance(rq, TimingRequirement):
        matched, met = timing_caches.setdefault(node.path, ({}, {}))
        return timing_status(rq, live, rs.scale, ilp_aligned, matched, met)
    if isinstance(rq, GpaRequirement):
        return gpa_status(rq, live, rs.scale)
    if isinstance(rq, AssessmentRequirement):
        return assessment_status(rq, assessments, milestones)
    assert isinstance(rq, MilestoneRequirement)
    return milestone_status(rq, milestones)


def _subtree(nodes: Sequence[Node], i: int) -> list[int]:
    out = [i]
    for j in nodes[i].children:
        out.extend(_subtree(nodes, j))
    return out


def _options(
    nodes: Sequence[Node], i: int, c: CourseRecord, accepts: object
) -> list[tuple[int, ...]]:
    """Every set of nodes under ``i`` (with ``i``) that ``c`` may count toward at once."""
    assert callable(accepts)
    node = nodes[i]
    matched = [j for j in node.children if accepts(j, c)]
    result: list[tuple[int, ...]] = [(i,)]
    if not matched:
        return result
    ids = {nodes[j].path.rsplit("/", 1)[-1]: j for j in matched}
    groups: set[tuple[int, ...]] = {(j,) for j in matched}
    for share in node.share:
        members = sorted(ids[name] for name in share if name in ids)
        for size in range(2, len(members) + 1):
            groups.update(combinations(members, size))
    for group in sorted(groups, key=lambda g: (len(g), g)):
        for combo in product(*(_options(nodes, j, c, accepts) for j in group)):
            result.append(tuple(sorted({i, *(x for part in combo for x in part)})))
    return result


def _undominated(
    opts: list[tuple[int, ...]], relevant: frozenset[int], capped: frozenset[int]
) -> list[tuple[int, ...]]:
    """The options that matter, one each.

    Only *relevant* nodes (that need credits or courses, or have a cap) are affected by
    what counts toward them, so options with the same relevant nodes are the same; and an
    option is dropped when another counts toward more relevant nodes, the extra ones all
    uncapped (more never hurts an uncapped node).
    """
    seen: dict[frozenset[int], tuple[int, ...]] = {}
    for o in opts:
        key = frozenset(relevant.intersection(o))
        if key not in seen or len(o) < len(seen[key]):
            seen[key] = o
    keys = list(seen)
    return [seen[a] for a in keys if not any(a < b and not (b - a) & capped for b in keys)]
