"""Small-cell suppression: no released combination of quasi-identifiers is rarer than k.

The algorithm works on the counts of each combination only (never on the
students themselves), so its memory is bounded by the number of distinct
combinations.  It climbs a *ladder* of ever coarser views of the
quasi-identifiers, the last rung keeping none of them:

1. Every combination held by at least ``k`` students is released as it is (rung 0).
2. The students left over are viewed at the next rung (some columns suppressed);
   every group of them that now holds at least ``k`` students is released at that rung.
3. And so on; whoever is left at the last rung has every quasi-identifier suppressed.
4. If that last group is not empty but smaller than ``k``, the smallest released
   groups are suppressed entirely too until it reaches ``k`` (complementary
   suppression), so the fully suppressed students cannot be singled out either.

A released row shows its rung's columns and marks the others as suppressed, so
rows at different rungs never look alike: every distinct released pattern is
held by at least ``k`` students (unless fewer than ``k`` students exist at all,
in which case everything is suppressed).

>>> counts = {("HS1", 2028): 12, ("HS1", 2029): 3, ("HS2", 2029): 9}
>>> ladder = ((0, 1), (1,), ())
>>> rungs = plan_suppression(counts, 11, ladder)
>>> rungs.rung_of(("HS1", 2028)), rungs.rung_of(("HS1", 2029)), rungs.rung_of(("HS2", 2029))
(0, 1, 1)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from ilpcore.research.generalize import QUASI_IDENTIFIERS, QuasiIdentifiers

__all__ = ["DEFAULT_LADDER", "Ladder", "SuppressionPlan", "plan_suppression", "project"]

Ladder = tuple[tuple[int, ...], ...]
"""Rungs, each the positions (in :data:`QUASI_IDENTIFIERS`) of the columns it keeps."""


def _keep(*names: str) -> tuple[int, ...]:
    return tuple(QUASI_IDENTIFIERS.index(n) for n in names)


_DEMOGRAPHICS: Final = ("sex", "race_ethnicity", "disability", "english_learner")

DEFAULT_LADDER: Final[Ladder] = (
    _keep(*QUASI_IDENTIFIERS),
    _keep("school_id", "cohort", "grade_level", *_DEMOGRAPHICS),
    _keep("cohort", "grade_level", *_DEMOGRAPHICS),
    _keep("cohort", "grade_level"),
    (),
)
"""All; then without the birth year (nearly implied by the cohort); then without the school
(district-wide rows keep the demographics equity research needs); then cohort and grade only;
then nothing."""


def project(combo: QuasiIdentifiers, kept: Sequence[int]) -> tuple[Any, ...]:
    """The values of ``combo`` at the positions ``kept``."""
    return tuple(combo[i] for i in kept)


@attrs.frozen
class SuppressionPlan:
    """Which rung of the ladder each combination of quasi-identifiers is released at."""

    k: int
    ladder: Ladder
    rungs: Mapping[QuasiIdentifiers, int]
    complementary: int
    """Students fully suppressed only so that the fully suppressed group reaches ``k``."""

    def rung_of(self, combo: QuasiIdentifiers) -> int:
        return self.rungs[combo]

    def kept(self, combo: QuasiIdentifiers) -> tuple[int, ...]:
        """The positions of the quasi-identifiers released for ``combo``."""
        return self.ladder[self.rungs[combo]]


def plan_suppression(
    counts: Mapping[QuasiIdentifiers, int], k: int, ladder: Ladder = DEFAULT_LADDER
) -> SuppressionPlan:
    """The rung of every combination in ``counts`` (combination -> number of students)."""
    last = len(ladder) - 1
    rungs: dict[QuasiIdentifiers, int] = {}
    released: list[tuple[int, list[QuasiIdentifiers]]] = []
    remaining = dict(counts)
    for rung, kept in enumerate(ladder[:-1]):
        groups: dict[tuple[Any, ...], list[QuasiIdentifiers]] = defaultdict(list)
        sizes: dict[tuple[Any, ...], int] = defaultdict(int)
        for combo, n in remaining.items():
            view = project(combo, kept)
            groups[view].append(combo)
            sizes[view] += n
        left: dict[QuasiIdentifiers, int] = {}
        for view, combos in groups.items():
            if sizes[view] >= k:
                rungs.update(dict.fromkeys(combos, rung))
                released.append((sizes[view], combos))
            else:
                left.update((c, remaining[c]) for c in combos)
        remaining = left
    rungs.update(dict.fromkeys(remaining, last))
    suppressed = sum(remaining.values())
    complementary = 0
    if 0 < suppressed < k:
        for size, combos in sorted(released, key=lambda r: r[0]):
            rungs.update(dict.fromkeys(combos, last))
            complementary += size
            if suppressed + complementary >= k:
                break
    return SuppressionPlan(k, ladder, rungs, complementary)
