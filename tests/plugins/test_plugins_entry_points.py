"""Third-party plugins installed as distributions with entry points in the group ``ilpcore``.

Each test installs real (tiny) distributions into a temporary folder on ``sys.path``: a
``*.dist-info`` folder with ``entry_points.txt`` is what pip leaves behind.
"""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import pytest

from ilpcore.exceptions import PluginError
from ilpcore.plugins import ENTRY_POINT_GROUP, load_plugins
from ilpcore.store import MemoryStore

GOOD = """
import ilpcore
from ilpcore.store import MemoryStore

@ilpcore.hookimpl
def ilpcore_open_store(url):
    if url.startswith("{scheme}:"):
        store = MemoryStore()
        store.url = url
        return store
    return None

@ilpcore.hookimpl
def ilpcore_store_schemes():
    return ("{scheme}",)
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    return tmp_path


def install(site: Path, dist: str, entry_name: str, module: str, source: str) -> None:
    """Install distribution ``dist`` whose entry point ``entry_name`` is ``module``."""
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{entry_name} = {module}\n")
    importlib.invalidate_caches()


def forget(*modules: str) -> None:
    for m in modules:
        sys.modules.pop(m, None)


def test_installed_plugins_load_through_the_entry_point_group(site: Path) -> None:
    install(site, "ilp_alpha", "alpha", "ilp_alpha_plugin", GOOD.format(scheme="alpha"))
    install(site, "ilp_beta", "beta", "ilp_beta_plugin", GOOD.format(scheme="beta"))
    try:
        plugins = load_plugins(environ={})
        assert {"alpha", "beta", "ilpcore.stores"} <= set(plugins.names())
        store = plugins.open_store("beta:archive")
        assert isinstance(store, MemoryStore)
        assert store.url == "beta:archive"
    finally:
        forget("ilp_alpha_plugin", "ilp_beta_plugin")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"ILPCORE_PLUGINS": "alpha"}, {"alpha"}),
        ({"ILPCORE_PLUGINS": " beta , alpha "}, {"alpha", "beta"}),
        ({"ILPCORE_PLUGINS": ""}, set()),
        ({"ILPCORE_BLOCK_PLUGINS": "beta"}, {"alpha"}),
        ({"ILPCORE_PLUGINS": "alpha,beta", "ILPCORE_BLOCK_PLUGINS": "alpha"}, {"beta"}),
    ],
)
def test_allow_and_block_lists(site: Path, environ: dict[str, str], expected: set[str]) -> None:
    install(site, "ilp_alpha", "alpha", "ilp_alpha_plugin", GOOD.format(scheme="alpha"))
    install(site, "ilp_beta", "beta", "ilp_beta_plugin", GOOD.format(scheme="beta"))
    try:
        names = set(load_plugins(environ=environ).names())
        assert names & {"alpha", "beta"} == expected
        assert "ilpcore.stores" in names
    finally:
        forget("ilp_alpha_plugin", "ilp_beta_plugin")


def test_a_plugin_that_fails_to_import_is_named(site: Path) -> None:
    install(site, "ilp_broken", "broken", "ilp_broken_plugin", "import no_such_module_here\n")
    with pytest.raises(PluginError, match=r"'broken' \(ilp_broken_plugin from ilp_broken\)"):
        load_plugins(environ={})
    assert load_plugins(environ={"ILPCORE_BLOCK_PLUGINS": "broken"}).names() == (
        "ilpcore.content",
        "ilpcore.stores",
    )


def test_an_installed_plugin_with_a_wrong_signature_is_named(site: Path) -> None:
    source = """
    import ilpcore

    @ilpcore.hookimpl
    def ilpcore_register_catalogs(register, extra):
        pass
    """
    install(site, "ilp_wrong", "wrong", "ilp_wrong_plugin", source)
    try:
        with pytest.raises(PluginError, match=r"plugin 'wrong' implements a hook wrongly.*extra"):
            load_plugins(environ={})
    finally:
        forget("ilp_wrong_plugin")
