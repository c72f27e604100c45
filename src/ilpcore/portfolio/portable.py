"""A student's complete plan as one portable document, their own copy for life, and back.

The document is an ``ilpcore.portable_plan`` JSON document (see :doc:`/serialization`): the
current plan, the student's saved lists, and the content of every work sample in base64 with
its media type, size and hash. :func:`import_portable` restores it into any store, after
checking every hash.

>>> from ilpcore.model import Role
>>> from ilpcore.portfolio import add_artifact
>>> from ilpcore.samples import sample_plan
>>> from ilpcore.store import Actor
>>> from ilpcore.store.memory import MemoryStore
>>> maya = Actor("100482", Role.STUDENT)
>>> school = MemoryStore()
>>> plan = school.save_plan(maya, sample_plan(), base_revision=None)
>>> plan = add_artifact(school, maya, plan, b"Why nursing\\n", "essay.txt")
>>> document = export_portable(school, maya, "100482")
>>> college = MemoryStore()
>>> restored = import_portable(college, maya, document)
>>> restored == evolve(plan, revision=1)
True
>>> college.get_blob(maya, "100482", plan.artifacts[0].content_hash).data
b'Why nursing\\n'
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, Final

import attrs

from ilpcore.exceptions import ConflictError, NotFoundError, Problem
from ilpcore.model import Artifact, Plan, SavedList, evolve
from ilpcore.model._checks import (
    ModelBase,
    aware_datetime,
    check,
    each,
    instance_of,
    non_negative_int,
    unique,
)
from ilpcore.portfolio.files import write_file_atomically
from ilpcore.serialization import loads, register_document, to_document
from ilpcore.store import Actor, Store
from ilpcore.store.types import content_hash, media_type_problem

__all__ = [
    "PORTABLE_SCHEMA",
    "PortableFile",
    "PortablePlan",
    "export_portable",
    "import_portable",
    "read_portable",
    "write_portable",
]

PORTABLE_SCHEMA: Final = "ilpcore.portable_plan"


def _hash_problem(value: object) -> str | None:
    problems = Artifact.field_problems({"content_hash": value})
    return problems[0].message if problems else None


def _base64_problem(value: object) -> str | None:
    if not isinstance(value, str):
        return f"must be a base64 string, not {type(value).__name__}"
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as e:
        return f"is not valid base64: {e}"
    return None


@attrs.frozen
class PortableFile(ModelBase):
    """The content of one work sample, with what it is; its hash is checked on reading."""

    content_hash: str = attrs.field(metadata=check(_hash_problem))
    media_type: str = attrs.field(metadata=check(media_type_problem))
    size: int = attrs.field(metadata=check(non_negative_int))
    data: str = attrs.field(
        repr=lambda d: f"<{len(d)} base64 characters>", metadata=check(_base64_problem)
    )
    """The content in standard base64."""

    @classmethod
    def of(cls, data: bytes, media_type: str) -> PortableFile:
        """The portable form of ``data``."""
        encoded = base64.b64encode(data).decode("ascii")
        return cls(content_hash(data), media_type, len(data), encoded)

    @property
    def content(self) -> bytes:
        """The decoded content."""
        return base64.b64decode(self.data, validate=True)

    def _check(self) -> Iterable[Problem]:
        content = self.content
        if len(content) != self.size:
            yield Problem("size", f"is {self.size}, but the content has {len(content)} bytes")
        actual = content_hash(content)
        if actual != self.content_hash:
            yield Problem("content_hash", f"does not match the content, whose hash is {actual}")


@attrs.frozen
class PortablePlan(ModelBase):
    """A student's plan, saved lists and work samples, as one document."""

    plan: Plan = attrs.field(metadata=check(instance_of(Plan)))
    lists: tuple[SavedList, ...] = attrs.field(
        metadata=check(each(instance_of(SavedList)), unique("id"))
    )
    """The saved lists the store keeps for the student (beside the plan's own)."""
    files: tuple[PortableFile, ...] = attrs.field(
        metadata=check(each(instance_of(PortableFile)), unique("content_hash"))
    )
    """The content of every work sample the store holds for the student."""
    exported_at: datetime = attrs.field(metadata=check(aware_datetime))

    def _check(self) -> Iterable[Problem]:
        sizes = {f.content_hash: f.size for f in self.files}
        for i, artifact in enumerate(self.plan.artifacts):
            size = sizes.get(artifact.content_hash)
            if size is None:
                yield Problem(
                    f"plan.artifacts[{i}].content_hash", "no file in the document has this hash"
                )
            elif size != artifact.size:
                yield Problem(
                    f"plan.artifacts[{i}].size",
                    f"is {artifact.size}, but the file with its hash has {size} bytes",
                )


