"""Rendering: golden files of the sample resume, and hostile student text in every format."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ilpcore.model import Plan, ResumeContact, ResumeSpec, evolve
from ilpcore.resume import Resume, build_resume, markdown_escape, to_markdown, to_text
from ilpcore.resume.html import to_html
from ilpcore.resume.text import one_line
from ilpcore.samples import sample_plan
from ilpcore.testing.strategies import plans

from .conftest import check_golden

XSS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "';alert(String.fromCharCode(88,83,83))//",
    "<a href='javascript:alert(1)'>click</a>",
    "&lt;script&gt;",
    "{{ 7*7 }} {% raw %}",
    "<!-- comment --><![CDATA[x]]>",
    "<iframe src=//evil.example></iframe>",
    "**bold** _em_ `code` [link](http://evil.example) ![img](x.png)",
    "# heading\n- item\n> quote\n1. one",
    "</p></div></body>",
    "\\<b>\\</b>",
)
"""Attack strings from common XSS cheat sheets, plus Markdown and template syntax."""

hostile_text = st.one_of(
    st.sampled_from(XSS),
    st.lists(st.sampled_from(XSS), min_size=1, max_size=3).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1).filter(
        lambda s: bool(s.strip())
    ),
)

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Control characters other than the newline."""

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _hostile_plan(plan: Plan, text: str) -> Plan:
    """``plan`` with ``text`` in every student-written field the resume shows."""
    student = evolve(plan.student, name=evolve(plan.student.name, given=text, preferred=None))
    school = evolve(student.school, name=text, district=text)
    return evolve(
        plan,
        student=evolve(student, school=school),
        activities=tuple(
            evolve(a, title=text, organization=text, role=text, description=text, skills=(text,))
            for a in plan.activities
        ),
        profile=evolve(plan.profile, interests=(text,)),
    )


def _hostile_spec(text: str) -> ResumeSpec:
    return ResumeSpec(contact=ResumeContact(f"a{text}@b", text, text, text), objective=text)


def test_golden_text(sample_resume: Resume) -> None:
    check_golden("sample.txt", to_text(sample_resume))


def test_golden_markdown(sample_resume: Resume) -> None:
    check_golden("sample.md", to_markdown(sample_resume))


def test_golden_html(sample_resume: Resume) -> None:
    check_golden("sample.html", to_html(sample_resume))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str | None]] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"a comment reached the page: {data!r}")


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


TEMPLATE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "div", "strong"}
TEMPLATE_ATTRIBUTES = {("lang", "en"), ("charset", "utf-8")} | {
    ("class", c) for c in ("contact", "entry", "head", "facts", "description", "list", "objective")
}


@SLOW
@given(hostile_text)
def test_html_never_contains_unescaped_student_text(text: str) -> None:
    page = to_html(build_resume(_hostile_plan(sample_plan(), text), _hostile_spec(text)))
    parsed = _parse(page)
    assert parsed.tags <= TEMPLATE_TAGS
    assert parsed.attributes <= TEMPLATE_ATTRIBUTES
    # The text is all there, as text: escaping lost nothing.
    assert text in "".join(parsed.text)
    for c in "<>":
        if c in text:
            assert html.escape(c) in page


@SLOW
@given(plans(max_items=2))
def test_html_of_any_plan_has_only_template_markup(plan: Plan) -> None:
    parsed = _parse(to_html(build_resume(plan, ResumeSpec(show_gpa=True))))
    assert parsed.tags <= TEMPLATE_TAGS
    assert parsed.attributes <= TEMPLATE_ATTRIBUTES


_MD = MarkdownIt("commonmark").enable("table")


def _plain(inline_html: str) -> str:
    return "".join(_parse(inline_html).text)


@SLOW
@given(hostile_text)
@example("0\r\x1b")  # a control character after whitespace once left a trailing space
def test_markdown_escape_makes_text_literal(text: str) -> None:
    rendered = _MD.render(markdown_escape(text))
    parsed = _parse(rendered)
    assert parsed.tags <= {"p"}
    assert _plain(rendered).strip() == one_line(text).replace("\0", "\ufffd")


@SLOW
@given(hostile_text)
def test_markdown_resume_shows_hostile_text_literally(text: str) -> None:
    document = to_markdown(build_resume(_hostile_plan(sample_plan(), text), _hostile_spec(text)))
    parsed = _parse(_MD.render(document))
    assert parsed.tags <= {"h1", "h2", "p", "ul", "li", "strong", "br"}
    assert one_line(text).replace("\0", "\ufffd") in "".join(parsed.text)


@SLOW
@given(hostile_text)
def test_plain_text_is_plain_and_one_line_per_field(text: str) -> None:
    resume = build_resume(_hostile_plan(sample_plan(), text), _hostile_spec(text))
    document = to_text(resume)
    assert one_line(text) in document
    plain = to_text(build_resume(_hostile_plan(sample_plan(), "x"), _hostile_spec("x")))
    assert len(document.splitlines()) == len(plain.splitlines())
    for rendered in (document, to_markdown(resume)):
        assert not CONTROL.search(rendered), "a control character reached the output"


def test_golden_json_resume() -> None:
    from ilpcore.resume.jsonresume import to_json_resume

    from .conftest import SAMPLE_SPEC

    document = to_json_resume(sample_plan(), SAMPLE_SPEC)
    del document["meta"]["ilpcore"]["generator"]  # names the ilpcore version
    check_golden(
        "sample.jsonresume.json", json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    )
