"""Attribution and citation texts that every output showing this data must carry.

The O*NET database is licensed under CC BY 4.0 and requires a verbatim
attribution (see ``shared/data/PROVENANCE.md`` §1).  ``Skills.txt`` and
``Knowledge.txt`` of the shared release were re-serialised from the official
Excel edition, so the attribution also carries the modification notice the
license asks for.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BLS_EP_CITATION",
    "BLS_OEWS_CITATION",
    "CAREER_CLUSTERS_ATTRIBUTION",
    "ONET_ATTRIBUTION",
]

ONET_ATTRIBUTION: Final = (
    "This product includes information from the O*NET 30.1 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET\u00ae is a trademark of USDOL/ETA. "
    "ilpcore has modified all or some of this information. USDOL/ETA has not approved, "
    "endorsed, or tested these modifications."
)
"""The CC BY 4.0 attribution for the O*NET 30.1 Database, shown with every O*NET-derived output."""

CAREER_CLUSTERS_ATTRIBUTION: Final = (
    "This product includes information from O*NET OnLine by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET\u00ae is a trademark of USDOL/ETA. "
    "Career clusters and pathways: National Career Clusters\u00ae Framework, Advance CTE."
)
"""The attribution for the O*NET OnLine career cluster and pathway assignments."""

BLS_OEWS_CITATION: Final = (
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, "
    "May 2025."
)
"""The citation BLS suggests for the OEWS wage estimates."""

BLS_EP_CITATION: Final = "Source: Employment Projections program, U.S. Bureau of Labor Statistics."
"""The citation BLS suggests for the 2024-34 employment projections."""
