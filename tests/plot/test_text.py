"""Figure labels (plot/_text.py): Chinese names come from the system."""

from __future__ import annotations

import clusterscore.plot as csp


def test_chinese_labels_use_the_systems_names(ev, unc):
    system = ev.system
    fig = csp.weights(ev, lang="zh")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == system.indicators[0].name_zh
    fig = csp.profile(ev, lang="zh")
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks[0] == system.dimensions[0].name_zh
    fig = csp.ranking(ev, lang="zh")
    texts = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    texts += [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert system.types[0].name_zh in texts
    assert system.dimensions[0].name_zh in texts
    fig = csp.rank_intervals(unc, lang="zh")
    assert "排名" in fig.axes[0].get_xlabel()
