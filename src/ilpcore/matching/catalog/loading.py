"""Loading the whole catalog: O*NET plus the cluster, wage and projection joins, cached."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ilpcore.cache import CacheSetting, cached
from ilpcore.data_location import find_data_dir
from ilpcore.exceptions import DataFileError
from ilpcore.matching.catalog.catalog import OccupationCatalog
from ilpcore.matching.catalog.clusters import ClusterTable, read_clusters
from ilpcore.matching.catalog.onet import ONET_FILES, default_onet_path, read_onet
from ilpcore.matching.catalog.projections import default_projections_path, read_projections
from ilpcore.matching.catalog.records import PICKLE_FORMAT
from ilpcore.matching.catalog.source import Fingerprint, ReleaseFiles
from ilpcore.matching.catalog.wages import read_oews

__all__ = ["load_catalog"]


def load_catalog(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    onet: str | os.PathLike[str] | None = None,
    cache: CacheSetting = True,
    progress: Callable[[str], None] | None = None,
) -> OccupationCatalog:
    """The O*NET catalog joined with career clusters, OEWS wages and EP projections.

    ``data_dir`` is the folder of the data releases (default:
    :func:`~ilpcore.data_location.find_data_dir`, i.e. ``ILPCORE_DATA`` or
    ``../shared/data``); ``onet`` overrides the O*NET release (folder or zip).
    The parsed result is cached (see :mod:`ilpcore.cache`).
    ``progress`` is told, in words, when the files have to be parsed (a few seconds).
    """
    root = find_data_dir(data_dir)
    onet_files = ReleaseFiles(onet if onet is not None else default_onet_path(root))
    clusters_path = root / "onet_career_clusters" / "All_Career_Clusters.csv"
    oews_dir = root / "bls_oews"
    projections_path = default_projections_path(root)
    oews_files = sorted(oews_dir.glob("oews_*.csv"))
    key = (
        onet_files.fingerprint(ONET_FILES),
        _stamps([clusters_path, projections_path, *oews_files]),
    )

    def build() -> OccupationCatalog:
        if progress is not None:
            progress(f"reading {onet_files.path} and the BLS tables (cached afterwards)")
        catalog = read_onet(onet_files)
        clusters = read_clusters(clusters_path)
        _check_cluster_codes(catalog, clusters)
        joined = catalog.with_joins(
            clusters=clusters,
            wages=read_oews(oews_dir),
            projections=read_projections(projections_path),
        )
        from ilpcore.matching.search import SearchIndex  # built now so the cache keeps it

        SearchIndex.of(joined)
        return joined

    return cached("catalog", key, build, OccupationCatalog, cache, format=PICKLE_FORMAT)


def _stamps(paths: list[Path]) -> tuple[Fingerprint, ...]:
    out: list[Fingerprint] = []
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            out.append((str(p), -1, -1))
        else:
            out.append((str(p.resolve()), st.st_size, st.st_mtime_ns))
    return tuple(out)


def _check_cluster_codes(catalog: OccupationCatalog, clusters: ClusterTable) -> None:
    for code, line in clusters.lines.items():
        if code not in catalog:
            raise DataFileError(
                clusters.source,
                f"O*NET-SOC code {code} is not in {catalog.release}",
                line=line,
                column="Code",
            )
