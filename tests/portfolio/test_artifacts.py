"""Adding a work sample: stored by content, linked from the plan, every refusal changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from ilpcore.exceptions import (
    BlobTooLargeError,
    ConflictError,
    MediaTypeMismatchError,
    UnsafeFileNameError,
    UnsafeMediaTypeError,
    ValidationError,
)
from ilpcore.model import Plan, SubjectKind, SubjectRef
from ilpcore.portfolio import add_artifact, artifact_id_for
from ilpcore.store.memory import MemoryStore
from ilpcore.store.types import content_hash

from .conftest import MAYA, REFUSED, SAMPLES


def test_the_sample_is_stored_and_linked(store: MemoryStore, plan: Plan) -> None:
    data, name, media_type = SAMPLES["docx"]
    saved = add_artifact(
        store, MAYA, plan, data, name, description="My essay", about=("A-hosa", "A-shadow"),
        added_on=date(2026, 1, 5),
    )  # fmt: skip
    artifact = saved.artifacts[-1]
    assert saved.revision == plan.revision + 1
    assert saved.artifacts[:-1] == plan.artifacts
    assert artifact.id == artifact_id_for(data) == "W-" + content_hash(data)[7:19]
    assert (artifact.title, artifact.media_type, artifact.size) == ("essay", media_type, len(data))
    assert artifact.content_hash == content_hash(data)
    assert artifact.about == (
        SubjectRef(SubjectKind.ACTIVITY, "A-hosa"),
        SubjectRef(SubjectKind.ACTIVITY, "A-shadow"),
    )
    assert store.load_plan(MAYA, "100482") == saved
    blob = store.get_blob(MAYA, "100482", artifact.content_hash)
    assert (blob.data, blob.ref.media_type) == (data, media_type)


def _unchanged(store: MemoryStore, plan: Plan) -> None:
    assert store.load_plan(MAYA, "100482") == plan
    assert len(store.list_blobs(MAYA, "100482")) == len(plan.artifacts)


@pytest.mark.parametrize(
    ("data", "name", "kwargs", "error", "path"),
    [
        (SAMPLES["pdf"][0], "../x.pdf", {}, UnsafeFileNameError, "filename"),
        (SAMPLES["pdf"][0], "CON.pdf", {}, UnsafeFileNameError, "filename"),
        (REFUSED["html"][0], "page.txt", {}, UnsafeMediaTypeError, "data"),
        (REFUSED["windows-exe"][0], "essay.pdf", {}, UnsafeMediaTypeError, "data"),
        (b"hello", "page.html", {}, UnsafeMediaTypeError, "filename"),
        (SAMPLES["png"][0], "photo.jpg", {}, MediaTypeMismatchError, "filename"),
        (SAMPLES["png"][0], "photo.png", {"media_type": "image/gif"}, MediaTypeMismatchError,
         "media_type"),
        (SAMPLES["csv"][0], "x.csv", {"about": ("A-nope",)}, ValidationError,
         "about[0]"),
        (SAMPLES["csv"][0], "x.csv", {"about": (SubjectRef(SubjectKind.GOAL, "G-x"),)},
         ValidationError, "artifacts[3].about[0].id"),
        (SAMPLES["csv"][0], "x.csv", {"title": " "}, ValidationError, "title"),
        (SAMPLES["csv"][0], "x.csv", {"artifact_id": "bad id"}, ValidationError,
         "artifact_id"),
    ],
)  # fmt: skip
def test_refusals_name_the_bad_value_and_change_nothing(
    store: MemoryStore,
    plan: Plan,
    data: bytes,
    name: str,
    kwargs: dict[str, object],
    error: type[ValidationError],
    path: str,
) -> None:
    with pytest.raises(error) as info:
        add_artifact(store, MAYA, plan, data, name, **kwargs)  # type: ignore[arg-type]
    assert info.value.paths == (path,)
    _unchanged(store, plan)


def test_the_size_limit_is_the_stores(store: MemoryStore, plan: Plan) -> None:
    store.max_blob_size = 100
    big = b"x" * 101
    with pytest.raises(BlobTooLargeError, match=r"'big.txt' has 101 bytes.*limit of 100"):
        add_artifact(store, MAYA, plan, big, "big.txt")
    _unchanged(store, plan)
    assert add_artifact(store, MAYA, plan, big[:100], "big.txt").artifacts[-1].size == 100


def test_the_same_file_twice_and_a_stale_plan(store: MemoryStore, plan: Plan) -> None:
    data, name, _ = SAMPLES["pdf"]
    with pytest.raises(ValidationError, match="the same file is already in the portfolio") as info:
        add_artifact(store, MAYA, plan, data, name)
    assert info.value.paths == ("artifact_id",)
    again = add_artifact(store, MAYA, plan, data, name, artifact_id="W-copy", title="Copy")
    assert again.artifacts[-1].content_hash == plan.artifacts[0].content_hash
    with pytest.raises(ConflictError):
        add_artifact(store, MAYA, plan, b"late", "late.txt")  # plan is one revision behind
