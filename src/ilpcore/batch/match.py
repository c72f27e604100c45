"""Career matching for many students: plans in, one flat :class:`~ilpcore.batch.MatchRow` per match.

Plans are read in blocks of ``block_size``; each block's interest scores are ranked
at once by :func:`ilpcore.matching.batch.rank_batch_blocks`, whose results are bit
for bit those of :func:`ilpcore.matching.rank_interests` for each student.  A student
who dismissed careers is ranked alone by :func:`~ilpcore.matching.rank_interests`
with those careers left out (as :func:`~ilpcore.matching.recompute_match` does).

The scores come from the plan's latest interest assessment (the Interest Profiler
result of :func:`~ilpcore.matching.to_assessment`).  Students with none, with an
unusable one, with six equal scores, or with a flat profile (unless ``best_effort``)
get one row with the ``reason``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Literal

import attrs

from ilpcore.batch.blocks import Progress, blocks
from ilpcore.batch.rows import MatchRow
from ilpcore.exceptions import IlpcoreError, ValidationError
from ilpcore.matching.batch import DEFAULT_BLOCK, Engine, rank_batch_blocks
from ilpcore.matching.catalog import OccupationCatalog
from ilpcore.matching.congruence import holland_code
from ilpcore.matching.interests import InterestScores, from_assessment, is_undifferentiated
from ilpcore.matching.plans import dismissed_codes
from ilpcore.matching.ranking import InterestIndex, rank_interests
from ilpcore.model import AssessmentKind, Plan

__all__ = ["ScoredStudent", "as_index", "batch_match", "match_scored", "scored_student"]


@attrs.frozen
class ScoredStudent:
    """What matching needs of one student: ids, scores on their scale, dismissed careers."""

    student_id: str
    school_id: str | None
    cohort: int | None
    values: tuple[int, ...] | None
    """R, I, A, S, E, C raw scores; ``None`` with a ``reason`` when there are none."""
    minimum: int = 0
    maximum: int = 40
    dismissed: frozenset[str] = frozenset()
    reason: str | None = None


def scored_student(plan: Plan) -> ScoredStudent:
    """The student's latest interest scores (or why there are none) and dismissed careers."""
    s = plan.student
    results = [a for a in plan.assessments if a.kind is AssessmentKind.INTEREST]
    if not results:
        return ScoredStudent(s.id, s.school.id, s.cohort, None, reason="no interest assessment")
    latest = max(results, key=lambda a: (a.taken_on, a.id))
    try:
        scores: InterestScores = from_assessment(latest)
    except IlpcoreError as e:
        reason = f"interest assessment {latest.id} is unusable: {e}"
        return ScoredStudent(s.id, s.school.id, s.cohort, None, reason=reason)
    return ScoredStudent(
        s.id, s.school.id, s.cohort, scores.values, scores.minimum, scores.maximum,
        dismissed_codes(plan),
    )  # fmt: skip


def as_index(source: InterestIndex | OccupationCatalog) -> InterestIndex:
    """``source`` itself, or the interest index of an occupation catalog."""
    return source if isinstance(source, InterestIndex) else InterestIndex.from_catalog(source)


def batch_match(
    plans: Iterable[Plan],
    index: InterestIndex | OccupationCatalog,
    *,
    top: int = 20,
    zone: int | None = None,
    best_effort: bool = False,
    engine: Engine | Literal["auto"] = "auto",
    block_size: int = DEFAULT_BLOCK,
    progress: Progress | None = None,
) -> Iterator[MatchRow]:
    """Rank every plan's student against ``index``: ``top`` rows a student, best first.

    ``index`` may be an :class:`~ilpcore.matching.OccupationCatalog` (its index is built once).

    ``engine="auto"`` uses NumPy when it is installed (``ilpcore[fast]``); both engines
    give identical rows.  ``progress(done, total)`` is called after each block.
    """
    ranked_against = as_index(index)
    for block in blocks(plans, block_size, progress):
        yield from match_scored(
            [scored_student(p) for p in block], ranked_against, top=top, zone=zone,
            best_effort=best_effort, engine=engine,
        )  # fmt: skip


def _pick(engine: Engine | Literal["auto"]) -> Engine:
    if engine != "auto":
        return engine
    try:
        import numpy  # noqa: F401
    except ImportError:
        return "python"
    return "numpy"


def match_scored(
    students: Sequence[ScoredStudent],
    index: InterestIndex,
    *,
    top: int = 20,
    zone: int | None = None,
    best_effort: bool = False,
    engine: Engine | Literal["auto"] = "auto",
) -> Iterator[MatchRow]:
    """Rows for one block of students, in their order (see :func:`batch_match`)."""
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValidationError.at("top", f"must be a whole number of at least 1, got {top!r}")
    flat = [
        s.values is not None and is_undifferentiated(s.values, s.minimum, s.maximum)
        for s in students
    ]
    together = [
        i for i, s in enumerate(students)
        if s.values is not None and not s.dismissed and (best_effort or not flat[i])
    ]  # fmt: skip
    ranked: dict[int, tuple[tuple[str, ...], tuple[float, ...]] | None] = {}
    if together:
        (result,) = rank_batch_blocks(
            [students[i].values or () for i in together], index, top=top, zone=zone,
            engine=_pick(engine), best_effort=True, maximum=None, block_size=len(together),
        )  # fmt: skip
        for j, i in enumerate(together):
            ranked[i] = None if result.refused[j] else (result.codes(j), result.rs(j))
    for i, s in enumerate(students):
        yield from _rows(s, i, flat[i], ranked, index, top, zone, best_effort)


def _rows(
    s: ScoredStudent,
    i: int,
    flat: bool,
    ranked: dict[int, tuple[tuple[str, ...], tuple[float, ...]] | None],
    index: InterestIndex,
    top: int,
    zone: int | None,
    best_effort: bool,
) -> Iterator[MatchRow]:
    def why(reason: str, code: str | None = None) -> MatchRow:
        return MatchRow(s.student_id, s.school_id, s.cohort, None, None, None, None, None, code,
                        flat, index.release, reason)  # fmt: skip

    if s.values is None:
        yield why(s.reason or "no interest scores")
        return
    code = holland_code(s.values)
    if len(set(s.values)) == 1:
        yield why("all six interest scores are equal", code)
        return
    if flat and not best_effort:
        yield why("undifferentiated interest profile: not ranked without best_effort", code)
        return
    if s.dismissed:
        result = rank_interests(
            InterestScores(s.values, maximum=s.maximum, minimum=s.minimum), index, top=top,
            zone=zone, exclude=s.dismissed, best_effort=best_effort,
            today=date(2000, 1, 1),  # the result's date is not part of a row
        )  # fmt: skip
        found: tuple[tuple[str, ...], tuple[float, ...]] | None = (
            tuple(m.code for m in result.matches),
            tuple(m.r for m in result.matches),
        )
    else:
        found = ranked[i]
    if found is None:
        yield why("all six interest scores are equal", code)
        return
    for rank, (occupation, r) in enumerate(zip(*found, strict=True), start=1):
        position = index.position(occupation)
        assert position is not None  # ranked codes are rated occupations
        profile = index.rated[position]
        yield MatchRow(s.student_id, s.school_id, s.cohort, rank, occupation, profile.title, r,
                       profile.job_zone, code, flat, index.release)  # fmt: skip
