"""The de-identified research export: two streaming passes over the plans, one folder out.

Pass 1 counts each combination of quasi-identifiers; the suppression plan is
made from those counts alone; pass 2 writes every table row by row.  Memory
is bounded by the number of distinct combinations, not by the number of
students.  Pass 2 counts again and refuses to publish if the plans changed.
The tables are written to a temporary folder next to ``out_dir`` and renamed
into place at the end, so a reader never sees half a release.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Final

import attrs

from ilpcore._version import __version__
from ilpcore.exceptions import ExtraNotInstalledError, ResearchExportError, ValidationError
from ilpcore.files import staged_folder
from ilpcore.model import Plan
from ilpcore.records import Column, ColumnType
from ilpcore.research.generalize import QUASI_IDENTIFIERS, quasi_identifiers
from ilpcore.research.keys import PseudonymKey
from ilpcore.research.manifest import ResearchManifest
from ilpcore.research.suppression import DEFAULT_LADDER, Ladder, plan_suppression
from ilpcore.research.tables import RELEASED_TABLES, ReleasedStudent
from ilpcore.store import Actor, PlanQuery, Store

__all__ = [
    "DEFAULT_K",
    "PlanSource",
    "StoreSnapshot",
    "export_research",
    "export_research_from_store",
]

DEFAULT_K = 11
"""The default threshold: many US state agencies suppress cells below 10 or 11 students."""

PlanSource = Callable[[], Iterable[Plan]]
"""Called once per pass; each call must give the same plans in the same order."""

Progress = Callable[[int, int | None], None]


@attrs.frozen
class StoreSnapshot:
    """The current plans of a store, pinned to their revisions, in a chosen order.

    Calling it loads the plans one at a time.  It holds one (student id, revision)
    pair per student, never the plans.
    """

    store: Store
    actor: Actor
    entries: tuple[tuple[str, int], ...]

    @classmethod
    def take(
        cls,
        store: Store,
        actor: Actor,
        query: PlanQuery | None = None,
        *,
        order: Callable[[str], str] | None = None,
    ) -> StoreSnapshot:
        """The plans ``actor`` may list, sorted by ``order(student_id)`` (default: the id)."""
        entries = [(s.student_id, s.revision) for s in store.list_plans(actor, query)]
        entries.sort(key=lambda e: (order or str)(e[0]))
        return cls(store, actor, tuple(entries))

    def __len__(self) -> int:
        return len(self.entries)

    def __call__(self) -> Iterator[Plan]:
        for student_id, revision in self.entries:
            yield self.store.load_plan(self.actor, student_id, revision=revision)


_BOOLEAN_TEXT: Final = {True: "true", False: "false", None: None}


class _TableWriter:
    """One CSV file: ``None`` is an empty cell (as :mod:`csv` writes it), booleans are
    ``true`` and ``false``."""

    __slots__ = ("booleans", "file", "rows", "writer")

    def __init__(self, path: Path, columns: tuple[Column, ...]) -> None:
        self.file: IO[str] = path.open("w", newline="", encoding="utf-8")
        self.writer = csv.writer(self.file)
        self.writer.writerow(c.name for c in columns)
        self.booleans = tuple(i for i, c in enumerate(columns) if c.type is ColumnType.BOOLEAN)
        self.rows = 0

    def write(self, rows: Iterable[list[Any]]) -> None:
        """Append ``rows``, each its values in the order of the columns."""
        rows = list(rows)
        for i in self.booleans:
            for values in rows:
                values[i] = _BOOLEAN_TEXT[values[i]]
        self.writer.writerows(rows)
        self.rows += len(rows)


def _count(plans: PlanSource, progress: Progress | None, total: int | None) -> Counter[Any]:
    counts: Counter[Any] = Counter()
    for done, plan in enumerate(plans(), 1):
        counts[quasi_identifiers(plan)] += 1
        if progress is not None:
            progress(done, total)
    return counts


def export_research(
    plans: PlanSource,
    out_dir: str | Path,
    key: PseudonymKey,
    *,
    k: int = DEFAULT_K,
    parquet: bool | None = None,
    ladder: Ladder = DEFAULT_LADDER,
    progress: Progress | None = None,
    expected: int | None = None,
) -> ResearchManifest:
    """Write a de-identified release of ``plans`` to the new folder ``out_dir``.

    ``plans`` is called twice (see :data:`PlanSource`).  ``parquet``: ``None``
    writes Parquet files next to the CSV files when pyarrow is installed,
    ``True`` requires it, ``False`` writes CSV only.  ``progress(done, total)``
    counts plans over both passes (``total`` is twice the number of students,
    once known; ``expected`` gives the number of students up front).
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 2:
        raise ValidationError.at("k", f"must be an integer of at least 2, got {k!r}")
    if parquet is None:
        parquet = _has_pyarrow()
    elif parquet and not _has_pyarrow():
        raise ExtraNotInstalledError("notebook", "Parquet research files", "pyarrow")
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ResearchExportError(f"{out}: already exists and is not an empty folder")
    total = None if expected is None else 2 * expected
    counts = _count(plans, progress, total)
    students = sum(counts.values())
    rungs = plan_suppression(counts, k, ladder)
    with staged_folder(out) as temp:
        writers = {
            name: _TableWriter(temp / f"{name}.csv", table.columns)
            for name, table in RELEASED_TABLES.items()
        }
        try:
            seen: Counter[Any] = Counter()
            by_rung = [0] * len(ladder)
            for done, plan in enumerate(plans(), students + 1):
                combo = quasi_identifiers(plan)
                seen[combo] += 1
                if seen[combo] > counts[combo]:
                    break
                kept = rungs.kept(combo)
                by_rung[rungs.rung_of(combo)] += 1
                who = ReleasedStudent(key.pseudonym(plan.student.id), kept, combo=combo, plan=plan)
                for name, table in RELEASED_TABLES.items():
                    writers[name].write(table.values(plan, who))
                if progress is not None:
                    progress(done, 2 * students)
        finally:
            for w in writers.values():
                w.file.close()
        if seen != counts:
            raise ResearchExportError(
                "the plans changed between the two passes of the export; nothing was written, "
                "run it again"
            )
        files = [f"{name}.csv" for name in RELEASED_TABLES]
        if parquet:
            for name, table in RELEASED_TABLES.items():
                _csv_to_parquet(temp / f"{name}.csv", temp / f"{name}.parquet", table.columns)
                files.append(f"{name}.parquet")
        manifest = ResearchManifest(
            ilpcore_version=__version__,
            created_at=datetime.now(UTC).replace(microsecond=0),
            key_fingerprint=key.fingerprint,
            k=k,
            students=students,
            quasi_identifiers=QUASI_IDENTIFIERS,
            ladder=tuple(tuple(QUASI_IDENTIFIERS[i] for i in rung) for rung in ladder),
            students_by_rung=tuple(by_rung),
            complementary=rungs.complementary,
            suppressed_cells={
                name: sum(n for r, n in enumerate(by_rung) if i not in ladder[r])
                for i, name in enumerate(QUASI_IDENTIFIERS)
            },
            tables={name: table.columns for name, table in RELEASED_TABLES.items()},
            rows={name: w.rows for name, w in writers.items()},
            files=(*files, "manifest.json"),
        )
        text = json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False) + "\n"
        (temp / "manifest.json").write_text(text, encoding="utf-8")
    return manifest


