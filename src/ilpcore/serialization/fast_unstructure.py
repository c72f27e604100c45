"""Generated unstructure functions: attrs instance -> JSON-ready dict in one expression.

Scalars pass through, enums give their value, decimals their exact string,
dates their ISO form, tuples become lists and frozensets sorted lists; other
types use the converter's hook.  This is what :func:`ilpcore.serialization.dumps`
spends its time in, so it avoids a function call per field wherever it can.
"""

from __future__ import annotations

import enum
import itertools
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import cattrs

__all__ = ["make_fast_unstructure_fn"]

_PASSTHROUGH = (str, int, bool, float)


def make_fast_unstructure_fn(converter: cattrs.Converter, cls: type) -> Callable[[Any], Any]:
    attrs.resolve_types(cls)
    namespace: dict[str, Any] = {}
    names = itertools.count()
    items = []
    for f in attrs.fields(cls):
        expression = _expression(converter, namespace, names, f.type, f"i.{f.name}")
        items.append(f"{f.name!r}: {expression}")
    source = "def fast_unstructure(i):\n    return {" + ", ".join(items) + "}"
    exec(source, namespace)  # generated from the class's own fields only
    function: Callable[[Any], Any] = namespace["fast_unstructure"]
    return function


def _expression(
    converter: cattrs.Converter,
    namespace: dict[str, Any],
    names: itertools.count[int],
    tp: Any,
    value: str,
) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp in _PASSTHROUGH:
        return value
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = args[0] if args[1] is type(None) else args[1]
        var = f"_v{next(names)}"
        inner_expression = _expression(converter, namespace, names, inner, var)
        if inner_expression == var:
            return value
        return f"(None if ({var} := {value}) is None else {inner_expression})"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return f"{value}._value_"
    if tp is Decimal:
        return f"str({value})"
    if tp in (date, datetime):
        return f"{value}.isoformat()"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        var = f"_x{next(names)}"
        item = _expression(converter, namespace, names, args[0], var)
        return f"[{item} for {var} in {value}]"
    if origin is frozenset:
        var = f"_x{next(names)}"
        item = _expression(converter, namespace, names, args[0], var)
        return f"sorted([{item} for {var} in {value}])"
    hook = f"_u{next(names)}"
    namespace[hook] = converter.get_unstructure_hook(tp)
    return f"{hook}({value})"
