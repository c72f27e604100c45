"""The JSON Schema of rule files, generated from the rule types.

The published copy is ``schema/ruleset.schema.json`` in this package; a test
checks that it equals :func:`rule_set_schema` and that every built-in rule set
validates against it.  Regenerate with
``python -m ilpcore.requirements.schema > src/ilpcore/requirements/schema/ruleset.schema.json``.
"""

from __future__ import annotations

import enum
import json
import types
import typing
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from ilpcore.requirements.loading import FORMAT_VERSION, hints, is_requirement_union
from ilpcore.requirements.rules import REQUIREMENT_TYPES
from ilpcore.requirements.ruleset import RuleSet

__all__ = ["SCHEMA_ID", "published_schema", "rule_set_schema"]

SCHEMA_ID = "https://ilpcore.org/schema/ruleset-1.schema.json"

_DECIMAL = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"},
    ]
}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if is_requirement_union(tp):
        return {"$ref": "#/$defs/Requirement"}
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [_type_schema(args[0], defs), {"type": "null"}]}
    if origin is typing.Literal:
        return {"const": typing.get_args(tp)[0]}
    if origin in (tuple, frozenset):
        schema: dict[str, Any] = {
            "type": "array",
            "items": _type_schema(typing.get_args(tp)[0], defs),
        }
        if origin is frozenset:
            schema["uniqueItems"] = True
        return schema
    if attrs.has(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp is Decimal:
        return dict(_DECIMAL)
    if tp is date:
        return {"type": "string", "format": "date"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is str:
        return {"type": "string"}
    raise TypeError(f"no schema for {tp!r}")


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    props: dict[str, Any] = {}
    required: list[str] = []
    for a in attrs.fields(cls):
        props[a.name] = _type_schema(hints(cls)[a.name], defs)
        tagged = typing.get_origin(hints(cls)[a.name]) is typing.Literal
        if a.default is attrs.NOTHING or tagged:
            required.append(a.name)
    doc = (cls.__doc__ or cls.__name__).strip().splitlines()[0]
    defs[cls.__name__] = {
        "type": "object",
        "description": doc,
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }


def rule_set_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a rule file, as a dict."""
    defs: dict[str, Any] = {}
    for t in REQUIREMENT_TYPES:
        _define(t, defs)
    defs["Requirement"] = {"oneOf": [{"$ref": f"#/$defs/{t.__name__}"} for t in REQUIREMENT_TYPES]}
    _define(RuleSet, defs)
    root = dict(defs.pop("RuleSet"))
    root["properties"] = {
        "$schema": {"type": "string"},
        "format": {"const": FORMAT_VERSION},
        **root["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "ilpcore graduation rule set",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def published_schema() -> dict[str, Any]:
    """The schema shipped with the package."""
    text = resources.files("ilpcore.requirements").joinpath("schema/ruleset.schema.json")
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return loaded


if __name__ == "__main__":
    print(json.dumps(rule_set_schema(), indent=2))
