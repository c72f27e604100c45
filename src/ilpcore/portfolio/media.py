"""The work-sample types a portfolio accepts, and the check that a file is one of them.

The ePortfolio is opened in a web browser, from the student's own disk, for years. So it takes
only documents, images, audio and video that a browser shows as what they are, and refuses
anything a browser would *run* or that could hide something runnable: web pages (HTML, XHTML),
SVG images (they can hold scripts), XML, JavaScript and other scripts, programs (Windows, Linux,
macOS), Office files with macros, old binary Office files (they can hold macros too), archives
(they can hold anything) and binary content it cannot recognise.

A file is accepted when its **content** (:func:`~ilpcore.portfolio.sniff.sniff_media_type`)
is of an accepted type, its **extension** is one of that type's, and the **declared** media type,
when given, is that type too.

>>> check_media(b"%PDF-1.7\\n...", "Care plan.pdf")
'application/pdf'
>>> check_media(b"# My essay\\n", "essay.md", "text/markdown")
'text/markdown'
>>> check_media(b"\\x89PNG\\r\\n\\x1a\\n", "photo.jpg")
Traceback (most recent call last):
...
ilpcore.exceptions.MediaTypeMismatchError: filename: 'photo.jpg' has the extension .jpg,
but its content is a PNG image (image/png): expected .png
"""

from __future__ import annotations

from typing import Final

import attrs

from ilpcore.exceptions import MediaTypeMismatchError, UnsafeMediaTypeError
from ilpcore.portfolio.sniff import OCTET_STREAM, OOXML_WITH_MACROS, sniff_media_type

__all__ = [
    "ACCEPTED_TYPES",
    "REFUSED_TYPES",
    "AcceptedType",
    "check_media",
    "extension_of",
    "normalize_media_type",
]


@attrs.frozen
class AcceptedType:
    """A media type the portfolio accepts: what it is called and its file extensions."""

    media_type: str
    description: str
    extensions: tuple[str, ...]
    """Lower-case, with the dot; the first is the one exports use."""

    @property
    def is_image(self) -> bool:
        """Whether a browser shows it inline (the index page shows a preview)."""
        return self.media_type in _PREVIEWED


_OOXML = "application/vnd.openxmlformats-officedocument."
_ODF = "application/vnd.oasis.opendocument."
ACCEPTED_TYPES: Final = {
    t.media_type: t
    for t in (
        AcceptedType("application/pdf", "a PDF document", (".pdf",)),
        AcceptedType("text/plain", "plain text", (".txt", ".text")),
        AcceptedType("text/markdown", "Markdown text", (".md", ".markdown")),
        AcceptedType("text/csv", "a CSV table", (".csv",)),
        AcceptedType("image/png", "a PNG image", (".png",)),
        AcceptedType("image/jpeg", "a JPEG image", (".jpg", ".jpeg")),
        AcceptedType("image/gif", "a GIF image", (".gif",)),
        AcceptedType("image/webp", "a WebP image", (".webp",)),
        AcceptedType("image/heic", "a HEIC photo", (".heic", ".heif")),
        AcceptedType("audio/mpeg", "MP3 audio", (".mp3",)),
        AcceptedType("audio/mp4", "MPEG-4 audio", (".m4a",)),
        AcceptedType("audio/ogg", "Ogg audio", (".ogg", ".oga", ".opus")),
        AcceptedType("audio/wav", "WAV audio", (".wav",)),
        AcceptedType("video/mp4", "an MP4 video", (".mp4", ".m4v")),
        AcceptedType("video/quicktime", "a QuickTime video", (".mov",)),
        AcceptedType("video/webm", "a WebM video", (".webm",)),
        AcceptedType(_OOXML + "wordprocessingml.document", "a Word document", (".docx",)),
        AcceptedType(_OOXML + "spreadsheetml.sheet", "an Excel workbook", (".xlsx",)),
        AcceptedType(_OOXML + "presentationml.presentation", "a PowerPoint deck", (".pptx",)),
        AcceptedType(_ODF + "text", "an OpenDocument text", (".odt",)),
        AcceptedType(_ODF + "spreadsheet", "an OpenDocument spreadsheet", (".ods",)),
        AcceptedType(_ODF + "presentation", "an OpenDocument presentation", (".odp",)),
        AcceptedType(_ODF + "graphics", "an OpenDocument drawing", (".odg",)),
    )
}
"""Every accepted media type, by name."""

_PREVIEWED: Final = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
_TEXT_TYPES: Final = frozenset({"text/plain", "text/markdown", "text/csv"})
"""Text the content cannot tell apart: the extension decides which it is."""

