"""The max-flow used by the audit bound, against a brute-force minimum cut."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.requirements.flow import bipartite_flow, unsatisfied_at_least

supplies = st.lists(
    st.tuples(st.integers(0, 4), st.sets(st.integers(0, 2), min_size=1).map(tuple)),
    max_size=4,
)
demands = st.dictionaries(st.integers(0, 2), st.integers(0, 4), min_size=1)


def brute_force(supply: list[tuple[int, tuple[int, ...]]], demand: dict[int, int]) -> int:
    """Max-flow = min cut: try every set of supplies on the source side of the cut."""
    best = None
    for side in itertools.product((False, True), repeat=len(supply)):
        # Supplies off the source side are cut at the source; each target is then cut
        # either at the sink or on all its edges from source-side supplies.
        cut = sum(a for (a, _), s in zip(supply, side, strict=True) if not s)
        for t, cap in demand.items():
            into = sum(a for (a, reach), s in zip(supply, side, strict=True) if s and t in reach)
            cut += min(cap, into)
        best = cut if best is None else min(best, cut)
    return best if best is not None else 0


@settings(max_examples=200, deadline=None)
@given(supplies, demands)
def test_flow_is_the_min_cut(
    supply: list[tuple[int, tuple[int, ...]]], demand: dict[int, int]
) -> None:
    assert bipartite_flow(supply, demand) == brute_force(supply, demand)


def test_unsatisfied_at_least() -> None:
    assert unsatisfied_at_least([2, 5, 1], 0) == 0
    assert unsatisfied_at_least([2, 5, 1], 5) == 1
    assert unsatisfied_at_least([2, 5, 1], 6) == 2
