"""The immutable college catalog: institutions, their programs, outcomes, charges, admissions.

Build it from the federal files with :func:`~ilpcore.colleges.load_colleges`, or
from plain records with :meth:`CollegeCatalog.from_records` (a state's own list,
a plugin, a test).  Lookups by UNITID are dictionary lookups.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from typing import Final, TypeAlias

from ilpcore.colleges.bulk import gc_paused
from ilpcore.colleges.codes import AwardLevel, credential_level_of
from ilpcore.colleges.columns import InstitutionColumns
from ilpcore.colleges.crosswalk import Crosswalk
from ilpcore.colleges.geo import ZipCentres
from ilpcore.colleges.program_index import ProgramIndex
from ilpcore.colleges.records import (
    Admissions,
    AwardCount,
    Charges,
    Institution,
    Outcome,
    Program,
    ProgramRecord,
    check_program_records,
)
from ilpcore.colleges.tables import AWARD_LEVELS, OutcomeTable, ProgramTable
from ilpcore.exceptions import NotFoundError, ValidationError

__all__ = ["PICKLE_FORMAT", "CollegeCatalog", "IndexLoader"]

PICKLE_FORMAT: Final = 14
"""The cache format of the college catalog: bump it whenever its pickled classes change shape."""


IndexLoader: TypeAlias = Callable[[Callable[[], ProgramIndex]], ProgramIndex]
"""Given the function that builds a catalog's program index, the index (built or read)."""


