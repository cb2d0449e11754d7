"""Everything laid out for a person to read: tables, labels, diagnosis text.

Importing this package registers `diagnosis_text` and `diagnosis_markdown`
as the renderers behind `clusterscore.gaps.Diagnosis.to_text` and
``to_markdown``.
"""

from clusterscore.present.analysis import (
    obstacle_block,
    obstacle_rows,
    render_coupling,
    render_obstacles,
)
from clusterscore.present.diagnosis import (
    diagnosis_markdown,
    diagnosis_text,
)
from clusterscore.present.excel import (
    evaluation_sheets,
    to_excel,
    write_tables,
    write_template,
)
from clusterscore.present.labels import (
    describe_benchmark,
    label,
    severity_label,
)
from clusterscore.present.tables import (
    FORMATS,
    LANGS,
    evaluation_summary,
    json_text,
    jsonable,
    render_table,
    system_labels,
    write_output,
)
from clusterscore.present.text import display_width, pad, wrap

__all__ = [
    "FORMATS",
    "LANGS",
    "describe_benchmark",
    "diagnosis_markdown",
    "diagnosis_text",
    "display_width",
    "evaluation_sheets",
    "evaluation_summary",
    "json_text",
    "jsonable",
    "label",
    "obstacle_block",
    "obstacle_rows",
    "pad",
    "render_coupling",
    "render_obstacles",
    "render_table",
    "severity_label",
    "system_labels",
    "to_excel",
    "wrap",
    "write_output",
    "write_tables",
    "write_template",
]
