"""Run every CLI command and format on the bundled example; save the outputs.

Used to show that a refactoring changes no output byte: run it before and
after into two folders and compare them::

    python scripts/cli_snapshot.py /tmp/before
    # ... change the code ...
    python scripts/cli_snapshot.py /tmp/after
    diff -r /tmp/before /tmp/after

Each case is written as ``NN-name.out`` (standard output), ``.err``
(standard error) and ``.rc`` (exit status). The commands run in one
process through ``clusterscore.cli.main``; output files written with
``-o`` are read back into the ``.out`` file.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = str(ROOT / "examples" / "national_clusters.csv")
CLUSTER = "Changsha Construction Machinery"
FORMATS = ("table", "csv", "json", "markdown")

CASES: list[list[str]] = []
for fmt in FORMATS:
    for lang in ("en", "zh"):
        CASES += [
            ["rank", DATA, "--format", fmt, "--lang", lang],
            ["weights", "--format", fmt, "--lang", lang],
            ["gaps", DATA, "--format", fmt, "--lang", lang],
            [
                "gaps",
                DATA,
                "--cluster",
                CLUSTER,
                "--format",
                fmt,
                "--lang",
                lang,
            ],
            [
                "sensitivity",
                DATA,
                "--samples",
                "200",
                "--seed",
                "7",
                "--format",
                fmt,
                "--lang",
                lang,
            ],
        ]
    CASES += [
        ["rank", DATA, "--method", "topsis", "--format", fmt],
        [
            "rank",
            DATA,
            "--method",
            "geometric",
            "--weighting",
            "ahp",
            "--format",
            fmt,
        ],
        ["rank", DATA, "--by-type", "--weighting", "entropy", "--format", fmt],
        [
            "rank",
            DATA,
            "--combine",
            "linear",
            "--alpha",
            "0.3",
            "--top",
            "5",
            "--format",
            fmt,
        ],
        ["weights", "--type", "cutting_edge", "--format", fmt],
        [
            "gaps",
            DATA,
            "--benchmark",
            "quantile",
            "--quantile",
            "0.8",
            "--format",
            fmt,
        ],
        ["gaps", DATA, "--benchmark", CLUSTER, "--format", fmt],
    ]
CASES += [
    [
        "sensitivity",
        DATA,
        "--samples",
        "100",
        "--seed",
        "3",
        "--saltelli",
        "64",
        "--bootstrap",
        "50",
        "--methods",
        "weighted_sum,topsis",
    ],
    [
        "sensitivity",
        DATA,
        "--samples",
        "100",
        "--seed",
        "3",
        "--saltelli",
        "64",
        "--bootstrap",
        "50",
        "--format",
        "json",
    ],
    ["validate", DATA],
    ["template"],
    ["template", "--lang", "zh"],
    ["rank", DATA, "--method", "nonsense"],
    ["rank", str(ROOT / "tests" / "data" / "tables" / "bad_cells.csv")],
    ["validate", str(ROOT / "tests" / "data" / "tables" / "empty.csv")],
    ["gaps", DATA, "--cluster", "No Such Cluster"],
    ["weights", "--type", "nonsense"],
    ["rank", DATA, "-o", "{tmp}/ranking.csv", "--format", "csv"],
    ["--help"],
    ["rank", "--help"],
    ["gaps", "--help"],
    ["sensitivity", "--help"],
]


def _run(argv: list[str]) -> tuple[str, str, int]:
    from clusterscore.cli import main

    out, err = _stream(), _stream()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            rc = main(argv)
        except SystemExit as exc:  # argparse's --help and usage errors
            rc = exc.code if isinstance(exc.code, int) else 1
    return _text(out), _text(err), rc


def _stream() -> io.TextIOWrapper:
    """Return a text stream with a ``buffer``, as ``sys.stdout`` has."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8")


def main(folder: str) -> int:
    os.environ["COLUMNS"] = "80"  # argparse wraps --help to the terminal
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for number, case in enumerate(CASES):
            argv = [a.replace("{tmp}", tmp) for a in case]
            out, err, rc = _run(argv)
            for arg in argv:
                if arg.startswith(tmp):
                    out += Path(arg).read_text(encoding="utf-8")
            name = re.sub(r"[^a-z0-9]+", "-", " ".join(case[:1]).lower())
            stem = target / f"{number:03d}-{name}"
            # the paths of this checkout are not part of the output
            out, err = (s.replace(str(ROOT), "ROOT") for s in (out, err))
            out, err = (s.replace(tmp, "TMP") for s in (out, err))
            stem.with_suffix(".out").write_text(out, encoding="utf-8")
            stem.with_suffix(".err").write_text(err, encoding="utf-8")
            stem.with_suffix(".rc").write_text(f"{rc}\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
