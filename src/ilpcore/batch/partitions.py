"""Partition functions: the batch functions over pandas DataFrames, for Dask and Spark.

A distributed engine splits a table of students into partitions and calls a
function on each; these are those functions.  Their input is a pandas DataFrame
(an Arrow table or record batch is converted first) in one of these schemas:

* **plans** (matching and audits): ``student_id`` and ``plan``, the plan as the JSON
  document written by :func:`ilpcore.serialization.dumps` (as a store keeps it);
* **scores** (matching only): ``student_id``, the six raw Interest Profiler scores
  ``R I A S E C`` (whole numbers, 0-40 unless ``minimum``/``maximum`` say otherwise)
  and, optionally, ``school_id`` and ``cohort``.

The output is a DataFrame with the columns and dtypes of
:data:`~ilpcore.batch.rows.MATCH_COLUMNS` or :data:`~ilpcore.batch.rows.AUDIT_COLUMNS`
(:func:`match_meta` and :func:`audit_meta` are the empty ones Dask takes as
``meta``), in input order, equal to the single-process result for the same
students.  Use them with Dask's ``map_partitions`` and Spark's ``mapInPandas``
(see ``docs/batch.md``).  They need ``ilpcore[notebook]`` (pandas and pyarrow).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from ilpcore.batch.audit import RuleSets, audit_row
from ilpcore.batch.match import ScoredStudent, as_index, match_scored, scored_student
from ilpcore.batch.rows import AUDIT_COLUMNS, MATCH_COLUMNS, MatchRow, to_records
from ilpcore.exceptions import ExtraNotInstalledError, ValidationError
from ilpcore.matching.batch import Engine
from ilpcore.matching.catalog import OccupationCatalog
from ilpcore.matching.congruence import RIASEC
from ilpcore.matching.ranking import InterestIndex
from ilpcore.model import Plan
from ilpcore.records import to_pandas
from ilpcore.requirements import RuleSet
from ilpcore.serialization import loads

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["audit_meta", "audit_partition", "match_meta", "match_partition", "spark_schema"]

_SPARK_TYPES = {"string": "string", "Int64": "bigint", "Float64": "double", "boolean": "boolean"}


def _frame(records: Iterator[Mapping[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    frame = to_pandas(records, list(columns))
    return frame.astype(dict(columns))


def match_meta() -> pd.DataFrame:
    """An empty match result: the columns and dtypes of :func:`match_partition`'s output."""
    return _frame(iter(()), MATCH_COLUMNS)


def audit_meta() -> pd.DataFrame:
    """An empty audit result: the columns and dtypes of :func:`audit_partition`'s output."""
    return _frame(iter(()), AUDIT_COLUMNS)


def spark_schema(columns: Mapping[str, str]) -> str:
    """A Spark DDL schema string for ``mapInPandas`` from one of the column mappings.

    >>> from ilpcore.batch import MATCH_COLUMNS
    >>> spark_schema(MATCH_COLUMNS)[:50]
    'student_id string, school_id string, cohort bigint'
    """
    return ", ".join(f"{name} {_SPARK_TYPES[dtype]}" for name, dtype in columns.items())


def _pandas(frame: Any) -> pd.DataFrame:
    """``frame`` as pandas (Arrow tables and record batches are converted)."""
    try:
        import pandas as pd
    except ImportError as e:
        raise ExtraNotInstalledError("notebook", "partition functions", "pandas") from e
    if isinstance(frame, pd.DataFrame):
        return frame
    if hasattr(frame, "to_pandas"):
        converted: pd.DataFrame = frame.to_pandas()
        return converted
    raise ValidationError.at("frame", f"must be a pandas DataFrame or Arrow table, not {frame!r}")


def _require(frame: pd.DataFrame, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValidationError.at("frame", f"has no column(s) {', '.join(missing)}")


def _plans(frame: pd.DataFrame) -> Iterator[Plan]:
    for i, document in enumerate(frame["plan"].tolist()):
        try:
            plan: Plan = loads(document, Plan)
        except ValidationError as e:
            raise e.under(f"plan[{i}]") from None
        yield plan


def _optional(frame: pd.DataFrame, column: str, n: int) -> list[Any]:
    if column not in frame.columns:
        return [None] * n
    return [None if v is None or v != v else v for v in frame[column].tolist()]


def _scored(frame: pd.DataFrame, minimum: int, maximum: int) -> list[ScoredStudent]:
    _require(frame, ("student_id", *RIASEC))
    n = len(frame)
    ids = [str(s) for s in frame["student_id"].tolist()]
    schools = _optional(frame, "school_id", n)
    cohorts = [None if c is None else int(c) for c in _optional(frame, "cohort", n)]
    areas = list(zip(*(frame[a].tolist() for a in RIASEC), strict=True)) if n else []
    out = []
    for i, raw in enumerate(areas):
        if any(v is None or v != v for v in raw):
            out.append(ScoredStudent(ids[i], schools[i], cohorts[i], None,
                                     reason="missing interest scores"))  # fmt: skip
            continue
        values = tuple(int(v) for v in raw)
        out.append(ScoredStudent(ids[i], schools[i], cohorts[i], values, minimum, maximum))
    return out


def match_partition(
    frame: Any,
    index: InterestIndex | OccupationCatalog,
    *,
    top: int = 20,
    zone: int | None = None,
    best_effort: bool = False,
    engine: Engine | Literal["auto"] = "auto",
    minimum: int = 0,
    maximum: int = 40,
) -> pd.DataFrame:
    """Match one partition of students (plans or scores schema; see the module docstring).

    Pass an :class:`~ilpcore.matching.ranking.InterestIndex` (a catalog is indexed again
    for every partition).
    """
    frame = _pandas(frame)
    if "plan" in frame.columns:
        students = [scored_student(p) for p in _plans(frame)]
    else:
        students = _scored(frame, minimum, maximum)
    rows: Iterator[MatchRow] = match_scored(
        students, as_index(index), top=top, zone=zone, best_effort=best_effort, engine=engine
    )
    return _frame(to_records(rows), MATCH_COLUMNS)


def audit_partition(
    frame: Any,
    rules: RuleSet | str | None = None,
    *,
    diploma: str | None = None,
    today: date | None = None,
) -> pd.DataFrame:
    """Audit one partition of plans (plans schema); ``rules`` as :func:`~ilpcore.batch.batch_audit`.

    Pass ``today`` so every partition audits as of the same day.
    """
    frame = _pandas(frame)
    _require(frame, ("plan",))
    picker = RuleSets(rules, diploma)
    day = today or date.today()
    rows = (audit_row(p, picker.for_plan(p), day) for p in _plans(frame))
    return _frame(to_records(rows), AUDIT_COLUMNS)
