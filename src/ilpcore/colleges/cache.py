"""A pickle cache of the parsed college catalog.

The career-matching engine keeps an equivalent cache private to its package,
so the colleges engine has its own, with the same conventions: the folder is
``ILPCORE_CACHE_DIR``, else ``$XDG_CACHE_HOME/ilpcore``, else
``~/.cache/ilpcore``; the file name hashes the ilpcore version, a format
number and the path, size and modification time of every source file, so any
change to them is a cache miss; an unreadable cache file is rebuilt; writes go
to a temporary file that atomically replaces the target.  Cache files are
pickles: only point the cache at a folder that only you can write.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final, TypeVar

from ilpcore._version import __version__

__all__ = ["CACHE_ENV_VAR", "CacheSetting", "cache_dir", "cached", "file_stamps"]

CACHE_ENV_VAR: Final = "ILPCORE_CACHE_DIR"
CACHE_FORMAT: Final = 6
"""Bumped whenever the pickled classes change shape."""

CacheSetting = bool | str | os.PathLike[str]
"""``True``: the default folder; ``False``: no cache; a path: that folder."""

T = TypeVar("T")
_UNREADABLE: Final = (
    pickle.UnpicklingError,
    EOFError,
    OSError,
    AttributeError,
    ImportError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
)
_log = logging.getLogger(__name__)


def cache_dir(setting: CacheSetting = True) -> Path | None:
    """The cache folder a setting means (``None`` for no cache)."""
    if setting is False:
        return None
    if setting is not True:
        return Path(setting)
    if os.environ.get(CACHE_ENV_VAR):
        return Path(os.environ[CACHE_ENV_VAR])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "ilpcore"
    return Path.home() / ".cache" / "ilpcore"


def file_stamps(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """``(path, size, mtime)`` of each file (``-1`` for a missing one)."""
    out = []
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            out.append((str(p), -1, -1))
        else:
            out.append((str(p.resolve()), st.st_size, st.st_mtime_ns))
    return tuple(out)


def cached(
    kind: str, key: object, build: Callable[[], T], expected: type[T], setting: CacheSetting
) -> T:
    """``build()``, or its earlier result stored under ``key`` in the cache folder."""
    folder = cache_dir(setting)
    if folder is None:
        return build()
    digest = hashlib.sha256(repr((kind, __version__, CACHE_FORMAT, key)).encode()).hexdigest()
    path = folder / f"{kind}-{digest[:32]}.pickle"
    try:
        with path.open("rb") as f:
            value = pickle.load(f)
    except FileNotFoundError:
        pass
    except _UNREADABLE as e:
        _log.info("ignoring unreadable cache file %s: %s", path, e)
    else:
        if isinstance(value, expected):
            return value
        _log.info("ignoring cache file %s holding a %s", path, type(value).__name__)
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        _log.info("could not write cache file %s: %s", path, e)
