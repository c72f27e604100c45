"""Colleges from a plugin's catalog hook are added to the federal catalog."""

from __future__ import annotations

import pytest

from ilpcore.colleges import (
    AwardLevel,
    CollegeCatalog,
    Control,
    Institution,
    Level,
    ProgramRecord,
)
from ilpcore.colleges.plugins import with_plugin_colleges
from ilpcore.exceptions import PluginError
from ilpcore.plugins import CatalogRegistrar, hookimpl, load_plugins

ACADEMY = Institution(
    990001, "Bluegrass Health Academy", "Lexington", "KY", Level.LESS_THAN_TWO_YEAR,
    Control.PUBLIC, source="KY CTE list",
)  # fmt: skip


class StateList:
    @hookimpl
    def ilpcore_register_catalogs(self, register: CatalogRegistrar) -> None:
        register(
            "colleges",
            "ky-cte",
            lambda: CollegeCatalog.from_records(
                [ACADEMY],
                [ProgramRecord(990001, "51.3902", AwardLevel.CERT_UNDER_12_WEEKS, 40)],
            ),
            description="Kentucky career and technical schools",
        )


class Broken:
    @hookimpl
    def ilpcore_register_catalogs(self, register: CatalogRegistrar) -> None:
        register("colleges", "broken", lambda: ["not", "a", "catalog"])


def test_plugin_colleges_are_added(catalog: CollegeCatalog) -> None:
    plugins = load_plugins(entry_points=False, environ={})
    plugins.register(StateList(), "ky-state-list")
    merged = with_plugin_colleges(catalog, plugins)
    assert len(merged) == len(catalog) + 1
    assert merged.institution(990001).source == "KY CTE list"
    assert merged.programs(990001)[0].completions == 40


def test_a_plugin_loading_the_wrong_thing_is_named(catalog: CollegeCatalog) -> None:
    plugins = load_plugins(entry_points=False, environ={})
    plugins.register(Broken(), "broken-plugin")
    with pytest.raises(PluginError, match="broken-plugin"):
        with_plugin_colleges(catalog, plugins)
