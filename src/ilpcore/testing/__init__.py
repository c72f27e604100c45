"""Testing helpers for ilpcore users and plugin authors.

:mod:`ilpcore.testing.strategies` has Hypothesis strategies for every model
type.  Once ilpcore is installed, Hypothesis also knows them through its
entry point, so ``st.from_type(Plan)`` generates valid plans.
"""

from __future__ import annotations

from typing import Any


def _strategy_for(cls: type) -> Any:
    from ilpcore.testing.strategies import STRATEGIES

    return STRATEGIES[cls]


def _hypothesis_setup_hook() -> None:
    """Called by Hypothesis (entry point ``hypothesis``) while it is imported.

    The strategies are deferred: importing them here would import this
    package's strategies module in the middle of Hypothesis' own import.
    """
    from hypothesis import strategies as st

    from ilpcore.model import MODEL_TYPES

    def deferred(cls: type) -> st.SearchStrategy[Any]:
        return st.deferred(lambda: _strategy_for(cls))

    for cls in MODEL_TYPES:
        st.register_type_strategy(cls, deferred(cls))
