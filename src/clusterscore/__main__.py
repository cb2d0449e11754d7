"""``python -m clusterscore``: the same as the ``clusterscore`` command."""

import sys

from clusterscore.cli import main

if __name__ == "__main__":  # importing the module (doctest walks) runs nothing
    sys.exit(main())
