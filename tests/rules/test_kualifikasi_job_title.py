from soptui.rules.kualifikasi_job_title import KualifikasiJobTitle, is_job_title
from soptui.testing import RuleTester


def test_competences_pass_even_when_they_name_a_jabatan():
    RuleTester(KualifikasiJobTitle).assert_valid(
        'kualifikasi_pelaksana = ["Memahami peraturan tentang kepegawaian", "Mampu mengoperasikan komputer",\n'
        '  "Pelaksana berpendidikan minimal S1", "Staf yang menguasai aplikasi SIPD", "Kepala Seksi: S1 Administrasi"]\n')


def test_a_list_of_job_titles_is_one_info_finding_at_the_first():
    text = ('kualifikasi_pelaksana = ["Memahami SAKIP", "Camat Sumbersuko", "Sekretaris Kecamatan.",\n'
            '  "Para Kasi Kecamatan Sumbersuko", "- Kasubbag Umum", "Staf Kecamatan"]\n')
    RuleTester(KualifikasiJobTitle).assert_invalid(text, [
        {"pointer": "/kualifikasi_pelaksana/1", "severity": "info",
         "message": "5 of 6 Staff qualifications items are job titles, not competences "
                    "('Camat Sumbersuko', 'Sekretaris Kecamatan', 'Para Kasi Kecamatan Sumbersuko', ...)"},
    ])


def test_what_counts_as_a_job_title():
    assert is_job_title("Kasi Pemerintahan") and is_job_title("Seluruh Pegawai Kecamatan")
    assert is_job_title("Lurah") and is_job_title("1. Kepala Seksi Pelayanan")
    assert not is_job_title("Mengetahui tugas dan fungsi SAKIP")
    assert not is_job_title("Teliti dan cermat")
    assert not is_job_title("Camat yang memahami Permendagri 4/2010")
