"""An audit's headline figures without its tree: what a list of many students shows.

:func:`summarize` runs the same optimal assignment as :func:`~ilpcore.requirements.evaluate`
but builds only the rule set's status, the credits at the top, one line per top-level area
and the unmet needs -- several times faster than the full tree, for batch work and
dashboards.  ``evaluate(...).summary()`` gives the same value from a full audit.

>>> from ilpcore.requirements import evaluate_for, registry, summarize
>>> rs = registry.find("US-KY", 2027)
>>> s = summarize(rs, [])
>>> s.status.value, s.satisfied, s.credits_required
('missing', False, Decimal('22'))
>>> s.areas[0].path, s.areas[0].required
('english', Decimal('4'))
>>> s == evaluate_for("US-KY", 2027, []).summary()
True
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from ilpcore.model import AssessmentResult, CourseRecord, CourseStatus
from ilpcore.requirements.audit import STATUS_OF_CODE, Audit, AuditNode, Status, build_and_solve
from ilpcore.requirements.inputs import Milestone, Override
from ilpcore.requirements.problem import MISSING
from ilpcore.requirements.ruleset import RuleSet
from ilpcore.requirements.tally import Tally

__all__ = [
    "AreaFigures",
    "AreaSummary",
    "AuditSummary",
    "Headline",
    "headline",
    "summarize",
    "summary_of",
]


@attrs.frozen
class AreaSummary:
    """One top-level requirement (an area such as ``mathematics``) of an audit."""

    path: str
    title: str
    status: Status
    earned: Decimal
    """Credits of completed courses counted here."""
    counted: Decimal
    """Credits counted here, including in-progress, registered and planned courses."""
    required: Decimal
    missing: Decimal
    """Credits this area's own need still misses."""


@attrs.frozen
class AuditSummary:
    """The headline figures of one student's audit against one rule set."""

    rule_set_id: str
    status: Status
    credits_earned: Decimal
    """Credits of completed courses counted toward the rule set's total."""
    credits_counted: Decimal
    credits_required: Decimal
    areas: tuple[AreaSummary, ...]
    missing: tuple[tuple[str, str | None], ...]
    """``(path, what is still needed)`` of each unmet need, as
    :meth:`~ilpcore.requirements.Audit.missing` lists them."""
    optimal: bool

    @property
    def satisfied(self) -> bool:
        return self.status.satisfied


AreaFigures = tuple[str, str, Status, Decimal, Decimal, Decimal, Decimal]
"""``(path, title, status, earned, counted, required, missing)`` of one area."""


@attrs.frozen
class Headline:
    """The figures of an :class:`AuditSummary` as plain values, for callers that make their
    own rows from them (:func:`ilpcore.batch.batch_audit`)."""

    status: Status
    earned: Decimal
    counted: Decimal
    required: Decimal
    areas: tuple[AreaFigures, ...]
    missing: tuple[tuple[str, str | None], ...]
    optimal: bool


def _headline_of(t: Tally, optimal: bool) -> Headline:
    nodes = t.built.nodes
    status, own = t.status, t.own
    missing: list[tuple[str, str | None]] = []

    def visit(i: int) -> None:
        if status[i] != MISSING:
            return
        if own[i] == MISSING:
            missing.append((nodes[i].path, t.needed(i)))
        for j in nodes[i].children:
            visit(j)

    visit(0)
    root = nodes[0]
    earned_counted = t.earned_counted
    areas = [
        (
            nodes[i].path,
            nodes[i].title,
            STATUS_OF_CODE[status[i]],
            *earned_counted(i),
            nodes[i].need_credits,
            t.missing_credits(i),
        )
        for i in root.children
    ]
    return Headline(
        STATUS_OF_CODE[status[0]],
        *earned_counted(0),
        root.need_credits,
        tuple(areas),
        tuple(missing),
        optimal,
    )


def headline(
    rule_set: RuleSet,
    courses: Sequence[CourseRecord],
    *,
    assessments: Sequence[AssessmentResult] = (),
    milestones: Sequence[Milestone] = (),
    ilp_aligned: frozenset[str] = frozenset(),
    overrides: Sequence[Override] = (),
    node_limit: int = 500_000,
) -> Headline:
    """The :class:`Headline` of :func:`summarize` with the same arguments."""
    built, solution = build_and_solve(
        rule_set, courses, assessments, milestones, ilp_aligned, overrides, node_limit
    )
    return _headline_of(Tally(built, solution.choice), solution.optimal)


def summarize(
    rule_set: RuleSet,
    courses: Sequence[CourseRecord],
    *,
    assessments: Sequence[AssessmentResult] = (),
    milestones: Sequence[Milestone] = (),
    ilp_aligned: frozenset[str] = frozenset(),
    overrides: Sequence[Override] = (),
    node_limit: int = 500_000,
) -> AuditSummary:
    """The :class:`AuditSummary` of :func:`~ilpcore.requirements.evaluate` with the same
    arguments."""
    h = headline(
        rule_set,
        courses,
        assessments=assessments,
        milestones=milestones,
        ilp_aligned=ilp_aligned,
        overrides=overrides,
        node_limit=node_limit,
    )
    areas = tuple(
        [
            AreaSummary(path, title, status, earned, counted, required, missing)
            for path, title, status, earned, counted, required, missing in h.areas
        ]
    )
    return AuditSummary(
        rule_set.id,
        h.status,
        h.earned,
        h.counted,
        h.required,
        areas,
        h.missing,
        h.optimal,
    )


def summary_of(audit: Audit) -> AuditSummary:
    """The :class:`AuditSummary` of a full audit (:meth:`Audit.summary`)."""

    def earned(node: AuditNode) -> Decimal:
        done = (a.credits for a in node.applied if a.status is CourseStatus.COMPLETED)
        return sum(done, Decimal(0))

    root = audit.root
    areas = tuple(
        AreaSummary(
            n.path,
            n.title,
            n.status,
            earned(n),
            n.counted_credits,
            n.required_credits,
            n.missing_credits,
        )
        for n in root.children
    )
    return AuditSummary(
        audit.rule_set.id, root.status, earned(root), root.counted_credits, root.required_credits,
        areas, tuple((n.path, n.needed) for n in audit.missing()), audit.optimal,
    )  # fmt: skip
