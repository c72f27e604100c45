"""The one configured cattrs converter of ilpcore.

Two converters share one configuration: a fast one (no per-field error
bookkeeping) used first, and a detailed one used only when the fast one
fails, to report *every* problem with its path.  Engines that add types
register their hooks through :func:`register_structure_hook` and
:func:`register_unstructure_hook`, which configure both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs

from ilpcore.exceptions import Problem, ValidationError
from ilpcore.serialization.errors import problems_of
from ilpcore.serialization.fast_structure import make_fast_structure_fn
from ilpcore.serialization.fast_unstructure import make_fast_unstructure_fn
from ilpcore.serialization.hooks import install_scalar_hooks

__all__ = [
    "register_structure_hook",
    "register_unstructure_hook",
    "structure",
    "unstructure",
]

T = TypeVar("T")


def _describe_input(value: object) -> str:
    return {list: "an array", str: "a string", type(None): "null", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )


def _make_converter(detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    install_scalar_hooks(converter)

    def attrs_structure_factory(cls: type) -> Callable[[Any, type], Any]:
        if detailed:
            return _detailed_structure_fn(converter, cls)
        return make_fast_structure_fn(converter, cls)

    def attrs_unstructure_factory(cls: type) -> Callable[[Any], Any]:
        return make_fast_unstructure_fn(converter, cls)

    converter.register_structure_hook_factory(attrs.has, attrs_structure_factory)
    converter.register_unstructure_hook_factory(attrs.has, attrs_unstructure_factory)
    return converter


def _detailed_structure_fn(converter: cattrs.Converter, cls: type) -> Callable[[Any, type], Any]:
    """Structure field by field, collecting every problem: unknown, missing and bad fields,
    then the model's own checks on the fields that could be read."""
    attrs.resolve_types(cls)
    fields = [(f.name, f.type, f.default is attrs.NOTHING) for f in attrs.fields(cls) if f.init]
    order = {name: i for i, (name, _, _) in enumerate(fields)}
    field_problems = getattr(cls, "field_problems", None)

    def structure_object(value: Any, _: type) -> Any:
        if type(value) is not dict:
            raise ValidationError.at("", f"expected an object, got {_describe_input(value)}")
        problems = [Problem(key, "unknown field") for key in value if key not in order]
        kwargs: dict[str, Any] = {}
        for name, field_type, required in fields:
            if name not in value:
                if required:
                    problems.append(Problem(name, "required field is missing"))
                continue
            try:
                kwargs[name] = converter.structure(value[name], field_type)
            except Exception as e:  # noqa: BLE001 - every failure becomes a problem at its path
                problems += problems_of(e, name)
        if problems:
            if field_problems is not None:
                problems += field_problems(kwargs)
            problems.sort(key=lambda p: order.get(_head(p.path), len(order)))
            raise ValidationError(problems)
        return cls(**kwargs)

    return structure_object


def _head(path: str) -> str:
    end = len(path)
    for sep in ".[":
        i = path.find(sep)
        if i != -1:
            end = min(end, i)
    return path[:end]


_fast = _make_converter(detailed=False)
_detailed = _make_converter(detailed=True)


def unstructure(value: Any) -> Any:
    """``value`` as plain JSON-ready data (dicts, lists, strings, numbers, booleans)."""
    return _fast.unstructure(value)


def structure(data: Any, cls: type[T]) -> T:
    """Build a ``cls`` from plain data, or raise :class:`ValidationError` listing every problem."""
    try:
        return _fast.structure(data, cls)
    except Exception:  # noqa: BLE001 - any failure is re-run in detail below
        pass
    try:
        result = _detailed.structure(data, cls)
    except Exception as e:  # noqa: BLE001 - reported as problems, never lost
        problems = problems_of(e)
        raise ValidationError(problems or [Problem("", str(e))]) from None
    return result  # pragma: no cover - the fast path failed where the detailed one did not


def register_structure_hook(cls: Any, hook: Callable[[Any, type], Any]) -> None:
    """Register how to build ``cls`` from plain data (on every converter of ilpcore)."""
    for c in (_fast, _detailed):
        c.register_structure_hook(cls, hook)


def register_unstructure_hook(cls: Any, hook: Callable[[Any], Any]) -> None:
    """Register how to turn ``cls`` into plain data (on every converter of ilpcore)."""
    for c in (_fast, _detailed):
        c.register_unstructure_hook(cls, hook)
