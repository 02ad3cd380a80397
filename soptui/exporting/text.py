"""Measuring and breaking text, with the one font every back-end is measured against.

The font is Bitstream Vera Sans, which ships inside reportlab: the PDF embeds it, so a page looks
the same on every machine, and no system font needs to be installed. The Word back-end names a
narrower office font (Arial), so text measured here never overflows a cell there.
"""

from __future__ import annotations

import os
from functools import lru_cache

REGULAR, BOLD = "SopSans", "SopSans-Bold"
LEADING = 1.22  # line height as a multiple of the font size


@lru_cache(maxsize=None)
def register_fonts() -> tuple[str, str]:
    """Register the fonts with reportlab once per process; their names."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    pdfmetrics.registerFont(TTFont(REGULAR, os.path.join(folder, "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, os.path.join(folder, "VeraBd.ttf")))
    return REGULAR, BOLD


def width(text: str, size: float, bold: bool = False) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    return stringWidth(text, BOLD if bold else REGULAR, size)


def wrap(text: str, room: float, size: float, bold: bool = False) -> list[str]:
    """`text` broken into lines no wider than `room`: at spaces or after a slash
    ("KASI/KASUBBAG"), and inside a word only when the word alone is wider than the line."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word, spaced in _pieces(paragraph):
            candidate = f"{current} {word}" if current and spaced else current + word
            if width(candidate, size, bold) <= room:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while width(current, size, bold) > room and len(current) > 1:
                cut = _longest_prefix(current, room, size, bold)
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def splits_words(text: str, room: float, size: float, bold: bool = False) -> bool:
    """Whether `wrap` would have to cut a word of `text` to fit `room`."""
    return any(width(word, size, bold) > room for word, _ in _pieces(text))


def _pieces(paragraph: str):
    """(piece, follows a space) of a paragraph: its words, each cut after any slash."""
    for word in paragraph.split():
        parts = word.split("/")
        for i, part in enumerate(parts):
            piece = part + ("/" if i < len(parts) - 1 else "")
            if piece:
                yield piece, i == 0


def _longest_prefix(word: str, room: float, size: float, bold: bool) -> int:
    cut = len(word) - 1
    while cut > 1 and width(word[:cut], size, bold) > room:
        cut -= 1
    return cut


def height(lines: int, size: float) -> float:
    return lines * size * LEADING
