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


def unit_sop(nama, unit, keterkaitan=()):
    return f'unit = "{unit}"\n' + sop(nama, keterkaitan=keterkaitan)


def test_keterkaitan_resolves_in_the_same_unit_first():
    found = RuleTester(UnresolvedKeterkaitan).findings_in_corpus({
        "lampihong/a.toml": unit_sop("Pelaksanaan Pengukuran Kinerja", "Kecamatan Lampihong",
                                     ["SOP PENGUMPULAN DATA KINERJA", "SOP Perjanjian Kinerja"]),
        "lampihong/b.toml": unit_sop("Perjanjian Kinerja Tahunan", "Kec. Lampihong"),
        "awayan/c.toml": unit_sop("Pengumpulan Data Kinerja Per Triwulan", "Kecamatan Awayan"),
    })
    assert [(f.path, f.line) for f in found] == [("lampihong/a.toml", 3)]
    assert ("found only in another unit: 'Pengumpulan Data Kinerja Per Triwulan' (Kecamatan Awayan, awayan/c.toml)"
            in found[0].message.en)


def test_keterkaitan_naming_the_sop_itself():
    found = RuleTester(UnresolvedKeterkaitan).findings_in_corpus({
        "a.toml": sop("Pengukuran Kinerja", keterkaitan=["SOP Pengukuran Kinerja", "SOP Pengukuran"]),
        "b.toml": sop("Pengukuran Kinerja Triwulan"),
    })
    assert [(f.line, "itself" in f.message.en) for f in found] == [(2, True)]


def test_a_title_containing_the_name_found_through_the_index():
    from soptui.rules.unresolved_keterkaitan import TitleIndex
    index = TitleIndex()
    for title, path in [("pengumpulan data kinerja per triwulan", "a"), ("rapat", "b"), ("data kinerja", "c")]:
        index.add(title, path)
    assert sorted(index.matches("data kinerja")) == ["a", "c"]
    assert sorted(index.matches("pelaksanaan rapat koordinasi")) == ["b"]
    assert index.matches("perjanjian kinerja") == set()
    index.remove("data kinerja", "c")  # kept up to date once its runs are built
    index.add("laporan data kinerja", "d")
    assert sorted(index.matches("data kinerja")) == ["a", "d"]


def test_a_name_is_cut_into_runs_of_the_lengths_titles_have_as_they_come_and_go():
    from soptui.rules.unresolved_keterkaitan import TitleIndex
    index = TitleIndex()
    index.add("rapat", "a")
    index.add("rapat", "b")
    index.remove("rapat", "a")  # another title of one word is left: the one-word runs are still looked up
    assert index.matches("pelaksanaan rapat koordinasi") == {"b"}
    index.remove("rapat", "b")
    assert index.matches("pelaksanaan rapat koordinasi") == set()
    index.add("arsip", "c")  # a one-word title again
    assert index.matches("pengelolaan arsip dinas") == {"c"}
    index.remove("absent title", "x")  # a title it never held changes nothing
    assert index.matches("arsip tahunan") == {"c"}


def test_a_scan_of_the_titles_finds_what_the_index_finds():
    from soptui.rules.unresolved_keterkaitan import TitleIndex
    index = TitleIndex()
    for title, path in [("pengumpulan data kinerja per triwulan", "a"), ("rapat", "b"), ("data kinerja", "c"),
                        ("data kinerjaku", "e"), ("laporan data", "f")]:
        index.add(title, path)
    names = ["data kinerja", "pelaksanaan rapat koordinasi", "perjanjian kinerja", "data", "kinerja per", "rapat"]
    scanned = [index.matches(name, scan=True) for name in names]
    assert index._runs == {}  # the scans built no index of runs
    assert scanned == [index.matches(name) for name in names]
    assert scanned[0] == {"a", "c"} and scanned[3] == {"a", "c", "e", "f"}  # whole words: not "kinerjaku"


def test_keterkaitan_items_that_are_documents_are_info():
    from soptui.rules.keterkaitan_not_sop import KeterkaitanNotSop
    tester = RuleTester(KeterkaitanNotSop)
    tester.assert_valid('keterkaitan = ["SOP Perjanjian Kinerja", "Penyusunan Laporan Kinerja", "Prosedur Rapat"]\n')
    tester.assert_invalid('keterkaitan = ["Renstra", "SOP Rapat", "DPA", "SK Tim Sakip"]\n', [
        {"pointer": "/keterkaitan/0", "severity": "info", "message": "'Renstra' is a document, not an SOP"},
        {"pointer": "/keterkaitan/2"}, {"pointer": "/keterkaitan/3"}])


def test_duplicate_nomor_names_a_large_group_once_not_every_member():
    files = {f"s{i:04d}.toml": sop(f"S {i}", nomor="067/1394/2021") for i in range(50)}
    found = RuleTester(DuplicateNomor).findings_in_corpus(files)
    assert len(found) == 50
    assert found[0].message.en == ("the SOP number '067/1394/2021' is also used by 49 other SOPs, "
                                   "among them s0001.toml, s0002.toml, s0003.toml")
    assert found[1].message.en.endswith("among them s0000.toml, s0002.toml, s0003.toml")  # never itself
