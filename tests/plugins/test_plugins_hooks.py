"""Plugins registered in-process: store backends by URL, catalogs, rule sets, and bad plugins."""

from __future__ import annotations

import types
from collections.abc import Callable, Sequence
from typing import Any

import pytest

import ilpcore
from ilpcore.exceptions import NotFoundError, PluginError, StoreURLError
from ilpcore.plugins import CatalogRegistrar, RuleSetRegistrar, load_plugins
from ilpcore.store import MemoryStore, Store
from ilpcore.store.sqlite import SQLiteStore


def plugins_without_entry_points() -> Any:
    # Only the store plugin among the built-ins, so the hooks under test stand alone.
    return load_plugins(entry_points=False, environ={"ILPCORE_BLOCK_PLUGINS": "ilpcore.content"})


class ArchiveStorePlugin:
    """Opens ``archive:`` URLs as in-memory stores that remember the URL."""

    @ilpcore.hookimpl
    def ilpcore_open_store(self, url: str) -> Store | None:
        if not url.startswith("archive:"):
            return None
        store = MemoryStore()
        store.url = url
        return store

    @ilpcore.hookimpl
    def ilpcore_store_schemes(self) -> Sequence[str]:
        return ("archive",)


def test_built_in_plugins_are_registered_by_default() -> None:
    plugins = plugins_without_entry_points()
    assert "ilpcore.stores" in plugins.names()
    assert plugins.store_schemes() == ("memory", "postgres", "postgresql", "sqlite")
    assert isinstance(plugins.open_store("memory:"), MemoryStore)


def test_a_plugin_adds_a_store_scheme() -> None:
    plugins = plugins_without_entry_points()
    plugins.register(ArchiveStorePlugin(), "archive")
    store = plugins.open_store("archive:2026")
    assert isinstance(store, MemoryStore)
    assert store.url == "archive:2026"
    assert "archive" in plugins.store_schemes()
    assert isinstance(plugins.open_store("memory:"), MemoryStore)


def test_a_later_plugin_can_take_over_a_built_in_scheme(tmp_path: Any) -> None:
    class Redirect:
        @ilpcore.hookimpl
        def ilpcore_open_store(self, url: str) -> Store | None:
            return SQLiteStore(tmp_path / "redirected.sqlite3") if url == "memory:" else None

    plugins = plugins_without_entry_points()
    plugins.register(Redirect(), "redirect")
    with plugins.open_store("memory:") as store:
        assert isinstance(store, SQLiteStore)


def test_an_unknown_scheme_names_the_url_and_the_known_schemes() -> None:
    plugins = plugins_without_entry_points()
    with pytest.raises(StoreURLError, match=r"'mongodb://x'.*memory:, postgres:.*sqlite:"):
        plugins.open_store("mongodb://x")


def test_blocked_built_ins_open_nothing() -> None:
    plugins = load_plugins(
        entry_points=False, environ={"ILPCORE_BLOCK_PLUGINS": "ilpcore.stores,ilpcore.content"}
    )
    assert plugins.names() == ()
    with pytest.raises(StoreURLError, match="schemes handled: none"):
        plugins.open_store("memory:")


def _module(name: str, **functions: Callable[..., Any]) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, fn in functions.items():
        setattr(module, key, fn)
    return module


def test_a_hook_with_an_argument_the_hook_lacks_names_the_plugin() -> None:
    @ilpcore.hookimpl
    def ilpcore_open_store(url: str, password: str) -> None:
        return None

    plugins = plugins_without_entry_points()
    with pytest.raises(PluginError, match=r"'bad-args'.*password"):
        plugins.register(_module("bad_args", ilpcore_open_store=ilpcore_open_store), "bad-args")
    assert "bad-args" not in plugins.names()


def test_a_misspelled_hook_names_the_plugin() -> None:
    @ilpcore.hookimpl
    def ilpcore_open_stor(url: str) -> None:
        return None

    plugins = plugins_without_entry_points()
    with pytest.raises(PluginError, match=r"'typo'.*ilpcore_open_stor"):
        plugins.register(_module("typo", ilpcore_open_stor=ilpcore_open_stor), "typo")


def test_a_plugin_name_is_registered_once() -> None:
    plugins = plugins_without_entry_points()
    with pytest.raises(PluginError, match=r"'ilpcore\.stores' is already registered"):
        plugins.register(ArchiveStorePlugin(), "ilpcore.stores")


