"""Keyword search over occupation titles, alternate titles and tasks.

Words are matched case- and plural-insensitively (see :mod:`ilpcore.matching.text`);
common words (``and``, ``of``, ``the``...) are ignored unless the query has nothing else.
Ranking, best first:

1. occupations matching more of the query's words;
2. the whole query as a phrase in the title, then more words in the title;
3. the phrase in an alternate title, then more words in alternate titles;
4. more words in task statements;
5. more alternate titles, then more tasks, containing a query word;
6. title, then O*NET-SOC code (so ties are always broken the same way).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Final

import attrs

from ilpcore.matching.attribution import ONET_ATTRIBUTION
from ilpcore.matching.browse import in_cluster
from ilpcore.matching.catalog import Occupation, OccupationCatalog
from ilpcore.matching.render import esc, html_table, wrap_html
from ilpcore.matching.text import words

__all__ = ["STOPWORDS", "SearchHit", "SearchIndex", "SearchResults", "search"]

TITLE: Final = "title"
ALTERNATE_TITLE: Final = "alternate title"
TASK: Final = "task"

Words = tuple[str, ...]

STOPWORDS: Final = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "of",
     "on", "or", "the", "to", "with"}
)  # fmt: skip
"""Words a query's ranking ignores (unless the query has nothing else)."""


def _has_phrase(haystack: Words, phrase: Words) -> bool:
    n = len(phrase)
    return n > 0 and any(haystack[i : i + n] == phrase for i in range(len(haystack) - n + 1))


def _lines(text: str, count: int) -> tuple[Words, ...]:
    """The stems of ``count`` texts kept one per line."""
    return tuple(tuple(line.split()) for line in text.split("\n")) if count else ()


@attrs.frozen
class _Entry:
    occupation: Occupation
    title: Words
    alternates: tuple[Words, ...]
    tasks: tuple[Words, ...]


