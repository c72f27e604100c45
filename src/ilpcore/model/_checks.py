"""The checks that model types run when they are constructed.

A check takes a field's value and returns ``None`` when it is fine, a message
when it is not, or a list of :class:`Problem` whose paths are relative to the
field (``"[2]"`` for the third item).  :class:`ModelBase` runs every check of
every field and raises one :class:`ValidationError` listing all problems.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

import attrs

from ilpcore.exceptions import Problem, ValidationError, join_path_prefix

__all__ = [
    "GRADE_LEVEL_MAX",
    "GRADE_LEVEL_MIN",
    "Check",
    "ModelBase",
    "check",
    "field_is_checked",
]

GRADE_LEVEL_MIN: Final = 0
"""Kindergarten."""
GRADE_LEVEL_MAX: Final = 12

Outcome = str | list[Problem] | None
Check = Callable[[Any], Outcome]

_CHECKS_KEY: Final = "ilpcore.checks"
_ID_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,127}")


def field_is_checked(field: attrs.Attribute[Any]) -> bool:
    """Whether a field carries checks (every field of a model type must)."""
    return bool(field.metadata.get(_CHECKS_KEY))


def check(*checks: Check) -> Mapping[str, tuple[Check, ...]]:
    """Field metadata that attaches checks: ``attrs.field(metadata=check(non_blank))``."""
    return {_CHECKS_KEY: checks}


class ModelBase:
    """Mixin for model types: runs every field's checks, then :meth:`_check`.

    All problems of one value are reported together.
    """

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        # The first instance of each class compiles that class's checks (see "the fast path"
        # below).  Where the class does not override this method, the compiled one replaces
        # it on the class, so later instances go straight to it; a class that overrides it
        # (and calls super()) keeps its own and reaches the compiled checks through here.
        cls = type(self)
        compiled = _compiled.get(cls)
        if compiled is None:
            compiled = _compiled[cls] = _compile_post_init(cls)
            if getattr(cls, "__attrs_post_init__", None) is ModelBase.__attrs_post_init__:
                cls.__attrs_post_init__ = compiled  # type: ignore[method-assign,assignment]
        compiled(self)

    def _explain(self) -> None:
        """Raise the problems of this value, found check by check (the slow path)."""
        cls = type(self)
        problems = cls.field_problems({name: getattr(self, name) for name, _ in _plan_of(cls)})
        if not problems:
            problems.extend(self._check())
        if problems:
            raise ValidationError(problems)

    @classmethod
    def field_problems(cls, values: Mapping[str, object]) -> list[Problem]:
        """The problems of each field value given (fields not given are skipped)."""
        problems: list[Problem] = []
        for name, checks in _plan_of(cls):
            if name not in values:
                continue
            value = values[name]
            for fn in checks:
                outcome = fn(value)
                if outcome is None:
                    continue
                if isinstance(outcome, str):
                    problems.append(Problem(name, outcome))
                else:
                    problems.extend(
                        Problem(join_path_prefix(name, p.path), p.message) for p in outcome
                    )
                break
        return problems

    def _check(self) -> Iterable[Problem]:
        """Checks that span several fields; override in a model type."""
        return ()


_plans: dict[type, tuple[tuple[str, tuple[Check, ...]], ...]] = {}


def _plan_of(cls: type) -> tuple[tuple[str, tuple[Check, ...]], ...]:
    plan = _plans.get(cls)
    if plan is None:
        plan = tuple(
            (a.name, a.metadata[_CHECKS_KEY])
            for a in attrs.fields(cls)
            if _CHECKS_KEY in a.metadata
        )
        _plans[cls] = plan
    return plan


# --- the fast path ---------------------------------------------------------------------------
# Most values are valid, so each class gets a generated function that evaluates the checks as
# inline expressions and only says whether all pass; on failure the checks run again one by one
# to say what is wrong.  An inline expression must never pass a value its check would refuse.

_inline: dict[Check, str] = {}
"""Check -> an expression over ``{v}`` that is true only if the check passes."""
_inline_names: dict[str, object] = {"Decimal": Decimal, "date": date}
_inline_loops: dict[Check, tuple[str, str]] = {}
"""Check of a collection -> (an expression over ``{v}`` true only for the right collection type,
an expression over ``x`` true only for a passing item).  The compiled post-init loops over the
items itself instead of calling ``all()`` on a generator; :data:`_inline` has the same check as
one expression."""


def _inlined(check: Check, template: str, **names: object) -> Check:
    _inline[check] = template
    _inline_names.update(names)
    return check


def _global_name(value: object) -> str:
    name = f"_g{id(value)}"
    _inline_names[name] = value
    return name


_compiled: dict[type, Callable[[Any], None]] = {}


def _compile_post_init(cls: type) -> Callable[[Any], None]:
    """A post-init for ``cls``: every check as an inline expression, and on the first
    failure, :meth:`ModelBase._explain` to find and report them all."""
    lines = ["def __attrs_post_init__(self):"]
    for name, checks in _plan_of(cls):
        lines.append(f"    v = self.{name}")
        for fn in checks:
            loop = _inline_loops.get(fn)
            if loop is not None:
                container, item = loop
                lines.append(f"    if not ({container.format(v='v')}): return self._explain()")
                lines.append("    for x in v:")
                lines.append(f"        if not ({item}): return self._explain()")
                continue
            template = _inline.get(fn)
            condition = (
                f"not ({template.format(v='v')})"
                if template is not None
                else f"{_global_name(fn)}(v) is not None"
            )
            lines.append(f"    if {condition}: return self._explain()")
    if cls._check is not ModelBase._check:  # type: ignore[attr-defined]
        lines.append("    for _ in self._check(): return self._explain()")
    lines.append("    return None")
    namespace = dict(_inline_names)
    exec("\n".join(lines), namespace)  # generated from our own templates only
    compiled: Callable[[Any], None] = namespace["__attrs_post_init__"]  # type: ignore[assignment]
    return compiled


# --- scalar checks -----------------------------------------------------------------------------


def non_blank(value: object) -> Outcome:
    """A non-blank string."""
    if not isinstance(value, str):
        return f"must be a string, not {type(value).__name__}"
    if not value.strip():
        return "must not be blank"
    return None


def identifier(value: object) -> Outcome:
    """An id: letters, digits and ``. _ : -``, starting with a letter or digit, ≤ 128 chars."""
    if not isinstance(value, str) or not _ID_PATTERN.fullmatch(value):
        return (
            f"{value!r} is not a valid id (letters, digits and . _ : -, "
            "starting with a letter or digit, at most 128 characters)"
        )
    return None


def grade_level(value: object) -> Outcome:
    """A grade level from kindergarten (0) to 12."""
    if not isinstance(value, int) or isinstance(value, bool):
        return f"must be a whole number, not {type(value).__name__}"
    if not GRADE_LEVEL_MIN <= value <= GRADE_LEVEL_MAX:
        return f"grade level {value} is out of range {GRADE_LEVEL_MIN}-{GRADE_LEVEL_MAX}"
    return None


def year(value: object) -> Outcome:
    """A calendar year between 1900 and 2200."""
    if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2200:
        return f"{value!r} is not a plausible year (1900-2200)"
    return None


def positive_int(value: object) -> Outcome:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        return f"must be a whole number of at least 1, got {value!r}"
    return None


def non_negative_int(value: object) -> Outcome:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return f"must be a whole number of at least 0, got {value!r}"
    return None


def finite_decimal(value: object) -> Outcome:
    """A finite ``Decimal`` (no NaN, no infinity)."""
    if not isinstance(value, Decimal):
        return f"must be a Decimal, not {type(value).__name__}"
    if not value.is_finite():
        return f"must be a finite number, not {value}"
    return None


def non_negative_decimal(value: object) -> Outcome:
    """A finite ``Decimal`` that is zero or more."""
    problem = finite_decimal(value)
    if problem is None and value < 0:  # type: ignore[operator]
        return f"must not be negative, got {value}"
    return problem


def finite_float(value: object) -> Outcome:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return f"must be a number, not {type(value).__name__}"
    if not math.isfinite(value):
        return f"must be a finite number, not {value}"
    return None


def a_date(value: object) -> Outcome:
    if not isinstance(value, date) or isinstance(value, datetime):
        return f"must be a date, not {type(value).__name__}"
    return None


def aware_datetime(value: object) -> Outcome:
    """A datetime that carries its time zone (ambiguous local times are refused)."""
    if not isinstance(value, datetime):
        return f"must be a datetime, not {type(value).__name__}"
    if value.tzinfo is None or value.utcoffset() is None:
        return "must include a time zone offset"
    return None


def boolean(value: object) -> Outcome:
    if not isinstance(value, bool):
        return f"must be true or false, not {type(value).__name__}"
    return None


def instance_of(*kinds: type) -> Check:
    names = " or ".join(k.__name__ for k in kinds)

    def check_instance(value: object) -> Outcome:
        if not isinstance(value, kinds):
            return f"must be {names}, not {type(value).__name__}"
        return None

    return _inlined(check_instance, f"isinstance({{v}}, {_global_name(kinds)})")


def optional(inner: Check) -> Check:
    """``None`` or a value that passes ``inner``."""

    def check_optional(value: object) -> Outcome:
        return None if value is None else inner(value)

    template = _inline.get(inner)
    if template is None:
        return check_optional
    return _inlined(check_optional, f"{{v}} is None or ({template})")


# --- collection checks -------------------------------------------------------------------------


def each(*checks: Check) -> Check:
    """A tuple whose every item passes ``checks``; problems name the item's index."""

    def check_each(value: object) -> Outcome:
        if not isinstance(value, tuple):
            return f"must be a tuple, not {type(value).__name__}"
        problems = []
        for i, item in enumerate(value):
            for fn in checks:
                outcome = fn(item)
                if outcome is None:
                    continue
                if isinstance(outcome, str):
                    problems.append(Problem(f"[{i}]", outcome))
                else:
                    problems.extend(p.under(i) for p in outcome)
                break
        return problems or None

    templates = [_inline.get(fn) for fn in checks]
    if any(t is None for t in templates):
        return check_each
    each_item = " and ".join(f"({t.format(v='x')})" for t in templates if t is not None)
    _inline_loops[check_each] = ("type({v}) is tuple", each_item)
    return _inlined(check_each, f"type({{v}}) is tuple and all({each_item} for x in {{v}})")


