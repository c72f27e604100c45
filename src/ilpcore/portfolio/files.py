"""Writing exports atomically: a file through a temporary file and ``os.replace``, a folder
through a temporary folder renamed into place.

A reader never sees half an export: either the earlier one or the new one. Replacing an
existing target needs ``force``; a folder is replaced only when it is an earlier export of the
same kind (it holds the ``marker`` file), or empty, so a mistyped target cannot delete a folder
of other work.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ilpcore.exceptions import ExportError, ExportExistsError
from ilpcore.files import atomic_file, is_empty_folder, staged_folder

__all__ = ["write_file_atomically", "write_folder_atomically"]


def _check_parent(target: Path) -> None:
    if not target.parent.is_dir():
        raise ExportError(
            f"cannot write {str(target)!r}: the folder {str(target.parent)!r} does not exist"
        )


def write_file_atomically(
    target: Path,
    write: Callable[[BinaryIO], None],
    *,
    force: bool,
    looks_like_export: Callable[[Path], bool],
) -> None:
    """Write ``target`` with ``write(file)`` through a temporary file in the same folder.

    An existing ``target`` is replaced only with ``force`` and when ``looks_like_export``
    says it is an earlier export; else :class:`~ilpcore.exceptions.ExportExistsError`.
    """
    _check_parent(target)
    if target.is_dir():
        raise ExportExistsError(f"{str(target)!r} is a folder; give a file name to write to")
    if target.exists():
        if not force:
            raise ExportExistsError(f"{str(target)!r} exists; replace it with --force (force=True)")
        if not looks_like_export(target):
            raise ExportExistsError(
                f"{str(target)!r} exists and is not an earlier export of its kind; not replacing it"
            )
    try:
        with atomic_file(target) as file:
            write(file)
    except OSError as e:
        raise ExportError(f"cannot write {str(target)!r}: {e}") from e


def write_folder_atomically(
    target: Path, files: dict[str, bytes], *, force: bool, marker: str
) -> None:
    """Write ``files`` (relative POSIX path → content) as the folder ``target``.

    The folder is built beside ``target`` under a temporary name, then renamed into place.
    An existing ``target`` is replaced only when it is empty, or with ``force`` when it holds
    ``marker`` (an earlier export); else :class:`~ilpcore.exceptions.ExportExistsError`.
    """
    _check_parent(target)
    _check_replace(target, force=force, marker=marker)
    try:
        with staged_folder(target) as staging:
            for relative, data in files.items():
                path = staging.joinpath(*relative.split("/"))
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    except OSError as e:
        raise ExportError(f"cannot write {str(target)!r}: {e}") from e


def _check_replace(target: Path, *, force: bool, marker: str) -> None:
    """Raise unless ``target`` is absent, an empty folder, or (with ``force``) an earlier export."""
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir() or target.is_symlink():
        raise ExportExistsError(f"{str(target)!r} exists and is not a folder; not replacing it")
    if is_empty_folder(target):
        return
    if not force:
        raise ExportExistsError(f"{str(target)!r} exists; replace it with --force (force=True)")
    if not (target / marker).is_file():
        raise ExportExistsError(
            f"{str(target)!r} is not an earlier export (it has no {marker}); not replacing it"
        )
