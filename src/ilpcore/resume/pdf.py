"""A resume as PDF, from the HTML rendering, offline, through xhtml2pdf (extra ``pdf``).

xhtml2pdf is pure Python (on ReportLab): no browser, and its resource policy is set so that
nothing is fetched from the network and only the font files are read.  The PDF's built-in fonts
cover Latin-1 only, so a TrueType font with wide Unicode coverage is embedded: the one given,
else DejaVu Sans where the system has it (Debian: ``fonts-dejavu-core``), else ReportLab's
Bitstream Vera; characters a font lacks show as boxes.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import attrs

from ilpcore.exceptions import ExtraNotInstalledError, ResumeRenderError
from ilpcore.resume.html import to_html
from ilpcore.resume.types import Resume

__all__ = ["PdfFont", "default_font", "to_pdf"]

_SYSTEM_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/dejavu"),
    Path("/Library/Fonts"),
)


@attrs.frozen
class PdfFont:
    """A TrueType font to embed: the regular and the bold face."""

    regular: Path
    bold: Path


def _candidates() -> Iterator[PdfFont]:
    for folder in _SYSTEM_FONT_DIRS:
        yield PdfFont(folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf")
    try:
        import reportlab
    except ImportError:
        return
    fonts = Path(reportlab.__file__).parent / "fonts"
    yield PdfFont(fonts / "Vera.ttf", fonts / "VeraBd.ttf")


def default_font() -> PdfFont | None:
    """The first font found: DejaVu Sans on the system, else ReportLab's Vera."""
    return next((f for f in _candidates() if f.regular.is_file() and f.bold.is_file()), None)


def to_pdf(resume: Resume, *, font: PdfFont | None = None) -> bytes:
    """The resume as a PDF document (xhtml2pdf's default page size).

    Raises :class:`~ilpcore.exceptions.ExtraNotInstalledError` without the ``pdf`` extra and
    :class:`~ilpcore.exceptions.ResumeRenderError` if the layout fails.
    """
    try:
        from xhtml2pdf import pisa
        from xhtml2pdf.config.resources import ResourceAccessPolicy
    except ImportError as e:
        raise ExtraNotInstalledError("pdf", "PDF resumes", "xhtml2pdf>=0.2.28") from e
    font = font or default_font()
    page = to_html(resume, pdf_font=font)
    # Nothing is fetched from the network; local reads only of the font files' folders.
    roots = () if font is None else (font.regular.parent, font.bold.parent)
    policy = ResourceAccessPolicy(allow_remote=False, base_dir=None, extra_roots=roots)
    output = io.BytesIO()
    # xhtml2pdf logs every CSS property it ignores; none of that is the user's business.
    logger = logging.getLogger("xhtml2pdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        status = pisa.CreatePDF(page, dest=output, encoding="utf-8", resource_policy=policy)
    finally:
        logger.setLevel(level)
    if status.err:
        raise ResumeRenderError(f"xhtml2pdf could not render the resume ({status.err} errors)")
    return output.getvalue()