def set_of(kind: type) -> Check:
    def check_set(value: object) -> Outcome:
        if not isinstance(value, frozenset):
            return f"must be a frozenset, not {type(value).__name__}"
        bad = [v for v in value if not isinstance(v, kind)]
        if bad:
            return f"must hold only {kind.__name__}, not {type(bad[0]).__name__}"
        return None

    kind_name = _global_name(kind)
    _inline_loops[check_set] = ("type({v}) is frozenset", f"isinstance(x, {kind_name})")
    return _inlined(
        check_set, f"type({{v}}) is frozenset and all(isinstance(x, {kind_name}) for x in {{v}})"
    )


def unique(key: str) -> Check:
    """Items of a tuple must not repeat ``key`` (e.g. ``id``)."""

    def check_unique(value: object) -> Outcome:
        if not isinstance(value, tuple):
            return f"must be a tuple, not {type(value).__name__}"
        seen: dict[object, int] = {}
        problems = []
        for i, item in enumerate(value):
            k = getattr(item, key, None)
            if k in seen:
                problems.append(
                    Problem(f"[{i}].{key}", f"duplicate {key} {k!r} (first at [{seen[k]}])")
                )
            else:
                seen[k] = i
        return problems or None

    def distinct(value: tuple[object, ...]) -> bool:
        return len({getattr(item, key, None) for item in value}) == len(value)

    return _inlined(check_unique, f"type({{v}}) is tuple and {_global_name(distinct)}({{v}})")


