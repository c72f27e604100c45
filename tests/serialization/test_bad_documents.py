"""Bad documents raise ValidationError listing every problem with its path; nothing else escapes."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import IlpcoreError, SchemaError, UnsupportedVersionError, ValidationError
from ilpcore.model import CourseRecord, CourseStatus, Plan, Term
from ilpcore.serialization import dumps, loads, register_upgrade, to_document
from ilpcore.testing.strategies import plans


def _plan_document(plan: Plan) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(dumps(plan))
    return document


def _sample_plan_with_courses() -> dict[str, Any]:
    from ilpcore.model import PersonName, SchoolRef, Student

    student = Student("S1", PersonName("Maya", "Okafor"), 10, 2028, SchoolRef("HS1", "Central"))
    courses = tuple(
        CourseRecord(f"C{i}", f"Course {i}", "mathematics", Term(2024), 9, Decimal(1))
        for i in range(5)
    )
    return _plan_document(Plan(student, courses=courses))


def test_every_problem_is_listed_with_its_path() -> None:
    doc = _sample_plan_with_courses()
    doc["courses"][3]["credits"] = "-0.5"
    doc["courses"][1]["grade_level"] = 15
    doc["courses"][4]["status"] = "passed"
    doc["student"]["cohort"] = "2028"
    doc["nickname"] = "May"
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc))
    assert set(info.value.paths) == {
        "courses[3].credits",
        "courses[1].grade_level",
        "courses[4].status",
        "student.cohort",
        "nickname",
    }
    assert "courses[3].credits: must not be negative, got -0.5" in str(info.value)
    assert "'passed' is not one of" in str(info.value)


def test_missing_required_field_is_named() -> None:
    doc = _sample_plan_with_courses()
    del doc["courses"][2]["title"]
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc))
    assert info.value.problems[0].path == "courses[2].title"
    assert info.value.problems[0].message == "required field is missing"


def test_cross_field_problems_are_reported_at_their_path() -> None:
    doc = _sample_plan_with_courses()
    doc["courses"][0]["status"] = "planned"
    doc["courses"][0]["mark"] = "A"
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc))
    assert info.value.paths == ("courses[0].mark",)


def test_nan_and_infinite_credits_are_refused() -> None:
    doc = _sample_plan_with_courses()
    for bad in ("NaN", "Infinity", "-inf", "sNaN"):
        doc["courses"][0]["credits"] = bad
        with pytest.raises(ValidationError, match=r"courses\[0\]\.credits"):
            loads(json.dumps(doc))


def test_strings_are_not_coerced() -> None:
    doc = _sample_plan_with_courses()
    doc["courses"][0]["title"] = 12
    doc["courses"][1]["subject"] = ["m", "a"]
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc))
    assert info.value.paths == ("courses[0].title", "courses[1].subject")


def test_a_string_is_not_a_list() -> None:
    doc = _sample_plan_with_courses()
    doc["profile"]["strengths"] = "patience"
    with pytest.raises(ValidationError, match=r"profile\.strengths: expected an array"):
        loads(json.dumps(doc))


def test_schema_and_version_are_checked() -> None:
    doc = _sample_plan_with_courses()
    with pytest.raises(SchemaError, match="unknown schema"):
        loads(json.dumps({**doc, "schema": "ilpcore.nope"}))
    with pytest.raises(SchemaError, match=r"expected a 'ilpcore\.course_record' document"):
        loads(json.dumps(doc), CourseRecord)
    with pytest.raises(UnsupportedVersionError, match="newer than this ilpcore"):
        loads(json.dumps({**doc, "version": 99}))
    with pytest.raises(SchemaError) as info:
        loads(json.dumps({k: v for k, v in doc.items() if k not in ("schema", "version")}))
    assert set(info.value.paths) == {"schema", "version"}


def test_not_json_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="not valid JSON"):
        loads("{'schema': 'ilpcore.plan'")
    with pytest.raises(ValidationError, match="expected a JSON object"):
        loads("[1, 2]")


def test_duplicate_ids_are_named() -> None:
    from ilpcore.model import Goal, GoalCategory

    doc = _sample_plan_with_courses()
    goal = to_document(Goal("G1", "Become a nurse", GoalCategory.CAREER))
    del goal["schema"], goal["version"]
    doc["goals"] = [goal, goal]
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc))
    assert info.value.paths == ("goals[1].id",)


def test_dangling_reference_is_named() -> None:
    doc = _sample_plan_with_courses()
    doc["reflections"] = [
        {"id": "RF1", "written_on": "2025-05-01", "text": "I liked it", "about": [
            {"kind": "activity", "id": "A404"}
        ]}
    ]  # fmt: skip
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc))
    assert info.value.paths == ("reflections[0].about[0].id",)


def test_upgrade_steps_run_before_structuring() -> None:
    from ilpcore.serialization.documents import _by_schema, register_document

    @attrs.frozen
    class Note:
        text: str
        author: str

    register_document(Note, "ilpcore_test.note", 1)
    register_document(Note, "ilpcore_test.note", 3)
    register_upgrade("ilpcore_test.note", 1, lambda d: {**d, "author": "unknown"})
    register_upgrade("ilpcore_test.note", 2, lambda d: {"text": d["body"], "author": d["author"]})
    try:
        # version 1 had "body" only; 2 added "author"; 3 renamed "body" to "text"
        old = json.dumps({"schema": "ilpcore_test.note", "version": 1, "body": "hi"})
        assert loads(old) == Note("hi", "unknown")
        with pytest.raises(
            UnsupportedVersionError, match=r"upgrading ilpcore_test\.note from version 2 failed"
        ):
            loads(json.dumps({"schema": "ilpcore_test.note", "version": 2, "author": "x"}))
        register_document(Note, "ilpcore_test.note", 4)
        with pytest.raises(
            UnsupportedVersionError, match=r"no upgrade from ilpcore_test\.note version 3 to 4"
        ):
            loads(
                json.dumps(
                    {"schema": "ilpcore_test.note", "version": 3, "text": "a", "author": "b"}
                )
            )
    finally:
        _by_schema.pop("ilpcore_test.note")


def _mutations() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=False),
        st.text(max_size=10),
        st.sampled_from(["NaN", "1e999", "2024-02-30", "-1", "", "  ", "0.5", "completed"]),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    )


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


@settings(max_examples=150)
@given(plans(max_items=2), st.data())
def test_fuzzed_documents_raise_only_ilpcore_errors(plan: Plan, data: st.DataObject) -> None:
    doc = _plan_document(plan)
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from(_paths(doc)[1:]))
        target = doc
        for key in path[:-1]:
            target = target[key]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete" and isinstance(target, dict):
            target.pop(path[-1], None)
        elif action == "add" and isinstance(target, dict):
            target[data.draw(st.text(max_size=6))] = data.draw(_mutations())
        else:
            target[path[-1]] = data.draw(_mutations())
    text = json.dumps(doc)
    try:
        loads(text)
    except IlpcoreError as e:
        message = str(e)
    else:
        message = "ok"
    assert message  # every error explains itself


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_arbitrary_text_raises_only_ilpcore_errors(text: str) -> None:
    with contextlib.suppress(IlpcoreError):
        loads(text)


def test_term_order_follows_the_school_year() -> None:
    from ilpcore.model import Session

    terms = [Term(2025, Session.SPRING_SEMESTER), Term(2024), Term(2025, Session.FALL_SEMESTER)]
    assert sorted(terms) == [
        Term(2024),
        Term(2025, Session.FALL_SEMESTER),
        Term(2025, Session.SPRING_SEMESTER),
    ]
    assert CourseStatus("completed") is CourseStatus.COMPLETED
