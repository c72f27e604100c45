"""Shared fixtures: the real data releases in ``../shared/data`` (present in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilpcore.data_location import find_data_dir
from ilpcore.matching.catalog import OccupationCatalog, load_catalog, read_onet


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return find_data_dir()


@pytest.fixture(scope="session")
def onet_dir(data_dir: Path) -> Path:
    return data_dir / "onet" / "db_30_1_text"


@pytest.fixture(scope="session")
def onet(onet_dir: Path) -> OccupationCatalog:
    """The O*NET 30.1 catalog, parsed once per test session (no cache)."""
    return read_onet(onet_dir)


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never touch the user's cache folder."""
    monkeypatch.setenv("ILPCORE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "ilpcore-cache"))


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cache folder of this test run (empty when the run starts)."""
    return tmp_path_factory.getbasetemp() / "ilpcore-cache"


@pytest.fixture(scope="session")
def catalog(data_dir: Path, session_cache: Path) -> OccupationCatalog:
    """O*NET 30.1 joined with clusters, OEWS May 2025 and EP 2024-34.

    Parsed from the files (the session cache starts empty), then written to the
    session cache, which the command-line tests read.
    """
    assert not list(session_cache.glob("catalog-*.pickle")), "request this fixture first"
    return load_catalog(data_dir, cache=session_cache)
