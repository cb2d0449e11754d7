"""The command line with Excel workbooks: .xlsx in, ``-o FILE.xlsx`` out."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CSV = ROOT / "examples" / "national_clusters.csv"


@pytest.fixture
def workbook(tmp_path):
    """Write the example as a workbook: notes, two data sheets."""
    path = tmp_path / "clusters.xlsx"
    table = pd.read_csv(EXAMPLE_CSV)
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"note": ["illustrative"]}).to_excel(
            writer, sheet_name="notes", index=False
        )
        table.to_excel(writer, sheet_name="2023", index=False)
        bad = table.copy()
        bad.loc[1, "national_share"] = 150
        bad.to_excel(writer, sheet_name="draft", index=False)
    return path


def test_rank_reads_a_sheet_and_lists_candidates(cli, workbook):
    """--sheet picks the sheet; without it the candidates are listed."""
    proc = cli("rank", workbook)
    proc.assert_clean_error("2 sheets look like an input table: '2023'")
    assert "'draft'" in proc.stderr
    assert "--sheet NAME" in proc.stderr
    csv_out = cli("rank", EXAMPLE_CSV, "--format", "csv")
    xlsx_out = cli("rank", workbook, "--sheet", "2023", "--format", "csv")
    assert xlsx_out.returncode == 0, xlsx_out.stderr
    assert xlsx_out.stdout == csv_out.stdout


def test_validate_names_the_cell(cli, workbook):
    """A bad cell: the error names Sheet!A1, the cluster and the column."""
    proc = cli("validate", workbook, "--sheet", "draft")
    proc.assert_clean_error(
        "sheet 'draft': 1 problem in the input table",
        "draft!F3, cluster 'Zhangjiang Biomedical', column "
        "'national_share': 150.0 is above the valid maximum 100",
    )
    ok = cli("validate", workbook, "--sheet", "2023")
    assert ok.returncode == 0, ok.stderr
    n = len(pd.read_csv(EXAMPLE_CSV))
    assert f"valid: {n} clusters" in ok.stdout


def test_sheet_refused_for_csv(cli):
    """--sheet with a CSV file is an error, not ignored."""
    proc = cli("gaps", EXAMPLE_CSV, "--sheet", "x")
    proc.assert_clean_error("'sheet' applies to Excel workbooks")


def test_rank_output_workbook(cli, tmp_path):
    """-o ranking.xlsx: the ranking table, headers per --lang."""
    out = tmp_path / "ranking.xlsx"
    proc = cli("rank", EXAMPLE_CSV, "-o", out, "--lang", "zh")
    assert proc.returncode == 0, proc.stderr
    back = pd.read_excel(out, sheet_name=None)
    assert list(back) == ["ranking"]
    text = cli("rank", EXAMPLE_CSV, "--format", "csv", "--lang", "zh")
    expected = pd.read_csv(io.StringIO(text.stdout))
    pd.testing.assert_frame_equal(back["ranking"], expected)


def test_gaps_weights_sensitivity_workbooks(cli, tmp_path):
    """gaps, weights and sensitivity write their tables as sheets."""
    gaps = tmp_path / "gaps.xlsx"
    assert cli("gaps", EXAMPLE_CSV, "-o", gaps).returncode == 0
    text = cli("gaps", EXAMPLE_CSV, "--format", "csv").stdout
    pd.testing.assert_frame_equal(
        pd.read_excel(gaps), pd.read_csv(io.StringIO(text))
    )
    weights = tmp_path / "w.xlsx"
    assert cli("weights", "--type", "basic", "-o", weights).returncode == 0
    back = pd.read_excel(weights, sheet_name=None)
    assert list(back) == ["weights", "consistency"]
    assert back["weights"]["global_weight"].sum() == pytest.approx(1)
    assert back["consistency"]["matrix"].iloc[0] == "dimensions/basic"
    sens = tmp_path / "s.xlsx"
    proc = cli(
        "sensitivity", EXAMPLE_CSV, "--samples", "20", "--seed", "1",
        "-o", sens,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    back = pd.read_excel(sens, sheet_name=None)
    assert list(back) == ["uncertainty", "agreement", "consistency"]
    assert len(back["uncertainty"]) == len(pd.read_csv(EXAMPLE_CSV))


def test_diagnosis_workbook(cli, tmp_path):
    """A diagnosis written to d.xlsx holds the cluster's gap table."""
    out = tmp_path / "d.xlsx"
    name = pd.read_csv(EXAMPLE_CSV)["cluster"].iloc[0]
    proc = cli("gaps", EXAMPLE_CSV, "--cluster", name, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert pd.read_excel(out)["cluster"].eq(name).all()


def test_template_workbook_round_trip(cli, tmp_path):
    """The template workbook, filled in, ranks as the CSV (no --sheet)."""
    path = tmp_path / "template.xlsx"
    proc = cli("template", "-o", path)
    assert proc.returncode == 0, proc.stderr
    assert "fill-in workbook" in proc.stderr
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["clusters", "indicators"]
    ws = wb["clusters"]
    header = [c.value for c in ws[1]]
    assert header[4:] == list(load_system().indicator_ids)
    table = pd.read_csv(EXAMPLE_CSV)
    for rec in table.to_dict(orient="records"):
        ws.append([rec[h] for h in header])
    wb.save(path)
    proc = cli("rank", path, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == cli("rank", EXAMPLE_CSV, "--format", "csv").stdout
