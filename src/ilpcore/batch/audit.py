"""Graduation audits for many students: plans in, one flat :class:`~ilpcore.batch.AuditRow` each.

Which rule set a student is audited against (``rules``):

* a :class:`~ilpcore.requirements.RuleSet`: that one, for everybody;
* a string naming a built-in rule set id (``"US-KY-minimum-2024"``): that one;
* any other string, a jurisdiction (``"US-KY"``): its rule set for the student's
  graduation class (and ``diploma``), as :func:`ilpcore.requirements.registry.find`;
* ``None``: the jurisdiction of the student's school state (``US-`` + state).

A plan is audited as ``ilp demo`` does: the transcript and every course plan
together, courses of the course plans and CTE courses counting as aligned to the
ILP, and the plan's financial-aid milestones as of ``today``
(:func:`audit_inputs`).  A student whose state has no rule set for their class, or
whose audit fails on their data, gets a row whose ``reason`` says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Final

import attrs

from ilpcore.batch.blocks import Progress, blocks
from ilpcore.batch.rows import AreaResult, AuditRow
from ilpcore.exceptions import IlpcoreError
from ilpcore.model import Plan
from ilpcore.requirements import RuleSet, headline, plan_audit_inputs, registry

__all__ = ["DEFAULT_AUDIT_BLOCK", "RuleSets", "audit_inputs", "audit_row", "batch_audit"]

DEFAULT_AUDIT_BLOCK: Final = 256


audit_inputs = plan_audit_inputs
"""What the audit of a plan reads (:func:`ilpcore.requirements.plan_audit_inputs`)."""


@attrs.define
class RuleSets:
    """Picks (and remembers) the rule set of each student; see the module docstring."""

    rules: RuleSet | str | None = None
    diploma: str | None = None
    _found: dict[tuple[str, int], RuleSet | str] = attrs.field(factory=dict, init=False)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.rules, str) and any(
            rs.id == self.rules for rs in registry.builtin_rule_sets()
        ):
            self.rules = registry.get(self.rules)

    def for_plan(self, plan: Plan) -> RuleSet | str:
        """The rule set for the plan's student, or why there is none."""
        if isinstance(self.rules, RuleSet):
            return self.rules
        jurisdiction = self.rules
        if jurisdiction is None:
            state = plan.student.school.state
            if state is None:
                return "the school has no state: name the rules or jurisdiction"
            jurisdiction = f"US-{state}"
        key = (jurisdiction, plan.student.cohort)
        found = self._found.get(key)
        if found is None:
            try:
                found = registry.find(jurisdiction, plan.student.cohort, self.diploma)
            except IlpcoreError as e:
                found = str(e)
            self._found[key] = found
        return found


def batch_audit(
    plans: Iterable[Plan],
    rules: RuleSet | str | None = None,
    *,
    diploma: str | None = None,
    today: date | None = None,
    block_size: int = DEFAULT_AUDIT_BLOCK,
    progress: Progress | None = None,
) -> Iterator[AuditRow]:
    """Audit every plan (see the module docstring); one row a student, in input order.

    ``today`` (default: the day the batch starts) decides which milestones are done.
    ``progress(done, total)`` is called after each block of ``block_size`` plans.
    """
    picker = RuleSets(rules, diploma)
    day = today or date.today()
    for block in blocks(plans, block_size, progress):
        for plan in block:
            yield audit_row(plan, picker.for_plan(plan), day)


def audit_row(plan: Plan, rule_set: RuleSet | str, today: date) -> AuditRow:
    """The row of one student: their audit against ``rule_set``, or ``rule_set`` as the reason."""
    s = plan.student
    if isinstance(rule_set, str):
        return AuditRow(s.id, s.school.id, s.cohort, None, None, None, None, None, None,
                        reason=rule_set)  # fmt: skip
    record = audit_inputs(plan, today)
    try:
        h = headline(
            rule_set, record.courses, assessments=record.assessments,
            milestones=record.milestones, ilp_aligned=record.ilp_aligned,
        )  # fmt: skip
    except IlpcoreError as e:
        return AuditRow(s.id, s.school.id, s.cohort, rule_set.id, None, None, None, None, None,
                        reason=f"{type(e).__name__}: {e}")  # fmt: skip
    return AuditRow(
        s.id, s.school.id, s.cohort, rule_set.id, h.status.value, h.status.satisfied,
        h.earned, h.counted, h.required,
        tuple([
            AreaResult(path, title, status.value, earned, counted, required, missing)
            for path, title, status, earned, counted, required, missing in h.areas
        ]),
        tuple([f"{path or '(total)'}: {needed}" for path, needed in h.missing]),
        h.optimal,
    )  # fmt: skip
