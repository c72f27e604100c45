"""Broken copies of the cluster, OEWS and EP files give a DataFileError with line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ilpcore.exceptions import DataFileError
from ilpcore.matching import search
from ilpcore.matching.catalog import (
    OccupationCatalog,
    load_catalog,
    read_clusters,
    read_oews,
    read_projections,
)
from tests.matching.tiny_release import write_release

CLUSTERS_HEADER = "Career Cluster,Career Pathway,Code,Occupation\n"
OEWS_HEADER = (
    "occ_code,occ_title,o_group,display_level,tot_emp,emp_prse,h_mean,a_mean,mean_prse,"
    "h_pct10,h_pct25,h_median,h_pct75,h_pct90,a_pct10,a_pct25,a_median,a_pct75,a_pct90,"
    "footnotes\n"
)
OEWS_CEO = (
    "11-1011,Chief Executives,detailed,3,204350,3.1,129.63,269630,1.9,36.39,62.28,102.88,"
    "171.25,244.10,75700,129540,213990,356200,507730,\n"
)


def _error(fn: object, path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        fn(path)  # type: ignore[operator]
    return info.value


def test_misaligned_cluster_row(tmp_path: Path) -> None:
    path = tmp_path / "clusters.csv"
    path.write_text(
        CLUSTERS_HEADER
        + 'Health Science,Therapeutic Services,29-1141.00,"Registered Nurses"\n'
        + '"A; B",Only one pathway,19-4044.00,Hydrologic Technicians\n'
    )
    err = _error(read_clusters, path)
    assert (err.line, err.column) == (3, "Career Pathway")
    assert "must align" in err.message


def test_cluster_code_malformed(tmp_path: Path) -> None:
    path = tmp_path / "clusters.csv"
    path.write_text(CLUSTERS_HEADER + "Health Science,Therapeutic Services,29-1141,Nurses\n")
    err = _error(read_clusters, path)
    assert (err.line, err.column) == (2, "Code")


def test_oews_bad_number_and_footnote(tmp_path: Path) -> None:
    (tmp_path / "oews_national_may2025.csv").write_text(
        OEWS_HEADER + OEWS_CEO + OEWS_CEO.replace("11-1011", "11-1021").replace("102.88", "1O2")
    )
    err = _error(read_oews, tmp_path)
    assert (err.line, err.column) == (3, "h_median")
    (tmp_path / "oews_national_may2025.csv").write_text(
        OEWS_HEADER + OEWS_CEO.replace(",\n", ",h_mean=4\n")
    )
    err = _error(read_oews, tmp_path)
    assert (err.line, err.column) == (2, "footnotes")


def test_oews_suppressed_cells(tmp_path: Path) -> None:
    row = OEWS_CEO.replace("102.88", "").replace("213990", "#").replace(",\n", ",h_median:5\n")
    (tmp_path / "oews_national_may2025.csv").write_text(OEWS_HEADER + row)
    table = read_oews(tmp_path)
    stats = table.statistics("11-1011")
    assert stats is not None
    assert stats.figure("median", hourly=True).status.value == "top_coded"
    assert stats.figure("median").status.value == "top_coded"
    assert stats.annual_median is None
    assert table.release == "May 2025"


def test_oews_unknown_state(tmp_path: Path) -> None:
    (tmp_path / "oews_national_may2025.csv").write_text(OEWS_HEADER + OEWS_CEO)
    (tmp_path / "oews_state_may2025.csv").write_text(
        "area_code,state_fips,area_title," + OEWS_HEADER + "9900000,99,Atlantis," + OEWS_CEO
    )
    err = _error(read_oews, tmp_path)
    assert (err.line, err.column) == (2, "state_fips")


def test_oews_missing_column(tmp_path: Path) -> None:
    (tmp_path / "oews_national_may2025.csv").write_text(
        OEWS_HEADER.replace("a_median", "a_med") + OEWS_CEO
    )
    err = _error(read_oews, tmp_path)
    assert (err.line, err.column) == (1, "a_median")


def test_projections_bad_education(data_dir: Path, tmp_path: Path) -> None:
    source = data_dir / "bls_ep" / "ep_2024_34_table_1_2_occupational_projections.csv"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    target = tmp_path / source.name
    bad = lines[5].replace("Bachelor's degree", "PhD in everything")
    assert bad != lines[5]
    target.write_text("".join([*lines[:5], bad, *lines[6:]]), encoding="utf-8")
    err = _error(read_projections, target)
    assert (err.line, err.column) == (6, "Typical education needed for entry")
    target.write_text("".join([lines[0], *lines[2:]]), encoding="utf-8")
    err = _error(read_projections, target)
    assert "Total, all occupations" in err.message


def test_cluster_code_unknown_to_catalog(data_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_release(data / "onet" / "db_30_1_text")
    for folder in ("bls_oews", "bls_ep"):
        shutil.copytree(data_dir / folder, data / folder)
    (data / "onet_career_clusters").mkdir()
    (data / "onet_career_clusters" / "All_Career_Clusters.csv").write_text(
        CLUSTERS_HEADER
        + "Business Management & Administration,General Management,11-1011.00,CEO\n"
        + "Health Science,Therapeutic Services,29-1141.00,Registered Nurses\n"
    )
    with pytest.raises(DataFileError) as info:
        load_catalog(data, cache=False)
    assert (info.value.line, info.value.column) == (3, "Code")
    assert "not in O*NET 30.1" in info.value.message


def test_load_catalog_cache_round_trip(
    data_dir: Path, session_cache: Path, catalog: OccupationCatalog
) -> None:
    """The session catalog was parsed and cached; loading again reads the cache."""
    assert list(session_cache.glob("catalog-*.pickle"))
    again = load_catalog(data_dir, cache=session_cache)
    assert again is not catalog
    assert again == catalog
    assert again.wages_of("15-1252.00", "KY") == catalog.wages_of("15-1252.00", "KY")
    assert "search-index" in again._memo  # the index was cached with the catalog
    assert search(again, "nurse").codes == search(catalog, "nurse").codes
