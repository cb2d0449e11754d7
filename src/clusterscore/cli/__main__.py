"""``python -m clusterscore.cli``: the same as the ``clusterscore`` command."""

import sys

from clusterscore.cli import main

sys.exit(main())
