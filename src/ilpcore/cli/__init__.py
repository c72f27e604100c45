"""The ``ilp`` command line.

Every command accepts ``--json`` and then prints one JSON document on stdout;
progress and diagnostics go to stderr.  Commands live in their own modules and
are listed in :data:`ilpcore.cli.app.COMMAND_MODULES`.
"""

from ilpcore.cli.app import main

__all__ = ["main"]
