"""The SOP5xx rules on the shipped seeds: the defects the issue names, and no alarm on the rest."""

import json
from pathlib import Path

import pytest

from soptui.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
SOPS = ROOT / "sops"

EXPECTED = {
    # Lampihong
    ("lampihong/pengukuran-kinerja.toml", "SOP502", 3, "Permendagri 73/2009 sudah diganti"),
    ("lampihong/pengukuran-kinerja.toml", "SOP506", 3, "butir 4 (Permendagri 73/2009) seharusnya sebelum butir 3"),
    ("lampihong/pengukuran-kinerja.toml", "SOP501", 4, "PP 46/2011 sudah dicabut; penggantinya PP 30/2019"),
    ("lampihong/pengukuran-kinerja.toml", "SOP506", 4, "butir 5 (PP 46/2011) seharusnya sebelum butir 2"),
    ("lampihong/pengukuran-kinerja.toml", "SOP502", 5, "Perka BKN 1/2013 sudah diganti"),
    ("lampihong/pengukuran-kinerja.toml", "SOP505", 6, "judul Permendagri 86/2017 terpotong"),
    # Awayan 071/02
    ("awayan/pengukuran-kinerja-triwulan.toml", "SOP501", 0, "PP 46/2011 sudah dicabut; penggantinya PP 30/2019"),
    ("awayan/pengukuran-kinerja-triwulan.toml", "SOP502", 2, "Permendagri 73/2009 sudah diganti"),
    ("awayan/pengukuran-kinerja-triwulan.toml", "SOP502", 4, "Perka BKN 1/2013 sudah diganti"),
    # Awayan 071/03
    ("awayan/pengumpulan-data-kinerja-triwulan.toml", "SOP503", 0,
     "Permendagri 29/2014 yang dikutip adalah Peraturan Presiden"),
    ("awayan/pengumpulan-data-kinerja-triwulan.toml", "SOP506", 1, "butir 2 (PP 12/2019) seharusnya sebelum butir 1"),
    ("awayan/pengumpulan-data-kinerja-triwulan.toml", "SOP506", 2,
     "butir 3 (Permendagri 52/2011) seharusnya sebelum butir 1"),
    # Sumbersuko
    ("sumbersuko/pengukuran-kinerja.toml", "SOP502", 2, "masa berlaku Perpres 81/2010 berakhir pada 2025"),
    ("sumbersuko/pengukuran-kinerja.toml", "SOP502", 4, "KepmenPAN KEP/135/M.PAN/9/2004 sudah diganti"),
    ("sumbersuko/pengukuran-kinerja.toml", "SOP507", 4, "dikutip bersama penggantinya, butir 6 (PermenPANRB 25/2012)"),
    ("sumbersuko/pengukuran-kinerja.toml", "SOP502", 5, "PermenPANRB 25/2012 sudah diganti"),
    ("sumbersuko/pengukuran-kinerja.toml", "SOP502", 6, "PermenPANRB 20/2013 sudah diganti"),
    ("sumbersuko/pengukuran-kinerja.toml", "SOP505", 7, "judul PermenPANRB 53/2014 terpotong"),
}


@pytest.mark.skipif(not (SOPS / "sumbersuko" / "pengukuran-kinerja.toml").is_file(), reason="no shipped sops/")
def test_the_seeds(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(["lint", "sops/", "--select", "SOP5", "--format", "json", "--no-cache", "--quiet"])
    assert code == 1  # two errors: PP 46/2011
    findings = json.loads(capsys.readouterr().out)["findings"]
    found = {(Path(f["path"]).relative_to("sops").as_posix(), f["code"], int(f["pointer"].split("/")[-1]), f["message"])
             for f in findings}
    for path, code, index, message in EXPECTED:
        assert any(p == path and c == code and i == index and message in m for p, c, i, m in found), \
            (path, code, index, message)
    assert len(found) == len(EXPECTED), sorted(found)
    confidences = ("terverifikasi", "sumber sekunder", "rantai penggantian belum dipastikan",
                   "umum diketahui, belum dibaca ulang")
    for _, code, _, message in found:
        if code in ("SOP501", "SOP502", "SOP503", "SOP507"):
            assert any(f"(registri: {words})" in message for words in confidences), message
