"""Lint everything that can be read: structural defects and format constraints are findings,
the rest of the file is still checked, suppressed, baselined and seen by the corpus rules."""

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from soptui.builtin import builtin_rules
from soptui.checker.engine import Checker
from soptui.cli import main
from soptui.loading.loader import load_text

ROOT = Path(__file__).resolve().parent.parent
WANGON = ROOT / "sops" / "wangon" / "pengukuran-kinerja.toml"
NOMOR = re.compile(r'^nomor = ".*"$', re.M)


def lint_json(capsys, *args):
    code = main(["lint", *map(str, args), "--format", "json", "--quiet", "--no-cache"])
    return code, json.loads(capsys.readouterr().out)["findings"]


@pytest.fixture
def wangon(tmp_path):
    folder = tmp_path / "sops" / "wangon"
    folder.mkdir(parents=True)
    path = folder / WANGON.name
    shutil.copy(WANGON, path)
    return path


def test_wangon_with_a_blank_nomor_keeps_every_finding_and_adds_one(wangon, capsys):
    code, usual = lint_json(capsys, wangon)
    assert code == 1 and len(usual) >= 17  # 26 before the seeds marked their lost actor columns
    wangon.write_text(NOMOR.sub('nomor = ""', WANGON.read_text(), count=1))
    code, findings = lint_json(capsys, wangon)
    assert code == 1
    added = Counter((f["code"], f["pointer"]) for f in findings)
    added.subtract(Counter((f["code"], f["pointer"]) for f in usual))
    assert +added == Counter({("SOP305", "/nomor"): 1})
    assert not any(f["code"] in ("SOP000", "SOP001") for f in findings)


def test_the_blank_nomor_finding_can_be_suppressed(wangon, capsys):
    wangon.write_text(NOMOR.sub('nomor = ""  # soptui: ignore[identity-completeness] -- diisi bagian umum',
                                WANGON.read_text(), count=1))
    code, findings = lint_json(capsys, wangon)
    assert not [f for f in findings if f["code"] in ("SOP305", "SOP002")]


def test_the_blank_nomor_finding_can_be_baselined(wangon, tmp_path, capsys):
    wangon.write_text(NOMOR.sub('nomor = ""', WANGON.read_text(), count=1))
    baseline = tmp_path / "baseline.json"
    assert main(["lint", str(wangon), "--quiet", "--no-cache", "--write-baseline", str(baseline)]) == 1
    capsys.readouterr()
    code, findings = lint_json(capsys, wangon, "--baseline", baseline)
    assert (code, findings) == (0, [])


def test_a_structural_defect_is_a_finding_that_can_be_suppressed_and_fixed(wangon, capsys):
    text = WANGON.read_text().replace("tanggal_revisi = 2020-12-21", 'tanggal_revisi = "2020-12-21"')
    assert text != WANGON.read_text()
    wangon.write_text(text)
    code, findings = lint_json(capsys, wangon)
    [quoted] = [f for f in findings if f["code"] == "SOP013"]
    assert code == 1 and quoted["name"] == "date-as-text" and quoted["fix"]["edits"] == [
        {"pointer": "/tanggal_revisi", "value": "2020-12-21"}]
    usual = lint_json(capsys, WANGON)[1]
    assert len(findings) == len(usual) + 1  # every other rule still ran
    assert main(["lint", str(wangon), "--fix", "--quiet", "--no-cache"]) == 1
    assert "\ntanggal_revisi = 2020-12-21\n" in wangon.read_text()  # unquoted again
    capsys.readouterr()
    wangon.write_text(text.replace('"2020-12-21"', '"2020-12-21"  # soptui: ignore[date-as-text]'))
    code, findings = lint_json(capsys, wangon)
    assert not [f for f in findings if f["code"] in ("SOP013", "SOP002")]


