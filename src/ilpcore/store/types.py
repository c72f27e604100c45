"""The values a store takes and returns: who acts, queries, history entries, blobs, tombstones."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Final

import attrs

from ilpcore.model import Role
from ilpcore.model._checks import (
    ModelBase,
    aware_datetime,
    check,
    grade_level,
    identifier,
    instance_of,
    non_negative_int,
    optional,
    positive_int,
    year,
)

__all__ = [
    "Actor",
    "Blob",
    "BlobRef",
    "Deletion",
    "PlanQuery",
    "PlanSummary",
    "RevisionInfo",
    "content_hash",
    "media_type_problem",
]

_MEDIA_TYPE: Final = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")


def content_hash(data: bytes) -> str:
    """The content address of ``data``: ``sha256:`` and 64 lower-case hex digits.

    >>> content_hash(b"")
    'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    """
    return "sha256:" + hashlib.sha256(data).hexdigest()


def media_type_problem(value: object) -> str | None:
    """``None`` for a media type such as ``application/pdf``, else what is wrong."""
    if not isinstance(value, str) or not _MEDIA_TYPE.fullmatch(value):
        return f"{value!r} is not a media type such as application/pdf"
    return None


@attrs.frozen
class Actor(ModelBase):
    """Who is reading or writing, and in what role.

    Every store operation takes one, so access policies and audits can be
    added without changing the API.

    >>> Actor("counselor-7", Role.COUNSELOR)
    Actor(id='counselor-7', role=<Role.COUNSELOR: 'counselor'>)
    """

    id: str = attrs.field(metadata=check(identifier))
    role: Role = attrs.field(metadata=check(instance_of(Role)))


@attrs.frozen
class RevisionInfo(ModelBase):
    """One entry of a plan's history: which revision, who saved it and when."""

    student_id: str = attrs.field(metadata=check(identifier))
    revision: int = attrs.field(metadata=check(positive_int))
    saved_by: Actor = attrs.field(metadata=check(instance_of(Actor)))
    saved_at: datetime = attrs.field(metadata=check(aware_datetime))


@attrs.frozen
class PlanQuery(ModelBase):
    """Which current plans to list; ``None`` fields match everything.

    >>> PlanQuery(school_id="HS1", cohort=2029)
    PlanQuery(school_id='HS1', cohort=2029, grade_level=None)
    """

    school_id: str | None = attrs.field(default=None, metadata=check(optional(identifier)))
    cohort: int | None = attrs.field(default=None, metadata=check(optional(year)))
    grade_level: int | None = attrs.field(default=None, metadata=check(optional(grade_level)))


@attrs.frozen
class PlanSummary(ModelBase):
    """What a listing says about a student's current plan, without loading it."""

    student_id: str = attrs.field(metadata=check(identifier))
    school_id: str = attrs.field(metadata=check(identifier))
    cohort: int = attrs.field(metadata=check(year))
    grade_level: int = attrs.field(metadata=check(grade_level))
    revision: int = attrs.field(metadata=check(positive_int))
    saved_at: datetime = attrs.field(metadata=check(aware_datetime))


@attrs.frozen
class Deletion(ModelBase):
    """The tombstone left when a student's data was deleted: who, when, how much."""

    student_id: str = attrs.field(metadata=check(identifier))
    deleted_by: Actor = attrs.field(metadata=check(instance_of(Actor)))
    deleted_at: datetime = attrs.field(metadata=check(aware_datetime))
    revisions: int = attrs.field(metadata=check(non_negative_int))
    """How many plan revisions were removed."""


@attrs.frozen
class BlobRef(ModelBase):
    """Where an artifact's content is: its hash, media type and size in bytes."""

    content_hash: str = attrs.field()
    media_type: str = attrs.field(metadata=check(media_type_problem))
    size: int = attrs.field(metadata=check(non_negative_int))


@attrs.frozen
class Blob:
    """An artifact's content and what it is."""

    ref: BlobRef
    data: bytes = attrs.field(repr=lambda d: f"<{len(d)} bytes>")
