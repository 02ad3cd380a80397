from soptui.rules.duplicate_nomor import DuplicateNomor
from soptui.rules.unresolved_keterkaitan import UnresolvedKeterkaitan
from soptui.testing import RuleTester


def sop(nama, nomor="", keterkaitan=(), keterangan=""):
    lines = [f'nama = "{nama}"']
    if nomor:
        lines.append(f'nomor = "{nomor}"')
    if keterkaitan:
        lines.append("keterkaitan = [" + ", ".join(f'"{k}"' for k in keterkaitan) + "]")
    lines.append(f'[[langkah]]\nno = 1\nkegiatan = "Memulai"\nketerangan = "{keterangan}"')
    return "\n".join(lines) + "\n"


def test_keterkaitan_resolves_by_title_ignoring_case_and_the_word_sop():
    found = RuleTester(UnresolvedKeterkaitan).findings_in_corpus({
        "a.toml": sop("Pelaksanaan Pengukuran Kinerja", keterkaitan=["SOP PENGUMPULAN DATA KINERJA", "IKU"]),
        "b.toml": sop("Pengumpulan Data Kinerja Per Triwulan"),
    })
    assert found == []


def test_unknown_related_sop_and_sop_named_in_keterangan():
    found = RuleTester(UnresolvedKeterkaitan).findings_in_corpus({
        "a.toml": sop("Pengukuran Kinerja", keterkaitan=["SOP Perjanjian Kinerja"],
                      keterangan="SOP Pelaksanaan Rapat"),
    })
    assert [(f.path, f.line, f.step) for f in found] == [("a.toml", 2, None), ("a.toml", 6, 1)]
    assert "'SOP Pelaksanaan Rapat'" in found[1].message.en


def test_duplicate_nomor_reported_in_each_file_ignoring_spaces():
    found = RuleTester(DuplicateNomor).findings_in_corpus({
        "a.toml": sop("A", nomor="067/1394/2021"),
        "b.toml": sop("B", nomor="067 / 1394 / 2021"),
        "c.toml": sop("C", nomor="068/1/2021"),
    })
    assert [(f.path, f.line) for f in found] == [("a.toml", 2), ("b.toml", 2)]
    assert "b.toml" in found[0].message.en
