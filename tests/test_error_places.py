"""Configuration, registry and SOP load errors said alike: FILE:LINE:COL, soptui's words in the
language asked for, the line of the file with a caret under the column; a BOM no column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soptui.checker.config import ConfigError, load_config
from soptui.loading.loader import load_bytes
from soptui.registry import RegistryError, load_registry

BOM = b"\xef\xbb\xbf"
SEEDS = sorted((Path(__file__).resolve().parent.parent / "sops").rglob("*.toml"))


def _lint(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "soptui", "lint", *args, "sops"], cwd=folder,
                          capture_output=True, text=True)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "sops").mkdir()
    (tmp_path / "sops" / "a.toml").write_bytes(SEEDS[0].read_bytes())
    return tmp_path


def test_a_broken_registry_is_said_as_a_broken_sop_file_is_and_lint_exits_2(corpus):
    (corpus / "soptui.toml").write_text('registries = ["reg.toml"]\n')
    (corpus / "reg.toml").write_text('[[regulation]]\nkind = "pp"\ntahun = = 2011\n')
    with pytest.raises(RegistryError) as raised:
        load_registry([corpus / "reg.toml"])
    text = raised.value.text
    assert text.id.startswith(f"{corpus}/reg.toml:3:9: TOML tidak sah: nilai tidak sah: tanda '=' tertulis dua kali")
    assert text.en.startswith(f"{corpus}/reg.toml:3:9: invalid TOML: invalid value: '=' is written twice")
    assert "Invalid value" not in text.en  # tomllib's words
    assert text.en.endswith("     3 | tahun = = 2011\n       |         ^")
    for lang, words in (("id", "tanda '=' tertulis dua kali"), ("en", "'=' is written twice")):
        run = _lint(corpus, "--lang", lang)
        assert run.returncode == 2, run.stderr  # README: 2, a configuration error
        assert words in run.stderr and "tahun = = 2011" in run.stderr and "Traceback" not in run.stderr


def test_a_configuration_error_shows_its_line_and_a_caret(corpus):
    (corpus / "soptui.toml").write_text('lang = "en"\nselect = = 5\n')
    with pytest.raises(ConfigError) as raised:
        load_config(corpus / "soptui.toml")
    assert raised.value.text.en == (f"{corpus}/soptui.toml:2:10: invalid TOML: invalid value: '=' is written twice\n"
                                    "     2 | select = = 5\n       |          ^")


def test_an_unknown_selector_shows_its_line_and_a_caret(corpus):
    (corpus / "soptui.toml").write_text('select = ["SOP999"]\n')
    run = _lint(corpus, "--lang", "en")
    assert run.returncode == 2
    assert f"{corpus}/soptui.toml:1:11: unknown rule `SOP999`" in run.stderr
    assert '1 | select = ["SOP999"]\n' in run.stderr and "|           ^" in run.stderr


def test_a_configuration_and_a_registry_with_a_bom_are_read_and_placed_without_it(tmp_path):
    (tmp_path / "soptui.toml").write_bytes(BOM + b'bogus = 1\n')
    with pytest.raises(ConfigError, match=r"soptui\.toml:1:1: kunci tidak dikenal"):
        load_config(tmp_path / "soptui.toml")  # was refused as TOML at its BOM
    (tmp_path / "soptui.toml").write_bytes(BOM + b'lang = "en"\n')
    assert load_config(tmp_path / "soptui.toml").lang == "en"
    (tmp_path / "reg.toml").write_bytes(BOM + b'[[regulation]]\nkind = "pp"\nnomor = "99"\ntahun = 2025\n'
                                        b'status = "revoked"\nconfidence = "verified"\nsource = "s"\n')
    assert len(load_registry([tmp_path / "reg.toml"], shipped=False)) == 1
    (tmp_path / "reg.toml").write_bytes(BOM + b'x = "\xff"\n')
    with pytest.raises(RegistryError, match=r"reg\.toml:1:6: bukan teks UTF-8 \(byte 0xFF\)"):
        load_registry([tmp_path / "reg.toml"], shipped=False)


@pytest.mark.parametrize("line", [b'nama = "\xff"\n', b'nama = "\x00"\n'])
def test_a_bom_is_no_column_of_line_1_in_a_load_error(line):
    plain, marked = load_bytes(line, "a.toml"), load_bytes(BOM + line, "a.toml")
    assert marked.problems[0].pos == plain.problems[0].pos == (1, 9)
    assert marked.problems[0].message == plain.problems[0].message  # the byte named is the one there


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.sampled_from(SEEDS), st.data())
def test_a_bom_moves_no_problem_of_a_mutated_seed(seed, data):
    raw = bytearray(seed.read_bytes()[:400])
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, max(0, len(raw) - 1)))
        raw[at:at + 1] = bytes([data.draw(st.sampled_from([0x00, 0xFF, 0xC3, ord("="), ord('"'), ord("\n")]))])
    plain, marked = load_bytes(bytes(raw), "a.toml"), load_bytes(BOM + bytes(raw), "a.toml")
    assert [(p.pos, p.message) for p in marked.problems] == [(p.pos, p.message) for p in plain.problems]
