"""The loaders read the real releases exactly, and name file, line and column on bad rows."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from ilpcore.colleges import CollegeCatalog, CommunityType, Control, Level, Size, load_colleges
from ilpcore.colleges.costs import read_charges
from ilpcore.colleges.crosswalk import read_crosswalk
from ilpcore.colleges.ipeds import read_completions, read_directory
from ilpcore.colleges.scorecard import read_admissions, read_outcomes
from ilpcore.exceptions import DataFileError


def test_row_counts_match_provenance(catalog: CollegeCatalog) -> None:
    assert len(catalog) == 6072
    assert catalog.program_count == 267_595
    assert catalog.outcome_count == 220_960
    assert len(catalog.cip_codes()) == 1607


def test_directory_fields(catalog: CollegeCatalog) -> None:
    uk = catalog.institution(157085)
    assert (uk.name, uk.city, uk.state) == ("University of Kentucky", "Lexington", "KY")
    assert uk.level is Level.FOUR_YEAR
    assert uk.control is Control.PUBLIC
    assert uk.community is CommunityType.CITY_LARGE
    assert uk.community.kind == "city"
    assert uk.size is Size.FROM_20000
    assert uk.has_coordinates
    aamu = catalog.institution(100654)
    assert aamu.hbcu
    assert not aamu.tribal
    assert sum(i.hbcu for i in catalog) == 102
    assert sum(i.tribal for i in catalog) == 35
    assert sum(i.level is None for i in catalog) == 22  # ICLEVEL -3, not available


def test_charges_spot_checks_from_provenance(catalog: CollegeCatalog) -> None:
    harvard = catalog.charges(166027)
    assert harvard is not None
    assert harvard.tuition_in_state == 57261
    assert harvard.room_board_on_campus == 19502
    assert harvard.application_fee == 85
    berkeley = catalog.charges(110635)
    assert berkeley is not None
    assert (berkeley.tuition_in_state, berkeley.tuition_out_of_state) == (14395, 44467)


def test_admissions_spot_checks(catalog: CollegeCatalog) -> None:
    harvard = catalog.admissions(166027)
    assert harvard is not None
    assert harvard.admission_rate == Decimal("0.0501")
    berkeley = catalog.admissions(110635)
    assert berkeley is not None
    assert berkeley.admission_rate == Decimal("0.1748")


def test_suppressed_earnings_are_none_never_zero(data_dir: Path) -> None:
    with (data_dir / "college_scorecard/fos_programs.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    blank = sum(1 for r in rows if r["earnings_median"] == "")
    blank_debt = sum(1 for r in rows if r["debt_median"] == "")
    table = read_outcomes(data_dir / "college_scorecard/fos_programs.csv")
    all_outcomes = list(table.records())
    assert sum(o.earnings_median is None for o in all_outcomes) == blank
    assert sum(o.debt_median is None for o in all_outcomes) == blank_debt
    zeros_in_file = sum(1 for r in rows if r["earnings_median"] == "0")
    assert sum(o.earnings_median == 0 for o in all_outcomes) == zeros_in_file


def test_cache_returns_an_equal_catalog(data_dir: Path, tmp_path: Path) -> None:
    first = load_colleges(data_dir, cache=tmp_path)
    assert list(tmp_path.glob("colleges-*.pickle"))
    second = load_colleges(data_dir, cache=tmp_path)
    assert second is not first
    assert second.institutions == first.institutions
    assert second.programs(157085) == first.programs(157085)


def test_damaged_cache_file_is_rebuilt(data_dir: Path, tmp_path: Path) -> None:
    load_colleges(data_dir, cache=tmp_path)
    (cache_file,) = tmp_path.glob("colleges-*.pickle")
    cache_file.write_bytes(b"not a pickle")
    again = load_colleges(data_dir, cache=tmp_path)
    assert len(again) == 6072


# --- bad files ---------------------------------------------------------------------------------

HD_HEADER = (
    "UNITID,INSTNM,IALIAS,ADDR,CITY,STABBR,ZIP,FIPS,OBEREG,OPEID,OPEFLAG,WEBADDR,ADMINURL,"
    "FAIDURL,APPLURL,NPRICURL,SECTOR,ICLEVEL,CONTROL,HLOFFER,UGOFFER,GROFFER,HDEGOFR1,DEGGRANT,"
    "HBCU,TRIBAL,LOCALE,CYACTIVE,INSTCAT,INSTSIZE,LANDGRNT,F1SYSNAM,COUNTYNM,LONGITUD,LATITUDE"
)
HD_ROW = (
    "157085,University of Kentucky,,Main,Lexington,KY,40506-0032,21,5,00198900,1,www.uky.edu/,"
    ",,,,1,1,1,9,1,1,11,1,2,2,11,1,2,5,1,-2,Fayette County,-84.5,38.03"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_directory_row_reads(tmp_path: Path) -> None:
    (inst,) = read_directory(_write(tmp_path, "hd.csv", f"{HD_HEADER}\n{HD_ROW}\n"))
    assert inst.unitid == 157085
    assert inst.latitude == 38.03


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        (("1,1,1,9", "1,7,1,9"), "ICLEVEL", "unknown code 7"),
        (("KY,40506", "Kentucky,40506"), "STABBR", "two-letter"),
        (("-84.5,38.03", "-84.5,98.03"), "LATITUDE", "not a coordinate"),
        (("157085,", "15708x,"), "UNITID", "not a whole number"),
        (("1,2,2,11", "1,3,2,11"), "HBCU", "expected 1"),
    ],
)
def test_bad_directory_rows_name_line_and_column(
    tmp_path: Path, change: tuple[str, str], column: str, words: str
) -> None:
    row = HD_ROW.replace(*change, 1)
    path = _write(tmp_path, "hd.csv", f"{HD_HEADER}\n{HD_ROW.replace('157085', '157086')}\n{row}\n")
    with pytest.raises(DataFileError) as e:
        read_directory(path)
    assert (e.value.line, e.value.column) == (3, column)
    assert words in e.value.message
    assert str(path) in str(e.value)


def test_missing_column_and_short_row(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as e:
        read_completions(_write(tmp_path, "c.csv", "UNITID,CIPCODE,AWLEVEL\n1,2,3\n"))
    assert (e.value.line, e.value.column) == (1, "CTOTALT")
    with pytest.raises(DataFileError) as e:
        read_completions(
            _write(tmp_path, "c.csv", "UNITID,CIPCODE,AWLEVEL,CTOTALT\n100654,01.0999,5\n")
        )
    assert e.value.line == 2
    assert "3 fields" in e.value.message


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("100654,01.09,5,12", "CIPCODE"),
        ("100654,01.0999,9,12", "AWLEVEL"),
        ("100654,01.0999,5,-1", "CTOTALT"),
        ("100654,01.0999,5,.", "CTOTALT"),
    ],
)
def test_bad_completions_rows(tmp_path: Path, row: str, column: str) -> None:
    text = f"UNITID,CIPCODE,AWLEVEL,CTOTALT\n100654,01.0101,5,3\n{row}\n"
    with pytest.raises(DataFileError) as e:
        read_completions(_write(tmp_path, "c.csv", text))
    assert (e.value.line, e.value.column) == (3, column)


def test_nces_dot_is_not_reported_and_trailing_header_space_is_stripped(tmp_path: Path) -> None:
    columns = ["UNITID", *[f"CHG{k}AY3" for k in range(1, 10)]]
    header = ",".join(columns[:-1]) + "," + columns[-1] + " "
    path = _write(tmp_path, "ay.csv", f"{header}\n100654,10024,10024,.,1600,.,.,.,.,0\n")
    (charges,) = read_charges(path)
    assert charges.tuition_in_state == 10024
    assert charges.tuition_out_of_state is None
    assert charges.other_with_family == 0


def test_scorecard_suppressed_values_are_none(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "sc.csv",
        "UNITID,ADM_RATE,SAT_AVG\r\n100654,PrivacySuppressed,1000\r\n100663,0.5,NULL\r\n"
        "100690,NULL,NULL\r\n",
    )
    first, second = read_admissions(path)
    assert first.admission_rate is None
    assert first.sat_average == 1000
    assert second.admission_rate == Decimal("0.5")
    assert second.sat_average is None


def test_admission_rate_out_of_range(tmp_path: Path) -> None:
    path = _write(tmp_path, "sc.csv", "UNITID,ADM_RATE,SAT_AVG\n100654,1.5,1000\n")
    with pytest.raises(DataFileError) as e:
        read_admissions(path)
    assert (e.value.line, e.value.column) == (2, "ADM_RATE")


def test_outcome_earnings_without_horizon(tmp_path: Path) -> None:
    header = (
        "unitid,cip4,credential_level,completers_count,earnings_median,earnings_horizon,debt_median"
    )
    path = _write(tmp_path, "fos.csv", f"{header}\n100654,51.38,3,20,50000,,\n")
    with pytest.raises(DataFileError) as e:
        read_outcomes(path)
    assert (e.value.line, e.value.column) == (2, "earnings_horizon")


def test_crosswalk_bad_soc_and_not_utf8(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "x.csv",
        "CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\n51.3801,RN,29-1141,RN\n"
        "51.3801,RN,291141,RN\n",
    )
    with pytest.raises(DataFileError) as e:
        read_crosswalk(path)
    assert (e.value.line, e.value.column) == (3, "SOC2018Code")
    raw = tmp_path / "latin1.csv"
    raw.write_bytes(
        b"CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\n51.3801,Caf\xe9,29-1141,RN\n"
    )
    with pytest.raises(DataFileError) as e:
        read_crosswalk(raw)
    assert e.value.line == 2


def test_missing_data_folder_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        load_colleges(tmp_path / "nowhere", cache=False)
    with pytest.raises(DataFileError) as e:
        load_colleges(tmp_path, cache=False)
    assert "cannot read" in str(e.value)


@pytest.mark.parametrize(("cell", "words"), [("-5", "less than 0"), ("12k", "not a whole number")])
def test_outcome_bad_debt(tmp_path: Path, cell: str, words: str) -> None:
    header = (
        "unitid,cip4,credential_level,completers_count,earnings_median,earnings_horizon,debt_median"
    )
    path = _write(
        tmp_path,
        "fos.csv",
        f"{header}\n100654,51.38,3,20,,,\n100654,51.39,3,20,50000,4yr_after_completion,{cell}\n",
    )
    with pytest.raises(DataFileError) as e:
        read_outcomes(path)
    assert (e.value.line, e.value.column) == (3, "debt_median")
    assert words in e.value.message
