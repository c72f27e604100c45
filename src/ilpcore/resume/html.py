"""A resume as an HTML page, through a Jinja2 template with autoescaping.

Every piece of student text reaches the page through Jinja2's autoescaping, never by string
concatenation, so ``<script>`` in a title shows as text.  Jinja2 is the optional extra
``resume`` (``pip install 'ilpcore[resume]'``); it is imported only when HTML is asked for.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ilpcore.exceptions import ExtraNotInstalledError
from ilpcore.resume.text import INLINE_SECTIONS
from ilpcore.resume.types import Resume

if TYPE_CHECKING:
    import jinja2

__all__ = ["template_environment", "to_html"]

_TEMPLATE = "resume.html.j2"


def template_environment(package: str, feature: str) -> jinja2.Environment:
    """A new Jinja2 environment for the ``templates`` folder of ``package``: autoescaping on,
    undefined names an error.  Shared by every HTML renderer of ilpcore (resume, portfolio),
    each of which keeps its own.

    ``feature`` names what needs it, for the :class:`~ilpcore.exceptions.ExtraNotInstalledError`
    raised without the ``resume`` extra.
    """
    try:
        import jinja2
    except ImportError as e:
        raise ExtraNotInstalledError("resume", feature, "jinja2") from e
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.cache
def _environment() -> jinja2.Environment:
    env = template_environment("ilpcore.resume", "HTML resumes")
    env.globals["inline_sections"] = frozenset(s.value for s in INLINE_SECTIONS)
    return env


def to_html(resume: Resume, *, pdf_font: object = None) -> str:
    """The resume as a standalone HTML5 page (inline CSS, no scripts, nothing fetched).

    ``pdf_font`` is for :func:`ilpcore.resume.pdf.to_pdf`: a font with ``regular`` and
    ``bold`` file paths to embed.

    >>> from ilpcore.resume import build_resume
    >>> from ilpcore.samples import sample_plan
    >>> page = to_html(build_resume(sample_plan()))
    >>> page.startswith("<!DOCTYPE html>"), "<h1>Maya Okafor</h1>" in page
    (True, True)
    """
    return _environment().get_template(_TEMPLATE).render(resume=resume, pdf_font=pdf_font)
