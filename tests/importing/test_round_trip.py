"""Export, then import: the PDF and the Word document soptui writes read back to the same procedure."""

from pathlib import Path

import pytest

from soptui.exporting import export_sop
from soptui.importing import read_document
from soptui.importing.writer import sop_text
from soptui.loading.loader import load_file, load_text

SEEDS = sorted((Path(__file__).resolve().parents[2] / "sops").glob("*/*.toml"))


SECTIONS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan",
            "pencatatan_pendataan")


def _text(item) -> str:
    return getattr(item, "text", item)


def _words(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


@pytest.mark.parametrize("to", ["pdf", "docx"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_seed_exported_imports_to_the_same_steps_actors_symbols_and_branches(seed, to, tmp_path):
    # The Word document anchors each page's drawing in the paragraph after its table, from the
    # page's corner: the importer places it through the page's exact heights, and reads the
    # arrows, freeform lines, to their heads.
    original = load_file(seed).sop
    document = export_sop(original, tmp_path / f"sop.{to}", to=to)
    [draft] = read_document(document)
    text = sop_text(draft)
    assert "estimated" not in text and "not recovered" not in text
    back = load_text(text, str(tmp_path / "sop.toml")).sop
    assert back is not None
    assert _words(back.nama) == _words(original.nama)
    for section in SECTIONS:  # items broken over lines (one paragraph a line in Word) come back whole
        assert [_words(_text(i)) for i in getattr(back, section)] == \
            [_words(_text(i)) for i in getattr(original, section)], section
    assert (back.nomor, back.unit) == (original.nomor, original.unit)
    assert len(back.langkah) == len(original.langkah)
    for before, after in zip(original.langkah, back.langkah):
        assert (after.no, _words(after.kegiatan)) == (before.no, _words(before.kegiatan))
        jabatan = original.pelaksana.get(before.pelaksana or "")  # None: drawn in "(tanpa pelaksana)"
        assert _words(back.pelaksana.get(after.pelaksana or "")) == _words(jabatan), f"step {before.no}"
        assert back.symbol(after) == original.symbol(before), f"step {before.no}"
        assert (after.ya, after.tidak) == (before.ya, before.tidak), f"step {before.no}"


@pytest.mark.parametrize("to", ["pdf", "docx"])
def test_a_month_only_date_exports_as_the_month_and_imports_back_as_one(to, tmp_path):
    seed = Path(__file__).resolve().parents[2] / "sops/awayan/pengukuran-kinerja-triwulan.toml"
    text = seed.read_text().replace("tanggal_pembuatan = 2023-07-26", 'tanggal_pembuatan = "2023-07"')
    original = load_text(text, str(tmp_path / "in.toml")).sop
    [draft] = read_document(export_sop(original, tmp_path / f"sop.{to}", to=to))
    written = sop_text(draft)
    assert 'tanggal_pembuatan = "2023-07"' in written and 'printed as a month only: "Juli 2023"' in written
    back = load_text(written, str(tmp_path / "sop.toml")).sop
    assert (back.tanggal_pembuatan, back.tanggal_efektif) == (original.tanggal_pembuatan, original.tanggal_efektif)


TWO_ACTORS = Path(__file__).resolve().parents[1] / "data" / "format" / "rapat-dua-pelaksana.toml"


@pytest.mark.parametrize("to", ["pdf", "docx"])
def test_a_step_of_two_actors_is_drawn_in_both_columns_and_imports_back_with_both(to, tmp_path):
    original = load_file(TWO_ACTORS).sop
    assert [s.pelaksana_semua for s in original.langkah if len(s.pelaksana_semua) > 1] == \
        [("camat", "sekcam"), ("camat", "staf")]
    [draft] = read_document(export_sop(original, tmp_path / f"sop.{to}", to=to))
    text = sop_text(draft)
    assert "a step of several actors" in text
    back = load_text(text, str(tmp_path / "sop.toml")).sop
    for before, after in zip(original.langkah, back.langkah, strict=True):
        jabatan = [original.pelaksana[actor] for actor in before.pelaksana_semua]
        assert [back.pelaksana[actor] for actor in after.pelaksana_semua] == jabatan, f"step {before.no}"
        assert (back.symbol(after), after.ya, after.tidak, after.lanjut) == \
            (original.symbol(before), before.ya, before.tidak, before.lanjut), f"step {before.no}"
    assert back.tanggal_pembuatan == original.tanggal_pembuatan  # "September 2019"


@pytest.mark.parametrize("to", ["pdf", "docx"])
def test_a_column_the_source_lost_reads_back_as_no_actor_and_the_marker(to, tmp_path):
    original = load_file(SEEDS[0]).sop
    assert original.lost("pelaksana")
    [draft] = read_document(export_sop(original, tmp_path / f"sop.{to}", to=to))
    text = sop_text(draft)
    assert "tidak_ada_di_sumber" not in text  # the column is not taken for an actor
    back = load_text(text, str(tmp_path / "sop.toml")).sop
    assert back.hilang_di_sumber == ("pelaksana",)
    # ids come back made from the jabatan: compare the jabatan
    assert [back.pelaksana.get(s.pelaksana) for s in back.langkah] == \
        [original.pelaksana.get(s.pelaksana) for s in original.langkah]
    assert None in [s.pelaksana for s in back.langkah]
