"""Notebook side: flat rows for pandas / Arrow with stable columns and dtypes; escaped HTML."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal

import pandas as pd
import pyarrow as pa

from ilpcore.colleges import (
    AwardLevel,
    CollegeCatalog,
    CollegeFilter,
    Control,
    Housing,
    Institution,
    Level,
    ProgramRecord,
    Residency,
    SortKey,
    college_profile,
    cost_of_attendance,
    for_career,
    keyword_search,
    multi_year_cost,
    program_finances,
    select,
    selectivity,
)
from ilpcore.colleges.notebook import FIGURE_COLUMNS
from ilpcore.colleges.results import COLLEGE_COLUMNS

UK = 157085  # University of Kentucky


def test_search_results_to_pandas_and_arrow(catalog: CollegeCatalog) -> None:
    near = catalog.locate_zip("40506")
    found = select(
        catalog,
        CollegeFilter(cips=frozenset({"51.3801"}), near=near, within_miles=200.0),
        SortKey.EARNINGS,
    )
    frame = found.to_pandas()
    assert tuple(frame.columns) == COLLEGE_COLUMNS
    assert len(frame) == len(found) > 10
    assert frame["unitid"].dtype == "int64"
    assert frame["completions"].dtype == "int64"
    assert frame["matching_programs"].dtype == "int64"
    assert frame["hbcu"].dtype == bool
    assert frame["distance_miles"].dtype == "float64"
    assert frame["best_median_earnings"].dtype == "float64"  # NaN where not published
    assert frame["best_debt_to_earnings"].dtype == "float64"
    assert frame["name"].tolist() == [s.institution.name for s in found]
    first = found[0]
    assert frame["best_median_earnings"].iloc[0] == first.best_earnings
    assert frame["matching_programs"].iloc[0] == len(first.programs)
    assert frame["best_median_earnings"].isna().sum() == sum(s.best_earnings is None for s in found)
    table = found.to_arrow()
    assert table.column_names == list(COLLEGE_COLUMNS)
    assert table.schema.field("unitid").type == pa.int64()
    assert table.schema.field("name").type == pa.string()
    assert table.schema.field("best_debt_to_earnings").type == pa.float64()
    assert table.num_rows == len(found)


def test_empty_results_keep_their_columns(catalog: CollegeCatalog) -> None:
    found = select(catalog, CollegeFilter(cips=frozenset({"99.9999"})))
    assert len(found) == 0
    assert tuple(found.to_pandas().columns) == COLLEGE_COLUMNS


def test_cost_and_finance_figures_to_pandas(catalog: CollegeCatalog) -> None:
    cost = cost_of_attendance(catalog, UK, Residency.OUT_OF_STATE, Housing.ON_CAMPUS)
    frame = cost.to_pandas()
    assert tuple(frame.columns) == FIGURE_COLUMNS
    assert frame["item"].tolist()[:2] == ["tuition and fees", "books and supplies"]
    assert "total" in frame["item"].tolist()
    assert frame["value"].dtype == "float64"
    total = frame.set_index("item").loc["total"]
    assert total["value"] == float(cost.total.value or 0) > 0
    assert (total["release"], total["year"]) == ("IPEDS IC2022_AY", "2022-23")

    years = multi_year_cost(cost, start_year=2027, years=4, inflation=Decimal("0.03"))
    projected = years.to_pandas()
    assert projected["academic_year"].tolist() == ["2027-28", "2028-29", "2029-30", "2030-31"]
    assert projected["amount"].sum() == float(years.total)
    assert set(projected["base_year"]) == {"2022-23"}

    money = program_finances(
        catalog, UK, "51.3801", AwardLevel.BACHELOR, annual_rate=Decimal("0.0639")
    )
    rows = money.to_pandas().set_index("item")
    assert rows.loc["median debt", "value"] == float(money.median_debt.value or -1)
    assert rows.loc["median debt", "release"] == "College Scorecard field of study"
    assert len(rows) == 4

    sel = selectivity(catalog, UK, student_sat=1300).to_arrow()
    assert sel.column("item").to_pylist() == ["admission rate", "SAT average"]
    assert sel.schema.field("value").type == pa.float64()


def test_profile_programs_to_pandas(catalog: CollegeCatalog) -> None:
    profile = college_profile(catalog, UK)
    frame = profile.to_pandas()
    assert len(frame) == sum(len(p.awards) for p in profile.programs)
    assert frame["completions"].dtype == "int64"
    assert frame["completions"].sum() == catalog.total_completions(UK)
    nursing = frame[(frame["cip"] == "51.3801") & (frame["award"] == AwardLevel.BACHELOR.label)]
    outcome = catalog.outcome(UK, "51.3801", AwardLevel.BACHELOR)
    assert outcome is not None
    assert nursing["median_earnings"].iloc[0] == outcome.earnings_median


def test_keyword_and_career_results_to_pandas(catalog: CollegeCatalog) -> None:
    words = keyword_search(catalog, "nursing").to_pandas()
    assert set(words["kind"]) == {"institution", "program"}
    career = for_career(
        catalog,
        "29-1141.00",
        "Bachelor's degree",
        CollegeFilter(states=frozenset({"KY"})),
        limit=5,
    )
    frame = career.to_pandas()
    assert tuple(frame.columns) == COLLEGE_COLUMNS
    assert len(frame) == 5
    assert "29-1141.00" in career._repr_html_()


def test_every_html_escapes_names() -> None:
    name = "<script>alert('x')</script> & Co"
    hostile = Institution(900001, name, "<b>Town</b>", "KY", Level.TWO_YEAR, Control.PUBLIC)
    small = CollegeCatalog.from_records(
        [hostile],
        [ProgramRecord(900001, "51.3801", AwardLevel.ASSOCIATE, 12)],
        cip_titles={"51.3801": "<i>Nursing</i>"},
    )
    pages = [
        select(small, CollegeFilter(cips=frozenset({"51"})))._repr_html_(),
        college_profile(small, 900001)._repr_html_(),
        cost_of_attendance(small, 900001)._repr_html_(),
        selectivity(small, 900001)._repr_html_(),
        keyword_search(small, "script")._repr_html_(),
        keyword_search(small, "nursing")._repr_html_(),
    ]
    for html in pages:
        assert "<script>" not in html
        assert "<i>" not in html
        assert "<b>" not in html
    assert "&lt;script&gt;" in pages[0]
    assert "&lt;i&gt;Nursing&lt;/i&gt;" in pages[5]
    assert "not in this release" in pages[2]


def test_colleges_work_without_pandas_or_pyarrow() -> None:
    script = textwrap.dedent(
        """
        import sys
        sys.modules["pandas"] = None  # importing them now raises ImportError
        sys.modules["pyarrow"] = None
        from ilpcore.colleges import (
            AwardLevel, CollegeCatalog, CollegeFilter, Institution, ProgramRecord, select,
        )
        from ilpcore.exceptions import ExtraNotInstalledError
        small = CollegeCatalog.from_records(
            [Institution(1, "A College", "Town", "KY", None, None)],
            [ProgramRecord(1, "51.3801", AwardLevel.ASSOCIATE, 3)],
        )
        found = select(small, CollegeFilter(cips=frozenset({"51"})))
        assert found[0].completions == 3
        assert "A College" in found._repr_html_()
        assert found.to_records()[0]["name"] == "A College"
        for convert in (found.to_pandas, found.to_arrow):
            try:
                convert()
            except ExtraNotInstalledError as e:
                assert "notebook" in str(e)
            else:
                raise AssertionError("converted without the notebook extra")
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, ilpcore.colleges; print('pandas' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert imported.stdout.strip() == "False"


def test_frames_match_dataframe_constructor(catalog: CollegeCatalog) -> None:
    found = select(catalog, CollegeFilter(states=frozenset({"WY"})), SortKey.COMPLETIONS)
    expected = pd.DataFrame.from_records(found.frame_rows(), columns=COLLEGE_COLUMNS)
    pd.testing.assert_frame_equal(found.to_pandas(), expected)