PEER = '''nama = "SOP Pengarsipan Data"
nomor = "001/SOP/CONTOH/2024"
unit = "Kecamatan Contoh"
keterkaitan = ["SOP Pengumpulan Data"]

[pelaksana]
camat = "Camat"

[[langkah]]
no = 1
kegiatan = "Mengarsipkan data"
pelaksana = "camat"
'''
REFERENCED = '''nama = "SOP Pengumpulan Data"
nomor = "002/SOP/CONTOH/2024"
unit = "Kecamatan Contoh"

[pelaksana]
camat = "Camat"

[[langkah]]
no = 1
kegiatan = "Mengumpulkan data"
pelaksana = "camat"
'''


@pytest.mark.parametrize("defect, unresolved", [
    (lambda text: text, False),
    (lambda text: text.replace('nomor = "002/SOP/CONTOH/2024"', 'nomor = ""'), False),
    (lambda text: text.replace('nomor = "002/SOP/CONTOH/2024"', "nomor = 2"), False),  # structural
    (lambda text: text.replace("no = 1", 'no = "1"'), False),  # a broken step: keterkaitan still read
    (lambda text: text.replace('nama = "SOP Pengumpulan Data"', 'nama = "SOP Pengumpulan Data'), True),  # unreadable
])
def test_a_file_with_a_defect_still_feeds_the_corpus_rules(tmp_path, capsys, defect, unresolved):
    (tmp_path / "peer.toml").write_text(PEER)
    (tmp_path / "referenced.toml").write_text(defect(REFERENCED))
    _, findings = lint_json(capsys, tmp_path)
    assert any(f["code"] == "SOP401" and f["path"].endswith("peer.toml") for f in findings) == unresolved


def codes(text):
    checker = Checker([("builtin", cls) for cls in builtin_rules()])
    return Counter(f.code for f in checker.check_loaded(load_text(text, "sops/wangon/x.toml")).findings)


@pytest.mark.parametrize("line, variants, code", [
    ('nomor = "067 / 1394 / 2021"', ['nomor = ""', 'nomor = " "', 'nomor = "\\t"'], "SOP305"),
    ('camat = "CAMAT"', ['camat = ""', 'camat = "  "'], "SOP020"),
    ('kegiatan = "Penggandaan dokumen pengukuran kinerja"', ['kegiatan = ""', 'kegiatan = " "'], "SOP020"),
    ('waktu = "15 menit"', ['waktu = ""', 'waktu = " "'], "SOP102"),
])
def test_a_blank_value_has_one_code_whatever_its_white_space(line, variants, code):
    text = WANGON.read_text()
    assert line in text
    usual = codes(text)
    for variant in variants:
        found = codes(text.replace(line, variant, 1))
        found.subtract(usual)
        assert +found == Counter({code: 1}), variant


def test_a_blank_jabatan_has_one_code_whatever_its_white_space():
    awayan = (ROOT / "sops" / "awayan" / "pengukuran-kinerja-triwulan.toml").read_text()
    usual = codes(awayan)
    for blank in ('""', '" "'):
        found = codes(awayan.replace('jabatan = "CAMAT AWAYAN"', f"jabatan = {blank}"))
        found.subtract(usual)
        assert +found == Counter({"SOP301": 1}), blank


@pytest.mark.parametrize("simbol", ['"Proses"', '"PROSES"', '" proses"', '"lingkaran"', '"Lingkaran"'])
def test_every_simbol_off_the_standard_is_flow_symbol(simbol):
    text = WANGON.read_text()
    step = 'kegiatan = "Penggandaan dokumen pengukuran kinerja"'
    found = codes(text.replace(step, f"simbol = {simbol}\n{step}", 1))
    found.subtract(codes(text))
    assert +found == Counter({"SOP206": 1})


