"""Settings for the whole test run (tests/, docs/ and the doctests in src/)."""

from hypothesis import HealthCheck, settings

# Whole plans take hundreds of draws, and CI machines are shared and slow: judge tests by
# their assertions, not by how fast Hypothesis generates data on a busy machine.
settings.register_profile(
    "ilpcore",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ilpcore")
