"""The district's pseudonym key: student ids become keyed HMAC-SHA256 pseudonyms.

The same key gives the same pseudonyms in every release, so a researcher can
link this year's export to last year's; without the key nobody can recompute
them from student ids.  The district keeps the key and never ships it.

>>> key = PseudonymKey(b"k" * 32)
>>> key.pseudonym("100482")
'568681ee9513ac3178857a31dd1d07c7'
>>> len(key.fingerprint)
16
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from typing import Final

from ilpcore.exceptions import ResearchKeyError

__all__ = ["MIN_KEY_BYTES", "PseudonymKey"]

MIN_KEY_BYTES: Final = 32
"""The shortest key accepted: 256 bits, as long as the HMAC-SHA256 output."""

_FINGERPRINT_LABEL: Final = b"ilpcore research key fingerprint\x00"
_STUDENT_LABEL: Final = b"student:"


class PseudonymKey:
    """A secret key of at least :data:`MIN_KEY_BYTES` bytes.

    ``pseudonym(id)`` is the first 128 bits, in hex, of
    ``HMAC-SHA256(key, "student:" + id)``; ``fingerprint`` names the key in a
    release's manifest without revealing it.  ``source`` names where the key
    came from in error messages.
    """

    __slots__ = ("_key", "fingerprint")

    def __init__(self, key: bytes, *, source: str = "the key") -> None:
        if not isinstance(key, bytes):
            raise ResearchKeyError(f"{source}: a key must be bytes, got {type(key).__name__}")
        if len(key) < MIN_KEY_BYTES:
            raise ResearchKeyError(
                f"{source}: the key is {len(key)} bytes; a research key needs at least "
                f"{MIN_KEY_BYTES} random bytes (make one with: openssl rand -hex 32 > research.key)"
            )
        self._key = key
        self.fingerprint: str = hashlib.sha256(_FINGERPRINT_LABEL + key).hexdigest()[:16]
        """A short, stable name for the key (a hash of it), safe to publish."""

    @classmethod
    def from_file(cls, path: str | Path) -> PseudonymKey:
        """The key in ``path``: a text file (say 64 hex digits) is used as its stripped text,
        any other file as its raw bytes."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise ResearchKeyError(f"{path}: cannot read the key file ({e.strerror})") from e
        try:
            text = data.decode("ascii").strip()
        except UnicodeDecodeError:
            text = ""
        if text and text.isprintable():
            return cls(text.encode("ascii"), source=str(path))
        return cls(data, source=str(path))

    def pseudonym(self, student_id: str) -> str:
        """The student's pseudonym: 32 hex digits."""
        mac = hmac.new(self._key, _STUDENT_LABEL + student_id.encode("utf-8"), hashlib.sha256)
        return mac.hexdigest()[:32]

    def __repr__(self) -> str:
        return f"PseudonymKey(fingerprint={self.fingerprint!r})"
