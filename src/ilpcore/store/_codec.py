"""Plans and saved lists to and from the JSON documents the SQL backends store.

The documents are ilpcore's versioned envelopes (``{"schema": "ilpcore.plan",
"version": 1, ...}``) written by :mod:`ilpcore.serialization`, so a stored
revision written by an older ilpcore is upgraded when it is read.
"""

from __future__ import annotations

from ilpcore.model import Plan, SavedList
from ilpcore.serialization import dumps, loads

__all__ = ["dump_list", "dump_plan", "load_list", "load_plan"]


def dump_plan(plan: Plan) -> str:
    return dumps(plan)


def load_plan(text: str) -> Plan:
    plan: Plan = loads(text, Plan)
    return plan


def dump_list(saved: SavedList) -> str:
    return dumps(saved)


def load_list(text: str) -> SavedList:
    saved: SavedList = loads(text, SavedList)
    return saved
