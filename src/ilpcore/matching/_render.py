"""Text, JSON-ready and HTML renderings of match results (each with the O*NET attribution)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from ilpcore.matching.attribution import ONET_ATTRIBUTION
from ilpcore.matching.congruence import RIASEC

if TYPE_CHECKING:
    from ilpcore.matching.match_result import InterestMatch, MatchResult


def match_dict(m: InterestMatch) -> dict[str, Any]:
    return {
        "rank": m.rank,
        "code": m.code,
        "title": m.title,
        "r": m.r,
        "job_zone": m.job_zone,
        "explanation": m.explanation(),
    }


def result_dict(result: MatchResult) -> dict[str, Any]:
    f = result.filters
    e = result.excluded
    return {
        "release": result.release,
        "method": result.method,
        "computed_on": result.computed_on.isoformat(),
        "scale": result.scale,
        "scores": dict(zip(RIASEC, result.scores, strict=True)),
        "student_code": result.student_code,
        "low_confidence": result.low_confidence,
        "filters": {
            "top": f.top,
            "zone": f.zone,
            "zones_used": None if f.zones is None else list(f.zones),
            "widened": f.widened,
            "excluded_codes": list(f.excluded_codes),
        },
        "excluded": {
            "unrated": list(e.unrated),
            "outside_zone": e.outside_zone,
            "no_zone": e.no_zone,
            "dismissed": e.dismissed,
            "below_top": e.below_top,
            "summary": e.describe(),
        },
        "notes": list(result.notes),
        "matches": [match_dict(m) for m in result.matches],
        "attribution": ONET_ATTRIBUTION,
    }


def _contributions(m: InterestMatch) -> str:
    return " ".join(f"{a}{c:+.2f}" for a, c in zip(RIASEC, m.contributions, strict=True))


def result_text(result: MatchResult) -> str:
    scores = " ".join(f"{a}{v:g}" for a, v in zip(RIASEC, result.scores, strict=True))
    lines = [
        f"Careers for {scores} ({result.scale}; code {result.student_code})",
        f"{result.release}, {result.method}, {result.computed_on.isoformat()}",
        f"Filters: {result.filters.describe()}",
    ]
    lines += [f"Note: {n}" for n in result.notes]
    lines.append("")
    for m in result.matches:
        zone = "-" if m.job_zone is None else str(m.job_zone)
        lines.append(f"{m.rank:>3}. {m.code}  {m.title}  r={m.r:.3f}  Job Zone {zone}")
        lines.append(
            f"     codes {m.student_code}/{m.occupation_code or '-'}  M={m.iachan_m:g}  "
            f"C={m.brown_gore_c}  by area: {_contributions(m)}"
        )
    lines += ["", f"Not shown: {result.excluded.describe()}.", "", ONET_ATTRIBUTION]
    return "\n".join(lines)


def result_html(result: MatchResult) -> str:
    esc = html.escape
    rows = "".join(
        "<tr>"
        f"<td>{m.rank}</td><td>{esc(m.code)}</td><td>{esc(m.title)}</td>"
        f"<td>{m.r:.3f}</td><td>{'' if m.job_zone is None else m.job_zone}</td>"
        f"<td>{esc(m.student_code)}/{esc(m.occupation_code)}</td>"
        f"<td>{m.iachan_m:g}</td><td>{m.brown_gore_c}</td>"
        f"<td>{esc(_contributions(m))}</td>"
        "</tr>"
        for m in result.matches
    )
    notes = "".join(f"<p><strong>Note:</strong> {esc(n)}</p>" for n in result.notes)
    return (
        '<div class="ilpcore-match">'
        f"<p>{esc(result.release)}: {esc(result.method)}; scale {esc(result.scale)}; "
        f"student code {esc(result.student_code)}; {esc(result.filters.describe())}; "
        f"{esc(result.computed_on.isoformat())}</p>{notes}"
        "<table><thead><tr><th>#</th><th>Code</th><th>Title</th><th>r</th><th>Job Zone</th>"
        "<th>Codes</th><th>Iachan M</th><th>Brown &amp; Gore C</th><th>By area</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<p>Not shown: {esc(result.excluded.describe())}.</p>"
        f"<p><small>{esc(ONET_ATTRIBUTION)}</small></p></div>"
    )
