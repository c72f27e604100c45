"""Interest Profiler items and scoring, on the release files."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.data_location import find_data_dir
from ilpcore.exceptions import DataFileError, ValidationError
from ilpcore.matching.interests import (
    FLAT_PROFILE_THRESHOLD,
    InterestForm,
    InterestScores,
    from_assessment,
    load_interest_profiler,
    to_assessment,
)
from ilpcore.model import AssessmentKind, evolve

# The example answer string of O*NET Web Services' "Matching careers" reference page
# (services.onetcenter.org/reference/mnm/ip/ip_careers); O*NET's own example.
ONET_EXAMPLE = "553421321134342523523523254115342111351145453111231155343444"

FORM = load_interest_profiler()


def test_release_has_60_items_in_block_order() -> None:
    assert len(FORM.items) == 60
    assert [i.number for i in FORM.items] == list(range(1, 61))
    assert "".join(i.area for i in FORM.items[:12]) == "RRIIAASSEECC"
    assert FORM.items[0].text == "Build kitchen cabinets"
    assert FORM.items[3].text == "Study ways to reduce water pollution"
    assert FORM.scale == "onet-ip-sf-60 raw 0-40"


def test_json_edition_gives_the_same_items() -> None:
    json_form = load_interest_profiler(
        find_data_dir() / "onet_interest_profiler" / "ip_short_form_60_items.json"
    )
    assert json_form.items == FORM.items


def test_onet_example_answer_string_scores_r27_i13_a23_s25_e14_c14() -> None:
    result = FORM.score(ONET_EXAMPLE)
    assert result.as_dict() == {"R": 27, "I": 13, "A": 23, "S": 25, "E": 14, "C": 14}
    assert result.scale == "onet-ip-sf-60 raw 0-40"
    assert result.answers == ONET_EXAMPLE
    assert result.code == "RSA"
    assert not result.undifferentiated


def test_sequence_and_mapping_answers_score_like_the_string() -> None:
    as_ints = [int(c) for c in ONET_EXAMPLE]
    as_map = dict(enumerate(as_ints, start=1))
    assert FORM.score(as_ints) == FORM.score(ONET_EXAMPLE) == FORM.score(as_map)


def test_extremes() -> None:
    assert FORM.score("5" * 60).values == (40,) * 6
    assert FORM.score("1" * 60).values == (0,) * 6


def test_every_bad_answer_is_reported_with_its_path() -> None:
    answers = "5" * 17 + "6" + "0" + "5" * 30  # 49 answers: two bad, eleven missing
    with pytest.raises(ValidationError) as info:
        FORM.score(answers)
    assert info.value.paths == ("answers", "answers[17]", "answers[18]")
    assert "49 answers for a 60-item form; items 50-60 have none" in str(info.value)
    assert "item 18" in str(info.value)


def test_too_many_answers_and_bad_sequence_values() -> None:
    with pytest.raises(ValidationError) as info:
        FORM.score("3" * 61)
    assert info.value.paths == ("answers",)
    with pytest.raises(ValidationError) as info:
        FORM.score([3] * 58 + [None, True])
    assert info.value.paths == ("answers[58]", "answers[59]")


def test_mapping_missing_and_unknown_items() -> None:
    answers = dict.fromkeys(range(1, 60), 3) | {99: 3, 5: 9}
    with pytest.raises(ValidationError) as info:
        FORM.score(answers)
    assert set(info.value.paths) == {"answers[99]", "answers[5]", "answers[60]"}


def test_all_like_is_flagged_undifferentiated() -> None:
    assert FORM.score("4" * 60).undifferentiated
    assert FORM.score("4" * 60).spread == 0


def test_flat_threshold_is_relative_to_the_scale() -> None:
    # population SD of (21, 19, 20, 20, 20, 20) is 0.577 < 2 = 0.05 * 40
    assert InterestScores((21, 19, 20, 20, 20, 20)).undifferentiated
    assert not InterestScores((26, 14, 20, 20, 20, 20)).undifferentiated
    assert FLAT_PROFILE_THRESHOLD == 0.05


def test_subset_form_for_the_mini_ip() -> None:
    numbers = [*range(1, 25), 25, 27, 29, 31, 33, 35]
    mini = FORM.subset(numbers, id="mini-30", edition="caller subset")
    assert mini.scale == "mini-30 raw 0-20"
    assert mini.score("5" * 30).values == (20,) * 6
    with pytest.raises(ValidationError) as info:
        FORM.subset([1, 2, 61], id="x", edition="1")
    assert info.value.paths == ("numbers[2]",)
    with pytest.raises(ValidationError, match="same number of items"):
        FORM.subset([1, 2, 3], id="x", edition="1")


def test_scores_validate_their_scale() -> None:
    with pytest.raises(ValidationError) as info:
        InterestScores((41, 0, -1, 0, 0, 0))
    assert info.value.paths == ("values[0]", "values[2]")
    with pytest.raises(ValidationError):
        InterestScores((1, 2, 3))


def test_assessment_round_trip() -> None:
    scores = FORM.score(ONET_EXAMPLE)
    result = to_assessment(scores, "ip-2026-11", date(2026, 11, 23))
    assert result.kind is AssessmentKind.INTEREST
    assert result.instrument.id == "onet-ip-sf-60"
    assert result.answers == ONET_EXAMPLE
    first = result.scores[0]
    assert (first.scale, first.value, first.minimum, first.maximum) == (
        "realistic",
        Decimal(27),
        Decimal(0),
        Decimal(40),
    )
    assert from_assessment(result) == scores


def test_from_assessment_reports_missing_scores() -> None:
    result = to_assessment(FORM.score(ONET_EXAMPLE), "ip", date(2026, 11, 23))
    broken = evolve(result, scores=result.scores[:4], kind=AssessmentKind.SKILLS)
    with pytest.raises(ValidationError) as info:
        from_assessment(broken)
    assert info.value.paths == ("kind", "scores", "scores")


@given(st.text(alphabet="12345", min_size=60, max_size=60))
def test_scores_are_sums_of_answer_minus_one(answers: str) -> None:
    result = FORM.score(answers)
    for k, area in enumerate("RIASEC"):
        expected = sum(
            int(a) - 1 for a, i in zip(answers, FORM.items, strict=True) if i.area == area
        )
        assert result.values[k] == expected
    assert sum(result.values) == sum(int(a) for a in answers) - 60


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_release_files_name_line_and_column(tmp_path: Path) -> None:
    good = (find_data_dir() / "onet_interest_profiler" / "ip_short_form_60_items.csv").read_text()
    lines = good.splitlines()
    bad = lines.copy()
    fields = bad[18].split(",")
    bad[18] = ",".join([*fields[:2], "X", *fields[3:]])
    with pytest.raises(DataFileError) as info:
        load_interest_profiler(_write(tmp_path, "a.csv", "\n".join(bad)))
    assert (info.value.line, info.value.column) == (19, "area_code")
    with pytest.raises(DataFileError) as info:
        load_interest_profiler(_write(tmp_path, "b.csv", "\n".join(lines[:30])))
    assert "expected 60 items" in str(info.value)
    with pytest.raises(DataFileError) as info:
        load_interest_profiler(_write(tmp_path, "c.csv", "number,text\n1,x\n"))
    assert info.value.line == 1
    with pytest.raises(DataFileError) as info:
        load_interest_profiler(_write(tmp_path, "d.json", "{not json"))
    assert info.value.line == 1
    with pytest.raises(DataFileError):
        load_interest_profiler(tmp_path / "missing.csv")
    doc = {"questions": [{"index": 1, "area": "Nope", "text": "x"}]}
    with pytest.raises(DataFileError) as info:
        load_interest_profiler(_write(tmp_path, "e.json", json.dumps(doc)))
    assert (info.value.line, info.value.column) == (None, "questions[0].area")


def test_form_is_a_value() -> None:
    assert isinstance(FORM, InterestForm)
    assert hash(FORM) == hash(load_interest_profiler())
