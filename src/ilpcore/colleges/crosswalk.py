"""The NCES CIP 2020 ↔ SOC 2018 crosswalk and the CIP 2020 titles."""

from __future__ import annotations

import os
import re
from typing import Final

import attrs

from ilpcore.colleges.csvfile import CsvFile
from ilpcore.colleges.ipeds import CIP6

__all__ = ["CIP_TITLES_FILE", "CROSSWALK_FILE", "Crosswalk", "read_cip_titles", "read_crosswalk"]

CROSSWALK_FILE: Final = "nces_cip_soc/CIP2020_SOC2018_Crosswalk_CIP-SOC.csv"
CIP_TITLES_FILE: Final = "nces_cip_soc/CIPCode2020.csv"
NO_MATCH_SOC: Final = "99-9999"
NO_MATCH_CIP: Final = "99.9999"
_SOC: Final = re.compile(r"\d{2}-\d{4}")


@attrs.frozen
class Crosswalk:
    """CIP 2020 programs ↔ SOC 2018 occupations ("NO MATCH" rows left out)."""

    cips_of_soc: dict[str, tuple[str, ...]] = attrs.field(repr=False)
    """SOC ``NN-NNNN`` → the 6-digit CIP codes that prepare for it, in NCES order."""
    socs_of_cip: dict[str, tuple[str, ...]] = attrs.field(repr=False)

    @classmethod
    def from_pairs(cls, pairs: tuple[tuple[str, str], ...]) -> Crosswalk:
        """A crosswalk from ``(cip, soc)`` pairs."""
        by_soc: dict[str, list[str]] = {}
        by_cip: dict[str, list[str]] = {}
        for cip, soc in pairs:
            if cip not in by_soc.setdefault(soc, []):
                by_soc[soc].append(cip)
            if soc not in by_cip.setdefault(cip, []):
                by_cip[cip].append(soc)
        return cls(
            {k: tuple(v) for k, v in by_soc.items()}, {k: tuple(v) for k, v in by_cip.items()}
        )

    def cips_for(self, soc: str) -> tuple[str, ...]:
        """The CIP codes for a SOC 2018 code or an O*NET-SOC code (``29-1141.00``)."""
        return self.cips_of_soc.get(soc[:7], ())


def read_crosswalk(path: str | os.PathLike[str]) -> Crosswalk:
    f = CsvFile.read(path)
    cc, cs = f.columns(("CIP2020Code", "SOC2018Code"))
    pairs: list[tuple[str, str]] = []
    for i, row in f.enumerate():
        cip, soc = row[cc].strip(), row[cs].strip()
        if cip == NO_MATCH_CIP or soc == NO_MATCH_SOC:
            continue
        if not CIP6.fullmatch(cip):
            raise f.error(i, cc, f"{cip!r} is not a 6-digit CIP code NN.NNNN")
        if not _SOC.fullmatch(soc):
            raise f.error(i, cs, f"{soc!r} is not a SOC code NN-NNNN")
        pairs.append((cip, soc))
    return Crosswalk.from_pairs(tuple(pairs))


def read_cip_titles(path: str | os.PathLike[str]) -> dict[str, str]:
    """CIP code (2-, 4- and 6-digit) → title without the trailing period."""
    f = CsvFile.read(path)
    cc, ct = f.columns(("CIPCode", "CIPTitle"))
    titles: dict[str, str] = {}
    for i, row in f.enumerate():
        code = row[cc].strip()
        title = row[ct].strip().rstrip(".").strip()
        if not code or not title:
            raise f.error(i, cc if not code else ct, "blank CIP code or title")
        titles[code] = title
    return titles
