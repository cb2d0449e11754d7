"""Tests of clusterscore.weights.hierarchy.system_weights."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import ConfigError, JudgmentError, ParameterError
from clusterscore.judgments.ahp import ahp
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Judgments,
    load_system,
)
from clusterscore.weights.hierarchy import HierarchyWeights, system_weights

_REF = Path(__file__).resolve().parents[1] / "reference" / "ahp_examples.py"
_spec = importlib.util.spec_from_file_location("ahp_examples", _REF)
ref = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ref)

DIMS = ref.DIMENSIONS  # scale, innovation, chain, policy, services
INDICATORS = {
    "scale": ("output", "share"),
    "innovation": ("rd", "patents", "labs"),
    "chain": ("coverage",),
    "policy": ("docs", "funds"),
    "services": ("platforms", "incubators"),
}


def consistent(w) -> np.ndarray:
    """Return the consistent matrix a_ij = w_i / w_j."""
    w = np.asarray(w, dtype=float)
    return w[:, None] / w[None, :]


def make_system(judgments, dims=DIMS) -> IndicatorSystem:
    """Build a small system with the given judgments (no validation)."""
    indicators = tuple(
        Indicator(
            id=i,
            name=i,
            name_zh=i,
            unit="",
            direction="benefit",
            dimension=d,
        )
        for d in dims
        for i in INDICATORS[d]
    )
    dimensions = tuple(
        Dimension(id=d, name=d, name_zh=d, indicators=INDICATORS[d])
        for d in dims
    )
    types = tuple(
        ClusterType(id=t, name=t, name_zh=t)
        for t in ("basic", "strategic", "cutting_edge")
    )
    return IndicatorSystem(
        id="test",
        name="test",
        name_zh="test",
        format_version=1,
        dimensions=dimensions,
        indicators=indicators,
        types=types,
        judgments=tuple(judgments),
    )


def J(level, cluster_type, elements, matrix) -> Judgments:
    """Build a Judgments record."""
    m = np.asarray(matrix, dtype=float)
    return Judgments(level, cluster_type, tuple(elements), m, (m,), ("",))


INNOV_W = (0.5, 0.3, 0.2)
BASE = [
    J("dimensions", "default", DIMS, ref.RESEARCH_NOTE["default"]["matrix"]),
    J("dimensions", "basic", DIMS, ref.RESEARCH_NOTE["basic"]["matrix"]),
    J("scale", "default", INDICATORS["scale"], [[1, 3], [1 / 3, 1]]),
    J("innovation", "default", INDICATORS["innovation"], consistent(INNOV_W)),
    J("policy", "default", INDICATORS["policy"], [[1, 1], [1, 1]]),
    J("services", "basic", INDICATORS["services"], [[1, 1 / 4], [4, 1]]),
]


def test_basic_type_uses_research_note_dimension_weights():
    """Dimension weights are the research note's basic weights (4 dp)."""
    h = system_weights(make_system(BASE), "basic")
    dim_w = h.table.groupby("dimension", sort=False)["dimension_weight"]
    got = dim_w.first().reindex(DIMS).to_numpy()
    np.testing.assert_array_equal(
        got.round(4), ref.RESEARCH_NOTE["basic"]["weights"]
    )
    assert h.cr["dimensions/basic"] == pytest.approx(0.0160, abs=5e-5)


def test_global_weight_is_product_and_sums_to_one():
    """Global = dimension weight x local weight; the globals sum to 1."""
    h = system_weights(make_system(BASE), "basic")
    t = h.table
    assert list(t.columns) == [
        "dimension",
        "dimension_weight",
        "local_weight",
        "global_weight",
    ]
    np.testing.assert_allclose(
        t["global_weight"], t["dimension_weight"] * t["local_weight"]
    )
    assert t["global_weight"].sum() == pytest.approx(1.0, abs=1e-12)
    assert list(t.index) == [i for d in DIMS for i in INDICATORS[d]]
    assert t.index.name == "indicator"
    pd.testing.assert_series_equal(
        h.weights, t["global_weight"], check_names=True
    )


def test_local_weights_hand_calculated():
    """Local weights: 3:1 gives .75/.25, 1:4 gives .2/.8, consistent w back."""
    t = system_weights(make_system(BASE), "basic").table
    assert t.loc["output", "local_weight"] == pytest.approx(0.75)
    assert t.loc["share", "local_weight"] == pytest.approx(0.25)
    assert t.loc["platforms", "local_weight"] == pytest.approx(0.2)
    assert t.loc["incubators", "local_weight"] == pytest.approx(0.8)
    np.testing.assert_allclose(
        t.loc[list(INDICATORS["innovation"]), "local_weight"], INNOV_W
    )
    w_innov = ref.RESEARCH_NOTE["basic"]["weights"][1]
    assert t.loc["rd", "global_weight"] == pytest.approx(
        0.5 * w_innov, abs=5e-5
    )


