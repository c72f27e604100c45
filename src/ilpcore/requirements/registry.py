"""The built-in rule sets and how to pick one by jurisdiction, cohort and diploma.

Rule sets that extend another are resolved here: the result is one flat rule
set.  :func:`builtin_rule_sets` is a plain function so that the plugin system
can expose the same list through a hook.

>>> [rs.id for rs in builtin_rule_sets() if rs.jurisdiction == "US-IN"]
['US-IN-academic-honors-2023', 'US-IN-core40-2023']
>>> find("US-IN", 2026, "Core 40 with Academic Honors").total_credits
Decimal('47')
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

import attrs

from ilpcore.exceptions import NoRuleSetError
from ilpcore.requirements.loading import parse_rule_set
from ilpcore.requirements.marks import MarkScale
from ilpcore.requirements.ruleset import RuleSet, RuleSetKind

__all__ = ["builtin_rule_sets", "find", "get", "resolve"]


@cache
def builtin_rule_sets() -> tuple[RuleSet, ...]:
    """Every rule set shipped with ilpcore (unresolved, in id order)."""
    import tomllib

    folder = resources.files("ilpcore.requirements").joinpath("rulesets")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            out.append(parse_rule_set(data, entry.name))
    return tuple(sorted(out, key=lambda r: r.id))


def _pool(rule_sets: Sequence[RuleSet] | None) -> Sequence[RuleSet]:
    return builtin_rule_sets() if rule_sets is None else rule_sets


def get(rule_set_id: str, rule_sets: Sequence[RuleSet] | None = None) -> RuleSet:
    """The resolved rule set with this id."""
    for rs in _pool(rule_sets):
        if rs.id == rule_set_id:
            return resolve(rs, rule_sets)
    raise NoRuleSetError(f"no rule set {rule_set_id!r}")


_RESOLVED: dict[tuple[int, int], tuple[RuleSet, object, RuleSet]] = {}
_MAX_RESOLVED = 256


def resolve(rule_set: RuleSet, rule_sets: Sequence[RuleSet] | None = None) -> RuleSet:
    """``rule_set`` with everything it extends merged in (see :class:`RuleSet`).

    Resolving the same rule set against the same immutable pool (the built-in rule sets, or
    a tuple) returns the same object, so the evaluator's per-rule-set caches are shared.
    """
    if rule_set.extends is None:
        return rule_set
    if rule_sets is not None and not isinstance(rule_sets, tuple):
        return _resolve(rule_set, rule_sets)
    key = (id(rule_set), id(rule_sets))
    hit = _RESOLVED.get(key)
    if hit is None or hit[0] is not rule_set or hit[1] is not rule_sets:
        if len(_RESOLVED) >= _MAX_RESOLVED:
            _RESOLVED.clear()
        hit = _RESOLVED[key] = (rule_set, rule_sets, _resolve(rule_set, rule_sets))
    return hit[2]


def _resolve(rule_set: RuleSet, rule_sets: Sequence[RuleSet] | None) -> RuleSet:
    assert rule_set.extends is not None
    base = get(rule_set.extends, rule_sets)
    own = {r.id: r for r in rule_set.requirements}
    missing = [i for i in rule_set.remove if i not in {r.id for r in base.requirements}]
    if missing:
        raise NoRuleSetError(f"{rule_set.id}: removes {missing} not in {base.id}")
    merged = [own.pop(r.id, r) for r in base.requirements if r.id not in rule_set.remove]
    merged.extend(r for r in rule_set.requirements if r.id in own)
    return attrs.evolve(
        rule_set,
        requirements=tuple(merged),
        total_credits=rule_set.total_credits
        if rule_set.total_credits is not None
        else base.total_credits,
        min_mark=rule_set.min_mark if rule_set.min_mark is not None else base.min_mark,
        scale=base.scale if rule_set.scale == MarkScale() else rule_set.scale,
        share=base.share + rule_set.share,
        references=base.references + rule_set.references,
        decisions=base.decisions + rule_set.decisions,
        remove=(),
    )


def find(
    jurisdiction: str,
    cohort: int,
    diploma: str | None = None,
    rule_sets: Sequence[RuleSet] | None = None,
) -> RuleSet:
    """The resolved rule set for a jurisdiction and graduation class.

    ``diploma`` is a rule set id or diploma name (case-insensitive); without it
    the jurisdiction's one base diploma for that class is returned.
    """
    hits = [
        rs
        for rs in _pool(rule_sets)
        if rs.jurisdiction == jurisdiction and any(c.contains(cohort) for c in rs.cohorts)
    ]
    if diploma is None:
        hits = [rs for rs in hits if rs.kind is RuleSetKind.DIPLOMA]
    else:
        want = diploma.casefold()
        hits = [rs for rs in hits if want in (rs.id.casefold(), rs.diploma.casefold())]
    if len(hits) != 1:
        what = f"{jurisdiction}, class of {cohort}" + (f", {diploma!r}" if diploma else "")
        if not hits:
            raise NoRuleSetError(f"no rule set for {what}")
        names = ", ".join(f"{rs.id} ({rs.diploma})" for rs in hits)
        raise NoRuleSetError(f"several rule sets for {what}: {names}; name the diploma")
    return resolve(hits[0], rule_sets)
