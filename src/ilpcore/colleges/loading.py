"""Loading the college catalog from the federal releases, cached."""

from __future__ import annotations

import os
from collections.abc import Callable

from ilpcore.cache import CacheSetting, cache_dir, cached, file_stamps
from ilpcore.colleges.bulk import gc_paused
from ilpcore.colleges.catalog import PICKLE_FORMAT, CollegeCatalog
from ilpcore.colleges.costs import (
    APPLICATION_FEES_FILE,
    CHARGES_FILE,
    read_application_fees,
    read_charges,
)
from ilpcore.colleges.crosswalk import (
    CIP_TITLES_FILE,
    CROSSWALK_FILE,
    read_cip_titles,
    read_crosswalk,
)
from ilpcore.colleges.ipeds import (
    COMPLETIONS_FILE,
    DIRECTORY_FILE,
    read_completions,
    read_directory,
)
from ilpcore.colleges.program_index import ProgramIndex
from ilpcore.colleges.scorecard import (
    ADMISSIONS_FILE,
    OUTCOMES_FILE,
    read_admissions,
    read_outcomes,
)
from ilpcore.data_location import find_data_dir

__all__ = ["SOURCE_FILES", "load_colleges"]

SOURCE_FILES: tuple[str, ...] = (
    DIRECTORY_FILE,
    COMPLETIONS_FILE,
    OUTCOMES_FILE,
    CHARGES_FILE,
    APPLICATION_FEES_FILE,
    ADMISSIONS_FILE,
    CROSSWALK_FILE,
    CIP_TITLES_FILE,
)
"""The files read, relative to the data folder (see ``shared/data/PROVENANCE.md``)."""


def load_colleges(
    data_dir: str | os.PathLike[str] | None = None, *, cache: CacheSetting = True
) -> CollegeCatalog:
    """The college catalog from the IPEDS, College Scorecard and NCES crosswalk files.

    ``data_dir`` defaults to :func:`~ilpcore.data_location.find_data_dir`
    (``ILPCORE_DATA`` or ``../shared/data``).  The parsed catalog is cached
    (see :mod:`ilpcore.cache`); ``cache=False`` reads the files.  The program index
    (:meth:`CollegeCatalog.program_index`) is built on the first program search and
    cached beside the catalog.

    >>> catalog = load_colleges()
    >>> catalog.institution(157085).name
    'University of Kentucky'
    """
    root = find_data_dir(data_dir)
    paths = [root / name for name in SOURCE_FILES]
    files = dict(zip(SOURCE_FILES, paths, strict=True))

    def build() -> CollegeCatalog:
        catalog = CollegeCatalog(
            read_directory(files[DIRECTORY_FILE]),
            read_completions(files[COMPLETIONS_FILE]),
            read_outcomes(files[OUTCOMES_FILE]),
            read_charges(files[CHARGES_FILE], read_application_fees(files[APPLICATION_FEES_FILE])),
            read_admissions(files[ADMISSIONS_FILE]),
            read_crosswalk(files[CROSSWALK_FILE]),
            read_cip_titles(files[CIP_TITLES_FILE]),
        )
        return catalog

    stamps = file_stamps(paths)
    with gc_paused():
        catalog = cached("colleges", stamps, build, CollegeCatalog, cache, format=PICKLE_FORMAT)
    if cache_dir(cache) is not None:

        def cached_index(build_index: Callable[[], ProgramIndex]) -> ProgramIndex:
            return cached(
                "colleges-program-index",
                stamps,
                build_index,
                ProgramIndex,
                cache,
                format=PICKLE_FORMAT,
            )

        catalog.set_program_index_loader(cached_index)
    return catalog