def export_research_from_store(
    store: Store,
    actor: Actor,
    out_dir: str | Path,
    key: PseudonymKey,
    *,
    query: PlanQuery | None = None,
    k: int = DEFAULT_K,
    parquet: bool | None = None,
    progress: Progress | None = None,
) -> ResearchManifest:
    """:func:`export_research` of the current plans of ``store`` that ``actor`` may list.

    Students are read in the order of their pseudonyms, so the order of the rows
    says nothing about the student ids; each plan is read at the revision listed
    when the export began.
    """
    snapshot = StoreSnapshot.take(store, actor, query, order=key.pseudonym)
    return export_research(
        snapshot, out_dir, key, k=k, parquet=parquet, progress=progress, expected=len(snapshot)
    )


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


_ARROW_TYPES = {
    ColumnType.STRING: "string",
    ColumnType.INTEGER: "int64",
    ColumnType.FLOAT: "float64",
    ColumnType.DECIMAL: "float64",
    ColumnType.BOOLEAN: "bool",
    ColumnType.DATE: "date32",
}


def _csv_to_parquet(source: Path, target: Path, columns: tuple[Column, ...]) -> None:
    """Stream ``source`` into a Parquet file, batch by batch, with the columns' types."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    schema = pa.schema([(c.name, pa.type_for_alias(_ARROW_TYPES[c.type])) for c in columns])
    convert = pa_csv.ConvertOptions(
        column_types=schema,
        strings_can_be_null=True,
        true_values=["true"],
        false_values=["false"],
    )
    reader = pa_csv.open_csv(source, convert_options=convert)
    with pq.ParquetWriter(target, schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
