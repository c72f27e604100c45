"""Conformance cases for plans: revisions and conflicts, listing, paging and round trips."""

from __future__ import annotations

import threading
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from ilpcore.exceptions import ConflictError, NotFoundError, ValidationError
from ilpcore.model import Plan, Role
from ilpcore.store import Actor, PlanQuery, Store
from ilpcore.testing.pytest_store import make_plan
from ilpcore.testing.store_suite._inputs import COUNSELOR, STUDENT, plans

__all__ = ["PlanCases"]


class PlanCases:
    """Saving, loading, history, listing and streaming plans."""

    # --- revisions -----------------------------------------------------------------------------

    def test_new_plan_becomes_revision_1(self, store: Store) -> None:
        plan = make_plan()
        saved = store.save_plan(COUNSELOR, plan, base_revision=None)
        assert saved == attrs.evolve(plan, revision=1)
        assert store.load_plan(STUDENT, "S1") == saved

    def test_current_revision_counts_saves(self, store: Store) -> None:
        assert store.current_revision(COUNSELOR, "S1") == 0
        for n in range(3):
            store.save_plan(COUNSELOR, make_plan(), base_revision=n)
            assert store.current_revision(STUDENT, "S1") == n + 1
        assert store.current_revision(STUDENT, "S2") == 0
        store.delete_student(COUNSELOR, "S1")
        assert store.current_revision(STUDENT, "S1") == 0

    def test_base_revision_0_is_a_new_plan(self, store: Store) -> None:
        assert store.save_plan(COUNSELOR, make_plan(), base_revision=0).revision == 1

    def test_each_save_is_a_new_immutable_revision(self, store: Store) -> None:
        plans_saved = [store.save_plan(COUNSELOR, make_plan(grade_level=9), base_revision=None)]
        for grade in (10, 11, 12):
            edited = attrs.evolve(
                plans_saved[-1], student=attrs.evolve(plans_saved[-1].student, grade_level=grade)
            )
            actor = STUDENT if grade % 2 else COUNSELOR
            plans_saved.append(store.save_plan(actor, edited, base_revision=grade - 9))
        assert [p.revision for p in plans_saved] == [1, 2, 3, 4]
        assert store.load_plan(COUNSELOR, "S1") == plans_saved[-1]
        for p in plans_saved:
            assert store.load_plan(COUNSELOR, "S1", revision=p.revision) == p
        history = store.plan_history(COUNSELOR, "S1")
        assert [h.revision for h in history] == [1, 2, 3, 4]
        assert [h.saved_by for h in history] == [COUNSELOR, COUNSELOR, STUDENT, COUNSELOR]
        times = [h.saved_at for h in history]
        assert times == sorted(times)
        assert all(t.utcoffset() is not None for t in times)

    def test_stale_save_conflicts_and_changes_nothing(self, store: Store) -> None:
        first = store.save_plan(COUNSELOR, make_plan(grade_level=9), base_revision=None)
        second = store.save_plan(COUNSELOR, make_plan(grade_level=10), base_revision=first.revision)
        with pytest.raises(ConflictError, match=r"revision 1.*current revision is 2"):
            store.save_plan(STUDENT, make_plan(grade_level=12), base_revision=1)
        assert store.load_plan(COUNSELOR, "S1") == second
        assert len(store.plan_history(COUNSELOR, "S1")) == 2
        assert store.list_plans(COUNSELOR, PlanQuery(grade_level=12)) == ()

    @pytest.mark.parametrize("base", [None, 0, 2, 7])
    def test_save_not_based_on_current_conflicts(self, store: Store, base: int | None) -> None:
        store.save_plan(COUNSELOR, make_plan(), base_revision=None)
        with pytest.raises(ConflictError, match="'S1'"):
            store.save_plan(COUNSELOR, make_plan(), base_revision=base)
        assert [h.revision for h in store.plan_history(COUNSELOR, "S1")] == [1]

    def test_save_based_on_a_revision_of_a_missing_plan_conflicts(self, store: Store) -> None:
        with pytest.raises(ConflictError, match="no saved plan"):
            store.save_plan(COUNSELOR, make_plan(), base_revision=1)
        with pytest.raises(NotFoundError):
            store.load_plan(COUNSELOR, "S1")

    def test_missing_plans_and_revisions_are_not_found(self, store: Store) -> None:
        with pytest.raises(NotFoundError, match="'S9'"):
            store.load_plan(COUNSELOR, "S9")
        with pytest.raises(NotFoundError, match="'S9'"):
            store.plan_history(COUNSELOR, "S9")
        store.save_plan(COUNSELOR, make_plan("S9"), base_revision=None)
        with pytest.raises(NotFoundError, match="no revision 2"):
            store.load_plan(COUNSELOR, "S9", revision=2)

    def test_bad_arguments_are_refused(self, store: Store) -> None:
        with pytest.raises(ValidationError, match="actor"):
            store.save_plan("root", make_plan(), base_revision=None)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="base_revision"):
            store.save_plan(COUNSELOR, make_plan(), base_revision=-1)
        with pytest.raises(ValidationError, match="student_id"):
            store.load_plan(COUNSELOR, "no spaces allowed")
        assert store.list_plans(COUNSELOR) == ()
        store.save_plan(COUNSELOR, make_plan(), base_revision=None)
        for bad in (0, -1, "1", True):
            with pytest.raises(ValidationError, match="revision"):
                store.load_plan(COUNSELOR, "S1", revision=bad)  # type: ignore[arg-type]

    def test_threads_saving_from_one_base_exactly_one_wins(self, store: Store) -> None:
        store.save_plan(COUNSELOR, make_plan(), base_revision=None)
        threads, rounds = 4, 10
        barrier = threading.Barrier(threads, timeout=60)
        outcomes: list[list[str]] = [[] for _ in range(rounds)]

        def worker(n: int) -> None:
            actor = Actor(f"worker-{n}", Role.TEACHER)
            for r in range(rounds):
                barrier.wait()
                base = store.current_revision(actor, "S1")
                barrier.wait()  # every thread has read the same base
                try:
                    store.save_plan(actor, make_plan(grade_level=9 + n % 4), base_revision=base)
                    outcomes[r].append(actor.id)
                except ConflictError:
                    pass

        pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        assert all(len(winners) == 1 for winners in outcomes), outcomes
        history = store.plan_history(COUNSELOR, "S1")
        assert [h.saved_by.id for h in history[1:]] == [w[0] for w in outcomes]

    # --- listing -------------------------------------------------------------------------------

    def test_list_plans_by_school_cohort_and_grade(self, store: Store) -> None:
        cases = [("A", "HS1", 2029, 9), ("B", "HS1", 2028, 10), ("C", "HS2", 2029, 9)]
        for sid, school, cohort, grade in cases:
            store.save_plan(
                COUNSELOR,
                make_plan(sid, school_id=school, cohort=cohort, grade_level=grade),
                base_revision=None,
            )

        def ids(**query: Any) -> list[str]:
            return [s.student_id for s in store.list_plans(COUNSELOR, PlanQuery(**query))]

        assert ids() == ["A", "B", "C"]
        assert ids(school_id="HS1") == ["A", "B"]
        assert ids(cohort=2029) == ["A", "C"]
        assert ids(school_id="HS1", cohort=2029, grade_level=9) == ["A"]
        assert ids(grade_level=12) == []
        moved = attrs.evolve(
            make_plan("A", school_id="HS2", cohort=2029, grade_level=10), revision=1
        )
        store.save_plan(COUNSELOR, moved, base_revision=1)
        assert ids(school_id="HS2") == ["A", "C"]
        (summary,) = store.list_plans(COUNSELOR, PlanQuery(school_id="HS2", grade_level=10))
        assert (summary.student_id, summary.revision, summary.cohort) == ("A", 2, 2029)
        assert summary.saved_at == store.plan_history(COUNSELOR, "A")[-1].saved_at

    def test_iter_plans_streams_current_plans_in_pages(self, store: Store) -> None:
        for i in range(7):
            school = "HS1" if i % 3 else "HS2"
            store.save_plan(COUNSELOR, make_plan(f"S{i:02d}", school_id=school), base_revision=None)
        edited = attrs.evolve(
            store.load_plan(COUNSELOR, "S03"),
            student=attrs.evolve(store.load_plan(COUNSELOR, "S03").student, grade_level=12),
        )
        latest = store.save_plan(COUNSELOR, edited, base_revision=1)
        everything = [store.load_plan(COUNSELOR, s.student_id) for s in store.list_plans(COUNSELOR)]
        for page_size in (1, 2, 3, 7, 100):
            assert list(store.iter_plans(COUNSELOR, page_size=page_size)) == everything
        assert latest in everything
        hs2 = list(store.iter_plans(COUNSELOR, PlanQuery(school_id="HS2"), page_size=1))
        assert [p.student.id for p in hs2] == ["S00", "S03", "S06"]
        assert [p.revision for p in hs2] == [1, 2, 1]
        assert list(store.iter_plans(COUNSELOR, PlanQuery(cohort=1999))) == []
        stream = store.iter_plans(COUNSELOR, page_size=2)
        assert next(stream).student.id == "S00"
        store.delete_student(COUNSELOR, "S05")  # while the stream is open: writers not blocked
        assert "S05" not in [p.student.id for p in stream]

    @pytest.mark.parametrize("page_size", [0, -1, True, 2.5, "10"])
    def test_iter_plans_refuses_a_bad_page_size(self, store: Store, page_size: Any) -> None:
        with pytest.raises(ValidationError, match="page_size"):
            store.iter_plans(COUNSELOR, page_size=page_size)

    # --- round trip ----------------------------------------------------------------------------

    @settings(
        max_examples=20,
        deadline=None,
        # one fresh store serves every example (plans have unique student ids), and the
        # suite is run by one subclass per backend
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.differing_executors,
        ],
    )
    @given(plan=plans())
    def test_random_plans_round_trip_unchanged(self, store: Store, plan: Plan) -> None:
        saved = store.save_plan(COUNSELOR, plan, base_revision=None)
        assert saved == attrs.evolve(plan, revision=1)
        assert store.load_plan(COUNSELOR, plan.student.id) == saved
        for saved_list in plan.saved_lists:
            store.save_list(STUDENT, plan.student.id, saved_list)
        assert store.load_lists(STUDENT, plan.student.id) == tuple(
            sorted(plan.saved_lists, key=lambda s: s.id)
        )
