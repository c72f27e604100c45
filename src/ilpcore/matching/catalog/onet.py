"""Loading the O*NET database text release into an :class:`OccupationCatalog`.

The release is a directory of tab-delimited files (or the official zip of the
same files) exactly as the National Center for O*NET Development publishes
it: UTF-8, CRLF line ends, a header row, ``n/a`` for missing values.  Every
file is validated; bad data raises :class:`~ilpcore.exceptions.DataFileError`
with the file, line and column.  Descriptors are read, never re-derived (the
interest high points come from the IH scale, not from the OI scores).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Final

from ilpcore.cache import CacheSetting, cached
from ilpcore.data_location import find_data_dir
from ilpcore.exceptions import DataFileError, ValidationError
from ilpcore.matching.catalog.catalog import OccupationCatalog
from ilpcore.matching.catalog.records import (
    PICKLE_FORMAT,
    RIASEC,
    WORK_VALUES,
    EducationTraining,
    Occupation,
    Ratings,
    RelatedOccupation,
    Task,
    TaskType,
    onet_code,
)
from ilpcore.matching.catalog.source import ReleaseFiles
from ilpcore.matching.catalog.tables import (
    MISSING,
    Table,
    decode,
    parse_float,
    parse_int,
    parse_tsv,
)

__all__ = ["ONET_FILES", "default_onet_path", "load_onet", "read_onet"]

README: Final = "Read Me.txt"
OCCUPATIONS: Final = "Occupation Data.txt"
ALTERNATE_TITLES: Final = "Alternate Titles.txt"
TASKS: Final = "Task Statements.txt"
INTERESTS: Final = "Interests.txt"
JOB_ZONES: Final = "Job Zones.txt"
WORK_VALUES_FILE: Final = "Work Values.txt"
SKILLS: Final = "Skills.txt"
KNOWLEDGE: Final = "Knowledge.txt"
EDUCATION: Final = "Education, Training, and Experience.txt"
RELATED: Final = "Related Occupations.txt"

ONET_FILES: Final = (
    README,
    OCCUPATIONS,
    ALTERNATE_TITLES,
    TASKS,
    INTERESTS,
    JOB_ZONES,
    WORK_VALUES_FILE,
    SKILLS,
    KNOWLEDGE,
    EDUCATION,
    RELATED,
)
"""The files of the text release that the loader reads."""

CODE: Final = "O*NET-SOC Code"
ELEMENT: Final = "Element ID"
SCALE: Final = "Scale ID"
VALUE: Final = "Data Value"

_RELEASE: Final = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database")
_INTEREST_ELEMENTS: Final = {f"1.B.1.{c}": i for i, c in enumerate("abcdef")}
_INTEREST_HIGH_POINTS: Final = {f"1.B.1.{c}": i for i, c in enumerate("ghi")}
_VALUE_ELEMENTS: Final = {f"1.B.2.{c}": i for i, c in enumerate("abcdef")}
_VALUE_HIGH_POINTS: Final = {f"1.B.2.{c}": i for i, c in enumerate("ghi")}
_ETE_SCALES: Final = {"RL": 12, "RW": 11, "PT": 9, "OJ": 9}
_TASK_TYPES: Final = {"Core": TaskType.CORE, "Supplemental": TaskType.SUPPLEMENTAL}


def default_onet_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The newest O*NET text release (``onet/db_*_text`` folder or zip) under the data folder."""
    root = find_data_dir(data_dir) / "onet"
    found = [*root.glob("db_*_text"), *root.glob("db_*_text.zip")]
    if not found:
        raise DataFileError(str(root), "no O*NET text release (db_NN_N_text folder or zip) here")
    return max(found, key=_release_order)


