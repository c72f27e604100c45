"""The portable plan: any plan with its lists and work samples goes to another store and back
unchanged; a bad document is refused with the path of every problem."""

from __future__ import annotations

import base64
import itertools
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import (
    ConflictError,
    ExportExistsError,
    NotFoundError,
    SchemaError,
    ValidationError,
)
from ilpcore.model import Plan, SavedList, SavedListKind, evolve
from ilpcore.portfolio import (
    PortablePlan,
    export_portable,
    import_portable,
    read_portable,
    write_portable,
)
from ilpcore.store import Store
from ilpcore.store.memory import MemoryStore
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.store.types import content_hash
from ilpcore.testing.strategies import plans, saved_lists

from .conftest import MAYA, stored_plan

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
_numbers = itertools.count()


@pytest.fixture(params=["ilpcore_memory_store", "ilpcore_sqlite_store"])
def source(request: pytest.FixtureRequest) -> Store:
    """The stores' own conformance fixtures: a fresh memory and a fresh SQLite store."""
    store: Store = request.getfixturevalue(request.param)
    return store


def _fresh_like(store: Store, folder: Path) -> Store:
    if isinstance(store, SQLiteStore):
        return SQLiteStore(folder / f"target-{next(_numbers)}.sqlite3")
    return MemoryStore()


_blobs = st.lists(
    st.tuples(st.binary(max_size=3000), st.sampled_from(["application/pdf", "image/png",
                                                         "text/plain", "video/mp4"])),
    min_size=1, max_size=4, unique_by=lambda b: b[0],
)  # fmt: skip


def _with_blobs(plan: Plan, blobs: list[tuple[bytes, str]], student_id: str) -> Plan:
    """``plan`` for ``student_id``, its artifacts pointing at ``blobs`` (round robin)."""
    artifacts = tuple(
        evolve(a, content_hash=content_hash(data), size=len(data), media_type=media_type)
        for a, (data, media_type) in zip(plan.artifacts, itertools.cycle(blobs), strict=False)
    )
    student = evolve(plan.student, id=student_id)
    return evolve(plan, student=student, artifacts=artifacts)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    plans(max_items=3),
    _blobs,
    st.lists(saved_lists(), max_size=3, unique_by=lambda s: s.id),
    st.booleans(),
)
def test_round_trip_of_any_plan_lists_and_blobs(
    source: Store,
    tmp_path: Path,
    plan: Plan,
    blobs: list[tuple[bytes, str]],
    lists: list[SavedList],
    extra_blob: bool,
) -> None:
    student_id = f"S-{next(_numbers)}"
    plan = source.save_plan(MAYA, _with_blobs(plan, blobs, student_id), base_revision=None)
    for data, media_type in blobs[: len(plan.artifacts)] if not extra_blob else blobs:
        source.put_blob(MAYA, student_id, data, media_type)
    for saved in lists:
        source.save_list(MAYA, student_id, saved)
    document = export_portable(source, MAYA, student_id, now=NOW)

    with _fresh_like(source, tmp_path) as target:
        restored = import_portable(target, MAYA, document)
        assert restored == evolve(plan, revision=1)
        assert target.load_plan(MAYA, student_id) == restored
        assert target.load_lists(MAYA, student_id) == source.load_lists(MAYA, student_id)
        assert target.list_blobs(MAYA, student_id) == source.list_blobs(MAYA, student_id)
        for ref in source.list_blobs(MAYA, student_id):
            assert target.get_blob(MAYA, student_id, ref.content_hash) == source.get_blob(
                MAYA, student_id, ref.content_hash
            )
        again = export_portable(target, MAYA, student_id, now=NOW)
    assert read_portable(again) == evolve(read_portable(document), plan=restored)


def _document() -> dict[str, Any]:
    with MemoryStore() as store:
        stored_plan(store)
        document: dict[str, Any] = json.loads(export_portable(store, MAYA, "100482", now=NOW))
    return document


def test_the_document_format() -> None:
    document = _document()
    assert (document["schema"], document["version"]) == ("ilpcore.portable_plan", 1)
    assert list(document) == ["schema", "version", "plan", "lists", "files", "exported_at"]
    assert document["exported_at"] == "2026-06-01T12:00:00+00:00"
    assert document["plan"]["student"]["id"] == "100482"
    first = document["files"][0]
    assert list(first) == ["content_hash", "media_type", "size", "data"]
    assert content_hash(base64.b64decode(first["data"])) == first["content_hash"]
    assert sorted(f["content_hash"] for f in document["files"]) == sorted(
        a["content_hash"] for a in document["plan"]["artifacts"]
    )


