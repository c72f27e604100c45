"""Run an audit: the optimal assignment of a student's courses to a rule set, as a tree."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ilpcore.exceptions import NotFoundError
from ilpcore.model import AssessmentResult, CourseRecord, CourseStatus, Term
from ilpcore.requirements.build import Built, build
from ilpcore.requirements.inputs import Milestone, Override
from ilpcore.requirements.problem import Solution, split_cost
from ilpcore.requirements.ruleset import RuleSet
from ilpcore.requirements.solver import solve
from ilpcore.requirements.tally import Tally

if TYPE_CHECKING:
    from ilpcore.requirements.summary import AuditSummary

__all__ = [
    "Applied",
    "Audit",
    "AuditNode",
    "Cost",
    "Status",
    "build_and_solve",
    "evaluate",
    "evaluate_for",
]


class Status(enum.Enum):
    """How far a requirement is met: by completed courses alone (done), counting in-progress
    courses, registered ones, planned ones; or not even with those (missing); or waived."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    REGISTERED = "registered"
    PLANNED = "planned"
    MISSING = "missing"
    WAIVED = "waived"

    @property
    def satisfied(self) -> bool:
        return self is not Status.MISSING


_BY_TIER = (Status.DONE, Status.IN_PROGRESS, Status.REGISTERED, Status.PLANNED, Status.MISSING)


@attrs.frozen
class Applied:
    """A course counted toward a requirement, with its credits."""

    course_code: str
    title: str
    credits: Decimal
    status: CourseStatus
    term: str


@attrs.frozen
class AuditNode:
    """One requirement's result; ``path`` is stable (made of the rule file's ids)."""

    path: str
    title: str
    kind: str
    status: Status
    """This requirement and everything under it."""
    own_status: Status
    """This requirement's own need (credits, courses, score...), ignoring children."""
    required_credits: Decimal
    required_courses: int
    counted_credits: Decimal
    applied: tuple[Applied, ...]
    missing_credits: Decimal
    missing_courses: int
    needed: str | None
    """What is still needed, in words (``None`` when satisfied)."""
    detail: str | None
    children: tuple[AuditNode, ...] = ()
    overrides: tuple[Override, ...] = ()

    def walk(self) -> Iterator[AuditNode]:
        yield self
        for c in self.children:
            yield from c.walk()


@attrs.frozen
class Cost:
    """The optimisation order's components for the chosen assignment (smaller is better)."""

    unmet: int
    missing_credits: Decimal
    missing_courses: int
    status_penalty: int


@attrs.frozen
class Audit:
    """A graduation audit of one student against one rule set."""

    rule_set: RuleSet
    root: AuditNode
    unused: tuple[Applied, ...]
    """Courses that count toward nothing (failed, withdrawn, or accepted by no requirement)."""
    cost: Cost
    optimal: bool
    search_nodes: int
    overrides: tuple[Override, ...] = ()

    @property
    def status(self) -> Status:
        return self.root.status

    @property
    def satisfied(self) -> bool:
        return self.root.status.satisfied

    def node(self, path: str) -> AuditNode:
        for n in self.root.walk():
            if n.path == path:
                return n
        raise NotFoundError(f"no requirement {path!r} in {self.rule_set.id}")

    def missing(self) -> tuple[AuditNode, ...]:
        """Requirements whose own need is not met, inside requirements that are not met
        (so the options a satisfied choice did not take are left out)."""
        out: list[AuditNode] = []

        def visit(n: AuditNode) -> None:
            if n.status is not Status.MISSING:
                return
            if n.own_status is Status.MISSING:
                out.append(n)
            for c in n.children:
                visit(c)

        visit(self.root)
        return tuple(out)

    def summary(self) -> AuditSummary:
        """The headline figures (:func:`~ilpcore.requirements.summarize` without the tree)."""
        from ilpcore.requirements.summary import summary_of

        return summary_of(self)

    def to_dict(self) -> dict[str, Any]:
        from ilpcore.requirements.report import audit_to_dict

        return audit_to_dict(self)

    def to_text(self) -> str:
        from ilpcore.requirements.report import audit_to_text

        return audit_to_text(self)

    def _repr_html_(self) -> str:
        from ilpcore.requirements.report import audit_to_html

        return audit_to_html(self)


_TERM_LABELS: dict[Term, str] = {}