def test_single_indicator_dimension_has_local_weight_one():
    """A dimension with one indicator gets local weight 1."""
    t = system_weights(make_system(BASE)).table
    assert t.loc["coverage", "local_weight"] == 1.0
    assert (
        t.loc["coverage", "global_weight"]
        == t.loc["coverage", "dimension_weight"]
    )


def test_type_without_own_matrix_falls_back_to_default():
    """'strategic' has no matrices here: every level uses 'default'."""
    h = system_weights(make_system(BASE), "strategic")
    assert "dimensions/default" in h.judgments
    assert "services/default" not in h.judgments
    # services has only a 'basic' matrix: no default -> equal weights
    assert h.equal_weight_dimensions == ("services",)
    t = h.table
    assert t.loc["platforms", "local_weight"] == pytest.approx(0.5)
    np.testing.assert_array_equal(
        t.groupby("dimension", sort=False)["dimension_weight"]
        .first()
        .reindex(DIMS)
        .to_numpy()
        .round(4),
        ref.RESEARCH_NOTE["default"]["weights"],
    )


def test_judgments_and_cr_table():
    """Every matrix used is reported with its AHPResult and its CR."""
    h = system_weights(make_system(BASE), "basic")
    assert isinstance(h, HierarchyWeights)
    assert set(h.judgments) == {
        "dimensions/basic",
        "scale/default",
        "innovation/default",
        "policy/default",
        "services/basic",
    }
    assert list(h.cr.index) == list(h.judgments)
    assert h.cr.name == "cr"
    for name, r in h.judgments.items():
        assert h.cr[name] == r.cr
    assert h.judgments["innovation/default"].labels == INDICATORS["innovation"]
    with pytest.raises(TypeError):
        h.judgments["x"] = None  # type: ignore[index]


def test_elements_in_another_order_map_to_indicators():
    """A matrix whose elements are listed in another order still maps."""
    rev = tuple(reversed(INDICATORS["innovation"]))
    w_rev = tuple(reversed(INNOV_W))
    judg = [j for j in BASE if j.level != "innovation"] + [
        J("innovation", "default", rev, consistent(w_rev))
    ]
    t = system_weights(make_system(judg), "basic").table
    np.testing.assert_allclose(
        t.loc[list(INDICATORS["innovation"]), "local_weight"], INNOV_W
    )


def test_methods_and_ri_are_passed_through():
    """method= and ri= reach every matrix."""
    h = system_weights(
        make_system(BASE), "basic", method="geometric", ri="tummala_ling"
    )
    r = h.judgments["dimensions/basic"]
    assert (r.method, r.ri_table, r.ri) == (
        "geometric",
        "tummala_ling",
        1.1159,
    )
    g = ahp(ref.RESEARCH_NOTE["basic"]["matrix"], "geometric").weights
    got = (
        h.table.groupby("dimension", sort=False)["dimension_weight"]
        .first()
        .reindex(DIMS)
    )
    np.testing.assert_allclose(got, g)


def test_unknown_cluster_type_lists_valid_ones():
    """An unknown type raises ParameterError listing the valid ones."""
    with pytest.raises(
        ParameterError,
        match=r"system_weights\(\): 'cluster_type' must be one of \{'basic', "
        r"'strategic', 'cutting_edge', 'default'\}; got 'frontier'\.",
    ):
        system_weights(make_system(BASE), "frontier")


def test_unknown_method_raises():
    """An unknown method raises ParameterError."""
    with pytest.raises(ParameterError, match=r"'method' must be one of"):
        system_weights(make_system(BASE), method="power")


def test_no_dimension_matrix_raises_config_error():
    """No 'dimensions' matrix for the type nor a default: ConfigError."""
    judg = [j for j in BASE if j.level != "dimensions"]
    with pytest.raises(
        ConfigError,
        match=r"test: no judgments between the dimensions for cluster type "
        r"'basic' and no 'default' ones",
    ):
        system_weights(make_system(judg), "basic")


def test_matrix_with_wrong_elements_raises_config_error():
    """A matrix comparing other elements than the level's raises."""
    judg = [j for j in BASE if j.level != "scale"] + [
        J("scale", "default", ("output", "jobs"), [[1, 2], [0.5, 1]])
    ]
    with pytest.raises(
        ConfigError,
        match=r"judgments 'scale/default' compare \['output', 'jobs'\], but "
        r"the level has \['output', 'share'\]",
    ):
        system_weights(make_system(judg))


