"""College applications a student tracks, and the financial-aid milestones a state may require."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from datetime import date
from typing import Final

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    Outcome,
    a_date,
    check,
    identifier,
    instance_of,
    non_blank,
    not_before,
    optional,
)

__all__ = ["ApplicationStatus", "CollegeApplication", "Milestone", "MilestoneKind"]

_UNITID: Final = re.compile(r"\d{6}")


def unitid(value: object) -> Outcome:
    """An IPEDS UNITID: six digits, as text (the key of a saved college)."""
    if not isinstance(value, str) or not _UNITID.fullmatch(value):
        return f"{value!r} is not an IPEDS UNITID (six digits)"
    return None


class ApplicationStatus(enum.Enum):
    """Where an application stands, from first look to enrollment."""

    RESEARCHING = "researching"
    APPLYING = "applying"
    SUBMITTED = "submitted"
    ADMITTED = "admitted"
    WAITLISTED = "waitlisted"
    DENIED = "denied"
    ENROLLED = "enrolled"


_SUBMITTED_OR_LATER: Final = frozenset(
    {
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.ADMITTED,
        ApplicationStatus.WAITLISTED,
        ApplicationStatus.DENIED,
        ApplicationStatus.ENROLLED,
    }
)


@attrs.frozen
class CollegeApplication(ModelBase):
    """One college on the student's list and how the application is going.

    >>> from datetime import date
    >>> app = CollegeApplication("157085", "University of Kentucky", ApplicationStatus.SUBMITTED,
    ...                          deadline=date(2027, 12, 1), submitted_on=date(2027, 11, 10))
    >>> app.is_submitted
    True
    """

    unitid: str = attrs.field(metadata=check(unitid))
    """The IPEDS UNITID, as in a :class:`~ilpcore.model.SavedList` of colleges."""
    name: str = attrs.field(metadata=check(non_blank))
    status: ApplicationStatus = attrs.field(metadata=check(instance_of(ApplicationStatus)))
    deadline: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    submitted_on: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    decision_on: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    notes: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    def _check(self) -> Iterable[Problem]:
        yield from not_before("decision_on", "submitted_on", self.decision_on, self.submitted_on)
        if self.submitted_on is not None and self.status not in _SUBMITTED_OR_LATER:
            yield Problem("submitted_on", f"is set but the status is still {self.status.value!r}")

    @property
    def is_submitted(self) -> bool:
        return self.status in _SUBMITTED_OR_LATER

    def is_overdue(self, today: date) -> bool:
        """Not submitted and the deadline has passed."""
        return not self.is_submitted and self.deadline is not None and self.deadline < today


class MilestoneKind(enum.Enum):
    """Financial-planning steps that states count toward graduation or aid eligibility."""

    FAFSA = "fafsa"
    """Free Application for Federal Student Aid filed."""
    STATE_AID_FORM = "state_aid_form"
    """A state's own aid application (e.g. for students who cannot file the FAFSA)."""
    OPT_OUT = "opt_out"
    """A signed opt-out form where the state allows one instead of the FAFSA."""
    SCHOLARSHIP = "scholarship"
    """A scholarship applied to."""


@attrs.frozen
class Milestone(ModelBase):
    """A financial-planning step: due, and done when ``completed_on`` is set.

    The requirements evaluator can treat ``FAFSA`` / ``STATE_AID_FORM`` / ``OPT_OUT``
    as one alternative requirement ("file the FAFSA, a state form, or an opt-out").
    """

    id: str = attrs.field(metadata=check(identifier))
    kind: MilestoneKind = attrs.field(metadata=check(instance_of(MilestoneKind)))
    title: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """E.g. the scholarship's name."""
    due: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    completed_on: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    @property
    def done(self) -> bool:
        return self.completed_on is not None
