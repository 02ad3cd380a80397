"""PDF fixtures, made from the Word fixtures by LibreOffice (soffice --headless --convert-to pdf),
read row by row from their drawing; and the PDFs that cannot be read, each refused with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from soptui.importing import Unreadable, read_document
from soptui.importing.writer import sop_text
from soptui.loading.loader import load_text

from .test_word import FLOW, VML_FLOW, rows

FIXTURES = Path(__file__).parent / "fixtures"


def imported(path: Path):
    drafts = read_document(path)
    assert len(drafts) == 1
    text = sop_text(drafts[0])
    result = load_text(text, "x.toml")
    assert result.ok, [problem.render("en") for problem in result.problems]
    return result.sop, text


# off-page.pdf: the procedure over two pages, joined through off-page connectors lettered A
@pytest.mark.parametrize("name", ["drawingml-fallback.pdf", "libreoffice-resaved.pdf", "off-page.pdf"])
def test_every_symbol_actor_and_branch_is_recovered_from_the_drawing(name):
    sop, text = imported(FIXTURES / name)
    assert rows(sop) == FLOW
    assert "branches were not recovered" not in text


def test_vml_symbols_are_read_and_undrawn_labels_are_said_to_be_missing():
    # LibreOffice's PDF export draws the VML shapes but not the VML text boxes, so the
    # decision's Ya/Tidak labels are not in this PDF: its branches cannot be told apart.
    sop, text = imported(FIXTURES / "vml-only.pdf")
    assert [row[:3] for row in rows(sop)] == [row[:3] for row in VML_FLOW]
    assert sop.langkah[2].ya is None and "branches were not recovered" in text


def test_identity_and_mutu_baku_from_the_pdf_cells():
    sop, _ = imported(FIXTURES / "drawingml-fallback.pdf")
    assert (sop.nomor, sop.instansi, sop.unit) == ("100/01/KEC.CTH/2024", "Pemerintah Kabupaten Contoh", "Kecamatan Contoh")
    assert tuple(sop.disahkan_oleh) == ("CAMAT CONTOH", "BUDI SANTOSO, S.Sos", "19700101 199003 1 002", None)
    # the narrow Waktu column breaks "10 menit" over three lines: "10", "meni", "t"
    assert [step.waktu for step in sop.langkah] == ["10 menit", "30 menit", "15 menit", "1 jam", "10 menit"]
    assert list(sop.pelaksana.values()) == ["Camat", "Sekretaris", "Kasubbag Umum"]  # "Sekretari" + "s"
    assert sop.langkah[1].kegiatan == "Memeriksa kelengkapan berkas"


def pdf(content: bytes, trailer_extra: bytes = b"") -> bytes:
    """A minimal one-page PDF whose page draws `content`."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def test_a_scan_needs_ocr_first(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf(b"10 10 100 50 re f"))  # drawing, and no text at all
    with pytest.raises(Unreadable) as refused:
        read_document(path)
    assert "needs OCR first" in refused.value.message.en


def test_an_encrypted_pdf_is_refused(tmp_path):
    path = tmp_path / "locked.pdf"
    encrypt = (b"/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + b"11" * 32 + b"> /U <"
               + b"22" * 32 + b"> >> /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] ")
    path.write_bytes(pdf(b"BT /F1 12 Tf 10 10 Td (x) Tj ET", encrypt))
    with pytest.raises(Unreadable) as refused:
        read_document(path)
    assert "encrypted" in refused.value.message.en


def test_a_damaged_pdf_is_refused(tmp_path):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 20)
    with pytest.raises(Unreadable) as refused:
        read_document(path)
    assert refused.value.message.en.startswith(("a damaged PDF", "a PDF with no text layer"))


def test_a_pdf_with_two_sop_tables_gives_two_sops():
    drafts = read_document(FIXTURES / "two-sops.pdf")
    sops = [load_text(sop_text(draft), "x.toml").sop for draft in drafts]
    assert [sop.nama for sop in sops] == ["Pelayanan Surat (drawingml) 1", "Pelayanan Surat (drawingml) 2"]
    assert [rows(sop) for sop in sops] == [FLOW, FLOW]
