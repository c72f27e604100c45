"""Versioned JSON documents: ``{"schema": "ilpcore.plan", "version": 1, ...fields}``.

Every document type is registered with a schema name and its current
version.  Reading an older version runs the registered upgrade steps, one
version at a time, before the data is structured; a newer version than this
ilpcore knows is refused rather than misread.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar, overload

import attrs

from ilpcore.exceptions import (
    Problem,
    SchemaError,
    UnsupportedVersionError,
    ValidationError,
)
from ilpcore.serialization.converter import structure, unstructure

__all__ = [
    "Upgrade",
    "document_type",
    "dumps",
    "from_document",
    "loads",
    "register_document",
    "register_upgrade",
    "schema_of",
    "to_document",
]

T = TypeVar("T")
Upgrade = Callable[[dict[str, Any]], dict[str, Any]]
"""One upgrade step: takes the fields of version N (envelope removed), returns those of N+1."""

ENVELOPE_KEYS = ("schema", "version")
_SCHEMA_NAME = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")


@attrs.frozen
class _DocumentType:
    cls: type
    schema: str
    version: int


_by_type: dict[type, _DocumentType] = {}
_by_schema: dict[str, _DocumentType] = {}
_upgrades: dict[tuple[str, int], Upgrade] = {}


def register_document(cls: type, schema: str, version: int = 1) -> None:
    """Make ``cls`` readable and writable as a document named ``schema`` at ``version``.

    Registering the same class again with a higher version replaces the
    registration (upgrade steps from earlier versions must then exist).
    """
    if not _SCHEMA_NAME.fullmatch(schema):
        raise ValueError(f"schema name {schema!r} must be dotted lower-case, e.g. 'ilpcore.plan'")
    if version < 1:
        raise ValueError("document versions start at 1")
    if attrs.has(cls):
        clash = {a.name for a in attrs.fields(cls)} & set(ENVELOPE_KEYS)
        if clash:
            raise ValueError(f"{cls.__name__} has fields named like the envelope: {sorted(clash)}")
    existing = _by_schema.get(schema)
    if existing is not None and existing.cls is not cls:
        raise ValueError(f"schema {schema!r} is already registered for {existing.cls.__name__}")
    entry = _DocumentType(cls, schema, version)
    _by_type[cls] = entry
    _by_schema[schema] = entry


def register_upgrade(schema: str, from_version: int, upgrade: Upgrade) -> None:
    """Register the step that turns version ``from_version`` of ``schema`` into the next one."""
    _upgrades[(schema, from_version)] = upgrade


def schema_of(cls: type) -> tuple[str, int]:
    """The schema name and current version of a document type."""
    entry = _by_type.get(cls)
    if entry is None:
        raise TypeError(f"{cls.__name__} is not a registered document type")
    return entry.schema, entry.version


def document_type(schema: str) -> type:
    """The class registered for ``schema``; raises :class:`SchemaError`."""
    entry = _by_schema.get(schema)
    if entry is None:
        raise SchemaError.at("schema", f"unknown schema {schema!r}")
    return entry.cls


def to_document(value: object) -> dict[str, Any]:
    """``value`` as a JSON-ready document with its envelope."""
    schema, version = schema_of(type(value))
    body = unstructure(value)
    return {"schema": schema, "version": version, **body}


def dumps(value: object, *, indent: int | None = None) -> str:
    """``value`` as a JSON document string.

    >>> from ilpcore.model import PersonName
    >>> print(dumps(PersonName("Maya", "Okafor"), indent=1))
    {
     "schema": "ilpcore.person_name",
     "version": 1,
     "given": "Maya",
     "family": "Okafor",
     "middle": null,
     "preferred": null
    }
    """
    return json.dumps(to_document(value), indent=indent, ensure_ascii=False)


@overload
def from_document(document: object, cls: type[T]) -> T: ...
@overload
def from_document(document: object, cls: None = None) -> Any: ...
def from_document(document: object, cls: type[T] | None = None) -> T | Any:
    """Read a document (a dict with its envelope), upgrading older versions first.

    With ``cls``, the document must be of that type; without, its schema
    decides.  Raises :class:`ValidationError` (or its subclasses
    :class:`SchemaError`, :class:`UnsupportedVersionError`) listing every problem.
    """
    if type(document) is not dict:
        raise ValidationError.at("", "expected a JSON object with 'schema' and 'version'")
    schema = document.get("schema")
    version = document.get("version")
    problems = []
    if type(schema) is not str:
        problems.append(Problem("schema", "required string naming the document type is missing"))
    if type(version) is not int or version < 1:
        problems.append(Problem("version", "required whole number (1 or more) is missing"))
    if problems:
        raise SchemaError(problems)
    assert isinstance(schema, str)
    assert isinstance(version, int)
    entry = _by_schema.get(schema)
    if entry is None:
        raise SchemaError.at("schema", f"unknown schema {schema!r}")
    if cls is not None and entry.cls is not cls:
        expected, _ = schema_of(cls)
        raise SchemaError.at("schema", f"expected a {expected!r} document, got {schema!r}")
    body = {k: v for k, v in document.items() if k not in ENVELOPE_KEYS}
    body = _upgrade(entry, version, body)
    return structure(body, entry.cls)


def loads(text: str | bytes, cls: type[T] | None = None) -> T | Any:
    """Read a JSON document string; see :func:`from_document`.

    >>> from ilpcore.model import PersonName
    >>> loads(dumps(PersonName("Maya", "Okafor"))) == PersonName("Maya", "Okafor")
    True
    >>> loads('{"schema": "ilpcore.person_name", "version": 1, "given": "", "nick": 1}')
    Traceback (most recent call last):
    ...
    ilpcore.exceptions.ValidationError: given: must not be blank
    family: required field is missing
    nick: unknown field
    """
    try:
        document = json.loads(text, parse_float=Decimal)
    except (ValueError, RecursionError) as e:
        raise ValidationError.at("", f"not valid JSON: {e}") from None
    return from_document(document, cls)


def _upgrade(entry: _DocumentType, version: int, body: dict[str, Any]) -> dict[str, Any]:
    if version > entry.version:
        raise UnsupportedVersionError.at(
            "version",
            f"{entry.schema} version {version} is newer than this ilpcore supports "
            f"({entry.version}); upgrade ilpcore",
        )
    while version < entry.version:
        step = _upgrades.get((entry.schema, version))
        if step is None:
            raise UnsupportedVersionError.at(
                "version", f"no upgrade from {entry.schema} version {version} to {version + 1}"
            )
        try:
            body = step(body)
        except ValidationError:
            raise
        except Exception as e:
            raise UnsupportedVersionError.at(
                "version", f"upgrading {entry.schema} from version {version} failed: {e}"
            ) from e
        version += 1
    return body
