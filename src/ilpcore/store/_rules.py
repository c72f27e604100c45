"""The errors every backend raises for the same situations, worded the same way."""

from __future__ import annotations

from ilpcore.exceptions import ConflictError, NotFoundError

__all__ = ["conflict", "missing_plan", "missing_revision"]


def conflict(student_id: str, base: int, current: int) -> ConflictError:
    """A save based on ``base`` while ``current`` is the current revision."""
    if current == 0:
        return ConflictError(
            f"the save of student {student_id!r} was based on revision {base}, "
            "but the student has no saved plan; save a new plan with base_revision=None"
        )
    if base == 0:
        return ConflictError(
            f"student {student_id!r} already has a plan (revision {current}); "
            f"load it and save with base_revision={current}"
        )
    return ConflictError(
        f"the save of student {student_id!r} was based on revision {base}, "
        f"but the current revision is {current}; nothing was changed"
    )


def missing_plan(student_id: str) -> NotFoundError:
    return NotFoundError(f"no plan for student {student_id!r}")


def missing_revision(student_id: str, revision: int, current: int) -> NotFoundError:
    return NotFoundError(
        f"student {student_id!r} has no revision {revision} (revisions are 1 to {current})"
    )
