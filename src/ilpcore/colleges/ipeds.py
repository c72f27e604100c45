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
    by_columns = _directory_by_columns(f, c)
    return _directory_by_rows(f, c) if by_columns is None else by_columns


def _directory_by_columns(f: CsvFile, c: dict[str, int]) -> tuple[Institution, ...] | None:
    """The institutions read a column at a time (whole-column checks, no call per cell), or
    ``None`` when a check fails: :func:`_directory_by_rows` then names the bad cell."""
    unitids, level, control, community, size, hbcu, tribal = map(
        f.whole_numbers,
        map(
            c.__getitem__, ("UNITID", "ICLEVEL", "CONTROL", "LOCALE", "INSTSIZE", "HBCU", "TRIBAL")
        ),
    )
    if unitids is None or len(set(unitids)) < len(unitids):
        return None
    names, states = f.optional_texts(c["INSTNM"]), f.text_column(c["STABBR"])
    levels = _decoded(level, Level.from_code)
    controls = _decoded(control, Control.from_code)
    communities = _decoded(community, CommunityType.from_code)
    sizes = _decoded(size, Size.from_code)
    hbcus, tribals = _yes(hbcu), _yes(tribal)
    latitudes = _coordinates(f.text_column(c["LATITUDE"]), 90)
    longitudes = _coordinates(f.text_column(c["LONGITUD"]), 180)
    if (
        (unitids and not 100000 <= min(unitids) <= max(unitids) <= 999999)
        or None in names
        or not all(map(_STATE.fullmatch, set(states)))
        or levels is None
        or controls is None
        or communities is None
        or sizes is None
        or hbcus is None
        or tribals is None
        or latitudes is None
        or longitudes is None
    ):
        return None
    text = f.optional_texts
    return tuple(
        map(
            Institution,
            unitids,
            names,
            f.text_column(c["CITY"]),
            states,
            levels,
            controls,
            communities,
            sizes,
            text(c["ZIP"]),
            text(c["WEBADDR"]),
            text(c["IALIAS"]),
            hbcus,
            tribals,
            latitudes,
            longitudes,
            text(c["ADMINURL"]),
            text(c["FAIDURL"]),
            text(c["NPRICURL"]),
        )
    )


def _decoded(codes: list[int] | None, decode: Callable[[int], E | None]) -> list[E | None] | None:
    """Each code decoded (``None`` for the IPEDS "not available" codes), or ``None`` if a
    code is not a number or unknown."""
    if codes is None:
        return None
    members = {code: decode(code) for code in set(codes) if code not in NOT_AVAILABLE}
    if None in members.values():
        return None
    return list(map(members.get, codes))


def _yes(codes: list[int] | None) -> list[bool] | None:
    """IPEDS 1 (yes) / 2 (no) as booleans, or ``None`` if another code appears."""
    if codes is None or not set(codes) <= {1, 2}:
        return None
    return [code == 1 for code in codes]


def _coordinates(cells: list[str], limit: int) -> list[float | None] | None:
    """Each stripped cell as :func:`_coordinate` reads it, or ``None`` if one is bad."""
    try:
        values = [None if raw in ("", ".") else float(raw) for raw in cells]
    except ValueError:
        return None
    present = [v for v in values if v is not None]
    if not all(map(math.isfinite, present)) or any(abs(v) > limit for v in present):
        return None
    return values


def _directory_by_rows(f: CsvFile, c: dict[str, int]) -> tuple[Institution, ...]:
    """The institutions read row by row, each cell checked in turn (names the first bad one)."""
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
