"""Groups of sibling requirements that never share a course (the bound's capacity arguments
apply to them: a course counts toward at most one member of a group)."""

from __future__ import annotations

import attrs

from ilpcore.requirements.problem import Problem

__all__ = ["ExclusiveGroups", "exclusive_groups"]


@attrs.frozen
class ExclusiveGroups:
    members: tuple[tuple[int, ...], ...]
    """Each group's requirements."""
    of_node: tuple[int, ...]
    """The group formed under each node (``-1``: none)."""
    of_course: tuple[tuple[int, ...], ...]
    """The groups each course can reach."""


_Structure = tuple[
    tuple[tuple[int, ...], ...],
    tuple[int, ...],
    dict[int, int],
    dict[tuple[int, ...], tuple[int, ...]],
]
_CACHE: dict[tuple[object, ...], _Structure] = {}
_MAX_CACHED = 256


def exclusive_groups(
    p: Problem, capped: set[int], unions: list[tuple[int, ...]]
) -> ExclusiveGroups:
    """Groups of requirements under one node that never share a course (requirements that
    do share keep their own bounds).  Children that need nothing themselves and only group
    others are looked through, so their children compete in the group; each requirement is
    in at most one group.

    The groups depend on the tree and on which options exist, not on the courses' credits or
    tiers: students audited against one rule set mostly share them, so they are cached.
    """
    distinct = frozenset(o for opts in p.options for o in opts)
    key = (p.children, p.choose, p.need_credits, p.need_courses, p.fixed, p.waived,
           frozenset(capped), distinct)  # fmt: skip
    hit = _CACHE.get(key)
    if hit is None:
        if len(_CACHE) >= _MAX_CACHED:
            _CACHE.clear()
        hit = _CACHE[key] = _structure(p, capped, distinct)
    groups, group_of, node_group, reached = hit
    of_course = []
    for u in unions:
        found = reached.get(u)
        if found is None:
            if len(reached) >= _MAX_CACHED * 16:
                reached.clear()
            found = reached[u] = tuple(sorted({node_group[j] for j in u if j in node_group}))
        of_course.append(found)
    return ExclusiveGroups(groups, group_of, tuple(of_course))


def _structure(p: Problem, capped: set[int], distinct: frozenset[tuple[int, ...]]) -> _Structure:
    n = len(p.parent)
    group_of = [-1] * n
    groups: list[tuple[int, ...]] = []
    absorbed: set[int] = set()

    def transparent(j: int) -> bool:
        """Needs nothing itself and only groups its children (they can join the group)."""
        return (
            p.choose[j] is None
            and not p.need_credits[j]
            and not p.need_courses[j]
            and j not in capped
            and bool(p.children[j])
        )

    def expand(j: int) -> list[int]:
        if p.fixed[j] is not None or p.waived[j]:
            return []
        if transparent(j):
            absorbed.add(j)
            return [x for k in p.children[j] for x in expand(k)]
        return [j]

    for i in range(n):
        if p.choose[i] is not None or p.waived[i] or i in absorbed:
            continue
        candidates = [x for j in p.children[i] for x in expand(j)]
        cset = set(candidates)
        sharing: set[int] = set()
        for o in distinct:
            touched = cset.intersection(o)
            if len(touched) > 1:
                sharing |= touched
        members = tuple(j for j in candidates if j not in sharing)
        if len(members) < 2:
            continue
        group_of[i] = len(groups)
        groups.append(members)
    node_group = {j: g for g, members in enumerate(groups) for j in members}
    return tuple(groups), tuple(group_of), node_group, {}
