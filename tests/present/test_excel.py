"""Tests of clusterscore.present.excel: workbooks written, read back.

openpyxl writes numbers with 16 significant digits, so floats read back
within a relative 1e-15 (`close`), not always bit for bit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import clusterscore as cs
from clusterscore.errors import DataError, ParameterError
from clusterscore.present import write_output, write_tables, write_template
from clusterscore.present.excel import labelled

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"


def close(left: pd.DataFrame, right: pd.DataFrame, **kwargs) -> None:
    """assert_frame_equal, floats within a relative 1e-15."""
    pd.testing.assert_frame_equal(
        left, right, check_exact=False, rtol=1e-15, atol=0, **kwargs
    )


@pytest.fixture(scope="module")
def system():
    return cs.load_system()


@pytest.fixture(scope="module")
def evaluation(system):
    """By type, with median imputation of two holes (an imputed sheet)."""
    table = cs.read_clusters(EXAMPLE, system)
    table.loc[0, "national_share"] = np.nan
    table.loc[3, "rd_intensity"] = np.nan
    return cs.evaluate(table, system, by_type=True, missing="median")


def test_to_excel_reads_back_as_the_evaluation(evaluation, tmp_path):
    """Every sheet read by pandas equals the evaluation's frame."""
    ev = evaluation
    path = tmp_path / "ev.xlsx"
    cs.to_excel(ev, path, source=EXAMPLE)
    back = pd.read_excel(path, sheet_name=None)
    close(back["ranking"], ev.ranking.reset_index())
    close(back["weights"], ev.weights.reset_index())
    close(back["gaps"], ev.gaps)
    assert len(ev.imputed) == 2
    # Excel numbers have no int/float kind: pandas reads a column of whole
    # numbers (the imputed 5.0 and 23.0) back as int64
    close(back["imputed"], ev.imputed, check_dtype=False)
    consistency = back["consistency"]
    assert consistency["matrix"].tolist() == list(ev.judgments)
    np.testing.assert_allclose(
        consistency["cr"], [r.cr for r in ev.judgments.values()], rtol=1e-15
    )
    matrices = {j.name: j for j in ev.system.judgments}
    for name, sheet in zip(
        consistency["matrix"], consistency["sheet"], strict=True
    ):
        result, given = ev.judgments[name], matrices[name]
        frame = back[sheet]
        assert frame["element"].tolist() == list(given.elements)
        np.testing.assert_allclose(
            frame[list(given.elements)].to_numpy(), given.matrix, rtol=1e-15
        )
        np.testing.assert_allclose(frame["weight"], result.weights, rtol=1e-15)
        assert frame["cr"].iloc[0] == pytest.approx(result.cr, rel=1e-15)
        assert frame["cr"].iloc[1:].isna().all()
    options = dict(zip(*back["options"].T.to_numpy(), strict=True))
    assert options["by_type"] == "True"
    assert options["missing"] == "median"
    assert options["clusterscore_version"] == cs.__version__
    digest = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    assert options["input_sha256"] == digest
    assert options["input_file"] == str(EXAMPLE)
    assert str(options["written_at"]).startswith("20")


def test_to_excel_chinese_headers(evaluation, system, tmp_path):
    """lang='zh': Chinese headers, type and severity names."""
    path = tmp_path / "ev.xlsx"
    cs.to_excel(evaluation, path, lang="zh")
    back = pd.read_excel(path, sheet_name=None)
    ranking = back["ranking"]
    assert list(ranking.columns[:4]) == ["集群", "类型", "得分", "排名"]
    names = {t.id: t.name_zh for t in system.types}
    expected = evaluation.ranking["type"].map(names).tolist()
    assert ranking["类型"].tolist() == expected
    assert set(back["gaps"]["差距等级"]) <= {
        "达标",
        "轻微",
        "较大",
        "严重",
        "无目标值",
        "缺数据",
    }
    assert "input_sha256" not in back["options"].iloc[:, 0].tolist()


