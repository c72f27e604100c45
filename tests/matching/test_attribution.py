"""The attributions are the verbatim texts PROVENANCE.md requires."""

from __future__ import annotations

import re
from pathlib import Path

from ilpcore.matching import CAREER_CLUSTERS_ATTRIBUTION, ONET_ATTRIBUTION


def _normalized(text: str) -> str:
    return " ".join(text.split())


def test_onet_attribution_is_verbatim(data_dir: Path) -> None:
    provenance = (data_dir / "PROVENANCE.md").read_text(encoding="utf-8")
    section = provenance.split("## 1.", 1)[1].split("## 2.", 1)[0]
    quote = " ".join(
        line.strip().removeprefix(">").strip()
        for line in section.splitlines()
        if line.strip().startswith(">")
    )
    assert quote.startswith("This product includes information from the O*NET 30.1 Database")
    assert ONET_ATTRIBUTION.startswith(_normalized(quote))
    assert ONET_ATTRIBUTION.endswith(
        "ilpcore has modified all or some of this information. USDOL/ETA has not approved, "
        "endorsed, or tested these modifications."
    )


def test_cluster_attribution_is_verbatim(data_dir: Path) -> None:
    provenance = _normalized((data_dir / "PROVENANCE.md").read_text(encoding="utf-8"))
    section = provenance.split("## 2.", 1)[1].split("## 3.", 1)[0]
    quoted = re.search(
        r'CC BY 4\.0: "(This product includes information from O\*NET OnLine.*?)"', section
    )
    assert quoted is not None
    assert CAREER_CLUSTERS_ATTRIBUTION.startswith(quoted.group(1))
    assert "National Career Clusters\u00ae Framework, Advance CTE" in CAREER_CLUSTERS_ATTRIBUTION
