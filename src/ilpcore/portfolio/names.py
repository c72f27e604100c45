"""File names: which names of a work sample are safe, and the names the export saves files under.

A portfolio is unpacked on students' own computers (Windows, macOS, Linux, Chromebooks), so a
name is refused when any of them would misread it: a path instead of a name (``../``, ``/etc``,
``C:\\``), a character some file system forbids or that hides what the name says (control
characters, right-to-left overrides), a reserved Windows device name (``CON``, ``NUL.txt``), a
name Windows silently changes (trailing dot or space), a hidden file, or a name longer than
file systems allow.

>>> check_filename("Care plan essay.pdf")
'Care plan essay.pdf'
>>> check_filename("../../etc/passwd")
Traceback (most recent call last):
...
ilpcore.exceptions.UnsafeFileNameError: filename: '../../etc/passwd' is not a safe file name:
it contains the path separator '/'
>>> export_name(3, "Résumé: final (v2)", ".pdf")
'03-resume-final-v2.pdf'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from ilpcore.exceptions import UnsafeFileNameError

__all__ = ["MAX_NAME_BYTES", "check_filename", "export_name", "filename_problem"]

MAX_NAME_BYTES: Final = 255
"""The longest name (in UTF-8 bytes) ext4, APFS and NTFS all accept."""

_WINDOWS_FORBIDDEN: Final = frozenset('<>:"|?*')
_SEPARATORS: Final = ("/", "\\")
_RESERVED: Final = re.compile(r"(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|(COM|LPT)[0-9¹²³])", re.I)
_BIDI_CONTROLS: Final = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e") | frozenset(
    "\u2066\u2067\u2068\u2069"
)
_REFUSED_CATEGORIES: Final = {
    "Cc": "a control character",
    "Cs": "a lone surrogate",
    "Co": "a private-use character",
    "Cn": "an unassigned character",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}
_SLUG_MAX: Final = 60


def filename_problem(name: object) -> str | None:
    """``None`` when ``name`` is a safe file name, else why it is not."""
    if not isinstance(name, str):
        return f"must be a string, not {type(name).__name__}"
    reason = _reason(name)
    if reason is None:
        return None
    return f"{name!r} is not a safe file name: {reason}"


def _reason(name: str) -> str | None:
    if not name:
        return "it is empty"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        return f"it is longer than {MAX_NAME_BYTES} bytes"
    for separator in _SEPARATORS:
        if separator in name:
            return f"it contains the path separator {separator!r}"
    for char in name:
        if char in _BIDI_CONTROLS:
            return f"it contains the text-direction control U+{ord(char):04X}"
        category = unicodedata.category(char)
        if category in _REFUSED_CATEGORIES:
            return f"it contains {_REFUSED_CATEGORIES[category]} (U+{ord(char):04X})"
        if char in _WINDOWS_FORBIDDEN:
            return f"it contains {char!r}, which Windows does not allow in names"
    if name in (".", ".."):
        return "it names a folder, not a file"
    if name.startswith("."):
        return "it is a hidden file (starts with '.')"
    if name != name.strip():
        return "it starts or ends with a space"
    if name.endswith("."):
        return "it ends with '.', which Windows removes"
    stem = name.split(".", 1)[0].rstrip(" ")
    if _RESERVED.fullmatch(stem):
        return f"{stem!r} is a reserved device name on Windows"
    return None


def check_filename(name: object, path: str = "filename") -> str:
    """``name`` if it is a safe file name; else raises
    :class:`~ilpcore.exceptions.UnsafeFileNameError` at ``path`` naming the name and why."""
    problem = filename_problem(name)
    if problem is not None:
        raise UnsafeFileNameError.at(path, problem)
    assert isinstance(name, str)
    return name


def export_name(number: int, title: str, extension: str) -> str:
    """The name a work sample is saved under in an export: its number, then its title in
    lower-case ASCII letters, digits and hyphens (at most 60), then ``extension``.

    The number keeps names unique; the title keeps them readable. The result is always
    safe (see :func:`check_filename`).
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:_SLUG_MAX].rstrip("-")
    return f"{number:02d}-{slug or 'work-sample'}{extension}"
