"""A copy of the Lakeview set that a test may edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

LAKEVIEW = Path(__file__).parent / "lakeview"


class EditableSet:
    """A OneRoster set in a temporary folder, with line-level edits."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def lines(self, file: str) -> list[str]:
        return (self.folder / file).read_text(encoding="utf-8").splitlines()

    def write(self, file: str, lines: list[str]) -> None:
        (self.folder / file).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def replace(self, file: str, line: int, old: str, new: str) -> None:
        """Replace ``old`` by ``new`` on ``line`` (1-based) of ``file``."""
        lines = self.lines(file)
        assert old in lines[line - 1], (old, lines[line - 1])
        lines[line - 1] = lines[line - 1].replace(old, new, 1)
        self.write(file, lines)

    def append(self, file: str, *rows: str) -> None:
        self.write(file, [*self.lines(file), *rows])


@pytest.fixture
def lakeview(tmp_path: Path) -> EditableSet:
    folder = tmp_path / "lakeview"
    shutil.copytree(LAKEVIEW, folder)
    return EditableSet(folder)
