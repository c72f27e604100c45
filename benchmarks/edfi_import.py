"""Ed-Fi import speed: the whole Grand Bend sample (DS 5.2 bulk XML), read and applied.

Baselines, measured in the same run on the same files:

* ``iterparse``: plain :func:`xml.etree.ElementTree.iterparse` of every XML file,
  clearing each element — the least any streaming XML reader must pay;
* the read alone (``read_edfi``) against the read plus ``apply_import`` into a
  fresh SQLite store (960 plans created), and a second apply (all unchanged).

Needs the data releases (``ILPCORE_DATA``).  Run: ``python benchmarks/edfi_import.py``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from ilpcore.data_location import find_data_dir
from ilpcore.interop import apply_import
from ilpcore.interop.edfi import read_edfi
from ilpcore.model import Role
from ilpcore.store import Actor, open_store

REPEATS = 5
CLERK = Actor("bench", Role.DISTRICT_ADMINISTRATOR)


def median_seconds(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def plain_iterparse(folder: Path) -> int:
    count = 0
    for path in sorted(folder.glob("*.xml")):
        for _, element in ET.iterparse(path):
            count += 1
            element.clear()
    return count


def main() -> None:
    folder = find_data_dir() / "interop" / "edfi" / "grand_bend_ds5.2_xml"
    size = sum(p.stat().st_size for p in folder.glob("*.xml"))
    elements = plain_iterparse(folder)
    baseline = median_seconds(lambda: plain_iterparse(folder))
    read = median_seconds(lambda: read_edfi(folder))
    batch = read_edfi(folder)
    with (
        tempfile.TemporaryDirectory() as name,
        open_store(f"sqlite:///{name}/ilp.sqlite3") as store,
    ):
        t = time.perf_counter()
        created = apply_import(store, CLERK, batch)
        first_apply = time.perf_counter() - t
        t = time.perf_counter()
        unchanged = apply_import(store, CLERK, batch)
        second_apply = time.perf_counter() - t
    assert created.counts()["created"] == len(batch.students) == 960
    assert unchanged.counts()["unchanged"] == 960
    print(f"Grand Bend: {size / 1e6:.1f} MB of XML, {elements} elements, 960 students")
    print(f"baseline  plain iterparse of every file      {baseline * 1000:8.1f} ms")
    print(f"read_edfi (only the interchanges it needs)   {read * 1000:8.1f} ms"
          f"  ({read / baseline:.2f}x baseline)")  # fmt: skip
    print(f"apply to a fresh SQLite store (960 created)  {first_apply * 1000:8.1f} ms"
          f"  ({960 / first_apply:,.0f} students/s)")  # fmt: skip
    print(f"apply again (960 unchanged, no writes)       {second_apply * 1000:8.1f} ms"
          f"  ({960 / second_apply:,.0f} students/s)")  # fmt: skip
    total = read + first_apply
    print(f"read + first apply                           {total * 1000:8.1f} ms"
          f"  ({total / baseline:.2f}x baseline)")  # fmt: skip


if __name__ == "__main__":
    main()
