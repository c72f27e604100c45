"""Whole-file problems raise DataFileError naming file, line and column; Hypothesis fuzzing."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import DataFileError, IlpcoreError
from ilpcore.interop.oneroster import read_roster
from tests.interop.oneroster.conftest import LAKEVIEW, EditableSet


def _error(folder: Path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        read_roster(folder)
    return info.value


def test_a_set_without_a_manifest(lakeview: EditableSet) -> None:
    (lakeview.folder / "manifest.csv").unlink()
    error = _error(lakeview.folder)
    assert error.file == "manifest.csv"
    assert "starts with its manifest" in error.message


def test_another_oneroster_version(lakeview: EditableSet) -> None:
    lakeview.replace("manifest.csv", 3, "1.2", "1.1")
    error = _error(lakeview.folder)
    assert (error.file, error.line) == ("manifest.csv", 3)
    assert "oneroster.version is '1.1'" in error.message


def test_delta_files_are_refused_clearly(lakeview: EditableSet) -> None:
    lakeview.replace("manifest.csv", 24, "file.users,bulk", "file.users,delta")
    error = _error(lakeview.folder)
    assert (error.file, error.line) == ("manifest.csv", 24)
    assert "ilpcore imports bulk sets only" in error.message


def test_delta_files_ilpcore_does_not_read_are_tolerated(lakeview: EditableSet) -> None:
    lakeview.replace("manifest.csv", 22, "file.userProfiles,bulk", "file.userProfiles,delta")
    assert len(read_roster(lakeview.folder).batch.students) == 3


def test_an_unknown_mode(lakeview: EditableSet) -> None:
    lakeview.replace("manifest.csv", 10, "file.demographics,bulk", "file.demographics,full")
    error = _error(lakeview.folder)
    assert (error.line, error.message) == (
        10,
        "file.demographics is 'full', not bulk, delta or absent",
    )


def test_absent_files_are_not_read(lakeview: EditableSet) -> None:
    lakeview.replace("manifest.csv", 10, "file.demographics,bulk", "file.demographics,absent")
    (lakeview.folder / "demographics.csv").write_bytes(b"\xff garbage")
    batch = read_roster(lakeview.folder).batch
    assert [r.demographics for r in batch.students] == [None, None, None]


def test_a_bulk_file_that_is_missing(lakeview: EditableSet) -> None:
    (lakeview.folder / "enrollments.csv").unlink()
    error = _error(lakeview.folder)
    assert error.file == "enrollments.csv"
    assert "though the manifest lists it" in error.message


def test_a_missing_required_column(lakeview: EditableSet) -> None:
    lakeview.replace("users.csv", 1, "givenName,", "")
    error = _error(lakeview.folder)
    assert (error.file, error.line, error.column) == ("users.csv", 1, "givenName")


def test_a_column_twice(lakeview: EditableSet) -> None:
    lakeview.replace("orgs.csv", 1, "identifier", "name")
    error = _error(lakeview.folder)
    assert (error.file, error.line, error.column) == ("orgs.csv", 1, "name")


def test_an_empty_file(lakeview: EditableSet) -> None:
    (lakeview.folder / "roles.csv").write_text("")
    assert _error(lakeview.folder).file == "roles.csv"


def test_not_utf8(lakeview: EditableSet) -> None:
    data = (lakeview.folder / "users.csv").read_bytes().replace(b"Diaz", b"D\xedaz", 1)
    (lakeview.folder / "users.csv").write_bytes(data)
    error = _error(lakeview.folder)
    assert (error.file, error.line, error.message) == ("users.csv", 2, "is not UTF-8 text")


def test_not_csv(lakeview: EditableSet) -> None:
    lakeview.replace("classes.csv", 3, "Counseling caseload - Lopez", '"Counseling" caseload')
    error = _error(lakeview.folder)
    assert (error.file, error.line) == ("classes.csv", 3)
    assert error.message.startswith("is not valid CSV")


def test_a_utf8_byte_order_mark_is_fine(lakeview: EditableSet) -> None:
    users = lakeview.folder / "users.csv"
    users.write_bytes(b"\xef\xbb\xbf" + users.read_bytes())
    assert len(read_roster(lakeview.folder).batch.students) == 3


_FILES = sorted(p.name for p in LAKEVIEW.iterdir())


@st.composite
def _damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(_FILES))
    data = (LAKEVIEW / name).read_bytes()
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 12))
        insert = draw(
            st.binary(max_size=8)
            | st.sampled_from([b",", b'"', b"\n", b"\r", b"tobedeleted", b"KG", b"\x00", b"{"])
            | st.text(max_size=6).map(lambda t: t.encode("utf-8"))
        )
        data = data[:at] + insert + data[at + cut :]
    return name, data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_damaged())
def test_damaged_files_raise_only_ilpcore_errors(damage: tuple[str, bytes]) -> None:
    name, data = damage
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "set"
        shutil.copytree(LAKEVIEW, folder)
        (folder / name).write_bytes(data)
        try:
            roster = read_roster(folder)
        except IlpcoreError:
            return
        for row in roster.batch.rejected:
            assert row.file.endswith(".csv")
            assert row.reason
            assert row.line is not None
            assert row.line >= 2
