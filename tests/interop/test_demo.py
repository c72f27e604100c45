"""The district step of ``ilp demo`` on the real Ed-Fi Grand Bend sample."""

from __future__ import annotations

from ilpcore.demo_steps import DemoContext
from ilpcore.interop.demo import district_step
from ilpcore.model import Role
from ilpcore.samples import sample_plan
from ilpcore.store import Actor, open_store


def test_the_district_step_imports_once_then_changes_nothing() -> None:
    with open_store("memory:") as store:
        context = DemoContext(sample_plan(), store, None)
        section = district_step(context)
        assert store.list_plans(_any_actor()) == ()  # the district stays out of the demo store
    data = section.data
    assert data["students"] == 960
    assert data["first_import"]["created"] == 960
    assert data["second_import"] == {
        "created": 0, "updated": 0, "unchanged": 960, "held_back": 0, "rejected_rows": 0,
    }  # fmt: skip
    assert data["oneroster_round_trip"]["unchanged"] == 960
    assert data["oneroster_rows"]["users"] == 960
    release = data["research_release"]
    assert release["students"] == 960
    assert sum(release["students_by_rung"]) == 960
    assert "Imported the same files again: unchanged 960" in section.text


def _any_actor() -> Actor:
    return Actor("check", Role.DISTRICT_ADMINISTRATOR)
