"""Store URLs: which backend, where; and the default location of the embedded store.

``memory:``
    A fresh in-memory store.
``sqlite:///absolute/path.sqlite3`` or ``sqlite:relative/path.sqlite3``
    The embedded SQLite store in that file.
``postgresql://user@host:port/database`` (or ``postgres://``)
    A PostgreSQL database (needs the ``postgres`` extra: ``pip install ilpcore[postgres]``).

Without a URL, ilpcore uses ``$ILPCORE_STORE_URL``, else an SQLite file in the
platform's user data folder (e.g. ``~/.local/share/ilpcore/ilpcore.sqlite3`` on Linux).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import platformdirs

from ilpcore.exceptions import StoreURLError

__all__ = [
    "DEFAULT_DATABASE_NAME",
    "STORE_URL_ENV",
    "default_store_url",
    "redact_url",
    "resolve_store_url",
    "sqlite_path",
    "url_scheme",
]

STORE_URL_ENV: Final = "ILPCORE_STORE_URL"
DEFAULT_DATABASE_NAME: Final = "ilpcore.sqlite3"
_SCHEME: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def url_scheme(url: str) -> str:
    """The scheme of a store URL, in lower case.

    >>> url_scheme("sqlite:///tmp/ilp.sqlite3")
    'sqlite'
    """
    match = _SCHEME.match(url)
    if match is None:
        raise StoreURLError(
            f"{url!r} is not a store URL (expected memory:, sqlite:///path or postgresql://...)"
        )
    return match.group(1).lower()


def default_store_url() -> str:
    """The embedded SQLite store in the platform's user data folder."""
    folder = platformdirs.user_data_path("ilpcore", appauthor=False)
    return f"sqlite://{(folder / DEFAULT_DATABASE_NAME).as_posix()}"


def resolve_store_url(url: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``url`` if given, else ``$ILPCORE_STORE_URL`` if set, else :func:`default_store_url`.

    >>> resolve_store_url(None, {"ILPCORE_STORE_URL": "memory:"})
    'memory:'
    """
    env = os.environ if environ is None else environ
    if url is not None:
        chosen = url
    elif env.get(STORE_URL_ENV, "").strip():
        chosen = env[STORE_URL_ENV].strip()
    else:
        chosen = default_store_url()
    url_scheme(chosen)
    return chosen


def sqlite_path(url: str) -> Path:
    """The database file of a ``sqlite:`` URL.

    >>> sqlite_path("sqlite:///srv/ilp/db.sqlite3").as_posix()
    '/srv/ilp/db.sqlite3'
    >>> sqlite_path("sqlite:data/db.sqlite3").as_posix()
    'data/db.sqlite3'
    """
    if url_scheme(url) != "sqlite":
        raise StoreURLError(f"{url!r} is not a sqlite: URL")
    rest = url[len("sqlite:") :]
    if rest.startswith("//"):
        rest = rest[2:]
        if not rest.startswith("/"):
            raise StoreURLError(
                f"{url!r}: write sqlite:///absolute/path or sqlite:relative/path "
                "(a sqlite URL has no host)"
            )
    if not rest or rest.endswith("/"):
        raise StoreURLError(f"{url!r} does not name a database file")
    return Path(rest)


def redact_url(url: str) -> str:
    """``url`` without its password, for messages and logs.

    >>> redact_url("postgresql://ilp:secret@127.0.0.1:5432/ilp")
    'postgresql://ilp:***@127.0.0.1:5432/ilp'
    """
    return re.sub(r"^([a-z+]+://[^:/@]*):[^@/]*@", r"\1:***@", url)
