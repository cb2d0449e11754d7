"""Tests of clusterscore.system.reader: load_system and the default file."""

from __future__ import annotations

import importlib.util
import io
import os
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from clusterscore.errors import ConfigError, ParameterError
from clusterscore.system import (
    DEFAULT_SYSTEM_FILE,
    IndicatorSystem,
    default_system_path,
    load_system,
)
from clusterscore.system.reader import TOP_LEVEL

REPO = Path(__file__).resolve().parents[2]

_HELPERS = Path(__file__).with_name("system_files.py")
_spec = importlib.util.spec_from_file_location("system_files", _HELPERS)
sf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sf)


def test_minimal_fixture_loads():
    """The minimal fixture loads with the documented structure."""
    s = load_system(sf.MINIMAL)
    assert isinstance(s, IndicatorSystem)
    assert s.format_version == 1
    assert s.cluster_types == ("basic", "strategic")
    assert s.dimension_ids == ("scale", "policy")
    assert s.indicator_ids == ("output", "firms", "energy", "funds")
    assert s.directions == ("benefit", "benefit", "cost", "benefit")
    assert s.dimension("scale").indicators == ("output", "firms", "energy")
    e = s.indicator("energy")
    assert (e.lower, e.upper, e.lower_open, e.integer) == (
        0,
        None,
        True,
        False,
    )
    assert s.indicator("firms").integer
    assert s.indicator("funds").upper == 1000
    assert s.path == str(sf.MINIMAL)


def test_bom_is_accepted(tmp_path):
    """A UTF-8 file with a byte-order mark (Windows Notepad) loads."""
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + sf.MINIMAL.read_bytes())
    assert load_system(path).id == "minimal"


def test_path_may_be_str_or_pathlike():
    """load_system accepts str and os.PathLike paths."""
    assert sf.same_system(
        load_system(str(sf.MINIMAL)), load_system(sf.MINIMAL)
    )


def test_file_objects_are_read():
    """Issue 16.11: a text or binary file object is read like its path."""
    expected = load_system(sf.MINIMAL)
    with open(sf.MINIMAL, "rb") as binary:
        from_binary = load_system(binary)
    with open(sf.MINIMAL, encoding="utf-8") as text:
        from_text = load_system(text)
    from_string = load_system(io.StringIO(sf.MINIMAL.read_text("utf-8")))
    for got in (from_binary, from_text, from_string):
        assert sf.same_system(got, expected)
    assert from_binary.path == str(sf.MINIMAL)
    assert from_string.path == "<StringIO>"


def test_none_is_the_default_system():
    """load_system(None) is load_system(): the documented default."""
    assert sf.same_system(load_system(None), load_system())


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (5, "got int"),
        (3.5, "got float"),
        (b"indicators/x.toml", "got bytes"),
        ("", "got an empty string"),
        (["a.toml"], "got list"),
    ],
)
def test_wrong_path_types_are_parameter_errors(value, got):
    """Issue 16.11: not a path: ParameterError naming 'path' and the type.

    ``load_system(5)`` raised TypeError from inside pathlib.
    """
    with pytest.raises(ParameterError) as info:
        load_system(value)
    assert str(info.value).startswith(
        "load_system(): 'path' must be the path of an indicator file"
    )
    assert str(info.value).endswith(f"{got}.")
    assert info.value.parameter == "path"


def test_file_object_with_bad_content():
    """A binary file object of GBK bytes: ConfigError (UTF-8 required)."""
    data = "[meta]\nname_zh = '集群'\n".encode("gbk")
    with pytest.raises(ConfigError, match=r"^<BytesIO>: not UTF-8"):
        load_system(io.BytesIO(data))
    closed = io.BytesIO(b"")
    closed.close()
    with pytest.raises(ConfigError, match=r"^<BytesIO>: cannot be read"):
        load_system(closed)


# --------------------------------------------------------------------------
# ConfigError: the file itself
# --------------------------------------------------------------------------


def test_missing_file(tmp_path):
    """A path that does not exist raises ConfigError naming it."""
    path = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match=r"nope\.toml: no such indicator"):
        load_system(path)


def test_directory_instead_of_file(tmp_path):
    """A directory raises ConfigError saying so."""
    with pytest.raises(ConfigError, match="is a directory"):
        load_system(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_not_a_regular_file(tmp_path):
    """A named pipe is refused without reading (which would block)."""
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match=r"pipe\.toml: is not a regular"):
        load_system(fifo)


def test_unreadable_file(tmp_path, monkeypatch):
    """A file that cannot be read (permission denied): ConfigError.

    The tests may run as root, who reads any file, so the denial is
    simulated where pathlib reads.
    """
    path = tmp_path / "secret.toml"
    path.write_bytes(sf.MINIMAL.read_bytes())

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(
        ConfigError, match=r"secret\.toml: cannot be read \(Permission denied"
    ):
        load_system(path)


def test_nul_in_path():
    """A NUL character in the name: ConfigError, not ValueError."""
    with pytest.raises(ConfigError, match="no such indicator file"):
        load_system("a\x00b.toml")


