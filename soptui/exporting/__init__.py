"""The official SOP AP document: one layout engine (`layout.lay_out`), a PDF and a Word back-end.

`export_sop` is the one call a command or the terminal UI needs. The document libraries
(reportlab, python-docx, lxml) are imported only by the back-end chosen, never by a lint.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import atomic_write_bytes

FORMATS = ("pdf", "docx")


def render(sop, to: str = "pdf", paper: str = "a4", findings=None, lang: str = "id",
           logo: str | None = None) -> bytes:
    """The document's bytes in format `to`."""
    from .layout import lay_out

    document = lay_out(sop, paper, findings, lang, logo)
    if to == "pdf":
        from .pdf import render_pdf

        return render_pdf(document)
    if to == "docx":
        from .docx import render_docx

        return render_docx(document)
    raise ValueError(f"unknown format {to!r}; choose one of {', '.join(FORMATS)}")


def export_sop(sop, out: Path | str, to: str = "pdf", paper: str = "a4", findings=None, lang: str = "id",
               logo: str | None = None) -> Path:
    """Write the SOP's document to `out`, replacing any file there atomically; `out`."""
    data = render(sop, to, paper, findings, lang, logo)
    atomic_write_bytes(Path(out), data)
    return Path(out)
