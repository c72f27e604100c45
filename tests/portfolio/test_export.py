"""Exporting the ePortfolio: folder and zip contents, atomic writes, replacing only with force."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ilpcore.exceptions import ExportError, ExportExistsError, NotFoundError
from ilpcore.model import Artifact, Plan, evolve
from ilpcore.portfolio import export_portfolio
from ilpcore.portfolio.export import INDEX, MARKER
from ilpcore.portfolio.html import to_html
from ilpcore.samples import sample_plan
from ilpcore.store.memory import MemoryStore

from .conftest import AS_OF, MAYA, SAMPLES

EXPECTED = (
    "index.html",
    "files/01-care-plan-for-a-b-pretend-b-patient.pdf",
    "files/02-volunteer-badge.png",
    "files/03-essay.md",
    MARKER,
)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_folder_export(store: MemoryStore, plan: Plan, tmp_path: Path) -> None:
    target = tmp_path / "maya"
    result = export_portfolio(store, MAYA, "100482", target, as_of=AS_OF)
    assert result.paths == EXPECTED
    tree = _tree(target)
    assert sorted(tree) == sorted(EXPECTED)
    assert tree[INDEX].decode() == to_html(result.portfolio)
    assert tree[EXPECTED[1]] == SAMPLES["pdf"][0]
    assert tree[EXPECTED[2]] == SAMPLES["png"][0]
    assert tree[EXPECTED[3]] == SAMPLES["markdown"][0]
    assert result.size == sum(map(len, tree.values()))
    marker = json.loads(tree[MARKER])
    assert marker["student_id"] == "100482"
    assert marker["as_of"] == "2025-12-01"
    assert [f["content_hash"] for f in marker["files"]] == [a.content_hash for a in plan.artifacts]
    assert result.to_json()["hours"]["total"] == "232"
    assert result.to_json()["work_samples"] == 3
    assert [p.name for p in tmp_path.iterdir()] == ["maya"]  # no temporary folder left


def test_zip_export(store: MemoryStore, plan: Plan, tmp_path: Path) -> None:
    target = tmp_path / "maya-portfolio.zip"
    result = export_portfolio(store, MAYA, "100482", target, as_zip=True, as_of=AS_OF)
    assert result.zipped
    assert result.size == target.stat().st_size
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [f"maya-portfolio/{p}" for p in EXPECTED]
        assert archive.read("maya-portfolio/files/02-volunteer-badge.png") == SAMPLES["png"][0]
        assert archive.read("maya-portfolio/index.html").decode() == to_html(result.portfolio)
        assert {i.date_time for i in archive.infolist()} == {(2025, 12, 1, 0, 0, 0)}
    first = target.read_bytes()
    export_portfolio(store, MAYA, "100482", target, as_zip=True, as_of=AS_OF, force=True)
    assert target.read_bytes() == first  # the same export, byte for byte
    assert [p.name for p in tmp_path.iterdir()] == ["maya-portfolio.zip"]


def test_a_zip_named_unsafely_holds_a_safe_folder(
    store: MemoryStore, plan: Plan, tmp_path: Path
) -> None:
    target = tmp_path / "CON.zip"
    export_portfolio(store, MAYA, "100482", target, as_zip=True, as_of=AS_OF)
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist()[0] == "portfolio-100482/index.html"


def test_folder_is_replaced_only_with_force(store: MemoryStore, plan: Plan, tmp_path: Path) -> None:
    target = tmp_path / "maya"
    export_portfolio(store, MAYA, "100482", target, as_of=AS_OF)
    with pytest.raises(ExportExistsError, match=r"maya.*exists; replace it with --force"):
        export_portfolio(store, MAYA, "100482", target)
    fewer = evolve(plan, artifacts=plan.artifacts[:1], reflections=plan.reflections[:2])
    store.save_plan(MAYA, fewer, base_revision=plan.revision)
    result = export_portfolio(store, MAYA, "100482", target, force=True, as_of=AS_OF)
    assert sorted(_tree(target)) == sorted(result.paths) == sorted((*EXPECTED[:2], MARKER))
    assert [p.name for p in tmp_path.iterdir()] == ["maya"]


def test_force_never_replaces_other_folders_or_files(
    store: MemoryStore, plan: Plan, tmp_path: Path
) -> None:
    homework = tmp_path / "homework"
    homework.mkdir()
    (homework / "essay.docx").write_bytes(b"precious")
    with pytest.raises(ExportExistsError, match=f"is not an earlier export .*{MARKER}"):
        export_portfolio(store, MAYA, "100482", homework, force=True)
    assert _tree(homework) == {"essay.docx": b"precious"}
    notes = tmp_path / "notes.zip"
    notes.write_bytes(b"not a zip")
    with pytest.raises(ExportExistsError, match="not an earlier export"):
        export_portfolio(store, MAYA, "100482", notes, as_zip=True, force=True)
    with pytest.raises(ExportExistsError, match="exists and is not a folder"):
        export_portfolio(store, MAYA, "100482", notes, force=True)
    with pytest.raises(ExportExistsError, match="is a folder"):
        export_portfolio(store, MAYA, "100482", homework, as_zip=True, force=True)
    assert notes.read_bytes() == b"not a zip"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["homework", "notes.zip"]


def test_an_empty_folder_is_filled(store: MemoryStore, plan: Plan, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    export_portfolio(store, MAYA, "100482", tmp_path / "empty")
    assert sorted(_tree(tmp_path / "empty")) == sorted(EXPECTED)


def test_failures_leave_nothing_behind(store: MemoryStore, plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_portfolio(store, MAYA, "100482", tmp_path / "no" / "such" / "folder")
    other = MemoryStore()
    other.save_plan(MAYA, plan, base_revision=None)  # the plan without its files' content
    with pytest.raises(NotFoundError, match=r"artifacts\[0\] \('W-[0-9a-f]{12}'\)"):
        export_portfolio(other, MAYA, "100482", tmp_path / "maya")
    with pytest.raises(NotFoundError):
        export_portfolio(store, MAYA, "nobody", tmp_path / "nobody")
    assert list(tmp_path.iterdir()) == []


def test_a_sample_of_an_unaccepted_type_is_exported_inert(tmp_path: Path) -> None:
    """Content stored by other means keeps its bytes but gets ``.bin``: never run as a page."""
    store = MemoryStore()
    page = b"<script>alert(1)</script>"
    ref = store.put_blob(MAYA, "100482", page, "text/html")
    artifact = Artifact("W-page", "page", ref.content_hash, "text/html", len(page), AS_OF)
    store.save_plan(MAYA, evolve(sample_plan(), artifacts=(artifact,)), base_revision=None)
    result = export_portfolio(store, MAYA, "100482", tmp_path / "maya", as_of=AS_OF)
    assert result.paths[1] == "files/01-page.bin"
    assert (tmp_path / "maya" / "files" / "01-page.bin").read_bytes() == page
    assert '<a href="files/01-page.bin">page</a>' in (tmp_path / "maya" / INDEX).read_text()
