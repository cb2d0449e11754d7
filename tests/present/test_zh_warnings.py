"""The Chinese wording of the CLI's warnings (present/zh_warnings.py).

Each warning is raised by the library itself here (not copied as a
string), so a change of the English wording that the pattern no longer
reads fails these tests instead of silently printing English.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import clusterscore as cs
from clusterscore.cli import main
from clusterscore.errors import ClusterScoreWarning
from clusterscore.present.zh_warnings import zh_warning

SYSTEM = cs.load_system()


def _warnings_of(call) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [
        str(w.message)
        for w in caught
        if issubclass(w.category, ClusterScoreWarning)
    ]


def test_extra_columns():
    """Ignored columns: counted, a few named, the rest counted."""
    df = cs.synthetic_clusters(n=4, rng=1)
    extra = df.assign(**{f"x{k}": 1 for k in range(12)})
    (text,) = _warnings_of(lambda: cs.validate(extra, SYSTEM))
    zh = zh_warning(text, SYSTEM)
    assert "忽略了 12 个不属于指标体系 'advanced_manufacturing' 的列" in zh
    assert "'x0'、'x1'" in zh
    assert zh.endswith("，另有 2 列")


def test_constant_indicator_gets_its_chinese_name():
    """A constant column is named by its Chinese name and id."""
    df = cs.synthetic_clusters(n=6, rng=2).assign(rd_intensity=2.0)
    texts = _warnings_of(lambda: cs.evaluate(df, SYSTEM))
    zh = [zh_warning(t, SYSTEM) for t in texts]
    named = "「研发经费投入强度」（rd_intensity）"
    assert f"常数列{named}在各集群间没有差异" in zh[0]
    assert "权重为 0" in zh[0]


def test_single_cluster_type_falls_back_to_ahp():
    """by_type with a one-cluster type: the type by its Chinese name."""
    df = cs.synthetic_clusters(n=7, rng=3)
    df["type"] = ["basic"] * 6 + ["cutting_edge"]
    texts = _warnings_of(lambda: cs.evaluate(df, SYSTEM, by_type=True))
    zh = [zh_warning(t, SYSTEM) for t in texts]
    name = {t.id: t.name_zh for t in SYSTEM.types}["cutting_edge"]
    assert any(
        z.startswith(f"集群类型「{name}」只有一个集群，熵权法客观权重无定义")
        for z in zh
    ), zh
    assert all("weights" not in z for z in zh)


def test_gbk_file_note(tmp_path):
    """A file read as GB18030 says so in Chinese."""
    path = tmp_path / "gbk.csv"
    df = cs.synthetic_clusters(n=3, rng=4)
    df.loc[0, "cluster"] = "长沙工程机械集群"
    path.write_bytes(df.to_csv(index=False).encode("gbk"))
    texts = _warnings_of(lambda: cs.read_clusters(path, SYSTEM))
    zh = [zh_warning(t, SYSTEM) for t in texts]
    assert any("按 GB18030/GBK 编码读取" in z for z in zh), texts


def test_an_unknown_warning_keeps_its_english():
    assert zh_warning("something new happened", SYSTEM) == (
        "something new happened"
    )


@pytest.mark.parametrize(
    ("lang", "word", "text"),
    [
        ("zh", "clusterscore: 警告：", "权重为 0"),
        ("en", "warning:", "weight 0"),
    ],
)
def test_cli_prints_warnings_in_the_language(
    tmp_path, capsys, lang, word, text
):
    """With --lang zh, rank prints the library's warnings in Chinese."""
    df = cs.synthetic_clusters(n=6, rng=5).assign(rd_intensity=np.float64(1))
    path = tmp_path / "t.csv"
    df.to_csv(path, index=False)
    assert main(["rank", str(path), "--lang", lang]) == 0
    err = capsys.readouterr().err
    assert word in err
    assert text in err
    if lang == "zh":
        assert "warning:" not in err
