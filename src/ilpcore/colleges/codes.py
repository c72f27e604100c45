"""The coded vocabularies of the college releases: level, control, community, size, awards.

Each enum value carries the label NCES or the College Scorecard publishes for
it; ``from_code`` turns a file's code into the member (``None`` for NCES's
"not available" / "not reported" codes).
"""

from __future__ import annotations

import enum
from typing import Final

from ilpcore.exceptions import UnknownEntryEducationError

__all__ = [
    "AWARD_LEVELS_FOR_ENTRY_EDUCATION",
    "AwardLevel",
    "CommunityType",
    "Control",
    "CredentialLevel",
    "Level",
    "Size",
    "award_levels_for_entry_education",
    "credential_level_of",
]


class Level(enum.Enum):
    """IPEDS ``ICLEVEL``: the length of the longest program an institution offers."""

    FOUR_YEAR = "4-year"
    TWO_YEAR = "2-year"
    LESS_THAN_TWO_YEAR = "less-than-2-year"
    """Mostly career and technical schools (certificates below the associate degree)."""

    @classmethod
    def from_code(cls, code: int) -> Level | None:
        return {1: cls.FOUR_YEAR, 2: cls.TWO_YEAR, 3: cls.LESS_THAN_TWO_YEAR}.get(code)


class Control(enum.Enum):
    """IPEDS ``CONTROL``."""

    PUBLIC = "public"
    PRIVATE_NONPROFIT = "private nonprofit"
    FOR_PROFIT = "for-profit"

    @classmethod
    def from_code(cls, code: int) -> Control | None:
        return {1: cls.PUBLIC, 2: cls.PRIVATE_NONPROFIT, 3: cls.FOR_PROFIT}.get(code)


class CommunityType(enum.Enum):
    """IPEDS ``LOCALE`` (NCES urban-centric locale): city, suburb, town or rural, with size.

    The value is the NCES label, e.g. ``"City: Large"``; :attr:`kind` is the first word.
    """

    CITY_LARGE = "City: Large"
    CITY_MIDSIZE = "City: Midsize"
    CITY_SMALL = "City: Small"
    SUBURB_LARGE = "Suburb: Large"
    SUBURB_MIDSIZE = "Suburb: Midsize"
    SUBURB_SMALL = "Suburb: Small"
    TOWN_FRINGE = "Town: Fringe"
    TOWN_DISTANT = "Town: Distant"
    TOWN_REMOTE = "Town: Remote"
    RURAL_FRINGE = "Rural: Fringe"
    RURAL_DISTANT = "Rural: Distant"
    RURAL_REMOTE = "Rural: Remote"

    @property
    def kind(self) -> str:
        """``"city"``, ``"suburb"``, ``"town"`` or ``"rural"``."""
        return self.value.split(":")[0].lower()

    @classmethod
    def from_code(cls, code: int) -> CommunityType | None:
        return _LOCALES.get(code)


_LOCALES: Final = {
    10 * kind + size: member
    for (kind, size), member in zip(
        [(k, s) for k in (1, 2, 3, 4) for s in (1, 2, 3)], CommunityType, strict=True
    )
}


class Size(enum.Enum):
    """IPEDS ``INSTSIZE``: total enrollment category."""

    UNDER_1000 = "under 1,000"
    FROM_1000 = "1,000-4,999"
    FROM_5000 = "5,000-9,999"
    FROM_10000 = "10,000-19,999"
    FROM_20000 = "20,000 and above"

    @classmethod
    def from_code(cls, code: int) -> Size | None:
        members = tuple(cls)
        return members[code - 1] if 1 <= code <= len(members) else None

    @property
    def rank(self) -> int:
        """0 for the smallest category, 4 for the largest."""
        return tuple(Size).index(self)


class AwardLevel(enum.Enum):
    """IPEDS completions ``AWLEVEL`` (the 12 levels of C2024_A), value = the code."""

    CERT_UNDER_12_WEEKS = 20
    CERT_12_WEEKS_TO_1_YEAR = 21
    CERT_1_TO_2_YEARS = 2
    ASSOCIATE = 3
    CERT_2_TO_4_YEARS = 4
    BACHELOR = 5
    POSTBACCALAUREATE_CERT = 6
    MASTER = 7
    POST_MASTER_CERT = 8
    DOCTOR_RESEARCH = 17
    DOCTOR_PROFESSIONAL = 18
    DOCTOR_OTHER = 19

    @property
    def label(self) -> str:
        return _AWARD_LABELS[self]

    @property
    def is_undergraduate(self) -> bool:
        return self in _UNDERGRADUATE


