"""The position scanner: every key and array item of a TOML document maps to its line and column."""

from soptui.loading.positions import scan
from soptui.source import Pos

DOCUMENT = '''#:schema ../../schemas/sop.schema.json
nama = "Pelaksanaan Pengukuran Kinerja Triwulan"  # a comment
dasar_hukum = [
  "Peraturan Pemerintah Nomor 46 Tahun 2011",  # first
  'literal, with "quotes" and [brackets]',
]
catatan = """
multi-line [not a table]
nama = "not a key"
"""

[disahkan_oleh]
jabatan = "Camat Awayan"

[pelaksana]
camat = "Camat"

[[langkah]]
no = 1
kelengkapan = ["Disposisi Surat", "Map"]
inline = { a = 1, b = [2.5, 3] }

# soptui: ignore[step-numbering]
[[langkah]]
no = 8
waktu = "10 menit"
'''


def test_keys_items_tables_and_array_of_tables():
    positions = scan(DOCUMENT).positions
    assert positions["/nama"] == Pos(2, 1)
    assert positions["/dasar_hukum/0"] == Pos(4, 3)
    assert positions["/dasar_hukum/1"] == Pos(5, 3)
    assert positions["/catatan"] == Pos(7, 1)
    assert positions["/disahkan_oleh"] == Pos(12, 1)
    assert positions["/disahkan_oleh/jabatan"] == Pos(13, 1)
    assert positions["/langkah/0"] == Pos(18, 1)
    assert positions["/langkah/0/kelengkapan/1"] == Pos(20, 35)
    assert positions["/langkah/0/inline/b/1"] == Pos(21, 29)
    assert positions["/langkah/1"] == Pos(24, 1)
    assert positions["/langkah/1/waktu"] == Pos(26, 1)


def test_text_inside_strings_is_not_taken_for_keys():
    positions = scan(DOCUMENT).positions
    assert "/nama" in positions and positions["/nama"].line == 2  # not line 9, inside the string


def test_comments_and_headers_are_collected():
    source = scan(DOCUMENT)
    own_line = [c.text for c in source.comments if c.own_line]
    trailing = [c.text for c in source.comments if not c.own_line]
    assert own_line == ["#:schema ../../schemas/sop.schema.json", "# soptui: ignore[step-numbering]"]
    assert trailing == ["# a comment", "# first"]
    assert [line for line, _ in source.headers] == [12, 15, 18, 24]


def test_locate_falls_back_to_the_nearest_ancestor():
    source = scan(DOCUMENT)
    assert source.locate("/langkah/1/output/0") == Pos(24, 1)
    assert source.locate("/nothing/here") == Pos(1, 1)


def test_dotted_keys_and_nested_array_tables():
    source = scan('a.b = 1\n[[t]]\nx = 1\n[t.sub]\ny = 2\n[[t]]\nx = 2\n')
    assert source.positions["/a/b"] == Pos(1, 1)
    assert source.positions["/t/0/sub/y"] == Pos(5, 1)
    assert source.positions["/t/1/x"] == Pos(7, 1)


# -- the lazy locator agrees with the full scan ------------------------------------------------

import glob
from pathlib import Path

import pytest

from soptui.loading.locate import LazySource

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(glob.glob(str(ROOT / "sops/**/*.toml"), recursive=True))

SIMPLE = '''nama = "A"  # trailing, with words
unit = "B"
dasar_hukum = [
  "Satu, dua",  # first item
  'dua # not a comment',
  "tiga",
]
kelengkapan = ["a", 'b', "c # d"]  # x y
tanggal = 2023-07-26

[disahkan_oleh]
nama = "C"

[[langkah]]
no = 1
kelengkapan = [ "Formulir kinerja", "Komputer/Laptop" ]

[[langkah]]
no = 2
output = [
  "x", "y",
  "z",
]
'''