def test_invalid_toml_names_line_and_column(tmp_path):
    """Broken TOML raises ConfigError with tomllib's line and column."""
    path = tmp_path / "broken.toml"
    path.write_text("[meta]\nformat_version = 1\nid = \n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_system(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}: not valid TOML")
    assert "line 3" in msg
    assert "column" in msg


def test_not_utf8(tmp_path):
    """A file in another encoding raises ConfigError (UTF-8 required)."""
    path = tmp_path / "gbk.toml"
    path.write_bytes("[meta]\nname_zh = '集群'\n".encode("gbk"))
    with pytest.raises(ConfigError, match=r"gbk\.toml: not UTF-8"):
        load_system(path)


ERROR_CASES = [
    pytest.param(
        sf.set_key("indicators", [{"id": "x"}]),
        "indicators",
        "unknown top-level table 'indicators' "
        r"\(did you mean 'indicator'\?\)",
        id="unknown-table",
    ),
]


@pytest.mark.parametrize(("mutate", "key", "pattern"), ERROR_CASES)
def test_config_errors(tmp_path, mutate, key, pattern):
    """Each malformed entry raises ConfigError naming the file and key."""
    doc = sf.minimal_doc()
    mutate(doc)
    sf.expect_error(sf.write(tmp_path, doc, "bad_system.toml"), key, pattern)


# --------------------------------------------------------------------------
# the default system
# --------------------------------------------------------------------------


def test_default_path_is_found():
    """default_system_path() points at an existing advanced_manufacturing."""
    path = default_system_path()
    assert path.is_file()
    assert path.name == DEFAULT_SYSTEM_FILE


def test_default_system_equals_its_file():
    """load_system() and load_system(<repo>/indicators/...) agree."""
    repo_file = (
        Path(__file__).resolve().parents[2]
        / "indicators"
        / DEFAULT_SYSTEM_FILE
    )
    assert sf.same_system(load_system(), load_system(repo_file))


def _installed_at(monkeypatch, package: Path) -> None:
    """Make `resources.files("clusterscore")` answer `package`."""
    monkeypatch.setattr(resources, "files", lambda name: package)


def test_default_path_prefers_the_packaged_file(tmp_path, monkeypatch):
    """An installed package's ``_indicators/`` copy is found first."""
    package = tmp_path / "site-packages" / "clusterscore"
    packaged = package / "_indicators" / DEFAULT_SYSTEM_FILE
    packaged.parent.mkdir(parents=True)
    packaged.write_bytes(sf.MINIMAL.read_bytes())
    _installed_at(monkeypatch, package)
    assert default_system_path() == packaged
    s = load_system()
    assert s.id == "minimal"
    assert s.path == str(packaged)


def test_default_path_falls_back_to_the_checkout(tmp_path, monkeypatch):
    """A source checkout reads ``<top>/indicators/`` beside ``src/``."""
    package = tmp_path / "src" / "clusterscore"
    package.mkdir(parents=True)
    candidate = tmp_path / "indicators" / DEFAULT_SYSTEM_FILE
    candidate.parent.mkdir()
    candidate.write_bytes(sf.MINIMAL.read_bytes())
    _installed_at(monkeypatch, package)
    assert default_system_path() == candidate.resolve()


def test_default_path_missing_names_both_places(tmp_path, monkeypatch):
    """Without either copy, ConfigError names the file and both places."""
    package = tmp_path / "src" / "clusterscore"
    package.mkdir(parents=True)
    _installed_at(monkeypatch, package)
    with pytest.raises(ConfigError) as info:
        default_system_path()
    msg = str(info.value)
    assert msg.startswith(
        f"{DEFAULT_SYSTEM_FILE}: the default indicator system is missing; "
        f"looked in {package / '_indicators' / DEFAULT_SYSTEM_FILE} and "
    )
    assert str(tmp_path / "indicators" / DEFAULT_SYSTEM_FILE) in msg


def test_wheel_carries_the_indicator_files():
    """The wheel target copies ``indicators/`` to ``clusterscore/_indicators``.

    That is where `default_system_path` looks first in an installed
    package; ``.ci/run`` installs the package and loads it from elsewhere.
    """
    with (REPO / "pyproject.toml").open("rb") as fh:
        build = tomllib.load(fh)["tool"]["hatch"]["build"]["targets"]
    assert build["wheel"]["force-include"]["indicators"] == (
        "clusterscore/_indicators"
    )


def test_top_level_tables_are_the_documented_ones():
    """Every top-level table the reader accepts, in reading order."""
    assert TOP_LEVEL == (
        "meta",
        "references",
        "type",
        "dimension",
        "raw",
        "indicator",
        "judgments",
        "target",
        "recommendation",
    )


def test_deeply_nested_arrays_are_a_config_error(tmp_path):
    """500 nested arrays: ConfigError naming the file (issue 16 item 10).

    Not a RecursionError.
    """
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_system(path)
    assert str(info.value).startswith(f"{path}: ")
    assert "nested too deeply" in str(info.value)
    assert info.value.path == str(path)