_AWARD_LABELS: Final = {
    AwardLevel.CERT_UNDER_12_WEEKS: "Certificate of less than 12 weeks",
    AwardLevel.CERT_12_WEEKS_TO_1_YEAR: "Certificate of at least 12 weeks but less than 1 year",
    AwardLevel.CERT_1_TO_2_YEARS: "Certificate of at least 1 but less than 2 years",
    AwardLevel.ASSOCIATE: "Associate's degree",
    AwardLevel.CERT_2_TO_4_YEARS: "Certificate of at least 2 but less than 4 years",
    AwardLevel.BACHELOR: "Bachelor's degree",
    AwardLevel.POSTBACCALAUREATE_CERT: "Postbaccalaureate certificate",
    AwardLevel.MASTER: "Master's degree",
    AwardLevel.POST_MASTER_CERT: "Post-master's certificate",
    AwardLevel.DOCTOR_RESEARCH: "Doctor's degree - research/scholarship",
    AwardLevel.DOCTOR_PROFESSIONAL: "Doctor's degree - professional practice",
    AwardLevel.DOCTOR_OTHER: "Doctor's degree - other",
}
_UNDERGRADUATE: Final = frozenset(
    (
        AwardLevel.CERT_UNDER_12_WEEKS,
        AwardLevel.CERT_12_WEEKS_TO_1_YEAR,
        AwardLevel.CERT_1_TO_2_YEARS,
        AwardLevel.ASSOCIATE,
        AwardLevel.CERT_2_TO_4_YEARS,
        AwardLevel.BACHELOR,
    )
)


class CredentialLevel(enum.Enum):
    """College Scorecard field-of-study ``credential_level`` (value = the code)."""

    UNDERGRADUATE_CERTIFICATE = 1
    ASSOCIATE = 2
    BACHELOR = 3
    POSTBACCALAUREATE_CERTIFICATE = 4
    MASTER = 5
    DOCTORAL = 6
    FIRST_PROFESSIONAL = 7
    GRADUATE_CERTIFICATE = 8
    NON_CREDENTIAL = 99


_CREDENTIAL_OF_AWARD: Final = {
    AwardLevel.CERT_UNDER_12_WEEKS: CredentialLevel.UNDERGRADUATE_CERTIFICATE,
    AwardLevel.CERT_12_WEEKS_TO_1_YEAR: CredentialLevel.UNDERGRADUATE_CERTIFICATE,
    AwardLevel.CERT_1_TO_2_YEARS: CredentialLevel.UNDERGRADUATE_CERTIFICATE,
    AwardLevel.CERT_2_TO_4_YEARS: CredentialLevel.UNDERGRADUATE_CERTIFICATE,
    AwardLevel.ASSOCIATE: CredentialLevel.ASSOCIATE,
    AwardLevel.BACHELOR: CredentialLevel.BACHELOR,
    AwardLevel.POSTBACCALAUREATE_CERT: CredentialLevel.POSTBACCALAUREATE_CERTIFICATE,
    AwardLevel.MASTER: CredentialLevel.MASTER,
    AwardLevel.POST_MASTER_CERT: CredentialLevel.GRADUATE_CERTIFICATE,
    AwardLevel.DOCTOR_RESEARCH: CredentialLevel.DOCTORAL,
    AwardLevel.DOCTOR_OTHER: CredentialLevel.DOCTORAL,
    AwardLevel.DOCTOR_PROFESSIONAL: CredentialLevel.FIRST_PROFESSIONAL,
}


def credential_level_of(award: AwardLevel) -> CredentialLevel:
    """The Scorecard credential level that an IPEDS award level is reported under.

    >>> credential_level_of(AwardLevel.ASSOCIATE)
    <CredentialLevel.ASSOCIATE: 2>
    """
    return _CREDENTIAL_OF_AWARD[award]


AWARD_LEVELS_FOR_ENTRY_EDUCATION: Final[dict[str, tuple[AwardLevel, ...]]] = {
    "No formal educational credential": (),
    "High school diploma or equivalent": (),
    "Some college, no degree": (
        AwardLevel.CERT_UNDER_12_WEEKS,
        AwardLevel.CERT_12_WEEKS_TO_1_YEAR,
        AwardLevel.CERT_1_TO_2_YEARS,
    ),
    "Postsecondary nondegree award": (
        AwardLevel.CERT_UNDER_12_WEEKS,
        AwardLevel.CERT_12_WEEKS_TO_1_YEAR,
        AwardLevel.CERT_1_TO_2_YEARS,
        AwardLevel.CERT_2_TO_4_YEARS,
    ),
    "Associate's degree": (AwardLevel.ASSOCIATE,),
    "Bachelor's degree": (AwardLevel.BACHELOR,),
    "Master's degree": (AwardLevel.MASTER,),
    "Doctoral or professional degree": (
        AwardLevel.DOCTOR_PROFESSIONAL,
        AwardLevel.DOCTOR_RESEARCH,
        AwardLevel.DOCTOR_OTHER,
    ),
}
"""BLS "typical education needed for entry" (EP Table 5.4 wording) → the IPEDS award levels
that meet it.  The two levels that need no postsecondary award map to no level."""


def award_levels_for_entry_education(entry_education: str) -> tuple[AwardLevel, ...]:
    """The award levels an occupation's typical entry education calls for.

    ``entry_education`` is the BLS category as the occupation catalog gives it
    (``Occupation``'s entry education in :mod:`ilpcore.matching`).  Raises
    :class:`~ilpcore.exceptions.UnknownEntryEducationError` for other text.

    >>> [a.label for a in award_levels_for_entry_education("Associate's degree")]
    ["Associate's degree"]
    """
    try:
        return AWARD_LEVELS_FOR_ENTRY_EDUCATION[entry_education]
    except KeyError:
        raise UnknownEntryEducationError(
            entry_education, tuple(AWARD_LEVELS_FOR_ENTRY_EDUCATION)
        ) from None
