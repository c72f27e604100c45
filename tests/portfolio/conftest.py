"""Shared helpers of the portfolio tests: real sample files, built byte by byte, and a store
holding the sample plan with three work samples."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ilpcore.model import Plan, Reflection, Role, SubjectKind, SubjectRef, evolve
from ilpcore.portfolio import add_artifact
from ilpcore.samples import sample_plan
from ilpcore.store import Actor, Store
from ilpcore.store.memory import MemoryStore
from ilpcore.testing.pytest_store import ilpcore_memory_store, ilpcore_sqlite_store

__all__ = [
    "GOLDEN",
    "MAYA",
    "SAMPLES",
    "check_golden",
    "ilpcore_memory_store",
    "ilpcore_sqlite_store",
    "png",
    "zip_of",
]

GOLDEN = Path(__file__).parent / "golden"
MAYA = Actor("100482", Role.STUDENT)
AS_OF = date(2025, 12, 1)


def check_golden(name: str, text: str) -> None:
    """Compare with ``golden/<name>``; ``ILPCORE_UPDATE_GOLDEN=1`` rewrites it instead."""
    path = GOLDEN / name
    if os.environ.get("ILPCORE_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run with ILPCORE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int = 1, height: int = 1) -> bytes:
    """A valid grey PNG image."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


