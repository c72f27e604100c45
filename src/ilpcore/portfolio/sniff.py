"""What a file's content is, from its first bytes ("magic numbers"), with the standard library.

:func:`sniff_media_type` names the content's media type whether or not the portfolio accepts
it: a PDF is ``application/pdf``, a web page ``text/html``, a Windows program
``application/x-msdownload``, and bytes it cannot place ``application/octet-stream``.
Zip containers are opened (without extracting anything) to tell Office and OpenDocument files
from plain archives, and Office files with macros from those without.

>>> sniff_media_type(b"%PDF-1.7\\n%...")
'application/pdf'
>>> sniff_media_type(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(16))
'image/png'
>>> sniff_media_type("Why I want to be a nurse\\n".encode())
'text/plain'
>>> sniff_media_type(b"  <!DOCTYPE html><p>hi")
'text/html'
>>> sniff_media_type(b"MZ\\x90\\x00")
'application/x-msdownload'
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Final

__all__ = ["OCTET_STREAM", "sniff_media_type"]

OCTET_STREAM: Final = "application/octet-stream"
"""What unrecognised binary content is called."""

_PREFIXES: Final = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"ID3", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"\x1a\x45\xdf\xa3", "video/webm"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
    (b"{\\rtf", "application/rtf"),
    (b"MZ", "application/x-msdownload"),
    (b"\x7fELF", "application/x-executable"),
    (b"\xfe\xed\xfa\xce", "application/x-mach-binary"),
    (b"\xfe\xed\xfa\xcf", "application/x-mach-binary"),
    (b"\xce\xfa\xed\xfe", "application/x-mach-binary"),
    (b"\xcf\xfa\xed\xfe", "application/x-mach-binary"),
    (b"\xca\xfe\xba\xbe", "application/x-mach-binary"),
    (b"\x1f\x8b", "application/gzip"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
)
_RIFF_FORMS: Final = {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}
_FTYP_BRANDS: Final = {
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"mif1": "image/heic",
    b"msf1": "image/heic",
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
    b"qt  ": "video/quicktime",
}
_OOXML_PARTS: Final = (
    ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
)
OOXML_WITH_MACROS: Final = "application/vnd.ms-office.macroenabled"
_ODF_TYPE: Final = re.compile(
    rb"application/vnd\.oasis\.opendocument\.[a-z.-]+|application/epub\+zip"
)
_MARKUP: Final = re.compile(
    rb"<(!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p"
    rb"|svg|math|object|embed|meta|link|img|form)[\s>/]|<!--|<\?xml",
    re.IGNORECASE,
)
"""The WHATWG MIME Sniffing patterns a browser takes for HTML, plus SVG, MathML and XML."""
_TEXT_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SNIFF_BYTES: Final = 1024


def sniff_media_type(data: bytes) -> str:
    """The media type of ``data`` found from its content alone.

    Text is valid UTF-8 without control characters (other than tab, newlines and form feed)
    and is ``text/plain``; text a browser would take for markup is ``text/html``,
    ``image/svg+xml`` or ``application/xml``, and text starting with ``#!`` a script.
    """
    for prefix, media_type in _PREFIXES:
        if data.startswith(prefix):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] in _RIFF_FORMS:
        return _RIFF_FORMS[data[8:12]]
    if data[4:8] == b"ftyp" and len(data) >= 12:
        return _FTYP_BRANDS.get(data[8:12], "video/mp4")
    if data.startswith(b"PK\x03\x04"):
        return _zip_type(data)
    if len(data) >= 2 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0 and data[1] & 0x06:
        return "audio/mpeg"  # an MP3 frame without an ID3 tag
    return _text_type(data)


def _zip_type(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype":
                declared = archive.read("mimetype").strip()
                if _ODF_TYPE.fullmatch(declared):
                    return declared.decode("ascii")
            elif "[Content_Types].xml" in names:
                if any(n.lower().endswith("vbaproject.bin") for n in names):
                    return OOXML_WITH_MACROS
                for folder, media_type in _OOXML_PARTS:
                    if any(n.startswith(folder) for n in names):
                        return media_type
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, ValueError):
        return OCTET_STREAM
    return "application/zip"


def _text_type(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return OCTET_STREAM
    text = text.removeprefix("\ufeff")
    if _TEXT_CONTROLS.search(text):
        return OCTET_STREAM
    head = text.lstrip()[:_SNIFF_BYTES].encode("utf-8")
    if head.startswith(b"#!"):
        return "text/x-shellscript"
    match = _MARKUP.match(head)
    if match is None:
        return "text/plain"
    if b"<svg" in head.lower():
        return "image/svg+xml"
    return "application/xml" if match.group(0).startswith(b"<?xml") else "text/html"
