"""The research export: nothing identifying survives, pseudonyms are stable, small cells go."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import attrs
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.exceptions import ResearchExportError, ValidationError
from ilpcore.model import Demographics, Plan, RaceEthnicity, SchoolRef
from ilpcore.research import (
    QUASI_IDENTIFIERS,
    PseudonymKey,
    export_research,
    quasi_identifiers,
)
from ilpcore.samples import sample_plan
from ilpcore.testing.strategies import plans
from tests.research.helpers import Tagger, every_file_text, read_csv

KEY = PseudonymKey(b"district-secret-key-0123456789abcdef")
OTHER_KEY = PseudonymKey(b"another-district-key-0123456789abcdef")
SLOW = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))


def _cohort(n: int, size: int, school: str = "HS1") -> list[Plan]:
    """``size`` copies of the sample plan at ``school``, ids S<n>-<i>, with varied demographics."""
    base = sample_plan()
    out = []
    for i in range(size):
        student = attrs.evolve(
            base.student, id=f"S{n}-{i}", school=SchoolRef(school, "Some High School")
        )
        out.append(attrs.evolve(base, student=student))
    return out


@SLOW
@given(st.lists(plans(max_items=2), min_size=1, max_size=4), st.integers(2, 4))
def test_no_direct_identifier_survives(generated: list[Plan], k: int) -> None:
    tagger = Tagger()
    tagged = [tagger.plan(p, f"student-{i}") for i, p in enumerate(generated)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "release"
        export_research(lambda: tagged, out, KEY, k=k, parquet=True)
        texts = dict(every_file_text(out))
    assert set(texts) >= {"students.csv", "courses.parquet", "manifest.json"}
    for original, token in tagger.tokens.items():
        for name, text in texts.items():
            assert token not in text, f"{original!r} (as {token}) leaked into {name}"


def test_sample_plan_identifiers_are_gone(tmp_path: Path) -> None:
    plans_ = _cohort(1, 12)
    export_research(lambda: plans_, tmp_path / "r", KEY, k=11)
    blob = "\n".join(text for _, text in every_file_text(tmp_path / "r"))
    secrets = ("Maya", "Okafor", "KY7741190023", "S1-0", "2010-03-14", "grace.okafor",
               "555 0142", "Bluegrass", "Reyes", "nurse practitioner", "Shadowing",
               "Hospital volunteer", "Valley Fresh", "Some High School", "CP-nursing")  # fmt: skip
    for secret in secrets:
        assert secret not in blob, secret
    students = read_csv(tmp_path / "r", "students")
    assert {s["birth_year"] for s in students} == {"2010"}
    assert {s["cohort"] for s in students} == {"2028"}


def _csv(value: object) -> str:
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _export(tmp: Path, name: str, plans_: list[Plan], key: PseudonymKey, k: int = 3) -> Path:
    export_research(lambda: plans_, tmp / name, key, k=k, parquet=False)
    return tmp / name


def test_pseudonyms_are_stable_for_a_key_and_differ_between_keys(tmp_path: Path) -> None:
    plans_ = _cohort(1, 5) + _cohort(2, 4, "HS2")
    first = _export(tmp_path, "a", plans_, KEY)
    again = _export(tmp_path, "b", list(reversed(plans_)), PseudonymKey(bytes(KEY._key)))
    other = _export(tmp_path, "c", plans_, OTHER_KEY)
    ids = [r["student"] for r in read_csv(first, "students")]
    assert len(set(ids)) == 9
    assert all(len(i) == 32 for i in ids)
    assert ids == [KEY.pseudonym(p.student.id) for p in plans_]
    assert sorted(r["student"] for r in read_csv(again, "students")) == sorted(ids)
    for table in ("students", "courses", "goals"):
        assert sorted(map(str, read_csv(first, table))) == sorted(map(str, read_csv(again, table)))
    assert not {r["student"] for r in read_csv(other, "students")} & set(ids)
    manifests = [json.loads((d / "manifest.json").read_text()) for d in (first, again, other)]
    assert manifests[0]["key_fingerprint"] == manifests[1]["key_fingerprint"]
    assert manifests[0]["key_fingerprint"] != manifests[2]["key_fingerprint"]
    assert "district-secret" not in (first / "manifest.json").read_text()


DEMOGRAPHICS = st.builds(
    Demographics,
    sex=st.sampled_from(["female", "male", None]),
    races=st.sampled_from([(), (RaceEthnicity.ASIAN,), (RaceEthnicity.WHITE,),
                           (RaceEthnicity.WHITE, RaceEthnicity.ASIAN)]),
    students_with_disabilities=st.sampled_from([True, False, None]),
    english_learner=st.booleans(),
)  # fmt: skip


@st.composite
def populations(draw: st.DrawFn) -> list[Plan]:
    base = sample_plan()
    n = draw(st.integers(1, 60))
    out = []
    for i in range(n):
        student = attrs.evolve(
            base.student,
            id=f"S{i}",
            school=SchoolRef(draw(st.sampled_from(["HS1", "HS2", "HS3"])), "School"),
            cohort=draw(st.integers(2027, 2029)),
            grade_level=draw(st.integers(9, 11)),
            birth_date=base.student.birth_date.replace(year=draw(st.integers(2008, 2011))),  # type: ignore[union-attr]
        )
        out.append(attrs.evolve(base, student=student, demographics=draw(DEMOGRAPHICS)))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(populations(), st.integers(2, 12))
def test_every_released_combination_has_k_students(population: list[Plan], k: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r"
        manifest = export_research(lambda: population, out, KEY, k=k, parquet=False)
        students = read_csv(out, "students")
    assert len(students) == len(population) == manifest.students
    columns = [*QUASI_IDENTIFIERS, "suppressed"]
    patterns = Counter(tuple(s[c] for c in columns) for s in students)
    every = ";".join(QUASI_IDENTIFIERS)
    for pattern, n in patterns.items():
        assert n >= k or pattern[-1] == every, (pattern, n)
    fully = patterns.get(("",) * len(QUASI_IDENTIFIERS) + (every,), 0)
    assert fully == 0 or fully >= k or fully == len(population)
    # what shows is true: each released value is the student's own
    by_id = {KEY.pseudonym(p.student.id): quasi_identifiers(p) for p in population}
    for s in students:
        hidden = set(s["suppressed"].split(";")) if s["suppressed"] else set()
        for i, name in enumerate(QUASI_IDENTIFIERS):
            true = by_id[s["student"]][i]
            if name in hidden:
                assert s[name] == ""
            else:
                assert s[name] == _csv(true)
    assert manifest.students_by_rung[-1] == fully


def test_item_tables_hide_years_and_grades_of_fully_suppressed_students(tmp_path: Path) -> None:
    plans_ = _cohort(1, 12) + _cohort(2, 2, "HS9")
    plans_[-1] = attrs.evolve(plans_[-1], student=attrs.evolve(plans_[-1].student, cohort=2031))
    export_research(lambda: plans_, tmp_path / "r", KEY, k=11, parquet=False)
    students = {s["student"]: s for s in read_csv(tmp_path / "r", "students")}
    courses = read_csv(tmp_path / "r", "courses")
    hidden = {p for p, s in students.items() if s["suppressed"]}
    # the 2 odd students are rarer than k; complementary suppression then takes the 12 others
    assert len(hidden) == 14
    for c in courses:
        assert (c["school_year"], c["grade_level"]) == ("", ""), c
    assert {c["course_code"] for c in courses} >= {"MA8110"}


def test_small_groups_released_at_a_coarser_rung(tmp_path: Path) -> None:
    plans_ = _cohort(1, 12, "HS1") + _cohort(2, 6, "HS2") + _cohort(3, 6, "HS3")
    manifest = export_research(lambda: plans_, tmp_path / "r", KEY, k=11, parquet=False)
    students = read_csv(tmp_path / "r", "students")
    by_school = Counter(s["school_id"] for s in students)
    assert by_school == {"HS1": 12, "": 12}
    assert manifest.students_by_rung == (12, 0, 12, 0, 0)
    assert manifest.suppressed_cells["school_id"] == 12
    assert manifest.suppressed_cells["birth_year"] == 12


def test_manifest(tmp_path: Path) -> None:
    manifest = export_research(lambda: _cohort(1, 3), tmp_path / "r", KEY, k=5, parquet=True)
    doc = json.loads((tmp_path / "r" / "manifest.json").read_text())
    assert doc == json.loads(json.dumps(manifest.to_dict()))
    assert doc["k"] == 5
    assert doc["students"] == 3
    assert doc["key_fingerprint"] == KEY.fingerprint
    assert doc["suppression"]["students_by_rung"] == [0, 0, 0, 0, 3]
    assert doc["tables"]["courses"]["rows"] == 3 * 28
    assert [c["name"] for c in doc["tables"]["students"]["columns"]][:2] == ["student", "school_id"]
    assert sorted(doc["files"]) == sorted(p.name for p in (tmp_path / "r").iterdir())


def test_parquet_matches_csv(tmp_path: Path) -> None:
    export_research(lambda: _cohort(1, 12), tmp_path / "r", KEY, k=11, parquet=True)
    for table in ("students", "courses", "assessments", "goals", "activities"):
        rows = read_csv(tmp_path / "r", table)
        parquet = pq.read_table(tmp_path / "r" / f"{table}.parquet").to_pylist()
        assert len(rows) == len(parquet) > 0
        for a, b in zip(rows, parquet, strict=True):
            for name, text in a.items():
                value = b[name]
                if isinstance(value, float):
                    assert float(text) == value
                else:
                    assert text == _csv(value), (table, name)
    students = pq.read_table(tmp_path / "r" / "students.parquet")
    assert str(students.schema.field("cohort").type) == "int64"
    assert str(students.schema.field("credits_earned").type) == "double"


def test_refuses_a_folder_with_files_and_bad_k(tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "keep.txt").write_text("mine")
    with pytest.raises(ResearchExportError, match="not an empty folder"):
        export_research(lambda: _cohort(1, 2), tmp_path / "r", KEY)
    assert [p.name for p in (tmp_path / "r").iterdir()] == ["keep.txt"]
    with pytest.raises(ValidationError, match="k: must be an integer of at least 2"):
        export_research(lambda: _cohort(1, 2), tmp_path / "s", KEY, k=1)
    (tmp_path / "empty").mkdir()
    export_research(lambda: _cohort(1, 2), tmp_path / "empty", KEY, parquet=False)
    assert (tmp_path / "empty" / "manifest.json").exists()


def test_failure_leaves_nothing(tmp_path: Path) -> None:
    calls = 0

    def failing() -> Iterator[Plan]:
        nonlocal calls
        calls += 1
        for i, p in enumerate(_cohort(1, 5)):
            if calls == 2 and i == 3:
                raise OSError("disk gone")
            yield p

    with pytest.raises(OSError, match="disk gone"):
        export_research(failing, tmp_path / "r", KEY, parquet=False)
    assert list(tmp_path.iterdir()) == []


def test_plans_changing_between_passes_publish_nothing(tmp_path: Path) -> None:
    passes = iter([_cohort(1, 4), _cohort(1, 3) + _cohort(2, 1, "HS2")])
    with pytest.raises(ResearchExportError, match="changed between the two passes"):
        export_research(lambda: next(passes), tmp_path / "r", KEY, parquet=False)
    passes = iter([_cohort(1, 4), _cohort(1, 3)])
    with pytest.raises(ResearchExportError):
        export_research(lambda: next(passes), tmp_path / "r", KEY, parquet=False)
    assert list(tmp_path.iterdir()) == []


NO_PYARROW = """
import sys, tempfile, pathlib
sys.modules["pyarrow"] = None
sys.modules["pandas"] = None
from ilpcore.exceptions import ExtraNotInstalledError
from ilpcore.research import PseudonymKey, export_research
from ilpcore.samples import sample_plan
out = pathlib.Path(tempfile.mkdtemp()) / "r"
m = export_research(lambda: [sample_plan()], out, PseudonymKey(b"k" * 32))
print(sorted(p.name for p in out.iterdir()))
try:
    export_research(lambda: [sample_plan()], out.parent / "s", PseudonymKey(b"k" * 32),
                    parquet=True)
except ExtraNotInstalledError as e:
    print(e.extra)
"""


def test_csv_only_without_pyarrow() -> None:
    done = subprocess.run(
        [sys.executable, "-c", NO_PYARROW], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    names = ["activities.csv", "assessments.csv", "courses.csv", "goals.csv", "manifest.json",
             "students.csv"]  # fmt: skip
    assert done.stdout.splitlines() == [str(names), "notebook"]
