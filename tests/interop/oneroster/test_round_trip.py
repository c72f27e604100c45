"""write_oneroster then read_roster gives back the students, schools, grades, demographics,
guardians and caseloads; re-importing an export of the store changes nothing."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.access import Relationships
from ilpcore.exceptions import ExportExistsError, ValidationError
from ilpcore.interop import ImportOutcome, apply_import
from ilpcore.interop.oneroster import Roster, read_roster, write_oneroster
from ilpcore.model import Demographics, Plan, Profile, Role
from ilpcore.store import Actor, MemoryStore
from ilpcore.testing.strategies import (
    contacts,
    course_records,
    demographics,
    identifiers,
    school_refs,
    students,
)
from tests.interop.oneroster.conftest import LAKEVIEW

CLERK = Actor("sis-sync", Role.DISTRICT_ADMINISTRATOR)


def _oneroster_sex(d: Demographics) -> Demographics:
    """The binding knows male, female and other."""
    if d.sex is None or d.sex in ("male", "female"):
        return d
    return attrs.evolve(d, sex="other")


@st.composite
def district_plans(draw: st.DrawFn) -> list[Plan]:
    """Plans of distinct students whose schools agree, with guardians of distinct ids."""
    schools = draw(st.lists(school_refs(), min_size=1, max_size=3, unique_by=lambda s: s.id))
    people = draw(st.lists(students(), max_size=5, unique_by=lambda s: s.id))
    out = []
    for i, student in enumerate(people):
        school = draw(st.sampled_from(schools))
        people_around = draw(st.lists(contacts(), max_size=3, unique_by=lambda c: c.id))
        renamed = tuple(attrs.evolve(c, id=f"{c.id}-{i}") for c in people_around)
        facts = draw(st.none() | demographics().map(_oneroster_sex))
        out.append(
            Plan(
                attrs.evolve(student, school=school),
                profile=Profile(contacts=renamed),
                demographics=facts,
                courses=tuple(draw(st.lists(course_records(), max_size=3))),
            )
        )
    return out


@st.composite
def relationships_of_plans(draw: st.DrawFn, plans: list[Plan]) -> Relationships:
    ids = sorted(p.student.id for p in plans)
    school_ids = sorted({p.student.school.id for p in plans} | {"SCH-UNKNOWN"})
    staff = draw(st.lists(identifiers("T"), max_size=4, unique=True))
    some_students = st.frozensets(st.sampled_from(ids), max_size=4) if ids else st.just(frozenset())
    return Relationships(
        caseloads={s: draw(some_students) for s in staff if draw(st.booleans())},
        schools={s: draw(st.frozensets(st.sampled_from(school_ids))) for s in staff},
        guardians={
            i: draw(st.frozensets(identifiers("G"), max_size=2)) for i in ids if draw(st.booleans())
        },
    )


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as temp:
        yield Path(temp) / "export"


def _demographic_view(d: Demographics | None) -> tuple[object, ...]:
    d = d or Demographics()
    return d.sex, frozenset(d.races), d.hispanic_or_latino


def _expected_staff_schools(plans: list[Plan], rel: Relationships) -> dict[str, frozenset[str]]:
    school_of = {p.student.id: p.student.school.id for p in plans}
    out = {}
    for staff in {*rel.caseloads, *rel.schools}:
        at = set(rel.schools.get(staff, frozenset())) & set(school_of.values())
        at = at or {school_of[s] for s in rel.caseloads.get(staff, ()) if s in school_of}
        if at:
            out[staff] = frozenset(at)
    return out


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_export_then_import_gives_back_the_roster(data: st.DataObject) -> None:
    plans = data.draw(district_plans())
    rel = data.draw(relationships_of_plans(plans))
    with _folder() as folder:
        write_oneroster(plans, folder, relationships=rel, school_year=2027)
        roster = read_roster(folder)
    batch = roster.batch
    assert batch.rejected == ()
    assert [r.student for r in batch.students] == [p.student for p in plans]
    assert set(roster.schools) == {p.student.school for p in plans}
    assert [_demographic_view(r.demographics) for r in batch.students] == [
        _demographic_view(p.demographics) for p in plans
    ]
    guardians = {
        p.student.id: frozenset(c.id for c in p.profile.contacts if c.role is Role.PARENT_GUARDIAN)
        | rel.guardians.get(p.student.id, frozenset())
        for p in plans
    }
    assert batch.guardians == {k: v for k, v in guardians.items() if v}
    assert batch.staff_caseloads == {k: v for k, v in rel.caseloads.items() if v}
    assert roster.staff_schools == _expected_staff_schools(plans, rel)
    relationships = roster.relationships()
    assert relationships.caseloads == batch.staff_caseloads
    assert relationships.schools == roster.staff_schools


@settings(max_examples=30, deadline=None)
@given(district_plans())
def test_reimporting_an_export_of_the_store_changes_nothing(plans: list[Plan]) -> None:
    store = MemoryStore()
    for plan in plans:
        store.save_plan(CLERK, plan, base_revision=None)
    saved = [store.load_plan(CLERK, s.student_id) for s in store.list_plans(CLERK)]
    with _folder() as folder:
        write_oneroster(saved, folder)
        batch = read_roster(folder).batch
    report = apply_import(store, CLERK, batch)
    assert report.rejected == ()
    assert set(report.ids(ImportOutcome.UNCHANGED)) == {p.student.id for p in plans}
    assert [store.load_plan(CLERK, p.student.id) for p in saved] == saved


def test_a_lakeview_round_trip_through_a_store(tmp_path: Path) -> None:
    roster = read_roster(LAKEVIEW)
    store = MemoryStore()
    apply_import(store, CLERK, roster.batch)
    plans = [store.load_plan(CLERK, s.student_id) for s in store.list_plans(CLERK)]
    counts = write_oneroster(
        plans, tmp_path / "out", relationships=roster.relationships(), staff=roster.staff
    )
    assert counts["users"] == 3 + 2 + 3
    again: Roster = read_roster(tmp_path / "out")
    assert again.batch.students == roster.batch.students
    assert again.relationships() == roster.relationships()
    assert set(again.staff) == set(roster.staff)
    assert apply_import(store, CLERK, again.batch).counts()["unchanged"] == 3


def test_the_export_replaces_an_earlier_one_and_nothing_else(tmp_path: Path) -> None:
    roster = read_roster(LAKEVIEW)
    plans = [Plan(r.student) for r in roster.batch.students]
    out = tmp_path / "out"
    write_oneroster(plans, out)
    write_oneroster(plans[:1], out)
    assert len(read_roster(out).batch.students) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    other = tmp_path / "notes"
    other.mkdir()
    (other / "todo.txt").write_text("keep me")
    with pytest.raises(ExportExistsError, match="not a OneRoster CSV set"):
        write_oneroster(plans, other)
    assert (other / "todo.txt").read_text() == "keep me"


def test_a_failed_export_leaves_no_trace(tmp_path: Path) -> None:
    roster = read_roster(LAKEVIEW)
    plans = [Plan(r.student) for r in roster.batch.students]
    clash = Relationships(caseloads={"100482": frozenset({"100483"})})
    with pytest.raises(ValidationError, match="both a student and a staff"):
        write_oneroster(plans, tmp_path / "out", relationships=clash)
    assert list(tmp_path.iterdir()) == []


def test_schools_must_agree(tmp_path: Path) -> None:
    roster = read_roster(LAKEVIEW)
    ana, ben = (Plan(r.student) for r in roster.batch.students[:2])
    renamed = attrs.evolve(ben.student.school, name="Lakeview HS")
    ben = attrs.evolve(ben, student=attrs.evolve(ben.student, school=renamed))
    with pytest.raises(ValidationError, match=r"plans\[1\]\.student\.school"):
        write_oneroster([ana, ben], tmp_path / "out")


def test_one_plan_per_student(tmp_path: Path) -> None:
    ana = Plan(read_roster(LAKEVIEW).batch.students[0].student)
    with pytest.raises(ValidationError, match=r"plans\[1\]\.student\.id"):
        write_oneroster([ana, ana], tmp_path / "out")