def zip_of(entries: dict[str, bytes], *, stored_first: bool = False) -> bytes:
    """A zip holding ``entries`` in order (the first one uncompressed, as ODF requires)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, (name, data) in enumerate(entries.items()):
            method = zipfile.ZIP_STORED if stored_first and i == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return out.getvalue()


_PDF = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
_OOXML_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/"/>'


def _odf(kind: str) -> bytes:
    mimetype = f"application/vnd.oasis.opendocument.{kind}".encode()
    return zip_of({"mimetype": mimetype, "content.xml": b"<office/>"}, stored_first=True)


SAMPLES: dict[str, tuple[bytes, str, str]] = {
    "pdf": (_PDF, "report.pdf", "application/pdf"),
    "png": (png(2, 2), "photo.png", "image/png"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9",
             "photo.jpeg", "image/jpeg"),
    "gif": (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00"
            b"\x01\x00\x01\x00\x00\x02\x02D\x01\x00;", "drawing.gif", "image/gif"),
    "webp": (b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11"
             b"\x88\x88\xfe\x07\x00", "photo.webp", "image/webp"),
    "heic": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "phone.HEIC", "image/heic"),
    "mp3-id3": (b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + bytes(64),
                "speech.mp3", "audio/mpeg"),
    "mp3-frame": (b"\xff\xfb\x90\x64" + bytes(64), "speech.mp3", "audio/mpeg"),
    "m4a": (b"\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00M4A mp42isom", "talk.m4a", "audio/mp4"),
    "wav": (b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00", "talk.wav", "audio/wav"),
    "ogg": (b"OggS\x00\x02" + bytes(20), "talk.ogg", "audio/ogg"),
    "mp4": (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "demo.mp4", "video/mp4"),
    "mov": (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", "clip.mov", "video/quicktime"),
    "webm": (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01", "clip.webm", "video/webm"),
    "text": (b"Why I want to be a nurse.\n\tIt started with a job shadow.\r\n",
             "essay.txt", "text/plain"),
    "text-bom": ("\ufeffCafé notes, déjà vu 😀\n".encode(), "notes.text", "text/plain"),
    "markdown": (b"# My essay\n\n- one\n- two\n", "essay.md", "text/markdown"),
    "csv": (b"week,hours\n1,4\n2,6\n", "hours.csv", "text/csv"),
    "empty-text": (b"", "empty.txt", "text/plain"),
    "docx": (zip_of({"[Content_Types].xml": _OOXML_TYPES, "word/document.xml": b"<w/>"}),
             "essay.docx",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (zip_of({"[Content_Types].xml": _OOXML_TYPES, "xl/workbook.xml": b"<x/>"}),
             "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (zip_of({"[Content_Types].xml": _OOXML_TYPES, "ppt/presentation.xml": b"<p/>"}),
             "talk.pptx",
             "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "odt": (_odf("text"), "essay.odt", "application/vnd.oasis.opendocument.text"),
    "ods": (_odf("spreadsheet"), "budget.ods", "application/vnd.oasis.opendocument.spreadsheet"),
}  # fmt: skip
"""Accepted work samples: content, a file name and the media type they must be found as."""

REFUSED: dict[str, tuple[bytes, str, str]] = {
    "html": (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "page.txt", "text/html"),
    "html-late-tag": (b"\n\n  <p onclick=alert(1)>hi</p>", "essay.md", "text/html"),
    "html-comment": (b"<!-- x --><b>bold</b>", "notes.txt", "text/html"),
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "a.txt",
            "image/svg+xml"),
    "svg-xml": (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "a.png",
                "image/svg+xml"),
    "xml": (b'<?xml version="1.0"?><note/>', "note.txt", "application/xml"),
    "shebang": (b"#!/bin/sh\nrm -rf ~\n", "run.txt", "text/x-shellscript"),
    "windows-exe": (b"MZ\x90\x00\x03\x00\x00\x00" + bytes(56), "essay.pdf",
                    "application/x-msdownload"),
    "elf": (b"\x7fELF\x02\x01\x01" + bytes(57), "essay.pdf", "application/x-executable"),
    "mach-o": (b"\xcf\xfa\xed\xfe" + bytes(28), "essay.pdf", "application/x-mach-binary"),
    "ole": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "essay.doc",
            "application/x-ole-storage"),
    "docm": (zip_of({"[Content_Types].xml": _OOXML_TYPES, "word/document.xml": b"<w/>",
                     "word/vbaProject.bin": b"\x00macro"}), "essay.docx",
             "application/vnd.ms-office.macroenabled"),
    "zip": (zip_of({"index.html": b"<script>alert(1)</script>"}), "essay.docx", "application/zip"),
    "epub": (zip_of({"mimetype": b"application/epub+zip", "a.xhtml": b"<html/>"},
                    stored_first=True), "book.odt", "application/epub+zip"),
    "broken-zip": (b"PK\x03\x04" + bytes(30), "essay.docx", "application/octet-stream"),
    "gzip": (b"\x1f\x8b\x08\x00" + bytes(16), "a.txt", "application/gzip"),
    "binary": (bytes(range(256)), "data.txt", "application/octet-stream"),
    "latin-1": ("Café".encode("latin-1"), "notes.txt", "application/octet-stream"),
    "control-chars": (b"hello\x00world", "notes.txt", "application/octet-stream"),
    "rtf": (b"{\\rtf1\\ansi hello}", "essay.txt", "application/rtf"),
    "avi": (b"RIFF\x24\x00\x00\x00AVI LIST", "clip.mp4", "video/x-msvideo"),
}  # fmt: skip
"""Refused content: bytes, a harmless-looking name, and the type they must be found as."""


def stored_plan(store: Store) -> Plan:
    """The sample plan in ``store`` with three work samples: a PDF and a PNG about activities,
    a Markdown essay about nothing in particular, and a reflection on the PNG."""
    plan = store.save_plan(MAYA, sample_plan(), base_revision=None)
    data, name, _ = SAMPLES["pdf"]
    plan = add_artifact(
        store, MAYA, plan, data, name, title="Care plan for a <b>pretend</b> patient",
        description="Written after the job shadow.", about=("A-shadow",),
        added_on=date(2025, 11, 12),
    )  # fmt: skip
    data, name, _ = SAMPLES["png"]
    plan = add_artifact(
        store, MAYA, plan, data, name, title="Volunteer badge", about=("A-volunteer",),
        added_on=date(2025, 4, 2),
    )  # fmt: skip
    data, name, _ = SAMPLES["markdown"]
    plan = add_artifact(store, MAYA, plan, data, name, added_on=date(2025, 10, 1))
    badge = plan.artifacts[1].id
    reflection = Reflection(
        "RF-badge", date(2025, 4, 3), "I earned it after 50 hours.",
        (SubjectRef(SubjectKind.ARTIFACT, badge),),
    )  # fmt: skip
    updated = evolve(plan, reflections=(*plan.reflections, reflection))
    return store.save_plan(MAYA, updated, base_revision=plan.revision)


@pytest.fixture
def store() -> Iterator[MemoryStore]:
    with MemoryStore() as memory:
        yield memory


@pytest.fixture
def plan(store: MemoryStore) -> Plan:
    return stored_plan(store)
