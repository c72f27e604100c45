"""ilpcore: the open engine for Individual Learning Plans."""

from ilpcore._version import __version__
from ilpcore.exceptions import IlpcoreError, ValidationError

__all__ = ["IlpcoreError", "ValidationError", "__version__"]