def test_to_excel_refuses_bad_arguments(evaluation, tmp_path):
    """Not an Evaluation, an unknown lang, a directory: clear errors."""
    with pytest.raises(ParameterError, match="'ev' must be an Evaluation"):
        cs.to_excel(object(), tmp_path / "x.xlsx")
    with pytest.raises(ParameterError, match="lang"):
        cs.to_excel(evaluation, tmp_path / "x.xlsx", lang="fr")
    with pytest.raises(DataError, match="it is a directory"):
        cs.to_excel(evaluation, tmp_path)


def test_write_tables_labels_and_sheet_names(tmp_path):
    """Named index first, labels applied, sheet names made valid."""
    df = pd.DataFrame(
        {"score": [1.5, np.nan], "type": ["basic", "x"]},
        index=pd.Index(["A", "B"], name="cluster"),
    )
    path = tmp_path / "t.xlsx"
    labels = {"basic": "基础型", "score": "得分"}
    write_tables(path, {"a/b": df, "A/B": df}, labels=labels)
    back = pd.read_excel(path, sheet_name=None)
    assert list(back) == ["a-b", "A-B~2"]
    expected = pd.DataFrame(
        {"cluster": ["A", "B"], "得分": [1.5, np.nan], "type": ["基础型", "x"]}
    )
    pd.testing.assert_frame_equal(back["a-b"], expected)
    pd.testing.assert_frame_equal(labelled(df, labels), expected)


def test_write_template_workbook(system, tmp_path):
    """Header row, type drop-down, bounds validation, indicator sheet."""
    path = tmp_path / "template.xlsx"
    write_template(system, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["clusters", "indicators"]
    ws = wb["clusters"]
    header = [c.value for c in ws[1]]
    text = ["cluster", "type", "region", "province"]
    assert header == [*text, *system.indicator_ids]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    types = rules["B2:B1001"]
    assert types.type == "list"
    assert types.formula1 == '"' + ",".join(system.cluster_types) + '"'
    column = {
        h: openpyxl.utils.get_column_letter(k + 1)
        for k, h in enumerate(header)
    }
    share = rules[
        f"{column['national_share']}2:{column['national_share']}1001"
    ]
    assert (share.type, share.operator) == ("decimal", "between")
    assert (float(share.formula1), float(share.formula2)) == (0.0, 100.0)
    count = next(i for i in system.indicators if i.integer and i.upper is None)
    firms = rules[f"{column[count.id]}2:{column[count.id]}1001"]
    assert (firms.type, firms.operator) == ("whole", "greaterThanOrEqual")
    assert firms.formula1 == "0"
    described = pd.read_excel(path, sheet_name="indicators")
    assert described["indicator"].tolist() == list(system.indicator_ids)
    assert described["unit"].tolist() == [i.unit for i in system.indicators]
    assert described["definition"].tolist() == [
        i.definition for i in system.indicators
    ]


def test_write_template_chinese_filled_in_reads(system, tmp_path):
    """The zh template, filled in, reads with read_clusters (no sheet)."""
    path = tmp_path / "template.xlsx"
    write_template(system, path, lang="zh")
    wb = openpyxl.load_workbook(path)
    ws = wb["clusters"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["集群", "类型", "区域", "省份"]
    table = cs.read_clusters(EXAMPLE, system).head(3)
    names = {t.id: t.name_zh for t in system.types}
    for rec in table.to_dict(orient="records"):
        rec["type"] = names[rec["type"]]
        ws.append(list(rec.values()))
    wb.save(path)
    pd.testing.assert_frame_equal(cs.read_clusters(path, system), table)


def test_write_output_xlsx_needs_tables(tmp_path):
    """write_output to .xlsx writes the tables; text alone is refused."""
    path = tmp_path / "out.XLSX"
    with pytest.raises(DataError, match="this output is text, not tables"):
        write_output("text\n", str(path))
    assert not path.exists()
    df = pd.DataFrame({"a": [1, 2]})
    write_output("ignored\n", str(path), tables={"t": df})
    pd.testing.assert_frame_equal(pd.read_excel(path, sheet_name="t"), df)
