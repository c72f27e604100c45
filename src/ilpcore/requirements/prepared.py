"""What the audit needs of a rule set whatever the student: its requirements as a flat tree
of :class:`Node` objects, credit amounts in integer units, and a cache of course options.

Computed once per rule set (kept by identity: rule sets are immutable, so audits of many
students against one rule set share the work).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal

import attrs

from ilpcore.requirements.rules import (
    AssessmentRequirement,
    Cap,
    ChooseRequirement,
    CourseFilter,
    CourseRequirement,
    CreditsRequirement,
    GpaRequirement,
    MilestoneRequirement,
    Requirement,
    TimingRequirement,
)
from ilpcore.requirements.ruleset import RuleSet

__all__ = [
    "MAX_CACHED",
    "Node",
    "OptionCache",
    "Prepared",
    "TimingCaches",
    "flatten",
    "prepared",
    "scale_for",
    "tree_units",
    "units",
    "units_of",
]

_ANY = CourseFilter()
_MAX_SCALE_DIGITS = 6


@attrs.frozen
class Node:
    """One requirement of the tree as the evaluator sees it."""

    path: str
    title: str
    kind: str
    parent: int
    requirement: Requirement | None
    match: CourseFilter = _ANY
    min_mark: str | None = None
    need_credits: Decimal = Decimal(0)
    need_courses: int = 0
    max_credits: Decimal | None = None
    caps: tuple[Cap, ...] = ()
    choose: int | None = None
    share: tuple[tuple[str, ...], ...] = ()
    fixed: tuple[int, str | None, str | None] | None = None
    """Set (a placeholder) on non-course nodes; a student's status of them is in
    :attr:`ilpcore.requirements.build.Built.fixed`."""
    children: tuple[int, ...] = ()


OptionCache = dict[tuple[object, ...], tuple[tuple[int, ...], ...]]
TimingCaches = dict[str, tuple[dict[tuple[object, ...], bool], dict[str | None, bool]]]
_Units = tuple[tuple[int, ...], tuple[int | None, ...], tuple[tuple[int, int, CourseFilter], ...]]
MAX_CACHED = 10_000
_FIXED_KINDS = (TimingRequirement, GpaRequirement, AssessmentRequirement, MilestoneRequirement)


@attrs.frozen
class Prepared:
    """What :func:`build` needs of a rule set that does not depend on the student: computed
    once per rule set (kept by identity: rule sets are immutable, so audits of many students
    against one rule set share the work)."""

    rule_set: RuleSet
    nodes: tuple[Node, ...]
    by_path: dict[str, int]
    parents: tuple[int, ...]
    children: tuple[tuple[int, ...], ...]
    chooses: tuple[int | None, ...]
    need_courses: tuple[int, ...]
    digits: int
    """Digits after the point that the rule set's credits need."""
    fixed_nodes: tuple[int, ...]
    """Nodes whose status comes from scores, milestones, timing or GPA, not courses."""
    fixed_reads_courses: bool
    """Some fixed node is a timing or GPA requirement (its status reads the courses)."""
    capped: frozenset[int]
    relevant: frozenset[int]
    """Capped nodes and nodes that need credits or courses (without overrides)."""
    named_codes: frozenset[str]
    named_titles: frozenset[str]
    by_grade: bool
    options: OptionCache
    """Course options by what the filters look at (without overrides)."""
    record_options: OptionCache
    """The same by the course fields the filters read (code, title, subject, attributes,
    grade level, mark, ILP-aligned), found without reading them."""
    timing_caches: TimingCaches
    """Per timing requirement (by path): whether its filter accepts a course (by the fields
    it reads) and whether a mark meets its minimum
    (:func:`~ilpcore.requirements.fixed.timing_status`)."""
    units: dict[int, _Units]
    """Per scale: need credits, max credits (``-1``: none) and caps in integer units."""


_PREPARED: dict[int, Prepared] = {}


def prepared(rs: RuleSet) -> Prepared:
    hit = _PREPARED.get(id(rs))
    if hit is None or hit.rule_set is not rs:
        if len(_PREPARED) > 64:
            _PREPARED.clear()
        nodes = tuple(flatten(rs))
        capped = frozenset(i for i, n in enumerate(nodes) if n.max_credits is not None or n.caps)
        needy = (i for i, n in enumerate(nodes) if n.need_credits > 0 or n.need_courses > 0)
        amounts = [n.need_credits for n in nodes] + [
            x for n in nodes for x in (n.max_credits, *(cap.max_credits for cap in n.caps)) if x
        ]
        hit = _PREPARED[id(rs)] = Prepared(
            rs,
            nodes,
            {n.path: i for i, n in enumerate(nodes)},
            tuple(n.parent for n in nodes),
            tuple(n.children for n in nodes),
            tuple(n.choose for n in nodes),
            tuple(n.need_courses for n in nodes),
            max(map(_decimals, amounts), default=0),
            tuple(i for i, n in enumerate(nodes) if isinstance(n.requirement, _FIXED_KINDS)),
            any(isinstance(n.requirement, (TimingRequirement, GpaRequirement)) for n in nodes),
            capped,
            capped | frozenset(needy),
            frozenset(code for n in nodes for code in (*n.match.codes, *n.match.exclude_codes)),
            frozenset(t.casefold() for n in nodes for t in n.match.titles),
            any(n.match.grade_levels for n in nodes),
            {},
            {},
            {},
            {},
        )
    if len(hit.options) > MAX_CACHED:
        hit.options.clear()
    if len(hit.record_options) > MAX_CACHED:
        hit.record_options.clear()
    return hit


