"""Career matching on the O*NET database: the occupation catalog, search and profiles.

Every output that shows O*NET data carries :data:`ONET_ATTRIBUTION` (CC BY 4.0).
"""

from ilpcore.matching.attribution import (
    BLS_EP_CITATION,
    BLS_OEWS_CITATION,
    CAREER_CLUSTERS_ATTRIBUTION,
    ONET_ATTRIBUTION,
)
from ilpcore.matching.catalog import (
    EDUCATION_LEVELS,
    RIASEC,
    RIASEC_NAMES,
    WORK_VALUES,
    EducationTraining,
    Occupation,
    OccupationCatalog,
    Rating,
    Ratings,
    RelatedOccupation,
    Task,
    TaskType,
    load_onet,
    read_onet,
)

__all__ = [
    "BLS_EP_CITATION",
    "BLS_OEWS_CITATION",
    "CAREER_CLUSTERS_ATTRIBUTION",
    "EDUCATION_LEVELS",
    "ONET_ATTRIBUTION",
    "RIASEC",
    "RIASEC_NAMES",
    "WORK_VALUES",
    "EducationTraining",
    "Occupation",
    "OccupationCatalog",
    "Rating",
    "Ratings",
    "RelatedOccupation",
    "Task",
    "TaskType",
    "load_onet",
    "read_onet",
]
