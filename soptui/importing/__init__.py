"""Reading SOPs from the documents people have: Word (.docx), PDF, and extracted text.

`read_document` picks the reader from what the file is (its first bytes, then its name), and
returns one `Draft` per SOP found; `writer.sop_text` turns a draft into a TOML SOP. The Word and
PDF readers import python-docx, lxml and pdfplumber (the `import` extra), and only when called:
nothing on the lint path imports this package.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..i18n import Text
from .draft import Draft, Unreadable
from .text import read_text_file

SUFFIXES = (".txt", ".docx", ".pdf")


def kind_of(path: Path) -> str:
    """"text", "docx" or "pdf", from the file's first bytes; Unreadable for anything else."""
    with open(path, "rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".docm", ".dotx") or _is_word(path):
            return "docx"
        raise Unreadable(Text("arsip zip yang bukan dokumen Word (.docx)", "a zip archive that is not a Word document (.docx)"))
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if suffix in (".doc", ".dot"):
            return _refuse(Text("dokumen Word lama (.doc): simpan sebagai .docx dulu", "an old Word document (.doc): save it as .docx first"))
        return _refuse(Text("dokumen Office terenkripsi atau format lama: buka kuncinya dan simpan sebagai .docx",
                            "an encrypted or old-format Office document: remove the password and save it as .docx"))
    if suffix == ".docx":
        return _refuse(Text("berakhiran .docx tetapi bukan arsip zip: berkas rusak atau bukan dokumen Word",
                            "named .docx but not a zip archive: the file is damaged or not a Word document"))
    if suffix == ".pdf":
        return _refuse(Text("berakhiran .pdf tetapi bukan PDF: berkas rusak", "named .pdf but not a PDF: the file is damaged"))
    if suffix in (".txt", ".text", ".md", ""):
        return "text"
    return _refuse(Text(f"jenis berkas tidak dikenal ({suffix}): yang dapat dibaca .docx, .pdf dan teks .txt",
                        f"unknown file type ({suffix}): soptui reads .docx, .pdf and .txt text"))


def _refuse(message: Text) -> str:
    raise Unreadable(message)


def _is_word(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def read_document(path: Path) -> list[Draft]:
    """Every SOP in the document at `path`; Unreadable, with the reason, when there is none."""
    kind = kind_of(path)
    if kind == "docx":
        from .word import read_docx

        return read_docx(path)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(path)
    return read_text_file(path)
