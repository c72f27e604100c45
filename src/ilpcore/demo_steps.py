"""What a step of ``ilp demo`` receives and returns.

Each feature contributes a step: a function from the shared :class:`DemoContext`
to a :class:`DemoSection` (text for people, JSON-ready data for ``--json``).
The types live here, apart from the command, so that a feature's step can sit
beside the feature without importing the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ilpcore.model import Plan

if TYPE_CHECKING:
    from ilpcore.store import Store

__all__ = ["DemoContext", "DemoSection", "DemoStep"]


@attrs.define
class DemoContext:
    """What the steps share; a step may replace ``plan`` with an updated one."""

    plan: Plan
    store: Store
    """The store the demo saves in (opened once by ``ilp demo``, closed when it ends)."""
    data_dir: Path | None = None
    """Where the published data releases are (``None``: ``$ILPCORE_DATA`` or ``../shared/data``)."""


@attrs.frozen
class DemoSection:
    """One step's output: a title, text for people and JSON-ready data."""

    title: str
    text: str
    data: Any


DemoStep = Callable[[DemoContext], DemoSection]
