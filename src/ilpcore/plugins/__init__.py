"""ilpcore's plugin system (pluggy): hooks, markers, loading and the registries.

Write a plugin as a module of functions marked :data:`ilpcore.hookimpl` and
named after the hooks in :mod:`ilpcore.plugins.hookspecs`; publish it under
the entry-point group ``ilpcore``.  See ``docs/plugins.md``.
"""

from __future__ import annotations

from ilpcore.plugins.hookspecs import PROJECT_NAME, IlpcoreHookSpecs, hookimpl, hookspec
from ilpcore.plugins.manager import (
    BLOCK_ENV,
    BUILTIN_PLUGINS,
    ENTRY_POINT_GROUP,
    PLUGINS_ENV,
    Plugins,
    get_plugins,
    load_plugins,
)
from ilpcore.plugins.registry import (
    COLLEGES,
    OCCUPATIONS,
    PROGRAMS,
    CatalogRegistrar,
    Contribution,
    Registry,
    RuleSetRegistrar,
)

__all__ = [
    "BLOCK_ENV",
    "BUILTIN_PLUGINS",
    "COLLEGES",
    "ENTRY_POINT_GROUP",
    "OCCUPATIONS",
    "PLUGINS_ENV",
    "PROGRAMS",
    "PROJECT_NAME",
    "CatalogRegistrar",
    "Contribution",
    "IlpcoreHookSpecs",
    "Plugins",
    "Registry",
    "RuleSetRegistrar",
    "get_plugins",
    "hookimpl",
    "hookspec",
    "load_plugins",
]