def test_malformed_matrix_raises_judgment_error_with_name():
    """A non-reciprocal matrix in the system names the matrix and cell."""
    judg = [j for j in BASE if j.level != "scale"] + [
        J("scale", "default", INDICATORS["scale"], [[1, 2], [2, 1]])
    ]
    with pytest.raises(
        JudgmentError,
        match=r"ahp\(\): pairwise matrix 'scale/default' is not reciprocal",
    ):
        system_weights(make_system(judg))


@pytest.mark.parametrize(
    "cluster_type", [None, "basic", "strategic", "cutting_edge"]
)
def test_default_system_file(cluster_type):
    """The shipped system: 25 rows, globals sum to 1, every CR < 0.1."""
    system = load_system()
    h = system_weights(system, cluster_type)
    assert list(h.table.index) == list(system.indicator_ids)
    assert h.table["global_weight"].sum() == pytest.approx(1.0, abs=1e-12)
    assert (h.table["global_weight"] > 0).all()
    assert (h.cr < 0.1).all()
    dims = (
        h.table.groupby("dimension", sort=False)["dimension_weight"]
        .first()
        .reindex(system.dimension_ids)
        .to_numpy()
    )
    key = cluster_type or "default"
    np.testing.assert_array_equal(
        dims.round(4), ref.RESEARCH_NOTE[key]["weights"]
    )


# --------------------------------------------------------------------------
# an inconsistent matrix is refused where it is used (issue 11 item 12)
# --------------------------------------------------------------------------

_SF = Path(__file__).resolve().parents[1] / "system" / "system_files.py"
_sf_spec = importlib.util.spec_from_file_location("system_files", _SF)
sf = importlib.util.module_from_spec(_sf_spec)
_sf_spec.loader.exec_module(sf)


def _file_with_inconsistent_strategic(tmp_path):
    """Write the minimal file plus a CR > 0.10 scale matrix (strategic)."""
    doc = sf.minimal_doc()
    doc["judgments"].append(
        {
            "level": "scale",
            "type": "strategic",
            "source": "x",
            "pairs": [
                ["output", "firms", 9],
                ["firms", "energy", 9],
                ["output", "energy", "1/9"],
            ],
        }
    )
    return sf.write(tmp_path, doc, "custom.toml")


