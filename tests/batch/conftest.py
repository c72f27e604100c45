"""Shared fixtures: the real O*NET 30.1 release (``ILPCORE_DATA``) and synthetic students."""

from __future__ import annotations

import pytest

from ilpcore.data_location import find_data_dir
from ilpcore.matching.catalog import OccupationCatalog, read_onet
from ilpcore.matching.ranking import InterestIndex
from ilpcore.model import Plan
from ilpcore.testing.synthetic import synthetic_plans


@pytest.fixture(scope="session")
def onet() -> OccupationCatalog:
    """O*NET 30.1, parsed once per test session."""
    return read_onet(find_data_dir() / "onet" / "db_30_1_text")


@pytest.fixture(scope="session")
def index(onet: OccupationCatalog) -> InterestIndex:
    """The interest index of O*NET 30.1."""
    return InterestIndex.from_catalog(onet)


@pytest.fixture(scope="session")
def plans() -> tuple[Plan, ...]:
    """120 synthetic students (seed 3): every state, grade and kind of missing data."""
    return tuple(synthetic_plans(120, seed=3))
