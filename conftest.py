"""Settings for the whole test run (tests/, docs/ and the doctests in src/)."""

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

# Whole plans take hundreds of draws, and CI machines are shared and slow: judge tests by
# their assertions, not by how fast Hypothesis generates data on a busy machine.
settings.register_profile(
    "ilpcore",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ilpcore")


@pytest.fixture(autouse=True, scope="session")
def _private_default_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Doctests and the demo open the default store: never let them touch the user's own."""
    if "ILPCORE_STORE_URL" in os.environ:
        yield
        return
    folder = tmp_path_factory.mktemp("default-store")
    os.environ["ILPCORE_STORE_URL"] = f"sqlite:///{folder / 'ilpcore.sqlite3'}"
    try:
        yield
    finally:
        del os.environ["ILPCORE_STORE_URL"]
