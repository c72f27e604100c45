"""The index page: a golden rendering of the sample plan with work samples, hostile student text
always escaped, and nothing fetched from elsewhere."""

from __future__ import annotations

import functools
import html
import re

from hypothesis import HealthCheck, given, settings

from ilpcore.model import Plan, evolve
from ilpcore.portfolio import build_portfolio
from ilpcore.portfolio.html import size_text, to_html
from ilpcore.store.memory import MemoryStore
from ilpcore.testing.strategies import plans
from tests.resume.test_render import _parse, _Tags, hostile_text

from .conftest import AS_OF, SAMPLES, check_golden, stored_plan

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_golden_index(plan: Plan) -> None:
    check_golden("index.html", to_html(build_portfolio(plan, as_of=AS_OF)))


def test_the_index_links_each_sample_where_it_belongs(plan: Plan) -> None:
    page = to_html(build_portfolio(plan, as_of=AS_OF))
    pdf, badge, essay = plan.artifacts
    assert '<a href="files/01-care-plan-for-a-b-pretend-b-patient.pdf">' in page
    assert "Care plan for a &lt;b&gt;pretend&lt;/b&gt; patient" in page
    assert '<img src="files/02-volunteer-badge.png" alt="Volunteer badge">' in page
    assert '<a href="files/03-essay.md">essay</a>' in page
    # The PDF sits under the job shadow, the badge under the volunteering with its reflection.
    shadow = page.index("Job shadow: pediatric nurse")
    assert shadow < page.index("01-care-plan") < page.index("<h3>Extracurricular</h3>", shadow)
    volunteer = page.index("<h4>Hospital volunteer</h4>")
    assert volunteer < page.index("02-volunteer-badge") < page.index("I earned it after 50 hours")
    assert page.index("<h2>Other work samples</h2>") < page.index("03-essay.md")
    assert (pdf.size, badge.media_type, essay.media_type) == (
        len(SAMPLES["pdf"][0]), "image/png", "text/markdown",
    )  # fmt: skip


TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "div", "span",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "blockquote", "a", "img",
}  # fmt: skip
FIXED_ATTRIBUTES = {"lang", "charset", "name", "content", "http-equiv", "class"}
LOCAL_FILE = re.compile(r"files/[0-9]{2,}-[a-z0-9-]+\.[a-z0-9]+")


def check_markup(page: str) -> _Tags:
    """Only the template's tags; links and images only to the export's own files."""
    parsed = _parse(page)
    assert parsed.tags <= TEMPLATE_TAGS
    for name, value in parsed.attributes:
        if name in ("href", "src"):
            assert value is not None
            assert LOCAL_FILE.fullmatch(value), value
        else:
            assert name in FIXED_ATTRIBUTES or name == "alt", name
    assert "<script" not in page.lower()
    assert "url(" not in page
    return parsed


def _hostile_plan(plan: Plan, text: str) -> Plan:
    """``plan`` with ``text`` in every student-written field the portfolio shows."""
    student = evolve(plan.student, name=evolve(plan.student.name, given=text, preferred=None))
    return evolve(
        plan,
        student=evolve(student, school=evolve(student.school, name=text)),
        activities=tuple(
            evolve(a, title=text, organization=text, role=text, description=text, skills=(text,))
            for a in plan.activities
        ),
        reflections=tuple(evolve(r, text=text) for r in plan.reflections),
        artifacts=tuple(evolve(a, title=text, description=text) for a in plan.artifacts),
    )


@functools.cache
def _sample_plan() -> Plan:
    with MemoryStore() as store:
        return stored_plan(store)


@SLOW
@given(hostile_text)
def test_html_never_contains_unescaped_student_text(text: str) -> None:
    plan = _sample_plan()
    page = to_html(build_portfolio(_hostile_plan(plan, text), as_of=AS_OF))
    parsed = check_markup(page)
    assert text in "".join(parsed.text)  # all there, as text: escaping lost nothing
    assert ("alt", text) in parsed.attributes
    for c in "<>":
        if c in text:
            assert html.escape(c) in page


@SLOW
@given(plans(max_items=3))
def test_any_plan_renders_with_only_template_markup(plan: Plan) -> None:
    portfolio = build_portfolio(plan, as_of=AS_OF)
    check_markup(to_html(portfolio))
    assert len({f.filename for f in portfolio.files}) == len(plan.artifacts)
    placed = {a.activity.id for y in portfolio.years for g in y.groups for a in g.activities}
    assert placed == {a.id for a in plan.activities}


def test_sizes_for_people() -> None:
    assert [size_text(n) for n in (0, 999, 1000, 999_999, 10**9, 10**13)] == [
        "0 bytes", "999 bytes", "1.0 kB", "1000.0 kB", "1.0 GB", "10000.0 GB",
    ]  # fmt: skip
