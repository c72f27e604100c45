"""The core works without the optional extras, and says which extra to install."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ilpcore.exceptions import ExtraNotInstalledError, IlpcoreError
from ilpcore.resume import Resume, html, pdf


def test_importing_the_resume_package_imports_no_extra() -> None:
    code = (
        "import sys, ilpcore.resume, ilpcore.resume.html, ilpcore.resume.pdf, ilpcore.cli.resume;"
        "loaded = [m for m in ('jinja2', 'xhtml2pdf', 'reportlab') if m in sys.modules];"
        "assert not loaded, loaded"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_html_without_jinja2_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, sample_resume: Resume
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    html._environment.cache_clear()
    try:
        with pytest.raises(ExtraNotInstalledError) as info:
            html.to_html(sample_resume)
    finally:
        html._environment.cache_clear()
    assert isinstance(info.value, IlpcoreError)
    assert info.value.extra == "resume"
    assert "pip install 'ilpcore[resume]'" in str(info.value)


def test_pdf_without_xhtml2pdf_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, sample_resume: Resume
) -> None:
    monkeypatch.setitem(sys.modules, "xhtml2pdf", None)
    with pytest.raises(ExtraNotInstalledError) as info:
        pdf.to_pdf(sample_resume)
    assert info.value.extra == "pdf"
    assert "pip install 'ilpcore[pdf]'" in str(info.value)


def test_extra_error_pickles() -> None:
    import pickle

    error = ExtraNotInstalledError("pdf", "PDF resumes", "xhtml2pdf")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.extra, copy.package, str(copy)) == (
        ExtraNotInstalledError, "pdf", "xhtml2pdf", str(error),
    )  # fmt: skip