def _tampered(change: str) -> dict[str, Any]:
    document = _document()
    file = document["files"][0]
    if change == "content":
        file["data"] = base64.b64encode(b"swapped").decode()
        file["size"] = 7
    elif change == "size":
        file["size"] += 1
    elif change == "base64":
        file["data"] = "not base64!"
    elif change == "hash":
        file["content_hash"] = "md5:1234"
    elif change == "missing":
        document["files"] = [f for f in document["files"] if f is not file]
    elif change == "plan":
        document["plan"]["student"]["grade_level"] = 13
    elif change == "artifact size":
        document["plan"]["artifacts"][0]["size"] += 1
    return document


@pytest.mark.parametrize(
    ("change", "paths"),
    [
        ("content", ["files[0].content_hash"]),
        ("size", ["files[0].size"]),
        ("base64", ["files[0].data"]),
        ("hash", ["files[0].content_hash"]),
        ("plan", ["plan.student.grade_level"]),
        ("missing", None),
        ("artifact size", None),
    ],
)
def test_a_bad_document_names_every_problem(change: str, paths: list[str] | None) -> None:
    document = _tampered(change)
    with pytest.raises(ValidationError) as info:
        read_portable(json.dumps(document))
    if paths is None:  # which artifact depends on the order of the hashes
        (path,) = info.value.paths
        assert path.startswith("plan.artifacts[")
        assert path.endswith(("content_hash", "size"))
    else:
        assert list(info.value.paths) == paths
    target = MemoryStore()
    with pytest.raises(ValidationError):
        import_portable(target, MAYA, json.dumps(document).encode())
    assert target.list_plans(MAYA) == ()
    assert target.list_blobs(MAYA, "100482") == ()


def test_not_a_portable_document() -> None:
    with pytest.raises(ValidationError, match="not valid JSON"):
        read_portable(b"\x89PNG")
    with pytest.raises(SchemaError, match=r"expected a 'ilpcore\.portable_plan' document"):
        read_portable(json.dumps(_document()["plan"] | {"schema": "ilpcore.plan", "version": 1}))


@settings(max_examples=40)
@given(st.data())
def test_any_damaged_document_is_refused_as_invalid(data: st.DataObject) -> None:
    document = _document()
    paths: list[tuple[str | int, ...]] = [
        ("files", i, key) for i in range(3) for key in ("content_hash", "size", "data")
    ]
    paths += [("plan", "student", key) for key in ("id", "grade_level", "cohort")]
    where = data.draw(st.sampled_from(paths))
    value = data.draw(st.one_of(st.none(), st.integers(), st.text(max_size=20), st.booleans()))
    parent: Any = document
    for step in where[:-1]:
        parent = parent[step]
    if parent[where[-1]] == value:
        return
    parent[where[-1]] = value
    with pytest.raises(ValidationError):
        read_portable(json.dumps(document))


def test_import_over_an_existing_plan_needs_replace(store: MemoryStore, plan: Plan) -> None:
    kept = SavedList("kept", SavedListKind.CAREERS, "Careers", date(2025, 10, 1))
    store.save_list(MAYA, "100482", kept)
    document = export_portable(store, MAYA, "100482")
    with pytest.raises(ConflictError, match=r"already has a plan \(revision 5\)"):
        import_portable(store, MAYA, document)
    store.save_list(MAYA, "100482", evolve(kept, id="extra"))
    restored = import_portable(store, MAYA, document, replace=True)
    assert restored == evolve(plan, revision=6)
    assert store.load_lists(MAYA, "100482") == (kept,)


def test_write_portable(store: MemoryStore, plan: Plan, tmp_path: Path) -> None:
    target = tmp_path / "maya.json"
    size = write_portable(store, MAYA, "100482", target)
    assert size == target.stat().st_size
    assert isinstance(read_portable(target.read_bytes()), PortablePlan)
    with pytest.raises(ExportExistsError, match="--force"):
        write_portable(store, MAYA, "100482", target)
    write_portable(store, MAYA, "100482", target, force=True)
    other = tmp_path / "notes.json"
    other.write_text('{"mine": true}')
    with pytest.raises(ExportExistsError, match="not an earlier export"):
        write_portable(store, MAYA, "100482", other, force=True)
    assert other.read_text() == '{"mine": true}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maya.json", "notes.json"]


def test_export_needs_every_artifacts_content(plan: Plan) -> None:
    other = MemoryStore()
    other.save_plan(MAYA, plan, base_revision=None)
    with pytest.raises(NotFoundError, match=r"artifacts\[0\]"):
        export_portable(other, MAYA, "100482")
