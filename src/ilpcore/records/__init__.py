"""Flat records for dataframes: what researchers load into pandas or Arrow.

A record is a plain ``dict`` of column name to a JSON-ready scalar (``str``,
``int``, ``float``, ``bool``, ``None``; decimals become ``str`` where exactness
matters).  :func:`to_pandas` and :func:`to_arrow` turn any iterable of records
into a table; they need the optional ``notebook`` extra
(``pip install ilpcore[notebook]``), the records themselves do not.
"""

from __future__ import annotations

from ilpcore.records.frames import Record, to_arrow, to_pandas

__all__ = ["Record", "to_arrow", "to_pandas"]
