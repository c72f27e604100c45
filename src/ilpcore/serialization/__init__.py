"""Reading and writing ilpcore values as versioned JSON documents.

>>> from ilpcore.serialization import dumps, loads
>>> from ilpcore.model import Term, Session
>>> text = dumps(Term(2025, Session.FALL_SEMESTER))
>>> text
'{"schema": "ilpcore.term", "version": 1, "school_year": 2025, "session": "fall_semester"}'
>>> loads(text)
Term(school_year=2025, session=<Session.FALL_SEMESTER: 'fall_semester'>)
"""

from __future__ import annotations

import re

from ilpcore.model import MODEL_TYPES
from ilpcore.serialization.converter import (
    register_structure_hook,
    register_unstructure_hook,
    structure,
    unstructure,
)
from ilpcore.serialization.documents import (
    Upgrade,
    document_type,
    dumps,
    from_document,
    loads,
    register_document,
    register_upgrade,
    schema_of,
    to_document,
)

__all__ = [
    "Upgrade",
    "document_type",
    "dumps",
    "from_document",
    "loads",
    "register_document",
    "register_structure_hook",
    "register_unstructure_hook",
    "register_upgrade",
    "schema_of",
    "structure",
    "to_document",
    "unstructure",
]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


for _cls in MODEL_TYPES:
    register_document(_cls, f"ilpcore.{_snake(_cls.__name__)}", 1)