class CollegeCatalog:
    """Colleges and their programs; immutable once built."""

    __slots__ = (
        "_admissions",
        "_by_name",
        "_by_state",
        "_by_unitid",
        "_charges",
        "_index_loader",
        "_institution_columns",
        "_latitudes",
        "_name_rank",
        "_outcome_objects",
        "_outcomes",
        "_program_index",
        "_programs",
        "_totals",
        "_words",
        "_zips",
        "cip_titles",
        "crosswalk",
        "institutions",
    )

    institutions: tuple[Institution, ...]
    """Every institution, by UNITID."""
    crosswalk: Crosswalk
    cip_titles: Mapping[str, str]
    """CIP code (2-, 4- or 6-digit) → title."""

    def __init__(
        self,
        institutions: Iterable[Institution],
        programs: ProgramTable,
        outcomes: OutcomeTable,
        charges: Iterable[Charges] = (),
        admissions: Iterable[Admissions] = (),
        crosswalk: Crosswalk | None = None,
        cip_titles: Mapping[str, str] | None = None,
    ) -> None:
        self.institutions = tuple(sorted(institutions, key=lambda i: i.unitid))
        self._by_unitid = {i.unitid: i for i in self.institutions}
        self._by_name = tuple(sorted(self.institutions, key=lambda i: (i.name, i.unitid)))
        self._name_rank = {inst.unitid: k for k, inst in enumerate(self._by_name)}
        by_state: dict[str, list[Institution]] = {}
        for inst in self._by_name:
            by_state.setdefault(inst.state, []).append(inst)
        self._by_state = {k: tuple(v) for k, v in by_state.items()}
        if len(self._by_unitid) != len(self.institutions):
            counts = Counter(i.unitid for i in self.institutions)
            repeated = sorted(u for u, n in counts.items() if n > 1)
            raise ValidationError.at("institutions", f"UNITIDs repeat: {repeated}")
        self._programs = programs
        self._outcomes = outcomes
        self._charges = {c.unitid: c for c in charges}
        self._admissions = {a.unitid: a for a in admissions}
        self.crosswalk = crosswalk or Crosswalk({}, {})
        self.cip_titles: Mapping[str, str] = dict(cip_titles or {})
        self._zips: ZipCentres | None = None
        self._totals: dict[int, int] | None = None
        self._words: object = None
        self._program_index: ProgramIndex | None = None
        self._index_loader: IndexLoader | None = None
        self._institution_columns: InstitutionColumns | None = None
        self._outcome_objects: list[Outcome | None] | None = None
        """The outcome of each outcome-table row, built when first read (not pickled)."""
        self._latitudes: tuple[list[float], list[int]] | None = None
        """Search words, built by :mod:`ilpcore.colleges.search` on first use."""

    @classmethod
    def from_records(
        cls,
        institutions: Iterable[Institution],
        programs: Iterable[ProgramRecord] = (),
        outcomes: Iterable[Outcome] = (),
        charges: Iterable[Charges] = (),
        admissions: Iterable[Admissions] = (),
        crosswalk: Crosswalk | None = None,
        cip_titles: Mapping[str, str] | None = None,
    ) -> CollegeCatalog:
        """A catalog from plain records (e.g. a state's own list of colleges).

        Raises :class:`~ilpcore.exceptions.ValidationError` naming each program (e.g.
        ``programs[3].unitid``) of no institution or with a negative count.  Outcomes,
        charges and admissions of institutions not in the list are kept but never shown
        (the federal files have such rows for closed or merged institutions).
        """
        insts = tuple(institutions)
        known = {i.unitid for i in insts}
        program_rows, outcome_rows = tuple(programs), tuple(outcomes)
        charge_rows, admission_rows = tuple(charges), tuple(admissions)
        check_program_records(known, program_rows)
        return cls(
            insts,
            ProgramTable.of_records(program_rows),
            OutcomeTable.of_records(outcome_rows),
            charge_rows,
            admission_rows,
            crosswalk,
            cip_titles,
        )

    def with_records(
        self,
        institutions: Iterable[Institution],
        programs: Iterable[ProgramRecord] = (),
        outcomes: Iterable[Outcome] = (),
        charges: Iterable[Charges] = (),
        admissions: Iterable[Admissions] = (),
    ) -> CollegeCatalog:
        """A new catalog with more records added; an added institution replaces one with
        the same UNITID, together with its programs, outcomes, charges and admissions."""
        added = tuple(institutions)
        replaced = frozenset(i.unitid for i in added)
        insts = [*(i for i in self.institutions if i.unitid not in replaced), *added]
        program_rows = tuple(programs)
        check_program_records({i.unitid for i in insts}, program_rows)
        return CollegeCatalog(
            insts,
            ProgramTable.of_records(program_rows, self._programs, replaced),
            OutcomeTable.of_records(outcomes, self._outcomes, replaced),
            [*(c for u, c in self._charges.items() if u not in replaced), *charges],
            [*(a for u, a in self._admissions.items() if u not in replaced), *admissions],
            self.crosswalk,
            self.cip_titles,
        )

    def records(
        self,
    ) -> tuple[
        tuple[Institution, ...],
        tuple[ProgramRecord, ...],
        tuple[Outcome, ...],
        tuple[Charges, ...],
        tuple[Admissions, ...],
    ]:
        """Every record of the catalog, as :meth:`from_records` takes them."""
        return (
            self.institutions,
            tuple(self._programs.records()),
            tuple(self._outcomes.records()),
            tuple(self._charges.values()),
            tuple(self._admissions.values()),
        )

    # --- institutions -----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.institutions)

    def __iter__(self) -> Iterator[Institution]:
        return iter(self.institutions)

    def __contains__(self, unitid: object) -> bool:
        return unitid in self._by_unitid

    def institution(self, unitid: int) -> Institution:
        """The institution with ``unitid``; :class:`~ilpcore.exceptions.NotFoundError` if none."""
        try:
            return self._by_unitid[unitid]
        except KeyError:
            raise NotFoundError(f"no institution with UNITID {unitid} in the catalog") from None

    @property
    def by_name(self) -> tuple[Institution, ...]:
        """Every institution, by name (then UNITID)."""
        return self._by_name

    def institution_columns(self) -> InstitutionColumns:
        """The institutions' fields as columns in name order (built on first use, not pickled)."""
        columns = self._institution_columns
        if columns is None:
            columns = self._institution_columns = InstitutionColumns(self._by_name)
        return columns

    def name_ranks(self, unitids: Iterable[int]) -> list[int]:
        """Positions in :attr:`by_name` of ``unitids`` (all in the catalog), ascending."""
        rank = self._name_rank
        return sorted(rank[u] for u in unitids)

    def ranks_between_latitudes(self, south: float, north: float) -> list[int]:
        """Positions in :attr:`by_name` (ascending) of the institutions with a latitude
        from ``south`` to ``north``."""
        latitudes = self._latitudes
        if latitudes is None:
            placed = sorted(
                (inst.latitude, k)
                for k, inst in enumerate(self._by_name)
                if inst.latitude is not None and inst.longitude is not None
            )
            latitudes = self._latitudes = ([p[0] for p in placed], [p[1] for p in placed])
        values, ranks = latitudes
        return sorted(ranks[bisect_left(values, south) : bisect_right(values, north)])

    def in_states(self, states: Iterable[str]) -> tuple[Institution, ...]:
        """The institutions in any of ``states``, by name."""
        wanted = set(states)
        if len(wanted) == 1:
            return self._by_state.get(next(iter(wanted)), ())
        return tuple(i for i in self._by_name if i.state in wanted)

    def charges(self, unitid: int) -> Charges | None:
        """2022-23 charges, or ``None`` when the institution is not in IC2022_AY."""
        return self._charges.get(unitid)

    def admissions(self, unitid: int) -> Admissions | None:
        return self._admissions.get(unitid)

    # --- programs ---------------------------------------------------------------------------

    def programs(self, unitid: int) -> tuple[Program, ...]:
        """The programs of one institution, by CIP code, with their Scorecard outcomes."""
        grouped: dict[str, list[AwardCount]] = {}
        for cip, award, n in self._programs.rows_of(unitid):
            grouped.setdefault(cip, []).append(AwardCount(award, n))
        outcomes: dict[str, list[Outcome]] = {}
        for o in self._outcomes.of(unitid):
            outcomes.setdefault(o.cip4, []).append(o)
        return tuple(
            Program(
                unitid, cip, self.cip_title(cip), tuple(awards), tuple(outcomes.get(cip[:5], ()))
            )
            for cip, awards in grouped.items()
        )

    def program_rows(self, unitid: int) -> Iterator[tuple[str, AwardLevel, int]]:
        """``(cip, award level, completions)`` of one institution, without building programs."""
        return self._programs.rows_of(unitid)

    def program_rows_with_prefix(
        self, unitid: int, cip_prefix: str
    ) -> Iterator[tuple[str, AwardLevel, int]]:
        """Like :meth:`program_rows`, only CIP codes starting with ``cip_prefix``, fast."""
        return self._programs.rows_with_prefix(unitid, cip_prefix)

    def total_completions(self, unitid: int) -> int:
        """All completions (first majors, 2023-24) of an institution."""
        totals = self._totals
        if totals is None:
            c = self._programs.completions
            totals = self._totals = {
                u: sum(c[start:end]) for u, (start, end) in self._programs.ranges.items()
            }
        return totals.get(unitid, 0)

    def program(self, unitid: int, cip: str) -> Program:
        for p in self.programs(unitid):
            if p.cip == cip:
                return p
        raise NotFoundError(f"institution {unitid} reports no completions in CIP {cip}")

    def outcome(self, unitid: int, cip: str, award: AwardLevel) -> Outcome | None:
        """The Scorecard outcome of a program at an award level (by its 4-digit CIP)."""
        return self._outcomes.find(unitid, cip[:5], credential_level_of(award))

    def offering(self, cip_prefix: str) -> frozenset[int]:
        """UNITIDs with completions in any CIP code starting with ``cip_prefix``."""
        index = self._programs.unitids_by_cip
        exact = index.get(cip_prefix)
        if exact is not None:
            return exact
        found: set[int] = set()
        for cip, unitids in index.items():
            if cip.startswith(cip_prefix):
                found |= unitids
        return frozenset(found)

    def program_index(self) -> ProgramIndex:
        """Completions rows grouped by award level and CIP code, with their sort keys;
        built on first use (or read through the loader of :meth:`set_program_index_loader`)
        and kept."""
        index = self._program_index
        if index is None:
            build = partial(ProgramIndex, self._programs, self._outcomes, self._name_rank)
            loader = self._index_loader
            with gc_paused():
                index = self._program_index = build() if loader is None else loader(build)
        return index

    def set_program_index_loader(self, loader: IndexLoader) -> None:
        """Have :meth:`program_index` call ``loader(build)`` instead of ``build()``, e.g. to
        read the index from a cache (``loader`` is not pickled with the catalog)."""
        self._index_loader = loader

    def __getstate__(self) -> dict[str, object]:
        state = {name: getattr(self, name) for name in self.__slots__ if hasattr(self, name)}
        state["_index_loader"] = None
        state["_outcome_objects"] = None
        state["_institution_columns"] = None
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def indexed_rows(
        self, unitid: int, code_spans: Sequence[tuple[int, int]], awards: frozenset[int]
    ) -> Iterator[tuple[str, AwardLevel, int, Outcome | None]]:
        """``(cip, award, completions, outcome)`` of one institution's rows whose CIP code
        lies in ``code_spans`` (of :meth:`ProgramIndex.code_spans`) and whose award level
        value is in ``awards`` (any when empty), in table order (``code_spans`` are sorted
        and disjoint); outcomes come from the index's precomputed rows, each built once
        and shared by every search that shows it (they are immutable)."""
        table, outcomes = self._programs, self._outcomes
        outcome_row = self.program_index().outcome_row
        built = self._outcome_objects
        if built is None:
            built = self._outcome_objects = [None] * len(outcomes)
        start, end = table.ranges.get(unitid, (0, 0))
        codes, cips, award, completions = table.codes, table.cips, table.award, table.completions
        for lo, hi in code_spans:  # an institution's rows are in code order: bisect to each span
            first = bisect_left(cips, lo, start, end)
            last = bisect_left(cips, hi, first, end)
            for i in range(first, last):
                if awards and award[i] not in awards:
                    continue
                o = outcome_row[i]
                outcome = None if o < 0 else built[o]
                if outcome is None and o >= 0:
                    outcome = built[o] = outcomes.at(o, unitid)
                yield codes[cips[i]], AWARD_LEVELS[award[i]], completions[i], outcome

    def cip_codes(self) -> tuple[str, ...]:
        """Every 6-digit CIP code with completions in the catalog."""
        return tuple(sorted(self._programs.unitids_by_cip))

    def cip_title(self, cip: str) -> str:
        """The CIP 2020 title of a code, or the code itself when unknown."""
        return self.cip_titles.get(cip, cip)

    @property
    def program_count(self) -> int:
        """Rows of completions (institution x CIP x award level)."""
        return len(self._programs)

    @property
    def outcome_count(self) -> int:
        return len(self._outcomes)

    # --- places -----------------------------------------------------------------------------

    def locate_zip(self, zip_code: str) -> tuple[float, float]:
        """Approximate coordinates of a ZIP code from the directory itself.

        The directory has no ZIP table, so this is the mean position of the
        institutions with that 5-digit ZIP, else with the same 3-digit ZIP prefix
        (a mail-sorting area); :class:`~ilpcore.exceptions.UnknownLocationError` otherwise.
        """
        zips = self._zips
        if zips is None:
            zips = self._zips = ZipCentres(self.institutions)
        return zips.locate(zip_code)
