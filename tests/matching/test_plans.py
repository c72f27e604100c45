"""Saving match results on a plan: dated lists, favorites, dismissals, recomputation."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from ilpcore.exceptions import NotFoundError, ValidationError
from ilpcore.matching import OccupationCatalog
from ilpcore.matching.interests import from_assessment, load_interest_profiler
from ilpcore.matching.plans import (
    DISMISSED_LIST_ID,
    dismiss_career,
    dismissed_codes,
    mark_favorite,
    recompute_match,
    save_match,
)
from ilpcore.matching.ranking import InterestIndex, profiles_from_catalog, rank_interests
from ilpcore.model import AssessmentKind, PersonName, Plan, SavedListKind, SchoolRef, Student

ONET_EXAMPLE = "553421321134342523523523254115342111351145453111231155343444"
DAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def index(onet: OccupationCatalog) -> InterestIndex:
    return InterestIndex.from_catalog(onet)


def _plan() -> Plan:
    return Plan(Student("S1", PersonName("Maya", "Okafor"), 9, 2029, SchoolRef("HS1", "Central")))


def _saved(index: InterestIndex) -> Plan:
    scores = load_interest_profiler().score(ONET_EXAMPLE)
    result = rank_interests(scores, index, top=10, zone=3, today=DAY)
    return save_match(
        _plan(), result, list_id="ip-2026-11", name="From my interests (Nov 2026)",
        scores=scores, assessment_id="ip-1",
    )  # fmt: skip


def test_save_keeps_answers_filters_and_release(index: InterestIndex) -> None:
    plan = _saved(index)
    (assessment,) = plan.assessments
    assert assessment.kind is AssessmentKind.INTEREST
    assert assessment.answers == ONET_EXAMPLE
    assert from_assessment(assessment).values == (27, 13, 23, 25, 14, 14)
    (saved,) = plan.saved_lists
    assert saved.kind is SavedListKind.CAREERS
    assert saved.created_on == DAY
    assert saved.items[0].key == "39-5094.00"
    assert len(saved.items) == 10
    assert saved.source is not None
    for part in ("O*NET 30.1", "Job Zone 3", "top 10", "onet-ip-sf-60 raw 0-40", "2026-11-23"):
        assert part in saved.source


def test_same_list_id_twice_is_refused(index: InterestIndex) -> None:
    plan = _saved(index)
    result = rank_interests((27, 13, 23, 25, 14, 14), index, top=3, today=DAY)
    with pytest.raises(ValidationError) as info:
        save_match(plan, result, list_id="ip-2026-11", name="again")
    assert info.value.paths[0].startswith("saved_lists")
    with pytest.raises(ValidationError):
        save_match(plan, result, list_id="x", name="x", scores=from_assessment(plan.assessments[0]))


def test_favorites_and_dismissals(index: InterestIndex) -> None:
    plan = mark_favorite(_saved(index), "ip-2026-11", "27-2031.00")
    assert [i.key for i in plan.saved_lists[0].favorites] == ["27-2031.00"]
    plan = mark_favorite(plan, "ip-2026-11", "27-2031.00", favorite=False)
    assert plan.saved_lists[0].favorites == ()
    plan = dismiss_career(plan, "ip-2026-11", "39-5094.00", DAY)
    plan = dismiss_career(plan, "ip-2026-11", "27-2031.00", DAY)
    assert "39-5094.00" not in [i.key for i in plan.saved_lists[0].items]
    assert dismissed_codes(plan) == {"39-5094.00", "27-2031.00"}
    assert plan.saved_lists[1].id == DISMISSED_LIST_ID
    with pytest.raises(NotFoundError):
        dismiss_career(plan, "ip-2026-11", "39-5094.00", DAY)
    with pytest.raises(NotFoundError):
        mark_favorite(plan, "nope", "27-2031.00")


def test_recompute_on_a_new_release_keeps_the_old_list(
    index: InterestIndex, onet: OccupationCatalog
) -> None:
    plan = dismiss_career(_saved(index), "ip-2026-11", "39-5094.00", DAY)
    old = plan.saved_lists[0]
    profiles = [attrs.evolve(p, title=p.title + " (new)") for p in profiles_from_catalog(onet)]
    new_index = InterestIndex.build(profiles, release="O*NET 31.0")
    later = date(2027, 9, 1)
    plan = recompute_match(
        plan, "ip-1", new_index, list_id="ip-2027-09", name="Recomputed", zone=3, today=later
    )
    assert plan.saved_lists[0] == old
    new = next(s for s in plan.saved_lists if s.id == "ip-2027-09")
    assert new.created_on == later
    assert new.source is not None
    assert new.source.startswith("O*NET 31.0")
    assert "39-5094.00" not in [i.key for i in new.items]
    assert new.items[0].label.endswith("(new)")
    assert len(plan.assessments) == 1
