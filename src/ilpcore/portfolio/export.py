"""Exporting a student's portfolio as a self-contained folder or zip: their ePortfolio.

The export holds ``index.html`` (see :func:`ilpcore.portfolio.html.to_html`), every work sample
under ``files/`` with a safe name, and ``.ilpcore-portfolio.json``, which lists them and marks
the folder as an export (only such a folder is replaced by a later export with ``force``).
A zip holds the same inside one folder. Writing is atomic.

>>> import tempfile
>>> from pathlib import Path
>>> from ilpcore.model import Role
>>> from ilpcore.portfolio import add_artifact
>>> from ilpcore.samples import sample_plan
>>> from ilpcore.store import Actor
>>> from ilpcore.store.memory import MemoryStore
>>> store, maya = MemoryStore(), Actor("100482", Role.STUDENT)
>>> plan = store.save_plan(maya, sample_plan(), base_revision=None)
>>> plan = add_artifact(store, maya, plan, b"Why nursing\\n", "essay.txt", about=["A-shadow"])
>>> target = Path(tempfile.mkdtemp()) / "maya"
>>> result = export_portfolio(store, maya, "100482", target)
>>> result.paths
('index.html', 'files/01-essay.txt', '.ilpcore-portfolio.json')
>>> (target / "files" / "01-essay.txt").read_bytes()
b'Why nursing\\n'
"""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Final

import attrs

from ilpcore.exceptions import NotFoundError
from ilpcore.portfolio.collect import Portfolio, build_portfolio
from ilpcore.portfolio.files import write_file_atomically, write_folder_atomically
from ilpcore.portfolio.html import to_html
from ilpcore.portfolio.names import filename_problem
from ilpcore.store import Actor, Store

__all__ = ["INDEX", "MARKER", "PortfolioExport", "export_portfolio", "portfolio_files"]

INDEX: Final = "index.html"
MARKER: Final = ".ilpcore-portfolio.json"
"""The file that lists an export's files and marks it as a portfolio export."""
_ZIP_EPOCH: Final = 1980
"""Zip timestamps start in 1980."""


@attrs.frozen
class PortfolioExport:
    """What :func:`export_portfolio` wrote."""

    target: Path
    zipped: bool
    paths: tuple[str, ...]
    """Every file written, relative to the export's folder, ``index.html`` first."""
    size: int
    """The bytes written: the zip's size, or the sum of the files' sizes."""
    portfolio: Portfolio

    def to_json(self) -> dict[str, Any]:
        """Plain JSON for ``ilp portfolio export --json``."""
        return {
            "student_id": self.portfolio.student_id,
            "target": str(self.target),
            "zip": self.zipped,
            "files": list(self.paths),
            "work_samples": len(self.portfolio.files),
            "size": self.size,
            "hours": self.portfolio.hours_totals.to_json(),
        }


def portfolio_files(store: Store, actor: Actor, portfolio: Portfolio) -> dict[str, bytes]:
    """The files of an export of ``portfolio``: relative path → content, ``index.html`` first,
    the marker last. Reads each work sample from ``store``."""
    files = {INDEX: to_html(portfolio).encode("utf-8")}
    for number, file in enumerate(portfolio.files):
        try:
            blob = store.get_blob(actor, portfolio.student_id, file.artifact.content_hash)
        except NotFoundError as e:
            raise NotFoundError(
                f"artifacts[{number}] ({file.artifact.id!r}): its content "
                f"{file.artifact.content_hash} is not in {store.url}"
            ) from e
        files[file.href] = blob.data
    marker = {
        "ilpcore": "portfolio export",
        "student_id": portfolio.student_id,
        "as_of": portfolio.as_of.isoformat(),
        "files": [
            {"path": f.href, "artifact": f.artifact.id, "content_hash": f.artifact.content_hash}
            for f in portfolio.files
        ],
    }
    files[MARKER] = (json.dumps(marker, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def export_portfolio(
    store: Store,
    actor: Actor,
    student_id: str,
    target: Path,
    *,
    as_zip: bool = False,
    force: bool = False,
    as_of: date | None = None,
) -> PortfolioExport:
    """Export the portfolio of ``student_id``'s current plan to ``target``.

    ``target`` is a folder to create, or with ``as_zip`` a zip file (holding one folder named
    like the zip). An existing target is replaced only with ``force`` and only when it is an
    earlier export (an empty folder is always fine); else
    :class:`~ilpcore.exceptions.ExportExistsError`. ``as_of`` (default today) dates the page.
    """
    portfolio = build_portfolio(store.load_plan(actor, student_id), as_of=as_of)
    files = portfolio_files(store, actor, portfolio)
    target = Path(target)
    if not as_zip:
        write_folder_atomically(target, files, force=force, marker=MARKER)
        size = sum(len(data) for data in files.values())
    else:
        top = target.stem
        if filename_problem(top) is not None:
            top = "portfolio-" + student_id.replace(":", "-")
        stamp = max(portfolio.as_of, date(_ZIP_EPOCH, 1, 1))

        def write(out: BinaryIO) -> None:
            _write_zip(out, top, files, stamp)

        write_file_atomically(target, write, force=force, looks_like_export=_is_portfolio_zip)
        size = target.stat().st_size
    return PortfolioExport(target, as_zip, tuple(files), size, portfolio)


def _write_zip(out: BinaryIO, top: str, files: dict[str, bytes], stamp: date) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative, data in files.items():
            info = zipfile.ZipInfo(
                f"{top}/{relative}", (stamp.year, stamp.month, stamp.day, 0, 0, 0)
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)


def _is_portfolio_zip(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return any(name.endswith("/" + MARKER) for name in archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return False
