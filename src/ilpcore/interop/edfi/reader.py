"""Reading a folder of Ed-Fi files: bulk XML interchanges and API JSON resources."""

from __future__ import annotations

from pathlib import Path

from ilpcore.exceptions import DataFileError
from ilpcore.interop.batch import ImportBatch
from ilpcore.interop.edfi.build import EdfiImport, build_import
from ilpcore.interop.edfi.collector import RowCollector
from ilpcore.interop.edfi.json_rows import JSON_RESOURCES, json_rows
from ilpcore.interop.edfi.placement import AgeRule
from ilpcore.interop.edfi.rows import Where
from ilpcore.interop.edfi.xml_rows import INTERCHANGES, xml_row
from ilpcore.interop.edfi.xmlstream import open_interchange

__all__ = ["import_edfi", "read_edfi"]


def _collect(directory: Path) -> tuple[RowCollector, list[str]]:
    if not directory.is_dir():
        raise DataFileError(str(directory), "is not a folder")
    rows = RowCollector()
    kinds: list[str] = []
    for path in sorted(directory.iterdir()):
        suffix = path.suffix.casefold()
        if suffix == ".xml":
            interchange = open_interchange(path)
            if interchange is None or interchange.root not in INTERCHANGES:
                continue
            version = interchange.namespace.rpartition("/")[2]
            kinds.append(f"XML {version}")
            for line, element in interchange.elements():
                row = xml_row(interchange.root, Where(path.name, line), element)
                if row is not None:
                    rows.add(row)
        elif suffix == ".json" and path.stem in JSON_RESOURCES:
            kinds.append("JSON")
            for row in json_rows(path):
                rows.add(row)
    return rows, kinds


def import_edfi(
    directory: Path,
    *,
    school_year: int | None = None,
    age_rule: AgeRule | None = None,
    require_school_association: bool = False,
) -> EdfiImport:
    """Read every Ed-Fi file in ``directory``: the batch and how it was read.

    Files are recognised by content: ``*.xml`` by their root element (an Ed-Fi
    ``Interchange...`` in an ``http://ed-fi.org/`` namespace; others are
    skipped), ``*.json`` by the resource they are named after
    (``courseTranscripts.json``).  ``school_year`` (by its first calendar year,
    2021 for 2021-2022) defaults to the latest one the files name.  Students
    without a school association are placed as :mod:`.placement` describes,
    by ``age_rule`` when given, or rejected with
    ``require_school_association=True``.

    Raises :class:`~ilpcore.exceptions.DataFileError` for a file that is not
    well-formed, or when no school year is given and the files name none.
    """
    rows, kinds = _collect(directory)
    year = school_year if school_year is not None else rows.school_year()
    if year is None:
        raise DataFileError(
            str(directory), "the files name no school year; pass school_year= (e.g. 2021)"
        )
    formats = ", ".join(sorted(set(kinds))) or "no files"
    source = f"Ed-Fi {formats} {directory} (school year {year}-{year + 1})"
    return build_import(
        rows,
        source,
        year,
        age_rule=age_rule,
        require_school_association=require_school_association,
    )


def read_edfi(
    directory: Path,
    *,
    school_year: int | None = None,
    age_rule: AgeRule | None = None,
    require_school_association: bool = False,
) -> ImportBatch:
    """The students in the Ed-Fi files of ``directory`` (see :func:`import_edfi`)."""
    return import_edfi(
        directory,
        school_year=school_year,
        age_rule=age_rule,
        require_school_association=require_school_association,
    ).batch
