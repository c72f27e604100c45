"""Career → programs → schools, the admission label rule, and the application model types."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.colleges import (
    AwardLevel,
    CollegeCatalog,
    CollegeFilter,
    Fit,
    SortKey,
    award_levels_for_entry_education,
    fit_label,
    for_career,
    selectivity,
)
from ilpcore.colleges.codes import AWARD_LEVELS_FOR_ENTRY_EDUCATION
from ilpcore.exceptions import UnknownEntryEducationError, ValidationError
from ilpcore.model import ApplicationStatus, CollegeApplication, Milestone, MilestoneKind


def test_registered_nurse_programs_in_kentucky(catalog: CollegeCatalog) -> None:
    found = for_career(
        catalog,
        "29-1141.00",
        "Bachelor's degree",
        CollegeFilter(states=frozenset({"KY"})),
        SortKey.COMPLETIONS,
    )
    assert found.soc_code == "29-1141"
    assert ("51.3801", "Registered Nursing/Registered Nurse") in found.programs
    assert found.award_levels == (AwardLevel.BACHELOR,)
    assert found.colleges.total > 10
    cips = {c for c, _ in found.programs}
    for college in found.colleges:
        assert college.institution.state == "KY"
        assert college.programs
        for p in college.programs:
            assert p.cip in cips
            assert p.award is AwardLevel.BACHELOR
    assert 157085 in {c.institution.unitid for c in found.colleges}


def test_associate_level_and_no_award_needed(catalog: CollegeCatalog) -> None:
    assoc = for_career(catalog, "29-2034", "Associate's degree", limit=5)
    assert all(p.award is AwardLevel.ASSOCIATE for c in assoc.colleges for p in c.programs)
    none_needed = for_career(catalog, "41-2031.00", "No formal educational credential", limit=5)
    assert none_needed.award_levels == ()


def test_bad_career_inputs(catalog: CollegeCatalog) -> None:
    with pytest.raises(UnknownEntryEducationError) as e:
        for_career(catalog, "29-1141.00", "PhD")
    assert "entry_education" in str(e.value)
    with pytest.raises(ValidationError) as v:
        for_career(catalog, "nurse", "Bachelor's degree")
    assert v.value.paths == ("occupation_code",)


def test_every_bls_category_maps() -> None:
    for category in AWARD_LEVELS_FOR_ENTRY_EDUCATION:
        assert isinstance(award_levels_for_entry_education(category), tuple)


rates = st.integers(0, 100).map(lambda n: Decimal(n) / 100)
sats = st.integers(400, 1600)
ORDER = {Fit.REACH: 0, Fit.MATCH: 1, Fit.LIKELY: 2}


@given(rates, st.none() | sats, st.none() | sats)
def test_label_rule(rate: Decimal, average: int | None, student: int | None) -> None:
    label = fit_label(rate, average, student)
    assert label is not None
    if rate < Decimal("0.20"):
        assert label is Fit.REACH
    if average is not None and student is not None and student < average - 100:
        assert label is Fit.REACH


@given(rates, sats, sats, sats)
def test_a_higher_score_never_gives_a_harder_label(
    rate: Decimal, average: int, s1: int, s2: int
) -> None:
    low, high = sorted((s1, s2))
    a, b = fit_label(rate, average, low), fit_label(rate, average, high)
    assert a is not None
    assert b is not None
    assert ORDER[a] <= ORDER[b]


def test_selectivity_beside_the_student(catalog: CollegeCatalog) -> None:
    harvard = selectivity(catalog, 166027, student_sat=1450)
    assert harvard.admission_rate.value == Decimal("0.0501")
    assert harvard.fit is Fit.REACH
    assert harvard.admission_rate.release.period == "2020-21"
    assert fit_label(None, 1200, 1300) is None


def test_application_checks_name_the_field() -> None:
    with pytest.raises(ValidationError) as e:
        CollegeApplication(
            "157085",
            "University of Kentucky",
            ApplicationStatus.ADMITTED,
            submitted_on=date(2027, 11, 1),
            decision_on=date(2027, 10, 1),
        )
    assert e.value.paths == ("decision_on",)
    with pytest.raises(ValidationError) as e:
        CollegeApplication("UK", " ", ApplicationStatus.RESEARCHING)
    assert set(e.value.paths) == {"unitid", "name"}
    with pytest.raises(ValidationError) as e:
        CollegeApplication(
            "157085", "UK", ApplicationStatus.APPLYING, submitted_on=date(2027, 11, 1)
        )
    assert e.value.paths == ("submitted_on",)


def test_application_overdue_and_milestone_done() -> None:
    app = CollegeApplication("157085", "UK", ApplicationStatus.APPLYING, deadline=date(2027, 12, 1))
    assert app.is_overdue(date(2027, 12, 2))
    assert not app.is_overdue(date(2027, 12, 1))
    fafsa = Milestone("M-1", MilestoneKind.FAFSA, completed_on=date(2027, 10, 5))
    assert fafsa.done
    assert not Milestone("M-2", MilestoneKind.OPT_OUT).done


def test_career_facts_from_the_occupation_catalog() -> None:
    from ilpcore.colleges.occupations import career_facts
    from ilpcore.matching import load_catalog

    occupations = load_catalog()
    facts = career_facts(occupations, "29-1141.00", "KY")
    assert facts.entry_education == "Bachelor's degree"
    assert facts.wage is not None
    assert facts.wage.release.period == "May 2025"
    national = career_facts(occupations, "29-1141.00")
    assert national.wage is not None
    assert national.wage.release.name == "BLS OEWS US"
