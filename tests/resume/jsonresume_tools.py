"""Where the JSON Resume tools are: the folder `.ci/services/jsonresume.sh` installs them into.

Tests read ``ILPCORE_JSONRESUME_DIR``.  Locally they skip, saying how to get the tools, when it
is unset; under ``CI=true`` a missing tool fails the test instead.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import pytest

__all__ = ["official_schema", "tool_dir"]


def tool_dir() -> Path:
    """The folder holding ``node_modules`` with the schema, the theme and ``resumed``."""
    value = os.environ.get("ILPCORE_JSONRESUME_DIR")
    reason = (
        "JSON Resume tools not installed: run `bash .ci/services/jsonresume.sh` and set "
        "ILPCORE_JSONRESUME_DIR to the folder it prints"
    )
    if not value or not (Path(value) / "node_modules").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return Path(value)


@functools.cache
def _load_schema(path: Path) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def official_schema() -> dict[str, Any]:
    """The schema of the npm package ``@jsonresume/schema``."""
    return _load_schema(tool_dir() / "node_modules" / "@jsonresume" / "schema" / "schema.json")
