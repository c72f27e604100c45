"""The ACAN composite transcript JSON (a research shape, not an Ed-Fi core resource)."""

from __future__ import annotations

from pathlib import Path

from ilpcore.interop.batch import ImportBatch

__all__ = ["read_acan_transcript"]


def read_acan_transcript(path: Path) -> ImportBatch:
    """Not yet."""
    raise NotImplementedError
