from soptui.rules.identity_dates import IdentityDates, nomor_parts
from soptui.testing import RuleTester

tester = RuleTester(IdentityDates)  # today = 2026-11-23


def test_the_seed_identity_blocks_pass():
    tester.assert_valid('nomor = "071/02/KEC.AWY/VII/2023"\ntanggal_pembuatan = 2023-07-26\ntanggal_efektif = 2023-07-26\n')
    tester.assert_valid('nomor = "01/SOP/KEC-LPHG/III/2024"\ntanggal_pembuatan = 2024-03-01\ntanggal_efektif = 2024-03-01\n')
    tester.assert_valid('nomor = "427.101/16.01/2023"\ntanggal_pembuatan = 2018-11-30\n'
                        'tanggal_revisi = 2023-08-25\ntanggal_efektif = 2023-08-25\n')
    tester.assert_valid('nomor = "067 / 1394 / 2021"\ntanggal_pembuatan = 2020-11-23\n'
                        'tanggal_efektif = 2021-01-20\ntanggal_revisi = 2020-12-21\n')


def test_dates_out_of_order_and_in_the_future():
    tester.assert_invalid('tanggal_pembuatan = 2023-07-26\ntanggal_efektif = 2023-02-01\ntanggal_revisi = 2027-01-01\n', [
        {"line": 2, "message": "is before Date made"},
        {"line": 3, "message": "is in the future"},
    ])


def test_nomor_year_and_month_against_the_dates():
    tester.assert_invalid('nomor = "071/02/KEC.AWY/VII/2023"\ntanggal_pembuatan = 2022-07-26\n',
                          [{"line": 1, "message": "year in the SOP number (2023)"}])
    tester.assert_invalid('nomor = "071/02/KEC.AWY/VII/2023"\ntanggal_pembuatan = 2023-03-26\n',
                          [{"line": 1, "message": "month in the SOP number (7)"}])
    assert nomor_parts("067 / 1394 / 2021") == (2021, None)


def test_month_only_dates_compare_by_their_month():
    # September 2019 made, effective 15 September: the same month, not known to be before it
    tester.assert_valid('nomor = "1/IX/2019"\ntanggal_pembuatan = "2019-09"\ntanggal_efektif = 2019-09-15\n')
    tester.assert_valid('tanggal_pembuatan = 2019-09-30\ntanggal_efektif = "2019-09"\n')
    tester.assert_valid('tanggal_pembuatan = "2026-11"\n')  # this month (today is 2026-11-23)
    tester.assert_invalid('tanggal_pembuatan = "2019-09"\ntanggal_efektif = 2019-08-31\ntanggal_revisi = "2026-12"\n', [
        {"line": 2, "message": "Date effective (2019-08-31) is before Date made (2019-09)"},
        {"line": 3, "message": "Date revised (2026-12) is in the future"},
    ])
    # the nomor's year and roman month read a month-only date's year and month
    tester.assert_invalid('nomor = "1/VII/2019"\ntanggal_pembuatan = "2019-09"\n',
                          [{"line": 1, "message": "month in the SOP number (7)"}])
