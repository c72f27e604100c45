"""A catalog from plain records (a state's list, a plugin), and the demo step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ilpcore.cli.demo import DemoContext
from ilpcore.colleges import (
    AwardLevel,
    CollegeCatalog,
    CollegeFilter,
    Control,
    CredentialLevel,
    Institution,
    Level,
    Outcome,
    ProgramRecord,
    select,
)
from ilpcore.colleges.demo import demo_step
from ilpcore.exceptions import NotFoundError
from ilpcore.model import SavedListKind
from ilpcore.samples import sample_plan
from ilpcore.store.memory import MemoryStore

STATE_SCHOOL = Institution(
    990001, "Bluegrass Health Academy", "Lexington", "KY", Level.LESS_THAN_TWO_YEAR,
    Control.PUBLIC, source="Kentucky CTE list (example)",
)  # fmt: skip


def test_catalog_from_records() -> None:
    catalog = CollegeCatalog.from_records(
        [STATE_SCHOOL],
        [ProgramRecord(990001, "51.3902", AwardLevel.CERT_UNDER_12_WEEKS, 40)],
        [Outcome(990001, "51.39", CredentialLevel.UNDERGRADUATE_CERTIFICATE, 35, None, None, 500)],
    )
    (program,) = catalog.programs(990001)
    assert program.completions == 40
    assert program.outcomes[0].earnings_median is None
    assert catalog.outcome(990001, "51.3902", AwardLevel.CERT_UNDER_12_WEEKS) is not None
    assert catalog.charges(990001) is None
    with pytest.raises(NotFoundError):
        catalog.institution(157085)


def test_with_records_adds_and_replaces(catalog: CollegeCatalog) -> None:
    bigger = catalog.with_records(
        [STATE_SCHOOL], [ProgramRecord(990001, "51.3902", AwardLevel.CERT_UNDER_12_WEEKS, 40)]
    )
    assert len(bigger) == len(catalog) + 1
    assert bigger.programs(157085) == catalog.programs(157085)
    found = select(bigger, CollegeFilter(states=frozenset({"KY"}), cips=frozenset({"51.3902"})))
    assert 990001 in {s.institution.unitid for s in found}
    renamed = Institution(157085, "UK (state list)", "Lexington", "KY", Level.FOUR_YEAR, None)
    replaced = catalog.with_records([renamed])
    assert replaced.institution(157085).name == "UK (state list)"
    assert replaced.programs(157085) == ()
    assert len(replaced) == len(catalog)


def test_demo_step(catalog: CollegeCatalog, data_dir: Path, cache_folder: Path,
                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("ILPCORE_CACHE_DIR", str(cache_folder))
    context = DemoContext(sample_plan(), MemoryStore(), data_dir)
    section = demo_step(context)
    assert "29-1141.00" in section.text
    assert "IPEDS IC2022_AY, 2022-23" in section.text
    assert "BLS OEWS KY" in section.text
    assert "O*NET" in section.text
    for item in ("median debt", "median earnings", "debt-to-earnings ratio", "monthly payment"):
        (line,) = [x for x in section.text.splitlines() if x.strip().startswith(item)]
        assert "(College Scorecard field of study, release 2026-06-10)" in line
    json.dumps(section.data)
    colleges = [s for s in context.plan.saved_lists if s.kind is SavedListKind.COLLEGES]
    assert len(colleges) == 1
    assert all(item.key.isdigit() for item in colleges[0].items)
    assert section.data["applications"][0]["status"] == "researching"


def test_from_records_names_bad_records() -> None:
    from ilpcore.exceptions import ValidationError

    with pytest.raises(ValidationError) as e:
        CollegeCatalog.from_records(
            [STATE_SCHOOL, STATE_SCHOOL],
        )
    assert e.value.paths == ("institutions",)
    with pytest.raises(ValidationError) as e:
        CollegeCatalog.from_records(
            [STATE_SCHOOL],
            [
                ProgramRecord(990001, "51.3902", AwardLevel.ASSOCIATE, -3),
                ProgramRecord(123456, "51.3902", AwardLevel.ASSOCIATE, 3),
            ],
        )
    assert set(e.value.paths) == {"programs[0].completions", "programs[1].unitid"}
