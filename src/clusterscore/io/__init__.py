"""Input tables: reading files, the pandera schema, validation, template.

The modules: `decode` (CSV bytes to text: a BOM, else strict UTF-8, else
GB18030 when the text reads as Chinese), `headers` (which column is
which), `cells` (text, type words and numbers), `problems` (the problem
list and its `DataError`), `validate` (the schema run and its failures
worded; `build_schema`, `validate`), `read` (`read_clusters`) and
`template` (`make_template`, `describe_indicators`); `excel` reads
workbooks for `read_clusters`, which takes a path or a file object.
"""

from clusterscore.io.read import read_clusters
from clusterscore.io.template import describe_indicators, make_template
from clusterscore.io.validate import build_schema, validate

__all__ = [
    "build_schema",
    "describe_indicators",
    "make_template",
    "read_clusters",
    "validate",
]
