"""The search tokenizer and its small plural stemmer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.matching.text import stem, words

NOUNS = (
    "nurse", "technology", "company", "movie", "city", "box", "chef", "church", "class",
    "dish", "day", "key", "engineer", "analyst", "teacher", "family", "supply", "buzz",
)  # fmt: skip


@pytest.mark.parametrize("noun", NOUNS)
def test_singular_and_plural_meet(noun: str) -> None:
    plural = (
        noun[:-1] + "ies"
        if noun.endswith("y") and noun[-2] not in "aeiou"
        else noun + "es"
        if noun.endswith(("s", "sh", "ch", "x", "zz"))
        else noun + "s"
    )
    assert stem(noun) == stem(plural), (noun, plural)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=12))
def test_stem_is_idempotent(word: str) -> None:
    assert stem(stem(word)) == stem(word)


@given(st.text(max_size=60))
def test_words_are_lower_case_stems(text: str) -> None:
    out = words(text)
    assert all(w and w == w.casefold() and " " not in w for w in out)
    assert words(" ".join(out)) == [stem(w) for w in out]


def test_words_fold_case_accents_and_punctuation() -> None:
    assert words("CAFÉ Owner\u2019s, R&D-Lab") == ["cafe", "owner", "r", "d", "lab"]
    assert words("Nurses' aides") == words("nurse aide")
