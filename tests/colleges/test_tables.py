"""The compact tables give back exactly the records they were built from."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ilpcore.colleges import AwardLevel, CredentialLevel, Outcome, ProgramRecord
from ilpcore.colleges.tables import HORIZONS, OutcomeTable, ProgramTable

unitids = st.integers(100000, 100020)
counts = st.none() | st.integers(0, 200_000)


@st.composite
def outcomes(draw: st.DrawFn) -> Outcome:
    earnings = draw(counts)
    horizon = None if earnings is None else draw(st.sampled_from(HORIZONS[1:]))
    return Outcome(
        draw(unitids),
        draw(st.sampled_from(("51.38", "51.39", "11.07", "01.00"))),
        draw(st.sampled_from(CredentialLevel)),
        draw(counts),
        earnings,
        horizon,
        draw(counts),
    )


programs = st.builds(
    ProgramRecord,
    unitids,
    st.sampled_from(("51.3801", "51.3901", "11.0701", "01.0000")),
    st.sampled_from(AwardLevel),
    st.integers(0, 5000),
)


def _key(o: Outcome) -> tuple[int, str, int]:
    return (o.unitid, o.cip4, o.credential.value)


@given(st.lists(outcomes(), max_size=40, unique_by=_key))
def test_outcomes_round_trip_and_suppressed_stays_none(rows: list[Outcome]) -> None:
    table = OutcomeTable.of_records(rows)
    back = list(table.records())
    assert sorted(back, key=_key) == sorted(rows, key=_key)
    for o in rows:
        found = table.find(o.unitid, o.cip4, o.credential)
        assert found == o
        if o.earnings_median is None:
            assert found is not None
            assert found.earnings_median is None  # never 0


@given(st.lists(programs, max_size=40, unique_by=lambda p: (p.unitid, p.cip, p.award)))
def test_programs_round_trip_and_prefix_lookup(rows: list[ProgramRecord]) -> None:
    table = ProgramTable.of_records(rows)
    assert sorted(table.records(), key=repr) == sorted(rows, key=repr)
    for unitid in {r.unitid for r in rows}:
        for prefix in ("51", "51.38", "11.0701", "99"):
            expected = sorted(
                (r.cip, r.award.value, r.completions)
                for r in rows
                if r.unitid == unitid and r.cip.startswith(prefix)
            )
            got = sorted((c, a.value, n) for c, a, n in table.rows_with_prefix(unitid, prefix))
            assert got == expected
    for cip, ids in table.unitids_by_cip.items():
        assert ids == {r.unitid for r in rows if r.cip == cip}
