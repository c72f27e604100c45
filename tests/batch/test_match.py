"""batch_match: the same matches as ranking each student alone, a row saying why for the rest."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from ilpcore.batch import MATCH_COLUMNS, MatchRow, batch_match, to_records
from ilpcore.exceptions import ValidationError
from ilpcore.matching import InterestScores, dismiss_career, from_assessment, rank_interests
from ilpcore.matching.catalog import OccupationCatalog
from ilpcore.matching.ranking import InterestIndex
from ilpcore.model import AssessmentKind, Plan, SavedItem, SavedList, SavedListKind, Score
from ilpcore.records import to_arrow, to_pandas
from ilpcore.testing.synthetic import synthetic_plans


def one_by_one(plans: tuple[Plan, ...], index: InterestIndex, top: int) -> list[MatchRow]:
    """The baseline: the existing single-student functions in a loop."""
    rows: list[MatchRow] = []
    for p in plans:
        s = p.student
        interest = [a for a in p.assessments if a.kind is AssessmentKind.INTEREST]
        if not interest:
            rows.append(MatchRow(s.id, s.school.id, s.cohort, None, None, None, None, None, None,
                                 False, index.release, "no interest assessment"))  # fmt: skip
            continue
        scores = from_assessment(interest[-1])
        if scores.undifferentiated:
            rows.append(MatchRow(s.id, s.school.id, s.cohort, None, None, None, None, None,
                                 scores.code, True, index.release,
                                 "undifferentiated interest profile: not ranked without "
                                 "best_effort"))  # fmt: skip
            continue
        result = rank_interests(scores, index, top=top)
        rows.extend(
            MatchRow(
                s.id,
                s.school.id,
                s.cohort,
                m.rank,
                m.code,
                m.title,
                m.r,
                m.job_zone,
                scores.code,
                False,
                index.release,
            )
            for m in result.matches
        )
    return rows


@pytest.mark.parametrize("engine", ["python", "numpy"])
def test_rows_equal_ranking_each_student_alone(
    plans: tuple[Plan, ...], index: InterestIndex, engine: str
) -> None:
    rows = list(batch_match(plans, index, top=5, engine=engine, block_size=17))  # type: ignore[arg-type]
    assert rows == one_by_one(plans, index, 5)
    reasons = {r.reason for r in rows}
    assert "no interest assessment" in reasons
    assert any(r.rank == 5 for r in rows)


def test_a_catalog_is_indexed_once(
    plans: tuple[Plan, ...], index: InterestIndex, onet: OccupationCatalog
) -> None:
    assert list(batch_match(plans[:9], onet, top=2)) == list(batch_match(plans[:9], index, top=2))


def test_block_size_and_engine_do_not_change_the_rows(
    plans: tuple[Plan, ...], index: InterestIndex
) -> None:
    first = list(batch_match(plans, index, top=3, engine="python", block_size=1))
    for size in (7, 1000):
        assert list(batch_match(plans, index, top=3, engine="numpy", block_size=size)) == first


def test_progress_is_told_after_each_block(plans: tuple[Plan, ...], index: InterestIndex) -> None:
    seen: list[tuple[int, int | None]] = []
    list(
        batch_match(
            plans[:50], index, top=1, block_size=20, progress=lambda d, t: seen.append((d, t))
        )
    )
    assert seen == [(20, 50), (40, 50), (50, 50)]
    seen.clear()
    list(
        batch_match(
            iter(plans[:5]), index, top=1, block_size=20, progress=lambda d, t: seen.append((d, t))
        )
    )
    assert seen == [(5, None)]


def scored_plan() -> Plan:
    """A synthetic student with a differentiated interest profile."""
    return next(
        p for p in synthetic_plans(50, seed=3)
        if p.assessments and not from_assessment(p.assessments[0]).undifferentiated
    )  # fmt: skip


def _with_scores(plan: Plan, values: tuple[int, ...]) -> Plan:
    (result,) = plan.assessments
    scores = tuple(
        attrs.evolve(s, value=Decimal(v)) for s, v in zip(result.scores, values, strict=True)
    )
    return attrs.evolve(plan, assessments=(attrs.evolve(result, scores=scores),))


def test_flat_and_equal_profiles(index: InterestIndex) -> None:
    base = scored_plan()
    assert base.assessments
    flat = _with_scores(base, (20, 21, 20, 21, 20, 20))
    equal = _with_scores(base, (9,) * 6)
    (refused,) = batch_match([flat], index, top=2)
    assert (refused.rank, refused.low_confidence) == (None, True)
    assert "undifferentiated" in (refused.reason or "")
    ranked = list(batch_match([flat], index, top=2, best_effort=True))
    alone = rank_interests(InterestScores((20, 21, 20, 21, 20, 20)), index, top=2,
                           best_effort=True)  # fmt: skip
    assert [(r.code, r.r, r.low_confidence) for r in ranked] == [
        (m.code, m.r, True) for m in alone.matches
    ]
    for best_effort in (False, True):
        (row,) = batch_match([equal], index, top=2, best_effort=best_effort)
        assert row.reason == "all six interest scores are equal"


def test_dismissed_careers_stay_out(index: InterestIndex) -> None:
    plan = scored_plan()
    first = [str(r.code) for r in batch_match([plan], index, top=3)]
    saved = SavedList("matches", SavedListKind.CAREERS, "Matches", date(2026, 9, 1),
                      (SavedItem(first[0], "first", date(2026, 9, 1)),))  # fmt: skip
    plan = dismiss_career(attrs.evolve(plan, saved_lists=(saved,)), "matches", first[0],
                          date(2026, 9, 2))  # fmt: skip
    again = [r.code for r in batch_match([plan, scored_plan()], index, top=3)]
    assert again[:3] == [*first[1:], again[2]]
    assert first[0] not in again[:3]
    assert again[3:] == first


def test_an_unusable_assessment_is_a_reason(index: InterestIndex) -> None:
    plan = scored_plan()
    (result,) = plan.assessments
    broken = attrs.evolve(result, scores=(Score("realistic", Decimal(3)),))
    (row,) = batch_match([attrs.evolve(plan, assessments=(broken,))], index)
    assert row.rank is None
    assert (row.reason or "").startswith(f"interest assessment {result.id} is unusable")


def test_records_make_tables(plans: tuple[Plan, ...], index: InterestIndex) -> None:
    rows = list(batch_match(plans[:10], index, top=2))
    frame = to_pandas(to_records(rows), list(MATCH_COLUMNS))
    assert list(frame.columns) == list(MATCH_COLUMNS)
    assert len(frame) == len(rows)
    table = to_arrow(to_records(rows))
    assert table.column("code").to_pylist() == [r.code for r in rows]


def test_bad_arguments_are_refused(plans: tuple[Plan, ...], index: InterestIndex) -> None:
    with pytest.raises(ValidationError, match="block_size"):
        list(batch_match(plans, index, block_size=0))
    with pytest.raises(ValidationError, match="top"):
        list(batch_match(plans, index, top=0))
    no_scores = [p for p in plans if not p.assessments]
    with pytest.raises(ValidationError, match="top"):
        list(batch_match(no_scores, index, top=0))
