"""Strict structure/unstructure hooks for the scalar types the model uses.

JSON has no dates or decimals: dates are ISO 8601 strings, decimals are
strings (``"0.5"``) so that credits survive exactly; JSON numbers are also
accepted for decimals.  Strings are never coerced from numbers, nor numbers
from strings: a document says what it means.
"""

from __future__ import annotations

import enum
import re
import weakref
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs

from ilpcore.exceptions import ValidationError
from ilpcore.serialization.errors import problems_of

__all__ = [
    "DATE_PATTERN",
    "install_scalar_hooks",
    "sequence_of",
    "structure_bool",
    "structure_date",
    "structure_decimal",
    "structure_int",
    "structure_str",
]

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
"""What a date must look like before :meth:`date.fromisoformat` reads it (which accepts more)."""
_sequence_hooks: weakref.WeakKeyDictionary[Callable[..., Any], tuple[type, Any]] = (
    weakref.WeakKeyDictionary()
)


def _fail(message: str) -> ValidationError:
    return ValidationError.at("", message)


def _kind(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _fail(f"expected a string, got {_kind(value)}")
    return value


def structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _fail(f"expected a whole number, got {_kind(value)}")
    return value


def structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _fail(f"expected true or false, got {_kind(value)}")
    return value


def structure_float(value: object, _: type) -> float:
    if type(value) not in (int, float, Decimal):
        raise _fail(f"expected a number, got {_kind(value)}")
    return float(value)  # type: ignore[arg-type]


def structure_decimal(value: object, _: type) -> Decimal:
    kind = type(value)
    if kind is str:
        try:
            result = Decimal(value)  # type: ignore[arg-type]
        except InvalidOperation:
            raise _fail(f"{value!r} is not a decimal number") from None
    elif kind is Decimal:
        result = value  # type: ignore[assignment]
    elif kind is int:
        result = Decimal(value)  # type: ignore[arg-type]
    elif kind is float:
        result = Decimal(repr(value))
    else:
        raise _fail(f"expected a decimal number, got {_kind(value)}")
    if not result.is_finite():
        raise _fail(f"expected a finite number, got {value!r}")
    return result


def unstructure_decimal(value: Decimal) -> str:
    return str(value)


def structure_date(value: object, _: type) -> date:
    if type(value) is not str or not DATE_PATTERN.fullmatch(value):
        raise _fail(f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise _fail(f"{value!r} is not a valid date ({e})") from None


def structure_datetime(value: object, _: type) -> datetime:
    if type(value) is not str:
        raise _fail(f"expected a date-time string, got {_kind(value)}")
    try:
        result = datetime.fromisoformat(value)
    except ValueError:
        raise _fail(f"{value!r} is not an ISO 8601 date-time") from None
    if result.tzinfo is None:
        raise _fail(f"{value!r} has no time zone offset")
    return result


def _structure_enum_factory(cls: type[enum.Enum]) -> Any:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure_enum(value: object, _: type) -> enum.Enum:
        try:
            return by_value[value]
        except (KeyError, TypeError):
            raise _fail(f"{value!r} is not one of {allowed}") from None

    return structure_enum


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _is_tuple_or_set(cls: Any) -> bool:
    origin = getattr(cls, "__origin__", None)
    return origin in (tuple, frozenset)


def install_scalar_hooks(converter: cattrs.Converter) -> None:
    """Register the strict scalar hooks on ``converter``."""
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(int, structure_int)
    converter.register_structure_hook(bool, structure_bool)
    converter.register_structure_hook(float, structure_float)
    converter.register_structure_hook(Decimal, structure_decimal)
    converter.register_unstructure_hook(Decimal, unstructure_decimal)
    converter.register_structure_hook(date, structure_date)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(datetime, structure_datetime)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook_factory(_is_enum, _structure_enum_factory)
    converter.register_structure_hook_factory(
        _is_tuple_or_set, lambda cls: _sequence_hook(converter, cls)
    )
    converter.register_unstructure_hook_factory(
        lambda cls: getattr(cls, "__origin__", None) is frozenset,
        lambda cls: _unstructure_set(converter, cls),
    )


def _sequence_hook(converter: cattrs.Converter, cls: Any) -> Any:
    """Tuples and frozensets come from JSON arrays only (a string is not a list of letters)."""
    args = cls.__args__
    item_type = args[0]
    origin = cls.__origin__
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        raise TypeError(f"only homogeneous tuples are supported, not {cls}")
    handler = converter.get_structure_hook(item_type)
    detailed = converter.detailed_validation

    def structure_sequence(value: object, _: type) -> Any:
        if type(value) is not list:
            raise _fail(f"expected an array, got {_kind(value)}")
        if not detailed:
            return origin([handler(v, item_type) for v in value])
        items = []
        problems = []
        for i, v in enumerate(value):
            try:
                items.append(handler(v, item_type))
            except Exception as e:  # noqa: BLE001 - every failure becomes a problem with its index
                problems += problems_of(e, f"[{i}]")
        if problems:
            raise ValidationError(problems)
        return origin(items)

    _sequence_hooks[structure_sequence] = (origin, item_type)
    return structure_sequence


def sequence_of(hook: Callable[..., Any]) -> tuple[type, Any] | None:
    """``(tuple or frozenset, item type)`` if ``hook`` is this module's array hook, else ``None``.

    The fast structure path inlines exactly what that hook does.
    """
    return _sequence_hooks.get(hook)


def _unstructure_set(converter: cattrs.Converter, cls: Any) -> Any:
    item_unstructure = converter.get_unstructure_hook(cls.__args__[0])

    def unstructure_set(value: frozenset[Any]) -> list[Any]:
        return sorted(item_unstructure(v) for v in value)

    return unstructure_set
