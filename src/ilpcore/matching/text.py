"""Words for keyword search: lower-case tokens reduced to a simple stem.

The stemmer only folds the English endings that make searches miss: plurals
(``nurses`` → ``nurse``, ``technologies``/``technology`` → ``technologi``,
``boxes`` → ``box``) and possessives (apostrophes are dropped first).  It is deliberately
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
    """The stem of a lower-case word: plural endings removed, a final ``y``/``ie`` folded.

    Singular and plural forms meet (``company``/``companies`` → ``compani``,
    ``movie``/``movies`` → ``movi``); stems are only compared, never shown.

    >>> [stem(w) for w in ("nurses", "technologies", "boxes", "chefs", "analysis", "physics")]
    ['nurse', 'technologi', 'box', 'chef', 'analysis', 'physics']
    >>> stem("movie") == stem("movies"), stem("city") == stem("cities"), stem("days")
    (True, True, 'day')
    """
    w = word
    if len(w) > 3 and w not in _KEEP and w.endswith("s"):
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "i"
        elif w.endswith(("sses", "shes", "ches", "xes", "zzes")):
            w = w[:-2]
        elif not w.endswith(("ss", "us", "is")):
            w = w[:-1]
    if len(w) > 3:
        if w.endswith("ie"):
            w = w[:-1]
        elif w.endswith("y") and w[-2] not in "aeiou":
            w = w[:-1] + "i"
    return w


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
        # compatibility forms first (a styled, double-struck S is an S), then case, accents
        folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("'", "").replace("\u2019", "")
    return list(map(_STEMS.__getitem__, _WORD.findall(folded)))
