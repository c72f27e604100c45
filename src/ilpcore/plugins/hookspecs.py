"""The hooks a plugin can implement: every hook ilpcore calls, with its exact signature.

A plugin is a module (or any object) whose functions carry the
:data:`hookimpl` marker and are named after these hooks.  An implementation
may take fewer arguments than the hook, never other ones.  Each hook is
described in ``docs/plugins.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import pluggy

if TYPE_CHECKING:
    from ilpcore.plugins.registry import CatalogRegistrar, RuleSetRegistrar
    from ilpcore.store.base import Store

__all__ = ["PROJECT_NAME", "IlpcoreHookSpecs", "hookimpl", "hookspec"]

PROJECT_NAME: Final = "ilpcore"
"""The pluggy project name, which is also the entry-point group of third-party plugins."""

hookspec: Final = pluggy.HookspecMarker(PROJECT_NAME)
"""Marks a hook specification (only ilpcore itself declares hooks)."""

hookimpl: Final = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a plugin's function as the implementation of the hook of the same name."""


class IlpcoreHookSpecs:
    """The hook specifications.  Plugins implement them as plain functions."""

    @hookspec(firstresult=True)
    def ilpcore_open_store(self, url: str) -> Store | None:
        """Open the store at ``url`` if this plugin handles the URL's scheme, else return ``None``.

        The first plugin that returns a store wins.  Raise
        :class:`~ilpcore.exceptions.StoreURLError` for a URL of your scheme that is malformed.
        """

    @hookspec
    def ilpcore_store_schemes(self) -> Sequence[str]:  # type: ignore[empty-body]
        """The URL schemes this plugin's ``ilpcore_open_store`` handles, e.g. ``("sqlite",)``.

        Used to tell users which URLs they can use.
        """

    @hookspec
    def ilpcore_register_catalogs(self, register: CatalogRegistrar) -> None:
        """Contribute catalogs (occupations, colleges...) by calling ``register``.

        ``register(kind, name, loader, description=...)`` where ``loader()``
        builds the catalog when it is first asked for.
        """

    @hookspec
    def ilpcore_register_rule_sets(self, register: RuleSetRegistrar) -> None:
        """Contribute graduation rule sets (e.g. a state's requirements) by calling ``register``.

        ``register(jurisdiction, name, loader, description=...)`` where
        ``loader()`` builds the rule set when it is first asked for.
        """