REFUSED_TYPES: Final = {
    "text/html": "a web page (HTML): the browser would run its scripts",
    "application/xhtml+xml": "a web page (XHTML): the browser would run its scripts",
    "image/svg+xml": "an SVG image: SVG can hold scripts the browser would run",
    "application/xml": "XML: a browser may render it as a page with scripts",
    "text/javascript": "JavaScript: a script the browser would run",
    "text/x-shellscript": "a script (starts with #!): a program, not a work sample",
    "application/x-msdownload": "a Windows program",
    "application/x-executable": "a Linux program",
    "application/x-mach-binary": "a macOS or Java program",
    OOXML_WITH_MACROS: "an Office file with macros (programs): save it without macros",
    "application/x-ole-storage": "an old binary Office file, which can hold macros: save it "
    "as .docx, .xlsx, .pptx or PDF",
    "application/rtf": "an RTF document, which can embed programs: save it as .docx or PDF",
    "application/zip": "an archive, which can hold anything: add its files one by one",
    "application/gzip": "an archive, which can hold anything: add its files one by one",
    "application/x-7z-compressed": "an archive, which can hold anything",
    "application/vnd.rar": "an archive, which can hold anything",
    "application/epub+zip": "an e-book, which holds web pages and scripts: add a PDF instead",
    "video/x-msvideo": "an AVI video, which browsers cannot play: convert it to MP4",
    OCTET_STREAM: "binary content of no type the portfolio recognises",
}
"""Types refused on purpose, with the reason a student is shown."""

_REFUSED_EXTENSIONS: Final = {
    ".html": "text/html", ".htm": "text/html", ".shtml": "text/html", ".mht": "text/html",
    ".mhtml": "text/html", ".hta": "text/html", ".xhtml": "application/xhtml+xml",
    ".svg": "image/svg+xml", ".svgz": "image/svg+xml", ".xml": "application/xml",
    ".xsl": "application/xml", ".js": "text/javascript", ".mjs": "text/javascript",
    ".exe": "application/x-msdownload", ".com": "application/x-msdownload",
    ".scr": "application/x-msdownload", ".dll": "application/x-msdownload",
    ".msi": "application/x-msdownload", ".bat": "text/x-shellscript",
    ".cmd": "text/x-shellscript", ".ps1": "text/x-shellscript", ".vbs": "text/x-shellscript",
    ".sh": "text/x-shellscript", ".jar": "application/x-mach-binary",
    ".docm": OOXML_WITH_MACROS, ".xlsm": OOXML_WITH_MACROS, ".pptm": OOXML_WITH_MACROS,
}  # fmt: skip
"""Extensions that make a browser or desktop treat a file as something it would run."""

_ALIASES: Final = {
    "image/jpg": "image/jpeg",
    "image/pjpeg": "image/jpeg",
    "audio/mp3": "audio/mpeg",
    "audio/x-wav": "audio/wav",
    "audio/wave": "audio/wav",
    "text/x-markdown": "text/markdown",
    "application/x-pdf": "application/pdf",
    "application/javascript": "text/javascript",
    "application/x-javascript": "text/javascript",
}


def normalize_media_type(value: str) -> str:
    """``value`` lower-case, without parameters, common aliases resolved.

    >>> normalize_media_type("Image/JPG; name=x")
    'image/jpeg'
    """
    bare = value.split(";", 1)[0].strip().lower()
    return _ALIASES.get(bare, bare)


def extension_of(filename: str) -> str:
    """The lower-case extension of ``filename`` with its dot, ``""`` when it has none."""
    stem, dot, extension = filename.rpartition(".")
    return f".{extension.lower()}" if dot and stem and extension else ""


def _describe(media_type: str) -> str:
    accepted = ACCEPTED_TYPES.get(media_type)
    if accepted is not None:
        return f"{accepted.description} ({media_type})"
    return f"{REFUSED_TYPES.get(media_type, 'of a type the portfolio does not accept')}"


def _refuse(path: str, media_type: str, where: str) -> UnsafeMediaTypeError:
    reason = REFUSED_TYPES.get(media_type, "a type the portfolio does not accept")
    error = UnsafeMediaTypeError.at(path, f"{where} is {media_type}, refused: {reason}")
    assert isinstance(error, UnsafeMediaTypeError)
    return error


def check_media(data: bytes, filename: str, declared: str | None = None) -> str:
    """The media type of a work sample, checked: content, extension and declaration agree.

    Raises :class:`~ilpcore.exceptions.UnsafeMediaTypeError` when the content, extension or
    declared type is refused (path ``data``, ``filename`` or ``media_type``), and
    :class:`~ilpcore.exceptions.MediaTypeMismatchError` when they disagree.
    """
    found = sniff_media_type(data)
    if found not in ACCEPTED_TYPES:
        raise _refuse("data", found, "the content")
    extension = extension_of(filename)
    if extension in _REFUSED_EXTENSIONS:
        raise _refuse("filename", _REFUSED_EXTENSIONS[extension], f"{filename!r}")
    if found == "text/plain":
        found = next((t for t in _TEXT_TYPES if extension in ACCEPTED_TYPES[t].extensions), found)
    expected = ACCEPTED_TYPES[found].extensions
    if extension not in expected:
        has = f"the extension {extension}" if extension else "no extension"
        raise MediaTypeMismatchError.at(
            "filename",
            f"{filename!r} has {has}, but its content is {_describe(found)}: "
            f"expected {' or '.join(expected)}",
        )
    if declared is not None:
        named = normalize_media_type(declared)
        if named in REFUSED_TYPES:
            raise _refuse("media_type", named, f"the declared type {declared!r}")
        if named != found:
            raise MediaTypeMismatchError.at(
                "media_type",
                f"declared as {declared!r}, but the content is {_describe(found)}",
            )
    return found
