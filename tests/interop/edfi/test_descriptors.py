"""Descriptor values -> ilpcore values, and the plain values of rows."""

from datetime import date
from decimal import Decimal

import pytest

from ilpcore.interop.edfi import descriptors
from ilpcore.interop.edfi.placement import AgeRule, calibrate
from ilpcore.interop.edfi.rows import RowError
from ilpcore.interop.edfi.values import credits, school_year_start
from ilpcore.model import CourseAttribute, CourseStatus, Session


def test_any_namespace_naming_the_descriptor_and_bare_code_values() -> None:
    assert descriptors.grade_level("uri://ed-fi.org/GradeLevelDescriptor#Ninth grade") == 9
    assert descriptors.grade_level("uri://gbisd.edu/GradeLevelDescriptor#ninth GRADE") == 9
    assert descriptors.grade_level("Kindergarten") == 0
    assert descriptors.session("uri://ed-fi.org/TermDescriptor#Year Round") is Session.FULL_YEAR


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("uri://ed-fi.org/TermDescriptor#Ninth grade", "is not a GradeLevelDescriptor"),
        ("uri://ed-fi.org/GradeLevelDescriptor#Preschool", "unknown GradeLevelDescriptor"),
        ("uri://ed-fi.org/GradeLevelDescriptor#Grade 13", "unknown GradeLevelDescriptor"),
    ],
)
def test_refused_grade_levels(value: str, message: str) -> None:
    with pytest.raises(RowError, match=message):
        descriptors.grade_level(value)


def test_every_ds52_subject_and_characteristic_code_is_known(
    edfi_data_descriptors: dict[str, list[str]],
) -> None:
    assert set(edfi_data_descriptors["AcademicSubjectDescriptor"]) == set(
        descriptors.ACADEMIC_SUBJECTS
    )
    assert set(edfi_data_descriptors["CourseLevelCharacteristicDescriptor"]) == set(
        descriptors.COURSE_LEVEL_CHARACTERISTICS
    )
    assert set(edfi_data_descriptors["MethodCreditEarnedDescriptor"]) == set(
        descriptors.METHODS_CREDIT_EARNED
    )
    assert set(edfi_data_descriptors["TermDescriptor"]) == set(descriptors.TERMS)
    known_grades = set(descriptors.GRADE_LEVELS)
    assert known_grades < set(edfi_data_descriptors["GradeLevelDescriptor"])


def test_attributes_and_status() -> None:
    assert descriptors.course_attributes(
        (
            "uri://ed-fi.org/CourseLevelCharacteristicDescriptor#International Baccalaureate",
            "uri://ed-fi.org/CourseLevelCharacteristicDescriptor#Core Subject",
        ),
        "uri://ed-fi.org/MethodCreditEarnedDescriptor#Online credit",
    ) == {CourseAttribute.IB, CourseAttribute.ONLINE}
    assert descriptors.course_status("Withdrawn") is CourseStatus.WITHDRAWN
    with pytest.raises(RowError):
        descriptors.course_status("uri://ed-fi.org/CourseAttemptResultDescriptor#Audit")


def test_values() -> None:
    assert school_year_start("2021-2022") == school_year_start("2022") == 2021
    for bad in ("2021-2023", "21-22", "0001", "next year"):
        with pytest.raises(RowError):
            school_year_start(bad)
    assert credits("1.000", "Credits") == Decimal(1)
    assert credits("10.000", "Credits") == Decimal(10)
    assert str(credits("0.500", "Credits")) == "0.5"
    for bad in ("-1", "NaN", "Infinity", "one"):
        with pytest.raises(RowError):
            credits(bad, "Credits")


def test_age_rule_calibration_prefers_the_usual_rule_on_ties() -> None:
    assert calibrate([], 2021) == (AgeRule(9, 1, 6), 0)
    born = date(2006, 12, 1)  # 14 on 2021-09-01 (grade 9 by the usual rule), 15 on 2021-12-31
    assert calibrate([(born, 9)], 2021) == (AgeRule(9, 1, 6), 1)
    assert calibrate([(born, 10)], 2021) == (AgeRule(12, 31, 6), 1)  # first agreeing candidate
