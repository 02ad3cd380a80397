"""The layout engine: a SOP (and, for a review, its findings) -> a `Document` of placed pages."""

from __future__ import annotations

from ..model import Sop
from .findings import findings_pages
from .identity import identity_pages
from .page import MM, PAPERS, Document, Page, Words
from .procedure import Frame, procedure_pages

MARGIN = 12 * MM
TOP = 14 * MM  # room for a page's caption above its table
FOOTER = 9 * MM  # the footer's baseline above the paper's edge
FOOTER_SIZE = 7.0


def lay_out(sop: Sop, paper: str = "a4", findings=None, lang: str = "id", logo: str | None = None) -> Document:
    """Every page of the SOP's document, placed. `findings`, when given (even empty), adds the
    review pages at the end."""
    width, height = PAPERS[paper]
    bottom = height - FOOTER - 5 * MM
    pages = identity_pages(sop, width, height, MARGIN, MARGIN, bottom)
    frame = Frame(width, height, MARGIN, TOP, bottom, width - 2 * MARGIN)
    pages += procedure_pages(sop, frame)
    if findings is not None:
        pages += findings_pages(findings, lang, width, height, MARGIN, TOP, bottom)
    total = len(pages)
    nomor = sop.nomor or "-"
    pages = [_with_footer(page, n, total, nomor) for n, page in enumerate(pages, start=1)]
    return Document(sop.nama, nomor, paper, tuple(pages), logo)


def _with_footer(page: Page, number: int, total: int, nomor: str) -> Page:
    y = page.height - FOOTER
    footer = (Words(MARGIN, y, f"Nomor SOP: {nomor}", FOOTER_SIZE),
              Words(page.width - MARGIN, y, f"Halaman {number} dari {total}", FOOTER_SIZE, align="right"))
    return page._replace(words=page.words + footer)