def not_before(
    later: str, earlier: str, value_later: object, value_earlier: object
) -> list[Problem]:
    """A problem at ``later`` when both are set and it comes before ``earlier``."""
    if value_later is not None and value_earlier is not None and value_later < value_earlier:  # type: ignore[operator]
        return [Problem(later, f"{value_later} is before {earlier} {value_earlier}")]
    return []


# --- inline forms of the checks above (see "the fast path") -------------------------------------

_inlined(non_blank, "type({v}) is str and {v}.strip()")
_inlined(identifier, "type({v}) is str and _id_fullmatch({v})", _id_fullmatch=_ID_PATTERN.fullmatch)
_inlined(grade_level, f"type({{v}}) is int and {GRADE_LEVEL_MIN} <= {{v}} <= {GRADE_LEVEL_MAX}")
_inlined(year, "type({v}) is int and 1900 <= {v} <= 2200")
_inlined(positive_int, "type({v}) is int and {v} >= 1")
_inlined(non_negative_int, "type({v}) is int and {v} >= 0")
_inlined(finite_decimal, "type({v}) is Decimal and {v}.is_finite()")
_inlined(non_negative_decimal, "type({v}) is Decimal and {v}.is_finite() and {v} >= 0")
_inlined(a_date, "type({v}) is date")
_inlined(boolean, "type({v}) is bool")
