"""Keyword search, browsing and the career selector on the real catalog."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import NotFoundError, ValidationError
from ilpcore.matching import (
    ONET_ATTRIBUTION,
    SCHOOL_SUBJECTS,
    CareerFilter,
    OccupationCatalog,
    WageStatus,
    by_subject,
    career_clusters,
    career_pathways,
    in_cluster,
    school_subject,
    search,
    select,
)
from ilpcore.matching.search import ALTERNATE_TITLE, TASK, TITLE, SearchIndex
from ilpcore.matching.text import words


def test_case_and_plural_tolerant(catalog: OccupationCatalog) -> None:
    a = search(catalog, "nurses")
    b = search(catalog, "NURSE")
    assert a.codes == b.codes
    assert a.codes[0] == "29-1141.00"  # Registered Nurses
    assert search(catalog, "technologies").codes == search(catalog, "Technology").codes


def test_title_above_alternate_above_task(catalog: OccupationCatalog) -> None:
    results = search(catalog, "chef")
    fields = [h.field for h in results.hits]
    assert results.hits[0].code == "35-1011.00"  # Chefs and Head Cooks
    # title hits come first, then alternate titles, then tasks
    order = {TITLE: 0, ALTERNATE_TITLE: 1, TASK: 2}
    assert [order[f] for f in fields] == sorted(order[f] for f in fields)
    alt = next(h for h in results.hits if h.field == ALTERNATE_TITLE)
    assert "chef" in words(alt.text)


def test_phrase_and_all_words_rank_first(catalog: OccupationCatalog) -> None:
    results = search(catalog, "software developers", limit=3)
    assert results.hits[0].code == "15-1252.00"
    assert results.hits[0].matched_words == 2
    assert results.total > 3
    assert len(results.hits) == 3
    assert results.hits[0].rank == 1


def test_task_only_match(catalog: OccupationCatalog) -> None:
    results = search(catalog, "spreadsheets")
    assert results.total > 0
    assert all(h.field == TASK for h in results.hits)
    assert all("spreadsheet" in words(h.text) for h in results.hits)


def test_search_within_cluster(catalog: OccupationCatalog) -> None:
    results = search(catalog, "manager", cluster="Health Science")
    health = {o.code for o in in_cluster(catalog, "Health Science")}
    assert results.codes
    assert set(results.codes) <= health


def test_common_words_are_ignored(catalog: OccupationCatalog) -> None:
    assert (
        search(catalog, "the nurses of the hospital").codes
        == search(catalog, "nurses hospital").codes
    )
    only_common = search(catalog, "and")
    assert only_common.total > 0  # a query of common words only still searches them


def test_empty_and_unknown_queries(catalog: OccupationCatalog) -> None:
    assert search(catalog, "").total == 0
    assert search(catalog, "!!! ...").total == 0
    assert search(catalog, "xyzzyplugh").total == 0


def test_renderings_carry_attribution_and_escape(catalog: OccupationCatalog) -> None:
    results = search(catalog, "<script>nurse</script>", limit=2)
    assert results.total > 0
    html = results._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "O*NET 30.1 Database" in html
    assert results.to_dict()["attribution"] == ONET_ATTRIBUTION
    assert results.to_dict()["release"] == "O*NET 30.1"
    assert ONET_ATTRIBUTION in results.to_text()


@settings(max_examples=60, deadline=None)
@given(query=st.text(max_size=40))
def test_search_never_raises_and_is_deterministic(catalog: OccupationCatalog, query: str) -> None:
    index = SearchIndex.of(catalog)
    first = index.search(query)
    assert first == index.search(query)
    assert [h.rank for h in first] == list(range(1, len(first) + 1))
    assert len({h.code for h in first}) == len(first)
    counts = [h.matched_words for h in first]
    assert counts == sorted(counts, reverse=True)


@settings(max_examples=12, deadline=None)
@given(
    st.lists(
        st.sampled_from(["nurse", "software", "Chefs", "teacher", "truck", "art"]),
        min_size=1,
        max_size=3,
    )
)
def test_word_order_does_not_change_the_matches(
    catalog: OccupationCatalog, terms: list[str]
) -> None:
    forward = search(catalog, " ".join(terms))
    backward = search(catalog, " ".join(reversed(terms)))
    assert set(forward.codes) == set(backward.codes)


def test_browse_clusters_and_pathways(catalog: OccupationCatalog) -> None:
    assert len(career_clusters(catalog)) == 16
    assert len(career_pathways(catalog)) == 73
    it = career_pathways(catalog, "information technology")
    assert {p.cluster for p in it} == {"Information Technology"}
    devs = in_cluster(catalog, pathway="Programming and Software Development")
    assert "15-1252.00" in {o.code for o in devs}
    titles = [o.title for o in devs]
    assert titles == sorted(titles)
    with pytest.raises(NotFoundError, match="choose one of"):
        in_cluster(catalog, "Underwater Basket Weaving")


def test_browse_by_school_subject(catalog: OccupationCatalog) -> None:
    math = by_subject(catalog, "math", limit=10)
    assert len(math) == 10
    importance = [m.rating.importance for m in math]
    assert importance == sorted(importance, reverse=True)
    assert "Mathematicians" in [m.occupation.title for m in math]
    biology = by_subject(catalog, "Biology", min_importance=4.0)
    assert all(m.rating.importance >= 4.0 for m in biology)
    assert biology
    for subject in SCHOOL_SUBJECTS:
        matches = by_subject(catalog, subject, limit=1)
        assert matches[0].rating.name == subject.knowledge
    assert school_subject("2.C.7.b").name == "World Languages"
    with pytest.raises(NotFoundError, match="known subjects"):
        school_subject("Recess")


def test_selector_filters(catalog: OccupationCatalog) -> None:
    chosen = select(
        catalog,
        job_zones={4},
        interests="I",
        min_median_wage=90000,
        state="KY",
        bright_outlook=True,
        sort="wage",
    )
    assert len(chosen) > 0
    for s in chosen.occupations:
        o = catalog[s.code]
        assert o.job_zone == 4
        assert o.high_points[0] == "I"
        wages = catalog.wages_of(s.code, "KY")
        assert wages is not None
        median = wages.statistics.figure("median")
        assert median.status is WageStatus.TOP_CODED or median.value >= 90000  # type: ignore[operator]
        assert s.bright_outlook
    medians = [s.median_wage for s in chosen.occupations if s.median_wage is not None]
    assert medians == sorted(medians, reverse=True)
    assert chosen.to_dict()["criteria"]["min_median_wage"] == 90000


def test_selector_education_growth_and_cluster(catalog: OccupationCatalog) -> None:
    chosen = select(
        catalog,
        max_entry_education="High school diploma or equivalent",
        min_growth=Decimal(5),
        cluster="Health Science",
        sort="growth",
    )
    assert len(chosen) > 0
    for s in chosen.occupations:
        assert s.entry_education in (
            "No formal educational credential",
            "High school diploma or equivalent",
        )
        assert s.growth_percent is not None
        assert s.growth_percent >= 5
    growth = [s.growth_percent for s in chosen.occupations]
    assert growth == sorted(growth, reverse=True)  # type: ignore[type-var]
    everything = select(catalog)
    assert len(everything) == len(catalog)
    html = chosen._repr_html_()
    assert "O*NET 30.1 Database" in html
    assert "Occupational Employment and Wage Statistics" in chosen.to_text()


def test_selector_rejects_bad_criteria() -> None:
    with pytest.raises(ValidationError) as info:
        CareerFilter(
            job_zones=frozenset({0}), max_entry_education="PhD", interests="XYZ", state="Atlantis"
        )
    assert set(info.value.paths) == {"job_zones", "max_entry_education", "interests", "state"}
