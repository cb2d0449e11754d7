"""Tests of clusterscore.io.excel: `read_clusters` on Excel workbooks.

Every workbook is built in the test (pandas or openpyxl, in tmp_path).
openpyxl writes formulas without the value Excel caches for them; the
`cache` helper adds one to the file's XML, as Excel does on saving.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.io import read_clusters
from clusterscore.io.excel import is_percent_unit
from clusterscore.scoring import evaluate
from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"

HEADER = [
    "集群",
    "类型",
    "主导产业产值",
    "占全国同行业比重",
    "单位增加值能耗相对值",
    '专精特新"小巨人"企业数',
    "产业集中度（前5家企业产值占比）",
]
ROWS = [
    ["无锡市物联网集群", "strategic", 300, 20, 0.9, 40, 30],
    ["长沙市工程机械集群", "关键战略型", 200, 23, 1.0, 30, 60],
    ["绍兴现代纺织集群", "基础型", 500, 8, 1.2, 20, 25],
]


def book(path: Path, rows, header=HEADER, title="Sheet1") -> Path:
    """Write one sheet (header, rows) with openpyxl; return the path."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def cache(path: Path, sheet_xml: str, cell: str, value: float) -> None:
    """Store `value` as the cached result of the formula in `cell`."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts[sheet_xml].decode("utf-8")
    xml, n = re.subn(
        rf'(<c r="{cell}"[^>]*><f>[^<]*</f>)<v\s*/>',
        rf"\g<1><v>{value}</v>",
        xml,
    )
    assert n == 1
    parts[sheet_xml] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def problems(excinfo) -> tuple[str, ...]:
    return excinfo.value.problems


def test_workbook_reads_as_the_csv_does(system, good_table, tmp_path):
    """Chinese headers, type names, any order: the validated table."""
    path = book(tmp_path / "t.xlsx", ROWS)
    out = read_clusters(path, system)
    expected = good_table().drop(columns=["region", "province"])
    expected["cluster"] = [r[0] for r in ROWS]
    expected["type"] = ["strategic", "strategic", "basic"]
    pd.testing.assert_frame_equal(out, expected)


def test_numbers_as_text_thousands_and_full_width(system, tmp_path):
    """Text cells are parsed as in CSV: '1,500', full-width '５００'."""
    rows = [list(r) for r in ROWS]
    rows[0][2] = "1,500"
    rows[1][2] = "５００"
    rows[2][5] = " 20 "
    out = read_clusters(book(tmp_path / "t.xlsx", rows), system)
    assert out["output_value"].tolist() == [1500.0, 500.0, 500.0]
    assert out["little_giant_firms"].tolist() == [40.0, 30.0, 20.0]


def test_bad_cells_named_by_address(system, tmp_path):
    """Each bad cell: Sheet!A1 address, cluster, column, what is wrong."""
    rows = [list(r) for r in ROWS]
    rows[0][3] = 120  # D2
    rows[1][0] = None  # A3: no name
    rows[2][2] = "五百"  # C4
    rows[2][6] = "23%"  # G4, text with a % sign
    rows[1][4] = "1,50"  # E3
    path = book(tmp_path / "t.xlsx", rows, title="数据")
    with pytest.raises(DataError) as excinfo:
        read_clusters(path, system)
    assert problems(excinfo) == (
        "数据!D2, cluster '无锡市物联网集群', column 'national_share': "
        "120.0 is above the valid maximum 100 (unit %)",
        "数据!A3, row 3, column 'cluster': the cluster name is empty; "
        "every row needs a non-empty, unique name",
        "数据!E3, row 3, column 'relative_energy_intensity': '1,50' is not "
        "a number; use '.' as the decimal mark (',' is accepted only "
        "between groups of three digits, as in 1,234.5) (unit ratio)",
        "数据!C4, cluster '绍兴现代纺织集群', column 'output_value': '五百' "
        "is not a number (unit bn CNY)",
        "数据!G4, cluster '绍兴现代纺织集群', column "
        "'industrial_concentration': '23%' is not a number; write the "
        "number without the % sign (unit %)",
    )
    assert str(excinfo.value).startswith(f"{path}, sheet '数据': 5 problems")
    cases = excinfo.value.failure_cases
    cells = ["数据!D2", "数据!A3", "数据!E3", "数据!C4", "数据!G4"]
    assert cases["cell"].tolist() == cells
    assert cases["row"].tolist() == [2, 3, 3, 4, 4]


def test_missing_column_and_quoted_sheet_name(system, tmp_path):
    """A table-level problem has no cell; 'My data' is quoted."""
    header = [h for h in HEADER if h != "类型"]
    rows = [[v for k, v in enumerate(r) if k != 1] for r in ROWS]
    rows[0][2] = -1
    path = book(tmp_path / "t.xlsx", rows, header=header, title="My data")
    with pytest.raises(DataError) as excinfo:
        read_clusters(path, system)
    assert problems(excinfo) == (
        "column 'type' is missing",
        "'My data'!C2, cluster '无锡市物联网集群', column 'national_share': "
        "-1.0 is below the valid minimum 0 (unit %)",
    )


def test_duplicate_names_name_the_first_cell(system, tmp_path):
    """Duplicated cluster names: the first cell and every row."""
    rows = [list(r) for r in ROWS]
    rows[2][0] = rows[0][0]
    with pytest.raises(DataError) as excinfo:
        read_clusters(book(tmp_path / "t.xlsx", rows), system)
    assert problems(excinfo) == (
        "Sheet1!A2, cluster '无锡市物联网集群' (rows 2, 4), column "
        "'cluster': the name is used 2 times; cluster names must be unique",
    )


def test_percent_formatted_cells_in_a_percent_column(system, tmp_path):
    """0.23 formatted '0%' in a unit-% column is read as 23, with a warning.

    A percent-formatted cell of a column in another unit keeps its stored
    value, and so does a cell whose format shows a literal '%'.
    """
    path = book(tmp_path / "t.xlsx", ROWS)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for r, share in ((2, 0.2), (3, 0.23)):
        ws.cell(r, 4).value = share
        ws.cell(r, 4).number_format = "0%"
    ws.cell(4, 4).number_format = '0"%"'  # a literal %: 8 stays 8
    ws.cell(4, 5).number_format = "0.00%"  # ratio column: kept as 1.2
    wb.save(path)
    with pytest.warns(DataWarning) as record:
        out = read_clusters(path, system)
    assert out["national_share"].tolist() == [20.0, 23.0, 8.0]
    assert out["relative_energy_intensity"].tolist() == [0.9, 1.0, 1.2]
    (w,) = record
    text = str(w.message)
    assert "column 'national_share' (unit %): 2 cell(s) formatted as " in text
    assert "Sheet1!D2 0.2 -> 20, Sheet1!D3 0.23 -> 23" in text
    assert w.filename == __file__


def test_is_percent_unit():
    """'%' and '% of ...' are percentages; 'ratio' and '‰' are not."""
    assert is_percent_unit("%")
    assert is_percent_unit("% of revenue")
    assert not is_percent_unit("ratio")
    assert not is_percent_unit("‰")
    assert not is_percent_unit("")


def test_formula_cached_value_is_read(system, tmp_path):
    """A formula is read as the value Excel cached for it."""
    rows = [list(r) for r in ROWS]
    rows[0][2] = "=150*2"
    path = book(tmp_path / "t.xlsx", rows)
    cache(path, "xl/worksheets/sheet1.xml", "C2", 300)
    out = read_clusters(path, system)
    assert out["output_value"].tolist() == [300.0, 200.0, 500.0]


def test_formula_without_cached_value_is_refused(system, tmp_path):
    """A formula with no cached value is refused by cell and formula."""
    rows = [list(r) for r in ROWS]
    rows[1][5] = "=A1+1"
    path = book(tmp_path / "t.xlsx", rows)
    with pytest.raises(DataError) as excinfo:
        read_clusters(path, system, allow_missing=True)
    assert problems(excinfo) == (
        "Sheet1!F3, cluster '长沙市工程机械集群', column "
        "'little_giant_firms': the formula '=A1+1' has no cached value",
    )
    assert "open it in Excel or LibreOffice" in str(excinfo.value)


def test_sheet_choice(system, tmp_path):
    """One input-like sheet is found; several must be chosen between."""
    path = tmp_path / "t.xlsx"
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes.append(["name", "note"])
    notes.append(["source", "yearbook 2023"])
    for title in ("2022", "2023"):
        ws = wb.create_sheet(title)
        ws.append(HEADER)
        for row in ROWS:
            ws.append(row)
    wb.create_sheet("empty")
    wb.save(path)
    with pytest.raises(DataError) as excinfo:
        read_clusters(path, system)
    assert str(excinfo.value) == (
        f"{path}: 2 sheets look like an input table: '2022', '2023'; "
        "choose one with sheet='NAME' (--sheet NAME on the command line)."
    )
    assert len(read_clusters(path, system, sheet="2023")) == 3
    with pytest.raises(DataError, match="has no sheet 'x'; its sheets: "):
        read_clusters(path, system, sheet="x")
    with pytest.raises(DataError, match="sheet 'empty' is empty"):
        read_clusters(path, system, sheet="empty")
    del wb["2022"]
    wb.save(path)
    assert len(read_clusters(path, system)) == 3


def test_header_below_blank_rows_and_extra_columns(system, tmp_path):
    """Blank rows above the header, an extra column: read, warned."""
    path = tmp_path / "t.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([])
    ws.append([None, *HEADER, "备注"])
    for row in ROWS:
        ws.append([None, *row, "x"])
    ws.append([])
    wb.save(path)
    with pytest.warns(DataWarning, match=r"ignored 1 column\(s\).*'备注'"):
        out = read_clusters(path, system)
    assert out["cluster"].tolist() == [r[0] for r in ROWS]
    rows = [[None, *r] for r in ROWS]
    rows[1][4] = 200
    book(path, rows, header=[None, *HEADER])
    with pytest.raises(DataError) as excinfo:
        read_clusters(path, system)
    assert problems(excinfo)[0].startswith("Sheet1!E3, cluster '长沙")


def test_file_never_modified(system, tmp_path):
    """Reading, even a failing read, leaves the bytes and mtime alone."""
    path = book(tmp_path / "t.xlsx", ROWS)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = os.stat(path).st_mtime_ns
    read_clusters(path, system)
    with pytest.raises(DataError):
        read_clusters(path, system, sheet="nope")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert os.stat(path).st_mtime_ns == mtime


def test_unreadable_files(system, tmp_path):
    """Not a workbook, empty, .xls/.ods, missing: one clear error each."""
    fake = tmp_path / "fake.xlsx"
    fake.write_text("cluster,type\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"is not a readable Excel \.xlsx"):
        read_clusters(fake, system)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(DataError, match=r"the file is empty \(0 bytes\)"):
        read_clusters(empty, system)
    for suffix in (".xls", ".ods"):
        with pytest.raises(DataError, match=rf"{suffix} spreadsheets are"):
            read_clusters(tmp_path / f"t{suffix}", system)
    with pytest.raises(DataError, match="file not found"):
        read_clusters(tmp_path / "none.xlsx", system)


def test_sheet_refused_for_csv(system, tmp_path):
    """sheet= on a CSV file is a ParameterError."""
    path = tmp_path / "t.csv"
    path.write_text("cluster,type\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="'sheet' applies to Excel"):
        read_clusters(path, system, sheet="Sheet1")


# --------------------------------------------------------------------------
# the bundled example: the same ranking from CSV and from workbooks
# --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def example():
    """Return the default system, the example table, its CSV ranking."""
    system = load_system()
    table = read_clusters(EXAMPLE, system)
    return system, table, evaluate(table, system).ranking


def test_example_saved_by_pandas(example, tmp_path):
    """The example CSV saved as .xlsx by pandas ranks the same."""
    system, table, ranking = example
    path = tmp_path / "example.xlsx"
    pd.read_csv(EXAMPLE, dtype=str).to_excel(path, index=False)
    out = read_clusters(path, system)
    pd.testing.assert_frame_equal(out, table)
    pd.testing.assert_frame_equal(evaluate(out, system).ranking, ranking)


def test_example_as_a_chinese_workbook(example, tmp_path):
    """Chinese headers, reversed columns, % cells, a formula: same ranking."""
    system, table, ranking = example
    chinese = {"cluster": "集群名称", "type": "集群类型", "region": "地区"}
    chinese |= {"province": "省份"}
    chinese |= {i.id: i.name_zh for i in system.indicators}
    types = {t.id: t.name_zh for t in system.types}
    columns = list(reversed(table.columns))
    path = tmp_path / "example.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "集群数据"
    ws.append([chinese[c] for c in columns])
    k_share = columns.index("national_share") + 1
    k_out = columns.index("output_value") + 1
    for r, rec in enumerate(table.to_dict(orient="records"), start=2):
        rec["type"] = types[rec["type"]]
        ws.append([rec[c] for c in columns])
        share = ws.cell(r, k_share)
        share.value = share.value / 100
        share.number_format = "0.0%"
    out_cell = ws.cell(2, k_out)
    first_output = out_cell.value
    out_cell.value = f"={first_output / 2!r}*2"
    wb.save(path)
    letter = openpyxl.utils.get_column_letter(k_out)
    cache(path, "xl/worksheets/sheet1.xml", f"{letter}2", first_output)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(DataWarning, match="'national_share' \\(unit %"):
            read_clusters(path, system)
    with pytest.warns(DataWarning):
        out = read_clusters(path, system)
    pd.testing.assert_frame_equal(out, table)
    pd.testing.assert_frame_equal(evaluate(out, system).ranking, ranking)


def _rewritten(path: Path, out: Path, part: str, change) -> Path:
    """Copy workbook `path` to `out` with one zip member changed."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name == part:
                data = change(data)
            if data is not None:
                z.writestr(name, data)
    return out


