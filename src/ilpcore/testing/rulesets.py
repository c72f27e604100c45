"""Conformance checks for graduation rule sets, for ilpcore and for vendors' rule-set plugins.

Subclass :class:`RuleSetConformance` in a pytest module and set ``rule_sets``
(or override :meth:`RuleSetConformance.rule_sets_to_check`); every check then
runs for every rule set::

    class TestMyDistrict(RuleSetConformance):
        rule_sets = (load_rule_set("district.toml"),)
        pool = (*builtin_rule_sets(), *rule_sets)   # what `extends` may name

The checks: the rule set loads and resolves; its TOML/JSON document validates
against the published JSON Schema (needs ``jsonschema``); references are
present with dates; cohorts of one diploma do not overlap; a synthetic
complete record (:func:`complete_record`) satisfies it; an empty record does
not, and every course-counting requirement is reported missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from ilpcore.model import (
    AssessmentKind,
    AssessmentResult,
    CourseAttribute,
    CourseRecord,
    CourseStatus,
    Instrument,
    Score,
    Term,
)
from ilpcore.requirements.audit import Status, evaluate
from ilpcore.requirements.inputs import Milestone
from ilpcore.requirements.registry import builtin_rule_sets, resolve
from ilpcore.requirements.rules import (
    AssessmentRequirement,
    ChooseRequirement,
    CourseFilter,
    CourseRequirement,
    CreditsRequirement,
    MilestoneRequirement,
    Requirement,
    TimingRequirement,
)
from ilpcore.requirements.ruleset import RuleSet

__all__ = ["CompleteRecord", "RuleSetConformance", "complete_record", "overlapping_cohorts"]


@attrs.frozen
class CompleteRecord:
    """A synthetic record that meets a rule set: courses, scores, milestones, ILP alignment."""

    courses: tuple[CourseRecord, ...]
    assessments: tuple[AssessmentResult, ...]
    milestones: tuple[Milestone, ...]
    ilp_aligned: frozenset[str]


class _Maker:
    def __init__(self, rs: RuleSet) -> None:
        self.rs = rs
        self.courses: list[CourseRecord] = []
        self.results: list[AssessmentResult] = []
        self.milestones: list[Milestone] = []
        self.aligned: set[str] = set()
        self.best = rs.scale.letters[0].letter if rs.scale.letters else "100"

    def course(self, filters: Sequence[CourseFilter], credits: Decimal, title: str | None) -> None:
        n = len(self.courses)
        subject = next((sorted(f.subjects)[0] for f in reversed(filters) if f.subjects), "elective")
        code = next((sorted(f.codes)[0] for f in reversed(filters) if f.codes), f"SYN{n:03d}")
        titles = [sorted(f.titles)[0] for f in reversed(filters) if f.titles]
        attributes: set[CourseAttribute] = set()
        grades: set[int] = set()
        for f in filters:
            attributes |= f.attributes
            if f.any_attributes:
                attributes.add(sorted(f.any_attributes, key=lambda a: a.value)[0])
            if f.grade_levels:
                grades = set(f.grade_levels) if not grades else grades & f.grade_levels
            if f.ilp_aligned:
                self.aligned.add(code)
        grade = min(grades) if grades else 9 + n % 4
        self.courses.append(
            CourseRecord(
                code,
                titles[0] if titles else title or f"Synthetic course {n}",
                subject,
                Term(2020 + grade - 9),
                grade,
                credits,
                status=CourseStatus.COMPLETED,
                mark=self.best,
                attributes=frozenset(attributes),
            )
        )

    def fill(self, rq: Requirement, filters: tuple[CourseFilter, ...]) -> None:
        if isinstance(rq, CourseRequirement):
            self.course((*filters, rq.match), rq.min_credits or Decimal(1), rq.title)
        elif isinstance(rq, CreditsRequirement):
            before = len(self.courses)
            for child in rq.children:
                self.fill(child, (*filters, rq.match))
            got = sum((c.credits for c in self.courses[before:]), Decimal(0))
            count = len(self.courses) - before
            while got < rq.min_credits or count < rq.min_courses:
                credit = (
                    min(Decimal(1), rq.min_credits - got) if rq.min_credits > got else Decimal(1)
                )
                self.course((*filters, rq.match), credit, rq.title)
                got += credit
                count += 1
        elif isinstance(rq, ChooseRequirement):
            for child in rq.children[: rq.n]:
                self.fill(child, filters)
        elif isinstance(rq, TimingRequirement):
            for g in rq.grade_levels:
                self.course((*filters, rq.match, CourseFilter(grade_levels=frozenset({g}))),
                            Decimal("0.5"), rq.title)  # fmt: skip
        elif isinstance(rq, AssessmentRequirement):
            if rq.alternatives:
                alt = rq.alternatives[0]
                scores = tuple(Score(m.scale, m.min_score) for m in alt.minimums)
                self.results.append(
                    AssessmentResult(f"syn-{len(self.results)}", AssessmentKind.TEST,
                                     Instrument(alt.instrument, "synthetic"), date(2023, 5, 1),
                                     scores)
                )  # fmt: skip
            else:
                self.milestones.append(Milestone(rq.milestones[0]))
        elif isinstance(rq, MilestoneRequirement):
            self.milestones.append(Milestone(rq.accepts[0]))


def complete_record(rule_set: RuleSet) -> CompleteRecord:
    """A record built from the rule set itself that should satisfy it (every course completed,
    with the best mark; total credits topped up with electives)."""
    maker = _Maker(rule_set)
    for rq in rule_set.requirements:
        maker.fill(rq, ())
    total = sum((c.credits for c in maker.courses), Decimal(0))
    while rule_set.total_credits is not None and total < rule_set.total_credits:
        maker.course((), Decimal(1), "Elective")
        total += 1
    return CompleteRecord(
        tuple(maker.courses),
        tuple(maker.results),
        tuple(maker.milestones),
        frozenset(maker.aligned),
    )


def overlapping_cohorts(rule_sets: Iterable[RuleSet]) -> list[str]:
    """Pairs of rule sets of the same jurisdiction and diploma whose cohorts overlap."""
    found = []
    seen: list[RuleSet] = []
    for rs in rule_sets:
        for other in seen:
            if (other.jurisdiction, other.diploma, other.kind) != (
                rs.jurisdiction,
                rs.diploma,
                rs.kind,
            ):
                continue
            for a in rs.cohorts:
                for b in other.cohorts:
                    a0, a1 = a.classes
                    b0, b1 = b.classes
                    if (a1 is None or b0 <= a1) and (b1 is None or a0 <= b1):
                        found.append(f"{other.id} and {rs.id}")
        seen.append(rs)
    return found


def _document(rs_file: Any) -> Any:
    """A TOML document made JSON-compatible (dates become ISO strings)."""
    return json.loads(json.dumps(rs_file, default=str))


class RuleSetConformance:
    """Checks every rule set must pass; subclass in a pytest module (see the module docstring)."""

    rule_sets: ClassVar[Sequence[RuleSet]] = ()
    documents: ClassVar[Sequence[dict[str, Any]]] = ()
    """The raw TOML/JSON documents of ``rule_sets`` (for the schema check), when available."""
    pool: ClassVar[Sequence[RuleSet] | None] = None
    """Rule sets ``extends`` may name; ``None``: the built-in ones."""

    def rule_sets_to_check(self) -> Sequence[RuleSet]:
        return self.rule_sets

    def resolved(self) -> list[RuleSet]:
        pool = self.pool if self.pool is not None else builtin_rule_sets()
        return [resolve(rs, pool) for rs in self.rule_sets_to_check()]

    def test_has_rule_sets(self) -> None:
        assert self.rule_sets_to_check(), "no rule sets to check"

    def test_documents_match_schema(self) -> None:
        import jsonschema

        from ilpcore.requirements.schema import published_schema

        validator = jsonschema.Draft202012Validator(published_schema())
        for doc in self.documents:
            errors = sorted(validator.iter_errors(_document(doc)), key=lambda e: e.json_path)
            assert not errors, [f"{e.json_path}: {e.message}" for e in errors]

    def test_references_dated(self) -> None:
        for rs in self.rule_sets_to_check():
            assert rs.references, f"{rs.id} cites no source"
            for ref in rs.references:
                assert ref.checked <= date.today(), f"{rs.id}: {ref.url} checked in the future"

    def test_cohorts_do_not_overlap(self) -> None:
        assert overlapping_cohorts(self.rule_sets_to_check()) == []

    def test_complete_record_passes(self) -> None:
        for rs in self.resolved():
            rec = complete_record(rs)
            audit = evaluate(rs, rec.courses, assessments=rec.assessments,
                             milestones=rec.milestones, ilp_aligned=rec.ilp_aligned)  # fmt: skip
            assert audit.status is Status.DONE, (rs.id, [n.path for n in audit.missing()])
            assert audit.optimal

    def test_empty_record_fails(self) -> None:
        for rs in self.resolved():
            audit = evaluate(rs, ())
            assert audit.status is Status.MISSING, rs.id
            missing = {n.path for n in audit.missing()}
            for n in audit.root.walk():
                counts = n.required_credits > 0 or n.required_courses > 0
                if counts and n.kind in ("credits", "course", "total"):
                    assert n.path in missing, (rs.id, n.path)
