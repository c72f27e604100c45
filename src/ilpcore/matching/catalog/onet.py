"""Loading the O*NET database text release into an :class:`OccupationCatalog`.

The release is a directory of tab-delimited files (or the official zip of the
same files) exactly as the National Center for O*NET Development publishes
it: UTF-8, CRLF line ends, a header row, ``n/a`` for missing values.  Every
file is validated; bad data raises :class:`~ilpcore.exceptions.DataFileError`
with the file, line and column.  Descriptors are read, never re-derived (the
interest high points come from the IH scale, not from the OI scores).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Final

from ilpcore.cache import CacheSetting, cached
from ilpcore.data_location import find_data_dir
from ilpcore.exceptions import DataFileError, ValidationError
from ilpcore.matching.catalog.catalog import OccupationCatalog
from ilpcore.matching.catalog.onet_readers import (
    DESCRIPTOR_READERS,
    OCCUPATIONS,
    read_occupations,
)
from ilpcore.matching.catalog.records import (
    PICKLE_FORMAT,
    Occupation,
)
from ilpcore.matching.catalog.source import ReleaseFiles
from ilpcore.matching.catalog.tables import (
    Table,
    decode,
    parse_tsv,
)

__all__ = ["ONET_FILES", "default_onet_path", "load_onet", "read_onet"]

README: Final = "Read Me.txt"

ONET_FILES: Final = (
    README,
    OCCUPATIONS,
    *(name for name, _ in DESCRIPTOR_READERS),
)
"""The files of the text release that the loader reads."""

_RELEASE: Final = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database")


def default_onet_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The newest O*NET text release (``onet/db_*_text`` folder or zip) under the data folder."""
    root = find_data_dir(data_dir) / "onet"
    found = [*root.glob("db_*_text"), *root.glob("db_*_text.zip")]
    if not found:
        raise DataFileError(str(root), "no O*NET text release (db_NN_N_text folder or zip) here")
    return max(found, key=_release_order)


def _release_order(path: Path) -> tuple[tuple[int, ...], bool]:
    """``db_30_1_text`` sorts after ``db_9_0_text``; a folder after a zip of the same release."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", path.name))
    return numbers, path.is_dir()


def load_onet(
    path: str | os.PathLike[str] | None = None, *, cache: CacheSetting = True
) -> OccupationCatalog:
    """The catalog of an O*NET text release, from the cache when the files are unchanged.

    ``path`` is the release directory or zip; by default the newest release under
    :func:`~ilpcore.data_location.find_data_dir`.  ``cache`` is ``True`` (the
    default cache folder), ``False`` (no cache) or a cache folder.
    """
    files = ReleaseFiles(path if path is not None else default_onet_path())
    return cached(
        "onet",
        files.fingerprint(ONET_FILES),
        lambda: read_onet(files),
        OccupationCatalog,
        cache,
        format=PICKLE_FORMAT,
    )


def read_onet(source: ReleaseFiles | str | os.PathLike[str]) -> OccupationCatalog:
    """Parse and validate an O*NET text release (no cache)."""
    files = source if isinstance(source, ReleaseFiles) else ReleaseFiles(source)

    def table(name: str) -> Table:
        return parse_tsv(files.display(name), decode(files.display(name), files.read_bytes(name)))

    release = _read_release(files)
    base = read_occupations(table(OCCUPATIONS))
    known = frozenset(base)
    fields: dict[str, dict[str, object]] = {code: {} for code in base}
    for name, reader in DESCRIPTOR_READERS:
        for code, values in reader(table(name), known).items():
            fields[code].update(values)
    occupations = []
    for code, (title, description, line) in base.items():
        try:
            occupations.append(
                Occupation(code=code, title=title, description=description, **fields[code])  # type: ignore[arg-type]
            )
        except ValidationError as e:
            raise DataFileError(
                files.display(OCCUPATIONS), f"occupation {code} is not valid: {e}", line=line
            ) from e
    return OccupationCatalog(release=release, occupations=tuple(occupations))


def _read_release(files: ReleaseFiles) -> str:
    name = files.display(README)
    text = decode(name, files.read_bytes(README))
    for n, line in enumerate(text.splitlines(), start=1):
        m = _RELEASE.search(line)
        if m:
            return f"O*NET {m.group(1)}"
        if n >= 5:
            break
    raise DataFileError(name, "no 'O*NET NN.N Database' release line at the top", line=1)