@pytest.mark.parametrize(
    ("part", "change", "raised"),
    [
        ("xl/worksheets/sheet1.xml", lambda d: d[: len(d) // 2], "ParseError"),
        ("xl/workbook.xml", lambda d: b"<notxml", "ParseError"),
        ("xl/styles.xml", lambda d: b"<a>", "ParseError"),
        ("[Content_Types].xml", lambda d: None, "KeyError"),
        (
            "xl/worksheets/sheet1.xml",
            lambda d: d.replace(b'r="A1"', b'r="1A"'),
            "ValueError",
        ),
    ],
)
def test_damaged_workbooks(system, tmp_path, part, change, raised):
    """Issue 11.1: broken XML or a missing part inside the zip: DataError.

    openpyxl raised xml ParseError (a SyntaxError), which escaped.
    """
    good = book(tmp_path / "good.xlsx", ROWS)
    bad = _rewritten(good, tmp_path / "bad.xlsx", part, change)
    with pytest.raises(
        DataError,
        match=rf"bad\.xlsx: is not a readable Excel \.xlsx workbook "
        rf"\({raised}: .*\); save it again from Excel",
    ):
        read_clusters(bad, system)


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (b"PK\x03\x04" + bytes(200), r"\(BadZipFile"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200),
            "password-protected",
        ),
        (b"cluster,type\n", "it is not a zip archive"),
    ],
)
def test_not_workbooks(system, tmp_path, data, hint):
    """A truncated zip, an OLE2 (.xls or encrypted) file, text: DataError."""
    path = tmp_path / "x.xlsx"
    path.write_bytes(data)
    with pytest.raises(DataError, match=hint):
        read_clusters(path, system)