def test_inconsistent_matrix_blocks_only_its_type(tmp_path):
    """The system loads; 'basic' works; 'strategic' is refused.

    The message names the file, the entry, the CR and the judgment to
    revisit.
    """
    path = _file_with_inconsistent_strategic(tmp_path)
    system = load_system(path)
    basic = system_weights(system, "basic")
    assert basic.weights.sum() == pytest.approx(1.0)
    # hand check: 3-cycle 9, 9, 1/9 has equal weights and lambda_max
    # 1 + 2 (9 + 1/9) / 3 * ... ; the file's own eigen computation:
    a = np.array([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    cr = sf.eig_weights_cr(a)[1]
    with pytest.raises(ConfigError) as info:
        system_weights(system, "strategic")
    msg = str(info.value)
    assert msg.startswith(f"{path}: judgments[3]: ")
    assert info.value.key == "judgments[3]"
    assert f"CR={cr:.4f} > 0.10" in msg
    assert "Revisit: ['output', 'firms'] = 9" in msg
    assert "max_cr" in msg
    # the matrix's facts ride along for programs (and the Chinese CLI)
    cause = info.value.__cause__
    assert isinstance(cause, JudgmentError)
    assert cause.cr == pytest.approx(cr)
    assert cause.threshold == 0.10
    assert cause.matrix_name == "scale/strategic"
    first = cause.suggestions[0]
    assert (first.row, first.column, first.value) == ("output", "firms", 9.0)


def test_max_cr_overrides_the_refusal(tmp_path):
    """max_cr=None (or a higher bound) accepts the inconsistent matrix."""
    system = load_system(_file_with_inconsistent_strategic(tmp_path))
    h = system_weights(system, "strategic", max_cr=None)
    local = h.table.loc[["output", "firms", "energy"], "local_weight"]
    np.testing.assert_allclose(local, [1 / 3, 1 / 3, 1 / 3], atol=1e-9)
    assert system_weights(system, "strategic", max_cr=10.0).cr.max() > 0.1
    with pytest.raises(ParameterError, match="'max_cr' must be a number"):
        system_weights(system, "strategic", max_cr=-1)


def test_tables_without_the_type_still_validate_and_rank(tmp_path):
    """A table of basic clusters validates and ranks with that file."""
    import clusterscore as cs

    system = load_system(_file_with_inconsistent_strategic(tmp_path))
    df = pd.DataFrame(
        {
            "cluster": ["A", "B", "C"],
            "type": ["basic"] * 3,
            "output": [10.0, 20.0, 30.0],
            "firms": [5, 6, 7],
            "energy": [1.0, 0.9, 1.2],
            "funds": [1.0, 2.0, 3.0],
        }
    )
    checked = cs.validate(df, system)
    assert len(checked) == 3
    ranking = cs.rank_clusters(checked, system, weighting="ahp")
    assert list(ranking["rank"]) == [1, 2, 3]


def test_big_matrix_uses_the_ri_of_the_file(tmp_path):
    """A 16 x 16 matrix (beyond Saaty's table) uses the file's ri."""
    n = 16
    doc = sf.minimal_doc()
    ids = [f"w{k}" for k in range(n)]
    doc["dimension"].append(
        {"id": "wide", "name": "W", "name_zh": "宽", "source": "x"}
    )
    for k, i in enumerate(ids):
        doc["indicator"].append(
            {
                "id": i,
                "dimension": "wide",
                "name": i,
                "name_zh": f"宽{k}",
                "unit": "count",
                "direction": "benefit",
                "definition": "x",
                "source": "x",
            }
        )
    doc["judgments"].append(
        {
            "level": "wide",
            "type": "default",
            "source": "x",
            "ri": 1.6,
            "pairs": [
                [ids[i], ids[j], 2 if (i, j) == (0, 1) else 1]
                for i in range(n)
                for j in range(i + 1, n)
            ],
        }
    )
    doc["judgments"][0]["pairs"] = [
        ["scale", "policy", 2],
        ["scale", "wide", 1],
        ["policy", "wide", 1],
    ]
    system = load_system(sf.write(tmp_path, doc))
    h = system_weights(system)
    r = h.judgments["wide/default"]
    assert r.ri == 1.6
    assert r.ri_table == "custom"
    assert r.cr == pytest.approx(r.ci / 1.6)


def _default_with_inconsistent_cutting_edge(tmp_path):
    """Copy the default file, making policy/cutting_edge inconsistent."""
    text = DEFAULT_FILE.read_text(encoding="utf-8")
    old = '  ["cluster_policy_docs", "demonstration_projects", "1/3"],'
    assert text.count(old) == 1
    path = tmp_path / "custom.toml"
    path.write_text(
        text.replace(
            old, '  ["cluster_policy_docs", "demonstration_projects", 9],'
        ),
        encoding="utf-8",
    )
    return path


DEFAULT_FILE = Path(__file__).resolve().parents[2] / (
    "indicators/advanced_manufacturing.toml"
)
EXAMPLE = Path(__file__).resolve().parents[2] / (
    "examples/national_clusters.csv"
)


def test_cli_validate_and_rank_with_an_inconsistent_matrix(tmp_path, capsys):
    """Issue 11 item 12 through the command line.

    `validate` and the pooled `rank` (default weights) work; the gap
    diagnosis (per-type weights) works for a table without cutting-edge
    clusters and is refused, by file, entry and CR, for a cutting-edge
    cluster.
    """
    from clusterscore.cli import main

    system_file = _default_with_inconsistent_cutting_edge(tmp_path)
    assert main(["validate", str(EXAMPLE), "--system", str(system_file)]) == 0
    capsys.readouterr()
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    no_edge = tmp_path / "no_edge.csv"
    no_edge.write_text(
        "".join(x for x in lines if ",cutting_edge," not in x),
        encoding="utf-8",
    )
    assert main(["rank", str(EXAMPLE), "--system", str(system_file)]) == 0
    sys_opt = ["--system", str(system_file)]
    basic = lines[1].split(",")[0]
    assert main(["gaps", str(no_edge), "--cluster", basic, *sys_opt]) == 0
    capsys.readouterr()
    edge = "Suzhou Nano New Materials"
    code = main(["gaps", str(EXAMPLE), "--cluster", edge, *sys_opt])
    err = capsys.readouterr().err
    assert code == 2
    assert "clusterscore: error:" in err
    assert str(system_file) in err
    assert "policy/cutting_edge" in err
    assert (
        "Revisit: ['cluster_policy_docs', 'demonstration_projects'] = 9"
        in (err.replace("\n", " "))
    )
    # the way out in the words of the command line, not the library's
    assert "give --max-cr none (or a higher --max-cr)" in " ".join(err.split())
    assert "max_cr=None" not in err


def test_a_lower_max_cr_names_the_judgment_to_revisit():
    """max_cr below a matrix's CR: refused, with the pair to revisit."""
    a = np.array([[1, 2, 4], [1 / 2, 1, 4], [1 / 4, 1 / 4, 1]])
    cr = ahp(a).cr
    assert 0 < cr < 0.10
    judg = [j for j in BASE if j.level != "innovation"] + [
        J("innovation", "default", INDICATORS["innovation"], a)
    ]
    system = make_system(judg)
    with pytest.raises(ConfigError, match=r"Revisit: \['rd', '"):
        system_weights(system, max_cr=cr / 2)
    assert system_weights(system, max_cr=cr).cr["innovation/default"] == cr
