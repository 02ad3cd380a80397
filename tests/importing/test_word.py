"""Word fixtures, one for each way a document stores its flowchart, read row by row.

The fixtures are written by make_docx_fixtures.py (committed, and checked here to be what it
writes). Every fixture draws the same flowchart: what must come back is, per row, the symbol, the
actor column it is drawn in, and a decision's drawn branches.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from soptui.importing import Unreadable, read_document
from soptui.importing.writer import sop_text
from soptui.loading.loader import load_text

from . import make_docx_fixtures

FIXTURES = Path(__file__).parent / "fixtures"

# (no, simbol, the actor's jabatan, ya, tidak)
FLOW = [
    (1, "terminator", "Kasubbag Umum", None, None),
    (2, "proses", "Sekretaris", None, None),
    (3, "keputusan", "Camat", 4, 2),
    (4, "proses", "Camat", None, None),
    (5, "terminator", "Kasubbag Umum", None, None),
]
VML_FLOW = [row if row[0] != 4 else (4, "penghubung", "Camat", None, None) for row in FLOW]


def imported(name: str):
    drafts = read_document(FIXTURES / name)
    assert len(drafts) == 1
    text = sop_text(drafts[0])
    result = load_text(text, name.replace(".docx", ".toml"))
    assert result.ok, [problem.render("en") for problem in result.problems]
    return result.sop, text


def rows(sop):
    return [(step.no, step.simbol, sop.pelaksana.get(step.pelaksana), step.ya, step.tidak) for step in sop.langkah]


@pytest.mark.parametrize("name, flow", [
    # DrawingML in mc:AlternateContent; the VML Fallback, drawn in the No column, must be ignored;
    # step 4's shape is anchored in the Kegiatan cell and pushed into the Camat column; the header
    # is typed again after step 3
    ("drawingml-fallback.docx", FLOW),
    ("vml-only.docx", VML_FLOW),
    # each symbol in a group whose child coordinates are twice its size; step 2 anchored in Kegiatan
    ("scaled-group.docx", FLOW),
    # compatibility mode 15 and layoutInCell="0": Word 2013 lays the anchor out from its cell anyway
    ("word2013-layout-in-cell.docx", FLOW),
    # the table in two (a page each); step 3's Ya reaches step 4 through off-page connector A
    ("off-page.docx", FLOW),
    # drawingml-fallback.docx opened and saved again by LibreOffice 7 (soffice --convert-to docx):
    # it writes layoutInCell="0" with mode 14 yet means the cell, and text boxes as outline-less
    # rects without txBox="1"
    ("libreoffice-resaved.docx", FLOW),
])
def test_every_symbol_actor_and_branch_is_recovered(name, flow):
    sop, text = imported(name)
    assert rows(sop) == flow
    assert "symbols are drawn in this row" not in text  # the Fallback was not read as well
    assert "branches were not recovered" not in text


def test_identity_and_sections_come_from_the_tables_before_the_procedure():
    sop, text = imported("drawingml-fallback.docx")
    assert (sop.nomor, sop.instansi, sop.unit) == ("100/01/KEC.CTH/2024", "Pemerintah Kabupaten Contoh", "Kecamatan Contoh")
    assert (str(sop.tanggal_pembuatan), sop.tanggal_revisi, str(sop.tanggal_efektif)) == ("2024-01-02", None, "2024-01-15")
    assert tuple(sop.disahkan_oleh) == ("CAMAT CONTOH", "BUDI SANTOSO, S.Sos", "19700101 199003 1 002", None)
    assert sop.nama == "Pelayanan Surat (drawingml)"
    assert [c.text for c in sop.dasar_hukum][1].startswith("Peraturan Menteri Dalam Negeri Nomor 52")
    assert sop.peralatan_perlengkapan == ("Komputer", "Printer")
    assert [step.kegiatan for step in sop.langkah][3] == "Menandatangani surat"
    assert [step.waktu for step in sop.langkah] == ["10 menit", "30 menit", "15 menit", "1 jam", "10 menit"]
    assert text.startswith("#:schema ") and "from drawingml-fallback.docx." in text


def test_a_decision_without_drawn_branches_says_so(tmp_path):
    path = tmp_path / "no-labels.docx"
    make_docx_fixtures.build(path, "drawingml")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = xml.replace("<w:t>Ya</w:t>", "<w:t>?</w:t>").encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    sop, text = imported_from(path)
    decision = sop.langkah[2]
    assert decision.simbol == "keputusan" and decision.ya is None and decision.tidak is None
    assert "branches were not recovered" in text


def imported_from(path: Path):
    drafts = read_document(path)
    text = sop_text(drafts[0])
    return load_text(text, "x.toml").sop, text


@pytest.mark.parametrize("name", sorted(make_docx_fixtures.FIXTURES))
def test_the_fixtures_are_what_the_generator_writes(name, tmp_path):
    make_docx_fixtures.build(tmp_path / name, **make_docx_fixtures.FIXTURES[name])
    with zipfile.ZipFile(tmp_path / name) as fresh, zipfile.ZipFile(FIXTURES / name) as committed:
        assert fresh.read("word/document.xml") == committed.read("word/document.xml")


def test_a_docx_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(Unreadable) as refused:
        read_document(path)
    assert "not a zip archive" in refused.value.message.en


def test_word_list_numbering_reads_as_typed_numbers(tmp_path):
    # Word keeps a list's numbers out of the text (w:numPr, here from the List styles): without
    # writing them out, every item after the first would read as a paragraph after the list.
    from docx import Document

    path = tmp_path / "lists.docx"
    make_docx_fixtures.build(path, "drawingml")
    document = Document(str(path))
    cell = document.tables[1].cell(0, 0)
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    for text in ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                 "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah"):
        cell.add_paragraph(text, style="List Number")
    equipment = document.tables[1].cell(1, 1)
    for paragraph in equipment.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    for text in ("Komputer", "Printer", "Kertas"):
        equipment.add_paragraph(text, style="List Bullet")
    document.save(str(path))
    sop, text = imported_from(path)
    assert [c.text for c in sop.dasar_hukum] == [
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
    ]
    assert sop.peralatan_perlengkapan == ("Komputer", "Printer", "Kertas")
    assert "Printed after the list" not in text


def test_a_document_with_two_sop_tables_gives_two_sops():
    drafts = read_document(FIXTURES / "two-sops.docx")
    sops = [load_text(sop_text(draft), "x.toml").sop for draft in drafts]
    assert [sop.nama for sop in sops] == ["Pelayanan Surat (drawingml) 1", "Pelayanan Surat (drawingml) 2"]
    assert [rows(sop) for sop in sops] == [FLOW, FLOW]
    assert [draft.part for draft in drafts] == ["SOP 1 of 2", "SOP 2 of 2"]


def test_identity_and_procedure_in_one_table(tmp_path):
    # some templates put the identity block and the procedure table in one Word table
    from docx import Document

    document = Document()
    table = document.add_table(rows=5, cols=6)
    table.cell(0, 0).text = "KECAMATAN SATU"
    for row, (label, value) in enumerate([("Nomor SOP", "7/2024"), ("Nama SOP", "Satu Tabel")], start=1):
        table.cell(row, 0).text, table.cell(row, 1).text = label, value
    for column, text in enumerate(["No", "Kegiatan", "Camat", "Kelengkapan", "Waktu", "Output"]):
        table.cell(3, column).text = text
    for column, text in enumerate(["1", "Memulai", "", "Berkas", "5 menit", "Berkas"]):
        table.cell(4, column).text = text
    path = tmp_path / "one-table.docx"
    document.save(str(path))
    sop, text = imported_from(path)
    assert (sop.nomor, sop.nama, sop.unit) == ("7/2024", "Satu Tabel", "Kecamatan Satu")
    assert [(step.no, step.kegiatan, step.waktu) for step in sop.langkah] == [(1, "Memulai", "5 menit")]
    assert "No flowchart symbol found in this row." in text


def test_an_inline_shape_stands_in_its_own_cell(tmp_path):
    from docx import Document
    from docx.oxml import parse_xml

    document = Document()
    table = document.add_table(rows=2, cols=6)
    for column, text in enumerate(["No", "Kegiatan", "Camat", "Staf", "Waktu", "Output"]):
        table.cell(0, column).text = text
    for column, text in enumerate(["1", "Memulai", "", "", "5 menit", "Berkas"]):
        table.cell(1, column).text = text
    inline = (f'<w:r {make_docx_fixtures.NAMESPACES}><w:drawing><wp:inline><wp:extent cx="571500" cy="285750"/>'
              '<wp:docPr id="9" name="Shape 9"/><a:graphic><a:graphicData '
              'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
              + make_docx_fixtures.wsp("flowChartTerminator", 900, 450) + "</a:graphicData></a:graphic>"
              "</wp:inline></w:drawing></w:r>")
    table.cell(1, 3).paragraphs[0]._p.append(parse_xml(inline))
    path = tmp_path / "inline.docx"
    document.save(str(path))
    sop, _ = imported_from(path)
    assert rows(sop) == [(1, "terminator", "Staf", None, None)]


def test_connectors_of_different_letters_do_not_join(tmp_path):
    path = tmp_path / "mismatch.docx"
    make_docx_fixtures.build(path, **make_docx_fixtures.FIXTURES["off-page.docx"])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    last = xml.rindex("<w:t>A</w:t>")
    parts["word/document.xml"] = (xml[:last] + "<w:t>B</w:t>" + xml[last + len("<w:t>A</w:t>"):]).encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    sop, text = imported_from(path)
    assert (sop.langkah[2].ya, sop.langkah[2].tidak) == (None, None)
    assert "branches were not recovered" in text
