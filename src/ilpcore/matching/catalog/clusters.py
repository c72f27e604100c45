"""Career clusters and pathways of O*NET occupations (O*NET OnLine "All Career Clusters").

The CSV has ``Career Cluster,Career Pathway,Code,Occupation``; an occupation
in several clusters lists them ``"; "``-separated, aligned position by
position with its pathways.  The 16 clusters are the National Career
Clusters® Framework (Advance CTE).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import attrs

from ilpcore.data_location import find_data_dir
from ilpcore.matching.catalog.records import onet_code
from ilpcore.matching.catalog.tables import read_csv_file

__all__ = ["ClusterAssignment", "ClusterTable", "default_clusters_path", "read_clusters"]

SEPARATOR = "; "


@attrs.frozen(order=True)
class ClusterAssignment:
    """One (cluster, pathway) an occupation belongs to."""

    cluster: str
    pathway: str


@attrs.frozen
class ClusterTable:
    """Career cluster and pathway assignments by O*NET-SOC code."""

    source: str
    by_code: dict[str, tuple[ClusterAssignment, ...]] = attrs.field(eq=True, repr=False)
    lines: dict[str, int] = attrs.field(eq=False, repr=False, factory=dict)

    @property
    def clusters(self) -> tuple[str, ...]:
        """The distinct clusters, sorted."""
        return tuple(sorted({a.cluster for v in self.by_code.values() for a in v}))

    def pathways(self, cluster: str | None = None) -> tuple[ClusterAssignment, ...]:
        """The distinct (cluster, pathway) pairs, sorted; only those of ``cluster`` if given."""
        pairs = {a for v in self.by_code.values() for a in v}
        return tuple(sorted(p for p in pairs if cluster is None or p.cluster == cluster))


def default_clusters_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    return find_data_dir(data_dir) / "onet_career_clusters" / "All_Career_Clusters.csv"


def read_clusters(path: str | os.PathLike[str]) -> ClusterTable:
    """Parse and validate the career clusters CSV."""
    table = read_csv_file(path)
    name = table.file
    c_cluster, c_pathway, c_code = table.columns(("Career Cluster", "Career Pathway", "Code"))
    by_code: dict[str, list[ClusterAssignment]] = defaultdict(list)
    lines: dict[str, int] = {}
    for i, row in enumerate(table.rows):
        code = row[c_code].strip()
        problem = onet_code(code)
        if problem:
            raise table.error(i, c_code, problem)
        if code in lines:
            raise table.error(i, c_code, f"duplicate O*NET-SOC code {code}")
        clusters = [c.strip() for c in row[c_cluster].split(SEPARATOR)]
        pathways = [p.strip() for p in row[c_pathway].split(SEPARATOR)]
        if len(clusters) != len(pathways):
            raise table.error(
                i,
                c_pathway,
                f"{len(pathways)} pathways for {len(clusters)} clusters (they must align)",
            )
        for col, values in ((c_cluster, clusters), (c_pathway, pathways)):
            if not all(values):
                raise table.error(i, col, "empty cluster or pathway name")
        lines[code] = table.line(i)
        by_code[code].extend(
            ClusterAssignment(c, p) for c, p in zip(clusters, pathways, strict=True)
        )
    return ClusterTable(source=name, by_code={k: tuple(v) for k, v in by_code.items()}, lines=lines)
