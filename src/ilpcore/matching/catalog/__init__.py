"""The occupation catalog: O*NET occupations with their descriptors, loaded from the releases."""

from ilpcore.matching.catalog.cache import CACHE_ENV_VAR, cache_dir
from ilpcore.matching.catalog.catalog import OccupationCatalog
from ilpcore.matching.catalog.onet import ONET_FILES, default_onet_path, load_onet, read_onet
from ilpcore.matching.catalog.records import (
    EDUCATION_LEVELS,
    RIASEC,
    RIASEC_NAMES,
    WORK_VALUES,
    EducationTraining,
    Occupation,
    Rating,
    RelatedOccupation,
    Task,
    TaskType,
)
from ilpcore.matching.catalog.source import ReleaseFiles

__all__ = [
    "CACHE_ENV_VAR",
    "EDUCATION_LEVELS",
    "ONET_FILES",
    "RIASEC",
    "RIASEC_NAMES",
    "WORK_VALUES",
    "EducationTraining",
    "Occupation",
    "OccupationCatalog",
    "Rating",
    "RelatedOccupation",
    "ReleaseFiles",
    "Task",
    "TaskType",
    "cache_dir",
    "default_onet_path",
    "load_onet",
    "read_onet",
]
