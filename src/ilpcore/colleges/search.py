"""Keyword search over institution names and program (CIP) titles.

Every word of the query must appear in the text (case- and accent-blind, as a
word prefix: ``nurs`` finds "Nursing").  Institutions are matched on name,
alias and city; programs on their CIP 2020 title.  Results rank whole-name
matches first, then names that start with the query, then the rest, by name.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, ClassVar, Final

import attrs

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.notebook import Tabular
from ilpcore.colleges.records import Institution

__all__ = ["KeywordResults", "ProgramHit", "keyword_search", "words"]

_WORD: Final = re.compile(r"[a-z0-9]+")


def words(text: str) -> tuple[str, ...]:
    """Lower-case, accent-free words of ``text``.

    >>> words("Université du Québec — A&M")
    ('universite', 'du', 'quebec', 'a', 'm')
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return tuple(_WORD.findall(plain))


def _matches(query: tuple[str, ...], text: frozenset[str]) -> bool:
    return all(q in text or any(w.startswith(q) for w in text) for q in query)


@attrs.frozen
class ProgramHit:
    cip: str
    title: str
    institutions: int
    """How many institutions report completions in it."""


@attrs.frozen
class KeywordResults(Tabular):
    query: str
    institutions: tuple[Institution, ...]
    programs: tuple[ProgramHit, ...]

    FRAME_COLUMNS: ClassVar[tuple[str, ...]] = ("kind", "code", "name", "place", "institutions")

    def frame_rows(self) -> list[dict[str, Any]]:
        """Institutions (code = UNITID), then programs (code = CIP, with how many offer it)."""
        rows: list[dict[str, Any]] = [
            {
                "kind": "institution",
                "code": str(i.unitid),
                "name": i.name,
                "place": f"{i.city}, {i.state}",
                "institutions": None,
            }
            for i in self.institutions
        ]
        rows += [
            {"kind": "program", "code": p.cip, "name": p.title, "place": None,
             "institutions": p.institutions}
            for p in self.programs
        ]  # fmt: skip
        return rows

    def html_caption(self) -> str:
        return f"Keyword search {self.query!r} (IPEDS HD2024, C2024_A; CIP 2020 titles)"


@attrs.frozen
class _Index:
    institutions: tuple[tuple[Institution, str, frozenset[str]], ...]
    programs: tuple[tuple[str, str, frozenset[str]], ...]
    vocabulary: dict[str, frozenset[int]]
    """Word → positions in ``institutions`` whose text has it."""


def _lookup(vocabulary: dict[str, frozenset[int]], query: tuple[str, ...]) -> set[int]:
    found: set[int] | None = None
    for q in query:
        with_prefix: set[int] = set()
        for word, positions in vocabulary.items():
            if word.startswith(q):
                with_prefix |= positions
        found = with_prefix if found is None else found & with_prefix
        if not found:
            return set()
    return found or set()


def _index(catalog: CollegeCatalog) -> _Index:
    index = catalog._words  # the catalog keeps it, built here on first use
    if isinstance(index, _Index):
        return index
    institutions = []
    for inst in catalog.by_name:
        name = words(inst.name)
        text = frozenset(name + words(inst.alias or "") + words(inst.city))
        institutions.append((inst, " ".join(name), text))
    programs = [
        (cip, catalog.cip_title(cip), frozenset(words(catalog.cip_title(cip))))
        for cip in catalog.cip_codes()
    ]
    vocabulary: dict[str, set[int]] = {}
    for k, (_, _, text) in enumerate(institutions):
        for w in text:
            vocabulary.setdefault(w, set()).add(k)
    index = _Index(
        tuple(institutions),
        tuple(programs),
        {w: frozenset(v) for w, v in vocabulary.items()},
    )
    catalog._words = index
    return index


def keyword_search(catalog: CollegeCatalog, query: str, limit: int = 50) -> KeywordResults:
    """Institutions and 6-digit programs whose name or title holds every word of ``query``."""
    q = words(query)
    if not q:
        return KeywordResults(query, (), ())
    joined = " ".join(q)
    index = _index(catalog)
    ranked: list[tuple[int, Institution]] = []
    hits = _lookup(index.vocabulary, q)
    for k in sorted(hits):
        inst, full, _ = index.institutions[k]
        rank = 0 if full == joined else 1 if full.startswith(joined) else 2
        ranked.append((rank, inst))
    ranked.sort(key=lambda r: r[0])
    programs = [
        ProgramHit(cip, title, len(catalog.offering(cip)))
        for cip, title, text in index.programs
        if _matches(q, text)
    ]
    programs.sort(key=lambda p: -p.institutions)
    return KeywordResults(query, tuple(i for _, i in ranked[:limit]), tuple(programs[:limit]))
