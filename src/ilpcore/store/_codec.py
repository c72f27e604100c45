"""Plans and saved lists to and from the JSON text the SQL backends store.

PLACEHOLDER until ``ilpcore.serialization`` lands on main; then this module
delegates to ``ilpcore.serialization.dumps``/``loads``.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

import cattrs

from ilpcore.model import Plan, SavedList

__all__ = ["dump_list", "dump_plan", "load_list", "load_plan"]

_T = TypeVar("_T")
_conv = cattrs.Converter()
_conv.register_unstructure_hook(Decimal, str)
_conv.register_structure_hook(Decimal, lambda v, _: Decimal(v))
_conv.register_unstructure_hook(date, date.isoformat)
_conv.register_structure_hook(date, lambda v, _: date.fromisoformat(v))
_conv.register_unstructure_hook(datetime, datetime.isoformat)
_conv.register_structure_hook(datetime, lambda v, _: datetime.fromisoformat(v))


def _dumps(obj: object) -> str:
    return json.dumps(
        _conv.unstructure(obj), ensure_ascii=False, separators=(",", ":"), default=sorted
    )


def _loads(text: str, cls: type[_T]) -> _T:
    data: Any = json.loads(text)
    return _conv.structure(data, cls)


def dump_plan(plan: Plan) -> str:
    return _dumps(plan)


def load_plan(text: str) -> Plan:
    return _loads(text, Plan)


def dump_list(saved: SavedList) -> str:
    return _dumps(saved)


def load_list(text: str) -> SavedList:
    return _loads(text, SavedList)
