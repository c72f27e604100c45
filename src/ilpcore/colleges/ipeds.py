"""Loaders for the IPEDS directory (HD2024) and completions (C2024_A) files.

Every row is validated; a bad one raises :class:`~ilpcore.exceptions.DataFileError`
naming the file, line and column.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from typing import Final, TypeVar

from ilpcore.colleges.codes import AwardLevel, CommunityType, Control, Level, Size
from ilpcore.colleges.csvfile import CsvFile
from ilpcore.colleges.records import Institution
from ilpcore.colleges.tables import ProgramTable

__all__ = [
    "COMPLETIONS_FILE",
    "DIRECTORY_FILE",
    "check_codes",
    "check_members",
    "read_completions",
    "read_directory",
]

DIRECTORY_FILE: Final = "nces_ipeds/hd2024_institution_directory.csv"
COMPLETIONS_FILE: Final = "nces_ipeds/c2024_a_completions_first_major_cip6.csv"

NOT_AVAILABLE: Final = frozenset({-1, -2, -3})
"""IPEDS codes for "not reported", "not applicable" and "not available"."""
CIP6: Final = re.compile(r"\d{2}\.\d{4}")
_STATE: Final = re.compile(r"[A-Z]{2}")

_HD_COLUMNS: Final = (
    "UNITID", "INSTNM", "IALIAS", "CITY", "STABBR", "ZIP", "WEBADDR", "ADMINURL", "FAIDURL",
    "NPRICURL", "ICLEVEL", "CONTROL", "LOCALE", "INSTSIZE", "HBCU", "TRIBAL", "LATITUDE",
    "LONGITUD",
)  # fmt: skip

E = TypeVar("E")


def read_directory(path: str | os.PathLike[str]) -> tuple[Institution, ...]:
    """The institutions of an IPEDS HD directory file, in file order."""
    f = CsvFile.read(path)
    c = dict(zip(_HD_COLUMNS, f.columns(_HD_COLUMNS), strict=True))
    out: list[Institution] = []
    seen: dict[int, int] = {}
    for i, row in f.enumerate():
        unitid = _unitid(f, i, c["UNITID"])
        if unitid in seen:
            raise f.error(i, c["UNITID"], f"UNITID {unitid} repeats line {seen[unitid] + 2}")
        seen[unitid] = i
        name = f.text_at(i, c["INSTNM"])
        if name is None:
            raise f.error(i, c["INSTNM"], "the institution name is blank")
        state = row[c["STABBR"]].strip()
        if not _STATE.fullmatch(state):
            raise f.error(i, c["STABBR"], f"{state!r} is not a two-letter state code")
        lat = _coordinate(f, i, c["LATITUDE"], 90)
        lon = _coordinate(f, i, c["LONGITUD"], 180)
        out.append(
            Institution(
                unitid=unitid,
                name=name,
                city=row[c["CITY"]].strip(),
                state=state,
                level=_coded(f, i, c["ICLEVEL"], Level.from_code),
                control=_coded(f, i, c["CONTROL"], Control.from_code),
                community=_coded(f, i, c["LOCALE"], CommunityType.from_code),
                size=_coded(f, i, c["INSTSIZE"], Size.from_code),
                zip=f.text_at(i, c["ZIP"]),
                web_address=f.text_at(i, c["WEBADDR"]),
                alias=f.text_at(i, c["IALIAS"]),
                hbcu=_yes_no(f, i, c["HBCU"]),
                tribal=_yes_no(f, i, c["TRIBAL"]),
                latitude=lat,
                longitude=lon,
                admissions_url=f.text_at(i, c["ADMINURL"]),
                financial_aid_url=f.text_at(i, c["FAIDURL"]),
                net_price_calculator_url=f.text_at(i, c["NPRICURL"]),
            )
        )
    return tuple(out)


def _unitid(f: CsvFile, i: int, col: int) -> int:
    value = f.required_int(i, col)
    if not 100000 <= value <= 999999:
        raise f.error(i, col, f"UNITID {value} is not a 6-digit number")
    return value


def _coded(f: CsvFile, i: int, col: int, decode: Callable[[int], E | None]) -> E | None:
    code = f.required_int(i, col)
    if code in NOT_AVAILABLE:
        return None
    member = decode(code)
    if member is None:
        raise f.error(i, col, f"unknown code {code}")
    return member


def _yes_no(f: CsvFile, i: int, col: int) -> bool:
    code = f.required_int(i, col)
    if code not in (1, 2):
        raise f.error(i, col, f"expected 1 (yes) or 2 (no), got {code}")
    return code == 1


def _coordinate(f: CsvFile, i: int, col: int, limit: int) -> float | None:
    raw = f.rows[i][col].strip()
    if raw in ("", "."):
        return None
    try:
        value = float(raw)
    except ValueError:
        raise f.error(i, col, f"{raw!r} is not a number") from None
    if not math.isfinite(value) or abs(value) > limit:
        raise f.error(i, col, f"{raw} is not a coordinate (-{limit} to {limit})")
    return value


def read_completions(path: str | os.PathLike[str]) -> ProgramTable:
    """The IPEDS completions by 6-digit CIP and award level (first majors, all students)."""
    f = CsvFile.read(path)
    cu, cc, ca, ct = f.columns(("UNITID", "CIPCODE", "AWLEVEL", "CTOTALT"))
    unitids = f.int_column(cu, minimum=100000)
    check_codes(f, cc, CIP6, "a 6-digit CIP code NN.NNNN")
    awards = f.int_column(ca)
    check_members(f, ca, awards, _AWARDS, "award level")
    return ProgramTable(unitids, f.cells(cc), awards, f.int_column(ct, minimum=0))


_AWARDS: Final = frozenset(a.value for a in AwardLevel)


def check_codes(f: CsvFile, col: int, pattern: re.Pattern[str], what: str) -> None:
    """Every cell of ``col`` matches ``pattern`` exactly (no surrounding spaces)."""
    cells = f.cells(col)
    bad = {c for c in set(cells) if not pattern.fullmatch(c)}
    if bad:
        i = next(i for i, c in enumerate(cells) if c in bad)
        raise f.error(i, col, f"{cells[i]!r} is not {what}")


def check_members(
    f: CsvFile, col: int, values: list[int], allowed: frozenset[int], what: str
) -> None:
    """Every value is one of ``allowed``."""
    if set(values) - allowed:
        i = next(i for i, v in enumerate(values) if v not in allowed)
        raise f.error(i, col, f"unknown {what} {values[i]}")
