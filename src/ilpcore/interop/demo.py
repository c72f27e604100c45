"""The district step of ``ilp demo``: the Ed-Fi "Grand Bend" sample district imported,
imported again (nothing changes), exported as OneRoster CSV and read back, and released
de-identified for researchers.

The district goes into a ``memory:`` store of its own, so the demo never fills the
user's store with the sample district's 960 students; the research key is made up for
the run and thrown away.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import Final

from ilpcore.data_location import find_data_dir
from ilpcore.demo_steps import DemoContext, DemoSection
from ilpcore.interop.apply import apply_import
from ilpcore.interop.edfi import import_edfi
from ilpcore.interop.oneroster import read_oneroster, write_oneroster
from ilpcore.model import Role
from ilpcore.research import DEFAULT_K, PseudonymKey, export_research_from_store
from ilpcore.store import Actor, open_store

__all__ = ["GRAND_BEND", "district_step"]

GRAND_BEND: Final = Path("interop", "edfi", "grand_bend_ds5.2_xml")
"""Where the Ed-Fi sample district is, inside the data folder."""

_SYNC = Actor("sis-sync", Role.DISTRICT_ADMINISTRATOR)


def district_step(context: DemoContext) -> DemoSection:
    """Import, re-import, round-trip and release the Grand Bend sample district."""
    source = find_data_dir(context.data_dir) / GRAND_BEND
    read = import_edfi(source)
    with open_store("memory:") as store, tempfile.TemporaryDirectory() as folder:
        first = apply_import(store, _SYNC, read.batch)
        again = apply_import(store, _SYNC, read.batch)
        plans = list(store.iter_plans(_SYNC))
        roster_dir = Path(folder) / "oneroster"
        written = write_oneroster(plans, roster_dir)
        round_trip = apply_import(store, _SYNC, read_oneroster(roster_dir))
        key = PseudonymKey(secrets.token_bytes(32))
        manifest = export_research_from_store(store, _SYNC, Path(folder) / "release", key)
    placed: dict[str, int] = {}
    for placement in read.placements:
        placed[placement.method.value] = placed.get(placement.method.value, 0) + 1
    released = manifest.students - manifest.students_by_rung[-1]
    lines = [
        f"Read {read.batch.source}:",
        f"  {len(read.batch.students)} students, "
        f"{sum(len(s.assessments) for s in read.batch.students)} assessment results, "
        f"{len(read.batch.rejected)} rejected rows",
        "  placed in a school by: " + ", ".join(f"{k} {v}" for k, v in sorted(placed.items())),
        "Imported: " + _counts(first.counts()),
        "Imported the same files again: " + _counts(again.counts()),
        f"Exported OneRoster 1.2 CSV ({written['users']} users, {written['orgs']} orgs) "
        "and imported it back: " + _counts(round_trip.counts()),
        f"De-identified research release (k = {DEFAULT_K}): {manifest.students} students, "
        f"{released} with some quasi-identifiers shown, "
        f"{manifest.students_by_rung[-1]} fully suppressed",
        "  tables: " + ", ".join(f"{name} {n} rows" for name, n in manifest.rows.items()),
    ]
    data = {
        "source": read.batch.source,
        "students": len(read.batch.students),
        "placements": placed,
        "first_import": first.counts(),
        "second_import": again.counts(),
        "oneroster_rows": dict(written),
        "oneroster_round_trip": round_trip.counts(),
        "research_release": {
            "k": manifest.k,
            "students": manifest.students,
            "students_by_rung": list(manifest.students_by_rung),
            "rows": manifest.rows,
        },
    }
    return DemoSection('A district: the Ed-Fi "Grand Bend" sample', "\n".join(lines), data)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items() if v)
