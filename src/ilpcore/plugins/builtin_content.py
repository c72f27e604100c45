"""The built-in plugin ``ilpcore.content``: the catalogs and rule sets that ship with ilpcore.

Catalogs are loaded from the published releases (found with
:func:`~ilpcore.data_location.find_data_dir`) only when first asked for; rule
sets are the cited state rule sets of :mod:`ilpcore.requirements`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ilpcore.plugins.hookspecs import hookimpl
from ilpcore.plugins.registry import COLLEGES, OCCUPATIONS, CatalogRegistrar, RuleSetRegistrar

__all__ = ["ilpcore_register_catalogs", "ilpcore_register_rule_sets"]


def _occupations() -> Any:
    from ilpcore.matching import load_catalog

    return load_catalog()


def _colleges() -> Any:
    from ilpcore.colleges.loading import load_colleges

    return load_colleges()


@hookimpl
def ilpcore_register_catalogs(register: CatalogRegistrar) -> None:
    register(
        OCCUPATIONS,
        "onet",
        _occupations,
        description="O*NET database with career clusters and BLS wages and projections",
    )
    register(COLLEGES, "ipeds", _colleges, description="IPEDS institutions with Scorecard outcomes")


@hookimpl
def ilpcore_register_rule_sets(register: RuleSetRegistrar) -> None:
    from ilpcore.requirements.registry import builtin_rule_sets, get

    def loader(rule_set_id: str) -> Callable[[], Any]:
        return lambda: get(rule_set_id)

    for rule_set in builtin_rule_sets():
        register(
            rule_set.jurisdiction, rule_set.id, loader(rule_set.id), description=rule_set.diploma
        )
