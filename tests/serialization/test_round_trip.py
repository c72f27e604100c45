"""Every model type survives dumps/loads unchanged, and documents are stable JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.model import MODEL_TYPES, Plan
from ilpcore.serialization import dumps, from_document, loads, schema_of, to_document
from ilpcore.testing.strategies import STRATEGIES, plans


@pytest.mark.parametrize("cls", MODEL_TYPES, ids=lambda c: c.__name__)
def test_every_model_type_round_trips(cls: type) -> None:
    @settings(max_examples=25)
    @given(STRATEGIES[cls])
    def round_trip(value: Any) -> None:
        text = dumps(value)
        assert loads(text) == value
        assert loads(text, cls) == value
        assert from_document(json.loads(text)) == value

    round_trip()


@settings(max_examples=30)
@given(plans())
def test_plan_document_is_plain_json_with_envelope(plan: Plan) -> None:
    document = to_document(plan)
    assert document["schema"] == "ilpcore.plan"
    assert document["version"] == schema_of(Plan)[1]
    # Plain JSON types only: dumping without a default hook must work.
    assert json.loads(json.dumps(document)) == document


@settings(max_examples=30)
@given(plans())
def test_dumps_is_deterministic(plan: Plan) -> None:
    assert dumps(plan) == dumps(loads(dumps(plan)))


def test_credits_are_exact_decimal_strings() -> None:
    from decimal import Decimal

    from ilpcore.model import CourseRecord, CourseStatus, Term

    course = CourseRecord(
        "ENG101", "English I", "english", Term(2024), 9, Decimal("0.25"), CourseStatus.COMPLETED
    )
    document = to_document(course)
    assert document["credits"] == "0.25"
    assert loads(json.dumps({**document, "credits": 0.25})) == course
    assert loads(json.dumps({**document, "credits": "0.250"})).credits == Decimal("0.25")


@given(st.from_type(Plan))
@settings(max_examples=10)
def test_hypothesis_entry_point_registers_plan_strategy(plan: Plan) -> None:
    assert isinstance(plan, Plan)
