"""A pickle cache of parsed catalogs, so a second load of the same release is fast.

Shared by the engines that parse published releases (occupations, colleges).
The cache file's name is a hash of the kind of object, the ilpcore version,
the caller's format number (bumped when its pickled classes change shape) and
a key such as the size and modification time of every source file; any change
to one of them is a cache miss.  A cache file that cannot be read (a
crash mid-write on a system without atomic rename, a different Python) is
ignored and rebuilt.  Writes go to a temporary file that then replaces the
target atomically (``os.replace``).

The folder is ``ILPCORE_CACHE_DIR``, else ``$XDG_CACHE_HOME/ilpcore``, else
``~/.cache/ilpcore``.  Cache files are pickles: only point the cache at a folder
that only you can write.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final, TypeVar

from ilpcore._version import __version__
from ilpcore.files import atomic_file

__all__ = ["CACHE_ENV_VAR", "CacheSetting", "cache_dir", "cache_path", "cached", "file_stamps"]

CACHE_ENV_VAR: Final = "ILPCORE_CACHE_DIR"

CacheSetting = bool | str | os.PathLike[str]
"""``True``: the default cache folder; ``False``: no cache; a path: that folder."""

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
"""What unpickling a damaged or foreign cache file can raise."""
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


def cache_path(folder: Path, kind: str, key: object, format: int) -> Path:
    """The file that holds the cached ``kind`` for ``key`` (any value with a stable repr)."""
    digest = hashlib.sha256(repr((kind, __version__, format, key)).encode()).hexdigest()
    return folder / f"{kind}-{digest[:32]}.pickle"


def file_stamps(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """``(path, size, mtime)`` of each file (``-1`` for a missing one), as a cache key."""
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
    kind: str,
    key: object,
    build: Callable[[], T],
    expected: type[T],
    setting: CacheSetting,
    *,
    format: int,
) -> T:
    """``build()``, or its earlier result stored under ``key`` in the cache folder.

    ``format`` is the caller's number for the shape of what it pickles.
    """
    folder = cache_dir(setting)
    if folder is None:
        return build()
    path = cache_path(folder, kind, key, format)
    try:
        with path.open("rb") as f:
            value = pickle.load(f)
    except FileNotFoundError:
        pass
    except _UNREADABLE as e:  # any unreadable cache file is rebuilt
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
        with atomic_file(path) as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as e:  # a read-only or full disk only costs speed
        _log.info("could not write cache file %s: %s", path, e)
