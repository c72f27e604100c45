"""Sphinx configuration of the ilpcore documentation.

Build (offline, warnings are errors):

    .venv/bin/sphinx-build -W --keep-going -b html docs docs/_build/html

Set ``ILPCORE_DOCS_INTERSPHINX=1`` to link to the Python, attrs and Hypothesis
docs; this needs network access, so it is off by default.
"""

from __future__ import annotations

import enum
import os
import posixpath
from typing import Any

import attrs
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.directives.other import TocTree

import ilpcore

# -- Project -------------------------------------------------------------------------------------

project = "ilpcore"
author = "The ilpcore developers"
copyright = "the ilpcore developers"
release = ilpcore.__version__
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
]
# sphinx.ext.viewcode would add highlighted source pages, at about 40% more build time.

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = False
pygments_style = "sphinx"
pygments_dark_style = "monokai"

# -- MyST ----------------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc -------------------------------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_class_signature = "mixed"
autodoc_default_options: dict[str, Any] = {
    "members": True,
    "undoc-members": True,
}
toc_object_entries_show_parents = "hide"

# -- intersphinx: offline unless asked -----------------------------------------------------------

intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
if os.environ.get("ILPCORE_DOCS_INTERSPHINX") == "1":
    intersphinx_mapping = {
        "python": ("https://docs.python.org/3", None),
        "attrs": ("https://www.attrs.org/en/stable/", None),
        "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", None),
    }

# -- HTML ----------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"ilpcore {release}"
html_static_path: list[str] = []
html_show_sourcelink = True


# -- Signatures and docstrings of model types ---------------------------------------------------


def _default_text(default: object) -> str:
    if isinstance(default, attrs.Factory):
        factory = default.factory
        return f"{getattr(factory, '__name__', repr(factory))}()"
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    return repr(default)


def _attrs_signature(cls: type) -> str:
    """``(name: type, ..., name: type = default)`` from the attrs fields, as written in the source.

    autodoc would show the generated ``__init__``, whose defaults read
    ``attr_dict['status'].default`` and whose factories read ``NOTHING``.
    """
    params = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        name = field.alias or field.name
        kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
        text = f"{name}: {kind}" if kind else name
        if field.default is not attrs.NOTHING:
            text += f" = {_default_text(field.default)}"
        params.append(text)
    return "(" + ", ".join(params) + ")"


def _process_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    if what in ("class", "exception") and isinstance(obj, type):
        if issubclass(obj, enum.Enum) or getattr(obj, "_is_protocol", False):
            return "", None
        if attrs.has(obj):
            return _attrs_signature(obj), None
    return None


def _process_docstring(
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """A paragraph ending in ``::`` right before a ``>>>`` example: the example is the block.

    reST would otherwise expect an indented literal block and warn.
    """
    for i, line in enumerate(lines[:-2]):
        following = lines[i + 2] if not lines[i + 1].strip() else lines[i + 1]
        text = line.rstrip()
        if not text.endswith("::") or not following.lstrip().startswith(">>>"):
            continue
        if text.strip() == "::" or text.endswith(" ::"):
            lines[i] = text[:-2].rstrip()  # "Example: ::" shows "Example:"
        else:
            lines[i] = text[:-1]  # "Edit with evolve::" shows "Edit with evolve:"


_HOME_MODULES = ("ilpcore.exceptions", "ilpcore.model", "ilpcore.serialization")


def _resolve_short_names(app: Sphinx, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a bare ``ValidationError`` in a docstring of another module to ilpcore's own.

    Docstrings name ilpcore's types without their module, as their readers do.
    """
    if node.get("refdomain") != "py" or "." in node["reftarget"]:
        return None
    domain = env.get_domain("py")
    for module in _HOME_MODULES:
        target = f"{module}.{node['reftarget']}"
        if target in domain.objects:
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], target, node, contnode
            )
    return None


def _fields_out_of_the_contents(app: Sphinx, doctree: Any) -> None:
    """List classes and functions in the page contents, not every field and enum member.

    Runs before Sphinx collects the contents; an empty ``_toc_name`` means "no entry".
    """
    for desc in doctree.findall(addnodes.desc):
        if desc.get("domain") == "py" and desc.get("objtype") in ("attribute", "property"):
            for signature in desc.findall(addnodes.desc_signature):
                signature["_toc_name"] = ""


# -- A toctree for pages that may not exist yet --------------------------------------------------


def _docname(here: str, entry: str) -> str:
    """The docname a toctree entry in document ``here`` refers to."""
    if entry.startswith("/"):
        return entry[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(here), entry))


class ExistingPagesTocTree(TocTree):
    """``existing-toctree``: a toctree that lists only the entries whose pages exist.

    The engine guides are written on other branches; this lets the index name
    them all and still build (with ``-W``) before they land.  The toctree is
    marked as globbing so Sphinx re-reads the index whenever a page is added
    or removed.
    """

    def run(self) -> list[Any]:
        found = self.env.found_docs
        here = self.env.docname
        kept = [
            line
            for line in self.content
            if not line.strip() or _docname(here, line.strip()) in found
        ]
        self.content = StringList(kept, source=self.content.source(0) if self.content else "")
        self.options["glob"] = None
        return super().run()


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("existing-toctree", ExistingPagesTocTree)
    app.connect("autodoc-process-signature", _process_signature)
    app.connect("autodoc-process-docstring", _process_docstring)
    app.connect("missing-reference", _resolve_short_names)
    app.connect("doctree-read", _fields_out_of_the_contents, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
