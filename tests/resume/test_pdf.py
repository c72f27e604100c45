"""PDF: the text is in it, and its first page renders to a non-blank image."""

from __future__ import annotations

import io

import pypdf
import pypdfium2
import pytest

from ilpcore.model import evolve
from ilpcore.resume import Resume, build_resume
from ilpcore.resume.pdf import default_font, to_pdf
from ilpcore.samples import sample_plan

from .conftest import SAMPLE_SPEC


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_pdf_holds_the_resume_text(sample_resume: Resume) -> None:
    pdf = to_pdf(sample_resume)
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    for expected in (
        "Maya Okafor",
        "maya.okafor@example.org",
        "COMMUNITY SERVICE",
        "Hospital volunteer",
        "86 hours",
        "Unweighted GPA 3.66 (4.0 scale)",
        "Ran the register on busy weekend shifts.",
        "Communication, Customer service",
    ):
        assert expected in text
    assert "Junior varsity soccer" not in text  # excluded by the spec


def test_pdf_page_renders_to_a_non_blank_image(sample_resume: Resume) -> None:
    document = pypdfium2.PdfDocument(to_pdf(sample_resume))
    try:
        assert len(document) >= 1
        image = document[0].render(scale=1).to_pil().convert("L")
    finally:
        document.close()
    width, height = image.size
    assert width > 500
    assert height > 700
    histogram = image.histogram()
    dark = sum(histogram[:128])
    # Text covers a small but real part of the page; a blank page has no dark pixels at all.
    assert 0.005 < dark / (width * height) < 0.5


def test_student_text_reaches_the_pdf_as_text() -> None:
    plan = sample_plan()
    hostile = '<b>Zoë</b> & "O\'Neil"'
    name = evolve(plan.student.name, given=hostile)
    pdf = to_pdf(build_resume(evolve(plan, student=evolve(plan.student, name=name)), SAMPLE_SPEC))
    assert f"{hostile} Okafor" in _text(pdf)


def test_a_unicode_font_is_embedded_and_used() -> None:
    font = default_font()
    if font is None:
        pytest.skip("neither DejaVu Sans nor ReportLab's Vera is installed")
    plan = sample_plan()
    name = evolve(plan.student.name, given="Zoë Ωmega Жанна")
    pdf = to_pdf(build_resume(evolve(plan, student=evolve(plan.student, name=name))))
    # ReportLab writes font dictionaries uncompressed: /BaseFont /AAAAAA+DejaVuSans
    assert b"+" + font.regular.stem.encode() in pdf
    if font.regular.stem.startswith("DejaVu"):  # Vera has no Greek or Cyrillic letters
        assert "Zoë Ωmega Жанна Okafor" in _text(pdf)
