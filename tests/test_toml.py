"""tomllib decides what is valid TOML: rtoml parses only texts on which the two provably agree.

A differential test on generated TOML text (strings with escapes, times and date-times with and
without seconds, dates, inline tables, arrays, comments): whenever the gate lets rtoml parse a
text, rtoml's answer is tomllib's (the same data, or both refuse it); and `parse`, gate and all,
always answers as tomllib does.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soptui.loading import toml

rtoml = pytest.importorskip("rtoml", reason="rtoml has no wheel for this platform: tomllib parses everything")
tomllib = toml.tomllib()

ESCAPES = st.sampled_from(["\\n", "\\t", "\\\\", '\\"', "\\u00e9", "\\U0001F600", "\\e", "\\x41", "\\xZZ",
                           "\\q", "\\ ", "\\u12", "\\r", "\\b", "\\f", "\\/", "\\uD800", "\\U00110000",
                           "\\u00E9", "\\UFFFFFFFF", "\\\n", "\\  \n", "\\\r\n", "\\\\\\e", "\\'", "\\0", "\\a"])
PLAIN = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters='"\\\n\r'), max_size=12)
BASIC = st.lists(st.one_of(PLAIN, ESCAPES), max_size=5).map(lambda parts: '"' + "".join(parts) + '"')
MULTILINE = st.lists(st.one_of(PLAIN, ESCAPES, st.just("\n")), max_size=5).map(lambda p: '"""' + "".join(p) + '"""')
LITERAL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="'\n\r"), max_size=12).map(
    lambda text: f"'{text}'")
TWO = st.integers(0, 99).map(lambda n: f"{n:02d}")
HOUR = st.one_of(TWO, st.integers(0, 9).map(str), st.just("24"))
SECONDS = st.one_of(st.just(""), TWO.map(lambda s: ":" + s), st.tuples(TWO, st.integers(0, 10**9)).map(
    lambda p: f":{p[0]}.{p[1]}"))
TIME = st.tuples(HOUR, TWO, SECONDS).map(lambda p: f"{p[0]}:{p[1]}{p[2]}")
DATE = st.tuples(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32)).map(
    lambda p: f"{p[0]:04d}-{p[1]:02d}-{p[2]:02d}")
OFFSET = st.sampled_from(["", "Z", "z", "+07:00", "-05:30", "+7:00", "+07"])
DATETIME = st.tuples(DATE, st.sampled_from(["T", " ", "t", "_"]), TIME, OFFSET).map("".join)
NUMBER = st.one_of(st.integers(-10**20, 10**20).map(str), st.floats(allow_nan=True).map(repr),
                   st.sampled_from(["1_000", "0x1F", "0o17", "0b101", "+inf", "-nan", "1e400", "01", "1.", ".5",
                                    "1__0", "0x", "1e", "-0", "+0.0", "true", "false", "True"]))
SCALAR = st.one_of(BASIC, MULTILINE, LITERAL, TIME, DATE, DATETIME, NUMBER)
KEY = st.one_of(st.sampled_from(["nama", "a", "b-c", "no_1", '"quoted key"', "'lit'", "a.b", "é", "1"]))


def _inline(values):
    pairs = [f"{key} = {value}" for key, value in values]
    return st.tuples(st.sampled_from([", ", ",\n", ","]), st.booleans(), st.booleans()).map(
        lambda style: "{" + ("\n" if style[2] else "") + style[0].join(pairs) + ("," if style[1] else "") + "}")


VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.tuples(st.lists(inner, max_size=3), st.booleans(), st.sampled_from([", ", ",\n  "])).map(
            lambda a: "[" + a[2].join(a[0]) + ("," if a[1] and a[0] else "") + "]"),
        st.lists(st.tuples(KEY, inner), max_size=3, unique_by=lambda kv: kv[0]).flatmap(_inline),
    ),
    max_leaves=6,
)
LINE = st.one_of(
    st.tuples(KEY, VALUE).map(lambda kv: f"{kv[0]} = {kv[1]}"),
    st.sampled_from(["[tabel]", "[[langkah]]", "# komentar 07:30", "#:schema ../x.json", "", "\ufeff", "[a.b]"]),
    st.tuples(KEY, VALUE).map(lambda kv: f"{kv[0]} = {kv[1]}  # catatan"),
)
DOCUMENT = st.lists(LINE, min_size=1, max_size=6).map("\n".join)


def _comparable(value):
    """Values as both parsers' results compare: tz-aware date-times by instant and offset (rtoml
    has its own tzinfo class), NaN as a marker (NaN is not equal to itself)."""
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, (dt.datetime, dt.time)):
        return (type(value).__name__, value.replace(tzinfo=None), value.utcoffset())
    return (type(value).__name__, value)


def _answer(parse, text):
    try:
        return "ok", _comparable(parse(text))
    except (ValueError, TypeError, OverflowError) as error:  # rtoml raises its own ValueError subclass
        return "refused", type(error).__name__ if parse is tomllib.loads else None
    except Exception:  # noqa: BLE001 - any refusal counts as one (only the gate's side is judged)
        return "refused", None


def _same(a, b) -> bool:
    return a[0] == b[0] and (a[0] == "refused" or a[1] == b[1])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_where_the_gate_lets_rtoml_parse_rtoml_answers_as_tomllib(text):
    # What rtoml refuses goes to tomllib too (`1e400`: rtoml refuses, tomllib reads inf); what it
    # reads must be what tomllib reads.
    if toml.rtoml_agrees(text):
        answer = _answer(rtoml.loads, text)
        if answer[0] == "ok":
            assert answer == _answer(tomllib.loads, text), text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_parse_answers_as_tomllib_whatever_the_text(text):
    assert _same(_answer(toml.parse, text), _answer(tomllib.loads, text)), text


@pytest.mark.parametrize("text", [
    'nama = "Contoh\\e"', 'nama = "\\x41"', "a = 07:30", "a = 1979-05-27T07:32", "a = {b = 1,}",
    "a = {\nb = 1}", '\ufeffnama = "x"', 'nama = """Contoh\\e"""',
])
def test_what_only_toml_1_1_allows_goes_to_tomllib_and_is_refused(text):
    assert not toml.rtoml_agrees(text)
    with pytest.raises(ValueError):
        toml.parse(text)


def test_the_gate_passes_ordinary_sops():
    from pathlib import Path

    seeds = sorted((Path(__file__).resolve().parent.parent / "sops").rglob("*.toml"))
    assert seeds and all(toml.rtoml_agrees(path.read_text("utf-8")) for path in seeds)


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_an_escape_tomllib_refuses_is_refused_by_validate_and_lint(tmp_path, capsys, command):
    from soptui.cli import main

    (tmp_path / "a.toml").write_text('nama = "Contoh\\e"\nunit = "Kecamatan Contoh"\n\n[[langkah]]\nno = 1\n'
                                     'kegiatan = "Mengumpulkan data"\n', encoding="utf-8")
    assert main([command, str(tmp_path / "a.toml"), *(["--no-cache"] if command == "lint" else [])]) == 1
    out = capsys.readouterr().out
    assert "SOP000" in out and ("a.toml:1:17:" in out or "  1:17:" in out)  # where tomllib points
