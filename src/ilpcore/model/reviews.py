"""Reviews of the plan: who met, why, what changed, and who signed off."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    a_date,
    check,
    each,
    identifier,
    instance_of,
    non_blank,
    non_negative_int,
    optional,
)
from ilpcore.model.people import Role

__all__ = ["Participant", "Review", "ReviewKind", "SignOff"]


class ReviewKind(enum.Enum):
    """Why a review was held."""

    SCHEDULED = "scheduled"
    """A regular review (most states require at least one or two a school year)."""
    ENTERING_HIGH_SCHOOL = "entering_high_school"
    """The transition review before grade 9."""
    LEAVING_HIGH_SCHOOL = "leaving_high_school"
    """The transition review before graduation or exit."""
    REQUESTED = "requested"
    """Asked for by the student, a parent or staff outside the schedule."""


@attrs.frozen
class Participant(ModelBase):
    """Someone who took part in a review, and in what role."""

    name: str = attrs.field(metadata=check(non_blank))
    role: Role = attrs.field(metadata=check(instance_of(Role)))


@attrs.frozen
class SignOff(ModelBase):
    """A participant's confirmation of the reviewed plan."""

    name: str = attrs.field(metadata=check(non_blank))
    role: Role = attrs.field(metadata=check(instance_of(Role)))
    signed_on: date = attrs.field(metadata=check(a_date))


@attrs.frozen
class Review(ModelBase):
    """One review meeting of the plan."""

    id: str = attrs.field(metadata=check(identifier))
    held_on: date = attrs.field(metadata=check(a_date))
    kind: ReviewKind = attrs.field(metadata=check(instance_of(ReviewKind)))
    participants: tuple[Participant, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Participant)))
    )
    changes: tuple[str, ...] = attrs.field(default=(), metadata=check(each(non_blank)))
    """What changed in the plan, in words (a structured diff lives beside the revisions)."""
    notes: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    sign_offs: tuple[SignOff, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(SignOff)))
    )
    revision_before: int | None = attrs.field(
        default=None, metadata=check(optional(non_negative_int))
    )
    revision_after: int | None = attrs.field(
        default=None, metadata=check(optional(non_negative_int))
    )

    def _check(self) -> Iterable[Problem]:
        for i, s in enumerate(self.sign_offs):
            if s.signed_on < self.held_on:
                yield Problem(
                    f"sign_offs[{i}].signed_on",
                    f"{s.signed_on} is before the review {self.held_on}",
                )
        if (
            self.revision_before is not None
            and self.revision_after is not None
            and self.revision_after < self.revision_before
        ):
            yield Problem("revision_after", "is before revision_before")

    def signed_by(self, role: Role) -> bool:
        """Whether someone in ``role`` signed off."""
        return any(s.role is role for s in self.sign_offs)
