"""From a career to programs and schools: O*NET-SOC → CIP (NCES crosswalk) → institutions.

The occupation's typical entry education (BLS) decides the award levels.  It
is an input: the caller takes it from the occupation catalog
(:mod:`ilpcore.matching`: an occupation's entry education, EP 2024-34 wording),
so this engine does not depend on the matching engine.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any, Final

import attrs

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.codes import AwardLevel, award_levels_for_entry_education
from ilpcore.colleges.notebook import Tabular
from ilpcore.colleges.results import COLLEGE_COLUMNS, CollegeResults
from ilpcore.colleges.selector import CollegeFilter, SortKey, select
from ilpcore.exceptions import ValidationError

__all__ = ["CareerPrograms", "for_career"]

_ONET_SOC: Final = re.compile(r"\d{2}-\d{4}(\.\d{2})?")


@attrs.frozen
class CareerPrograms(Tabular):
    """The programs that prepare for an occupation and the schools that award them."""

    occupation_code: str
    soc_code: str
    entry_education: str
    award_levels: tuple[AwardLevel, ...]
    """What the entry education calls for; empty when no postsecondary award is needed."""
    programs: tuple[tuple[str, str], ...]
    """``(CIP code, title)`` from the crosswalk."""
    colleges: CollegeResults

    FRAME_COLUMNS = COLLEGE_COLUMNS

    def frame_rows(self) -> list[dict[str, Any]]:
        """The schools, one flat row each (as :meth:`CollegeResults.frame_rows`)."""
        return self.colleges.frame_rows()

    def _repr_html_(self) -> str:
        levels = ", ".join(a.label for a in self.award_levels) or "no postsecondary award"
        programs = "; ".join(f"{cip} {title}" for cip, title in self.programs) or "none"
        return (
            f"<p>{escape(self.occupation_code)} ({escape(self.entry_education)}: "
            f"{escape(levels)}). Programs (NCES CIP-SOC crosswalk): {escape(programs)}</p>"
            + self.colleges._repr_html_()
        )


def for_career(
    catalog: CollegeCatalog,
    occupation_code: str,
    entry_education: str,
    criteria: CollegeFilter = CollegeFilter(),  # noqa: B008 - immutable
    sort: SortKey = SortKey.COMPLETIONS,
    limit: int | None = None,
) -> CareerPrograms:
    """Schools awarding the crosswalk's programs for an occupation at the right level.

    ``occupation_code`` is an O*NET-SOC (``29-1141.00``) or SOC 2018 (``29-1141``) code;
    ``criteria`` narrows the schools (its ``cips`` and ``awards`` are replaced).
    """
    code = occupation_code.strip()
    if not _ONET_SOC.fullmatch(code):
        raise ValidationError.at("occupation_code", f"{occupation_code!r} is not an O*NET-SOC code")
    awards = award_levels_for_entry_education(entry_education)
    cips = catalog.crosswalk.cips_for(code)
    programs = tuple((c, catalog.cip_title(c)) for c in cips)
    colleges = CollegeResults((), 0)
    if cips:
        colleges = select(
            catalog,
            attrs.evolve(criteria, cips=frozenset(cips), awards=frozenset(awards)),
            sort,
            limit,
        )
    return CareerPrograms(code, code[:7], entry_education, awards, programs, colleges)
