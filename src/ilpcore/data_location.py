"""Where the published data releases (O*NET, BLS, NCES...) live on this machine.

ilpcore ships loaders, never the data.  The user says where the releases are:
an explicit path, else the ``ILPCORE_DATA`` environment variable, else a
``shared/data`` folder in or beside the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from ilpcore.exceptions import DataFileError

__all__ = ["DATA_ENV_VAR", "find_data_dir"]

DATA_ENV_VAR = "ILPCORE_DATA"


def find_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The root folder of the data releases.

    Raises :class:`~ilpcore.exceptions.DataFileError` naming every place tried.
    """
    candidates: list[Path] = []
    if explicit is not None:
        candidates.append(Path(explicit))
    elif os.environ.get(DATA_ENV_VAR):
        candidates.append(Path(os.environ[DATA_ENV_VAR]))
    else:
        cwd = Path.cwd()
        candidates += [cwd / "shared" / "data", cwd.parent / "shared" / "data"]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    tried = ", ".join(str(c) for c in candidates)
    raise DataFileError(
        tried,
        f"no data folder found; pass a path or set {DATA_ENV_VAR} to the folder "
        "that holds onet/, bls_oews/, nces_ipeds/ ...",
    )
