"""Generated structure functions for the fast path.

Most documents are valid, so reading them should cost little more than
``json.loads``.  For each attrs class this module generates one function that
builds the instance straight from the dict:

* scalars (``str``, ``int``, ``bool`` and their optionals) are passed through
  untouched when the class is a model type whose every field is checked on
  construction — the model's own checks then refuse a wrong type;
* enums are looked up by value in a dict;
* everything else calls the converter's hook for its type.

Any exception sends the caller to the detailed path, which re-reads the
document field by field and reports every problem with its path, so the fast
path never has to explain anything.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

__all__ = ["make_fast_structure_fn"]

_PASSTHROUGH = (str, int, bool)


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


def make_fast_structure_fn(converter: cattrs.Converter, cls: type) -> Callable[[Any, type], Any]:
    """A function ``(data, cls) -> instance`` that raises on any problem without explaining it."""
    attrs.resolve_types(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    trusted = _all_fields_checked(cls)
    namespace: dict[str, Any] = {
        "_cls": cls,
        "_reject": _reject,
        "_allowed": frozenset(f.name for f in fields),
    }
    arguments: list[str] = []
    optional_lines: list[str] = []
    for f in fields:
        inner = _optional_of(f.type)
        if f.default is attrs.NOTHING:
            value = f"o[{f.name!r}]"
            expression = _expression(converter, namespace, f.name, f.type, inner, trusted, value)
            arguments.append(f"{f.name}={expression}")
        elif not isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            # An immutable default: read it with dict.get, no branch, no keyword dict.
            namespace[f"_d_{f.name}"] = f.default
            value = f"o.get({f.name!r}, _d_{f.name})"
            expression = _expression(converter, namespace, f.name, f.type, inner, trusted, "v")
            if expression == "v":
                arguments.append(f"{f.name}={value}")
            else:
                arguments.append(
                    f"{f.name}=(_d_{f.name} if (v := {value}) is _d_{f.name} else {expression})"
                )
        else:
            expression = _expression(converter, namespace, f.name, f.type, inner, trusted, "v")
            optional_lines += [
                f"    if {f.name!r} in o:",
                f"        v = o[{f.name!r}]",
                f"        kw[{f.name!r}] = {expression}",
            ]
    lines = [
        "def fast_structure(o, _):",
        "    if type(o) is not dict or not _allowed.issuperset(o): _reject()",
    ]
    if optional_lines:
        lines.append("    kw = {}")
        lines += optional_lines
        arguments.append("**kw")
    lines.append(f"    return _cls({', '.join(arguments)})")
    exec("\n".join(lines), namespace)  # generated from the class's own fields only
    function: Callable[[Any, type], Any] = namespace["fast_structure"]
    return function


def _expression(
    converter: cattrs.Converter,
    namespace: dict[str, Any],
    name: str,
    tp: Any,
    inner: Any,
    trusted: bool,
    var: str,
) -> str:
    if trusted and (tp in _PASSTHROUGH or inner in _PASSTHROUGH):
        return var
    if inner is not None:
        inner_expression = _expression(converter, namespace, name, inner, None, trusted, var)
        return f"None if {var} is None else ({inner_expression})"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        namespace[f"_e_{name}"] = {m.value: m for m in tp}
        return f"_e_{name}[{var}]"
    namespace[f"_h_{name}"] = converter.get_structure_hook(tp)
    namespace[f"_t_{name}"] = tp
    return f"_h_{name}({var}, _t_{name})"
