"""College search and financial planning from official federal data (IPEDS, College Scorecard)."""

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.loading import load_colleges

__all__ = ["CollegeCatalog", "load_colleges"]
