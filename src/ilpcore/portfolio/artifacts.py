"""Adding a work sample to a student's plan: checked, stored by content, referenced by the plan.

>>> from ilpcore.model import Role
>>> from ilpcore.samples import sample_plan
>>> from ilpcore.store import Actor
>>> from ilpcore.store.memory import MemoryStore
>>> store = MemoryStore()
>>> maya = Actor("100482", Role.STUDENT)
>>> plan = store.save_plan(maya, sample_plan(), base_revision=None)
>>> plan = add_artifact(store, maya, plan, b"%PDF-1.7\\n...", "Care plan.pdf",
...                     about=("A-shadow",), added_on=date(2025, 11, 12))
>>> artifact = plan.artifacts[-1]
>>> artifact.title, artifact.media_type, artifact.size, plan.revision
('Care plan', 'application/pdf', 12, 2)
>>> store.get_blob(maya, "100482", artifact.content_hash).data
b'%PDF-1.7\\n...'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ilpcore.exceptions import BlobTooLargeError, Problem, ValidationError
from ilpcore.model import Artifact, Plan, SubjectKind, SubjectRef, evolve
from ilpcore.portfolio.media import check_media
from ilpcore.portfolio.names import check_filename
from ilpcore.store import Actor, Store
from ilpcore.store.types import content_hash

__all__ = ["add_artifact", "artifact_id_for", "check_size"]

_ARGUMENTS = {"id": "artifact_id", "added_on": "added_on", "title": "title"}


def artifact_id_for(data: bytes) -> str:
    """The id :func:`add_artifact` gives a work sample by default: ``W-`` and 12 hex digits
    of its content hash, so the same file is not added twice by accident."""
    return "W-" + content_hash(data).removeprefix("sha256:")[:12]


def check_size(store: Store, filename: str, size: int) -> None:
    """Raise :class:`~ilpcore.exceptions.BlobTooLargeError` when ``size`` bytes are more than
    ``store`` takes (its :attr:`~ilpcore.store.Store.max_blob_size`), naming both."""
    if size > store.max_blob_size:
        raise BlobTooLargeError(
            f"{filename!r} has {size} bytes, more than the limit of {store.max_blob_size} "
            f"bytes of {store.url}"
        )


def add_artifact(
    store: Store,
    actor: Actor,
    plan: Plan,
    data: bytes,
    filename: str,
    *,
    media_type: str | None = None,
    title: str | None = None,
    description: str | None = None,
    about: Iterable[str | SubjectRef] = (),
    artifact_id: str | None = None,
    added_on: date | None = None,
) -> Plan:
    """Add the work sample ``data``, uploaded as ``filename``, to ``plan``; return it as saved.

    Checks, in order: the name (:func:`~ilpcore.portfolio.names.check_filename`), the size
    (the store's :attr:`~ilpcore.store.Store.max_blob_size`), the type from the content,
    extension and ``media_type`` (:func:`~ilpcore.portfolio.media.check_media`). Then stores
    the content with :meth:`~ilpcore.store.Store.put_blob`, appends an
    :class:`~ilpcore.model.Artifact` (the new last item of ``plan.artifacts``) and saves the
    plan as the next revision after ``plan.revision``
    (:class:`~ilpcore.exceptions.ConflictError` if someone saved in between).

    ``title`` defaults to the file name without its extension; ``about`` links the sample to
    activities by id (or to anything with :class:`~ilpcore.model.SubjectRef`); ``artifact_id``
    defaults to :func:`artifact_id_for`; ``added_on`` to today.

    The content is stored before the plan is saved: when the save fails (a conflict), it stays
    in the store unreferenced, and adding it again reuses it.
    """
    check_filename(filename)
    if not isinstance(data, bytes):
        raise ValidationError.at("data", f"must be bytes, not {type(data).__name__}")
    check_size(store, filename, len(data))
    found = check_media(data, filename, media_type)
    new_id = artifact_id or artifact_id_for(data)
    for existing in plan.artifacts:
        if existing.id == new_id:
            why = "the same file is already" if artifact_id is None else "an artifact is"
            raise ValidationError.at(
                "artifact_id", f"{why} in the portfolio as {new_id!r} ({existing.title!r})"
            )
    refs = tuple(
        ref if isinstance(ref, SubjectRef) else SubjectRef(SubjectKind.ACTIVITY, ref)
        for ref in about
    )
    activities = {a.id for a in plan.activities}
    for i, ref in enumerate(refs):
        if ref.kind is SubjectKind.ACTIVITY and ref.id not in activities:
            raise ValidationError.at(f"about[{i}]", f"no activity with id {ref.id!r} in this plan")
    stem = filename.rpartition(".")[0] or filename
    try:
        artifact = Artifact(
            new_id,
            title if title is not None else stem,
            content_hash(data),
            found,
            len(data),
            added_on or date.today(),
            description,
            refs,
        )
    except ValidationError as e:  # name the arguments, not the artifact's fields
        raise ValidationError(
            [Problem(_ARGUMENTS.get(p.path, p.path), p.message) for p in e.problems]
        ) from None
    updated = evolve(plan, artifacts=(*plan.artifacts, artifact))
    store.put_blob(actor, plan.student.id, data, found)
    return store.save_plan(actor, updated, base_revision=plan.revision)
