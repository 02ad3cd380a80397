from soptui.rules.identity_completeness import IdentityCompleteness, is_placeholder
from soptui.rules.missing_section import MissingSection
from soptui.testing import RuleTester

COMPLETE = '''nomor = "071/02/KEC.AWY/VII/2023"
instansi = "Pemerintah Kabupaten Balangan"
tanggal_pembuatan = 2023-07-26
tanggal_efektif = 2023-07-26
kualifikasi_pelaksana = ["Memahami peraturan kepegawaian"]
keterkaitan = ["SOP Perjanjian Kinerja"]
peralatan_perlengkapan = ["Komputer"]
peringatan = ["Jika SOP tidak dilaksanakan, laporan terlambat"]
pencatatan_pendataan = ["Disimpan sebagai arsip"]
'''


def test_placeholders():
    for value in (None, "", "-", " - ", "..../..../....", "xxx", "___/___/2023"[:7], "…", "-/-/-"):
        assert is_placeholder(value), value
    for value in ("071/02/KEC.AWY/VII/2023", "Kecamatan X", "x1"):
        assert not is_placeholder(value), value


def test_complete_identity_passes():
    RuleTester(IdentityCompleteness).assert_valid(COMPLETE)
    RuleTester(MissingSection).assert_valid(COMPLETE)


def test_placeholder_nomor_and_missing_dates():
    text = COMPLETE.replace('"071/02/KEC.AWY/VII/2023"', '"..../..../...."').replace("tanggal_efektif = 2023-07-26\n", "")
    RuleTester(IdentityCompleteness).assert_invalid(text, [
        {"line": 1, "message": "Tanggal Efektif tidak diisi"},
        {"line": 1, "pointer": "/nomor", "severity": "error", "message": "is blank or a placeholder"},
    ])
    RuleTester(IdentityCompleteness).assert_invalid(COMPLETE.replace('"071/02/KEC.AWY/VII/2023"', '"-"'),
                                                    [{"line": 1, "message": "'-'"}])
    RuleTester(IdentityCompleteness).assert_invalid(COMPLETE.replace('"071/02/KEC.AWY/VII/2023"', '"SOP/KEC/.../..."'),
                                                    [{"message": "placeholder"}])


def test_no_nomor_key():
    RuleTester(IdentityCompleteness).assert_invalid(COMPLETE.replace('nomor = "071/02/KEC.AWY/VII/2023"\n', ""),
                                                    [{"message": "no `nomor` key"}])


def test_placeholder_unit():
    RuleTester(IdentityCompleteness).assert_invalid('unit = "..."\n' + COMPLETE, [{"line": 1, "message": "the unit '...'"}])


def test_empty_missing_and_placeholder_sections_and_instansi():
    text = (COMPLETE.replace('peralatan_perlengkapan = ["Komputer"]', "peralatan_perlengkapan = []")
            .replace('["Jika SOP tidak dilaksanakan, laporan terlambat"]', '["-"]')
            .replace('pencatatan_pendataan = ["Disimpan sebagai arsip"]\n', "")
            .replace('instansi = "Pemerintah Kabupaten Balangan"\n', ""))
    RuleTester(MissingSection).assert_invalid(text, [
        {"line": 1, "message": "Pencatatan dan Pendataan"},
        {"line": 1, "message": "no Agency"},
        {"line": 6, "severity": "warning", "message": "Peralatan/Perlengkapan"},
        {"line": 7, "message": "the Warnings section is empty"},
    ])


def test_a_nomor_with_a_blank_part():
    for nomor in ("070/ /35.07.25/2017", "140 / / SK / PDB / 2022", "800/..../2023"):
        RuleTester(IdentityCompleteness).assert_invalid(COMPLETE.replace("071/02/KEC.AWY/VII/2023", nomor),
                                                        [{"pointer": "/nomor", "message": "has a part left blank"}])
