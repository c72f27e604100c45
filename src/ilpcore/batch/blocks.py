"""Consuming a stream in blocks, with progress reports, so memory is bounded by the block."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sized
from itertools import islice
from typing import TypeAlias, TypeVar

from ilpcore.exceptions import ValidationError

__all__ = ["Progress", "blocks"]

T = TypeVar("T")

Progress: TypeAlias = Callable[[int, "int | None"], None]
"""Called with (students done, total or ``None`` when unknown), e.g.
:class:`ilpcore.cli.progress.StderrProgress`."""


def blocks(items: Iterable[T], size: int, progress: Progress | None = None) -> Iterator[list[T]]:
    """Lists of up to ``size`` items; ``progress`` is told after each block is handed out.

    >>> [len(b) for b in blocks(range(10), 4)]
    [4, 4, 2]
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValidationError.at(
            "block_size", f"must be a whole number of at least 1, not {size!r}"
        )
    total = len(items) if isinstance(items, Sized) else None
    done = 0
    it = iter(items)
    while block := list(islice(it, size)):
        yield block
        done += len(block)
        if progress is not None:
            progress(done, total)
    if progress is not None and done == 0:
        progress(0, total)
