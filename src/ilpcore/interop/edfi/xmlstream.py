"""Streaming an Ed-Fi bulk XML interchange file, one top-level element at a time, with lines.

:mod:`xml.etree.ElementTree` reports no line numbers, so the file is parsed with
:mod:`xml.parsers.expat` directly, building the elements with an
:class:`~xml.etree.ElementTree.TreeBuilder`: each top-level element (a
``Student``, a ``CourseTranscript``...) comes with the line it starts on, and is
dropped once handed over, so memory stays flat however large the file.
Tags are local names (the namespace is checked once, on the root).
"""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, TreeBuilder

import attrs

from ilpcore.exceptions import DataFileError

__all__ = ["EDFI_NAMESPACE_PREFIX", "Interchange", "open_interchange"]

EDFI_NAMESPACE_PREFIX = "http://ed-fi.org/"
"""Every Ed-Fi Data Standard namespace starts so (``http://ed-fi.org/5.2.0``)."""

_CHUNK = 1 << 16


class _RootSeenError(Exception):
    """Stops the parse once the root element is known (peeking)."""


@attrs.frozen
class Interchange:
    """An interchange file: its root element's local name and namespace."""

    path: Path
    root: str
    namespace: str

    def elements(self) -> Iterator[tuple[int, Element]]:
        """Each top-level element with the (1-based) line it starts on, in file order."""
        return _stream(self.path)


def _local(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition("}")
    return namespace, local


def _error(path: Path, exc: xml.parsers.expat.ExpatError) -> DataFileError:
    message = xml.parsers.expat.ErrorString(exc.code) if exc.code else str(exc)
    return DataFileError(
        path.name, f"malformed XML: {message}", line=exc.lineno, column=str(exc.offset + 1)
    )


def open_interchange(path: Path) -> Interchange | None:
    """The interchange in ``path``, or ``None`` when its root is not an Ed-Fi element.

    Only the start of the file is read.  Raises :class:`DataFileError` when the
    file is not well-formed XML up to its root element.
    """
    found: list[str] = []
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")

    def start(name: str, attributes: dict[str, str]) -> None:
        found.append(name)
        raise _RootSeenError

    parser.StartElementHandler = start
    try:
        with path.open("rb") as f:
            while chunk := f.read(4096):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _RootSeenError:
        pass
    except xml.parsers.expat.ExpatError as exc:
        raise _error(path, exc) from None
    if not found:
        raise DataFileError(path.name, "no root element")
    namespace, local = _local(found[0])
    if not namespace.startswith(EDFI_NAMESPACE_PREFIX):
        return None
    return Interchange(path, local, namespace)


def _stream(path: Path) -> Iterator[tuple[int, Element]]:
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    builder = TreeBuilder()
    depth = 0
    start_line = 0
    done: list[tuple[int, Element]] = []

    local_names: dict[str, str] = {}  # "{namespace}Student" -> "Student", worked out once

    def local(name: str) -> str:
        found = local_names.get(name)
        if found is None:
            found = local_names[name] = _local(name)[1]
        return found

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal depth, start_line, builder
        depth += 1
        if depth == 2:
            start_line = parser.CurrentLineNumber
            builder = TreeBuilder()
        if depth >= 2:
            builder.start(local(name), attributes)

    def end(name: str) -> None:
        nonlocal depth
        if depth >= 2:
            element = builder.end(local(name))
            if depth == 2:
                done.append((start_line, element))
        depth -= 1

    def data(text: str) -> None:
        if depth >= 2:
            builder.data(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                parser.Parse(chunk, False)
                yield from done
                done.clear()
            parser.Parse(b"", True)
    except xml.parsers.expat.ExpatError as exc:
        raise _error(path, exc) from None
    yield from done
