"""The records of the college catalog: institutions, programs, outcomes, charges, admissions.

They are plain frozen values, so a catalog can be built from any source (the
federal files, a state's own list, a test) with
:meth:`~ilpcore.colleges.CollegeCatalog.from_records`.  Whole numbers of dollars
are ``int``; ``None`` always means "not published / not reported", never zero.
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from ilpcore.colleges.codes import AwardLevel, CommunityType, Control, CredentialLevel, Level, Size
from ilpcore.exceptions import Problem, ValidationError

__all__ = [
    "Admissions",
    "AwardCount",
    "Charges",
    "Housing",
    "Institution",
    "Outcome",
    "Program",
    "ProgramRecord",
    "Residency",
    "check_program_records",
]


@attrs.frozen
class Institution:
    """One college, university or career school (an IPEDS directory record)."""

    unitid: int
    """The IPEDS UNITID (the College Scorecard ``unitid`` too)."""
    name: str
    city: str
    state: str
    """USPS abbreviation, e.g. ``KY``."""
    level: Level | None
    control: Control | None
    community: CommunityType | None = None
    size: Size | None = None
    zip: str | None = None
    web_address: str | None = None
    alias: str | None = None
    hbcu: bool = False
    tribal: bool = False
    latitude: float | None = None
    longitude: float | None = None
    admissions_url: str | None = None
    financial_aid_url: str | None = None
    net_price_calculator_url: str | None = None
    source: str = "IPEDS HD2024"
    """Where the record comes from (a plugin names its own list)."""

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@attrs.frozen
class ProgramRecord:
    """One line of completions: an institution awarded ``completions`` of ``award`` in ``cip``."""

    unitid: int
    cip: str
    """6-digit CIP 2020 code ``NN.NNNN``."""
    award: AwardLevel
    completions: int


@attrs.frozen
class Outcome:
    """College Scorecard field-of-study figures for one institution, 4-digit CIP and credential."""

    unitid: int
    cip4: str
    """4-digit CIP ``NN.NN``."""
    credential: CredentialLevel
    completers: int | None
    earnings_median: int | None
    """Median earnings in dollars; ``None`` when not published."""
    earnings_horizon: str | None
    """``"4yr_after_completion"`` or ``"1yr_after_completion"`` (where earnings are published)."""
    debt_median: int | None
    """Median federal loan debt in dollars; ``None`` when not published."""


@attrs.frozen
class AwardCount:
    award: AwardLevel
    completions: int
    """Completions in the IPEDS C2024_A year (2023-24), first majors."""


@attrs.frozen
class Program:
    """A program an institution offers: a 6-digit CIP, its award levels, and its outcomes."""

    unitid: int
    cip: str
    title: str
    awards: tuple[AwardCount, ...]
    outcomes: tuple[Outcome, ...] = ()
    """Scorecard figures for the program's 4-digit CIP at this institution, by credential."""

    @property
    def completions(self) -> int:
        return sum(a.completions for a in self.awards)

    @property
    def award_levels(self) -> tuple[AwardLevel, ...]:
        return tuple(a.award for a in self.awards)


class Residency(enum.Enum):
    """Which tuition a student pays."""

    IN_DISTRICT = "in-district"
    IN_STATE = "in-state"
    OUT_OF_STATE = "out-of-state"


class Housing(enum.Enum):
    """Where a student lives while enrolled."""

    ON_CAMPUS = "on campus"
    OFF_CAMPUS = "off campus"
    WITH_FAMILY = "off campus with family"


@attrs.frozen
class Charges:
    """Published charges for one academic year (IPEDS IC2022_AY: 2022-23), in whole dollars.

    ``None``: not reported or not applicable (NCES ``.``), never zero.
    """

    unitid: int
    tuition_in_district: int | None
    """Published tuition and required fees for full-time first-time undergraduates."""
    tuition_in_state: int | None
    tuition_out_of_state: int | None
    books_supplies: int | None
    room_board_on_campus: int | None
    other_on_campus: int | None
    room_board_off_campus: int | None
    """Off campus, not with family."""
    other_off_campus: int | None
    other_with_family: int | None
    application_fee: int | None = None
    """Undergraduate application fee (IPEDS IC2022 ``APPLFEEU``)."""

    def tuition_fees(self, residency: Residency) -> int | None:
        """Tuition and required fees for a residency."""
        if residency is Residency.IN_DISTRICT:
            return self.tuition_in_district
        if residency is Residency.IN_STATE:
            return self.tuition_in_state
        return self.tuition_out_of_state

    def room_board(self, housing: Housing) -> int | None:
        """Room and board; ``None`` when living with family (not charged) or not reported."""
        if housing is Housing.ON_CAMPUS:
            return self.room_board_on_campus
        if housing is Housing.OFF_CAMPUS:
            return self.room_board_off_campus
        return None

    def other_expenses(self, housing: Housing) -> int | None:
        if housing is Housing.ON_CAMPUS:
            return self.other_on_campus
        if housing is Housing.OFF_CAMPUS:
            return self.other_off_campus
        return self.other_with_family


@attrs.frozen
class Admissions:
    """Selectivity from the College Scorecard institution file (admissions of about 2020-21)."""

    unitid: int
    admission_rate: Decimal | None
    """Share of applicants admitted, 0-1; ``None`` when not published (e.g. open admission)."""
    sat_average: int | None
    """Average SAT (math + evidence-based reading/writing) of admitted students who enrolled."""


def check_program_records(known: set[int], programs: tuple[ProgramRecord, ...]) -> None:
    """A :class:`~ilpcore.exceptions.ValidationError` naming each program (``programs[3].unitid``)
    of no institution in ``known`` or with a negative count."""
    problems = [
        Problem(f"programs[{k}].unitid", f"no institution with UNITID {p.unitid}")
        for k, p in enumerate(programs)
        if p.unitid not in known
    ]
    problems += [
        Problem(f"programs[{k}].completions", f"must not be negative, got {p.completions}")
        for k, p in enumerate(programs)
        if p.completions < 0
    ]
    if problems:
        raise ValidationError(problems)
