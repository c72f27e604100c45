"""Occupation profiles: content, renderings and attribution."""

from __future__ import annotations

import json

import pytest

from ilpcore.exceptions import NotFoundError
from ilpcore.matching import (
    BLS_OEWS_CITATION,
    ONET_ATTRIBUTION,
    Occupation,
    OccupationCatalog,
    occupation_profile,
)


def test_profile_content(catalog: OccupationCatalog) -> None:
    p = occupation_profile(catalog, "15-1252.00", state="KY", tasks=3, skills=2, knowledge=2)
    assert p.release == "O*NET 30.1"
    assert len(p.tasks) == 3
    assert [r.name for r in p.skills] == ["Programming", "Critical Thinking"]
    assert p.knowledge[0].name == "Computers and Electronics"
    assert p.state_wages is not None
    assert p.state_wages.statistics.area == "KY"
    assert p.national_wages is not None
    assert p.outlook is not None
    assert p.related[0] == ("15-1299.08", "Computer Systems Engineers/Architects")
    doc = p.to_dict()
    json.dumps(doc)  # JSON-ready
    assert doc["wages"]["state"]["annual"]["median"] == 109010
    assert doc["wages"]["national"]["hourly"]["median"] == 65.38
    assert doc["outlook"]["growth_percent"] == 15.8
    assert doc["education"]["typical_entry_education_bls"] == "Bachelor's degree"
    assert doc["attribution"] == ONET_ATTRIBUTION
    assert BLS_OEWS_CITATION in doc["sources"]
    assert doc["interest_code"] == "ICR"


def test_profile_text_and_suppressed_wages(catalog: OccupationCatalog) -> None:
    text = occupation_profile(catalog, "29-1022.00", state="AL").to_text()
    assert "Oral and Maxillofacial Surgeons" in text
    assert "annual median: top-coded" in text
    assert "O*NET 30.1 Database" in text.replace("\n", " ")
    doc = occupation_profile(catalog, "29-1022.00", state="AL").to_dict()
    assert doc["wages"]["state"]["annual"]["median"] is None
    assert doc["wages"]["state"]["suppressed"]["annual_median"] == "top_coded"


def test_profile_fallback_and_missing_data(catalog: OccupationCatalog) -> None:
    counselors = occupation_profile(catalog, "21-1011.00").to_dict()
    assert counselors["wages"]["national"]["match"] == "aggregate"
    assert counselors["wages"]["national"]["soc_code"] == "21-1018"
    military = occupation_profile(catalog, "55-1011.00", state="KY")
    assert military.national_wages is None
    assert military.outlook is None
    assert "not published by BLS" in military.to_text()
    assert military.to_dict()["wages"] == {"national": None, "state": None}
    with pytest.raises(NotFoundError):
        occupation_profile(catalog, "99-9999.99")
    with pytest.raises(NotFoundError):
        occupation_profile(catalog, "15-1252.00", state="Atlantis")


def test_profile_html_escapes_text() -> None:
    evil = Occupation(
        code="15-1252.00",
        title="<b>Developers</b> & Co",
        description='Write "code" <script>alert(1)</script>',
    )
    catalog = OccupationCatalog(release="Test <1>", occupations=(evil,))
    html = occupation_profile(catalog, "15-1252.00")._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Developers&lt;/b&gt; &amp; Co" in html
    assert "Test &lt;1&gt;" in html
    assert "O*NET 30.1 Database" in html


def test_profile_html_real(catalog: OccupationCatalog) -> None:
    html = occupation_profile(catalog, "29-1141.00", state="Ohio")._repr_html_()
    assert "Registered Nurses" in html
    assert "Ohio" in html
    assert "<table>" in html
    assert "Occupational Employment and Wage Statistics" in html
