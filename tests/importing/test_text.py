"""Importing the seed texts gives the facts of their transcriptions in sops/, field by field.

The fixtures are copies of ../shared/seeds/*.txt (text extracted from public SOP PDFs); each
transcription names its seed, and which of the seed's SOPs it is, on its second line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from soptui.importing.text import read_lines, read_text_file
from soptui.importing.writer import sop_text
from soptui.loading.loader import load_file, load_text
from soptui.model import SECTIONS, MonthDate

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
TRANSCRIPTIONS = sorted((ROOT / "sops").glob("*/*.toml"))
ORDINALS = {"first": 0, "second": 1, "third": 2}
_SEED = re.compile(r"# Seed: \S*?/(?P<seed>[\w]+\.txt)(?:, (?P<which>\w+) document)?")


def imported(transcription: Path):
    header = transcription.read_text(encoding="utf-8").splitlines()[1]
    found = _SEED.match(header)
    assert found, f"{transcription} does not name its seed on its second line"
    drafts = read_text_file(FIXTURES / found["seed"])
    draft = drafts[ORDINALS[found["which"] or "first"]]
    result = load_text(sop_text(draft), f"{transcription.stem}.toml")
    assert result.ok, [problem.render("en") for problem in result.problems]
    return result.sop


def differences(got, want) -> list[str]:
    """Every fact of `want` (the transcription) that `got` (the import) does not have, named."""
    found = []

    def same(name, a, b):
        if a != b:
            found.append(f"{name}: imported {a!r}, transcribed {b!r}")

    for key in ("nama", "nomor", "instansi", "unit", "alamat", "tanggal_pembuatan", "tanggal_revisi",
                "tanggal_efektif", "disahkan_oleh"):
        same(key, getattr(got, key), getattr(want, key))
    same("dasar_hukum", [c.text for c in got.dasar_hukum], [c.text for c in want.dasar_hukum])
    same("hilang_di_sumber", got.hilang_di_sumber, want.hilang_di_sumber)  # the actor columns, lost
    for key in SECTIONS[1:]:
        same(key, getattr(got, key), getattr(want, key))
    # Ids are the importer's own (the transcriber abbreviated some); the jabatan are the document's.
    same("pelaksana", list(got.pelaksana.values()), list(want.pelaksana.values()))
    same("number of steps", len(got.langkah), len(want.langkah))
    for a, b in zip(got.langkah, want.langkah):
        for key in ("no", "kegiatan", "kelengkapan", "waktu", "output", "keterangan"):
            same(f"step {b.no} {key}", getattr(a, key), getattr(b, key))
        if a.pelaksana is not None:  # placed only from what the row prints: must agree
            same(f"step {b.no} pelaksana", got.pelaksana[a.pelaksana], want.pelaksana.get(b.pelaksana))
    return found


@pytest.mark.parametrize("transcription", TRANSCRIPTIONS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_seed_text_imports_to_the_facts_of_its_transcription(transcription):
    want = load_file(transcription).sop
    assert differences(imported(transcription), want) == []


def test_every_seed_is_covered_and_one_holds_two_sops():
    seeds = sorted(path.name for path in FIXTURES.glob("*.txt"))
    assert len(seeds) == 4 and len(TRANSCRIPTIONS) == 5
    assert [len(read_text_file(FIXTURES / seed)) for seed in seeds] == [1, 2, 1, 1]


def test_the_comparison_names_a_difference():
    # The comparison itself must fail when a fact differs.
    want = load_file(ROOT / "sops/wangon/pengukuran-kinerja.toml").sop
    got = want.__class__(**{**want.__dict__, "nomor": "067/1394/2021"})
    assert differences(got, want) == ["nomor: imported '067/1394/2021', transcribed '067 / 1394 / 2021'"]


def test_text_import_leaves_actors_unset_and_says_why():
    text = sop_text(read_text_file(FIXTURES / "004_487b0fd81a30745f.txt")[0])
    sop = load_text(text, "w.toml").sop
    assert all(step.pelaksana is None for step in sop.langkah)
    assert "not the flowchart drawn in" in text
    assert text.startswith("#:schema ")
    assert "# Imported by `soptui import` from 004_487b0fd81a30745f.txt." in text.splitlines()[1]


def test_numbering_defects_are_kept_as_printed():
    text = sop_text(read_text_file(FIXTURES / "001_5daf636721a2d55b.txt")[1])
    sop = load_text(text, "a.toml").sop
    assert [step.no for step in sop.langkah] == [1, 2, 3, 4, 5, 8, 9]


LINES = [
    "PEMERINTAH KOTA CONTOH", "DINAS CONTOH", "Nomor SOP : 1/2/2024", "Tanggal Pembuatan : Juli 2024",
    "Tanggal Revisi : 31 Februari 2024", "Tanggal Efektif : 02-01-2024", "Nama SOP : Contoh",
    "Dasar Hukum :", "1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "No\tKegiatan\tKepala\tStaf\tKelengkapan\tWaktu\tOutput\tKeterangan",
    "1\tMemulai\t\t\tBerkas\tsegera\tBerkas\t",
    "\tdan menutup\t\t\t\t\t\t",
]


def test_uncertain_values_are_left_out_with_a_comment_saying_why():
    text = sop_text(read_lines(LINES, "contoh.txt")[0])
    sop = load_text(text, "c.toml").sop
    assert sop.tanggal_revisi is None and "is not a real date" in text
    # "Juli 2024" is a month-only date, kept as one
    assert sop.tanggal_pembuatan == MonthDate(2024, 7) and 'tanggal_pembuatan = "2024-07"' in text
    assert 'printed as a month only: "Juli 2024"' in text
    assert str(sop.tanggal_efektif) == "2024-01-02"
    assert sop.langkah[0].waktu is None and '"segera", which is not a duration' in text
    assert sop.langkah[0].kegiatan == "Memulai dan menutup"
    assert sop.instansi == "Pemerintah Kota Contoh" and sop.unit == "Dinas Contoh"


def test_marks_in_two_actor_columns_of_a_row_are_a_step_of_both_actors():
    """The Word and PDF readers read a symbol drawn in two actors' columns as a step of both;
    extracted text shows such a row as its label printed in both columns ("RAPAT", "RAPAT").
    The fixture is made like the seed texts (not one of them: it is not in fixtures/)."""
    text = sop_text(read_text_file(ROOT / "tests" / "data" / "import" / "two-actor-columns.txt")[0])
    result = load_text(text, "rapat.toml")
    assert result.ok, [problem.render("en") for problem in result.problems]
    sop = result.sop
    assert list(sop.pelaksana.values()) == ["Camat", "Sekretaris", "Staf"]
    jabatan = [tuple(sop.pelaksana[actor] for actor in step.pelaksana_semua) for step in sop.langkah]
    assert jabatan == [("Staf",), ("Camat", "Sekretaris"), (), ("Camat", "Staf"), ("Staf",)]
    assert sop.langkah[1].pelaksana == sop.langkah[3].pelaksana == "camat"  # the first column
    assert 'pelaksana = ["camat", "sekretaris"]' in text
    assert 'prints "RAPAT" in 2 actors\' columns' in text and "pelaksana left out" not in text
    assert sop.hilang_di_sumber == ("pelaksana",)  # step 3 still has none: the source lost it
