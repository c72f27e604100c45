"""``manifest.csv``: which files a OneRoster CSV set has, and how (bulk, delta, absent)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from ilpcore.exceptions import DataFileError
from ilpcore.interop.oneroster.csvfile import read_rows, write_rows
from ilpcore.interop.oneroster.spec import (
    ALL_FILES,
    HEADERS,
    MANIFEST_VERSION,
    ONEROSTER_VERSION,
    FileMode,
)

__all__ = ["read_manifest", "write_manifest"]

MANIFEST = "manifest.csv"


def read_manifest(folder: Path, reads: tuple[str, ...]) -> Mapping[str, FileMode]:
    """The mode of each data file the manifest in ``folder`` lists.

    ``reads`` are the files the caller reads: for those, a ``delta`` file is
    refused (ilpcore imports bulk sets only) and a ``bulk`` one must exist.
    Files the manifest does not list count as absent.
    """
    path = folder / MANIFEST
    if not path.is_file():
        raise DataFileError(
            MANIFEST, f"not found in {folder}: a OneRoster CSV set starts with its manifest"
        )
    properties: dict[str, tuple[str, int]] = {}
    for row in read_rows(path, HEADERS["manifest"]):
        properties[row.text("propertyName")] = (row.text("value"), row.line)
    version, line = properties.get("oneroster.version", ("", None))
    if version != ONEROSTER_VERSION:
        raise DataFileError(
            MANIFEST,
            f"oneroster.version is {version!r}: ilpcore reads OneRoster {ONEROSTER_VERSION} CSV",
            line=line,
        )
    modes: dict[str, FileMode] = {}
    for key, (value, line) in properties.items():
        if not key.startswith("file."):
            continue
        try:
            mode = FileMode(value)
        except ValueError:
            raise DataFileError(
                MANIFEST, f"{key} is {value!r}, not bulk, delta or absent", line=line
            ) from None
        name = key.removeprefix("file.")
        if name in reads and mode is FileMode.DELTA:
            raise DataFileError(
                MANIFEST,
                f"{key} is delta: ilpcore imports bulk sets only (export a bulk set from the SIS)",
                line=line,
            )
        if name in reads and mode is FileMode.BULK and not (folder / f"{name}.csv").is_file():
            raise DataFileError(
                f"{name}.csv", f"not found in {folder}, though the manifest lists it"
            )
        modes[name] = mode
    return MappingProxyType(modes)


def write_manifest(folder: Path, written: tuple[str, ...], system_name: str) -> None:
    """A 1.2 manifest: ``written`` files bulk, every other file absent."""
    rows = [
        ("manifest.version", MANIFEST_VERSION),
        ("oneroster.version", ONEROSTER_VERSION),
        *((f"file.{name}", "bulk" if name in written else "absent") for name in ALL_FILES),
        ("source.systemName", system_name),
        ("source.systemCode", "ilpcore"),
    ]
    write_rows(folder, MANIFEST, HEADERS["manifest"], rows)
