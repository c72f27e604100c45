"""Keeping match results on a student's plan: saved lists, favorites, dismissed careers.

A saved match is two things on the :class:`~ilpcore.model.Plan`: the Interest
Profiler result as an :class:`~ilpcore.model.AssessmentResult` (answers and scores)
and a :class:`~ilpcore.model.SavedList` of kind CAREERS whose ``source`` names the
catalog release, the method, the scale, the filters and the date.  Recomputing on a
new release adds a new list; the old one stays as it was.

Dismissed careers are kept in one list (id :data:`DISMISSED_LIST_ID`) and left out of
later matches through ``rank_interests(..., exclude=dismissed_codes(plan))``.

Every function returns a new plan; plans are immutable.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from ilpcore.exceptions import NotFoundError, ValidationError
from ilpcore.matching.interests import InterestScores, from_assessment, to_assessment
from ilpcore.matching.ranking import InterestIndex, MatchResult, rank_interests
from ilpcore.model import Plan, SavedItem, SavedList, SavedListKind, evolve

__all__ = [
    "DISMISSED_LIST_ID",
    "dismiss_career",
    "dismissed_codes",
    "mark_favorite",
    "recompute_match",
    "save_match",
]

DISMISSED_LIST_ID: Final = "dismissed-careers"


def _source(result: MatchResult, assessment_id: str | None) -> str:
    parts = [
        f"{result.release} interest match",
        result.method,
        f"scale {result.scale}",
        result.filters.describe(),
        f"computed {result.computed_on.isoformat()}",
    ]
    if assessment_id is not None:
        parts.append(f"answers: assessment {assessment_id}")
    if result.low_confidence:
        parts.append("low confidence (undifferentiated profile)")
    return "; ".join(parts)


def save_match(
    plan: Plan,
    result: MatchResult,
    *,
    list_id: str,
    name: str,
    scores: InterestScores | None = None,
    assessment_id: str | None = None,
    taken_on: date | None = None,
) -> Plan:
    """Add the result as a named, dated CAREERS list (and the answers, when given).

    ``scores`` with ``assessment_id`` adds the Interest Profiler result as an
    assessment (taken on ``taken_on``, default the result's date) unless the plan already
    has an assessment with that id.  A ``list_id`` already on the plan is refused with a
    :class:`~ilpcore.exceptions.ValidationError` naming ``saved_lists``.
    """
    assessments = plan.assessments
    if scores is not None:
        if assessment_id is None:
            raise ValidationError.at("assessment_id", "is needed to store the scores")
        if all(a.id != assessment_id for a in assessments):
            assessment = to_assessment(scores, assessment_id, taken_on or result.computed_on)
            assessments = (*assessments, assessment)
    saved = SavedList(
        id=list_id,
        kind=SavedListKind.CAREERS,
        name=name,
        created_on=result.computed_on,
        items=tuple(SavedItem(m.code, m.title, result.computed_on) for m in result.matches),
        source=_source(result, assessment_id),
    )
    return evolve(plan, assessments=assessments, saved_lists=(*plan.saved_lists, saved))


def recompute_match(
    plan: Plan,
    assessment_id: str,
    index: InterestIndex,
    *,
    list_id: str,
    name: str,
    top: int = 20,
    zone: int | None = None,
    best_effort: bool = False,
    today: date | None = None,
) -> Plan:
    """Rank the plan's stored Interest Profiler result again (e.g. on a new catalog release).

    The new list is added beside the old ones, which are kept unchanged; dismissed
    careers stay out.
    """
    scores = from_assessment(plan.assessment(assessment_id))
    result = rank_interests(
        scores,
        index,
        top=top,
        zone=zone,
        exclude=dismissed_codes(plan),
        best_effort=best_effort,
        today=today,
    )
    return save_match(plan, result, list_id=list_id, name=name, assessment_id=assessment_id)


def _list(plan: Plan, list_id: str) -> tuple[int, SavedList]:
    for i, saved in enumerate(plan.saved_lists):
        if saved.id == list_id:
            return i, saved
    raise NotFoundError(f"no saved list with id {list_id!r}")


def _replace(plan: Plan, i: int, saved: SavedList) -> Plan:
    lists = list(plan.saved_lists)
    lists[i] = saved
    return evolve(plan, saved_lists=tuple(lists))


def mark_favorite(plan: Plan, list_id: str, code: str, favorite: bool = True) -> Plan:
    """Mark (or unmark) a career of a saved list as a favorite."""
    i, saved = _list(plan, list_id)
    if all(item.key != code for item in saved.items):
        raise NotFoundError(f"no career {code!r} in saved list {list_id!r}")
    items = tuple(
        evolve(item, favorite=favorite) if item.key == code else item for item in saved.items
    )
    return _replace(plan, i, evolve(saved, items=items))


def dismiss_career(plan: Plan, list_id: str, code: str, on: date) -> Plan:
    """Take a career off a saved list and remember it as dismissed (see :func:`dismissed_codes`)."""
    i, saved = _list(plan, list_id)
    item = next((it for it in saved.items if it.key == code), None)
    if item is None:
        raise NotFoundError(f"no career {code!r} in saved list {list_id!r}")
    plan = _replace(plan, i, evolve(saved, items=tuple(it for it in saved.items if it is not item)))
    dismissed = SavedItem(code, item.label, on, note=f"dismissed from {list_id!r}")
    try:
        j, existing = _list(plan, DISMISSED_LIST_ID)
    except NotFoundError:
        new = SavedList(
            DISMISSED_LIST_ID,
            SavedListKind.CAREERS,
            "Dismissed careers",
            on,
            (dismissed,),
            source="careers the student dismissed from match results",
        )
        return evolve(plan, saved_lists=(*plan.saved_lists, new))
    if any(it.key == code for it in existing.items):
        return plan
    return _replace(plan, j, evolve(existing, items=(*existing.items, dismissed)))


def dismissed_codes(plan: Plan) -> frozenset[str]:
    """The codes of every career the student dismissed."""
    for saved in plan.saved_lists:
        if saved.id == DISMISSED_LIST_ID:
            return frozenset(item.key for item in saved.items)
    return frozenset()
