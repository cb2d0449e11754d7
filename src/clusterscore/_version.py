"""The installed distribution's version, for records and ``--version``.

A module of its own at the bottom of the layers, so that any stage can
record the version without importing the top-level package.
"""

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__ = version("clusterscore")
except PackageNotFoundError:  # running from a source tree, not installed
    __version__ = "0+unknown"
