"""The catalog cache: a second load is served from disk; corrupt or stale files are rebuilt."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from ilpcore.cache import CACHE_ENV_VAR, cached
from ilpcore.matching.catalog import OccupationCatalog, cache_dir, load_onet
from ilpcore.matching.catalog import onet as onet_module
from tests.matching.tiny_release import write_release


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = onet_module.read_onet

    def counting(source: object) -> OccupationCatalog:
        calls.append(1)
        return real(source)  # type: ignore[arg-type]

    monkeypatch.setattr(onet_module, "read_onet", counting)
    return calls


def test_second_load_comes_from_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = write_release(tmp_path / "release")
    calls = _count_builds(monkeypatch)
    first = load_onet(release, cache=tmp_path / "cache")
    second = load_onet(release, cache=tmp_path / "cache")
    assert calls == [1]
    assert second == first
    assert second[first.codes[0]] is not None
    assert len(list((tmp_path / "cache").glob("onet-*.pickle"))) == 1
    assert not list((tmp_path / "cache").glob("*.tmp"))


def test_changed_file_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = write_release(tmp_path / "release")
    calls = _count_builds(monkeypatch)
    load_onet(release, cache=tmp_path / "cache")
    jz = release / "Job Zones.txt"
    jz.write_bytes(jz.read_bytes().replace(b"\t4\t", b"\t3\t"))
    os.utime(jz, ns=(1, 1))
    again = load_onet(release, cache=tmp_path / "cache")
    assert calls == [1, 1]
    assert again["15-1252.00"].job_zone == 3


def test_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = write_release(tmp_path / "release")
    first = load_onet(release, cache=tmp_path / "cache")
    (cached,) = (tmp_path / "cache").glob("onet-*.pickle")
    cached.write_bytes(b"\x80\x05garbage")
    calls = _count_builds(monkeypatch)
    assert load_onet(release, cache=tmp_path / "cache") == first
    assert calls == [1]
    cached.write_bytes(pickle.dumps("not a catalog"))
    assert load_onet(release, cache=tmp_path / "cache") == first
    assert calls == [1, 1]
    assert isinstance(pickle.loads(cached.read_bytes()), OccupationCatalog)


def test_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = write_release(tmp_path / "release")
    monkeypatch.setenv(CACHE_ENV_VAR, str(tmp_path / "env-cache"))
    calls = _count_builds(monkeypatch)
    load_onet(release, cache=False)
    load_onet(release, cache=False)
    assert calls == [1, 1]
    assert not (tmp_path / "env-cache").exists()


def test_unwritable_cache_only_costs_speed(tmp_path: Path) -> None:
    release = write_release(tmp_path / "release")
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert load_onet(release, cache=blocker / "sub").release == "O*NET 30.1"


def test_cache_dir_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_ENV_VAR, str(tmp_path / "a"))
    assert cache_dir() == tmp_path / "a"
    monkeypatch.delenv(CACHE_ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "ilpcore"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "ilpcore"
    assert cache_dir(False) is None
    assert cache_dir(tmp_path / "b") == tmp_path / "b"


def test_real_release_round_trip(onet: OccupationCatalog, tmp_path: Path) -> None:
    """The parsed O*NET 30.1 release survives the cache unchanged."""
    key = ("round-trip",)
    assert cached("onet", key, lambda: onet, OccupationCatalog, tmp_path, format=1) is onet

    def rebuild() -> OccupationCatalog:
        raise AssertionError("the cache was not used")

    from_cache = cached("onet", key, rebuild, OccupationCatalog, tmp_path, format=1)
    assert from_cache is not onet
    assert from_cache == onet
    assert from_cache["11-1011.00"].high_points == ("E", "C")
    assert from_cache.codes == onet.codes


def test_a_new_format_number_is_a_cache_miss(tmp_path: Path) -> None:
    builds: list[int] = []

    def build(n: int) -> dict[str, int]:
        builds.append(n)
        return {"n": n}

    assert cached("thing", "key", lambda: build(1), dict, tmp_path, format=1) == {"n": 1}
    assert cached("thing", "key", lambda: build(2), dict, tmp_path, format=1) == {"n": 1}
    assert cached("thing", "key", lambda: build(3), dict, tmp_path, format=2) == {"n": 3}
    assert builds == [1, 3]
