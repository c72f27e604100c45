"""Plan revisions in SQL: saving with optimistic concurrency, loading, history and listing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime

import attrs

from ilpcore.exceptions import StoreError
from ilpcore.model import Plan, Role
from ilpcore.store._codec import dump_plan, load_plan
from ilpcore.store._rules import conflict, missing_plan, missing_revision
from ilpcore.store._sql_base import Cursor, SqlBase, where_clause
from ilpcore.store.base import DEFAULT_PAGE_SIZE
from ilpcore.store.types import Actor, PlanQuery, PlanSummary, RevisionInfo

__all__ = ["SqlPlans"]


class SqlPlans(SqlBase):
    """The plan operations of the SQL store (the ``students`` and ``revisions`` tables)."""

    def save_plan(self, actor: Actor, plan: Plan, *, base_revision: int | None) -> Plan:
        base = self._check_save(actor, plan, base_revision)
        student = plan.student
        stored = attrs.evolve(plan, revision=base + 1)
        document = dump_plan(stored)
        now = self._to_db_time(datetime.now(UTC))
        columns = (student.school.id, student.cohort, student.grade_level, now)
        revision = (document, actor.id, actor.role.value, now)
        pending = self._take_pending()
        with self._write() if pending is not None else self._write_one() as c:
            if not self._save_revision(c, student.id, base, columns, revision):
                raise conflict(student.id, base, self._current_revision(c, student.id))
            self._commit_pending(c, pending)
        self._remember(document, stored)
        return stored

    def current_revision(self, actor: Actor, student_id: str) -> int:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._read() as c:
            return self._current_revision(c, student_id)

    def _write_one(self) -> AbstractContextManager[Cursor]:
        """Where :meth:`_save_revision` runs: by default a :meth:`_write` transaction."""
        return self._write()

    def _save_revision(
        self,
        c: Cursor,
        student_id: str,
        base: int,
        columns: tuple[object, ...],
        revision: tuple[object, ...],
    ) -> bool:
        """Store revision ``base + 1`` if ``base`` is still current; whether it was stored.

        ``columns`` are the student row's school id, cohort, grade level and time;
        ``revision`` the document, actor id, actor role and time.
        """
        if base == 0:
            changed = c.run(
                "INSERT INTO students (student_id, current_revision, school_id, cohort,"
                " grade_level, updated_at) VALUES (?, 1, ?, ?, ?, ?)"
                " ON CONFLICT (student_id) DO NOTHING",
                (student_id, *columns),
            )
        else:
            changed = c.run(
                "UPDATE students SET current_revision = ?, school_id = ?, cohort = ?,"
                " grade_level = ?, updated_at = ? WHERE student_id = ? AND current_revision = ?",
                (base + 1, *columns, student_id, base),
            )
        if changed != 1:
            return False
        c.run(
            "INSERT INTO revisions (student_id, revision, document, actor_id, actor_role,"
            " saved_at) VALUES (?, ?, ?, ?, ?, ?)",
            (student_id, base + 1, *revision),
        )
        return True

    @staticmethod
    def _current_revision(c: Cursor, student_id: str) -> int:
        rows = c.rows("SELECT current_revision FROM students WHERE student_id = ?", (student_id,))
        return int(rows[0][0]) if rows else 0

    def load_plan(self, actor: Actor, student_id: str, *, revision: int | None = None) -> Plan:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_revision(revision)
        with self._read() as c:
            if revision is None:
                rows = c.rows(
                    "SELECT r.revision, r.document FROM students s JOIN revisions r"
                    " ON r.student_id = s.student_id AND r.revision = s.current_revision"
                    " WHERE s.student_id = ?",
                    (student_id,),
                )
                if not rows:
                    raise missing_plan(student_id)
            else:
                rows = c.rows(
                    "SELECT revision, document FROM revisions"
                    " WHERE student_id = ? AND revision = ?",
                    (student_id, revision),
                )
                if not rows:
                    current = self._current_revision(c, student_id)
                    if current == 0:
                        raise missing_plan(student_id)
                    raise missing_revision(student_id, revision, current)
        number, document = rows[0]
        return self._checked(student_id, number, self._cached(document))

    def _checked(self, student_id: str, number: object, plan: Plan) -> Plan:
        if plan.revision != number:
            raise StoreError(
                f"{self.url}: revision {number} of student {student_id!r} holds a plan "
                f"marked revision {plan.revision}; the database was changed outside ilpcore"
            )
        return plan

    def plan_history(self, actor: Actor, student_id: str) -> tuple[RevisionInfo, ...]:
        self._check_actor(actor)
        self._check_student_id(student_id)
        rows = self._select(
            "SELECT revision, actor_id, actor_role, saved_at FROM revisions"
            " WHERE student_id = ? ORDER BY revision",
            (student_id,),
        )
        if not rows:
            raise missing_plan(student_id)
        return tuple(
            RevisionInfo(student_id, int(n), Actor(a, Role(r)), self._from_db_time(t))
            for n, a, r, t in rows
        )

    def list_plans(self, actor: Actor, query: PlanQuery | None = None) -> tuple[PlanSummary, ...]:
        self._check_actor(actor)
        q = query or PlanQuery()
        where, params = where_clause(
            ("school_id = ?", q.school_id),
            ("cohort = ?", q.cohort),
            ("grade_level = ?", q.grade_level),
        )
        sql = (
            "SELECT student_id, school_id, cohort, grade_level, current_revision, updated_at"
            " FROM students"
        )
        rows = self._select(sql + where + " ORDER BY student_id", params)
        return tuple(
            PlanSummary(s, school, int(co), int(g), int(n), self._from_db_time(t))
            for s, school, co, g, n, t in rows
        )

    def iter_plans(
        self, actor: Actor, query: PlanQuery | None = None, *, page_size: int = DEFAULT_PAGE_SIZE
    ) -> Iterator[Plan]:
        """Pages of ``page_size`` current plans, each page one read statement (keyset paging).

        No transaction or lock is held between pages, so writers are never blocked by
        a slow consumer; the parsed plans bypass the plan cache.
        """
        self._check_actor(actor)
        size = self._check_page_size(page_size)
        return self._pages(query or PlanQuery(), size)

    def _pages(self, q: PlanQuery, size: int) -> Iterator[Plan]:
        after: str | None = None
        while True:
            where, params = where_clause(
                ("s.student_id > ?", after),
                ("s.school_id = ?", q.school_id),
                ("s.cohort = ?", q.cohort),
                ("s.grade_level = ?", q.grade_level),
            )
            rows = self._select(
                "SELECT s.student_id, r.revision, r.document FROM students s JOIN revisions r"
                " ON r.student_id = s.student_id AND r.revision = s.current_revision"
                + where
                + " ORDER BY s.student_id LIMIT ?",
                [*params, size],
            )
            for student_id, number, document in rows:
                yield self._checked(student_id, number, load_plan(document))
            if len(rows) < size:
                return
            after = rows[-1][0]
