"""The built-in content plugin offers every shipped rule set and catalog through the hooks."""

from __future__ import annotations

from ilpcore.plugins import COLLEGES, OCCUPATIONS, load_plugins
from ilpcore.requirements.registry import builtin_rule_sets


def test_every_builtin_rule_set_is_registered_and_loads() -> None:
    plugins = load_plugins(entry_points=False, environ={})
    registry = plugins.rule_sets()
    shipped = {rs.id: rs for rs in builtin_rule_sets()}
    registered = {c.name: c for c in registry.entries()}
    assert registered.keys() == shipped.keys()
    assert {c.plugin for c in registered.values()} == {"ilpcore.content"}
    ky = registry.get("US-KY", "US-KY-minimum-2024").load()
    assert ky.jurisdiction == "US-KY"
    assert ky.id == "US-KY-minimum-2024"


def test_catalogs_are_registered_lazily() -> None:
    plugins = load_plugins(entry_points=False, environ={})
    entries = {(c.group, c.name) for c in plugins.catalogs().entries()}
    assert entries == {(OCCUPATIONS, "onet"), (COLLEGES, "ipeds")}
    occupations = plugins.catalogs().get(OCCUPATIONS, "onet").load()
    assert occupations.release == "O*NET 30.1"


def test_the_content_plugin_can_be_blocked() -> None:
    plugins = load_plugins(entry_points=False, environ={"ILPCORE_BLOCK_PLUGINS": "ilpcore.content"})
    assert plugins.rule_sets().entries() == ()
