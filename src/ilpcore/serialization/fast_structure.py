"""Generated structure functions for the fast path.

Most documents are valid, so reading them should cost little more than
``json.loads``.  For each attrs class this module generates one function that
builds the instance straight from the dict:

* scalars (``str``, ``int``, ``bool`` and their optionals) are passed through
  untouched when the class is a model type whose every field is checked on
  construction — the model's own checks then refuse a wrong type;
* what the converter's own hooks do for strings, numbers, dates, decimals,
  enums and arrays (tuples, frozensets) is written out inline, items included,
  so a list of courses costs one comprehension, not a hook call per item;
* everything else (nested attrs classes, hooks registered by engines) calls the
  converter's hook for its type.

An inline expression accepts exactly what the hook it replaces accepts.  Any
exception sends the caller to the detailed path, which re-reads the document
field by field and reports every problem with its path, so the fast path never
has to explain anything.
"""

from __future__ import annotations

import enum
import itertools
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import cattrs

from ilpcore.serialization import hooks

__all__ = ["make_fast_structure_fn"]

_PASSTHROUGH = (str, int, bool)
_TYPE_CHECKED = {
    str: hooks.structure_str,
    int: hooks.structure_int,
    bool: hooks.structure_bool,
}
"""Types whose hook only checks the exact type, with that hook."""


class _UnreadableError(Exception):
    """Raised by generated code to leave the fast path."""


def _reject() -> Any:
    raise _UnreadableError


def _optional_of(tp: Any) -> Any | None:
    """``X`` if ``tp`` is ``X | None``, else ``None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0]
    return None


def _all_fields_checked(cls: type) -> bool:
    from ilpcore.model._checks import ModelBase, field_is_checked

    if not issubclass(cls, ModelBase):
        return False
    return all(field_is_checked(a) for a in attrs.fields(cls))  # type: ignore[arg-type]


class _Writer:
    """Writes expressions for one generated function; names what they use in ``namespace``."""

    def __init__(self, converter: cattrs.Converter) -> None:
        self.converter = converter
        self.namespace: dict[str, Any] = {
            "_reject": _reject,
            "_is_date": hooks.DATE_PATTERN.fullmatch,
            "_date": date.fromisoformat,
            "_Decimal": Decimal,
            "_tuple": tuple,
            "_frozenset": frozenset,
        }
        self._numbers = itertools.count()

    def fresh(self, prefix: str) -> str:
        return f"{prefix}{next(self._numbers)}"

    def name(self, value: object, prefix: str) -> str:
        """A name for ``value`` in the generated code."""
        name = self.fresh(prefix)
        self.namespace[name] = value
        return name

    def expression(self, tp: Any, var: str, *, trusted: bool) -> str:
        """An expression reading the plain value in variable ``var`` as a ``tp``.

        ``trusted``: the model's checks refuse a wrong scalar type, so scalars pass as they are.
        """
        inner = _optional_of(tp)
        if inner is not None:
            inner_expression = self.expression(inner, var, trusted=trusted)
            if inner_expression == var:
                return var
            return f"(None if {var} is None else {inner_expression})"
        if trusted and tp in _PASSTHROUGH:
            return var
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return f"{self.name({m.value: m for m in tp}, '_e')}[{var}]"
        hook = self.converter.get_structure_hook(tp)
        if tp in _TYPE_CHECKED and hook is _TYPE_CHECKED[tp]:
            return f"({var} if type({var}) is {self.name(tp, '_k')} else _reject())"
        if tp is date and hook is hooks.structure_date:
            return f"(_date({var}) if type({var}) is str and _is_date({var}) else _reject())"
        if tp is Decimal and hook is hooks.structure_decimal:
            d = self.fresh("_n")
            fallback = self.name(hook, "_h")
            return (
                f"({d} if type({var}) is str and ({d} := _Decimal({var})).is_finite() "
                f"else {fallback}({var}, _Decimal))"
            )
        sequence = hooks.sequence_of(hook)
        if sequence is not None:
            origin, item_type = sequence
            item = self.fresh("_x")
            # Items are never trusted: the model's checks of a tuple need not check item types.
            item_expression = self.expression(item_type, item, trusted=False)
            make = "_tuple" if origin is tuple else "_frozenset"
            return (
                f"({make}([{item_expression} for {item} in {var}]) "
                f"if type({var}) is list else _reject())"
            )
        return f"{self.name(hook, '_h')}({var}, {self.name(tp, '_t')})"


def make_fast_structure_fn(converter: cattrs.Converter, cls: type) -> Callable[[Any, type], Any]:
    """A function ``(data, cls) -> instance`` that raises on any problem without explaining it."""
    attrs.resolve_types(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    trusted = _all_fields_checked(cls)
    writer = _Writer(converter)
    writer.namespace["_cls"] = cls
    writer.namespace["_allowed"] = frozenset(f.name for f in fields)
    lines = [
        "def fast_structure(o, _):",
        "    if type(o) is not dict or not _allowed.issuperset(o): _reject()",
    ]
    arguments: list[str] = []
    keywords: list[str] = []
    for f in fields:
        var = writer.fresh("_a")
        expression = writer.expression(f.type, var, trusted=trusted)
        if f.default is attrs.NOTHING:
            lines.append(f"    {var} = o[{f.name!r}]")
            arguments.append(f"{f.name}={expression}")
        elif not isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            # An immutable default: read it with dict.get, no branch, no keyword dict.
            default = writer.name(f.default, "_d")
            lines.append(f"    {var} = o.get({f.name!r}, {default})")
            if expression != var:
                expression = f"({default} if {var} is {default} else {expression})"
            arguments.append(f"{f.name}={expression}")
        else:
            keywords += [
                f"    if {f.name!r} in o:",
                f"        {var} = o[{f.name!r}]",
                f"        kw[{f.name!r}] = {expression}",
            ]
    if keywords:
        lines.append("    kw = {}")
        lines += keywords
        arguments.append("**kw")
    lines.append(f"    return _cls({', '.join(arguments)})")
    namespace = writer.namespace
    exec("\n".join(lines), namespace)  # generated from the class's own fields only
    function: Callable[[Any, type], Any] = namespace["fast_structure"]
    return function
