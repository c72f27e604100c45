"""``ilp colleges search | for-career | show``, text and --json."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from ilpcore.cli.app import main
from ilpcore.colleges import CollegeCatalog


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.fixture
def data(catalog: CollegeCatalog, data_dir: Path, cache_folder: Path) -> list[str]:
    return ["--data", str(data_dir)]


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, cache_folder: Path) -> None:
    monkeypatch.setenv("ILPCORE_CACHE_DIR", str(cache_folder))


def test_search_json(capsys: pytest.CaptureFixture[str], data: list[str]) -> None:
    code, out = _run(
        capsys, "colleges", "search", "--state", "KY", "--program", "51.3801",
        "--award", "bachelor", "--sort", "earnings", "--limit", "3", "--json", *data,
    )  # fmt: skip
    assert code == 0
    document = json.loads(out)
    assert len(document["colleges"]) == 3
    earnings = [c["best_median_earnings"] for c in document["colleges"]]
    assert earnings == sorted(earnings, reverse=True)
    assert all(c["state"] == "KY" for c in document["colleges"])


def test_search_by_words_and_zip(capsys: pytest.CaptureFixture[str], data: list[str]) -> None:
    code, out = _run(
        capsys, "colleges", "search", "--near", "40506", "--within", "15",
        "--program", "registered nursing", *data,
    )  # fmt: skip
    assert code == 0
    assert "Bluegrass Community and Technical College" in out
    assert "Sources: IPEDS HD2024" in out


def test_for_career(capsys: pytest.CaptureFixture[str], data: list[str]) -> None:
    code, out = _run(
        capsys, "colleges", "for-career", "29-1141.00", "--entry-education",
        "Bachelor's degree", "--state", "KY", "--json", *data,
    )  # fmt: skip
    assert code == 0
    document = json.loads(out)
    assert document["award_levels"] == ["Bachelor's degree"]
    assert document["total"] >= len(document["colleges"]) > 0


def test_show_text_and_json(capsys: pytest.CaptureFixture[str], data: list[str]) -> None:
    code, out = _run(capsys, "colleges", "show", "157085", "--sat", "1250", *data)
    assert code == 0
    assert "University of Kentucky" in out
    assert "IPEDS IC2022_AY, 2022-23" in out
    code, out = _run(
        capsys, "colleges", "show", "157085", "--residency", "out-of-state", "--json", *data
    )
    document = json.loads(out)
    cost = document["cost_of_attendance"]
    assert cost["residency"] == "out-of-state"
    assert cost["tuition and fees"]["year"] == "2022-23"
    assert cost["total"]["value"] is not None


def test_errors_exit_1_with_json(capsys: pytest.CaptureFixture[str], data: list[str]) -> None:
    code, out = _run(capsys, "colleges", "show", "999999", "--json", *data)
    assert code == 1
    assert json.loads(out)["error"] == "NotFoundError"
    code, out = _run(capsys, "colleges", "search", "--near", "00000", *data)
    assert code == 1
    code, _ = _run(capsys, "colleges", "search", "--program", "zzzzqqq", *data)
    assert code == 1


def test_for_career_takes_entry_education_and_wage_from_the_occupation_catalog(
    capsys: pytest.CaptureFixture[str], data: list[str]
) -> None:
    code, out = _run(
        capsys, "colleges", "for-career", "29-1141.00", "--state", "KY", "--limit", "2",
        "--json", *data,
    )  # fmt: skip
    assert code == 0
    document = json.loads(out)
    assert document["entry_education"] == "Bachelor's degree"
    assert document["wage"]["release"] == "BLS OEWS KY"
    assert document["wage"]["year"] == "May 2025"
    assert int(document["wage"]["value"]) > 0


def test_show_projects_cost_and_program_finances(
    capsys: pytest.CaptureFixture[str], data: list[str]
) -> None:
    code, out = _run(
        capsys, "colleges", "show", "157085", "--years", "4", "--inflation", "0.03",
        "--start-year", "2027", "--finances", "51.3801", "--award", "bachelor",
        "--rate", "0.0653", "--occupation", "29-1141.00", "--state", "KY", "--json", *data,
    )  # fmt: skip
    assert code == 0
    document = json.loads(out)
    projection = document["multi_year_cost"]
    assert [y["academic_year"] for y in projection["years"]] == [
        "2027-28",
        "2028-29",
        "2029-30",
        "2030-31",
    ]
    assert projection["inflation"] == "0.03"
    assert projection["base"]["year"] == "2022-23"
    assert Decimal(projection["total"]) == sum(Decimal(y["amount"]) for y in projection["years"])
    money = document["program_finances"]
    assert money["median_debt"]["release"] == "College Scorecard field of study"
    assert money["occupation_wage"]["release"] == "BLS OEWS KY"
    assert Decimal(money["monthly_payment"]["value"]) > 0
    assert money["annual_rate"] == "0.0653"
    code, out = _run(
        capsys, "colleges", "show", "157085", "--finances", "51.3801", "--award", "bachelor",
        "--rate", "0.0653", *data,
    )  # fmt: skip
    assert code == 0
    assert "monthly payment (10 years at 0.0653)" in out
    assert "(College Scorecard field of study, release 2026-06-10)" in out


def test_show_refuses_half_given_options(
    capsys: pytest.CaptureFixture[str], data: list[str]
) -> None:
    code, out = _run(capsys, "colleges", "show", "157085", "--years", "4", "--json", *data)
    assert code == 1
    assert "--inflation" in json.loads(out)["message"]
    code, out = _run(capsys, "colleges", "show", "157085", "--finances", "51.3801", "--json", *data)
    assert code == 1
    assert "--rate" in json.loads(out)["message"]
