"""Real processes against real databases: SIGKILL crash safety and racing writers."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from ilpcore.model import Role
from ilpcore.store import Actor, open_store
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.testing.pytest_store import fresh_postgres_url, require_postgres_url
from tests.store.store_child import CRASH_STUDENT, RACE_STUDENT, crash_plan, race_plan, small_plan

CHILD = Path(__file__).with_name("store_child.py")
AUDITOR = Actor("auditor", Role.DISTRICT_ADMINISTRATOR)
KILLS = 30
ROUNDS = 200


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )


def read_line(stream: IO[str] | None) -> str:
    assert stream is not None
    line = stream.readline()
    assert line, "the child process ended unexpectedly"
    return line.strip()


def test_sigkill_never_loses_or_corrupts_a_returned_save(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'crash.sqlite3'}"
    rng = random.Random(20261123)
    confirmed = 0
    for _ in range(KILLS):
        child = spawn("crash", url)
        try:
            for _ in range(rng.randint(1, 6)):
                confirmed = int(read_line(child.stdout))
            # kill at a random moment, usually in the middle of the next save
            if rng.random() < 0.7:
                os.sched_yield()
            else:
                child.stdout.readline()  # type: ignore[union-attr]
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
            for stream in (child.stdin, child.stdout):
                assert stream is not None
                stream.close()
        with SQLiteStore(tmp_path / "crash.sqlite3") as store:
            current = store.load_plan(AUDITOR, CRASH_STUDENT)
            assert current.revision >= confirmed
            confirmed = current.revision
            history = store.plan_history(AUDITOR, CRASH_STUDENT)
            assert [h.revision for h in history] == list(range(1, current.revision + 1))
            for n in range(1, current.revision + 1):
                assert store.load_plan(AUDITOR, CRASH_STUDENT, revision=n) == crash_plan(n)
    assert confirmed >= KILLS


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'race.sqlite3'}"
        return
    with fresh_postgres_url(require_postgres_url()) as url:
        yield url


def test_racing_writers_exactly_one_wins_each_round(shared_url: str) -> None:
    with open_store(shared_url) as store:
        store.save_plan(AUDITOR, small_plan(RACE_STUDENT), base_revision=None)
    rng = random.Random(7)
    children = {name: spawn("race", shared_url, name) for name in ("left", "right")}
    winners: list[str] = []
    try:
        for round_number in range(1, ROUNDS + 1):
            for child in children.values():
                child.stdin.write("load\n")  # type: ignore[union-attr]
            bases = {int(read_line(c.stdout)) for c in children.values()}
            assert bases == {round_number}, "both children must start from the same base"
            for name in rng.sample(sorted(children), 2):  # who is asked first varies
                children[name].stdin.write(f"save {round_number}\n")  # type: ignore[union-attr]
            replies = {name: read_line(c.stdout) for name, c in children.items()}
            won = [name for name, reply in replies.items() if reply == f"won {round_number + 1}"]
            lost = [name for name, reply in replies.items() if reply == "conflict"]
            assert (len(won), len(lost)) == (1, 1), replies
            winners.append(won[0])
        for child in children.values():
            child.stdin.write("quit\n")  # type: ignore[union-attr]
    finally:
        for child in children.values():
            child.stdin.close()  # type: ignore[union-attr]
            assert child.wait(timeout=30) == 0
            child.stdout.close()  # type: ignore[union-attr]
    assert set(winners) == {"left", "right"}, "both children should win some rounds"
    with open_store(shared_url) as store:
        history = store.plan_history(AUDITOR, RACE_STUDENT)
        assert [h.revision for h in history] == list(range(1, ROUNDS + 2))
        for round_number, (winner, info) in enumerate(zip(winners, history[1:], strict=True), 1):
            assert info.saved_by.id == winner
            stored = store.load_plan(AUDITOR, RACE_STUDENT, revision=round_number + 1)
            assert stored.profile == race_plan(winner, round_number).profile
