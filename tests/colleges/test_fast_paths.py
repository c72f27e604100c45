"""The column-at-a-time readers equal the row-by-row ones they fall back on."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.colleges.bulk import gc_paused
from ilpcore.colleges.costs import (
    APPLICATION_FEES_FILE,
    CHARGE_COLUMNS,
    CHARGES_FILE,
    _application_fees_by_rows,
    _charges_by_rows,
    read_application_fees,
    read_charges,
)
from ilpcore.colleges.csvfile import NCES_MISSING, CsvFile
from ilpcore.colleges.ipeds import (
    _HD_COLUMNS,
    DIRECTORY_FILE,
    _directory_by_columns,
    _directory_by_rows,
)
from ilpcore.exceptions import DataFileError


def test_directory_by_columns_equals_by_rows(data_dir: Path) -> None:
    f = CsvFile.read(data_dir / DIRECTORY_FILE)
    c = dict(zip(_HD_COLUMNS, f.columns(_HD_COLUMNS), strict=True))
    by_columns = _directory_by_columns(f, c)
    assert by_columns is not None  # the real file takes the fast path
    assert by_columns == _directory_by_rows(f, c)
    assert len(by_columns) == 6072


def test_charges_and_fees_by_columns_equal_by_rows(data_dir: Path) -> None:
    fees_file = CsvFile.read(data_dir / APPLICATION_FEES_FILE)
    cu, cf = fees_file.columns(("UNITID", "APPLFEEU"))
    fees = read_application_fees(data_dir / APPLICATION_FEES_FILE)
    assert fees == _application_fees_by_rows(fees_file, cu, cf)
    assert len(fees) > 1000
    f = CsvFile.read(data_dir / CHARGES_FILE)
    cols = {name: f.column(column) for name, column in CHARGE_COLUMNS.items()}
    charges = read_charges(data_dir / CHARGES_FILE, fees)
    assert charges == _charges_by_rows(f, f.column("UNITID"), cols, fees)
    assert sum(c.application_fee is not None for c in charges) > 1000


CELLS = ("0", "7", "100000", "123456", " 42", "007", "", ".", "-3", "-1", "x", "1.5", "PS")


def _file(cells: list[str]) -> CsvFile:
    return CsvFile("t.csv", "value,other\n" + "".join(f"{c},1\n" for c in cells))


@given(
    st.lists(st.sampled_from(CELLS), min_size=1, max_size=30),
    st.sampled_from((frozenset(), frozenset({""}), NCES_MISSING)),
    st.sampled_from((0, 100000)),
)
def test_int_column_reads_each_cell_or_names_the_first_bad_one(
    cells: list[str], missing: frozenset[str], minimum: int
) -> None:
    expected: list[int] = []
    bad_line = None
    for k, cell in enumerate(cells):
        if cell in missing:
            expected.append(-1)
            continue
        try:
            value = int(cell)
        except ValueError:
            bad_line = k + 2
            break
        if value < minimum:
            bad_line = k + 2
            break
        expected.append(value)
    f = _file(cells)
    if bad_line is None:
        assert f.int_column(0, missing=missing, minimum=minimum) == expected
    else:
        with pytest.raises(DataFileError) as e:
            f.int_column(0, missing=missing, minimum=minimum)
        assert (e.value.line, e.value.column) == (bad_line, "value")


@given(st.lists(st.sampled_from(CELLS), min_size=1, max_size=30))
def test_optional_ints_equal_int_at_or_defer_to_it(cells: list[str]) -> None:
    f = _file(cells)
    found = f.optional_ints(0)
    try:
        one_by_one = [f.int_at(k, 0) for k in range(len(cells))]
    except DataFileError:
        assert found is None
    else:
        assert found == one_by_one
    assert f.optional_texts(0) == [f.text_at(k, 0) for k in range(len(cells))]


def _fail_while_paused() -> None:
    with gc_paused():
        assert not gc.isenabled()
        raise RuntimeError


def test_gc_paused_restores_the_collector_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        _fail_while_paused()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()
