"""Every hook is documented in docs/plugins.md, with its arguments."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from ilpcore.plugins.hookspecs import IlpcoreHookSpecs

DOC = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def hook_sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### `(ilpcore_\w+)`\s*$", text, flags=re.MULTILINE)
    return {
        name: body.split("\n## ")[0] for name, body in zip(parts[1::2], parts[2::2], strict=True)
    }


def hookspecs() -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(fn)
        for name, fn in vars(IlpcoreHookSpecs).items()
        if name.startswith("ilpcore_")
    }


def test_every_hook_has_a_section_and_no_section_is_stale() -> None:
    assert set(hook_sections()) == set(hookspecs())


def test_each_section_shows_the_hook_with_its_arguments() -> None:
    sections = hook_sections()
    for name, signature in hookspecs().items():
        args = [p for p in signature.parameters if p != "self"]
        call = f"`{name}(" + ", ".join(f"{a}: {signature.parameters[a].annotation}" for a in args)
        assert call in sections[name], f"docs/plugins.md: the {name} section must show {call}"
