"""The generated fast paths agree with the slow, explaining ones."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.exceptions import ValidationError
from ilpcore.model import MODEL_TYPES, Plan
from ilpcore.model._checks import _inline, _inline_loops, _inline_names, field_is_checked
from ilpcore.serialization import converter as conv
from ilpcore.serialization import dumps
from ilpcore.testing.strategies import plans


@pytest.mark.parametrize("cls", MODEL_TYPES, ids=lambda c: c.__name__)
def test_every_model_field_is_checked(cls: type) -> None:
    # The fast structure path passes scalars through on the promise that the model checks them.
    unchecked = [a.name for a in attrs.fields(cls) if not field_is_checked(a)]
    assert unchecked == []


_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.text(max_size=5),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.lists(st.integers(), max_size=2).map(tuple),
    st.frozensets(st.integers(), max_size=2),
)


@given(st.data())
def test_inline_checks_never_pass_what_the_check_refuses(data: st.DataObject) -> None:
    check, template = data.draw(st.sampled_from(sorted(_inline.items(), key=lambda kv: kv[1])))
    value = data.draw(_values)
    passes_inline = eval(template.format(v="value"), {**_inline_names, "value": value})
    if passes_inline:
        assert check(value) is None, (template, value)
    else:
        assert check(value) is not None or type(value) is not tuple, (template, value)


def _passes_loop(container: str, item: str, value: object) -> bool:
    names = {**_inline_names, "value": value}
    if not eval(container.format(v="value"), names):
        return False
    return all(eval(item, {**names, "x": x}) for x in value)  # type: ignore[attr-defined]


@given(st.data())
def test_loop_checks_agree_with_their_inline_expression(data: st.DataObject) -> None:
    loops = sorted(_inline_loops.items(), key=lambda kv: kv[1])
    check, (container, item) = data.draw(st.sampled_from(loops))
    value = data.draw(
        st.one_of(
            _values,
            st.lists(_values, max_size=3).map(tuple),
            st.lists(st.text(max_size=3), max_size=3).map(tuple),
        )
    )
    inline = bool(eval(_inline[check].format(v="value"), {**_inline_names, "value": value}))
    assert _passes_loop(container, item, value) == inline, (container, item, value)


def _structure_both(document: dict[str, Any]) -> tuple[object, object]:
    body = {k: v for k, v in document.items() if k not in ("schema", "version")}
    outcomes: list[object] = []
    for c in (conv._fast, conv._detailed):
        try:
            outcomes.append(c.structure(body, Plan))
        except Exception as e:  # noqa: BLE001 - we compare outcomes, not types
            outcomes.append(type(e))
    return outcomes[0], outcomes[1]


@given(plans(max_items=2), st.data())
def test_fast_and_detailed_structure_agree(plan: Plan, data: st.DataObject) -> None:
    document = json.loads(dumps(plan), parse_float=Decimal)
    fast, detailed = _structure_both(document)
    assert fast == detailed == plan
    # Break one course or the student and both must refuse it.
    broken = json.loads(json.dumps(document, default=str), parse_float=Decimal)
    field = data.draw(st.sampled_from(["grade_level", "cohort", "id", "name"]))
    broken["student"][field] = data.draw(st.sampled_from([None, -1, "", [], {}, 99, "2024-13-01"]))
    fast, detailed = _structure_both(broken)
    if isinstance(detailed, type):
        assert detailed is ValidationError
        assert isinstance(fast, type)
    else:
        assert fast == detailed


def test_dates_in_documents_are_strict() -> None:
    assert conv.structure("2024-02-29", date) == date(2024, 2, 29)
    for bad in ("20240229", "2024-W09-4", "2024-02-30", 20240229):
        with pytest.raises(ValidationError):
            conv.structure(bad, date)
