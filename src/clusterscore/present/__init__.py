"""Everything laid out for a person to read: tables, labels, diagnosis text."""

from clusterscore.present.tables import (
    FORMATS,
    LANGS,
    render_table,
    system_labels,
    write_output,
)

__all__ = ["FORMATS", "LANGS", "render_table", "system_labels", "write_output"]
