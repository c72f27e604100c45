"""College search and financial planning from official federal data.

The releases (IPEDS directory, completions and charges; College Scorecard
field-of-study outcomes and admissions; the NCES CIP-SOC crosswalk) are read
by :func:`load_colleges` into an immutable :class:`CollegeCatalog`.  On it:

* :func:`select` - the school selector (state, distance, level, control,
  community, size, program, award level; sort by earnings, debt, ratio, completions);
* :func:`keyword_search` - institution names and program titles;
* :func:`for_career` - occupation → CIP programs → schools at the right award level;
* :func:`cost_of_attendance`, :func:`multi_year_cost` - published charges, projected;
* :func:`program_finances`, :func:`monthly_payment` - debt, earnings, ratio, payment;
* :func:`selectivity` - admission rate and SAT beside the student's, reach/match/likely.

Every figure carries its release and year (:class:`Figure`); values the
publisher suppressed are "not published", never zero.  This package never
imports :mod:`ilpcore.matching`'s internals: occupation facts (entry education,
state wage) are passed in by the caller, or read by :func:`career_facts` through
its public API.
"""

from ilpcore.colleges.admission import Fit, Selectivity, fit_label, selectivity
from ilpcore.colleges.careers import CareerPrograms, for_career
from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.codes import (
    AwardLevel,
    CommunityType,
    Control,
    CredentialLevel,
    Level,
    Size,
    award_levels_for_entry_education,
)
from ilpcore.colleges.cost import (
    CostOfAttendance,
    IncomeBand,
    MultiYearCost,
    NetPriceTable,
    YearCost,
    cost_of_attendance,
    multi_year_cost,
)
from ilpcore.colleges.crosswalk import Crosswalk
from ilpcore.colleges.figures import Figure, Missing, Release
from ilpcore.colleges.finances import (
    BLS_OEWS_MAY_2025,
    ProgramFinances,
    monthly_payment,
    program_finances,
)
from ilpcore.colleges.loading import load_colleges
from ilpcore.colleges.occupations import CareerFacts, career_facts
from ilpcore.colleges.profile import CollegeProfile, college_profile
from ilpcore.colleges.records import (
    Admissions,
    AwardCount,
    Charges,
    Housing,
    Institution,
    Outcome,
    Program,
    ProgramRecord,
    Residency,
)
from ilpcore.colleges.results import CollegeResults
from ilpcore.colleges.search import KeywordResults, ProgramHit, keyword_search
from ilpcore.colleges.selector import (
    CollegeFilter,
    ProgramMatch,
    SelectedCollege,
    SortKey,
    select,
)

__all__ = [
    "BLS_OEWS_MAY_2025",
    "Admissions",
    "AwardCount",
    "AwardLevel",
    "CareerFacts",
    "CareerPrograms",
    "Charges",
    "CollegeCatalog",
    "CollegeFilter",
    "CollegeProfile",
    "CollegeResults",
    "CommunityType",
    "Control",
    "CostOfAttendance",
    "CredentialLevel",
    "Crosswalk",
    "Figure",
    "Fit",
    "Housing",
    "IncomeBand",
    "Institution",
    "KeywordResults",
    "Level",
    "Missing",
    "MultiYearCost",
    "NetPriceTable",
    "Outcome",
    "Program",
    "ProgramFinances",
    "ProgramHit",
    "ProgramMatch",
    "ProgramRecord",
    "Release",
    "Residency",
    "SelectedCollege",
    "Selectivity",
    "Size",
    "SortKey",
    "YearCost",
    "award_levels_for_entry_education",
    "career_facts",
    "college_profile",
    "cost_of_attendance",
    "fit_label",
    "for_career",
    "keyword_search",
    "load_colleges",
    "monthly_payment",
    "multi_year_cost",
    "program_finances",
    "select",
    "selectivity",
]