def flatten(rs: RuleSet) -> list[Node]:
    nodes: list[Node] = []
    kids: dict[int, list[int]] = {}

    def add(node: Node) -> int:
        nodes.append(node)
        kids.setdefault(node.parent, []).append(len(nodes) - 1)
        return len(nodes) - 1

    def visit(rq: Requirement, parent: int, prefix: str) -> None:
        path = f"{prefix}/{rq.id}" if prefix else rq.id
        children: tuple[Requirement, ...] = ()
        head = (path, rq.title, rq.kind, parent, rq)
        if isinstance(rq, CreditsRequirement):
            node = Node(*head, match=rq.match, min_mark=rq.min_mark, need_credits=rq.min_credits,
                        need_courses=rq.min_courses, max_credits=rq.max_credits, caps=rq.caps,
                        share=rq.share)  # fmt: skip
            children = rq.children
        elif isinstance(rq, CourseRequirement):
            node = Node(*head, match=rq.match, min_mark=rq.min_mark, need_credits=rq.min_credits,
                        need_courses=1)  # fmt: skip
        elif isinstance(rq, ChooseRequirement):
            node = Node(*head, choose=rq.n, share=rq.share)
            children = rq.children
        else:
            node = Node(*head, fixed=(4, None, None))
        i = add(node)
        for child in children:
            visit(child, i, path)

    add(
        Node("", rs.diploma, "total", -1, None, min_mark=rs.min_mark,
             need_credits=rs.total_credits or Decimal(0), share=rs.share)
    )  # fmt: skip
    for rq in rs.requirements:
        visit(rq, 0, "")
    return [attrs.evolve(n, children=tuple(kids.get(i, ()))) for i, n in enumerate(nodes)]


def scale_for(values: Sequence[Decimal], prep: Prepared) -> int:
    """The power of ten that makes every credit amount of the rule set and ``values`` whole."""
    digits = prep.digits
    for v in set(values):
        d = _decimals(v)
        if d > digits:
            digits = d
    return int(10 ** min(digits, _MAX_SCALE_DIGITS))


_UNITS: dict[tuple[Decimal, int], int] = {}


@functools.lru_cache(maxsize=1024)
def _decimals(v: Decimal) -> int:
    """Digits after the point that ``v`` needs (credits repeat: computed once each)."""
    exp = v.normalize().as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def units(value: Decimal, scale: int) -> int:
    key = (value, scale)
    hit = _UNITS.get(key)
    if hit is None:
        if len(_UNITS) > MAX_CACHED:
            _UNITS.clear()
        hit = _UNITS[key] = int((value * scale).to_integral_value())
    return hit


_UNIT_TABLES: dict[int, dict[Decimal, int]] = {}


def units_of(values: Sequence[Decimal], scale: int) -> tuple[int, ...]:
    """:func:`units` of each value (a table per scale: a batch meets few distinct credits)."""
    table = _UNIT_TABLES.get(scale)
    if table is None or len(table) > MAX_CACHED:
        if len(_UNIT_TABLES) > 64:
            _UNIT_TABLES.clear()
        table = _UNIT_TABLES[scale] = {}
    try:
        return tuple([table[v] for v in values])
    except KeyError:
        for v in values:
            if v not in table:
                table[v] = units(v, scale)
        return tuple([table[v] for v in values])


def tree_units(prep: Prepared, scale: int) -> _Units:
    """Need credits, max credits and caps of ``prep``'s nodes in units of ``1/scale``."""
    hit = prep.units.get(scale)
    if hit is None:
        nodes = prep.nodes
        hit = prep.units[scale] = (
            tuple(units(n.need_credits, scale) for n in nodes),
            tuple(None if n.max_credits is None else units(n.max_credits, scale) for n in nodes),
            tuple(
                (i, units(cap.max_credits, scale), cap.match)
                for i, n in enumerate(nodes)
                for cap in n.caps
            ),
        )
    return hit
