"""Finding, loading and calling plugins.

Built-in plugins are registered first; third-party plugins come from the
entry-point group ``ilpcore``.  Two environment variables choose which load:

``ILPCORE_PLUGINS``
    Comma-separated allow-list of third-party plugin (entry-point) names.
    Unset: all installed plugins load.  Empty: none do.
``ILPCORE_BLOCK_PLUGINS``
    Comma-separated names of plugins not to load, built-in ones included
    (e.g. ``ilpcore.stores``).

A plugin that fails to import, or implements a hook that does not exist or
with arguments the hook does not have, raises
:class:`~ilpcore.exceptions.PluginError` naming the plugin.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

import pluggy

from ilpcore.exceptions import IlpcoreError, PluginError, StoreURLError
from ilpcore.plugins import hookspecs
from ilpcore.plugins.registry import Registry

__all__ = [
    "BLOCK_ENV",
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PLUGINS_ENV",
    "Plugins",
    "get_plugins",
    "load_plugins",
]

ENTRY_POINT_GROUP: Final = hookspecs.PROJECT_NAME
PLUGINS_ENV: Final = "ILPCORE_PLUGINS"
BLOCK_ENV: Final = "ILPCORE_BLOCK_PLUGINS"
BUILTIN_PLUGINS: Final[Mapping[str, str]] = {
    "ilpcore.stores": "ilpcore.plugins.builtin_stores",
    "ilpcore.content": "ilpcore.plugins.builtin_content",
}
"""Plugin name to module of the plugins that are always registered (unless blocked)."""


def _names(value: str) -> frozenset[str]:
    return frozenset(n.strip() for n in value.split(",") if n.strip())


class Plugins:
    """A set of registered plugins and the hooks called on them."""

    def __init__(self) -> None:
        self.manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.manager.add_hookspecs(hookspecs.IlpcoreHookSpecs)
        self._lock = threading.Lock()
        self._catalogs: Registry | None = None
        self._rule_sets: Registry | None = None

    # --- registration --------------------------------------------------------------------------

    def register(self, plugin: object, name: str) -> None:
        """Register ``plugin`` (a module or object with hook implementations) as ``name``."""
        if self.manager.has_plugin(name):
            raise PluginError(f"a plugin named {name!r} is already registered")
        try:
            self.manager.register(plugin, name=name)
            self.manager.check_pending()
        except pluggy.PluginValidationError as e:
            if self.manager.is_registered(plugin):
                self.manager.unregister(plugin)
            detail = "; ".join(line.strip() for line in str(e).splitlines() if line.strip())
            raise PluginError(f"plugin {name!r} implements a hook wrongly: {detail}") from e
        except ValueError as e:  # the same object registered twice
            raise PluginError(f"plugin {name!r} cannot be registered: {e}") from e
        with self._lock:
            self._catalogs = self._rule_sets = None

    def names(self) -> tuple[str, ...]:
        """The names of the registered plugins, sorted."""
        return tuple(sorted(n for n, p in self.manager.list_name_plugin() if p is not None))

    def _impls(self, hook_name: str) -> Iterator[tuple[str, Callable[..., Any], list[str]]]:
        """Each plugin's implementation of a hook, in call order (last registered first)."""
        caller = getattr(self.manager.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):
            yield impl.plugin_name, impl.function, list(impl.argnames)

    def _call(self, plugin: str, hook: str, fn: Callable[..., Any], args: Mapping[str, Any]) -> Any:
        try:
            return fn(**args)
        except IlpcoreError:
            raise
        except Exception as e:
            raise PluginError(f"plugin {plugin!r} failed in {hook}: {type(e).__name__}: {e}") from e

    # --- stores --------------------------------------------------------------------------------

    def store_schemes(self) -> tuple[str, ...]:
        """The URL schemes the registered store plugins handle, sorted."""
        schemes: set[str] = set()
        for plugin, fn, _ in self._impls("ilpcore_store_schemes"):
            result = self._call(plugin, "ilpcore_store_schemes", fn, {})
            if isinstance(result, str) or not all(isinstance(s, str) for s in result):
                raise PluginError(
                    f"plugin {plugin!r}: ilpcore_store_schemes must return strings, not {result!r}"
                )
            schemes.update(result)
        return tuple(sorted(schemes))

    def open_store(self, url: str) -> Any:
        """Ask each store plugin in turn to open ``url``; the first store returned wins."""
        from ilpcore.store.base import Store

        for plugin, fn, argnames in self._impls("ilpcore_open_store"):
            args = {"url": url} if "url" in argnames else {}
            store = self._call(plugin, "ilpcore_open_store", fn, args)
            if store is None:
                continue
            if not isinstance(store, Store):
                raise PluginError(
                    f"plugin {plugin!r}: ilpcore_open_store returned "
                    f"{type(store).__name__}, not an ilpcore.store.Store"
                )
            return store
        schemes = ", ".join(f"{s}:" for s in self.store_schemes()) or "none"
        raise StoreURLError(
            f"no installed plugin opens the store URL {url!r} (schemes handled: {schemes})"
        )

    # --- catalogs and rule sets ----------------------------------------------------------------

    def _collect(self, hook: str, what: str) -> Registry:
        registry = Registry(what)
        for plugin, fn, argnames in self._impls(hook):
            args = {"register": registry.registrar(plugin)} if "register" in argnames else {}
            self._call(plugin, hook, fn, args)
        return registry

    def catalogs(self) -> Registry:
        """The catalogs every plugin registered (collected once)."""
        with self._lock:
            if self._catalogs is None:
                self._catalogs = self._collect("ilpcore_register_catalogs", "catalog")
            return self._catalogs

    def rule_sets(self) -> Registry:
        """The rule sets every plugin registered (collected once)."""
        with self._lock:
            if self._rule_sets is None:
                self._rule_sets = self._collect("ilpcore_register_rule_sets", "rule set")
            return self._rule_sets


def load_plugins(*, entry_points: bool = True, environ: Mapping[str, str] | None = None) -> Plugins:
    """A fresh set of plugins: the built-in ones, then the installed ones allowed by ``environ``.

    ``environ`` defaults to :data:`os.environ`.
    """
    env = os.environ if environ is None else environ
    blocked = _names(env.get(BLOCK_ENV, ""))
    allowed = _names(env[PLUGINS_ENV]) if PLUGINS_ENV in env else None
    plugins = Plugins()
    for name, module in BUILTIN_PLUGINS.items():
        if name not in blocked:
            plugins.register(importlib.import_module(module), name)
    if not entry_points:
        return plugins
    for ep in sorted(
        importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name
    ):
        if ep.name in blocked or (allowed is not None and ep.name not in allowed):
            continue
        source = f"{ep.value}" + (f" from {ep.dist.name}" if ep.dist is not None else "")
        try:
            plugin = ep.load()
        except Exception as e:
            raise PluginError(
                f"plugin {ep.name!r} ({source}) failed to load: {type(e).__name__}: {e}"
            ) from e
        plugins.register(plugin, ep.name)
    return plugins


_default: Plugins | None = None
_default_lock = threading.Lock()


def get_plugins() -> Plugins:
    """The process-wide plugins, loaded on first use from the environment."""
    global _default
    with _default_lock:
        if _default is None:
            _default = load_plugins()
        return _default
