"""File text made safe to draw, one cell for each character, so a caret under a column stays under it.

A binary file's control bytes drawn raw reach the terminal: an escape sequence recolours or moves
the cursor, a NUL or a backspace takes no cell and pulls the rest of the line (and the panel's
frame) left. Each C0 control is drawn as its Control Picture (NUL as ␀, ESC as ␛), DEL as ␡, a tab
as one space; a C1 control, a line or paragraph separator, a bidirectional override ("Trojan
Source") and a byte that was not UTF-8 (kept as a lone surrogate, which no terminal takes) as U+FFFD.
Used wherever a file's text is drawn: the UI, the diagram, and the source line the command line
prints under a problem.
"""

from __future__ import annotations

_TABLE = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"
_TABLE.update(dict.fromkeys([*range(0x80, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x2028, 0x202F),
                             *range(0x2066, 0x206A), *range(0xD800, 0xE000)], "\ufffd"))


# A terminal's own tab stops line a caret up under a tab, as the printed line's (`source.line_and_caret`).
_KEEPING_TABS = {code: shown for code, shown in _TABLE.items() if code != 0x09}


def one_cell(text: str, keep_tabs: bool = False) -> str:
    """`text` with every character that is not drawn as one cell of its own replaced by one that
    is; with `keep_tabs`, tabs stay tabs."""
    if text.isprintable():  # the common case, checked in C
        return text
    return text.translate(_KEEPING_TABS if keep_tabs else _TABLE)


def one_cell_lines(text: str) -> str:
    """`one_cell` of each line of `text`, its line breaks kept: a multi-line value drawn as the
    lines it has, not one line with ␊ in it."""
    return "\n".join(one_cell(line) for line in text.split("\n"))
