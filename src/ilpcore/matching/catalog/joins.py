"""Results of joining an occupation to the BLS tables: what was found and how."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping

import attrs

from ilpcore.matching.catalog.projections import Projection
from ilpcore.matching.catalog.soc import SocMatch, broad_code
from ilpcore.matching.catalog.wages import WageStatistics

__all__ = ["OccupationOutlook", "OccupationWages", "SocResolver"]


@attrs.frozen
class OccupationWages:
    """OEWS wages for an O*NET occupation, with the BLS code used and how it matched."""

    occupation_code: str
    soc_code: str
    """The BLS code whose wages these are (may be an aggregate or the broad group)."""
    match: SocMatch
    statistics: WageStatistics
    release: str
    """The OEWS release, e.g. ``"May 2025"``."""


@attrs.frozen
class OccupationOutlook:
    """BLS employment projection for an O*NET occupation, with the code used and the match."""

    occupation_code: str
    soc_code: str
    match: SocMatch
    projection: Projection
    period: str
    """The projection period, e.g. ``"2024-34"``."""


class SocResolver:
    """Resolves SOC codes against one BLS table's published codes (see :mod:`.soc`)."""

    def __init__(self, published: Mapping[str, object], onet_socs: Collection[str]) -> None:
        self._published = published
        self._onet_socs = onet_socs
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for code in sorted(published):
            self._by_prefix[code[:6]].append(code)

    def resolve(self, soc: str) -> tuple[str, SocMatch] | None:
        if soc in self._published:
            return soc, SocMatch.DETAILED
        broad = broad_code(soc)
        for code in self._by_prefix.get(soc[:6], ()):
            if code != broad and code not in self._onet_socs:
                return code, SocMatch.AGGREGATE
        if broad in self._published:
            return broad, SocMatch.BROAD
        return None
