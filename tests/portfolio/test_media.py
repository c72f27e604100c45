"""Media types from content: real sample bytes found as what they are, dangerous ones refused,
and content, extension and declared type made to agree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.exceptions import MediaTypeMismatchError, UnsafeMediaTypeError, ValidationError
from ilpcore.portfolio import ACCEPTED_TYPES, check_media, sniff_media_type
from ilpcore.portfolio.media import REFUSED_TYPES, extension_of, normalize_media_type

from .conftest import REFUSED, SAMPLES


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_accepted_samples_are_found_and_accepted(name: str) -> None:
    data, filename, media_type = SAMPLES[name]
    assert check_media(data, filename) == media_type
    assert check_media(data, filename, media_type) == media_type
    assert media_type in ACCEPTED_TYPES


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_content_is_found_and_refused_naming_the_type(name: str) -> None:
    data, filename, media_type = REFUSED[name]
    assert sniff_media_type(data) == media_type
    assert media_type in REFUSED_TYPES
    with pytest.raises(UnsafeMediaTypeError) as info:
        check_media(data, filename)
    assert info.value.paths == ("data",)
    assert media_type in str(info.value)
    assert isinstance(info.value, ValidationError)


@pytest.mark.parametrize(
    "filename", ["essay.html", "essay.HTM", "logo.svg", "app.js", "setup.exe", "x.bat", "a.docm"]
)
def test_dangerous_extensions_are_refused_even_for_harmless_content(filename: str) -> None:
    data = b"plain words" if not filename.endswith(".docm") else SAMPLES["docx"][0]
    with pytest.raises(UnsafeMediaTypeError) as info:
        check_media(data, filename)
    assert info.value.paths == ("filename",)
    assert repr(filename) in str(info.value)


@pytest.mark.parametrize(
    ("sample", "filename", "expected"),
    [
        ("png", "photo.jpg", ".png"),
        ("pdf", "report.docx", ".pdf"),
        ("text", "essay.pdf", ".txt or .text or .md or .markdown or .csv"),
        ("docx", "essay.odt", ".docx"),
        ("pdf", "report", ".pdf"),
        ("png", "photo.", ".png"),
    ],
)
def test_extension_must_fit_the_content(sample: str, filename: str, expected: str) -> None:
    data, _, media_type = SAMPLES[sample]
    with pytest.raises(MediaTypeMismatchError) as info:
        check_media(data, filename)
    assert info.value.paths == ("filename",)
    message = str(info.value)
    assert repr(filename) in message
    assert media_type in message
    if sample != "text":
        assert message.endswith(f"expected {expected}")


def test_declared_type_must_fit_the_content() -> None:
    data, filename, _ = SAMPLES["png"]
    assert check_media(data, filename, "IMAGE/PNG; name=photo.png") == "image/png"
    with pytest.raises(MediaTypeMismatchError) as info:
        check_media(data, filename, "application/pdf")
    assert info.value.paths == ("media_type",)
    assert "'application/pdf'" in str(info.value)
    with pytest.raises(UnsafeMediaTypeError) as refused:
        check_media(b"words", "notes.txt", "text/html")
    assert refused.value.paths == ("media_type",)
    # Text takes its kind from the extension: a .md file is Markdown, not plain text.
    with pytest.raises(MediaTypeMismatchError):
        check_media(b"# title", "essay.md", "text/plain")
    assert check_media(SAMPLES["jpeg"][0], "a.jpg", "image/jpg") == "image/jpeg"


def test_normalizing_and_extensions() -> None:
    assert normalize_media_type(" Audio/MP3 ") == "audio/mpeg"
    assert extension_of("Photo.JPEG") == ".jpeg"
    assert extension_of("archive.tar.gz") == ".gz"
    assert extension_of("README") == extension_of("trailing.") == ""


@given(st.binary(max_size=300))
def test_any_bytes_are_found_as_a_known_type(data: bytes) -> None:
    found = sniff_media_type(data)
    assert found in ACCEPTED_TYPES or found in REFUSED_TYPES


@given(st.binary(min_size=1, max_size=300), st.sampled_from(sorted(REFUSED)))
def test_refused_content_stays_refused_whatever_follows(tail: bytes, name: str) -> None:
    data, filename, media_type = REFUSED[name]
    if media_type in {"application/octet-stream", "application/zip", "application/epub+zip"}:
        return  # these are decided by the whole content, not by how it starts
    with pytest.raises(UnsafeMediaTypeError):
        check_media(data + tail, filename)


@given(st.text(min_size=1).filter(lambda t: "<" not in t and not t.lstrip().startswith("#!")))
def test_text_without_markup_is_text(text: str) -> None:
    data = text.encode("utf-8")
    found = sniff_media_type(data)
    controls = any((ord(c) < 32 and c not in "\t\n\r\f") or ord(c) == 127 for c in text)
    assert found == ("application/octet-stream" if controls else "text/plain")
