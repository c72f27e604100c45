"""ilpcore: the open engine for Individual Learning Plans."""

from ilpcore._version import __version__
from ilpcore.exceptions import IlpcoreError, ValidationError
from ilpcore.plugins.hookspecs import hookimpl

__all__ = ["IlpcoreError", "ValidationError", "__version__", "hookimpl"]