register_document(PortablePlan, PORTABLE_SCHEMA, 1)


def export_portable(
    store: Store, actor: Actor, student_id: str, *, now: datetime | None = None
) -> bytes:
    """The student's current plan, saved lists and work samples as one JSON document (UTF-8).

    Raises :class:`~ilpcore.exceptions.NotFoundError` when the student has no plan, or a work
    sample of the plan has no content in the store.
    """
    plan = store.load_plan(actor, student_id)
    refs = {ref.content_hash: ref for ref in store.list_blobs(actor, student_id)}
    for i, artifact in enumerate(plan.artifacts):
        if artifact.content_hash not in refs:
            raise NotFoundError(
                f"artifacts[{i}] ({artifact.id!r}): its content {artifact.content_hash} "
                f"is not in {store.url}"
            )
    files = tuple(
        PortableFile.of(store.get_blob(actor, student_id, digest).data, ref.media_type)
        for digest, ref in sorted(refs.items())
    )
    portable = PortablePlan(
        plan, store.load_lists(actor, student_id), files, now or datetime.now(UTC)
    )
    return json.dumps(to_document(portable), indent=1, ensure_ascii=False).encode("utf-8")


def read_portable(data: bytes | str) -> PortablePlan:
    """Read and check a portable document: every problem is reported at once, with its path
    (``files[2].content_hash``, ``plan.artifacts[0].content_hash``...), as a
    :class:`~ilpcore.exceptions.ValidationError`."""
    portable: PortablePlan = loads(data, PortablePlan)
    return portable


def import_portable(
    store: Store, actor: Actor, data: bytes | str | PortablePlan, *, replace: bool = False
) -> Plan:
    """Restore a portable document into ``store``; return the plan as saved there.

    Stores every work sample, saves the lists and then the plan (as the next revision). A
    student who already has a plan in ``store`` is refused with
    :class:`~ilpcore.exceptions.ConflictError` unless ``replace``: then the plan is saved over
    the current one and the student's saved lists become the document's.
    """
    portable = data if isinstance(data, PortablePlan) else read_portable(data)
    student_id = portable.plan.student.id
    current = store.current_revision(actor, student_id)
    if current and not replace:
        raise ConflictError(
            f"student {student_id!r} already has a plan (revision {current}) in {store.url}; "
            "import with replace=True (--replace) to save this one over it"
        )
    for file in portable.files:
        store.put_blob(actor, student_id, file.content, file.media_type)
    if current:
        kept = {saved.id for saved in portable.lists}
        for saved in store.load_lists(actor, student_id):
            if saved.id not in kept:
                store.delete_list(actor, student_id, saved.id)
    for saved in portable.lists:
        store.save_list(actor, student_id, saved)
    return store.save_plan(actor, evolve(portable.plan, revision=0), base_revision=current)


def _is_portable(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            head = file.read(200)
    except OSError:
        return False
    return f'"schema": "{PORTABLE_SCHEMA}"'.encode() in head


def write_portable(
    store: Store, actor: Actor, student_id: str, target: Path, *, force: bool = False
) -> int:
    """Write :func:`export_portable`'s document to ``target`` atomically; return its size.

    An existing ``target`` is replaced only with ``force``, and only when it is a portable
    document; else :class:`~ilpcore.exceptions.ExportExistsError`.
    """
    document = export_portable(store, actor, student_id)

    def write(out: BinaryIO) -> None:
        out.write(document)

    write_file_atomically(Path(target), write, force=force, looks_like_export=_is_portable)
    return len(document)
