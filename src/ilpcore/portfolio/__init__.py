"""The student's portfolio: work samples, reflections and activities, kept for life.

:func:`add_artifact` adds a work sample to a plan (checked name and type, content in the
store's blob area); :func:`build_portfolio` collects activities by school year and kind with
their reflections, samples and hours; :func:`export_portfolio` writes it as a self-contained
folder or zip with an HTML index (the ePortfolio); :func:`export_portable` and
:func:`import_portable` carry a student's whole plan, lists and samples to another store as
one document.
"""

from __future__ import annotations

from ilpcore.portfolio.artifacts import add_artifact, artifact_id_for
from ilpcore.portfolio.collect import Portfolio, build_portfolio
from ilpcore.portfolio.export import PortfolioExport, export_portfolio
from ilpcore.portfolio.media import ACCEPTED_TYPES, check_media
from ilpcore.portfolio.names import check_filename
from ilpcore.portfolio.portable import (
    PortableFile,
    PortablePlan,
    export_portable,
    import_portable,
    read_portable,
    write_portable,
)
from ilpcore.portfolio.sniff import sniff_media_type

__all__ = [
    "ACCEPTED_TYPES",
    "PortableFile",
    "PortablePlan",
    "Portfolio",
    "PortfolioExport",
    "add_artifact",
    "artifact_id_for",
    "build_portfolio",
    "check_filename",
    "check_media",
    "export_portable",
    "export_portfolio",
    "import_portable",
    "read_portable",
    "sniff_media_type",
    "write_portable",
]
