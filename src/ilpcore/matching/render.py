"""Small helpers shared by the text, JSON and HTML renderings of results.

Every rendering of O*NET data ends with the attribution; HTML escapes every
piece of text (titles and tasks come from data files).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from decimal import Decimal

from ilpcore.matching.attribution import ONET_ATTRIBUTION

__all__ = [
    "attribution_html",
    "esc",
    "html_list",
    "html_table",
    "json_number",
    "money",
    "wrap_html",
]


def json_number(value: Decimal | None) -> int | float | None:
    """A decimal as a JSON number (an int when whole)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def esc(value: object) -> str:
    """``value`` as HTML text (``<``, ``>``, ``&`` and quotes escaped)."""
    return html.escape(str(value), quote=True)


def money(value: Decimal | None, *, hourly: bool = False) -> str:
    """``$109,010`` / ``$52.41``; ``"-"`` for a missing value."""
    if value is None:
        return "-"
    return f"${value:,.2f}" if hourly else f"${value:,.0f}"


def html_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html_list(items: Iterable[object], *, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + f"</{tag}>"


def attribution_html(*extra: str) -> str:
    notes = (ONET_ATTRIBUTION, *extra)
    return "".join(f'<p class="ilp-attribution"><small>{esc(n)}</small></p>' for n in notes)


def wrap_html(body: str, *extra_attributions: str) -> str:
    """A self-contained HTML fragment: ``body`` followed by the attributions."""
    return f'<div class="ilp-careers">{body}{attribution_html(*extra_attributions)}</div>'
