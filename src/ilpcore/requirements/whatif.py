"""What-if audits and suggestions of what to take next.

>>> from ilpcore.requirements import registry
>>> rs = registry.find("US-IN", 2027)
>>> base = Record()
>>> hint = suggest(rs, base)[1]
>>> hint.path, hint.text
('english', '8 more credits: a course in english_language_arts')
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ilpcore.model import AssessmentResult, CourseRecord, CourseStatus
from ilpcore.requirements.audit import Audit, Status, evaluate
from ilpcore.requirements.inputs import Milestone, Override
from ilpcore.requirements.rules import CourseFilter, CourseRequirement, CreditsRequirement
from ilpcore.requirements.ruleset import RuleSet, walk

__all__ = ["Change", "Record", "Suggestion", "WhatIf", "describe", "suggest", "what_if"]


@attrs.frozen
class Record:
    """Everything about one student that an audit reads."""

    courses: tuple[CourseRecord, ...] = ()
    assessments: tuple[AssessmentResult, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    ilp_aligned: frozenset[str] = frozenset()
    overrides: tuple[Override, ...] = ()

    def audit(self, rule_set: RuleSet) -> Audit:
        return evaluate(
            rule_set,
            self.courses,
            assessments=self.assessments,
            milestones=self.milestones,
            ilp_aligned=self.ilp_aligned,
            overrides=self.overrides,
        )

    def plus(self, courses: Sequence[CourseRecord]) -> Record:
        """The same record with more courses (e.g. planned ones)."""
        return attrs.evolve(self, courses=self.courses + tuple(courses))


@attrs.frozen
class Change:
    """A requirement whose status differs between two audits (``None``: absent from one)."""

    path: str
    title: str
    before: Status | None
    after: Status | None


@attrs.frozen
class WhatIf:
    before: Audit
    after: Audit
    changes: tuple[Change, ...]


def compare(before: Audit, after: Audit) -> tuple[Change, ...]:
    """Requirements whose status changed, in the order of ``after`` then ``before``-only ones."""
    old = {n.path: n for n in before.root.walk()}
    new = {n.path: n for n in after.root.walk()}
    out = []
    for path, n in new.items():
        was = old.get(path)
        if was is None or was.status is not n.status:
            out.append(Change(path, n.title, None if was is None else was.status, n.status))
    out.extend(Change(p, n.title, n.status, None) for p, n in old.items() if p not in new)
    return tuple(out)


def what_if(
    rule_set: RuleSet,
    record: Record,
    *,
    other: RuleSet | None = None,
    extra_courses: Sequence[CourseRecord] = (),
) -> WhatIf:
    """The student under ``other`` rule set (diploma, endorsement, cohort) and/or with
    ``extra_courses`` added, compared with the current audit."""
    before = record.audit(rule_set)
    after = record.plus(extra_courses).audit(other or rule_set)
    return WhatIf(before, after, compare(before, after))


def describe(match: CourseFilter) -> str:
    """A filter in words.

    >>> describe(CourseFilter(subjects=frozenset({"science"}), attributes=frozenset()))
    'a course in science'
    """
    parts = []
    names = sorted(match.titles) + sorted(match.codes)
    if names:
        parts.append(" or ".join(names))
    elif match.subjects:
        parts.append("a course in " + " or ".join(sorted(match.subjects)))
    else:
        parts.append("any course")
    if match.attributes:
        parts.append("(" + ", ".join(sorted(a.value for a in match.attributes)) + ")")
    if match.any_attributes:
        parts.append("(one of " + ", ".join(sorted(a.value for a in match.any_attributes)) + ")")
    if match.ilp_aligned:
        parts.append("aligned to the ILP")
    if match.grade_levels:
        parts.append("in grade " + "/".join(str(g) for g in sorted(match.grade_levels)))
    return " ".join(parts)


@attrs.frozen
class Suggestion:
    """What to do next for one unmet requirement; ``courses``: catalog courses that close it."""

    path: str
    title: str
    text: str
    courses: tuple[CourseRecord, ...] = ()


def suggest(
    rule_set: RuleSet,
    record: Record,
    catalog: Sequence[CourseRecord] = (),
    *,
    limit: int = 12,
) -> tuple[Suggestion, ...]:
    """Suggestions that close the remaining gaps.

    Without a catalog: one suggestion a missing requirement, in words.  With a
    catalog of offered courses: courses are added as planned, one at a time, each
    time the one that lowers the audit's cost the most (at most ``limit``), and each
    suggestion lists the catalog courses that landed on its requirement.
    """
    audit = record.audit(rule_set)
    filters = {_path(p): r for p, r in _requirements(rule_set)}
    chosen: list[CourseRecord] = []
    if catalog:
        pool = [attrs.evolve(c, status=CourseStatus.PLANNED, mark=None) for c in catalog]
        current = audit
        while pool and len(chosen) < limit and not current.satisfied:
            scored = []
            for k, c in enumerate(pool):
                trial = record.plus((*chosen, c)).audit(rule_set)
                scored.append((_key(trial), k, trial))
            best_key, k, trial = min(scored, key=lambda x: (x[0], x[1]))
            if best_key >= _key(current):
                break
            chosen.append(pool.pop(k))
            current = trial
        audit_after = current
    else:
        audit_after = audit
    out = []
    for n in audit.missing():
        rq = filters.get(n.path)
        words = n.needed or "not met"
        if isinstance(rq, CreditsRequirement | CourseRequirement):
            words = f"{words}: {describe(rq.match)}"
        landed: tuple[CourseRecord, ...] = ()
        if chosen:
            codes = {c.course_code for c in chosen}
            landed = tuple(
                c for c in chosen if c.course_code in codes and _applied(audit_after, n.path, c)
            )
        out.append(Suggestion(n.path, n.title, words, landed))
    return tuple(out)


def _key(a: Audit) -> tuple[object, ...]:
    c = a.cost
    return (c.unmet, c.missing_credits, c.missing_courses)


def _applied(audit: Audit, path: str, course: CourseRecord) -> bool:
    return any(x.course_code == course.course_code for x in audit.node(path).applied)


def _requirements(rs: RuleSet) -> list[tuple[list[str], object]]:
    out: list[tuple[list[str], object]] = []
    stack: dict[str, list[str]] = {}
    for file_path, r in walk(rs.requirements, "requirements"):
        parent = file_path.rsplit(".children", 1)[0] if ".children" in file_path else ""
        ids = [*stack.get(parent, []), r.id]
        stack[file_path] = ids
        out.append((ids, r))
    return out


def _path(ids: list[str]) -> str:
    return "/".join(ids)
