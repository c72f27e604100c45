"""Load rule sets from TOML or JSON, reporting every problem with its path in the file.

The file's keys are the field names of :class:`~ilpcore.requirements.RuleSet`
and the requirement types; requirements are tagged by ``kind``.  Credits may
be written as numbers or strings (``0.5`` or ``"0.5"``); they become exact
``Decimal`` values.
"""

from __future__ import annotations

import enum
import json
import tomllib
import types
import typing
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, Final

import attrs

from ilpcore.exceptions import Problem, RuleSetError, ValidationError, join_path
from ilpcore.requirements.rules import REQUIREMENT_TYPES
from ilpcore.requirements.ruleset import RuleSet

__all__ = ["FORMAT_VERSION", "load_rule_set", "parse_rule_set", "structure"]

FORMAT_VERSION: Final = 1
"""The ``format`` a rule file declares (optional; files without it are read as this version)."""

_BAD: Final = object()
_KINDS: Final = {t.__attrs_attrs__.kind.default: t for t in REQUIREMENT_TYPES}  # type: ignore[attr-defined]


@cache
def hints(cls: type) -> dict[str, Any]:
    """The resolved field types of an attrs class."""
    return typing.get_type_hints(cls)


def is_requirement_union(tp: Any) -> bool:
    args = typing.get_args(tp)
    return bool(args) and set(args) == set(REQUIREMENT_TYPES)


def structure(tp: Any, value: Any, path: str, problems: list[Problem]) -> Any:
    """Build a value of type ``tp`` from plain data; problems are appended, ``_BAD`` returned."""
    origin = typing.get_origin(tp)
    if is_requirement_union(tp):
        if not isinstance(value, dict):
            problems.append(Problem(path, "must be a table (a requirement)"))
            return _BAD
        kind = value.get("kind")
        if kind not in _KINDS:
            problems.append(
                Problem(join_path(path, "kind"), f"must be one of {sorted(_KINDS)}, not {kind!r}")
            )
            return _BAD
        return structure(_KINDS[kind], value, path, problems)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return structure(args[0], value, path, problems)
    if origin is typing.Literal:
        if value not in typing.get_args(tp):
            problems.append(Problem(path, f"must be {typing.get_args(tp)[0]!r}"))
            return _BAD
        return value
    if origin in (tuple, frozenset):
        if not isinstance(value, list | tuple):
            problems.append(Problem(path, f"must be a list, not {type(value).__name__}"))
            return _BAD
        item = typing.get_args(tp)[0]
        items = [structure(item, v, f"{path}[{i}]", problems) for i, v in enumerate(value)]
        if any(i is _BAD for i in items):
            return _BAD
        return tuple(items) if origin is tuple else frozenset(items)
    if attrs.has(tp):
        return _structure_attrs(tp, value, path, problems)
    return _structure_scalar(tp, value, path, problems)


def _structure_attrs(cls: type, value: Any, path: str, problems: list[Problem]) -> Any:
    if not isinstance(value, dict):
        problems.append(Problem(path, f"must be a table, not {type(value).__name__}"))
        return _BAD
    fields = {a.name: a for a in attrs.fields(cls)}
    kwargs: dict[str, Any] = {}
    ok = True
    for key in value:
        if key not in fields:
            problems.append(Problem(join_path(path, key), f"unknown field {key!r}"))
            ok = False
    for name, field in fields.items():
        if name not in value:
            if field.default is attrs.NOTHING:
                problems.append(Problem(join_path(path, name), "is required"))
                ok = False
            continue
        v = structure(hints(cls)[name], value[name], join_path(path, name), problems)
        if v is _BAD:
            ok = False
        else:
            kwargs[name] = v
    if not ok:
        return _BAD
    try:
        return cls(**kwargs)
    except ValidationError as e:
        problems.extend(p.under(path) if path else p for p in e.problems)
        return _BAD


def _structure_scalar(tp: Any, value: Any, path: str, problems: list[Problem]) -> Any:
    if tp is Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            problems.append(Problem(path, f"must be a number, not {type(value).__name__}"))
            return _BAD
        try:
            d = Decimal(str(value))
        except InvalidOperation:
            d = Decimal("NaN")
        if not d.is_finite():
            problems.append(Problem(path, f"{value!r} is not a finite number"))
            return _BAD
        return d
    if tp is date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            problems.append(Problem(path, f"{value!r} is not a date (YYYY-MM-DD)"))
            return _BAD
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError:
            allowed = [m.value for m in tp]
            problems.append(Problem(path, f"must be one of {allowed}, not {value!r}"))
            return _BAD
    if tp is bool or tp is str:
        if not isinstance(value, tp):
            problems.append(Problem(path, f"must be a {tp.__name__}, not {type(value).__name__}"))
            return _BAD
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(Problem(path, f"must be a whole number, not {type(value).__name__}"))
            return _BAD
        return value
    raise TypeError(f"cannot load a {tp!r}")  # a programming error in the rule types


def parse_rule_set(document: dict[str, Any], source: str = "") -> RuleSet:
    """A :class:`RuleSet` from parsed TOML/JSON data; raises :class:`RuleSetError` with paths."""
    data = dict(document)
    data.pop("$schema", None)
    fmt = data.pop("format", FORMAT_VERSION)
    if fmt != FORMAT_VERSION:
        raise RuleSetError([Problem("format", f"unsupported rule-file format {fmt!r}")])
    problems: list[Problem] = []
    result = structure(RuleSet, data, "", problems)
    if result is _BAD:
        if source:
            problems = [Problem(p.path, f"{p.message} (in {source})") for p in problems]
        raise RuleSetError(problems)
    assert isinstance(result, RuleSet)
    return result


def load_rule_set(path: str | Path) -> RuleSet:
    """Load a rule set from a ``.toml`` or ``.json`` file."""
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    try:
        data = json.loads(text) if p.suffix == ".json" else tomllib.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise RuleSetError([Problem("", f"{p.name}: not valid {p.suffix[1:]}: {e}")]) from e
    if not isinstance(data, dict):
        raise RuleSetError([Problem("", f"{p.name}: must hold a table")])
    return parse_rule_set(data, p.name)
