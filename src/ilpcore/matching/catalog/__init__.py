"""The occupation catalog: O*NET occupations with their descriptors, loaded from the releases."""

from ilpcore.cache import CACHE_ENV_VAR, cache_dir
from ilpcore.matching.catalog.catalog import OccupationCatalog
from ilpcore.matching.catalog.clusters import ClusterAssignment, ClusterTable, read_clusters
from ilpcore.matching.catalog.joins import OccupationOutlook, OccupationWages
from ilpcore.matching.catalog.loading import load_catalog
from ilpcore.matching.catalog.onet import ONET_FILES, default_onet_path, load_onet, read_onet
from ilpcore.matching.catalog.projections import (
    ENTRY_EDUCATION_LEVELS,
    Projection,
    ProjectionTable,
    read_projections,
)
from ilpcore.matching.catalog.records import (
    EDUCATION_LEVELS,
    RIASEC,
    RIASEC_NAMES,
    WORK_VALUES,
    EducationTraining,
    Occupation,
    Rating,
    Ratings,
    RelatedOccupation,
    Task,
    TaskType,
)
from ilpcore.matching.catalog.soc import SocMatch
from ilpcore.matching.catalog.source import ReleaseFiles
from ilpcore.matching.catalog.wages import (
    PERCENTILES,
    WageFigure,
    WageStatistics,
    WageStatus,
    WageTable,
    read_oews,
    state_code,
)

__all__ = [
    "CACHE_ENV_VAR",
    "EDUCATION_LEVELS",
    "ENTRY_EDUCATION_LEVELS",
    "ONET_FILES",
    "PERCENTILES",
    "RIASEC",
    "RIASEC_NAMES",
    "WORK_VALUES",
    "ClusterAssignment",
    "ClusterTable",
    "EducationTraining",
    "Occupation",
    "OccupationCatalog",
    "OccupationOutlook",
    "OccupationWages",
    "Projection",
    "ProjectionTable",
    "Rating",
    "Ratings",
    "RelatedOccupation",
    "ReleaseFiles",
    "SocMatch",
    "Task",
    "TaskType",
    "WageFigure",
    "WageStatistics",
    "WageStatus",
    "WageTable",
    "cache_dir",
    "default_onet_path",
    "load_catalog",
    "load_onet",
    "read_clusters",
    "read_oews",
    "read_onet",
    "read_projections",
    "state_code",
]
