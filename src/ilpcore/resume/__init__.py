"""The resume builder: a student's resume built from their plan, never typed twice.

:func:`build_resume` turns a :class:`~ilpcore.model.Plan` and the student's
:class:`~ilpcore.model.ResumeSpec` into a :class:`Resume`; renderers turn that into Markdown,
plain text, HTML (extra ``resume``) and PDF (extra ``pdf``); :mod:`ilpcore.resume.jsonresume`
exports to and imports from JSON Resume; :mod:`ilpcore.resume.hours` totals service and work
hours by school year and kind.
"""

from __future__ import annotations

from ilpcore.resume.builder import build_resume
from ilpcore.resume.gpa import Gpa, unweighted_gpa
from ilpcore.resume.text import markdown_escape, to_markdown, to_text
from ilpcore.resume.types import SECTION_TITLES, Resume, ResumeEntry, ResumeSectionView

__all__ = [
    "SECTION_TITLES",
    "Gpa",
    "Resume",
    "ResumeEntry",
    "ResumeSectionView",
    "build_resume",
    "markdown_escape",
    "to_markdown",
    "to_text",
    "unweighted_gpa",
]
