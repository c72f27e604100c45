"""Atomic writes of files and folders, shared by every exporter and cache.

A reader never sees half a file or half a folder: a file is written to a
temporary file in the same folder and renamed over the target
(:func:`atomic_file`); a folder is built under a temporary name beside the
target and renamed into place (:func:`staged_folder`).  Whether an existing
target may be replaced is the caller's decision, checked before writing.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> with atomic_text_file(folder / "notes.txt") as f:
...     _ = f.write("hello")
>>> (folder / "notes.txt").read_text()
'hello'
>>> with staged_folder(folder / "release") as staging:
...     _ = (staging / "a.csv").write_text("x\\n")
>>> sorted(p.name for p in (folder / "release").iterdir())
['a.csv']
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast

__all__ = ["atomic_file", "atomic_text_file", "is_empty_folder", "staged_folder"]


def is_empty_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (not a link to one) with nothing in it."""
    return path.is_dir() and not path.is_symlink() and not any(path.iterdir())


@contextmanager
def atomic_file(target: Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``target`` for binary writing; on success it replaces
    ``target``.  When the ``with`` block raises, ``target`` is untouched and the temporary
    file is removed."""
    with _atomic(target, "wb", None) as file:
        yield cast(BinaryIO, file)


@contextmanager
def atomic_text_file(target: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """Like :func:`atomic_file`, for UTF-8 text (``newline`` as for :func:`open`)."""
    with _atomic(target, "w", newline) as file:
        yield cast(TextIO, file)


@contextmanager
def _atomic(target: Path, mode: str, newline: str | None) -> Iterator[IO[Any]]:
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as file:
            yield file
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A new temporary folder beside ``target``; on success it takes ``target``'s place.

    An existing ``target`` (the caller has decided it may be replaced) is moved
    aside, the new folder renamed into place, and the old one deleted; if the
    rename fails the old folder is put back.  When the ``with`` block raises,
    ``target`` is untouched and the temporary folder is removed.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield staging
        _put_in_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _put_in_place(staging: Path, target: Path) -> None:
    if not target.exists() and not target.is_symlink():
        os.replace(staging, target)
        return
    if is_empty_folder(target):
        target.rmdir()
        os.replace(staging, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    old.rmdir()
    os.replace(target, old)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(old, target)
        raise
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink(missing_ok=True)
