"""Joining O*NET-SOC occupations to BLS tables that use SOC 2018 codes.

An O*NET-SOC code ``NN-NNNN.NN`` belongs to the SOC 2018 detailed occupation
``NN-NNNN`` (its first 7 characters).  BLS does not publish every detailed
occupation: for some it publishes a BLS aggregate of several detailed
occupations in the same broad group (``21-1018`` for ``21-1011`` and
``21-1014``) or only the broad group ``NN-NNN0``.
:class:`~ilpcore.matching.catalog.joins.SocResolver` finds the most specific
published code and says which kind of match it is.
"""

from __future__ import annotations

import enum

__all__ = ["SocMatch", "broad_code", "soc_of"]


class SocMatch(enum.Enum):
    """How an occupation was joined to a BLS table."""

    DETAILED = "detailed"
    """BLS publishes the occupation's own 6-digit SOC code."""
    AGGREGATE = "aggregate"
    """BLS publishes a BLS aggregate of detailed occupations of the same broad group."""
    BROAD = "broad"
    """BLS publishes only the broad group ``NN-NNN0``."""


def soc_of(onet_code: str) -> str:
    """The SOC 2018 detailed code of an O*NET-SOC code (``"15-1252.00"`` → ``"15-1252"``)."""
    return onet_code[:7]


def broad_code(soc: str) -> str:
    """The SOC broad group of a detailed code (``"21-1011"`` → ``"21-1010"``)."""
    return soc[:6] + "0"
