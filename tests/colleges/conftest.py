"""The real college catalog, loaded once per test session (through a fresh cache folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilpcore.colleges import CollegeCatalog, load_colleges
from ilpcore.data_location import find_data_dir


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return find_data_dir()


@pytest.fixture(scope="session")
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("college-cache")


@pytest.fixture(scope="session")
def catalog(data_dir: Path, cache_folder: Path) -> CollegeCatalog:
    return load_colleges(data_dir, cache=cache_folder)
