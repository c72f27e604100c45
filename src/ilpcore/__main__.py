"""``python -m ilpcore`` runs the ``ilp`` command."""

import sys

from ilpcore.cli import main

sys.exit(main())
