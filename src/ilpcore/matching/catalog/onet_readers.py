"""Readers of the single files of an O*NET text release, each validating every row.

A reader takes the parsed table and the known O*NET-SOC codes and returns, for
each occupation, the :class:`~ilpcore.matching.catalog.records.Occupation`
fields that file provides.  Bad data raises
:class:`~ilpcore.exceptions.DataFileError` with the file, line and column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, Final

import attrs

from ilpcore.exceptions import DataFileError
from ilpcore.matching.catalog.records import (
    RIASEC,
    WORK_VALUES,
    EducationTraining,
    Ratings,
    RelatedOccupation,
    Task,
    TaskType,
    onet_code,
)
from ilpcore.matching.catalog.tables import MISSING, Table, parse_float, parse_int

__all__ = ["DESCRIPTOR_READERS", "OCCUPATIONS", "Fields", "Reader", "read_occupations"]

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

CODE: Final = "O*NET-SOC Code"
ELEMENT: Final = "Element ID"
SCALE: Final = "Scale ID"
VALUE: Final = "Data Value"

_ETE_SCALES: Final = {"RL": 12, "RW": 11, "PT": 9, "OJ": 9}
_TASK_TYPES: Final = {"Core": TaskType.CORE, "Supplemental": TaskType.SUPPLEMENTAL}


def _code(table: Table, row: int, column: int, raw: str, known: frozenset[str]) -> str:
    if raw not in known:
        problem = onet_code(raw)
        raise table.error(
            row, column, problem or f"unknown O*NET-SOC code {raw} (not in {OCCUPATIONS})"
        )
    return raw


def read_occupations(table: Table) -> dict[str, tuple[str, str, int]]:
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

Reader = Callable[[Table, frozenset[str]], Fields]


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


@attrs.frozen
class _ProfileLayout:
    """Interests (OI + IH) and Work Values (EX + VH) share one layout: six scores on one scale
    and up to three high points (1-6, 0 for none) on another."""

    score_scale: str
    high_scale: str
    element_prefix: str
    letters: tuple[str, ...]
    score_field: str
    high_field: str
    score_range: tuple[float, float] = (1.0, 7.0)
    high_range: tuple[int, int] = (0, 6)

    @property
    def score_elements(self) -> dict[str, int]:
        return {f"{self.element_prefix}{c}": i for i, c in enumerate("abcdef")}

    @property
    def high_elements(self) -> dict[str, int]:
        return {f"{self.element_prefix}{c}": i for i, c in enumerate("ghi")}


_INTERESTS: Final = _ProfileLayout("OI", "IH", "1.B.1.", tuple(RIASEC), "interests", "high_points")
_WORK_VALUES: Final = _ProfileLayout(
    "EX", "VH", "1.B.2.", WORK_VALUES, "work_values", "work_value_high_points"
)


def _slot(
    table: Table,
    i: int,
    column: int,
    element: str,
    scale: str,
    elements: dict[str, int],
    found: dict[str, list[Any]],
    code: str,
) -> tuple[list[Any], int]:
    """Where a rating of ``element`` goes in ``code``'s list; refuses unknown and repeated ones."""
    slot = elements.get(element)
    if slot is None:
        raise table.error(i, column, f"unknown element {element!r} for scale {scale}")
    target = found.setdefault(code, [None] * len(elements))
    if target[slot] is not None:
        raise table.error(i, column, f"duplicate {element} {scale} rating for {code}")
    return target, slot


def _profile_fields(table: Table, known: frozenset[str], layout: _ProfileLayout) -> Fields:
    c_code, c_elem, c_scale, c_value = table.columns((CODE, ELEMENT, SCALE, VALUE))
    score_elements, high_elements = layout.score_elements, layout.high_elements
    scores: dict[str, list[float | None]] = {}
    highs: dict[str, list[int | None]] = {}
    first_line: dict[str, int] = {}
    for i, row in enumerate(table.rows):
        code = _code(table, i, c_code, row[c_code], known)
        first_line.setdefault(code, i)
        scale, element, raw = row[c_scale], row[c_elem], row[c_value]
        if scale == layout.score_scale:
            target, slot = _slot(table, i, c_elem, element, scale, score_elements, scores, code)
            target[slot] = parse_float(table, i, c_value, raw, *layout.score_range)
        elif scale == layout.high_scale:
            target, slot = _slot(table, i, c_elem, element, scale, high_elements, highs, code)
            target[slot] = parse_int(table, i, c_value, raw, *layout.high_range)
        else:
            raise table.error(
                i,
                c_scale,
                f"unknown scale {scale!r} (expected {layout.score_scale} or {layout.high_scale})",
            )
    out: Fields = {}
    for code, values in scores.items():
        if any(v is None for v in values):
            raise table.error(
                first_line[code],
                c_elem,
                f"{code} lacks some of the six {layout.score_scale} ratings",
            )
        out[code] = {layout.score_field: tuple(values)}
    for code, hp in highs.items():
        picked = [layout.letters[v - 1] for v in hp if v]
        if len(set(picked)) != len(picked):
            raise table.error(
                first_line[code], c_value, f"{code} repeats a {layout.high_scale} high point"
            )
        out.setdefault(code, {})[layout.high_field] = tuple(picked)
    return out


def _read_interests(table: Table, known: frozenset[str]) -> Fields:
    return _profile_fields(table, known, _INTERESTS)


def _read_work_values(table: Table, known: frozenset[str]) -> Fields:
    return _profile_fields(table, known, _WORK_VALUES)


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


DESCRIPTOR_READERS: Final[tuple[tuple[str, Reader], ...]] = (
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
"""The files describing occupations (every file but the list of occupations), with their readers."""
