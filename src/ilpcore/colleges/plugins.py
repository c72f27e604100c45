"""Colleges contributed by plugins through the catalog hook (kind ``"colleges"``).

A plugin's ``ilpcore_register_catalogs`` calls
``register("colleges", name, loader)`` where ``loader()`` returns a
:class:`~ilpcore.colleges.CollegeCatalog` (usually
``CollegeCatalog.from_records(...)`` of a state's own list).
:func:`with_plugin_colleges` adds every such catalog to a base catalog; a
plugin college replaces a federal one with the same UNITID.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.exceptions import PluginError

if TYPE_CHECKING:
    from ilpcore.plugins import Plugins

__all__ = ["COLLEGES_KIND", "with_plugin_colleges"]

COLLEGES_KIND: Final = "colleges"


def with_plugin_colleges(catalog: CollegeCatalog, plugins: Plugins) -> CollegeCatalog:
    """``catalog`` with the colleges of every plugin catalog of kind ``"colleges"`` added.

    Raises :class:`~ilpcore.exceptions.PluginError` naming the plugin whose loader
    returns something other than a :class:`CollegeCatalog`.
    """
    for entry in plugins.catalogs().entries(COLLEGES_KIND):
        contributed = entry.load()
        if not isinstance(contributed, CollegeCatalog):
            raise PluginError(
                f"plugin {entry.plugin!r}: catalog {COLLEGES_KIND}/{entry.name} must load a "
                f"CollegeCatalog, not {type(contributed).__name__}"
            )
        catalog = catalog.with_records(*contributed.records())
    return catalog
