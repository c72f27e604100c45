"""The suppression plan, as a property over any counts of combinations."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from ilpcore.research import DEFAULT_LADDER, QUASI_IDENTIFIERS, plan_suppression
from ilpcore.research.suppression import project

VALUES = (st.sampled_from(["HS1", "HS2"]), st.sampled_from([2027, 2028]), st.sampled_from([9, 10]),
          st.sampled_from(["female", "male", None]), st.sampled_from(["asian", "white", None]),
          st.sampled_from([True, None]), st.booleans(), st.sampled_from([2009, 2010]))  # fmt: skip
Combo = tuple[object, ...]
COMBOS = st.dictionaries(st.tuples(*VALUES), st.integers(1, 15), max_size=40)


@given(COMBOS, st.integers(2, 20))
def test_every_released_pattern_holds_k_students(counts: dict[Combo, int], k: int) -> None:
    plan = plan_suppression(counts, k)
    assert set(plan.rungs) == set(counts)
    last = len(DEFAULT_LADDER) - 1
    patterns: Counter[tuple[int, Combo]] = Counter()
    for combo, n in counts.items():
        rung = plan.rung_of(combo)
        patterns[(rung, project(combo, DEFAULT_LADDER[rung]))] += n
    total = sum(counts.values())
    for (rung, _), n in patterns.items():
        if rung < last:
            assert n >= k
    fully = sum(n for (rung, _), n in patterns.items() if rung == last)
    assert fully == 0 or fully >= k or fully == total
    # a combination common enough on its own is never suppressed, unless to protect others
    for combo, n in counts.items():
        if n >= k and plan.rung_of(combo) != 0:
            assert plan.rung_of(combo) == last
            assert plan.complementary > 0


def test_ladder_names() -> None:
    assert DEFAULT_LADDER[0] == tuple(range(len(QUASI_IDENTIFIERS)))
    assert DEFAULT_LADDER[-1] == ()
    for coarse, fine in zip(DEFAULT_LADDER[1:], DEFAULT_LADDER, strict=False):
        assert set(coarse) < set(fine)


def test_complementary_takes_the_smallest_group() -> None:
    counts = {("A",): 20, ("B",): 12, ("C",): 3}
    plan = plan_suppression(counts, 11, ((0,), ()))
    assert [plan.rung_of(c) for c in counts] == [0, 1, 1]
    assert plan.complementary == 12
