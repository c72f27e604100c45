"""Malformed and hostile input: only IlpcoreError escapes, and rows fail one by one."""

import contextlib
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import IlpcoreError
from ilpcore.interop.edfi import import_edfi, read_acan_transcript

from .conftest import FIXTURES

XML_FILES = ("Student.xml", "EducationOrganization.xml", "StudentEnrollment.xml")
TRANSCRIPT = (FIXTURES / "xml" / "StudentTranscript.xml").read_bytes()


def _read_or_raise_ilpcore_error(folder: Path) -> None:
    try:
        batch = import_edfi(folder, school_year=2022).batch
    except IlpcoreError:
        return
    assert all(r.file and r.reason and (r.line is None or r.line >= 1) for r in batch.rejected)
    ids = [r.student.id for r in batch.students]
    assert len(ids) == len(set(ids))


@settings(max_examples=60)
@given(
    cut=st.integers(0, len(TRANSCRIPT)),
    at=st.integers(0, len(TRANSCRIPT)),
    junk=st.binary(max_size=40),
)
def test_damaged_xml(cut: int, at: int, junk: bytes) -> None:
    damaged = TRANSCRIPT[:at] + junk + TRANSCRIPT[at:cut] if at < cut else TRANSCRIPT[:cut]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for file in XML_FILES:
            (folder / file).write_bytes((FIXTURES / "xml" / file).read_bytes())
        (folder / "StudentTranscript.xml").write_bytes(damaged)
        _read_or_raise_ilpcore_error(folder)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "uri://ed-fi.org/GradeLevelDescriptor#Ninth grade",
            "uri://ed-fi.org/TermDescriptor#Fall Semester",
            "uri://ed-fi.org/CourseAttemptResultDescriptor#Pass",
            "Twelfth grade",
            "2022",
            "0001",
            "2021-2022",
            "2021-02-30",
            "2021-12-01T16:00:00Z",
            "-1",
            "1E+999999",
            "ALG-1",
            "900001",
        ]
    ),
)
json_values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=8,
)


def _mutated(objects: list[dict[str, Any]], data: st.DataObject) -> list[Any]:
    out: list[Any] = []
    for obj in objects:
        obj = dict(obj)
        for key in data.draw(st.lists(st.sampled_from(sorted(obj)), max_size=3, unique=True)):
            obj[key] = data.draw(json_values)
        out.append(obj)
    return out


@settings(max_examples=80)
@given(data=st.data())
def test_hostile_json_values(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for source in sorted((FIXTURES / "json").iterdir()):
            objects = json.loads(source.read_text())
            if data.draw(st.booleans()):
                objects = _mutated(objects, data)
            (folder / source.name).write_text(json.dumps(objects))
        _read_or_raise_ilpcore_error(folder)


@settings(max_examples=40)
@given(text=st.text(max_size=200))
def test_arbitrary_json_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "courseTranscripts.json").write_text(text, encoding="utf-8")
        _read_or_raise_ilpcore_error(folder)
        with contextlib.suppress(IlpcoreError):
            read_acan_transcript(folder / "courseTranscripts.json")


@settings(max_examples=40)
@given(data=st.data())
def test_hostile_acan_values(data: st.DataObject, edfi_acan: Path) -> None:
    student = json.loads(edfi_acan.read_text())[0]
    records = student["studentAcademicRecords"]
    records[0]["courseTranscript"] = _mutated(records[0]["courseTranscript"], data)
    student.update(_mutated([student], data)[0])
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "output.json"
        path.write_text(json.dumps([student]))
        with contextlib.suppress(IlpcoreError):
            read_acan_transcript(path)
