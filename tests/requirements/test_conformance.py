"""Every built-in rule set passes the conformance checks plugin authors reuse."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from importlib import resources
from typing import Any, ClassVar

from ilpcore.requirements import RuleSet
from ilpcore.requirements.registry import builtin_rule_sets
from ilpcore.testing.rulesets import RuleSetConformance


def _documents() -> list[dict[str, Any]]:
    folder = resources.files("ilpcore.requirements").joinpath("rulesets")
    return [
        tomllib.loads(e.read_text(encoding="utf-8"))
        for e in folder.iterdir()
        if e.name.endswith(".toml")
    ]


class TestBuiltinRuleSets(RuleSetConformance):
    rule_sets: ClassVar[Sequence[RuleSet]] = builtin_rule_sets()
    documents = _documents()


def test_builtin_jurisdictions() -> None:
    assert {rs.jurisdiction for rs in builtin_rule_sets()} >= {
        "US-KY",
        "US-IN",
        "US-TX",
        "US-WA",
        "US-VA",
    }
