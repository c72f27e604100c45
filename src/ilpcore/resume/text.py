"""A resume as plain text and as Markdown.

Student text is untrusted.  Both renderers put every piece of it on one line (runs of
whitespace, newlines included, become one space; other control characters are dropped), so no
text can break the layout or reach a terminal as a control sequence.  Markdown
also escapes the characters that would make it markup (:func:`markdown_escape`): a title such
as ``**<script>**`` shows literally.
"""

from __future__ import annotations

import re

from ilpcore.model import ResumeSection
from ilpcore.resume.types import Resume, ResumeEntry, ResumeSectionView

__all__ = ["INLINE_SECTIONS", "markdown_escape", "one_line", "to_markdown", "to_text"]

INLINE_SECTIONS = frozenset({ResumeSection.SKILLS, ResumeSection.INTERESTS})
"""Sections printed as one comma-separated line rather than one entry a line."""

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
"""Control characters that :meth:`str.split` does not count as whitespace."""
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~!(){}#])")
_MD_LINE_START = re.compile(r"^([-+=:])|^(\d+)([.)])")


def one_line(text: str) -> str:
    r"""``text`` with each run of whitespace (newlines too) made one space, trimmed, and other
    control characters (such as the escape that starts a terminal control sequence) removed.

    >>> one_line(" Hospital\n volunteer\x1b[31m ")
    'Hospital volunteer[31m'
    """
    return " ".join(_CONTROL.sub("", text).split())


def markdown_escape(text: str) -> str:
    r"""``text`` on one line, with backslashes before every character Markdown could read as
    markup (CommonMark lets any ASCII punctuation be escaped so).

    >>> markdown_escape("**bold** <b>x</b> [link](javascript:alert(1))")
    '\\*\\*bold\\*\\* \\<b\\>x\\</b\\> \\[link\\]\\(javascript:alert\\(1\\)\\)'
    >>> markdown_escape("1. first")
    '1\\. first'
    """
    escaped = _MD_ANYWHERE.sub(r"\\\1", one_line(text))
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def _headline(entry: ResumeEntry) -> tuple[str, str, str]:
    return entry.title, entry.role or "", entry.organization or ""


def to_text(resume: Resume) -> str:
    """The resume as plain text (student text unescaped, on one line each).

    >>> from ilpcore.resume import build_resume
    >>> from ilpcore.samples import sample_plan
    >>> print(to_text(build_resume(sample_plan())).splitlines()[0])
    MAYA OKAFOR
    """
    lines = [one_line(resume.name).upper()]
    if resume.contact_lines:
        lines.append(" | ".join(one_line(c) for c in resume.contact_lines))
    for section in resume.sections:
        lines += ["", section.title.upper()]
        lines += _text_section(section)
    return "\n".join(lines) + "\n"


def _text_section(section: ResumeSectionView) -> list[str]:
    if section.section in INLINE_SECTIONS:
        return ["  " + ", ".join(one_line(e.title) for e in section.entries)]
    lines = []
    for e in section.entries:
        title, role, organization = (one_line(x) for x in _headline(e))
        head = (
            title + (f", {role}" if role else "") + (f" - {organization}" if organization else "")
        )
        lines.append(f"  {head}")
        facts = e.facts
        if facts:
            lines.append("    " + "; ".join(one_line(f) for f in facts))
        if e.description:
            lines.append("    " + one_line(e.description))
    return lines


def to_markdown(resume: Resume) -> str:
    """The resume as CommonMark, every piece of student text escaped.

    >>> from ilpcore.resume import build_resume
    >>> from ilpcore.samples import sample_plan
    >>> print(to_markdown(build_resume(sample_plan())).splitlines()[0])
    # Maya Okafor
    """
    esc = markdown_escape
    lines = [f"# {esc(resume.name)}"]
    if resume.contact_lines:
        lines += ["", " · ".join(esc(c) for c in resume.contact_lines)]
    for section in resume.sections:
        lines += ["", f"## {section.title}", ""]
        if section.section in INLINE_SECTIONS:
            lines.append(", ".join(esc(e.title) for e in section.entries))
            continue
        if section.section is ResumeSection.OBJECTIVE:
            lines.append(esc(section.entries[0].title))
            continue
        for e in section.entries:
            title, role, organization = _headline(e)
            head = f"**{esc(title)}**"
            if role:
                head += f", {esc(role)}"
            if organization:
                head += f" — {esc(organization)}"
            parts = [head]
            facts = e.facts
            if facts:
                parts.append("; ".join(esc(f) for f in facts))
            if e.description:
                parts.append(esc(e.description))
            # A backslash at the end of a line is a hard line break inside the list item.
            lines.append("- " + "\\\n  ".join(parts))
    return "\n".join(lines) + "\n"
