"""What plugins contribute through ``register`` callbacks: catalogs and rule sets.

A hook such as ``ilpcore_register_catalogs(register)`` is called once per
plugin with a ``register`` function bound to that plugin, so every entry
knows which plugin gave it and duplicates are reported naming both plugins.
Loaders run lazily: :meth:`Contribution.load` calls the loader the first
time and keeps the result.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Final, Protocol

import attrs

from ilpcore.exceptions import NotFoundError, PluginError
from ilpcore.model._checks import identifier, non_blank

__all__ = [
    "COLLEGES",
    "OCCUPATIONS",
    "PROGRAMS",
    "CatalogRegistrar",
    "Contribution",
    "Registry",
    "RuleSetRegistrar",
]

Loader = Callable[[], Any]

OCCUPATIONS: Final = "occupations"
"""Catalog kind: occupations by O*NET-SOC code."""
COLLEGES: Final = "colleges"
"""Catalog kind: colleges by IPEDS UNITID."""
PROGRAMS: Final = "programs"
"""Catalog kind: programs of study by ``UNITID/CIP``."""


class CatalogRegistrar(Protocol):
    """The ``register`` callback of ``ilpcore_register_catalogs``."""

    def __call__(self, kind: str, name: str, loader: Loader, *, description: str = "") -> None:
        """Register catalog ``name`` of ``kind`` (``"occupations"``, ``"colleges"``...)."""


class RuleSetRegistrar(Protocol):
    """The ``register`` callback of ``ilpcore_register_rule_sets``."""

    def __call__(
        self, jurisdiction: str, name: str, loader: Loader, *, description: str = ""
    ) -> None:
        """Register rule set ``name`` for ``jurisdiction`` (a state code such as ``"KY"``)."""


@attrs.frozen(eq=False)
class Contribution:
    """One catalog or rule set a plugin registered."""

    group: str
    """The catalog kind (``"occupations"``) or the rule set's jurisdiction (``"KY"``)."""
    name: str
    loader: Loader = attrs.field(repr=False)
    description: str
    plugin: str
    """The name of the plugin that registered it."""
    _cache: list[Any] = attrs.field(factory=list, repr=False, alias="_cache")
    _lock: threading.Lock = attrs.field(factory=threading.Lock, repr=False, alias="_lock")

    def load(self) -> Any:
        """Build the contribution (once) and return it.

        A loader that fails raises :class:`~ilpcore.exceptions.PluginError` naming the plugin.
        """
        with self._lock:
            if not self._cache:
                try:
                    self._cache.append(self.loader())
                except Exception as e:
                    raise PluginError(
                        f"plugin {self.plugin!r} failed to load {self.group}/{self.name}: "
                        f"{type(e).__name__}: {e}"
                    ) from e
            return self._cache[0]


class Registry:
    """The contributions of one kind (catalogs, or rule sets), keyed by group and name."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._entries: dict[tuple[str, str], Contribution] = {}

    def registrar(self, plugin: str) -> Callable[..., None]:
        """The ``register`` callback given to ``plugin``'s hook implementation."""

        def register(group: str, name: str, loader: Loader, *, description: str = "") -> None:
            for label, value, check_fn in (("group", group, non_blank), ("name", name, identifier)):
                problem = check_fn(value)
                if problem is not None:
                    raise PluginError(
                        f"plugin {plugin!r} registered a {self.what} {label}: {problem}"
                    )
            if not callable(loader):
                raise PluginError(
                    f"plugin {plugin!r} registered {self.what} {group}/{name} "
                    f"with a loader that is not callable: {loader!r}"
                )
            key = (group, name)
            if key in self._entries:
                raise PluginError(
                    f"plugins {self._entries[key].plugin!r} and {plugin!r} both register "
                    f"{self.what} {group}/{name}"
                )
            self._entries[key] = Contribution(group, name, loader, description, plugin)

        return register

    def entries(self, group: str | None = None) -> tuple[Contribution, ...]:
        """Every contribution (of ``group``), ordered by group and name."""
        return tuple(
            self._entries[k] for k in sorted(self._entries) if group is None or k[0] == group
        )

    def get(self, group: str, name: str) -> Contribution:
        """The contribution ``group``/``name``; :class:`~ilpcore.exceptions.NotFoundError`."""
        try:
            return self._entries[(group, name)]
        except KeyError:
            known = ", ".join(f"{g}/{n}" for g, n in sorted(self._entries)) or "none"
            raise NotFoundError(
                f"no {self.what} {group}/{name} is registered (registered: {known})"
            ) from None
