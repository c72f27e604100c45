"""Turn what is raised while structuring into ilpcore problems with paths."""

from __future__ import annotations

from ilpcore.exceptions import Problem, ValidationError

__all__ = ["problems_of"]


def problems_of(error: BaseException, path: str = "") -> list[Problem]:
    """Every problem inside ``error``, with paths under ``path``."""
    if isinstance(error, ValidationError):
        return [p.under(path) if path else p for p in error.problems]
    text = str(error) or type(error).__name__
    return [Problem(path, text.split("\n", 1)[0])]
