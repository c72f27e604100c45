"""The pseudonym key: read from a file, refused when short, never shown."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.exceptions import ResearchKeyError
from ilpcore.research import MIN_KEY_BYTES, PseudonymKey


def test_hex_text_key_file(tmp_path: Path) -> None:
    path = tmp_path / "research.key"
    path.write_text("ab" * 32 + "\n")
    key = PseudonymKey.from_file(path)
    expected = hmac.new(b"ab" * 32, b"student:100482", hashlib.sha256).hexdigest()[:32]
    assert key.pseudonym("100482") == expected
    path.write_text("  " + "ab" * 32 + "\r\n")
    assert PseudonymKey.from_file(path).pseudonym("100482") == expected


def test_binary_key_file(tmp_path: Path) -> None:
    raw = bytes(range(200, 240))
    (tmp_path / "k").write_bytes(raw)
    key = PseudonymKey.from_file(tmp_path / "k")
    assert key.pseudonym("S1") == PseudonymKey(raw).pseudonym("S1")


@pytest.mark.parametrize("content", [b"", b"short", b"x" * (MIN_KEY_BYTES - 1), b"  \n"])
def test_short_keys_are_refused(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "k").write_bytes(content)
    with pytest.raises(ResearchKeyError, match=r"k: the key is \d+ bytes; .* at least 32"):
        PseudonymKey.from_file(tmp_path / "k")


def test_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(ResearchKeyError, match="nokey: cannot read the key file"):
        PseudonymKey.from_file(tmp_path / "nokey")


def test_the_key_never_shows() -> None:
    key = PseudonymKey(b"very-secret-key-material-0123456789")
    assert "secret" not in repr(key)
    assert "secret" not in key.fingerprint
    assert len(key.fingerprint) == 16


@given(st.binary(min_size=32, max_size=64), st.binary(min_size=32, max_size=64),
       st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))  # fmt: skip
def test_pseudonyms_depend_on_key_and_id(a: bytes, b: bytes, x: str, y: str) -> None:
    ka, kb = PseudonymKey(a), PseudonymKey(b)
    assert ka.pseudonym(x) == PseudonymKey(a).pseudonym(x)
    assert (ka.pseudonym(x) == kb.pseudonym(x)) == (a == b)
    assert (ka.pseudonym(x) == ka.pseudonym(y)) == (x == y)
    assert (ka.fingerprint == kb.fingerprint) == (a == b)
