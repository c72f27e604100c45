"""GuardedStore: every operation decided by the default policy and logged exactly once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

from ilpcore.access import DEFAULT_POLICY, Action, Relationships, Section, StudentFacts, decide
from ilpcore.access.guarded import GuardedStore
from ilpcore.audit import AuditAction, AuditEntry, Outcome, verify
from ilpcore.exceptions import AccessDeniedError, ConflictError
from ilpcore.model import Demographics, GoalStatus, Plan, Review, ReviewKind, Role, SignOff
from ilpcore.samples import sample_plan
from ilpcore.store import Actor, MemoryStore, Store
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.testing.pytest_store import make_plan

MAYA = "100482"
SCHOOL = "KY-165-040"
NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
STUDENT = Actor(MAYA, Role.STUDENT)
PARENT = Actor("p-grace", Role.PARENT_GUARDIAN)
OTHER_PARENT = Actor("p-other", Role.PARENT_GUARDIAN)
COUNSELOR = Actor("c-reyes", Role.COUNSELOR)
OTHER_COUNSELOR = Actor("c-other", Role.COUNSELOR)
ADVISOR = Actor("a-1", Role.ADVISOR)
TEACHER = Actor("t-1", Role.TEACHER)
MENTOR = Actor("m-1", Role.MENTOR)
SCHOOL_ADMIN = Actor("sa-1", Role.SCHOOL_ADMINISTRATOR)
ADMIN = Actor("da-1", Role.DISTRICT_ADMINISTRATOR)
RESEARCHER = Actor("r-1", Role.RESEARCHER)
PDF = b"%PDF-1.7 resume"

RELATIONSHIPS = Relationships(
    guardians={MAYA: frozenset({PARENT.id}), "S2": frozenset({OTHER_PARENT.id})},
    caseloads={c.id: frozenset({MAYA}) for c in (COUNSELOR, ADVISOR, TEACHER, MENTOR)},
    schools={SCHOOL_ADMIN.id: frozenset({SCHOOL})},
)


def maya() -> Plan:
    return attrs.evolve(sample_plan(), demographics=Demographics(sex="F", english_learner=False))


@pytest.fixture
def inner() -> MemoryStore:
    store = MemoryStore()
    store.save_plan(ADMIN, maya(), base_revision=None)
    store.save_plan(ADMIN, make_plan("S2", school_id=SCHOOL), base_revision=None)
    store.put_blob(ADMIN, MAYA, PDF, "application/pdf")
    for saved_list in maya().saved_lists:
        store.save_list(ADMIN, MAYA, saved_list)
    return store


def guard(store: Store, now: datetime = NOW) -> GuardedStore:
    return GuardedStore(store, relationships=RELATIONSHIPS, clock=lambda: now, via="tests")


def log(store: Store) -> tuple[AuditEntry, ...]:
    return store.audit_log(ADMIN)


def state(store: Store) -> tuple[Any, ...]:
    held = store.current_revision(ADMIN, MAYA)
    return (
        store.load_plan(ADMIN, MAYA) if held else None, store.load_lists(ADMIN, MAYA),
        store.list_blobs(ADMIN, MAYA), store.deletions(ADMIN),
    )  # fmt: skip


def _edit_goal(s: GuardedStore, a: Actor) -> object:
    plan = s.inner.load_plan(ADMIN, MAYA)
    old = plan.goal("G-nurse")
    status = (
        GoalStatus.ACHIEVED if old.status is not GoalStatus.ACHIEVED else GoalStatus.IN_PROGRESS
    )
    goal = attrs.evolve(old, status=status)
    goals = tuple(goal if g.id == "G-nurse" else g for g in plan.goals)
    return s.save_plan(a, attrs.evolve(plan, goals=goals), base_revision=plan.revision)


def _saved_list(s: GuardedStore) -> Any:
    return s.inner.load_lists(ADMIN, MAYA)[0]


OPERATIONS: dict[str, Callable[[GuardedStore, Actor], object]] = {
    "save_plan": _edit_goal,
    "load_plan": lambda s, a: s.load_plan(a, MAYA),
    "current_revision": lambda s, a: s.current_revision(a, MAYA),
    "plan_history": lambda s, a: s.plan_history(a, MAYA),
    "list_plans": lambda s, a: s.list_plans(a),
    "delete_student": lambda s, a: s.delete_student(a, MAYA),
    "deletions": lambda s, a: s.deletions(a),
    "put_blob": lambda s, a: s.put_blob(a, MAYA, b"new", "text/plain"),
    "get_blob": lambda s, a: s.get_blob(a, MAYA, s.inner.list_blobs(ADMIN, MAYA)[0].content_hash),
    "list_blobs": lambda s, a: s.list_blobs(a, MAYA),
    "save_list": lambda s, a: s.save_list(a, MAYA, attrs.evolve(_saved_list(s), name="Mine")),
    "load_lists": lambda s, a: s.load_lists(a, MAYA),
    "delete_list": lambda s, a: s.delete_list(a, MAYA, maya().saved_lists[0].id),
    "favorites": lambda s, a: s.favorites(a, MAYA),
    "audit_log": lambda s, a: s.audit_log(a),
}

CASES = [
    ("save_plan", COUNSELOR, TEACHER, AuditAction.WRITE),
    ("load_plan", PARENT, OTHER_PARENT, AuditAction.READ),
    ("current_revision", STUDENT, OTHER_COUNSELOR, AuditAction.READ),
    ("plan_history", ADVISOR, RESEARCHER, AuditAction.HISTORY),
    ("list_plans", RESEARCHER, None, AuditAction.LIST),
    ("delete_student", ADMIN, COUNSELOR, AuditAction.DELETE),
    ("deletions", ADMIN, SCHOOL_ADMIN, AuditAction.AUDIT_READ),
    ("put_blob", STUDENT, PARENT, AuditAction.BLOB_WRITE),
    ("get_blob", TEACHER, OTHER_PARENT, AuditAction.BLOB_READ),
    ("list_blobs", MENTOR, RESEARCHER, AuditAction.BLOB_READ),
    ("save_list", STUDENT, TEACHER, AuditAction.WRITE),
    ("load_lists", MENTOR, TEACHER, AuditAction.READ),
    ("delete_list", STUDENT, PARENT, AuditAction.WRITE),
    ("favorites", STUDENT, TEACHER, AuditAction.READ),
    ("audit_log", ADMIN, COUNSELOR, AuditAction.AUDIT_READ),
]


def test_every_store_method_is_covered() -> None:
    methods = {n for n in dir(Store) if not n.startswith("_")}
    methods -= {"url", "max_blob_size", "close", "append_audit", "append_audits", "recording"}
    # iter_plans logs a listing then one entry a plan read, not one in all:
    # tests/access/test_guarded_stream.py and tests/batch/test_iter_plans_guarded.py check it.
    methods -= {"iter_plans"}
    assert methods == set(OPERATIONS) == {c[0] for c in CASES}


@pytest.mark.parametrize(("name", "allowed", "denied", "action"), CASES, ids=[c[0] for c in CASES])
def test_every_operation_leaves_exactly_one_entry(
    inner: MemoryStore, name: str, allowed: Actor, denied: Actor | None, action: AuditAction
) -> None:
    store = guard(inner)
    operation = OPERATIONS[name]
    before = log(inner)
    operation(store, allowed)
    after = log(inner)
    assert after[: len(before)] == before
    (entry,) = after[len(before) :]
    r = entry.record
    assert (r.actor_id, r.actor_role, r.action, r.outcome) == (
        allowed.id, allowed.role, action, Outcome.ALLOWED,
    )  # fmt: skip
    assert (r.at, r.via) == (NOW, "tests")
    if denied is None:
        return
    snapshot = state(inner)
    with pytest.raises(AccessDeniedError) as caught:
        operation(store, denied)
    assert state(inner) == snapshot, "a denied operation changes nothing"
    (entry,) = log(inner)[len(after) :]
    assert (entry.record.actor_id, entry.record.outcome) == (denied.id, Outcome.DENIED)
    assert entry.record.reason == caught.value.reason
    assert denied.id in str(caught.value)
    assert denied.role.value in str(caught.value)
    assert verify(log(inner)).ok


def test_a_failed_operation_is_logged_as_failed(inner: MemoryStore) -> None:
    store = guard(inner)
    stale = inner.load_plan(ADMIN, MAYA)
    _edit_goal(store, COUNSELOR)
    with pytest.raises(ConflictError):
        store.save_plan(
            COUNSELOR, attrs.evolve(stale, goals=stale.goals[::-1]), base_revision=stale.revision
        )
    with pytest.raises(LookupError):
        store.delete_list(STUDENT, MAYA, "no-such-list")
    failed = [e.record for e in log(inner)[-2:]]
    assert [r.outcome for r in failed] == [Outcome.FAILED, Outcome.FAILED]
    assert "ConflictError" in failed[0].reason
    assert "no-such-list" in failed[1].reason


def test_parents_see_only_their_own_child(inner: MemoryStore) -> None:
    store = guard(inner)
    assert store.load_plan(PARENT, MAYA).student.id == MAYA
    with pytest.raises(AccessDeniedError, match="p-grace"):
        store.load_plan(PARENT, "S2")
    assert [s.student_id for s in store.list_plans(PARENT)] == [MAYA]
    assert [s.student_id for s in store.list_plans(OTHER_PARENT)] == ["S2"]


def test_counselors_see_only_their_caseload(inner: MemoryStore) -> None:
    store = guard(inner)
    assert store.load_plan(COUNSELOR, MAYA).demographics is not None
    with pytest.raises(AccessDeniedError, match="no grant lets counselor read identity"):
        store.load_plan(COUNSELOR, "S2")
    with pytest.raises(AccessDeniedError):
        _edit_goal(store, OTHER_COUNSELOR)
    assert [s.student_id for s in store.list_plans(COUNSELOR)] == [MAYA]
    assert [s.student_id for s in store.list_plans(SCHOOL_ADMIN)] == [MAYA, "S2"]


def test_at_18_the_student_controls_parental_access(inner: MemoryStore) -> None:
    at_18 = datetime(2028, 3, 14, 9, 0, tzinfo=UTC)
    assert guard(inner, datetime(2028, 3, 13, 9, 0, tzinfo=UTC)).load_plan(PARENT, MAYA)
    store = guard(inner, at_18)
    with pytest.raises(AccessDeniedError, match="18 and has not consented"):
        store.load_plan(PARENT, MAYA)
    assert store.list_plans(PARENT) == ()
    plan = inner.load_plan(ADMIN, MAYA)
    guard(inner, at_18).save_plan(
        ADMIN, attrs.evolve(plan, parental_access_consent=True), base_revision=plan.revision
    )
    assert store.load_plan(PARENT, MAYA).parental_access_consent


@pytest.mark.parametrize(
    ("actor", "hidden"),
    [
        (COUNSELOR, set()),
        (ADVISOR, {Section.DEMOGRAPHICS}),
        (TEACHER, {Section.DEMOGRAPHICS, Section.REVIEWS, Section.PHASES, Section.SAVED_LISTS}),
        (MENTOR, set(Section) - {Section.IDENTITY, Section.PROFILE, Section.GOALS,
                                 Section.PORTFOLIO, Section.SAVED_LISTS}),
    ],
)  # fmt: skip
def test_reads_withhold_what_the_actor_may_not_read(
    inner: MemoryStore, actor: Actor, hidden: set[Section]
) -> None:
    plan = guard(inner).load_plan(actor, MAYA)
    full = inner.load_plan(ADMIN, MAYA)
    assert plan.student == full.student
    assert (plan.demographics is None) == (Section.DEMOGRAPHICS in hidden)
    assert (plan.reviews == ()) == (Section.REVIEWS in hidden)
    assert (plan.courses == ()) == (Section.COURSES in hidden)
    assert (plan.goals == full.goals) == (Section.GOALS not in hidden)
    (entry,) = log(inner)[-1:]
    assert set(entry.record.sections) == {s.value for s in set(Section) - hidden}


def test_saving_a_view_keeps_what_was_withheld(inner: MemoryStore) -> None:
    store = guard(inner)
    view = store.load_plan(ADVISOR, MAYA)
    assert view.demographics is None
    edited = attrs.evolve(view, goals=view.goals[:1])
    saved = store.save_plan(ADVISOR, edited, base_revision=view.revision)
    assert saved.demographics == maya().demographics
    assert saved.goals == view.goals[:1]
    assert log(inner)[-1].record.sections == ("goals",)


def _sign(plan: Plan, review_id: str, *sign_offs: SignOff) -> Plan:
    reviews = tuple(
        attrs.evolve(r, sign_offs=(*r.sign_offs, *sign_offs)) if r.id == review_id else r
        for r in plan.reviews
    )
    return attrs.evolve(plan, reviews=reviews)


def test_sign_offs_need_sign_off_on_reviews(inner: MemoryStore) -> None:
    store = guard(inner)
    plan = inner.load_plan(ADMIN, MAYA)
    grace = SignOff("Grace Okafor", Role.PARENT_GUARDIAN, date(2025, 10, 12))
    signed = store.save_plan(PARENT, _sign(plan, "R-2025-fall", grace), base_revision=plan.revision)
    assert signed.reviews[1].signed_by(Role.PARENT_GUARDIAN)
    assert log(inner)[-1].record.action is AuditAction.SIGN_OFF
    teacher = SignOff("T. One", Role.TEACHER, date(2025, 10, 12))
    with pytest.raises(AccessDeniedError, match="sign off reviews"):
        store.save_plan(TEACHER, _sign(signed, "R-2025-fall", teacher), base_revision=2)
    with pytest.raises(AccessDeniedError, match="lets no teacher sign off"):
        store.save_plan(COUNSELOR, _sign(signed, "R-2025-fall", teacher), base_revision=2)
    # signing off does not let a student rewrite the review
    edited = _sign(signed, "R-2025-fall", SignOff("Maya", Role.STUDENT, date(2025, 10, 12)))
    edited = attrs.evolve(edited, reviews=(attrs.evolve(edited.reviews[0], notes="x"),
                                           edited.reviews[1]))  # fmt: skip
    with pytest.raises(AccessDeniedError, match="may not write reviews"):
        store.save_plan(STUDENT, edited, base_revision=2)
    assert inner.current_revision(ADMIN, MAYA) == 2


def test_a_counselor_records_a_review_with_everyones_sign_offs(inner: MemoryStore) -> None:
    store = guard(inner)
    plan = store.load_plan(COUNSELOR, MAYA)
    day = date(2026, 1, 15)
    review = Review(
        "R-2026-winter", day, ReviewKind.SCHEDULED, revision_before=plan.revision,
        sign_offs=tuple(SignOff(n, r, day) for n, r in (
            ("Maya Okafor", Role.STUDENT), ("Grace Okafor", Role.PARENT_GUARDIAN),
            ("Daniel Reyes", Role.COUNSELOR))),
    )  # fmt: skip
    saved = store.save_plan(
        COUNSELOR, attrs.evolve(plan, reviews=(*plan.reviews, review)), base_revision=plan.revision
    )
    assert saved.reviews[-1].signed_by(Role.PARENT_GUARDIAN)
    entry = log(inner)[-1].record
    assert (entry.action, entry.sections, entry.revision) == (AuditAction.WRITE, ("reviews",), 2)


def test_on_sqlite_a_write_and_its_entry_commit_together(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "ilp.sqlite3") as inner:
        inner.save_plan(ADMIN, maya(), base_revision=None)
        store = guard(inner)
        _edit_goal(store, COUNSELOR)
        with pytest.raises(ConflictError):
            store.save_plan(COUNSELOR, maya(), base_revision=1)
        entries = log(inner)
        assert [(e.record.action, e.record.outcome) for e in entries] == [
            (AuditAction.WRITE, Outcome.ALLOWED), (AuditAction.WRITE, Outcome.FAILED),
        ]  # fmt: skip
        assert inner.current_revision(ADMIN, MAYA) == 2
        assert verify(entries).ok


def test_new_plans_come_from_the_sis_then_staff_fill_them_in(inner: MemoryStore) -> None:
    family = Relationships(caseloads={COUNSELOR.id: frozenset({"S9"})})
    store = GuardedStore(inner, relationships=family, clock=lambda: NOW)
    full = make_plan("S9", school_id=SCHOOL)
    with pytest.raises(AccessDeniedError, match="may not write courses"):
        store.save_plan(COUNSELOR, full, base_revision=None)
    with pytest.raises(AccessDeniedError, match="may not write assessments"):
        store.save_plan(ADMIN, full, base_revision=None)
    skeleton = store.save_plan(ADMIN, Plan(full.student, courses=full.courses), base_revision=None)
    saved = store.save_plan(
        COUNSELOR, attrs.evolve(skeleton, goals=full.goals), base_revision=skeleton.revision
    )
    assert saved.goals == full.goals
    assert inner.current_revision(ADMIN, "S9") == 2


def _actor_in(role: Role, relation: str) -> tuple[Actor, Relationships]:
    """An actor in ``role`` related to Maya as ``relation`` (self, guardian, caseload...)."""
    actor = Actor(MAYA if relation == "self" else "x-1", role)
    related = {
        "guardian": Relationships(guardians={MAYA: frozenset({actor.id})}),
        "caseload": Relationships(caseloads={actor.id: frozenset({MAYA})}),
        "school": Relationships(schools={actor.id: frozenset({SCHOOL})}),
    }
    return actor, related.get(relation, Relationships())


@pytest.mark.parametrize("relation", ["self", "guardian", "caseload", "school", "none"])
@pytest.mark.parametrize("role", list(Role))
def test_the_store_decides_as_the_policy_does(
    inner: MemoryStore, role: Role, relation: str
) -> None:
    actor, family = _actor_in(role, relation)
    store = GuardedStore(inner, relationships=family, clock=lambda: NOW)
    facts = StudentFacts.of(inner.load_plan(ADMIN, MAYA))

    def policy(action: Action, section: Section) -> bool:
        d = decide(DEFAULT_POLICY, actor.id, role, action, section, facts, family, NOW.date())
        return d.allowed

    operations: list[tuple[bool, Callable[[], object]]] = [
        (policy(Action.READ, Section.IDENTITY), lambda: store.load_plan(actor, MAYA)),
        (policy(Action.WRITE, Section.GOALS), lambda: _edit_goal(store, actor)),
        (policy(Action.READ, Section.PORTFOLIO), lambda: store.list_blobs(actor, MAYA)),
        (policy(Action.WRITE, Section.SAVED_LISTS),
         lambda: store.delete_list(actor, MAYA, maya().saved_lists[0].id)),
    ]  # fmt: skip
    for allowed, operation in operations:
        count = len(log(inner))
        if allowed:
            operation()
        else:
            with pytest.raises(AccessDeniedError):
                operation()
        (entry,) = log(inner)[count:]
        assert entry.record.outcome is (Outcome.ALLOWED if allowed else Outcome.DENIED)