def test_corrupt_compressed_data(system, tmp_path):
    """Flipped bytes in the compressed sheet (zlib/CRC errors): DataError."""
    good = book(tmp_path / "good.xlsx", ROWS)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + 10
    for k in range(start, start + 40):
        data[k] ^= 0x5A
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data))
    with pytest.raises(DataError, match=r"bad\.xlsx: is not a readable Excel"):
        read_clusters(bad, system)


def test_directory_and_fifo_named_xlsx(system, tmp_path):
    """A directory or a named pipe called .xlsx: DataError saying so."""
    folder = tmp_path / "dir.xlsx"
    folder.mkdir()
    with pytest.raises(DataError, match=r"dir\.xlsx: is a directory, not a"):
        read_clusters(folder, system)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.xlsx"
        os.mkfifo(fifo)
        with pytest.raises(DataError, match=r"pipe\.xlsx: is not a regular"):
            read_clusters(fifo, system)


def test_workbook_file_objects(system, tmp_path):
    """Issue 16.11: a workbook as BytesIO or an open binary file reads."""
    path = book(tmp_path / "t.xlsx", ROWS)
    expected = read_clusters(path, system)
    with open(path, "rb") as handle:
        pd.testing.assert_frame_equal(read_clusters(handle, system), expected)
    data = io.BytesIO(path.read_bytes())
    pd.testing.assert_frame_equal(
        read_clusters(data, system, sheet="Sheet1"), expected
    )
    with pytest.raises(DataError, match=r"^<BytesIO>: has no sheet 'x'"):
        read_clusters(io.BytesIO(path.read_bytes()), system, sheet="x")


def test_far_empty_cells_are_not_walked(system, good_table, tmp_path):
    """Empty (formatted) cells far away do not widen or lengthen the table.

    A stray empty cell at AZ60000 made the reader walk 60000 x 52 cells
    (40 s on the test machine); only stored non-blank cells are read now.
    """
    from clusterscore.io.excel import _grid

    path = book(tmp_path / "far.xlsx", ROWS)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["AZ60000"].value = ""
    ws["Z5000"].number_format = "0.00%"
    ws.cell(70000, 1).value = None
    wb.save(path)
    loaded = openpyxl.load_workbook(path)
    grid = _grid(loaded.active, None)
    assert (grid.header_row, grid.rows) == (1, [2, 3, 4])
    assert grid.header == HEADER
    out = read_clusters(path, system)
    assert out["cluster"].tolist() == [r[0] for r in ROWS]
    assert list(out.columns) == [
        c for c in good_table().columns if c not in ("region", "province")
    ]