def _release_order(path: Path) -> tuple[tuple[int, ...], bool]:
    """``db_30_1_text`` sorts after ``db_9_0_text``; a folder after a zip of the same release."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", path.name))
    return numbers, path.is_dir()


def load_onet(
    path: str | os.PathLike[str] | None = None, *, cache: CacheSetting = True
) -> OccupationCatalog:
    """The catalog of an O*NET text release, from the cache when the files are unchanged.

    ``path`` is the release directory or zip; by default the newest release under
    :func:`~ilpcore.data_location.find_data_dir`.  ``cache`` is ``True`` (the
    default cache folder), ``False`` (no cache) or a cache folder.
    """
    files = ReleaseFiles(path if path is not None else default_onet_path())
    return cached(
        "onet",
        files.fingerprint(ONET_FILES),
        lambda: read_onet(files),
        OccupationCatalog,
        cache,
        format=PICKLE_FORMAT,
    )


def read_onet(source: ReleaseFiles | str | os.PathLike[str]) -> OccupationCatalog:
    """Parse and validate an O*NET text release (no cache)."""
    files = source if isinstance(source, ReleaseFiles) else ReleaseFiles(source)

    def table(name: str) -> Table:
        return parse_tsv(files.display(name), decode(files.display(name), files.read_bytes(name)))

    release = _read_release(files)
    base = _read_occupations(table(OCCUPATIONS))
    known = frozenset(base)
    fields: dict[str, dict[str, object]] = {code: {} for code in base}
    readers: tuple[
        tuple[str, Callable[[Table, frozenset[str]], dict[str, dict[str, object]]]], ...
    ] = (
        (ALTERNATE_TITLES, _read_alternate_titles),
        (TASKS, _read_tasks),
        (INTERESTS, _read_interests),
        (JOB_ZONES, _read_job_zones),
        (WORK_VALUES_FILE, _read_work_values),
        (SKILLS, lambda t, k: _read_ratings(t, k, "skills")),
        (KNOWLEDGE, lambda t, k: _read_ratings(t, k, "knowledge")),
        (EDUCATION, _read_education),
        (RELATED, _read_related),
    )
    for name, reader in readers:
        for code, values in reader(table(name), known).items():
            fields[code].update(values)
    occupations = []
    for code, (title, description, line) in base.items():
        try:
            occupations.append(
                Occupation(code=code, title=title, description=description, **fields[code])  # type: ignore[arg-type]
            )
        except ValidationError as e:
            raise DataFileError(
                files.display(OCCUPATIONS), f"occupation {code} is not valid: {e}", line=line
            ) from e
    return OccupationCatalog(release=release, occupations=tuple(occupations))


def _read_release(files: ReleaseFiles) -> str:
    name = files.display(README)
    text = decode(name, files.read_bytes(README))
    for n, line in enumerate(text.splitlines(), start=1):
        m = _RELEASE.search(line)
        if m:
            return f"O*NET {m.group(1)}"
        if n >= 5:
            break
    raise DataFileError(name, "no 'O*NET NN.N Database' release line at the top", line=1)


def _code(table: Table, row: int, column: int, raw: str, known: frozenset[str]) -> str:
    if raw not in known:
        problem = onet_code(raw)
        raise table.error(
            row, column, problem or f"unknown O*NET-SOC code {raw} (not in {OCCUPATIONS})"
        )
    return raw


def _read_occupations(table: Table) -> dict[str, tuple[str, str, int]]:
    c_code, c_title, c_desc = table.columns((CODE, "Title", "Description"))
    out: dict[str, tuple[str, str, int]] = {}
    for i, row in enumerate(table.rows):
        code, title, desc = row[c_code], row[c_title], row[c_desc]
        problem = onet_code(code)
        if problem:
            raise table.error(i, c_code, problem)
        if code in out:
            raise table.error(i, c_code, f"duplicate O*NET-SOC code {code}")
        if not title.strip() or title == MISSING:
            raise table.error(i, c_title, "missing title")
        out[code] = (title, "" if desc == MISSING else desc, table.line(i))
    if not out:
        raise DataFileError(table.file, "no occupations", line=1)
    return out


Fields = dict[str, dict[str, object]]


def _read_alternate_titles(table: Table, known: frozenset[str]) -> Fields:
    c_code, c_title = table.columns((CODE, "Alternate Title"))
    titles: dict[str, list[str]] = defaultdict(list)
    for i, row in enumerate(table.rows):
        code = _code(table, i, c_code, row[c_code], known)
        title = row[c_title].strip()
        if not title or title == MISSING:
            raise table.error(i, c_title, "missing alternate title")
        titles[code].append(title)
    return {code: {"alternate_titles": tuple(dict.fromkeys(t))} for code, t in titles.items()}


def _read_tasks(table: Table, known: frozenset[str]) -> Fields:
    c_code, c_id, c_task, c_type = table.columns((CODE, "Task ID", "Task", "Task Type"))
    tasks: dict[str, list[Task]] = defaultdict(list)
    for i, row in enumerate(table.rows):
        code = _code(table, i, c_code, row[c_code], known)
        task_id = parse_int(table, i, c_id, row[c_id], 1, None)
        statement = row[c_task].strip()
        if not statement or statement == MISSING:
            raise table.error(i, c_task, "missing task statement")
        raw_type = row[c_type]
        if raw_type == MISSING:
            kind = None
        elif raw_type in _TASK_TYPES:
            kind = _TASK_TYPES[raw_type]
        else:
            raise table.error(
                i, c_type, f"unknown task type {raw_type!r} (Core, Supplemental, n/a)"
            )
        if any(t.task_id == task_id for t in tasks[code]):
            raise table.error(i, c_id, f"duplicate task {task_id} for {code}")
        tasks[code].append(Task(task_id=task_id, statement=statement, type=kind))
    return {code: {"tasks": tuple(t)} for code, t in tasks.items()}


def _profile_fields(
    table: Table,
    known: frozenset[str],
    *,
    score_scale: str,
    score_elements: dict[str, int],
    score_range: tuple[float, float],
    high_scale: str,
    high_elements: dict[str, int],
    high_range: tuple[int, int],
    letters: tuple[str, ...],
    score_field: str,
    high_field: str,
) -> Fields:
    """Interests (OI + IH) and Work Values (EX + VH) share one layout."""
    c_code, c_elem, c_scale, c_value = table.columns((CODE, ELEMENT, SCALE, VALUE))
    scores: dict[str, list[float | None]] = {}
    highs: dict[str, list[int | None]] = {}
    first_line: dict[str, int] = {}
    for i, row in enumerate(table.rows):
        code = _code(table, i, c_code, row[c_code], known)
        first_line.setdefault(code, i)
        scale, element, raw = row[c_scale], row[c_elem], row[c_value]
        if scale == score_scale:
            slot = score_elements.get(element)
            if slot is None:
                raise table.error(i, c_elem, f"unknown element {element!r} for scale {scale}")
            target = scores.setdefault(code, [None] * len(score_elements))
            if target[slot] is not None:
                raise table.error(i, c_elem, f"duplicate {element} {scale} rating for {code}")
            target[slot] = parse_float(table, i, c_value, raw, *score_range)
        elif scale == high_scale:
            slot = high_elements.get(element)
            if slot is None:
                raise table.error(i, c_elem, f"unknown element {element!r} for scale {scale}")
            htarget = highs.setdefault(code, [None] * len(high_elements))
            if htarget[slot] is not None:
                raise table.error(i, c_elem, f"duplicate {element} {scale} rating for {code}")
            htarget[slot] = parse_int(table, i, c_value, raw, *high_range)
        else:
            raise table.error(
                i, c_scale, f"unknown scale {scale!r} (expected {score_scale} or {high_scale})"
            )
    out: Fields = {}
    for code, values in scores.items():
        if any(v is None for v in values):
            raise table.error(
                first_line[code], c_elem, f"{code} lacks some of the six {score_scale} ratings"
            )
        out[code] = {score_field: tuple(values)}
    for code, hp in highs.items():
        picked = [letters[v - 1] for v in hp if v]
        if len(set(picked)) != len(picked):
            raise table.error(
                first_line[code], c_value, f"{code} repeats a {high_scale} high point"
            )
        out.setdefault(code, {})[high_field] = tuple(picked)
    return out


def _read_interests(table: Table, known: frozenset[str]) -> Fields:
    return _profile_fields(
        table,
        known,
        score_scale="OI",
        score_elements=_INTEREST_ELEMENTS,
        score_range=(1.0, 7.0),
        high_scale="IH",
        high_elements=_INTEREST_HIGH_POINTS,
        high_range=(0, 6),
        letters=tuple(RIASEC),
        score_field="interests",
        high_field="high_points",
    )


def _read_work_values(table: Table, known: frozenset[str]) -> Fields:
    return _profile_fields(
        table,
        known,
        score_scale="EX",
        score_elements=_VALUE_ELEMENTS,
        score_range=(1.0, 7.0),
        high_scale="VH",
        high_elements=_VALUE_HIGH_POINTS,
        high_range=(0, 6),  # the release uses 0 for "no such high point", like IH
        letters=WORK_VALUES,
        score_field="work_values",
        high_field="work_value_high_points",
    )


def _read_job_zones(table: Table, known: frozenset[str]) -> Fields:
    c_code, c_zone = table.columns((CODE, "Job Zone"))
    out: Fields = {}
    for i, row in enumerate(table.rows):
        code = _code(table, i, c_code, row[c_code], known)
        if code in out:
            raise table.error(i, c_code, f"duplicate job zone for {code}")
        out[code] = {"job_zone": parse_int(table, i, c_zone, row[c_zone], 1, 5)}
    return out


def _read_ratings(table: Table, known: frozenset[str], field: str) -> Fields:
    c_code, c_elem, c_name, c_scale, c_value, c_nr = table.columns(
        (CODE, ELEMENT, "Element Name", SCALE, VALUE, "Not Relevant")
    )
    importance: dict[tuple[str, str], tuple[str, float, int]] = {}
    level: dict[tuple[str, str], float | None] = {}
    for i, row in enumerate(table.rows):
        code = _code(table, i, c_code, row[c_code], known)
        key = (code, row[c_elem])
        scale = row[c_scale]
        if scale == "IM":
            if key in importance:
                raise table.error(i, c_elem, f"duplicate IM rating of {key[1]} for {code}")
            value = parse_float(table, i, c_value, row[c_value], 1.0, 5.0)
            importance[key] = (row[c_name], value, i)
        elif scale == "LV":
            if key in level:
                raise table.error(i, c_elem, f"duplicate LV rating of {key[1]} for {code}")
            value = parse_float(table, i, c_value, row[c_value], 0.0, 7.0)
            not_relevant = row[c_nr]
            if not_relevant not in ("Y", "N", MISSING):
                raise table.error(i, c_nr, f"{not_relevant!r} is not Y, N or n/a")
            level[key] = None if not_relevant == "Y" else value
        else:
            raise table.error(i, c_scale, f"unknown scale {scale!r} (expected IM or LV)")
    columns: dict[str, tuple[list[str], list[str], list[float], list[float | None]]] = {}
    names: dict[str, str] = {}
    for key, (name, value, _row) in importance.items():
        ids, labels, values, levels = columns.setdefault(key[0], ([], [], [], []))
        ids.append(key[1])
        labels.append(names.setdefault(name, name))  # one string object per name
        values.append(value)
        levels.append(level.get(key))
    return {
        code: {field: Ratings(tuple(ids), tuple(labels), tuple(values), tuple(levels))}
        for code, (ids, labels, values, levels) in columns.items()
    }


def _read_education(table: Table, known: frozenset[str]) -> Fields:
    c_code, c_scale, c_cat, c_value = table.columns((CODE, SCALE, "Category", VALUE))
    dist: dict[str, dict[str, list[float]]] = defaultdict(dict)
    for i, row in enumerate(table.rows):
        code = _code(table, i, c_code, row[c_code], known)
        scale = row[c_scale]
        size = _ETE_SCALES.get(scale)
        if size is None:
            continue  # e.g. IM (importance of the ETE elements), not used
        category = parse_int(table, i, c_cat, row[c_cat], 1, size)
        value = parse_float(table, i, c_value, row[c_value], 0.0, 100.0)
        dist[code].setdefault(scale, [0.0] * size)[category - 1] = value
    out: Fields = {}
    for code, scales in dist.items():
        if "RL" not in scales:
            continue
        out[code] = {
            "education": EducationTraining(
                required_level=tuple(scales["RL"]),
                related_experience=tuple(scales.get("RW", ())),
                on_site_training=tuple(scales.get("PT", ())),
                on_the_job_training=tuple(scales.get("OJ", ())),
            )
        }
    return out


def _read_related(table: Table, known: frozenset[str]) -> Fields:
    c_code, c_rel, c_tier, c_index = table.columns(
        (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
    )
    related: dict[str, list[RelatedOccupation]] = defaultdict(list)
    for i, row in enumerate(table.rows):
        code = _code(table, i, c_code, row[c_code], known)
        other = _code(table, i, c_rel, row[c_rel], known)
        tier = row[c_tier]
        if not tier.strip() or tier == MISSING:
            raise table.error(i, c_tier, "missing relatedness tier")
        index = parse_int(table, i, c_index, row[c_index], 1, None)
        related[code].append(RelatedOccupation(code=other, tier=tier, index=index))
    return {
        code: {"related": tuple(sorted(r, key=lambda x: (x.index, x.code)))}
        for code, r in related.items()
    }
