from soptui.api import RuleTester

from soptui_balangan.jabatan import ApprovedJabatan
from soptui_balangan.nomor import NomorPattern
from soptui_balangan.perbup import PerbupOrganisasi

BALANGAN = 'instansi = "Pemerintah Kabupaten Balangan"\nunit = "Kecamatan Awayan"\n'


def test_nomor_pattern_accepts_both_seed_forms_and_reports_others():
    tester = RuleTester(NomorPattern)
    tester.assert_valid(BALANGAN + 'nomor = "071/02/KEC.AWY/VII/2023"\n')
    tester.assert_valid(BALANGAN + 'nomor = "01/SOP/KEC-LPHG/III/2024"\n')
    tester.assert_invalid(BALANGAN + 'nomor = "SOP-7/2023"\n', [{"line": 3, "message": "numbering pattern"}])
    tester.assert_valid('unit = "Kecamatan Wangon"\nnomor = "067 / 1394 / 2021"\n')  # not Balangan


def test_nomor_pattern_option():
    RuleTester(NomorPattern, options={"pattern": r"^SOP-\d+/\d{4}$"}).assert_valid(BALANGAN + 'nomor = "SOP-7/2023"\n')


def test_jabatan_fix_writes_the_approved_spelling():
    tester = RuleTester(ApprovedJabatan)
    fragment = BALANGAN + '\n[disahkan_oleh]\njabatan = "CAMAT AWAYAN"\n\n[pelaksana]\ncamat = "Camat"\nlurah = "Lurah"\n'
    tester.assert_invalid(fragment, [
        {"line": 4 + 1, "message": "spelled 'Camat Awayan'"},
        {"line": 9, "message": "not in Kabupaten Balangan's list"},
    ])
    tester.assert_fix(fragment.replace('lurah = "Lurah"\n', ""),
                      fragment.replace('lurah = "Lurah"\n', "").replace("CAMAT AWAYAN", "Camat Awayan"))


def test_perbup_on_kecamatan_organisation():
    tester = RuleTester(PerbupOrganisasi)
    tester.assert_invalid(BALANGAN + 'dasar_hukum = ["Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"]\n',
                          [{"line": 3, "severity": "info"}])
    tester.assert_valid(BALANGAN + 'dasar_hukum = ["Peraturan Bupati Balangan Nomor 40 Tahun 2016 tentang '
                        'Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan"]\n')
