"""The plan's own milestones (FAFSA, state aid form, opt-out) as audit milestones.

Rule sets name the milestones they accept by id (``fafsa``, ``fafsa-opt-out``,
a state's own form such as Texas' ``tasfa``...).  A plan records them as
:class:`ilpcore.model.Milestone` values; this module maps one to the other, so
an audit of a plan counts what the student has filed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from ilpcore.model import Milestone as PlanMilestone
from ilpcore.model import MilestoneKind
from ilpcore.requirements.inputs import Milestone, MilestoneStatus

__all__ = ["DEFAULT_MILESTONE_IDS", "audit_milestones"]

DEFAULT_MILESTONE_IDS: Mapping[MilestoneKind, str] = {
    MilestoneKind.FAFSA: "fafsa",
    MilestoneKind.OPT_OUT: "fafsa-opt-out",
    MilestoneKind.STATE_AID_FORM: "state-aid-form",
}
"""The rule-set id of each kind; a state's form has its own id (pass ``state_aid_form_id``)."""


def audit_milestones(
    milestones: Iterable[PlanMilestone], today: date, *, state_aid_form_id: str | None = None
) -> tuple[Milestone, ...]:
    """The plan's financial-aid milestones as audit inputs.

    Completed ones (``completed_on`` on or before ``today``) count as completed, the
    others as planned; scholarships are not graduation milestones and are left out.

    >>> from ilpcore.model import Milestone as Step
    >>> steps = [Step("M1", MilestoneKind.FAFSA, completed_on=date(2027, 10, 2)),
    ...          Step("M2", MilestoneKind.STATE_AID_FORM, due=date(2028, 3, 1))]
    >>> [(m.id, m.status.value) for m in audit_milestones(steps, date(2027, 12, 1),
    ...                                                    state_aid_form_id="tasfa")]
    [('fafsa', 'completed'), ('tasfa', 'planned')]
    """
    ids = dict(DEFAULT_MILESTONE_IDS)
    if state_aid_form_id is not None:
        ids[MilestoneKind.STATE_AID_FORM] = state_aid_form_id
    out = []
    for m in milestones:
        if m.kind not in ids:
            continue
        done = m.completed_on is not None and m.completed_on <= today
        status = MilestoneStatus.COMPLETED if done else MilestoneStatus.PLANNED
        out.append(Milestone(ids[m.kind], status, m.completed_on if done else m.due))
    return tuple(out)
