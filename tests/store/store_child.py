"""A child process for the crash and concurrency tests (run as a script, never imported by pytest
as a test module).

    python store_child.py crash URL         save revisions forever, printing each number saved
    python store_child.py race URL NAME     obey `load`, `save ROUND` and `quit` on stdin
"""

from __future__ import annotations

import sys

import attrs

from ilpcore.exceptions import ConflictError
from ilpcore.model import PersonName, Plan, Profile, Role, SchoolRef, Student
from ilpcore.store import Actor, Store, open_store

CRASH_STUDENT = "CRASH-1"
RACE_STUDENT = "RACE-1"


def small_plan(student_id: str) -> Plan:
    """A plan with a student and nothing else (this script must start fast)."""
    school = SchoolRef("HS1", "Central High School", state="KY")
    return Plan(Student(student_id, PersonName("Maya", "Okafor"), 10, 2028, school))


def crash_plan(revision: int) -> Plan:
    """The plan the crash child saves as ``revision`` (its content names the revision)."""
    plan = small_plan(CRASH_STUDENT)
    interests = tuple(f"interest {revision}-{i}" for i in range(revision % 7 + 1))
    return attrs.evolve(plan, profile=Profile(interests=interests), revision=revision)


def race_plan(name: str, round_number: int) -> Plan:
    """The plan child ``name`` tries to save in ``round_number``."""
    return attrs.evolve(
        small_plan(RACE_STUDENT), profile=Profile(interests=(f"{name} round {round_number}",))
    )


def crash(store: Store) -> None:
    actor = Actor("crash-child", Role.COUNSELOR)
    try:
        current = store.load_plan(actor, CRASH_STUDENT).revision
    except LookupError:
        current = 0
    while True:
        plan = crash_plan(current + 1)
        current = store.save_plan(actor, plan, base_revision=current).revision
        sys.stdout.write(f"{current}\n")
        sys.stdout.flush()


def race(store: Store, name: str) -> None:
    actor = Actor(name, Role.COUNSELOR)
    base = 0
    for line in sys.stdin:
        command, *args = line.split()
        if command == "load":
            base = store.load_plan(actor, RACE_STUDENT).revision
            reply = str(base)
        elif command == "save":
            try:
                saved = store.save_plan(actor, race_plan(name, int(args[0])), base_revision=base)
                reply = f"won {saved.revision}"
            except ConflictError:
                reply = "conflict"
        else:
            return
        sys.stdout.write(reply + "\n")
        sys.stdout.flush()


def main(argv: list[str]) -> None:
    mode, url, *rest = argv
    with open_store(url) as store:
        if mode == "crash":
            crash(store)
        else:
            race(store, rest[0])


if __name__ == "__main__":
    main(sys.argv[1:])
