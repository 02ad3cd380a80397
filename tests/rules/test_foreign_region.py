from soptui.rules.foreign_region import ForeignRegion
from soptui.testing import RuleTester

tester = RuleTester(ForeignRegion)


def sop(instansi, unit, *texts):
    head = (f'instansi = "{instansi}"\n' if instansi else "") + f'unit = "{unit}"\n'
    return head + "dasar_hukum = [\n" + "".join(f'  "{t}",\n' for t in texts) + "]\n"


def test_regulations_of_the_sops_own_region_pass():
    tester.assert_valid(sop("Pemerintah Kabupaten Lumajang", "Kecamatan Sumbersuko",
                            "Peraturan Bupati Lumajang Nomor 5 Tahun 2018 tentang Pedoman Penyusunan Perjanjian Kinerja;",
                            "Perda Kab. Lumajang No. 3 Tahun 2016",
                            "Keputusan Bupati Lumajang Nomor 1 Tahun 2020",
                            "Keputusan Camat Sumbersuko Nomor 2 Tahun 2023",
                            "Peraturan Gubernur Jawa Timur Nomor 10 Tahun 2019",  # its province is not known here
                            "Peraturan Bupati Nomor 5 Tahun 2018",  # names no region
                            "UU 23/2014"))
    tester.assert_valid(sop("Kabupaten Banyumas", "Kecamatan Wangon",
                            "Peraturan Bupati Banyumas Nomor 68 tahun 2018 Tentang Kedudukan, Susunan Organisasi, "
                            "Tugas dan Fungsi, serta Tata Kerja Kecamatan Banyumas."))


def test_an_sop_that_does_not_say_its_region_is_not_checked():
    tester.assert_valid(sop(None, "Kecamatan Contoh", "Peraturan Bupati Banyumas Nomor 68 Tahun 2018"))


def test_regulations_of_another_region():
    tester.assert_invalid(sop("Pemerintah Kabupaten Balangan", "Kecamatan Awayan",
                              "Peraturan Bupati Banyumas Nomor 68 tahun 2018 Tentang Kedudukan",
                              "Perda Kota Mataram Nomor 1 Tahun 2019",
                              "Keputusan Camat Ampenan Nomor 2 Tahun 2023",
                              "Peraturan Wali Kota Balangan Nomor 4 Tahun 2020"), [
        {"line": 4, "pointer": "/dasar_hukum/0", "severity": "warning",
         "message": "Perbup Banyumas 68/2018 adalah peraturan Kabupaten Banyumas, bukan Kabupaten Balangan tempat "
                    "SOP ini berlaku"},
        {"line": 5, "message": "Perda Kota Mataram 1/2019 is a regulation of Kota Mataram, not of Kabupaten Balangan"},
        {"line": 6, "message": "Kep. Camat Ampenan 2/2023 is a decree of the Camat of Ampenan, not of Kecamatan Awayan"},
        {"line": 7, "message": "Perwali Balangan 4/2020 adalah peraturan Kota Balangan"},
    ])


def test_a_kota_sop():
    tester.assert_invalid(sop("Pemerintah Kota Batam", "Kecamatan Batam Kota",
                              "Peraturan Walikota Batam Nomor 4 Tahun 2020",
                              "Peraturan Walikota Mataram Nomor 4 Tahun 2020"), [
        {"line": 5, "message": "Kota Mataram"},
    ])
