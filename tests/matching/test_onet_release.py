"""The O*NET 30.1 text release, loaded from the real files: counts as in PROVENANCE.md §1."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

from ilpcore.matching import RIASEC, WORK_VALUES, OccupationCatalog, TaskType, read_onet
from ilpcore.matching.catalog import default_onet_path
from tests.matching.tiny_release import write_release


def test_release_and_counts(onet: OccupationCatalog) -> None:
    assert onet.release == "O*NET 30.1"
    assert len(onet) == 1016
    assert repr(onet) == "<OccupationCatalog O*NET 30.1: 1016 occupations>"
    assert sum(o.interests is not None for o in onet) == 923
    assert sum(bool(o.high_points) for o in onet) == 923
    assert sum(o.job_zone is not None for o in onet) == 923
    assert sum(o.work_values is not None for o in onet) == 874
    assert sum(bool(o.skills) for o in onet) == 894
    assert sum(bool(o.knowledge) for o in onet) == 894
    assert sum(o.education is not None for o in onet) == 878
    assert sum(bool(o.related) for o in onet) == 923
    assert sum(bool(o.tasks) for o in onet) == 923
    assert sum(len(o.tasks) for o in onet) == 18796
    assert sum(len(o.related) for o in onet) == 18460
    assert sum(bool(o.alternate_titles) for o in onet) == 1016
    # every skill/knowledge row pair (IM + LV) is one rating
    assert sum(len(o.skills) for o in onet) == 31290
    assert sum(len(o.knowledge) for o in onet) == 29502


def test_chief_executives(onet: OccupationCatalog) -> None:
    ceo = onet["11-1011.00"]
    assert ceo.title == "Chief Executives"
    assert ceo.high_points == ("E", "C")
    assert ceo.interest_code == "EC"
    assert ceo.interests == (1.30, 3.24, 2.08, 3.52, 6.88, 5.00)
    assert ceo.job_zone == 5
    assert ceo.work_values == (6.33, 6.33, 7.0, 5.0, 5.33, 7.0)
    assert ceo.work_value_high_points == ("Recognition", "Independence", "Achievement")
    assert ceo.soc_code == "11-1011"
    assert ceo.related[0].code == "11-1021.00"
    assert [r.index for r in ceo.related] == sorted(r.index for r in ceo.related)
    assert ceo.tasks[0].task_id == 8823
    assert ceo.tasks[0].type is TaskType.CORE
    assert "Aeronautics Commission Director" in ceo.alternate_titles
    top = ceo.top_skills(1)[0]
    assert (top.name, top.importance, top.level) == ("Judgment and Decision Making", 4.75, 5.38)


def test_high_points_are_read_not_derived(onet: OccupationCatalog) -> None:
    """Facts from the reference: first high point = argmax OI in 923/923; 19 lack a second
    and 428 a third high point."""
    rated = [o for o in onet if o.interests is not None]
    for o in rated:
        assert o.interests is not None
        assert o.high_points[0] == RIASEC[o.interests.index(max(o.interests))], o.code
    assert sum(len(o.high_points) == 1 for o in rated) == 19
    assert sum(len(o.high_points) < 3 for o in rated) == 428


def test_first_high_point_by_job_zone(onet: OccupationCatalog) -> None:
    """The cross table in shared/reference/career-matching-methods.md §1."""
    table = Counter((o.high_points[0], o.job_zone) for o in onet if o.high_points)
    expected = {
        "R": (30, 209, 111, 34, 4),
        "I": (0, 0, 7, 39, 70),
        "A": (0, 4, 8, 15, 1),
        "S": (1, 11, 24, 30, 67),
        "E": (1, 19, 21, 53, 7),
        "C": (1, 55, 42, 54, 5),
    }
    for letter, row in expected.items():
        assert tuple(table[letter, zone] for zone in range(1, 6)) == row, letter


def test_work_value_high_points_use_value_names(onet: OccupationCatalog) -> None:
    names = Counter(v for o in onet for v in o.work_value_high_points)
    assert set(names) <= set(WORK_VALUES)
    assert sum(names.values()) == 2622 - 1  # one VH cell in the release is 0 (no high point)


def test_unrated_occupations_have_no_descriptors(onet: OccupationCatalog) -> None:
    military = onet["55-1011.00"]
    assert military.interests is None
    assert military.high_points == ()
    assert military.job_zone is None


def test_zip_release_equals_directory(tmp_path: Path) -> None:
    """The official zip holds the same files in a db_NN_N_text/ folder."""
    folder = write_release(tmp_path / "db_30_1_text")
    archive = tmp_path / "db_30_1_text.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(folder.iterdir()):
            z.write(f, f"db_30_1_text/{f.name}")
    from_zip = read_onet(archive)
    assert from_zip == read_onet(folder)
    assert len(from_zip) == 3


def test_default_path_is_the_shared_release(onet_dir: Path) -> None:
    assert default_onet_path() == onet_dir.resolve()


def test_default_path_prefers_the_newest_release(tmp_path: Path) -> None:
    for name in ("db_9_0_text", "db_29_3_text", "db_30_1_text"):
        (tmp_path / "onet" / name).mkdir(parents=True)
    (tmp_path / "onet" / "db_30_1_text.zip").write_bytes(b"")
    assert default_onet_path(tmp_path).name == "db_30_1_text"
