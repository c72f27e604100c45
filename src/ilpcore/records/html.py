"""Records as an HTML table for notebooks; every value is escaped (student text is untrusted)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

__all__ = ["records_html"]


def _cell(tag: str, value: object) -> str:
    text = "" if value is None else html.escape(str(value), quote=True)
    return f"<{tag}>{text}</{tag}>"


def records_html(names: Sequence[str], rows: Sequence[Sequence[Any]], max_rows: int = 20) -> str:
    """An HTML ``<table>`` of the first ``max_rows`` rows, saying how many more there are.

    >>> records_html(["note"], [["<script>alert(1)</script>"]])  # doctest: +ELLIPSIS
    '<table ...<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>...'
    """
    shown = rows[:max_rows]
    more = len(rows) - len(shown)
    caption = f"{len(rows)} rows \u00d7 {len(names)} columns"
    parts = [
        '<table class="ilpcore-records">',
        _cell("caption", caption),
        "<thead><tr>",
        *(_cell("th", n) for n in names),
        "</tr></thead><tbody>",
    ]
    for row in shown:
        parts.append("<tr>")
        parts.extend(_cell("td", v) for v in row)
        parts.append("</tr>")
    parts.append("</tbody></table>")
    if more:
        parts.append(_cell("p", f"\u2026 {more} more rows"))
    return "".join(parts)
