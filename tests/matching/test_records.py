"""A catalog built from plain records (as a plugin would) and the checks on its records."""

from __future__ import annotations

import pytest

from ilpcore.exceptions import NotFoundError, ValidationError
from ilpcore.matching import (
    EducationTraining,
    Occupation,
    OccupationCatalog,
    Rating,
    Ratings,
    RelatedOccupation,
    Task,
    TaskType,
)


def _catalog() -> OccupationCatalog:
    nurse = Occupation(
        code="29-1141.00",
        title="Registered Nurses",
        tasks=(Task(task_id=1, statement="Care for patients.", type=TaskType.CORE),),
        interests=(2.0, 4.0, 1.0, 7.0, 3.0, 4.0),
        high_points=("S", "I", "C"),
        job_zone=3,
        skills=(Rating(element_id="2.A.1.a", name="Reading", importance=4.0, level=4.5),),
        education=EducationTraining(required_level=(0.0,) * 4 + (60.0, 40.0) + (0.0,) * 6),
        related=(RelatedOccupation(code="11-9111.00", tier="Primary-Short", index=1),),
    )
    manager = Occupation(code="11-9111.00", title="Medical and Health Services Managers")
    return OccupationCatalog(release="Plugin catalog 1.0", occupations=(nurse, manager))


def test_catalog_from_records_is_ordered_and_indexed() -> None:
    catalog = _catalog()
    assert catalog.codes == ("11-9111.00", "29-1141.00")
    assert catalog["29-1141.00"].interest_code == "SIC"
    assert "11-9111.00" in catalog
    assert "00-0000.00" not in catalog
    assert catalog.get("00-0000.00") is None
    assert catalog["29-1141.00"].education.typical_level_name == "Associate's degree"  # type: ignore[union-attr]
    with pytest.raises(NotFoundError, match=r"Plugin catalog 1\.0"):
        catalog["00-0000.00"]


def test_catalog_rejects_duplicates_and_dangling_related() -> None:
    a = Occupation(code="11-1011.00", title="A")
    b = Occupation(
        code="11-1021.00",
        title="B",
        related=(RelatedOccupation(code="99-0000.00", tier="Primary-Short", index=1),),
    )
    with pytest.raises(ValidationError) as info:
        OccupationCatalog(release="x", occupations=(a, a, b))
    assert set(info.value.paths) == {"occupations[1].code", "occupations[2].related[0].code"}


def test_occupation_reports_every_problem() -> None:
    with pytest.raises(ValidationError) as info:
        Occupation(
            code="11-1011",
            title=" ",
            interests=(1.0, 2.0, 3.0, 4.0, 5.0),
            high_points=("E", "X"),
            job_zone=6,
            work_values=(1.0, 2.0, 3.0, 4.0, 5.0, 8.0),
            work_value_high_points=("Money",),
        )
    assert set(info.value.paths) == {
        "code",
        "title",
        "interests",
        "high_points[1]",
        "job_zone",
        "work_values[5]",
        "work_value_high_points[0]",
    }


def test_rating_ranges() -> None:
    with pytest.raises(ValidationError) as info:
        Rating(element_id="2.A.1.a", name="Reading", importance=0.5, level=7.5)
    assert set(info.value.paths) == {"importance", "level"}


def test_related_must_be_ordered() -> None:
    with pytest.raises(ValidationError, match="ordered by index"):
        Occupation(
            code="11-1011.00",
            title="A",
            related=(
                RelatedOccupation(code="11-1021.00", tier="Primary-Short", index=2),
                RelatedOccupation(code="11-1031.00", tier="Primary-Short", index=1),
            ),
        )


def test_ratings_from_records_round_trip() -> None:
    records = (
        Rating(element_id="2.C.4.a", name="Mathematics", importance=3.0, level=None),
        Rating(element_id="2.C.3.a", name="Computers and Electronics", importance=4.5, level=5),
    )
    occupation = Occupation(code="15-1252.00", title="Software Developers", knowledge=records)
    assert tuple(occupation.knowledge) == records
    assert occupation.knowledge[1] == records[1]
    assert occupation.top_knowledge(1) == (records[1],)
    assert occupation.knowledge_of("2.C.4.a") == records[0]
    assert occupation.knowledge_of("2.C.1.a") is None
    assert Ratings.of(records) == occupation.knowledge
    with pytest.raises(ValidationError) as info:
        Ratings(element_ids=("a", "a"), names=("x",), importance=(1.0,), level=(None,))
    assert info.value.paths == ("element_ids",)
    with pytest.raises(ValidationError) as info:
        Ratings(element_ids=("a", "b"), names=("x",), importance=(1.0,), level=(None,))
    assert set(info.value.paths) == {"names", "importance", "level"}


def test_plain_catalog_has_no_joins_and_pickles() -> None:
    import pickle

    catalog = _catalog()
    assert catalog.wages_of("29-1141.00") is None
    assert catalog.outlook_of("29-1141.00") is None
    assert catalog.clusters_of("29-1141.00") == ()
    again = pickle.loads(pickle.dumps(catalog))
    assert again == catalog
    assert again["29-1141.00"] == catalog["29-1141.00"]
    assert repr(again) == "<OccupationCatalog Plugin catalog 1.0: 2 occupations>"


def test_joined_cluster_codes_must_be_in_the_catalog() -> None:
    from ilpcore.matching import ClusterAssignment
    from ilpcore.matching.catalog import ClusterTable

    table = ClusterTable(
        source="clusters.csv",
        by_code={"99-9999.00": (ClusterAssignment("Health Science", "Therapeutic Services"),)},
    )
    with pytest.raises(ValidationError) as info:
        _catalog().with_joins(clusters=table)
    assert info.value.paths == ("clusters",)
