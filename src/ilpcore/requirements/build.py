"""Turn a rule set, a student's record and overrides into the solver's integer problem."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from itertools import combinations, product

import attrs

from ilpcore.exceptions import OverrideError, Problem
from ilpcore.model import AssessmentResult, CourseRecord
from ilpcore.requirements.fixed import (
    assessment_status,
    gpa_status,
    milestone_status,
    timing_status,
)
from ilpcore.requirements.inputs import Milestone, Override, OverrideAction, tier_of
from ilpcore.requirements.problem import Problem as SolverProblem
from ilpcore.requirements.rules import (
    AssessmentRequirement,
    Cap,
    ChooseRequirement,
    CourseFilter,
    CourseRequirement,
    CreditsRequirement,
    GpaRequirement,
    MilestoneRequirement,
    Requirement,
    TimingRequirement,
)
from ilpcore.requirements.ruleset import RuleSet

__all__ = ["Built", "Node", "build"]

_ANY = CourseFilter()
_MAX_SCALE_DIGITS = 6


@attrs.frozen
class Node:
    """One requirement of the tree as the evaluator sees it."""

    path: str
    title: str
    kind: str
    parent: int
    requirement: Requirement | None
    match: CourseFilter = _ANY
    min_mark: str | None = None
    need_credits: Decimal = Decimal(0)
    need_courses: int = 0
    max_credits: Decimal | None = None
    caps: tuple[Cap, ...] = ()
    choose: int | None = None
    share: tuple[tuple[str, ...], ...] = ()
    fixed: tuple[int, str | None, str | None] | None = None
    children: tuple[int, ...] = ()


@attrs.frozen
class Built:
    rule_set: RuleSet
    nodes: tuple[Node, ...]
    courses: tuple[CourseRecord, ...]
    """Every course given, in input order (course ``i`` of the solver problem)."""
    credits: tuple[Decimal, ...]
    tiers: tuple[int | None, ...]
    scale: int
    problem: SolverProblem
    overrides: tuple[Override, ...]

    def index(self, path: str) -> int | None:
        for i, n in enumerate(self.nodes):
            if n.path == path:
                return i
        return None


_OptionCache = dict[tuple[object, ...], list[tuple[int, ...]]]
_FLAT: dict[int, tuple[RuleSet, tuple[Node, ...], _OptionCache]] = {}
_MAX_CACHED = 10_000


def _flattened(rs: RuleSet) -> tuple[list[Node], _OptionCache]:
    """The node list of ``rs`` and its cache of course options (kept by identity: rule sets
    are immutable, so audits of many students against one rule set share the work)."""
    hit = _FLAT.get(id(rs))
    if hit is None or hit[0] is not rs:
        if len(_FLAT) > 64:
            _FLAT.clear()
        hit = _FLAT[id(rs)] = (rs, tuple(_flatten(rs)), {})
    if len(hit[2]) > _MAX_CACHED:
        hit[2].clear()
    return list(hit[1]), hit[2]


def _flatten(rs: RuleSet) -> list[Node]:
    nodes: list[Node] = []
    kids: dict[int, list[int]] = {}

    def add(node: Node) -> int:
        nodes.append(node)
        kids.setdefault(node.parent, []).append(len(nodes) - 1)
        return len(nodes) - 1

    def visit(rq: Requirement, parent: int, prefix: str) -> None:
        path = f"{prefix}/{rq.id}" if prefix else rq.id
        children: tuple[Requirement, ...] = ()
        head = (path, rq.title, rq.kind, parent, rq)
        if isinstance(rq, CreditsRequirement):
            node = Node(*head, match=rq.match, min_mark=rq.min_mark, need_credits=rq.min_credits,
                        need_courses=rq.min_courses, max_credits=rq.max_credits, caps=rq.caps,
                        share=rq.share)  # fmt: skip
            children = rq.children
        elif isinstance(rq, CourseRequirement):
            node = Node(*head, match=rq.match, min_mark=rq.min_mark, need_credits=rq.min_credits,
                        need_courses=1)  # fmt: skip
        elif isinstance(rq, ChooseRequirement):
            node = Node(*head, choose=rq.n, share=rq.share)
            children = rq.children
        else:
            node = Node(*head, fixed=(4, None, None))
        i = add(node)
        for child in children:
            visit(child, i, path)

    add(
        Node("", rs.diploma, "total", -1, None, min_mark=rs.min_mark,
             need_credits=rs.total_credits or Decimal(0), share=rs.share)
    )  # fmt: skip
    for rq in rs.requirements:
        visit(rq, 0, "")
    return [attrs.evolve(n, children=tuple(kids.get(i, ()))) for i, n in enumerate(nodes)]


def _scale(values: Sequence[Decimal]) -> int:
    digits = 0
    for v in set(values):
        digits = max(digits, _decimals(v))
    return int(10 ** min(digits, _MAX_SCALE_DIGITS))


@functools.lru_cache(maxsize=1024)
def _decimals(v: Decimal) -> int:
    """Digits after the point that ``v`` needs (credits repeat: computed once each)."""
    exp = v.normalize().as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def _units(value: Decimal, scale: int) -> int:
    return int((value * scale).to_integral_value())


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
    nodes, option_cache = _flattened(rs)
    by_path = {n.path: i for i, n in enumerate(nodes)}
    codes = {c.course_code for c in courses}
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
    tiers = tuple(tier_of(c.status) for c in courses)
    credits = tuple(
        c.earned_credits if t == 0 else c.credits for c, t in zip(courses, tiers, strict=False)
    )
    live = [(c, t) for c, t in zip(courses, tiers, strict=False) if t is not None]

    for i, n in enumerate(nodes):
        rq = n.requirement
        if isinstance(rq, TimingRequirement):
            fixed = timing_status(rq, live, rs.scale, ilp_aligned)
        elif isinstance(rq, GpaRequirement):
            fixed = gpa_status(rq, live, rs.scale)
        elif isinstance(rq, AssessmentRequirement):
            fixed = assessment_status(rq, assessments, milestones)
        elif isinstance(rq, MilestoneRequirement):
            fixed = milestone_status(rq, milestones)
        else:
            continue
        nodes[i] = attrs.evolve(n, fixed=fixed)

    need = {i: n.need_credits for i, n in enumerate(nodes)}
    waived = [False] * len(nodes)
    allowed: dict[tuple[int, str], bool] = {}  # (node, code) -> forced accept / refuse
    forced: dict[str, int] = {}
    for ov in overrides:
        i = by_path[ov.path]
        if ov.action is OverrideAction.WAIVE:
            for j in _subtree(nodes, i):
                waived[j] = True
        elif ov.action is OverrideAction.ADJUST_CREDITS:
            assert ov.credits is not None
            need[i] = ov.credits
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

    scale = _scale([*credits, *need.values()] + [n.max_credits or Decimal(0) for n in nodes])
    scale = max(scale, _scale([cap.max_credits for n in nodes for cap in n.caps]))

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

    capped = {i for i, n in enumerate(nodes) if n.max_credits is not None or n.caps}
    relevant = capped | {
        i for i, n in enumerate(nodes) if (need[i] > 0 or n.need_courses > 0) and not waived[i]
    }
    # Courses that look the same to every filter get the same options: compute them once.
    named_codes = {o.course_code for o in overrides} | {
        code for n in nodes for code in (*n.match.codes, *n.match.exclude_codes)
    }
    named_titles = {t.casefold() for n in nodes for t in n.match.titles}
    by_grade = any(n.match.grade_levels for n in nodes)
    seen = option_cache if not overrides else {}
    options: list[list[tuple[int, ...]]] = []
    for c, t in zip(courses, tiers, strict=True):
        if t is None:
            options.append([])
            continue
        title = c.title.casefold()
        key = (
            c.subject,
            c.course_code if c.course_code in named_codes else None,
            title if title in named_titles else None,
            c.attributes,
            c.grade_level if by_grade else None,
            c.mark,
            c.course_code in ilp_aligned,
        )
        opts = seen.get(key)
        if opts is None:
            opts = seen[key] = (
                _undominated(_options(nodes, 0, c, accepts), relevant, capped)
                if accepts(0, c)
                else []
            )
        if opts and c.course_code in forced:
            target = forced[c.course_code]
            opts = [o for o in opts if target in o] or opts
        options.append(opts)

    caps = []
    for i, n in enumerate(nodes):
        for cap in n.caps:
            covered = frozenset(
                k for k, c in enumerate(courses) if cap.match.matches(c, ilp_aligned)
            )
            caps.append((i, _units(cap.max_credits, scale), covered))
    problem = SolverProblem(
        parent=tuple(n.parent for n in nodes),
        children=tuple(n.children for n in nodes),
        choose=tuple(n.choose for n in nodes),
        need_credits=tuple(_units(need[i], scale) for i in range(len(nodes))),
        need_courses=tuple(n.need_courses for n in nodes),
        fixed=tuple(None if n.fixed is None else n.fixed[0] for n in nodes),
        waived=tuple(waived),
        max_credits=tuple(
            None if n.max_credits is None else _units(n.max_credits, scale) for n in nodes
        ),
        caps=tuple(caps),
        course_credits=tuple(_units(x, scale) for x in credits),
        course_tier=tuple(3 if t is None else t for t in tiers),
        options=tuple(tuple(o) for o in options),
    )
    nodes = [
        n if n.need_credits == need[i] else attrs.evolve(n, need_credits=need[i])
        for i, n in enumerate(nodes)
    ]
    return Built(rs, tuple(nodes), tuple(courses), credits, tiers, scale, problem, tuple(overrides))


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
    opts: list[tuple[int, ...]], relevant: set[int], capped: set[int]
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
