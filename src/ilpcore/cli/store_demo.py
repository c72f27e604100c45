"""The storage step of ``ilp demo``: save the demo plan in the embedded store, show its history.

It is a step of :func:`ilpcore.cli.demo.demo_steps`.  The store is the one
:func:`ilpcore.store.open_store` picks: ``$ILPCORE_STORE_URL``, else the embedded SQLite
database in the platform's user data folder.  Every run of the demo saves one more revision.
"""

from __future__ import annotations

from ilpcore.demo_steps import DemoContext, DemoSection
from ilpcore.model import Role
from ilpcore.store import Actor
from ilpcore.store.url import redact_url

__all__ = ["DEMO_ACTOR", "HISTORY_SHOWN", "store_step"]

DEMO_ACTOR = Actor("ilp-demo", Role.COUNSELOR)
HISTORY_SHOWN = 5
"""How many of the latest revisions the text shows (``--json`` has them all)."""


def store_step(context: DemoContext) -> DemoSection:
    """Save ``context.plan`` as the next revision of its student's plan; show the history.

    Replaces ``context.plan`` with the plan as stored (its ``revision`` set).
    """
    student_id = context.plan.student.id
    store = context.store
    base = store.current_revision(DEMO_ACTOR, student_id)
    saved = store.save_plan(DEMO_ACTOR, context.plan, base_revision=base)
    history = store.plan_history(DEMO_ACTOR, student_id)
    url = redact_url(store.url)
    context.plan = saved
    lines = [
        f"Saved the plan of student {student_id} as revision {saved.revision} in {url}",
        f"History ({len(history)} revisions; the latest {min(len(history), HISTORY_SHOWN)}):",
    ]
    for info in history[-HISTORY_SHOWN:]:
        stamp = info.saved_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        lines.append(f"  revision {info.revision:>3}  {stamp}  by {info.saved_by.id}")
    data = {
        "url": url,
        "student_id": student_id,
        "revision": saved.revision,
        "history": [
            {
                "revision": h.revision,
                "saved_by": h.saved_by.id,
                "role": h.saved_by.role.value,
                "saved_at": h.saved_at.isoformat(),
            }
            for h in history
        ],
    }
    return DemoSection("Saved in the store", "\n".join(lines), data)
