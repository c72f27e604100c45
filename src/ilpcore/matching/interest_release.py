"""Loading the 60-item Short Form of the Interest Profiler from the release file."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from ilpcore.data_location import find_data_dir
from ilpcore.exceptions import DataFileError
from ilpcore.matching.congruence import AREA_NAMES, RIASEC
from ilpcore.matching.interest_form import InterestForm, InterestItem
from ilpcore.matching.interest_scores import (
    IP_SHORT_FORM_EDITION,
    IP_SHORT_FORM_ID,
    IP_SHORT_FORM_NAME,
)

__all__ = ["IP_ATTRIBUTION", "load_interest_profiler"]

IP_ATTRIBUTION: Final = (
    "Interest items from the O*NET\u00ae Interest Profiler, U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). O*NET\u00ae is a trademark of USDOL/ETA."
)

_RELEASE_PATH: Final = Path("onet_interest_profiler") / "ip_short_form_60_items.csv"
_CSV_COLUMNS: Final = ("index", "area", "area_code", "text")
_ITEMS_PER_AREA: Final = 10


def load_interest_profiler(path: str | os.PathLike[str] | None = None) -> InterestForm:
    """The 60-item Short Form from the release file (CSV, or the JSON edition).

    ``path`` is the file; by default ``onet_interest_profiler/ip_short_form_60_items.csv``
    in :func:`~ilpcore.data_location.find_data_dir`.  A malformed file raises
    :class:`~ilpcore.exceptions.DataFileError` naming the line and column.
    """
    file = Path(path) if path is not None else find_data_dir() / _RELEASE_PATH
    try:
        content = file.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(str(file), f"cannot read the Interest Profiler items: {e}") from e
    if file.suffix.lower() == ".json":
        rows = _json_rows(str(file), content)
    else:
        rows = _csv_rows(str(file), content)
    items = tuple(_item(str(file), where, row) for where, row in rows)
    _check_release(str(file), items)
    return InterestForm(IP_SHORT_FORM_ID, IP_SHORT_FORM_EDITION, IP_SHORT_FORM_NAME, items)


def _csv_rows(file: str, content: str) -> list[tuple[int | str, dict[str, str]]]:
    reader = csv.DictReader(content.splitlines())
    header = reader.fieldnames or []
    missing = [c for c in _CSV_COLUMNS if c not in header]
    if missing:
        raise DataFileError(file, f"header lacks column(s) {', '.join(missing)}", line=1)
    rows: list[tuple[int | str, dict[str, str]]] = []
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            raise DataFileError(file, "wrong number of fields", line=reader.line_num)
        rows.append((reader.line_num, row))
    return rows


def _json_rows(file: str, content: str) -> list[tuple[int | str, dict[str, str]]]:
    try:
        doc = json.loads(content)
    except json.JSONDecodeError as e:
        raise DataFileError(file, f"not JSON: {e.msg}", line=e.lineno) from e
    questions = doc.get("questions") if isinstance(doc, dict) else None
    if not isinstance(questions, list):
        raise DataFileError(file, "expected an object with a 'questions' list")
    rows: list[tuple[int | str, dict[str, str]]] = []
    for i, q in enumerate(questions):
        if not isinstance(q, dict):
            raise DataFileError(file, f"questions[{i}] is not an object")
        area = str(q.get("area", ""))
        code = RIASEC[AREA_NAMES.index(area)] if area in AREA_NAMES else ""
        rows.append(
            (f"questions[{i}]", {"index": str(q.get("index", "")), "area": area, "area_code": code,
                 "text": str(q.get("text", ""))})
        )  # fmt: skip
    return rows


def _item(file: str, where: int | str, row: Mapping[str, str]) -> InterestItem:
    """One item; ``where`` is the CSV line, or the JSON path of the question."""

    def bad(message: str, column: str) -> DataFileError:
        if isinstance(where, int):
            return DataFileError(file, message, line=where, column=column)
        return DataFileError(file, message, column=f"{where}.{column}")

    raw_index = row["index"].strip()
    if not raw_index.isdigit():
        raise bad(f"{raw_index!r} is not an item number", "index")
    code = row["area_code"].strip()
    if code not in RIASEC:
        column = "area_code" if isinstance(where, int) else "area"
        raise bad(f"{row['area']!r}/{code!r} is not a RIASEC area", column)
    if row["area"].strip() != AREA_NAMES[RIASEC.index(code)]:
        raise bad(f"area {row['area']!r} disagrees with code {code!r}", "area")
    if not row["text"].strip():
        raise bad("blank item text", "text")
    return InterestItem(number=int(raw_index), area=code, text=row["text"].strip())


def _check_release(file: str, items: tuple[InterestItem, ...]) -> None:
    if len(items) != _ITEMS_PER_AREA * len(RIASEC):
        raise DataFileError(file, f"expected 60 items, found {len(items)}")
    for pos, item in enumerate(items):
        if item.number != pos + 1:
            raise DataFileError(
                file, f"item {item.number} is at position {pos + 1}; items must be numbered 1-60"
            )
    for area in RIASEC:
        count = sum(1 for i in items if i.area == area)
        if count != _ITEMS_PER_AREA:
            raise DataFileError(file, f"area {area} has {count} items, expected 10")
