"""What an actor sees of a plan, and which sections a save changes.

A section the actor may not read is *withheld*: its fields are set to their
defaults (``demographics=None``, ``profile=Profile()``, the collections empty,
``parental_access_consent=False``, ``review_schedule=None``).  References
into a withheld section are cut so the view stays a valid plan: a reflection's
or artifact's ``about`` loses references to hidden items, and a course plan's
``goal_id`` becomes ``None`` when goals are withheld.  The identity section is
never withheld from a view: an actor who may not read it may not read the plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ilpcore.access.sections import SECTION_FIELDS, Section
from ilpcore.model import Plan, Review, SubjectKind

__all__ = ["changed_sections", "merge_withheld", "new_sign_offs", "only_signs_off", "withhold"]

_PLAN_FIELDS = {f.name: f for f in attrs.fields(Plan)}


def _default(name: str) -> Any:
    default = _PLAN_FIELDS[name].default
    factory = getattr(default, "factory", None)
    return factory() if callable(factory) else default


def withhold(plan: Plan, hidden: Iterable[Section]) -> Plan:
    """``plan`` with the fields of the ``hidden`` sections set to their defaults."""
    hidden = frozenset(hidden) - {Section.IDENTITY}
    if not hidden:
        return plan
    changes = {name: _default(name) for s in hidden for name in SECTION_FIELDS[s]}
    kept = {**{f: getattr(plan, f) for f in _PLAN_FIELDS}, **changes}
    ids = {
        SubjectKind.ACTIVITY: {a.id for a in kept["activities"]},
        SubjectKind.GOAL: {g.id for g in kept["goals"]},
        SubjectKind.ASSESSMENT: {a.id for a in kept["assessments"]},
        SubjectKind.COURSE_PLAN: {c.id for c in kept["course_plans"]},
        SubjectKind.ARTIFACT: {a.id for a in kept["artifacts"]},
    }
    for name in ("reflections", "artifacts"):
        changes[name] = tuple(
            attrs.evolve(item, about=tuple(r for r in item.about if r.id in ids[r.kind]))
            for item in kept[name]
        )
    changes["course_plans"] = tuple(
        cp if cp.goal_id is None or cp.goal_id in ids[SubjectKind.GOAL]
        else attrs.evolve(cp, goal_id=None)
        for cp in kept["course_plans"]
    )  # fmt: skip
    return attrs.evolve(plan, **changes)


def merge_withheld(edited: Plan, stored: Plan, hidden: Iterable[Section]) -> Plan:
    """``edited`` with the ``hidden`` sections put back as ``stored`` has them.

    A save of a view keeps the sections withheld from it as stored.  A hidden
    section that differs from what the view showed is left as edited: it is
    a write to that section, for the policy to decide.
    """
    hidden = frozenset(hidden)
    view = withhold(stored, hidden)
    changes = {}
    for section in hidden:
        names = SECTION_FIELDS[section]
        if all(getattr(edited, n) == getattr(view, n) for n in names):
            changes.update({n: getattr(stored, n) for n in names})
    return attrs.evolve(edited, **changes) if changes else edited


def changed_sections(before: Plan, after: Plan) -> frozenset[Section]:
    """The sections whose fields differ between ``before`` and ``after``."""
    return frozenset(
        s
        for s, names in SECTION_FIELDS.items()
        if any(getattr(before, n) != getattr(after, n) for n in names)
    )


def _without_new_sign_offs(before: tuple[Review, ...], after: tuple[Review, ...]) -> Any:
    old = {r.id: r for r in before}
    return tuple(
        attrs.evolve(r, sign_offs=old[r.id].sign_offs)
        if r.id in old and r.sign_offs[: len(old[r.id].sign_offs)] == old[r.id].sign_offs
        else r
        for r in after
    )


def new_sign_offs(before: Plan, after: Plan) -> tuple[tuple[str, int], ...]:
    """``(review id, index)`` of every sign-off in ``after`` that ``before`` does not have."""
    old = {r.id: r.sign_offs for r in before.reviews}
    return tuple(
        (r.id, i)
        for r in after.reviews
        for i, s in enumerate(r.sign_offs)
        if s not in old.get(r.id, ())
    )


def only_signs_off(before: Plan, after: Plan) -> bool:
    """Whether the reviews of ``after`` are those of ``before`` plus appended sign-offs."""
    return (
        before.review_schedule == after.review_schedule
        and _without_new_sign_offs(before.reviews, after.reviews) == before.reviews
    )