def test_a_store_hook_that_fails_or_returns_junk_names_the_plugin() -> None:
    @ilpcore.hookimpl
    def ilpcore_open_store(url: str) -> object:
        if url == "junk:":
            return "not a store"
        raise RuntimeError("backend exploded")

    plugins = plugins_without_entry_points()
    plugins.register(_module("flaky", ilpcore_open_store=ilpcore_open_store), "flaky")
    with pytest.raises(PluginError, match=r"'flaky'.*str, not an ilpcore.store.Store"):
        plugins.open_store("junk:")
    with pytest.raises(PluginError, match=r"'flaky' failed in ilpcore_open_store.*exploded"):
        plugins.open_store("memory:")


def test_a_hook_may_take_fewer_arguments() -> None:
    @ilpcore.hookimpl
    def ilpcore_register_catalogs() -> None:
        return None

    plugins = plugins_without_entry_points()
    plugins.register(_module("quiet", ilpcore_register_catalogs=ilpcore_register_catalogs), "quiet")
    assert plugins.catalogs().entries() == ()


class Catalogs:
    def __init__(self) -> None:
        self.loads = 0

    @ilpcore.hookimpl
    def ilpcore_register_catalogs(self, register: CatalogRegistrar) -> None:
        register("occupations", "onet-30.1", self.load, description="O*NET 30.1")
        register("colleges", "ipeds-2024", lambda: ("157085",))

    def load(self) -> tuple[str, ...]:
        self.loads += 1
        return ("29-1141.00", "29-1071.00")


def test_catalogs_are_registered_and_loaded_lazily_once() -> None:
    plugins = plugins_without_entry_points()
    catalogs = Catalogs()
    plugins.register(catalogs, "catalogs")
    registry = plugins.catalogs()
    assert [(c.group, c.name, c.plugin) for c in registry.entries()] == [
        ("colleges", "ipeds-2024", "catalogs"),
        ("occupations", "onet-30.1", "catalogs"),
    ]
    entry = registry.get("occupations", "onet-30.1")
    assert (entry.description, catalogs.loads) == ("O*NET 30.1", 0)
    assert entry.load() == ("29-1141.00", "29-1071.00")
    assert entry.load() is entry.load()
    assert catalogs.loads == 1
    assert registry.entries("colleges")[0].load() == ("157085",)
    with pytest.raises(NotFoundError, match=r"no catalog occupations/onet-29.*onet-30\.1"):
        registry.get("occupations", "onet-29")


def test_two_plugins_registering_the_same_catalog_are_both_named() -> None:
    plugins = plugins_without_entry_points()
    plugins.register(Catalogs(), "first")
    plugins.register(Catalogs(), "second")
    with pytest.raises(PluginError, match=r"both register catalog occupations/onet-30\.1") as e:
        plugins.catalogs()
    assert "'first'" in str(e.value)
    assert "'second'" in str(e.value)


def test_rule_sets_and_failing_loaders_name_the_plugin() -> None:
    class Rules:
        @ilpcore.hookimpl
        def ilpcore_register_rule_sets(self, register: RuleSetRegistrar) -> None:
            register("KY", "ky-2026", lambda: {"credits": 22}, description="Kentucky 2026")
            register("CO", "co-2026", lambda: 1 / 0)

    plugins = plugins_without_entry_points()
    plugins.register(Rules(), "state-rules")
    rules = plugins.rule_sets()
    assert rules.get("KY", "ky-2026").load() == {"credits": 22}
    with pytest.raises(PluginError, match=r"'state-rules' failed to load CO/co-2026.*division"):
        rules.get("CO", "co-2026").load()


def test_registering_with_a_bad_name_or_loader_names_the_plugin() -> None:
    class Bad:
        @ilpcore.hookimpl
        def ilpcore_register_catalogs(self, register: CatalogRegistrar) -> None:
            register("occupations", "has spaces", lambda: None)

    class NotCallable:
        @ilpcore.hookimpl
        def ilpcore_register_catalogs(self, register: CatalogRegistrar) -> None:
            register("occupations", "onet", "not callable")  # type: ignore[arg-type]

    for plugin, pattern in ((Bad(), "'bad'.*not a valid id"), (NotCallable(), "'bad'.*callable")):
        plugins = plugins_without_entry_points()
        plugins.register(plugin, "bad")
        with pytest.raises(PluginError, match=pattern):
            plugins.catalogs()


def test_registries_are_collected_again_after_a_new_plugin() -> None:
    plugins = plugins_without_entry_points()
    assert plugins.catalogs().entries() == ()
    plugins.register(Catalogs(), "late")
    assert len(plugins.catalogs().entries()) == 2
