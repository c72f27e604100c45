"""The three phases of an ILP, and their dated completions."""

from __future__ import annotations

import enum
from datetime import date

import attrs

from ilpcore.model._checks import ModelBase, a_date, check, instance_of, non_blank, optional

__all__ = ["Phase", "PhaseCompletion"]


class Phase(enum.Enum):
    """The phases named by ILP frameworks (e.g. Kentucky's ILP, Colorado's ICAP)."""

    SELF_EXPLORATION = "self_exploration"
    CAREER_EXPLORATION = "career_exploration"
    CAREER_PLANNING = "career_planning"
    """Career planning and management."""


@attrs.frozen
class PhaseCompletion(ModelBase):
    """The date a phase was completed (each phase at most once per plan)."""

    phase: Phase = attrs.field(metadata=check(instance_of(Phase)))
    completed_on: date = attrs.field(metadata=check(a_date))
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
