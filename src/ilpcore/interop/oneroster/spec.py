"""The parts of the 1EdTech OneRoster 1.2 CSV binding that ilpcore reads and writes.

Headers are those of the binding's tables (OneRoster 1.2 CSV Binding, 1EdTech
Final Release 1.2.1, §3 "CSV Format"), in the binding's order.  Extension
columns (``metadata.…``) follow the binding's columns; ilpcore writes
``metadata.ilpcore.cohort`` (users) and ``metadata.ilpcore.state`` (orgs).
"""

from __future__ import annotations

import enum
from types import MappingProxyType

from ilpcore.model import Role

__all__ = [
    "ALL_FILES",
    "COHORT_COLUMN",
    "GUARDIAN_ROLES",
    "HEADERS",
    "ONEROSTER_VERSION",
    "ROLE_OF",
    "ROLE_TO_ONEROSTER",
    "STATE_COLUMN",
    "FileMode",
    "grade_code",
    "grade_of",
]

ONEROSTER_VERSION = "1.2"
MANIFEST_VERSION = "1.0"
COHORT_COLUMN = "metadata.ilpcore.cohort"
STATE_COLUMN = "metadata.ilpcore.state"


class FileMode(enum.Enum):
    """How the manifest says a file is given (``file.users,bulk``)."""

    BULK = "bulk"
    DELTA = "delta"
    ABSENT = "absent"


_STANDARD = ("sourcedId", "status", "dateLastModified")

HEADERS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    "manifest": ("propertyName", "value"),
    "academicSessions": (*_STANDARD, "title", "type", "startDate", "endDate",
                         "parentSourcedId", "schoolYear"),
    "classes": (*_STANDARD, "title", "grades", "courseSourcedId", "classCode", "classType",
                "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes",
                "periods"),
    "courses": (*_STANDARD, "schoolYearSourcedId", "title", "courseCode", "grades",
                "orgSourcedId", "subjects", "subjectCodes"),
    "demographics": (*_STANDARD, "birthDate", "sex", "americanIndianOrAlaskaNative", "asian",
                     "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white",
                     "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity",
                     "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth",
                     "publicSchoolResidenceStatus"),
    "enrollments": (*_STANDARD, "classSourcedId", "schoolSourcedId", "userSourcedId", "role",
                    "primary", "beginDate", "endDate"),
    "orgs": (*_STANDARD, "name", "type", "identifier", "parentSourcedId"),
    "roles": (*_STANDARD, "userSourcedId", "roleType", "role", "beginDate", "endDate",
              "orgSourcedId", "userProfileSourcedId"),
    "users": (*_STANDARD, "enabledUser", "username", "userIds", "givenName", "familyName",
              "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
              "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
              "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns"),
})  # fmt: skip
"""File name (without ``.csv``) -> the binding's header of the files ilpcore reads and writes."""

ALL_FILES: tuple[str, ...] = (
    "academicSessions", "categories", "classes", "classResources", "courses", "courseResources",
    "demographics", "enrollments", "lineItemLearningObjectiveIds", "lineItems",
    "lineItemScoreScales", "orgs", "resources", "resultLearningObjectiveIds", "results",
    "resultScoreScales", "roles", "scoreScales", "userProfiles", "userResources", "users",
)  # fmt: skip
"""Every data file a 1.2 manifest lists (``file.<name>``); ilpcore ignores the others."""

GUARDIAN_ROLES = frozenset({"guardian", "parent", "relative"})
"""roles.csv roles whose users are a student's contacts, linked by ``agentSourcedIds``."""

ROLE_OF: MappingProxyType[str, Role] = MappingProxyType(
    {
        "student": Role.STUDENT,
        "teacher": Role.TEACHER,
        "counselor": Role.COUNSELOR,
        "aide": Role.OTHER,
        "proctor": Role.OTHER,
        "principal": Role.SCHOOL_ADMINISTRATOR,
        "siteAdministrator": Role.SCHOOL_ADMINISTRATOR,
        "districtAdministrator": Role.DISTRICT_ADMINISTRATOR,
        "systemAdministrator": Role.DISTRICT_ADMINISTRATOR,
        "guardian": Role.PARENT_GUARDIAN,
        "parent": Role.PARENT_GUARDIAN,
        "relative": Role.PARENT_GUARDIAN,
    }
)
"""The binding's role vocabulary (roles.csv ``role``) -> ilpcore roles."""

ROLE_TO_ONEROSTER: MappingProxyType[Role, str] = MappingProxyType(
    {
        Role.TEACHER: "teacher",
        Role.COUNSELOR: "counselor",
        Role.MENTOR: "aide",
        Role.ADVISOR: "aide",
        Role.OTHER: "aide",
        Role.SCHOOL_ADMINISTRATOR: "principal",
        Role.DISTRICT_ADMINISTRATOR: "districtAdministrator",
        Role.PARENT_GUARDIAN: "guardian",
    }
)
"""The roles.csv role ilpcore writes for a staff member or contact of each role."""


def grade_of(code: str) -> int | None:
    """The K-12 grade level of a CEDS grade code (``KG``, ``01`` … ``12``), else ``None``.

    >>> grade_of("KG"), grade_of("09"), grade_of("9"), grade_of("PK"), grade_of("13")
    (0, 9, 9, None, None)
    """
    if code == "KG":
        return 0
    if code.isascii() and code.isdigit() and 1 <= int(code) <= 12:
        return int(code)
    return None


def grade_code(grade: int) -> str:
    """The CEDS grade code of a K-12 grade level.

    >>> grade_code(0), grade_code(9)
    ('KG', '09')
    """
    return "KG" if grade == 0 else f"{grade:02d}"
