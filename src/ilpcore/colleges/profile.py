"""One college in full: directory facts, cost of attendance, selectivity and programs."""

from __future__ import annotations

from html import escape
from typing import Any, ClassVar

import attrs

from ilpcore.colleges.admission import Selectivity, selectivity
from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.codes import CredentialLevel, credential_level_of
from ilpcore.colleges.cost import CostOfAttendance, cost_of_attendance
from ilpcore.colleges.figures import IPEDS_C2024_A, IPEDS_HD2024, SCORECARD_FOS, Figure
from ilpcore.colleges.notebook import Tabular
from ilpcore.colleges.records import Housing, Institution, Outcome, Program, Residency

__all__ = ["CollegeProfile", "college_profile"]


@attrs.frozen
class CollegeProfile(Tabular):
    institution: Institution
    cost: CostOfAttendance
    selectivity: Selectivity
    programs: tuple[Program, ...]
    """Every program, most completions first."""

    FRAME_COLUMNS: ClassVar[tuple[str, ...]] = (
        "unitid",
        "cip",
        "title",
        "award",
        "completions",
        "completions_year",
        "median_earnings",
        "median_debt",
        "earnings_horizon",
        "outcomes_release",
    )

    def frame_rows(self) -> list[dict[str, Any]]:
        """One row per program and award level: completions (IPEDS C2024_A, 2023-24) and the
        Scorecard outcome of its 4-digit CIP at that credential level, where published."""
        rows = []
        for p in self.programs:
            by_credential: dict[CredentialLevel, Outcome] = {}
            for outcome in p.outcomes:  # the first of a credential, as catalog.outcome answers
                by_credential.setdefault(outcome.credential, outcome)
            for a in p.awards:
                o = by_credential.get(credential_level_of(a.award))
                rows.append(
                    {
                        "unitid": p.unitid,
                        "cip": p.cip,
                        "title": p.title,
                        "award": a.award.label,
                        "completions": a.completions,
                        "completions_year": IPEDS_C2024_A.period,
                        "median_earnings": None if o is None else o.earnings_median,
                        "median_debt": None if o is None else o.debt_median,
                        "earnings_horizon": None if o is None else o.earnings_horizon,
                        "outcomes_release": str(SCORECARD_FOS),
                    }
                )
        return rows

    def to_dict(self, max_programs: int | None = None) -> dict[str, Any]:
        """A JSON-ready dict; every figure names its release and year."""
        inst = self.institution
        programs = self.programs[:max_programs] if max_programs else self.programs
        return {
            "unitid": inst.unitid,
            "name": inst.name,
            "alias": inst.alias,
            "city": inst.city,
            "state": inst.state,
            "zip": inst.zip,
            "web_address": inst.web_address,
            "level": None if inst.level is None else inst.level.value,
            "control": None if inst.control is None else inst.control.value,
            "community": None if inst.community is None else inst.community.value,
            "size": None if inst.size is None else inst.size.value,
            "hbcu": inst.hbcu,
            "tribal": inst.tribal,
            "latitude": inst.latitude,
            "longitude": inst.longitude,
            "directory_release": str(IPEDS_HD2024),
            "cost_of_attendance": {
                "residency": self.cost.residency.value,
                "housing": self.cost.housing.value,
                **{name: f.to_dict() for name, f in self.cost.parts},
                "total": self.cost.total.to_dict(),
                "application_fee": None
                if self.cost.application_fee is None
                else self.cost.application_fee.to_dict(),
            },
            "selectivity": {
                "admission_rate": self.selectivity.admission_rate.to_dict(),
                "sat_average": self.selectivity.sat_average.to_dict(),
                "student_sat": self.selectivity.student_sat,
                "fit": None if self.selectivity.fit is None else self.selectivity.fit.value,
            },
            "programs": [_program_dict(p) for p in programs],
            "program_count": len(self.programs),
        }

    def text(self, max_programs: int = 10) -> str:
        inst = self.institution
        facts = [str(x.value) for x in (inst.level, inst.control, inst.community, inst.size) if x]
        lines = [
            f"{inst.name} (UNITID {inst.unitid})",
            f"  {inst.city}, {inst.state}  {inst.web_address or ''}".rstrip(),
            "  "
            + "; ".join(facts)
            + (" ; HBCU" if inst.hbcu else "")
            + (" ; tribal college" if inst.tribal else ""),
            f"Cost of attendance, {self.cost.residency.value}, {self.cost.housing.value}:",
        ]
        for name, f in self.cost.parts:
            lines.append(f"  {name:<20} {f}")
        lines.append(f"  {'total':<20} {self.cost.total}")
        sel = self.selectivity
        rate = sel.admission_rate
        rate_text = f"{rate.value * 100:.0f}%" if rate.value is not None else rate.text
        lines.append(
            f"Admission rate {rate_text}, SAT average {sel.sat_average.text}"
            f" ({rate.release.name}, {rate.release.period})"
            + (f"; your SAT {sel.student_sat}" if sel.student_sat is not None else "")
            + (f": {sel.fit.value}" if sel.fit is not None else "")
        )
        lines.append(f"Programs ({len(self.programs)}; completions {IPEDS_C2024_A}):")
        for p in self.programs[:max_programs]:
            awards = ", ".join(f"{a.award.label} {a.completions}" for a in p.awards)
            lines.append(f"  {p.cip} {p.title}: {awards}")
        lines.append(f"Earnings and debt: {SCORECARD_FOS}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        body = escape(self.text())
        return f'<pre class="ilpcore-college">{body}</pre>'


def _figure(value: int | None, unit: str = "$") -> dict[str, Any]:
    from ilpcore.colleges.figures import Missing

    return Figure.of(value, SCORECARD_FOS, Missing.NOT_PUBLISHED, unit).to_dict()


def _program_dict(p: Program) -> dict[str, Any]:
    return {
        "cip": p.cip,
        "title": p.title,
        "awards": [
            {"award": a.award.label, "completions": a.completions, "year": "2023-24"}
            for a in p.awards
        ],
        "outcomes": [
            {
                "cip4": o.cip4,
                "credential": o.credential.name.lower(),
                "median_earnings": _figure(o.earnings_median),
                "earnings_horizon": o.earnings_horizon,
                "median_debt": _figure(o.debt_median),
            }
            for o in p.outcomes
        ],
    }


def college_profile(
    catalog: CollegeCatalog,
    unitid: int,
    residency: Residency = Residency.IN_STATE,
    housing: Housing = Housing.ON_CAMPUS,
    student_sat: int | None = None,
) -> CollegeProfile:
    """Everything the catalog knows about one college, for one student's situation."""
    programs = sorted(catalog.programs(unitid), key=lambda p: (-p.completions, p.cip))
    return CollegeProfile(
        catalog.institution(unitid),
        cost_of_attendance(catalog, unitid, residency, housing),
        selectivity(catalog, unitid, student_sat),
        tuple(programs),
    )
