from soptui.rules.doubled_word import DoubledWord
from soptui.rules.duplicate_item import DuplicateItem
from soptui.testing import RuleTester


def test_distinct_items_pass():
    RuleTester(DuplicateItem).assert_valid('keterkaitan = ["Rencana Aksi", "Rencana Aksi Individu"]\n'
                                           'peralatan_perlengkapan = ["ATK", "Printer"]\n')


def test_the_same_item_twice_ignoring_case_and_punctuation():
    text = ('keterkaitan = ["Rencana Aksi", "DPA", "rencana aksi."]\n'
            '[[langkah]]\nno = 1\nkegiatan = "Memulai"\nkelengkapan = ["Disposisi", "Disposisi"]\n')
    RuleTester(DuplicateItem).assert_invalid(text, [
        {"line": 1, "pointer": "/keterkaitan/2", "message": "'rencana aksi.' is already listed at item 1 of Related SOPs"},
        {"line": 5, "step": 1, "message": "item 1 of the Requirements of step 1"},
    ])


def test_the_fix_removes_the_repeat():
    RuleTester(DuplicateItem).assert_fix('peralatan_perlengkapan = ["ATK", "Printer", "ATK"]\n',
                                         'peralatan_perlengkapan = ["ATK", "Printer"]\n')


def test_no_doubled_word_and_hyphenated_reduplication_pass():
    RuleTester(DoubledWord).assert_valid(
        'dasar_hukum = ["Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"]\n'
        'peringatan = ["Masing-masing pegawai mengisi data-data kinerja"]\n')


def test_doubled_words_anywhere_and_their_fix():
    text = ('dasar_hukum = ["Undang-Undang Nomor 25 Tahun 2009 tentang tentang Pelayanan Publik"]\n'
            '[[langkah]]\nno = 1\nkegiatan = "Memeriksa Data data kinerja"\n')
    RuleTester(DoubledWord).assert_invalid(text, [
        {"line": 1, "message": "'tentang tentang'"},
        {"line": 4, "step": 1, "message": "the word 'Data' is written twice"},
    ])
    RuleTester(DoubledWord).assert_fix('peringatan = ["Jika jika tidak dilaksanakan"]\n',
                                       'peringatan = ["Jika tidak dilaksanakan"]\n')


def test_texts_found_clean_before_do_not_hide_a_doubled_word_beside_them(monkeypatch):
    from soptui.rules import doubled_word

    monkeypatch.setattr(doubled_word, "_CLEAN", set())
    clean = 'peringatan = ["Jika tidak dilaksanakan"]\n'
    RuleTester(DoubledWord).assert_valid(clean)
    assert "Jika tidak dilaksanakan" in doubled_word._CLEAN
    RuleTester(DoubledWord).assert_valid(clean)  # every text known clean: no sieve at all
    doubled = 'peringatan = ["Jika tidak dilaksanakan", "Data data kinerja"]\n'
    RuleTester(DoubledWord).assert_invalid(doubled, [{"pointer": "/peringatan/1", "message": "'Data data'"}])
    assert "Data data kinerja" not in doubled_word._CLEAN


def test_the_texts_kept_as_clean_are_bounded(monkeypatch):
    from soptui.rules import doubled_word

    monkeypatch.setattr(doubled_word, "_CLEAN", set())
    monkeypatch.setattr(doubled_word, "_CLEAN_KEPT", 2)
    sizes = []
    for n in range(4):
        RuleTester(DoubledWord).assert_valid(f'peringatan = ["Teks {n}", "Lain {n}"]\n')
        sizes.append(len(doubled_word._CLEAN))
    assert sizes[0] >= 2 and sizes == sizes[:1] * 4  # the first file's texts fill it; no more come in


def test_a_doubled_noun_is_fixed_to_the_plural_its_message_advises_and_only_as_unsafe():
    text = '[[langkah]]\nno = 1\nkegiatan = "Memulai"\nketerangan = "3. Jumlah kelompok kelompok aktif"\n'
    (finding,) = RuleTester(DoubledWord).findings(text)
    assert "'kelompok-kelompok'" in finding.message.id and "'kelompok-kelompok'" in finding.fix.description.id
    assert "sekali" not in finding.fix.description.id
    RuleTester(DoubledWord).assert_fix(text, text.replace("kelompok kelompok", "kelompok-kelompok"), unsafe=True)
    # each pair its way, each half as written
    RuleTester(DoubledWord).assert_fix('peringatan = ["Data data dan dan DATA DATA"]\n',
                                       'peringatan = ["Data-data dan DATA-DATA"]\n', unsafe=True)