def _applied(c: CourseRecord, credits: Decimal) -> Applied:
    label = _TERM_LABELS.get(c.term)
    if label is None:
        if len(_TERM_LABELS) > 4096:
            _TERM_LABELS.clear()
        label = _TERM_LABELS[c.term] = c.term.label
    return Applied(c.course_code, c.title, credits, c.status, label)


def evaluate(
    rule_set: RuleSet,
    courses: Sequence[CourseRecord],
    *,
    assessments: Sequence[AssessmentResult] = (),
    milestones: Sequence[Milestone] = (),
    ilp_aligned: frozenset[str] = frozenset(),
    overrides: Sequence[Override] = (),
    node_limit: int = 500_000,
) -> Audit:
    """Audit ``courses`` (and scores, milestones) against a resolved ``rule_set``.

    The assignment of courses to requirements is optimal in the order documented
    in :mod:`ilpcore.requirements.problem`; if the search needs more than ``node_limit``
    nodes it stops with the best assignment found and ``audit.optimal`` is ``False``.
    """
    return _assemble(
        *build_and_solve(
            rule_set, courses, assessments, milestones, ilp_aligned, overrides, node_limit
        )
    )


def build_and_solve(
    rule_set: RuleSet,
    courses: Sequence[CourseRecord],
    assessments: Sequence[AssessmentResult],
    milestones: Sequence[Milestone],
    ilp_aligned: frozenset[str],
    overrides: Sequence[Override],
    node_limit: int,
) -> tuple[Built, Solution]:
    """The student's problem and its optimal assignment, which :func:`evaluate` and
    :func:`~ilpcore.requirements.headline` both read (their parameters, in order)."""
    built = build(
        rule_set,
        courses,
        assessments=assessments,
        milestones=milestones,
        ilp_aligned=ilp_aligned,
        overrides=overrides,
    )
    return built, solve(built.problem, node_limit=node_limit)


def evaluate_for(
    jurisdiction: str,
    graduation_class: int,
    courses: Sequence[CourseRecord],
    *,
    diploma: str | None = None,
    assessments: Sequence[AssessmentResult] = (),
    milestones: Sequence[Milestone] = (),
    ilp_aligned: frozenset[str] = frozenset(),
    overrides: Sequence[Override] = (),
) -> Audit:
    """:func:`evaluate` against the built-in rule set for a jurisdiction and class.

    >>> evaluate_for("US-TX", 2027, []).rule_set.id
    'US-TX-foundation-2022'
    """
    from ilpcore.requirements.registry import find

    return evaluate(
        find(jurisdiction, graduation_class, diploma),
        courses,
        assessments=assessments,
        milestones=milestones,
        ilp_aligned=ilp_aligned,
        overrides=overrides,
    )


def _assemble(built: Built, sol: Solution) -> Audit:
    p = built.problem
    tally = Tally(built, sol.choice)
    made: dict[int, Applied] = {}

    def applied_of(c: int) -> Applied:
        hit = made.get(c)
        if hit is None:
            hit = made[c] = _applied(built.courses[c], built.credits[c])
        return hit

    zero = Decimal(0)

    def make(i: int) -> AuditNode:
        node = built.nodes[i]
        fixed = built.fixed[i]
        kids = tuple(make(j) for j in node.children)
        ovs = tuple(o for o in built.overrides if o.path == node.path) if built.overrides else ()
        applied = tuple([applied_of(c) for c in tally.courses_of[i]])
        own = tally.own[i]
        counted = zero
        for a in applied:
            counted += a.credits
        return AuditNode(
            node.path,
            node.title,
            node.kind,
            STATUS_OF_CODE[tally.status[i]],
            STATUS_OF_CODE[own],
            node.need_credits,
            node.need_courses,
            counted,
            applied,
            tally.missing_credits(i),
            tally.miss_courses[i],
            tally.needed(i),
            None if fixed is None else fixed[2],
            kids,
            ovs,
        )

    root = make(0)
    unmet, miss_cr, miss_co, penalty = split_cost(p, sol.cost)
    unused = tuple(
        _applied(c, built.credits[k]) for k, c in enumerate(built.courses) if not sol.counted(p, k)
    )
    cost = Cost(unmet, Decimal(miss_cr) / Decimal(built.scale), miss_co, penalty)
    return Audit(
        built.rule_set, root, unused, cost, sol.optimal, sol.nodes_explored, built.overrides
    )


STATUS_OF_CODE = (*_BY_TIER, Status.WAIVED)
"""The :class:`Status` of each status code of :class:`~ilpcore.requirements.tally.Tally`."""
