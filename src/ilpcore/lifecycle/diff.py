"""What changed between two versions of a plan, as a list of changes with paths.

Items of a plan's collections that carry an ``id`` (goals, activities...) are
matched by id, so reordering is not a change and an edited goal shows as the
fields that changed, e.g. ``goals[G-nurse].target_date``.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ilpcore.model import Plan
from ilpcore.serialization import unstructure

__all__ = ["Change", "ChangeKind", "diff_plans"]


class ChangeKind(enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@attrs.frozen
class Change:
    """One change: where, what kind, and the values before and after (JSON-ready)."""

    path: str
    kind: ChangeKind
    before: Any = None
    after: Any = None

    def __str__(self) -> str:
        if self.kind is ChangeKind.ADDED:
            return f"+ {self.path}"
        if self.kind is ChangeKind.REMOVED:
            return f"- {self.path}"
        return f"~ {self.path}: {self.before!r} -> {self.after!r}"


_IGNORED = frozenset({"revision"})


def diff_plans(before: Plan, after: Plan) -> tuple[Change, ...]:
    """The changes that turn ``before`` into ``after`` (the revision number is ignored).

    >>> from ilpcore.model import GoalStatus, evolve
    >>> from ilpcore.samples import sample_plan
    >>> old = sample_plan()
    >>> goal = evolve(old.goal("G-speak"), status=GoalStatus.ACHIEVED)
    >>> new = evolve(old, goals=(*old.goals[:2], goal), revision=4)
    >>> [str(c) for c in diff_plans(old, new)]
    ["~ goals[G-speak].status: 'not_started' -> 'achieved'"]
    """
    a, b = unstructure(before), unstructure(after)
    changes: list[Change] = []
    for key in a:
        if key not in _IGNORED:
            _diff(key, a[key], b[key], changes)
    return tuple(changes)


def _keyed(items: list[Any]) -> dict[str, Any] | None:
    if not all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items):
        return None
    keyed = {i["id"]: i for i in items}
    return keyed if len(keyed) == len(items) else None


def _diff(path: str, a: Any, b: Any, out: list[Change]) -> None:
    if a == b:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a:
            if key not in b:
                out.append(Change(f"{path}.{key}", ChangeKind.REMOVED, before=a[key]))
        for key in b:
            if key not in a:
                out.append(Change(f"{path}.{key}", ChangeKind.ADDED, after=b[key]))
        for key in [k for k in a if k in b]:
            _diff(f"{path}.{key}", a[key], b[key], out)
        return
    if isinstance(a, list) and isinstance(b, list):
        ka, kb = _keyed(a), _keyed(b)
        if ka is not None and kb is not None:
            for key, item in ka.items():
                if key not in kb:
                    out.append(Change(f"{path}[{key}]", ChangeKind.REMOVED, before=item))
                else:
                    _diff(f"{path}[{key}]", item, kb[key], out)
            out.extend(
                Change(f"{path}[{key}]", ChangeKind.ADDED, after=item)
                for key, item in kb.items()
                if key not in ka
            )
            return
        if len(a) == len(b) and all(isinstance(x, dict) for x in a + b):
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                _diff(f"{path}[{i}]", x, y, out)
            return
    out.append(Change(path, ChangeKind.CHANGED, before=a, after=b))
