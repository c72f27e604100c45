"""Words for keyword search: lower-case tokens reduced to a simple stem.

The stemmer only folds the English endings that make searches miss: plurals
(``nurses`` → ``nurse``, ``technologies`` → ``technology``, ``boxes`` →
``box``) and possessives (apostrophes are dropped first).  It is deliberately
small: it never merges different words that a student would want kept apart.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["stem", "words"]

_WORD: Final = re.compile(r"[^\W_]+")
"""A run of letters and digits; apostrophes are dropped first (``nurse's`` → ``nurses``)."""
_KEEP: Final = frozenset(
    {"is", "us", "as", "has", "was", "its", "this", "gas", "bus", "lens", "news", "series",
     "species", "physics", "mathematics", "economics", "statistics", "electronics", "logistics",
     "politics", "athletics", "graphics", "robotics", "ethics", "genetics", "mechanics",
     "acoustics", "analytics", "optics", "pharmaceutics", "aesthetics", "linguistics", "arts"}
)  # fmt: skip
"""Words whose final ``s`` is not a plural (or whose plural is how the subject is named)."""


def stem(word: str) -> str:
    """The stem of a lower-case word (plural and possessive endings removed).

    >>> [stem(w) for w in ("nurses", "technologies", "boxes", "chefs", "analysis", "physics")]
    ['nurse', 'technology', 'box', 'chef', 'analysis', 'physics']
    """
    w = word
    if len(w) <= 3 or w in _KEEP or not w.endswith("s"):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if w.endswith(("ss", "us", "is")):
        return w
    return w[:-1]


class _StemCache(dict[str, str]):
    """Stems already computed (a plain dict lookup is the fast path of :func:`words`)."""

    def __missing__(self, word: str) -> str:
        value = self[word] = stem(word)
        return value


_STEMS: Final = _StemCache()


def words(text: str) -> list[str]:
    """The stems of the words of ``text``, in order (accents and case folded).

    >>> words("Registered Nurses' Aides, Child-care")
    ['registered', 'nurse', 'aide', 'child', 'care']
    """
    folded = text.lower()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", text.casefold())
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("'", "").replace("\u2019", "")
    return list(map(_STEMS.__getitem__, _WORD.findall(folded)))
