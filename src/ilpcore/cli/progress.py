"""Progress of long batch work on stderr: a counter that rewrites one line on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["StderrProgress"]


class StderrProgress:
    """Call with ``(done, total)``; prints ``label: done/total`` at most every ``interval`` seconds.

    On a terminal the line is rewritten in place; otherwise (a log file, CI) a
    new line is printed each time.  The last call (``done == total``) always prints.
    """

    def __init__(self, label: str, *, interval: float = 0.5, stream: TextIO | None = None) -> None:
        self.label = label
        self.interval = interval
        self.stream = stream if stream is not None else sys.stderr
        self._last = 0.0
        self._started = time.monotonic()

    def __call__(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        if not final and now - self._last < self.interval:
            return
        self._last = now
        rate = done / max(now - self._started, 1e-9)
        of = f"/{total}" if total is not None else ""
        text = f"{self.label}: {done}{of} ({rate:,.0f}/s)"
        tty = self.stream.isatty()
        end = "\n" if final or not tty else ""
        self.stream.write(("\r" if tty else "") + text + end)
        self.stream.flush()
