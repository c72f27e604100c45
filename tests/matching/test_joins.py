"""Career clusters, OEWS wages and EP projections joined to the O*NET catalog (real files)."""

from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from ilpcore.exceptions import NotFoundError
from ilpcore.matching.catalog import (
    OccupationCatalog,
    SocMatch,
    WageStatus,
    state_code,
)
from ilpcore.matching.catalog.wages import STATES


def test_clusters(catalog: OccupationCatalog) -> None:
    table = catalog.clusters
    assert table is not None
    assert len(table.by_code) == 1011
    assert len(table.clusters) == 16
    assert len(table.pathways()) == 73
    assert sum(len(v) > 1 for v in table.by_code.values()) == 21
    unassigned = [o.code for o in catalog if not catalog.clusters_of(o.code)]
    assert unassigned == ["15-1299.04", "15-1299.05", "15-1299.06", "15-1299.07", "19-1029.04"]
    hydro = catalog.clusters_of("19-4044.00")
    assert [(a.cluster, a.pathway) for a in hydro] == [
        ("Agriculture, Food & Natural Resources", "Natural Resources Systems"),
        ("Science, Technology, Engineering & Mathematics", "Science and Mathematics"),
    ]


def test_national_wages(catalog: OccupationCatalog) -> None:
    w = catalog.wages_of("11-1011.00")
    assert w is not None
    assert (w.soc_code, w.match, w.release) == ("11-1011", SocMatch.DETAILED, "May 2025")
    s = w.statistics
    assert s.annual_median == Decimal(213990)
    assert s.hourly_median == Decimal("102.88")
    assert s.annual == tuple(
        map(Decimal, ("269630", "75700", "129540", "213990", "356200", "507730"))
    )
    assert s.employment == 204350
    assert str(s.figure("pct90")) == "$507,730"


def test_state_wages_and_suppressed_values(catalog: OccupationCatalog) -> None:
    w = catalog.wages_of("15-1252.00", "KY")
    assert w is not None
    assert w.statistics.area == "KY"
    assert w.statistics.annual_median == Decimal(109010)
    assert catalog.wages_of("15-1252.00", "Kentucky") == w
    assert catalog.wages_of("15-1252.00", "21") == w
    surgeons = catalog.wages_of("29-1022.00", "AL")
    assert surgeons is not None
    top = surgeons.statistics.figure("median")
    assert (top.value, top.status) == (None, WageStatus.TOP_CODED)
    assert str(top) == "top-coded"
    admins = catalog.wages_of("11-9032.00")
    assert admins is not None
    hourly = admins.statistics.figure("median", hourly=True)
    assert (hourly.value, hourly.status) == (None, WageStatus.NOT_PUBLISHED)
    assert admins.statistics.annual_median == Decimal(105870)
    other = catalog.wages_of("11-9039.00", "AL")
    assert other is not None
    assert other.statistics.employment is None  # footnote 8, not 0
    with pytest.raises(NotFoundError):
        state_code("Atlantis")


def test_suppressed_values_are_never_zero(catalog: OccupationCatalog) -> None:
    assert catalog.wages is not None
    areas = [None, *catalog.wages.states]
    statuses: Counter[WageStatus] = Counter()
    for area in areas:
        for code in catalog.wages.area(area):
            s = catalog.wages.statistics(code, area)
            assert s is not None
            for value, status in zip(
                s.annual + s.hourly, s.annual_status + s.hourly_status, strict=True
            ):
                statuses[status] += 1
                assert (value is None) == (status is not WageStatus.PUBLISHED)
                assert value is None or value > 0
    assert statuses[WageStatus.TOP_CODED] > 1000
    assert statuses[WageStatus.NOT_RELEASED] > 1000
    assert len(catalog.wages.states) == 54
    assert len(catalog.wages.national) == 1104  # PROVENANCE.md §4
    assert sum(len(t) for t in catalog.wages.states.values()) == 37408
    assert set(catalog.wages.states) == set(STATES.values())


def test_fallbacks(catalog: OccupationCatalog) -> None:
    counselors = catalog.wages_of("21-1011.00")
    assert counselors is not None
    assert (counselors.soc_code, counselors.match) == ("21-1018", SocMatch.AGGREGATE)
    buyers = catalog.wages_of("13-1021.00")
    assert buyers is not None
    assert (buyers.soc_code, buyers.match) == ("13-1020", SocMatch.BROAD)
    assert catalog.wages_of("55-1011.00") is None  # military: BLS publishes nothing
    assert catalog.wages_of("11-1031.00") is None  # legislators: no OEWS estimate ...
    legislators = catalog.outlook_of("11-1031.00")
    assert legislators is not None  # ... but an EP projection
    assert legislators.match is SocMatch.DETAILED
    teachers = catalog.outlook_of("25-2055.00")
    assert teachers is not None
    assert (teachers.soc_code, teachers.match) == ("25-2052", SocMatch.AGGREGATE)
    # PROVENANCE: for 28 O*NET SOCs BLS publishes only a broader code (OEWS, national)
    fallback = {
        o.soc_code
        for o in catalog
        if (w := catalog.wages_of(o.code)) is not None and w.match is not SocMatch.DETAILED
    }
    assert len(fallback) == 28


def _used(catalog: OccupationCatalog, state: str | None) -> set[str]:
    used = set()
    for o in catalog:
        w = catalog.wages_of(o.code, state)
        if w is not None:
            used.add(w.soc_code)
    return used


def test_every_published_occupation_is_joined(catalog: OccupationCatalog, data_dir: Path) -> None:
    """Every detailed OEWS / EP line item code reaches some O*NET occupation."""
    assert catalog.wages is not None
    assert catalog.projections is not None
    national = {c for c in catalog.wages.national if _is_detailed(data_dir, c)}
    assert len(national) == 830
    assert national <= _used(catalog, None)
    for state, table in catalog.wages.states.items():
        detailed = {c for c in table if not c.endswith("-0000")}  # state files: no broad rows
        assert detailed <= _used(catalog, state), state
    outlook = {o.soc_code for c in catalog.codes if (o := catalog.outlook_of(c)) is not None}
    assert set(catalog.projections.by_code) == outlook
    assert len(outlook) == 832


_DETAILED: set[str] = set()


def _is_detailed(data_dir: Path, code: str) -> bool:
    if not _DETAILED:
        with (data_dir / "bls_oews" / "oews_national_may2025.csv").open() as f:
            _DETAILED.update(r["occ_code"] for r in csv.DictReader(f) if r["o_group"] == "detailed")
    return code in _DETAILED


def test_projections_and_bright_outlook(catalog: OccupationCatalog) -> None:
    p = catalog.projections
    assert p is not None
    assert (p.period, p.total_change_percent) == ("2024-34", Decimal("3.1"))
    assert len(p.by_code) == 832
    software = catalog.outlook_of("15-1252.00")
    assert software is not None
    proj = software.projection
    assert (proj.change_percent, proj.openings) == (Decimal("15.8"), Decimal("115.2"))
    assert proj.entry_education == "Bachelor's degree"
    assert proj.bright_outlook
    assert sum(x.bright_outlook for x in p.by_code.values()) == sum(
        x.change_percent >= Decimal("6.2") or x.openings >= 10 for x in p.by_code.values()
    )
    ceo = catalog.outlook_of("11-1011.00")
    assert ceo is not None
    assert ceo.projection.work_experience == "5 years or more"
    assert ceo.projection.median_wage.value == Decimal(206420)
    surgeons = catalog.outlook_of("29-1022.00")
    assert surgeons is not None
    assert surgeons.projection.median_wage.status is WageStatus.TOP_CODED
