"""The portfolio's index page, through a Jinja2 template with autoescaping.

Every piece of student text (titles, descriptions, reflections, names) reaches the page through
Jinja2's autoescaping, never by string concatenation. The page has inline CSS only: no scripts,
nothing fetched from elsewhere, and a Content-Security-Policy that forbids scripts, so it works
offline and stays inert. Jinja2 is the optional extra ``resume``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ilpcore.portfolio.collect import Portfolio
from ilpcore.resume.html import template_environment

if TYPE_CHECKING:
    import jinja2

__all__ = ["size_text", "to_html"]

_TEMPLATE = "portfolio.html.j2"
_UNITS = ("bytes", "kB", "MB", "GB")


def size_text(size: int) -> str:
    """A size in bytes for people, in powers of 1000.

    >>> size_text(12), size_text(1234), size_text(25 * 1024 * 1024)
    ('12 bytes', '1.2 kB', '26.2 MB')
    """
    value = float(size)
    for unit in _UNITS[:-1]:
        if value < 1000:
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} {_UNITS[-1]}"


@functools.cache
def _environment() -> jinja2.Environment:
    env = template_environment("ilpcore.portfolio", "HTML portfolios")
    env.filters["size_text"] = size_text
    return env


def to_html(portfolio: Portfolio) -> str:
    """The portfolio's ``index.html``: a standalone HTML5 page linking to its work samples.

    >>> from ilpcore.portfolio import build_portfolio
    >>> from ilpcore.samples import sample_plan
    >>> page = to_html(build_portfolio(sample_plan()))
    >>> page.startswith("<!DOCTYPE html>"), "<h1>Maya Okafor</h1>" in page, "<script" in page
    (True, True, False)
    """
    return _environment().get_template(_TEMPLATE).render(p=portfolio)