class SearchIndex:
    """An inverted index of one catalog's titles, alternate titles and tasks.

    The stems are kept as text (one line per alternate title or task) and each
    occupation's entry is expanded when a query first reaches it: the index is
    pickled with the cached catalog, and plain strings load fast.
    """

    def __init__(self, catalog: OccupationCatalog) -> None:
        self.release = catalog.release
        self._occupations = {o.code: o for o in catalog.occupations}
        self._stems: dict[str, tuple[str, str, str]] = {}
        postings: dict[str, list[str]] = defaultdict(list)
        for o in catalog.occupations:
            title = words(o.title)
            alternates = [words(t) for t in o.alternate_titles]
            tasks = [words(t.statement) for t in o.tasks]
            self._stems[o.code] = (
                " ".join(title),
                "\n".join(" ".join(a) for a in alternates),
                "\n".join(" ".join(t) for t in tasks),
            )
            for w in set(title).union(*alternates, *tasks):
                postings[w].append(o.code)
        self._postings = {w: " ".join(codes) for w, codes in postings.items()}
        self._entries: dict[str, _Entry] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {
            "release": self.release,
            "_occupations": self._occupations,
            "_stems": self._stems,
            "_postings": self._postings,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._entries = {}

    def _entry(self, code: str) -> _Entry:
        entry = self._entries.get(code)
        if entry is None:
            o = self._occupations[code]
            title, alternates, tasks = self._stems[code]
            entry = self._entries[code] = _Entry(
                o,
                tuple(title.split()),
                _lines(alternates, len(o.alternate_titles)),
                _lines(tasks, len(o.tasks)),
            )
        return entry

    @classmethod
    def of(cls, catalog: OccupationCatalog) -> SearchIndex:
        """The catalog's index, built on first use and kept with the catalog."""
        return catalog.derived("search-index", lambda: cls(catalog), persist=True)

    def search(self, query: str, codes: Iterable[str] | None = None) -> tuple[SearchHit, ...]:
        """All occupations matching a word of ``query``, best first (restricted to ``codes``)."""
        phrase = tuple(words(query))
        terms = tuple(dict.fromkeys(w for w in phrase if w not in STOPWORDS)) or tuple(
            dict.fromkeys(phrase)
        )
        if not terms:
            return ()
        candidates: set[str] = set()
        for t in terms:
            candidates.update(self._postings.get(t, "").split())
        if codes is not None:
            candidates &= set(codes)
        scored = [self._score(self._entry(c), terms, phrase) for c in candidates]
        scored.sort(key=lambda s: s[0])
        return tuple(attrs.evolve(hit, rank=i) for i, (_key, hit) in enumerate(scored, start=1))

    def _score(self, e: _Entry, terms: Words, phrase: Words) -> tuple[tuple[Any, ...], SearchHit]:
        in_title = {t for t in terms if t in e.title}
        alt_sets = [set(a) for a in e.alternates]
        task_sets = [set(t) for t in e.tasks]
        in_alt = {t for t in terms if any(t in a for a in alt_sets)}
        in_task = {t for t in terms if any(t in s for s in task_sets)}
        matched = in_title | in_alt | in_task
        title_phrase = _has_phrase(e.title, phrase)
        alt_phrase_at = next(
            (i for i, a in enumerate(e.alternates) if _has_phrase(a, phrase)), None
        )
        alt_count = sum(1 for a in alt_sets if not a.isdisjoint(terms))
        task_count = sum(1 for s in task_sets if not s.isdisjoint(terms))
        key = (
            -len(matched),
            not title_phrase,
            -len(in_title),
            alt_phrase_at is None,
            -len(in_alt),
            -len(in_task),
            -alt_count,
            -task_count,
            e.occupation.title,
            e.occupation.code,
        )
        field, text = self._why(e, terms, in_title, alt_phrase_at, alt_sets, task_sets)
        hit = SearchHit(
            code=e.occupation.code,
            title=e.occupation.title,
            rank=0,
            matched_words=len(matched),
            field=field,
            text=text,
        )
        return key, hit

    @staticmethod
    def _why(
        e: _Entry,
        terms: Words,
        in_title: set[str],
        alt_phrase_at: int | None,
        alt_sets: list[set[str]],
        task_sets: list[set[str]],
    ) -> tuple[str, str]:
        """Where the best match is: the title, an alternate title or a task (and its text)."""
        if in_title:
            return TITLE, e.occupation.title
        if alt_phrase_at is not None:
            return ALTERNATE_TITLE, e.occupation.alternate_titles[alt_phrase_at]
        best_alt = max(
            range(len(alt_sets)), key=lambda i: len(alt_sets[i] & set(terms)), default=None
        )
        if best_alt is not None and alt_sets[best_alt] & set(terms):
            return ALTERNATE_TITLE, e.occupation.alternate_titles[best_alt]
        best_task = max(range(len(task_sets)), key=lambda i: len(task_sets[i] & set(terms)))
        return TASK, e.occupation.tasks[best_task].statement


@attrs.frozen
class SearchHit:
    """One occupation found by a search, with where it matched best."""

    code: str
    title: str
    rank: int
    """1 for the best match."""
    matched_words: int
    """How many distinct words of the query the occupation matches."""
    field: str
    """``"title"``, ``"alternate title"`` or ``"task"``."""
    text: str
    """The title, alternate title or task statement that matched."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "code": self.code,
            "title": self.title,
            "matched_words": self.matched_words,
            "matched_in": self.field,
            "matched_text": self.text,
        }


@attrs.frozen
class SearchResults:
    """The hits of a search, the catalog release they come from, and the attribution."""

    query: str
    release: str
    hits: tuple[SearchHit, ...]
    total: int
    """How many occupations matched (``hits`` may be cut to a limit)."""

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.hits)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(h.code for h in self.hits)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document."""
        return {
            "query": self.query,
            "release": self.release,
            "total": self.total,
            "results": [h.to_dict() for h in self.hits],
            "attribution": ONET_ATTRIBUTION,
        }

    def to_text(self) -> str:
        lines = [f'{self.total} occupations match "{self.query}" ({self.release})']
        for h in self.hits:
            where = "" if h.field == TITLE else f"  [{h.field}: {h.text}]"
            lines.append(f"{h.rank:>4}. {h.code}  {h.title}{where}")
        if self.total > len(self.hits):
            lines.append(f"      ... and {self.total - len(self.hits)} more")
        lines += ["", ONET_ATTRIBUTION]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        caption = (
            f"<p>{esc(self.total)} occupations match &ldquo;{esc(self.query)}&rdquo; "
            f"({esc(self.release)})</p>"
        )
        table = html_table(
            ("#", "Code", "Occupation", "Matched in", "Text"),
            ((h.rank, h.code, h.title, h.field, h.text) for h in self.hits),
        )
        return wrap_html(caption + table)


def search(
    catalog: OccupationCatalog,
    query: str,
    *,
    cluster: str | None = None,
    pathway: str | None = None,
    limit: int | None = None,
) -> SearchResults:
    """Occupations matching ``query``, best first (see the module for the ranking).

    ``cluster`` / ``pathway`` restrict to a career cluster or pathway (names,
    case-insensitive); ``limit`` cuts the list (``total`` still counts all).
    """
    codes = None
    if cluster is not None or pathway is not None:
        codes = [o.code for o in in_cluster(catalog, cluster, pathway)]
    hits = SearchIndex.of(catalog).search(query, codes)
    shown = hits if limit is None else hits[: max(limit, 0)]
    return SearchResults(query=query, release=catalog.release, hits=shown, total=len(hits))
