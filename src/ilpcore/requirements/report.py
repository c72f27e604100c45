"""Audit reports: a JSON-ready dict, readable text, and escaped HTML for notebooks."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ilpcore.requirements.audit import Applied, Audit, AuditNode

__all__ = ["audit_to_dict", "audit_to_html", "audit_to_text"]

_MARK = {
    "done": "[x]",
    "in_progress": "[~]",
    "registered": "[r]",
    "planned": "[p]",
    "missing": "[ ]",
    "waived": "[w]",
}


def _num(d: Decimal) -> str:
    return f"{d.normalize():f}"


def _applied(a: Applied) -> dict[str, Any]:
    return {
        "course_code": a.course_code,
        "title": a.title,
        "credits": _num(a.credits),
        "status": a.status.value,
        "term": a.term,
    }


def _node(n: AuditNode) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": n.path,
        "title": n.title,
        "kind": n.kind,
        "status": n.status.value,
        "own_status": n.own_status.value,
        "required_credits": _num(n.required_credits),
        "counted_credits": _num(n.counted_credits),
        "applied": [_applied(a) for a in n.applied],
    }
    if n.required_courses:
        out["required_courses"] = n.required_courses
    if n.needed is not None:
        out["needed"] = {
            "credits": _num(n.missing_credits),
            "courses": n.missing_courses,
            "text": n.needed,
        }
    if n.detail is not None:
        out["detail"] = n.detail
    if n.overrides:
        out["overrides"] = [
            {
                "action": o.action.value,
                "course_code": o.course_code,
                "approved_by": o.approved_by,
                "reason": o.reason,
            }
            for o in n.overrides
        ]
    if n.children:
        out["children"] = [_node(c) for c in n.children]
    return out


def audit_to_dict(audit: Audit) -> dict[str, Any]:
    """A JSON-ready dict (credits as strings, exact)."""
    rs = audit.rule_set
    return {
        "rule_set": {
            "id": rs.id,
            "jurisdiction": rs.jurisdiction,
            "diploma": rs.diploma,
            "cohorts": rs.cohort_label,
            "credit_unit": rs.credit_unit.value,
        },
        "status": audit.status.value,
        "satisfied": audit.satisfied,
        "optimal": audit.optimal,
        "cost": {
            "unmet": audit.cost.unmet,
            "missing_credits": _num(audit.cost.missing_credits),
            "missing_courses": audit.cost.missing_courses,
            "status_penalty": audit.cost.status_penalty,
        },
        "requirements": _node(audit.root),
        "unused": [_applied(a) for a in audit.unused],
    }


def _line(n: AuditNode) -> str:
    label = n.title if n.path else f"{n.title} (total)"
    amount = ""
    if n.required_credits:
        amount = f" {_num(n.counted_credits)}/{_num(n.required_credits)} cr"
    text = f"{_MARK[n.status.value]} {label}{amount}"
    if n.applied and n.kind != "total":
        text += " — " + ", ".join(f"{a.course_code} ({_num(a.credits)})" for a in n.applied)
    if n.detail:
        text += f" — {n.detail}"
    if n.needed:
        text += f"  NEEDS: {n.needed}"
    for o in n.overrides:
        text += f"  [{o.action.value} by {o.approved_by}: {o.reason}]"
    return text


def audit_to_text(audit: Audit) -> str:
    """A readable report, one line a requirement, indented by depth."""
    rs = audit.rule_set
    lines = [
        f"{rs.diploma} — {rs.jurisdiction} ({rs.cohort_label})",
        f"status: {audit.status.value}" + ("" if audit.optimal else " (search limit reached)"),
        "",
    ]

    def walk(n: AuditNode, depth: int) -> None:
        lines.append("  " * depth + _line(n))
        for c in n.children:
            walk(c, depth + 1)

    walk(audit.root, 0)
    if audit.unused:
        lines.append("")
        lines.append("not counted: " + ", ".join(a.course_code for a in audit.unused))
    lines.append("")
    lines.append("[x] done  [~] in progress  [r] registered  [p] planned  [ ] missing  [w] waived")
    return "\n".join(lines)


def audit_to_html(audit: Audit) -> str:
    """An HTML table for notebooks; every value is escaped."""
    rows = []

    def walk(n: AuditNode, depth: int) -> None:
        applied = ", ".join(f"{a.course_code} ({_num(a.credits)})" for a in n.applied)
        rows.append(
            "<tr>"
            f"<td style='padding-left:{depth * 1.2:.1f}em'>{html.escape(n.title)}</td>"
            f"<td>{html.escape(n.status.value)}</td>"
            f"<td>{html.escape(_num(n.counted_credits))}/{html.escape(_num(n.required_credits))}</td>"
            f"<td>{html.escape(applied)}</td>"
            f"<td>{html.escape(n.needed or '')}</td>"
            "</tr>"
        )
        for c in n.children:
            walk(c, depth + 1)

    walk(audit.root, 0)
    rs = audit.rule_set
    head = html.escape(
        f"{rs.diploma} — {rs.jurisdiction} ({rs.cohort_label}): {audit.status.value}"
    )
    return (
        f"<div><strong>{head}</strong><table>"
        "<tr><th>requirement</th><th>status</th><th>credits</th><th>applied</th><th>needed</th></tr>"
        + "".join(rows)
        + "</table></div>"
    )
