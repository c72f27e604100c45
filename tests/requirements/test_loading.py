"""Rule files: loading, errors with paths, the published JSON Schema."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ilpcore.exceptions import IlpcoreError, RuleSetError
from ilpcore.requirements import (
    CreditsRequirement,
    CreditUnit,
    MarkScale,
    RuleSet,
    ScaleKind,
    load_rule_set,
    parse_rule_set,
)
from ilpcore.requirements.schema import published_schema, rule_set_schema

MINIMAL: dict[str, Any] = {
    "format": 1,
    "id": "US-XX-test",
    "jurisdiction": "US-XX",
    "diploma": "Test diploma",
    "credit_unit": "year_unit",
    "total_credits": 4,
    "cohorts": [{"kind": "graduation_class", "first": 2026}],
    "references": [{"title": "Rule", "url": "https://example.org/rule", "checked": "2026-11-01"}],
    "requirements": [
        {
            "kind": "credits",
            "id": "math",
            "title": "Math",
            "min_credits": "2.5",
            "match": {"subjects": ["mathematics"]},
        },
        {"kind": "course", "id": "alg", "title": "Algebra I", "titles": ["Algebra I"]},
    ],
}


def shipped_documents() -> list[tuple[str, dict[str, Any]]]:
    folder = resources.files("ilpcore.requirements").joinpath("rulesets")
    return [
        (e.name, tomllib.loads(e.read_text(encoding="utf-8")))
        for e in sorted(folder.iterdir(), key=lambda e: e.name)
        if e.name.endswith(".toml")
    ]


def test_parse_minimal_rule_set() -> None:
    rs = parse_rule_set(MINIMAL)
    assert rs.credit_unit is CreditUnit.YEAR_UNIT
    math = rs.requirements[0]
    assert isinstance(math, CreditsRequirement)
    assert math.min_credits == Decimal("2.5")
    assert rs.cohorts[0].contains(2030)
    assert not rs.cohorts[0].contains(2025)


def test_every_problem_is_reported_with_its_path() -> None:
    doc = json.loads(json.dumps(MINIMAL))
    doc["requirements"][0]["min_credits"] = -1
    doc["requirements"][1]["kind"] = "course"
    doc["requirements"][1]["titles"] = "Algebra I"
    doc["cohorts"][0]["kind"] = "decade"
    doc["references"][0]["checked"] = "yesterday"
    doc["color"] = "blue"
    with pytest.raises(RuleSetError) as err:
        parse_rule_set(doc)
    assert set(err.value.paths) == {
        "requirements[0].min_credits",
        "requirements[1].titles",
        "cohorts[0].kind",
        "references[0].checked",
        "color",
    }
    assert isinstance(err.value, IlpcoreError)


def test_cross_field_problems_have_paths() -> None:
    doc = json.loads(json.dumps(MINIMAL))
    doc["requirements"][1]["id"] = "math"
    doc["requirements"][1]["min_mark"] = "Q"
    doc["share"] = [["math", "nope"]]
    with pytest.raises(RuleSetError) as err:
        parse_rule_set(doc)
    assert "requirements[1].id" in err.value.paths
    assert "share[0][1]" in err.value.paths


def test_min_mark_must_be_on_the_scale() -> None:
    doc = json.loads(json.dumps(MINIMAL))
    doc["requirements"][1]["min_mark"] = "Q"
    with pytest.raises(RuleSetError) as err:
        parse_rule_set(doc)
    assert err.value.paths == ("requirements[1].min_mark",)


def test_unknown_kind_and_format() -> None:
    doc = json.loads(json.dumps(MINIMAL))
    doc["requirements"][0]["kind"] = "vibes"
    with pytest.raises(RuleSetError) as err:
        parse_rule_set(doc)
    assert err.value.paths == ("requirements[0].kind",)
    with pytest.raises(RuleSetError, match="format"):
        parse_rule_set({**MINIMAL, "format": 2})


def test_load_toml_and_json_files(tmp_path: Path) -> None:
    j = tmp_path / "r.json"
    j.write_text(json.dumps(MINIMAL))
    assert load_rule_set(j).id == "US-XX-test"
    t = tmp_path / "r.toml"
    t.write_text('id = "x"\n[[cohorts]\n')
    with pytest.raises(RuleSetError, match=r"r\.toml"):
        load_rule_set(t)


def test_mark_scales() -> None:
    letters = MarkScale()
    assert letters.meets("C", "C")
    assert not letters.meets("C-", "C")
    assert letters.meets(None, "A")  # not graded yet
    assert not letters.meets("Z", None)
    numeric = MarkScale(ScaleKind.NUMERIC, passing="60")
    assert numeric.meets("60", None)
    assert not numeric.meets("59.5", None)
    pf = MarkScale(ScaleKind.PASS_FAIL, passing="P")
    assert pf.meets("P", None)
    assert not pf.meets("F", None)
    with pytest.raises(IlpcoreError):
        MarkScale(passing="E")


def test_published_schema_is_generated_from_the_types() -> None:
    assert published_schema() == rule_set_schema()


def test_schema_accepts_the_example_and_rejects_errors() -> None:
    validator = jsonschema.Draft202012Validator(published_schema())
    assert not list(validator.iter_errors(MINIMAL))
    bad = {**MINIMAL, "credit_unit": "furlongs"}
    assert list(validator.iter_errors(bad))


@pytest.mark.parametrize(("name", "doc"), shipped_documents())
def test_shipped_rule_sets_validate_against_the_schema(name: str, doc: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(published_schema())
    plain = json.loads(json.dumps(doc, default=str))
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(plain)]
    assert errors == [], name
    assert isinstance(parse_rule_set(doc, name), RuleSet)
