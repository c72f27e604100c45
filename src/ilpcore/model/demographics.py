"""Demographic data, kept apart from the profile because it is sensitive.

A plan may carry none of it; exports and access policies treat this type as
restricted.
"""

from __future__ import annotations

import enum

import attrs

from ilpcore.model._checks import ModelBase, boolean, check, each, instance_of, non_blank, optional

__all__ = ["Demographics", "RaceEthnicity"]


class RaceEthnicity(enum.Enum):
    """The federal (OMB 1997) race categories, with Hispanic/Latino asked separately."""

    AMERICAN_INDIAN_OR_ALASKA_NATIVE = "american_indian_or_alaska_native"
    ASIAN = "asian"
    BLACK_OR_AFRICAN_AMERICAN = "black_or_african_american"
    NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER = "native_hawaiian_or_other_pacific_islander"
    WHITE = "white"


_optional_flag = check(optional(boolean))


@attrs.frozen
class Demographics(ModelBase):
    """Optional, sensitive facts used for equity reporting; ``None`` means not recorded."""

    sex: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    races: tuple[RaceEthnicity, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(RaceEthnicity)))
    )
    hispanic_or_latino: bool | None = attrs.field(default=None, metadata=_optional_flag)
    english_learner: bool | None = attrs.field(default=None, metadata=_optional_flag)
    economically_disadvantaged: bool | None = attrs.field(default=None, metadata=_optional_flag)
    students_with_disabilities: bool | None = attrs.field(default=None, metadata=_optional_flag)
    homeless: bool | None = attrs.field(default=None, metadata=_optional_flag)
    foster_care: bool | None = attrs.field(default=None, metadata=_optional_flag)
    migrant: bool | None = attrs.field(default=None, metadata=_optional_flag)
    military_connected: bool | None = attrs.field(default=None, metadata=_optional_flag)
    home_language: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