def test_a_simbol_in_capitals_is_fixed_to_lowercase(wangon, capsys):
    step = 'kegiatan = "Penggandaan dokumen pengukuran kinerja"'
    wangon.write_text(WANGON.read_text().replace(step, f'simbol = "Proses"\n{step}', 1))
    main(["lint", str(wangon), "--fix", "--quiet", "--no-cache"])
    assert f'simbol = "proses"\n{step}' in wangon.read_text()


@pytest.mark.parametrize("old, new, broken, kind", [
    ('no = 13', 'no = "13"', {"langkah.no"}, "wrong-type"),
    ('waktu = "15 menit"', "waktu = 15", {"langkah.waktu"}, "wrong-type"),
    ("[pelaksana]", "[pelaksanaa]", {"pelaksana"}, "unknown-key"),  # misspelt: not taken as absent
])
def test_a_structural_defect_skips_only_the_rules_that_read_it(old, new, broken, kind):
    text = WANGON.read_text()
    assert old in text
    result = load_text(text.replace(old, new, 1), "sops/wangon/x.toml")
    assert result.sop is None and result.draft is not None
    assert kind in {p.kind for p in result.problems}
    assert result.draft.broken == broken
    checker = Checker([("builtin", cls) for cls in builtin_rules()])
    ran = {f.code for f in checker.check_loaded(result).findings}
    skipped = {cls.code for cls in builtin_rules() if cls.reads_broken(result.draft.broken)}
    assert skipped and not ran & skipped
    usual = {f.code for f in checker.check_loaded(load_text(text, "sops/wangon/x.toml")).findings}
    assert usual - skipped <= ran  # every rule that does not read the broken input still reports


def test_langkah_not_an_array_of_tables_is_a_structural_finding():
    result = load_text(REFERENCED.replace("[[langkah]]", "[langkah]"), "x.toml")
    assert [(p.kind, p.pointer) for p in result.problems] == [("wrong-type", "/langkah")]
    assert result.draft.langkah == () and result.draft.broken == {"langkah"}
    checker = Checker([("builtin", cls) for cls in builtin_rules()])
    ran = {f.code for f in checker.check_loaded(result).findings}
    assert "SOP010" in ran and "SOP306" in ran  # the identity rules still ran


def test_a_stale_suppression_of_a_structural_code_is_reported(wangon, capsys):
    wangon.write_text(WANGON.read_text().replace("tanggal_revisi = 2020-12-21",
                                                 "tanggal_revisi = 2020-12-21  # soptui: ignore[date-as-text]"))
    _, findings = lint_json(capsys, wangon)
    assert [f["message"] for f in findings if f["code"] == "SOP002"] == ["penekanan tidak terpakai: date-as-text"]


def test_every_built_in_rule_declares_what_it_reads():
    # a rule without `needs` is skipped whenever anything in the file is broken: right for a
    # plugin that does not say, a loss for a built-in rule
    from soptui.model import SECTIONS

    known = {"nama", "nomor", "instansi", "unit", "alamat", "tanggal_pembuatan", "tanggal_revisi",
             "tanggal_efektif", *SECTIONS, "hilang_di_sumber", "disahkan_oleh", "pelaksana", "langkah"}
    for cls in builtin_rules():
        assert cls.needs is not None, cls.name
        for need in cls.needs:
            assert need.split(".")[0] in known, (cls.name, need)


@pytest.mark.parametrize("written", ["20201221", "2020-W52-1", "2020-356", "21-12-2020"])
def test_a_quoted_date_gets_its_fix_only_in_the_form_toml_writes(wangon, capsys, written):
    # Python 3.11's date.fromisoformat reads the first three; 3.10's does not: the finding
    # must not depend on the Python that runs the lint
    wangon.write_text(WANGON.read_text().replace("tanggal_revisi = 2020-12-21", f'tanggal_revisi = "{written}"'))
    _, findings = lint_json(capsys, wangon)
    [quoted] = [f for f in findings if f["code"] == "SOP013"]
    assert quoted.get("fix") is None and "bukan tanggal" in quoted["message"], quoted
