"""Input tables: reading files, the pandera schema, validation, template."""

from clusterscore.io.validate import (
    build_schema,
    make_template,
    read_clusters,
    validate,
)

__all__ = ["build_schema", "make_template", "read_clusters", "validate"]