# Indented tables and keys, a key that begins another's name, an item that looks like a key,
# and a last line with no newline after it.
INDENTED = '''nomor = "1/2/2023"
no = 3
  [pelaksana]
  camat = "Camat"
  [[langkah]]
    no = 1
    nomor_urut = 4
    kelengkapan = [
      "waktu = 5 menit",  # [not a table]
      "b",
    ]
    waktu = "5 menit"
  [[langkah]]
    no = 2
    output = ["x"]'''


# A comment after a header: the header still names its table (and steps keep their index).
COMMENTED_HEADER = 'nama = "A"\n\n[[langkah]]  # first\nno = 1\n\n[[langkah]]\nno = 2\n\n[disahkan_oleh] # x\nnama = "B"\n'
# Arrays of tables other than [[langkah]], as in a regulation registry.
ARRAYS = ('[[regulation]]\nkind = "pp"\nnomor = "5"\n\n[[regulation]]\nkind = "uu"\n'
          'replaced_by = ["PP 1/2020", "PP 2/2021"]\n')
# Quoted and dotted keys, which the line reader leaves to the full scan.
ODD_KEYS = ('nama = "A"\ndisahkan_oleh.nama = "B"\n"unit" = "C"\n\n[[langkah]]\nno = 1\n'
            "'kegiatan' = \"x\"\n  pelaksana.camat = \"y\"\n\n[[langkah]]\nno = 2\n")
# A quoted key holding a dot beside the dotted key of the same letters: /a.b is not /a/b.
DOT_IN_QUOTES = 'nama = "A"\n"a.b" = 1\na.b = 2\n\n[[langkah]]\nno = 1\n'
# A quoted header naming the same array of tables as the bare ones around it.
QUOTED_HEADER = 'nama = "A"\n\n[[langkah]]\nno = 1\n\n[["langkah"]]\nno = 2\n\n[[ langkah ]]\nno = 3\n'


@pytest.mark.parametrize("text", [SIMPLE, DOCUMENT, INDENTED, SIMPLE.replace("\n", "\r\n"), COMMENTED_HEADER, ARRAYS,
                                  ODD_KEYS, DOT_IN_QUOTES, QUOTED_HEADER]
                         + [Path(p).read_text() for p in SAMPLES],
                         ids=["simple", "document", "indented", "crlf", "commented-header", "arrays", "odd-keys",
                              "dot-in-quotes", "quoted-header"]
                         + [Path(p).name for p in SAMPLES])
def test_lazy_locate_matches_full_scan_for_every_pointer(text):
    full = scan(text)
    for pointer, expected in full.positions.items():
        assert LazySource(text).locate(pointer) == expected, pointer


def test_lazy_locate_reads_simple_files_without_the_full_scan():
    source = LazySource(SIMPLE)
    assert source.locate("/dasar_hukum/2") == Pos(6, 3)
    assert source.locate("/langkah/1/output/2") == Pos(22, 3)
    assert "full" not in vars(source)
    arrays = LazySource(ARRAYS)
    assert arrays.locate("/regulation/1/replaced_by/1") == Pos(7, 29)
    assert "full" not in vars(arrays)


@pytest.mark.parametrize("line", ['"unit" = "C"', "'unit' = 'C'", 'disahkan_oleh.nama = "B"', '  a.b.c = 1'])
def test_a_quoted_or_dotted_key_leaves_the_other_lookups_to_the_line_reader(line):
    text = f'nama = "A"\n\n[[langkah]]\nno = 1\n\n[[langkah]]\nno = 2\n{line}\n'
    source = LazySource(text)
    assert source.locate("/langkah/1") == scan(text).locate("/langkah/1") == Pos(6, 1)
    assert source.locate("/langkah/1/no") == scan(text).locate("/langkah/1/no") == Pos(7, 1)
    assert "full" not in vars(source)


def test_a_pointer_through_a_key_that_is_not_bare_is_found_by_the_full_scan():
    source = LazySource(DOT_IN_QUOTES)
    assert source.locate("/a.b") == Pos(2, 1)
    assert "full" in vars(source)
