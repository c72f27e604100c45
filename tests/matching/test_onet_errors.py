"""Broken copies of release files give a DataFileError naming file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilpcore.exceptions import DataFileError
from ilpcore.matching import TaskType, read_onet
from tests.matching.tiny_release import ROWS, A, B, C, text_of, write_release


def test_tiny_release_loads(tmp_path: Path) -> None:
    catalog = read_onet(write_release(tmp_path))
    assert catalog.release == "O*NET 30.1"
    assert catalog.codes == (A, B, C)
    a, b, c = catalog[A], catalog[B], catalog[C]
    assert a.high_points == ("E", "C")
    assert b.high_points == ("I", "C", "R")
    assert c.interests is None
    assert c.description == ""
    assert a.alternate_titles == ("CEO", "President")
    assert [t.type for t in a.tasks] == [TaskType.CORE, TaskType.SUPPLEMENTAL]
    assert b.tasks[0].type is None
    assert a.education is not None
    assert a.education.required_level[7] == 45.0
    assert a.education.typical_level == 8
    assert a.education.related_experience[10] == 70.0
    assert [r.code for r in a.related] == [B, C]
    assert b.knowledge_of("2.C.7.d") is not None
    assert b.knowledge_of("2.C.7.d").level is None  # type: ignore[union-attr]
    assert a.work_value_high_points == ("Recognition", "Independence", "Achievement")


def _error(tmp_path: Path, **files: str) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        read_onet(write_release(tmp_path, **files))
    return info.value


def _replace(name: str, row: int, old: str, new: str) -> str:
    rows = list(ROWS[name])
    assert old in rows[row]
    rows[row] = rows[row].replace(old, new, 1)
    return text_of(name, rows)


def test_non_numeric_value(tmp_path: Path) -> None:
    err = _error(tmp_path, Interests_txt=_replace("Interests.txt", 2, "2.08", "high"))
    assert err.file.endswith("Interests.txt")
    assert (err.line, err.column) == (4, "Data Value")
    assert "'high' is not a number" in str(err)


def test_out_of_range_scale(tmp_path: Path) -> None:
    err = _error(tmp_path, Interests_txt=_replace("Interests.txt", 4, "6.88", "7.50"))
    assert (err.line, err.column) == (6, "Data Value")
    assert "outside" in err.message


def test_job_zone_out_of_range(tmp_path: Path) -> None:
    err = _error(tmp_path, Job_Zones_txt=_replace("Job Zones.txt", 1, "\t4\t", "\t6\t"))
    assert (err.file.endswith("Job Zones.txt"), err.line, err.column) == (True, 3, "Job Zone")


def test_missing_column(tmp_path: Path) -> None:
    header = "O*NET-SOC Code\tZone\tDate\tDomain Source"
    err = _error(tmp_path, Job_Zones_txt=text_of("Job Zones.txt", header=header))
    assert (err.line, err.column) == (1, "Job Zone")
    assert "missing column 'Job Zone'" in str(err)


def test_unknown_code(tmp_path: Path) -> None:
    text = _replace("Task Statements.txt", 1, A, "99-9999.00")
    err = _error(tmp_path, Task_Statements_txt=text)
    assert (err.line, err.column) == (3, "O*NET-SOC Code")
    assert "unknown O*NET-SOC code 99-9999.00" in err.message


def test_malformed_code(tmp_path: Path) -> None:
    text = _replace("Occupation Data.txt", 0, A, "11-1011")
    err = _error(tmp_path, Occupation_Data_txt=text)
    assert (err.line, err.column) == (2, "O*NET-SOC Code")


def test_unknown_related_code(tmp_path: Path) -> None:
    text = _replace("Related Occupations.txt", 2, f"{B}\t{A}", f"{B}\t12-3456.00")
    err = _error(tmp_path, Related_Occupations_txt=text)
    assert (err.line, err.column) == (4, "Related O*NET-SOC Code")


def test_wrong_field_count(tmp_path: Path) -> None:
    text = _replace("Skills.txt", 3, "\tN\tN\t", "\tN\t")
    err = _error(tmp_path, Skills_txt=text)
    assert err.line == 5
    assert "12 fields where the header has 13" in err.message


def test_unknown_task_type(tmp_path: Path) -> None:
    err = _error(tmp_path, Task_Statements_txt=_replace("Task Statements.txt", 0, "Core", "Main"))
    assert (err.line, err.column) == (2, "Task Type")


def test_incomplete_interest_profile(tmp_path: Path) -> None:
    rows = [r for r in ROWS["Interests.txt"] if "1.B.1.c" not in r or B not in r]
    err = _error(tmp_path, Interests_txt=text_of("Interests.txt", rows))
    assert "lacks some of the six OI ratings" in err.message
    assert err.line == 11  # first row of that occupation


def test_duplicate_rating(tmp_path: Path) -> None:
    rows = [*ROWS["Work Values.txt"], ROWS["Work Values.txt"][0]]
    err = _error(tmp_path, Work_Values_txt=text_of("Work Values.txt", rows))
    assert (err.line, err.column) == (11, "Element ID")


def test_repeated_high_point(tmp_path: Path) -> None:
    err = _error(tmp_path, Interests_txt=_replace("Interests.txt", 7, "\t6.00\t", "\t5.00\t"))
    assert "repeats" in err.message


def test_release_line_missing(tmp_path: Path) -> None:
    err = _error(tmp_path, Read_Me_txt="Some database\r\n")
    assert err.file.endswith("Read Me.txt")
    assert err.line == 1


def test_missing_file(tmp_path: Path) -> None:
    folder = write_release(tmp_path)
    (folder / "Knowledge.txt").unlink()
    with pytest.raises(DataFileError, match="file missing from the release") as info:
        read_onet(folder)
    assert info.value.file.endswith("Knowledge.txt")


def test_not_utf8(tmp_path: Path) -> None:
    folder = write_release(tmp_path)
    data = (folder / "Alternate Titles.txt").read_bytes().replace(b"President", b"Pr\xe9sident")
    (folder / "Alternate Titles.txt").write_bytes(data)
    with pytest.raises(DataFileError, match="not UTF-8") as info:
        read_onet(folder)
    assert info.value.line == 3


def test_not_a_release(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_text("not a zip")
    with pytest.raises(DataFileError, match="neither a directory nor a zip"):
        read_onet(tmp_path / "x.zip")
    with pytest.raises(DataFileError, match="no such directory"):
        read_onet(tmp_path / "absent")


def test_error_pickles(tmp_path: Path) -> None:
    import pickle

    err = _error(tmp_path, Job_Zones_txt=_replace("Job Zones.txt", 1, "\t4\t", "\tfour\t"))
    again = pickle.loads(pickle.dumps(err))
    assert (again.file, again.line, again.column, str(again)) == (
        err.file,
        err.line,
        err.column,
        str(err),
    )
