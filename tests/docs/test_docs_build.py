"""The documentation builds with warnings as errors, and documents every public name.

The build runs on a copy of ``docs/`` in a temporary folder, so the test
never touches ``docs/_build``.  It needs no network access.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import ilpcore.exceptions
import ilpcore.model
import ilpcore.serialization

DOCS = Path(__file__).resolve().parents[2] / "docs"
ENGINE_PAGES = ("careers", "matching", "requirements", "plugins", "storage")
"""Guides written on other branches; the index lists those that exist."""

_INVENTORY_LINE = re.compile(r"(?P<name>.+?)\s+(?P<type>\S+)\s+(?P<priority>-?\d+)\s+\S*\s+.*")


@attrs.frozen
class Build:
    source: Path
    doctrees: Path
    html: Path
    py_names: frozenset[str]
    """Every Python object in the built inventory (``objects.inv``)."""


def sphinx_build(source: Path, doctrees: Path, html: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    command += ["-d", str(doctrees), str(source), str(html)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    """Sphinx exited 0 and printed no warning (with ``-q``, stderr holds only warnings)."""
    report = f"exit status {result.returncode}\n{result.stderr}{result.stdout}"
    assert result.returncode == 0, report
    assert "WARNING" not in result.stderr, report
    assert "ERROR" not in result.stderr, report


def python_names(inventory: Path) -> frozenset[str]:
    """The names of the ``py:`` objects in a Sphinx ``objects.inv`` (version 2) file."""
    header_lines = 4
    parts = inventory.read_bytes().split(b"\n", header_lines)
    assert parts[0] == b"# Sphinx inventory version 2", parts[0]
    body = zlib.decompress(parts[header_lines]).decode("utf-8")
    names = set()
    for line in body.splitlines():
        match = _INVENTORY_LINE.fullmatch(line)
        if match and match["type"].startswith("py:"):
            names.add(match["name"])
    return frozenset(names)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    for package in ("sphinx", "myst_parser", "furo"):
        pytest.importorskip(package, reason="the docs need the dev extra: pip install -e '.[dev]'")
    root = tmp_path_factory.mktemp("docs-build")
    source = root / "docs"
    shutil.copytree(DOCS, source, ignore=shutil.ignore_patterns("_build"))
    doctrees, html = root / "doctrees", root / "html"
    assert_clean(sphinx_build(source, doctrees, html))
    return Build(source, doctrees, html, python_names(html / "objects.inv"))


def test_docs_build_without_warnings(build: Build) -> None:
    for page in ("index", "quickstart", "model", "serialization", "errors", "testing", "cli"):
        assert (build.html / f"{page}.html").is_file(), page
    assert (build.html / "contributing.html").is_file()


@pytest.mark.parametrize(
    "module", [ilpcore.model, ilpcore.serialization, ilpcore.exceptions], ids=lambda m: m.__name__
)
def test_every_public_name_is_documented(build: Build, module: ModuleType) -> None:
    missing = [name for name in module.__all__ if f"{module.__name__}.{name}" not in build.py_names]
    assert not missing, f"not in the docs' object inventory: {missing}"


def test_index_shows_onet_attribution(build: Build) -> None:
    text = " ".join((build.html / "index.html").read_text(encoding="utf-8").split())
    assert (
        "This product includes information from the O*NET 30.1 Database by the U.S. Department "
        "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
        "license. O*NET® is a trademark of USDOL/ETA."
    ) in text


def test_engine_guides_join_the_index_when_they_land(build: Build) -> None:
    """Pages written on other branches are listed as soon as they exist, without editing
    the index; an incremental build picks them up."""
    for name in ENGINE_PAGES:
        page = build.source / f"{name}.md"
        if not page.exists():
            page.write_text(f"# {name.title()} (stand-in)\n\nWritten by the docs test.\n")
    assert_clean(sphinx_build(build.source, build.doctrees, build.html))
    index = (build.html / "index.html").read_text(encoding="utf-8")
    for name in ENGINE_PAGES:
        assert f'href="{name}.html"' in index, name
