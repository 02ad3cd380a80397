"""Tried as a new user would: a real SOP of another field (population administration, Kecamatan
Pendopo Barat, Kabupaten Empat Lawang), transcribed in tests/data/ from a stored public copy."""

import json
from pathlib import Path

from soptui.cli import main

SOP = Path(__file__).parent / "data" / "pendopo-barat-surat-pindah.toml"


def test_its_blank_nomor_superseded_mistitled_and_foreign_citations_are_found(capsys):
    assert main(["lint", str(SOP), "--format", "json", "--no-cache", "--quiet", "--lang", "en"]) == 1
    report = json.loads(capsys.readouterr().out)
    found = {(f["name"], f["line"]): f["message"] for f in report["findings"]}
    assert "has a part left blank" in found[("identity-completeness", 11)]
    assert "Perpres 25/2008 has been superseded; replaced by Perpres 96/2018" in found[("superseded-regulation", 17)]
    assert '"Persyaratan dan Tata Cara Pendaftaran' in found[("citation-title-mismatch", 17)]
    assert "regulation of Kota Medan, not of Kabupaten Empat Lawang" in found[("foreign-region", 19)]
    passive = [f for f in report["findings"] if f["name"] == "kegiatan-active-verb"]
    assert [f["step"] for f in passive] == [1, 2, 3, 4, 5, 6]
    # Perpres 26/2009 (KTP-el) is in the registry since issue 18's second part; Perda Kota Medan 1/2010 is not
    assert report["registry"] == {"checked": 4, "known": 3, "unknown": 1}
