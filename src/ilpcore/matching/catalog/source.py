"""Where a data release's files are: a directory, or the official zip of the same files.

A :class:`ReleaseFiles` reads a member by its published name (``"Interests.txt"``)
and tells the cache a fingerprint (size and modification time) of the files it
reads, so a changed file invalidates the cache.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path, PurePosixPath

from ilpcore.exceptions import DataFileError

__all__ = ["Fingerprint", "ReleaseFiles"]

Fingerprint = tuple[str, int, int]
"""``(path, size in bytes, modification time in ns)`` of one file."""


class ReleaseFiles:
    """The files of one release, in a directory or in a zip archive (searched by base name)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._members: dict[str, str] | None = None
        if self.path.is_dir():
            return
        if not self.path.exists():
            raise DataFileError(str(self.path), "no such directory or zip file")
        if not zipfile.is_zipfile(self.path):
            raise DataFileError(str(self.path), "neither a directory nor a zip archive")
        with zipfile.ZipFile(self.path) as z:
            members: dict[str, str] = {}
            for info in z.infolist():
                if not info.is_dir():
                    members.setdefault(PurePosixPath(info.filename).name, info.filename)
        self._members = members

    @property
    def is_zip(self) -> bool:
        return self._members is not None

    def display(self, name: str) -> str:
        """How errors name the file ``name`` of this release."""
        if self._members is None:
            return str(self.path / name)
        return f"{self.path}!{self._members.get(name, name)}"

    def exists(self, name: str) -> bool:
        if self._members is None:
            return (self.path / name).is_file()
        return name in self._members

    def read_bytes(self, name: str) -> bytes:
        """The bytes of file ``name``; a :class:`DataFileError` when the release lacks it."""
        if not self.exists(name):
            raise DataFileError(self.display(name), "file missing from the release")
        if self._members is None:
            return (self.path / name).read_bytes()
        with zipfile.ZipFile(self.path) as z:
            try:
                return z.read(self._members[name])
            except (zipfile.BadZipFile, OSError) as e:
                raise DataFileError(self.display(name), f"cannot read from the zip: {e}") from e

    def fingerprint(self, names: tuple[str, ...]) -> tuple[Fingerprint, ...]:
        """Size and mtime of each named file (of the archive itself for a zip)."""
        if self._members is not None:
            st = self.path.stat()
            return ((str(self.path.resolve()), st.st_size, st.st_mtime_ns),)
        out: list[Fingerprint] = []
        for name in names:
            p = self.path / name
            try:
                st = p.stat()
            except OSError:
                out.append((str(p.resolve()), -1, -1))
            else:
                out.append((str(p.resolve()), st.st_size, st.st_mtime_ns))
        return tuple(out)
