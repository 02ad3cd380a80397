"""Edits to an SOP file, as plain functions from TOML text to TOML text.

Nothing here knows about screens: the TUI calls these functions and renders the result, and
tests call them directly. Values are changed with tomlkit, so a user's comments, key order and
layout survive; steps are added, deleted and moved as blocks of lines, because for tomlkit a
comment written above a `[[langkah]]` header belongs to the table before it, and would stay
behind.

A step's block is the own-line comments directly above its header (no blank line between),
the header, and its lines up to the next block; the blank lines after it separate it from the
next block and stay in place when steps move. A suppression comment keeps the scope that
`checker/suppress.py` gives it: one directly above a header belongs to that step; one further
up in the run of comments belongs, like any comment inside a table, to the step before, and
so stays with that step.

Structural edits renumber: adding a step shifts the following steps' `no` by +1, deleting one
by -1, and a move keeps numbers with positions, so the steps moved exchange numbers. Numbering
defects elsewhere (a 5 -> 8 jump) are left for the reviewer to see. Every reference to a
renumbered step (`ya`, `tidak`, `lanjut`, "langkah N" in kegiatan and keterangan) is rewritten
in the same edit. A `ya`, `tidak` or `lanjut` to a deleted step is removed, never left to point
at whichever step inherits the number: a decision keeps being one, so the checker reports its
missing exit; "langkah N" in a text is left for the reviewer (`deletion_notice` says all this
before the delete).
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Mapping
from functools import partial
from typing import Callable, NamedTuple

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Table

from .checker.fixes import apply_fixes
from .checker.rule import Edit, Fix
from .i18n import Text
from .loading import toml
from .loading.loader import toml_error
from .loading.positions import scan
from .tanggal import MONTH_NAMES, MONTH_NAMES_EN, MonthDate, impossible_date, parse_iso, parse_printed

LIST_KEYS = ("kelengkapan", "output", "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan",
             "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan")
INTEGER_KEYS = ("no", "ya", "tidak", "lanjut")
# The keys of a step in the order the files write them; a new step's keys follow it.
STEP_KEYS = ("no", "kegiatan", "pelaksana", "simbol", "ya", "tidak", "lanjut", "kelengkapan", "waktu",
             "output", "keterangan")
REFERENCE_KEYS = ("ya", "tidak", "lanjut")
NEW_KEGIATAN = "Melakukan ..."
# "langkah 5", "Langkah no. 5", "langkah ke-5", "kegiatan 5", "step 5" in kegiatan and keterangan.
STEP_REFERENCE = re.compile(r"\b(langkah|kegiatan|step)(\s+(?:no\.?\s*|ke-?\s*)?)(\d+)\b", re.IGNORECASE)
_REFERENCE_TEXT_KEYS = ("kegiatan", "keterangan")
_STEP_POINTER = re.compile(r"/langkah/(\d+)")
_STEP_DIRECTIVE = re.compile(r"#\s*soptui:\s*ignore\[", re.IGNORECASE)  # ignore[, not ignore-file[
_DIRECTIVE = re.compile(r"(#\s*soptui:\s*(?P<kind>ignore-file|ignore)\[)(?P<rules>[^\]]*)\]"
                        r"(?:\s*--\s*(?P<reason>.*))?", re.IGNORECASE)
_RULE_NAME = re.compile(r"[A-Za-z0-9_-]+")


class EditError(ValueError):
    """An edit that cannot be made; the message says why, in both languages."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.text = message


def parse_input(key: str, raw: str):
    """The value a user typed for `key`: lists split on ";", numbers for step references,
    dates as dates, "" for an emptied value (the caller removes the key)."""
    raw = raw.strip()
    if key in LIST_KEYS:
        return [item.strip() for item in raw.split(";") if item.strip()]
    if key in INTEGER_KEYS:
        if not raw:
            return ""
        if not raw.lstrip("-").isdigit():
            raise EditError(Text(f"`{key}` harus bilangan bulat", f"`{key}` must be a whole number"))
        return int(raw)
    if key.startswith("tanggal_") and raw:
        return _tanggal_input(raw)
    return raw


def _tanggal_input(raw: str):
    """A date typed as the file writes it (2023-07-26, 2019-09) or as documents print it
    ("26 Juli 2023", "September 2019", "Sept 2019"): a date, or for a month only its "YYYY-MM"
    text (TOML has no year-month type)."""
    try:
        value = parse_iso(raw)
    except ValueError:
        try:
            value = parse_printed(raw)
        except ValueError:
            value = None
    if value is None:
        impossible = impossible_date(raw)
        if impossible is not None:  # written as a date, rightly: it is the day that is wrong
            raise EditError(_no_such_date(*impossible))
        raise EditError(Text("tanggal ditulis YYYY-MM-DD, mis. 2023-07-26, atau bulan saja YYYY-MM, mis. 2019-09",
                             "write the date as YYYY-MM-DD, e.g. 2023-07-26, or a month only as YYYY-MM, "
                             "e.g. 2019-09"))
    return value.isoformat() if isinstance(value, MonthDate) else value


def _no_such_date(year: int, month: int, day: int | None) -> Text:
    """Why a date written in a right shape names no day: its month, or its day in that month."""
    if not 1 <= month <= 12:
        return Text(f"bulan {month} tidak ada: bulan ditulis 01 sampai 12",
                    f"there is no month {month}: months run from 01 to 12")
    days = calendar.monthrange(year, month)[1]
    name, name_en = MONTH_NAMES[month - 1], MONTH_NAMES_EN[month - 1]
    return Text(f"{day} {name} {year} tidak ada: {name} {year} hanya {days} hari",
                f"{day} {name_en} {year} does not exist: {name_en} {year} has {days} days")


# -- the text as blocks of lines -------------------------------------------------------------------

class _Block(NamedTuple):
    """The lines of one table (or of the keys before the first table), as indices into the
    layout's lines."""

    pointer: str  # "" for the text before the first table; "/langkah/3", "/pelaksana"
    start: int  # its first line: the first comment attached above its header, or the header
    header: int  # the header's line; -1 for the text before the first table
    end: int  # one past its last line that is not blank
    stop: int  # one past its trailing blank lines: where the next block starts
    body_end: int  # one past the last line of its last key's value: where a new key goes


class _Layout(NamedTuple):
    lines: list[str]  # every line with its line ending (the last one always has one)
    newline: str  # "\r\n" when the file writes it, else "\n"
    final_newline: bool  # whether the text ended with one
    blocks: list[_Block]
    steps: list[_Block]  # the blocks of [[langkah]] tables, in file order
    data: dict  # the text as tomllib reads it
    comment_lines: frozenset[int]  # lines holding an own-line comment


def _layout(text: str) -> _Layout:
    """The blocks of `text`, after checking that every reader sees the same steps."""
    data = _parse(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    final_newline = text.endswith("\n") or not text
    work = text if final_newline else text + newline
    lines = [line + "\n" for line in work.split("\n")[:-1]]
    source = scan(work)
    comment_lines = frozenset(c.pos.line - 1 for c in source.comments if c.own_line)
    directives = frozenset(c.pos.line - 1 for c in source.comments if c.own_line and _STEP_DIRECTIVE.search(c.text))
    headers = [(line - 1, pointer) for line, pointer in source.headers]
    _check_steps(data, [pointer for _, pointer in headers])
    starts = []
    for header, _ in headers:
        start = header
        # A suppression not directly above the header belongs to the table before it.
        while start - 1 in comment_lines and (start == header or start - 1 not in directives):
            start -= 1
        starts.append(start)
    blocks = []
    spans = [("", 0, -1)] + [(pointer, start, header) for (header, pointer), start in zip(headers, starts)]
    for position, (pointer, start, header) in enumerate(spans):
        stop = spans[position + 1][1] if position + 1 < len(spans) else len(lines)
        end = stop
        while end > max(start, header + 1) and not lines[end - 1].strip():
            end -= 1
        body_end = end
        while body_end > header + 1 and (not lines[body_end - 1].strip() or body_end - 1 in comment_lines):
            body_end -= 1
        if header < 0 and body_end == start:
            body_end = end  # no key before the first table: a new one goes after the file's leading comments
        blocks.append(_Block(pointer, start, header, end, stop, body_end))
    steps = [block for block in blocks if _STEP_POINTER.fullmatch(block.pointer)]
    return _Layout(lines, newline, final_newline, blocks, steps, data, comment_lines)


def _parse(text: str) -> dict:
    try:
        data = toml.parse(text)
    except RecursionError:
        raise EditError(Text("berkas bersusun terlalu dalam; perbaiki dulu, lalu ubah langkahnya",
                             "the file is nested too deep; mend it first, then edit its steps")) from None
    except ValueError as error:
        # worded as the loader words it (tomllib's English would break into an Indonesian notice)
        pos, message = toml_error(error, text)
        raise EditError(Text(f"baris {pos.line} kolom {pos.col}: ", f"line {pos.line} column {pos.col}: ") + message
                        + Text("; perbaiki dulu, lalu ubah langkahnya", "; mend it first, then edit its steps")) from None
    return data


def _check_steps(data: dict, header_pointers: list[str]) -> None:
    """Refuse a layout the block model cannot follow, rather than edit it wrongly."""
    steps = data.get("langkah", [])
    step_headers = [p for p in header_pointers if p.startswith("/langkah/")]
    if any(not _STEP_POINTER.fullmatch(p) for p in step_headers):
        raise EditError(Text(
            "sebuah langkah punya sub-tabel ([langkah.x] atau [[langkah.x]]); langkah seperti itu tidak dapat "
            "dipindah atau dihapus di sini", "a step has a sub-table ([langkah.x] or [[langkah.x]]); such "
            "steps cannot be moved or deleted here"))
    if not isinstance(steps, list) or len(steps) != len(step_headers) or not all(isinstance(s, dict) for s in steps):
        raise EditError(Text(
            "`langkah` tidak ditulis sebagai tabel [[langkah]] (mis. sebagai daftar atau tabel sebaris); "
            "tulis setiap langkah di bawah header [[langkah]]-nya sendiri agar dapat diubah di sini",
            "`langkah` is not written as [[langkah]] tables (e.g. as an inline list or inline tables); "
            "write each step under its own [[langkah]] header to edit it here"))
    if step_headers != [f"/langkah/{i}" for i in range(len(step_headers))]:
        raise EditError(Text("urutan header [[langkah]] tidak terbaca", "the [[langkah]] headers are out of order"))


def _text(layout: _Layout, start: int, stop: int) -> str:
    return "".join(layout.lines[start:stop])


def _finish(layout: _Layout, text: str) -> str:
    """`text` with the original file's ending: no final newline if it had none."""
    if not layout.final_newline and text.endswith(layout.newline):
        return text[: -len(layout.newline)]
    return text


def _step_block(layout: _Layout, index: int) -> _Block:
    if not 0 <= index < len(layout.steps):
        raise EditError(Text(f"tidak ada langkah ke-{index + 1}", f"there is no step {index + 1}"))
    return layout.steps[index]


def step_blocks(text: str) -> list[str]:
    """The text of each step's block: the comments attached above its header, the header and
    its lines, without the blank lines after it."""
    layout = _layout(text)
    return [_text(layout, block.start, block.end) for block in layout.steps]


# -- editing one step's block with tomlkit ---------------------------------------------------------

def _edit_block(block_text: str, step: dict, change: Callable[[Table], None]) -> str:
    """`block_text` (one step's block) with `change` applied to its table. Parsed on its own,
    so tomlkit never sees, nor reorders, the rest of the file; and refused unless tomlkit reads
    in it the same `step` the loader read."""
    try:
        document = tomlkit.parse(block_text)
        tables = document.get("langkah")
        same = len(document) == 1 and isinstance(tables, AoT) and len(tables) == 1 and tables[0].unwrap() == step
    except TOMLKitError:
        same = False
    if not same:
        raise EditError(Text("langkah ini tidak terbaca sebagai satu tabel [[langkah]]; ubah di editor teks",
                             "this step does not read as one [[langkah]] table; edit it in a text editor"))
    change(tables[0])
    return document.as_string()


def _render_keys(values: dict, newline: str, indent: str = "") -> str:
    """`key = value` lines for a dict of plain values, as tomlkit writes them."""
    return "".join(indent + tomlkit.dumps({key: value}).replace("\n", newline) for key, value in values.items())


def _key_indent(layout: _Layout, block: _Block) -> str:
    for line in layout.lines[block.header + 1:block.end]:
        if line.strip() and not line.lstrip().startswith("#"):
            return line[: len(line) - len(line.lstrip())]
    return ""


def _set_step_keys(text: str, index: int, values: dict) -> str:
    """Set keys of step `index`: existing ones in place (their comments kept), missing ones as
    new lines after its last key, inside its block."""
    layout = _layout(text)
    block = _step_block(layout, index)
    current = layout.data["langkah"][index]
    missing = {key: value for key, value in values.items() if key not in current}
    present = {key: value for key, value in values.items() if key in current}
    block_text = (_text(layout, block.start, block.body_end)
                  + _render_keys(missing, layout.newline, _key_indent(layout, block))
                  + _text(layout, block.body_end, block.end))

    def change(table: Table) -> None:
        for key, value in present.items():
            table[key] = value

    if present:
        block_text = _edit_block(block_text, {**current, **missing}, change)
    result = _finish(layout, _text(layout, 0, block.start) + block_text + _text(layout, block.end, len(layout.lines)))
    _check_result(result, len(layout.steps))
    return result


def _delete_step_keys(text: str, index: int, keys: tuple[str, ...]) -> str:
    layout = _layout(text)
    block = _step_block(layout, index)
    keys = tuple(key for key in keys if key in layout.data["langkah"][index])
    if not keys:
        return text

    def change(table: Table) -> None:
        for key in keys:
            del table[key]

    block_text = _edit_block(_text(layout, block.start, block.end), layout.data["langkah"][index], change)
    return _finish(layout, _text(layout, 0, block.start) + block_text + _text(layout, block.end, len(layout.lines)))


def set_value(text: str, pointer: str, value) -> str:
    """Set the value at `pointer`; an empty value ("" or []) removes the key instead. A new key
    of a table goes after the table's last key, before the comments that introduce the next one."""
    empty = value == "" or value == []
    if empty:
        return apply_fixes(text, [Fix(Text("", ""), (Edit(pointer, None, delete=True),))]) \
            if _exists(text, pointer) else text
    if not isinstance(value, dict):
        edited = _insert_key(text, pointer, value) if not _exists(text, pointer) else _set_in_step(text, pointer, value)
        if edited is not None:
            return edited
    return apply_fixes(text, [Fix(Text("", ""), (Edit(pointer, value),))])


def _set_in_step(text: str, pointer: str, value) -> str | None:
    """`text` with the existing value at `pointer`, inside a step, set by editing that step's
    block alone; None when the pointer is not in a step or the layout has no blocks."""
    parts = pointer.split("/")[1:]
    step = _STEP_POINTER.fullmatch("/".join(["", *parts[:2]])) if len(parts) > 2 and "~" not in pointer else None
    try:
        layout = _layout(text) if step is not None else None
    except EditError:
        return None
    if layout is None or int(step[1]) >= len(layout.steps):
        return None
    index = int(step[1])
    block = layout.steps[index]
    *path, last = parts[2:]

    def change(table: Table) -> None:
        node = table
        for part in path:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[int(last) if isinstance(node, list) else last] = value

    block_text = _edit_block(_text(layout, block.start, block.end), layout.data["langkah"][index], change)
    result = _finish(layout, _text(layout, 0, block.start) + block_text + _text(layout, block.end, len(layout.lines)))
    _check_result(result, len(layout.steps))
    return result


def _exists(text: str, pointer: str) -> bool:
    try:
        node = toml.parse(text)
    except ValueError:
        return False
    for part in pointer.split("/")[1:]:
        try:
            node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError):
            return False
    return True


def _insert_key(text: str, pointer: str, value) -> str | None:
    """`text` with a new `key = value` line for `pointer`, or None when its table has no block of
    its own (an inline or dotted table, a list item): tomlkit places those."""
    parts = pointer.split("/")[1:]
    if len(parts) not in (1, 2, 3) or "~" in pointer:
        return None
    try:
        layout = _layout(text)
    except EditError:
        return None  # a layout the blocks cannot follow: tomlkit places the key
    step = _STEP_POINTER.fullmatch("/".join(["", *parts[:2]])) if len(parts) == 3 else None
    if step is not None:
        return _set_step_keys(text, int(step[1]), {parts[2]: value}) if int(step[1]) < len(layout.steps) else None
    if len(parts) == 3:
        return None
    table = "" if len(parts) == 1 else "/" + parts[0]
    block = next((b for b in layout.blocks if b.pointer == table), None)
    if block is None:
        return None
    line = _render_keys({parts[-1]: value}, layout.newline, _key_indent(layout, block) if block.header >= 0 else "")
    result = _finish(layout, _text(layout, 0, block.body_end) + line + _text(layout, block.body_end, len(layout.lines)))
    _check_result(result, len(layout.steps))
    return result


def make_decision(text: str, index: int, ya: int, tidak: int) -> str:
    """Make step `index` a decision with its two exits (step numbers)."""
    return _set_step_keys(text, index, {"simbol": "keputusan", "ya": ya, "tidak": tidak})


def make_process(text: str, index: int) -> str:
    """Turn a decision back into an ordinary step."""
    return _delete_step_keys(text, index, ("simbol", "ya", "tidak"))


# -- adding, deleting and moving steps -------------------------------------------------------------

class _Piece(NamedTuple):
    text: str
    step: int | None = None  # the old index of the step whose block this is; None for other text


def _pieces(layout: _Layout) -> list[_Piece]:
    """The text as blocks and the blank lines between them; the steps' blocks are marked."""
    pieces = []
    steps = {block.start: index for index, block in enumerate(layout.steps)}
    for block in layout.blocks:
        pieces.append(_Piece(_text(layout, block.start, block.end), steps.get(block.start)))
        pieces.append(_Piece(_text(layout, block.end, block.stop)))
    return pieces


def _position(pieces: list[_Piece], index: int) -> int:
    return next(i for i, piece in enumerate(pieces) if piece.step == index)


def add_step(text: str, after: int | None, values: dict | None = None) -> str:
    """A new step after the step at index `after` (at the end when None, first when -1),
    numbered one after the step before it; the steps after it are numbered one up, and every
    reference to them follows. `values` gives its keys (kegiatan, pelaksana, kelengkapan,
    waktu, output, ...; empty ones are left out; `no` is the edit's to choose)."""
    layout = _layout(text)
    count = len(layout.steps)
    position = count if after is None else after + 1
    if not 0 <= position <= count:
        raise EditError(Text(f"tidak ada langkah ke-{after + 1}", f"there is no step {after + 1}"))
    numbers = _numbers(layout)
    previous = numbers[position - 1] if position else 0
    number = previous + 1 if isinstance(previous, int) else position + 1
    block_text = _new_step_text(layout, number, values or {})
    pieces = _pieces(layout)
    gap = _Piece(_separator(layout))
    if not count:  # the first step: at the end of the file, after a blank line
        if pieces[-2].text and not pieces[-1].text:
            pieces[-1] = gap
        pieces.append(_Piece(block_text))
    elif position < count:
        at = _position(pieces, position)
        pieces[at:at] = [_Piece(block_text), gap]
    else:
        at = _position(pieces, count - 1) + 1
        pieces[at:at] = [gap, _Piece(block_text)]
    renumbered = {j: (n + 1 if isinstance(n, int) else None) for j, n in enumerate(numbers) if j >= position}
    return _renumber(layout, pieces, renumbered, count + 1)


def _separator(layout: _Layout) -> str:
    """What the file writes between two steps (one blank line, mostly); one blank line when it
    has not two steps to tell."""
    gaps = Counter(_text(layout, block.end, block.stop) for block, following in zip(layout.steps, layout.steps[1:])
                   if block.stop == following.start)
    return gaps.most_common(1)[0][0] if gaps else layout.newline


def _new_step_text(layout: _Layout, number: int, values: dict) -> str:
    values = {key: value for key, value in values.items() if key != "no" and value not in ("", [], None, ())}
    values.setdefault("kegiatan", NEW_KEGIATAN)
    ordered = {"no": number, **{key: values[key] for key in STEP_KEYS if key in values},
               **{key: value for key, value in values.items() if key not in STEP_KEYS}}
    ordered = {key: list(value) if isinstance(value, tuple) else value for key, value in ordered.items()}
    model = layout.steps[0] if layout.steps else None
    header_indent = _indent(layout.lines[model.header]) if model else ""
    key_indent = _key_indent(layout, model) if model else ""
    return f"{header_indent}[[langkah]]{layout.newline}" + _render_keys(ordered, layout.newline, key_indent)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def delete_step(text: str, index: int) -> str:
    """Delete step `index` with its block (the comments attached to it included); the steps
    after it are numbered one down, and references to them follow. A `ya`, `tidak` or `lanjut`
    to the deleted step is removed (a decision left with no exit gets `simbol = "keputusan"`,
    so it stays a decision and decision-exits reports the exit to choose); "langkah N" in a
    text is left as it is: see `deletion_notice`."""
    layout = _layout(text)
    _step_block(layout, index)
    if len(layout.steps) <= 1:
        raise EditError(Text("langkah terakhir tidak dapat dihapus", "the last step cannot be deleted"))
    pieces = _pieces(layout)
    at = _position(pieces, index)
    if at + 2 < len(pieces):
        del pieces[at:at + 2]  # the block and the blank lines after it
    else:
        del pieces[at - 1:at + 1]  # the file's last block: the blank lines before it, and it
    numbers = _numbers(layout)
    renumbered = {j: (n - 1 if isinstance(n, int) else None) for j, n in enumerate(numbers) if j > index}
    renumbered[index] = numbers[index]  # "langkah N" in a text keeps its number
    return _renumber(layout, pieces, renumbered, len(layout.steps) - 1, dropped=_deleted_number(numbers, index))


def _deleted_number(numbers: list[int | None], index: int) -> int | None:
    """The number whose references meant step `index`: its own, unless an earlier step holds
    it too (a number held twice means its first step, as the step-numbering fix reads it)."""
    number = numbers[index]
    return number if number is not None and numbers.index(number) == index else None


def move_step(text: str, index: int, offset: int) -> str:
    """Move the step at `index` up (offset -1) or down (+1), with its comments; the two steps
    exchange numbers (numbers stay with positions), and references follow. At either end the
    text is returned unchanged."""
    layout = _layout(text)
    _step_block(layout, index)
    target = index + offset
    return _move(layout, index, target) if 0 <= target < len(layout.steps) else text


def move_step_to(text: str, index: int, target: int) -> str:
    """Move the step at `index` so that it becomes the step at `target`; the steps between
    shift by one, numbers stay with positions, and references follow."""
    layout = _layout(text)
    _step_block(layout, index)
    _step_block(layout, target)
    return _move(layout, index, target) if index != target else text


def _move(layout: _Layout, index: int, target: int) -> str:
    order = list(range(len(layout.steps)))
    order.insert(target, order.pop(index))  # order[position] = the old index of the step now there
    pieces = _pieces(layout)
    slots = [i for i, piece in enumerate(pieces) if piece.step is not None]
    blocks = [pieces[slot] for slot in slots]
    for slot, old in zip(slots, order):
        pieces[slot] = blocks[old]
    numbers = _numbers(layout)
    renumbered = {old: numbers[position] for position, old in enumerate(order) if old != position}
    return _renumber(layout, pieces, renumbered, len(layout.steps))


def _numbers(layout: _Layout) -> list[int | None]:
    """Each step's `no`, None where it is not a whole number."""
    return _numbers_of(layout.data.get("langkah", []))


def _numbers_of(steps: list) -> list[int | None]:
    return [step.get("no") if isinstance(step, dict) and _is_number(step.get("no")) else None for step in steps]


def _is_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _renumber(layout: _Layout, pieces: list[_Piece], renumbered: dict[int, int | None], count: int,
              dropped: int | None = None) -> str:
    """Join `pieces`, giving each old step in `renumbered` its new number and rewriting every
    reference to an old number; a `ya`, `tidak` or `lanjut` to `dropped` (a deleted step's
    number) is removed. A number held by two steps keeps its first step's meaning, as the
    step-numbering fix reads it."""
    steps = layout.data.get("langkah", [])
    numbers = _numbers(layout)
    mapping: dict[int, int] = {}
    for old, number in enumerate(numbers):
        if number is not None:
            new = renumbered.get(old, number)
            mapping.setdefault(number, number if new is None else new)
    parts = []
    for piece in pieces:
        if piece.step is None:
            parts.append(piece.text)
            continue
        changes = _reference_changes(steps[piece.step], mapping, dropped)
        new_no = renumbered.get(piece.step)
        if new_no is not None and new_no != numbers[piece.step]:
            changes["no"] = new_no
        if changes:
            parts.append(_edit_block(piece.text, steps[piece.step], partial(_apply_changes, changes=changes, mapping=mapping)))
        else:
            parts.append(piece.text)
    result = _finish(layout, "".join(parts))
    _check_result(result, count)
    return result


_REMOVE = object()  # a change that removes its key


def _reference_changes(step: dict, mapping: dict[int, int], dropped: int | None = None) -> dict:
    changes = {}
    for key in REFERENCE_KEYS:
        value = step.get(key)
        if _is_number(value) and value == dropped:
            changes[key] = _REMOVE
        elif _is_number(value) and mapping.get(value, value) != value:
            changes[key] = mapping[value]
    exits = [key for key in ("ya", "tidak") if key in step]
    if exits and all(changes.get(key) is _REMOVE for key in exits) and "simbol" not in step:
        changes["simbol"] = "keputusan"  # without it, a decision with no exit left would be a process
    for key in _REFERENCE_TEXT_KEYS:
        value = step.get(key)
        if isinstance(value, str):
            rewritten = _rewrite_references(value, mapping)
            if rewritten != value:
                changes[key] = rewritten
    return changes


def _rewrite_references(value: str, mapping: dict[int, int]) -> str:
    return STEP_REFERENCE.sub(lambda m: m[1] + m[2] + str(mapping.get(int(m[3]), int(m[3]))), value)


def _apply_changes(table: Table, changes: dict, mapping: dict[int, int]) -> None:
    for key, value in changes.items():
        if value is _REMOVE:
            del table[key]
        elif key in table and isinstance(value, str):
            table[key] = _string_like(table[key], value, mapping)
        else:
            table[key] = value


def _string_like(old, value: str, mapping: dict[int, int]):
    """The string `value`, written as `old` was (basic or literal, on one line or several): the
    same rewrite applied to its source text, when that reads back as `value`."""
    try:
        item = tomlkit.parse(f"x = {_rewrite_references(old.as_string(), mapping)}")["x"]
    except TOMLKitError:
        item = None
    return item if item is not None and str(item) == value else tomlkit.string(value, multiline="\n" in value)


def _check_result(text: str, count: int) -> None:
    """An edit that would leave the file unreadable is a bug here; refuse it rather than write."""
    try:
        steps = toml.parse(text).get("langkah", [])
    except ValueError:
        steps = None
    if not isinstance(steps, list) or len(steps) != count:
        raise EditError(Text("perubahan ini akan merusak berkas; tidak dilakukan",
                             "this edit would break the file; it was not made"))


def references_to(text: str, no: int) -> list[str]:
    """Pointers of every reference to step number `no`: `ya`, `tidak`, `lanjut`, and "langkah N"
    in kegiatan and keterangan. The TUI shows them before a step is deleted."""
    try:
        steps = toml.parse(text).get("langkah", [])
    except ValueError:
        return []
    found = []
    for index, step in enumerate(steps if isinstance(steps, list) else []):
        if not isinstance(step, dict):
            continue
        found += [f"/langkah/{index}/{key}" for key in REFERENCE_KEYS
                  if _is_number(step.get(key)) and step[key] == no]
        found += [f"/langkah/{index}/{key}" for key in _REFERENCE_TEXT_KEYS if isinstance(step.get(key), str)
                  and any(int(m[3]) == no for m in STEP_REFERENCE.finditer(step[key]))]
    return found


def deletion_notice(text: str, index: int) -> Text | None:
    """What deleting step `index` does to the references to it, one line each, for the delete
    dialog to say before the user agrees; None when nothing refers to it."""
    try:
        steps = toml.parse(text).get("langkah", [])
        number = steps[index].get("no") if isinstance(steps, list) and isinstance(steps[index], dict) else None
    except (ValueError, IndexError):
        return None
    if not _is_number(number) or _deleted_number(_numbers_of(steps), index) is None:
        return None
    lines = []
    for pointer in references_to(text, number):
        _, _, at, key = pointer.split("/")
        step = steps[int(at)]
        if int(at) == index:
            continue  # the step's own mention of itself goes with it
        who = step.get("no", int(at) + 1)
        if key in ("ya", "tidak"):
            lines.append(Text(f"langkah {who} ({key}): jalur ini dihapus; tentukan lagi tujuannya",
                              f"step {who} ({key}): this exit is removed; choose its target again"))
        elif key == "lanjut":
            lines.append(Text(f"langkah {who} (lanjut): dihapus, jadi langkah {who} berlanjut ke baris berikutnya",
                              f"step {who} (lanjut): removed, so step {who} goes on to the next row"))
        else:
            lines.append(Text(f"langkah {who} ({key}): teks yang menyebut langkah {number} tidak diubah; periksa",
                              f"step {who} ({key}): the text naming step {number} is not changed; check it"))
    if not lines:
        return None
    head = Text("Langkah ini dirujuk oleh:", "This step is referred to by:")
    return head + Text("".join("\n- " + line.id for line in lines), "".join("\n- " + line.en for line in lines))


# -- waiving a finding with the file's own suppression comment ----------------------------------

def waive(text: str, pointer: str, line: int, rule_name: str, reason: str) -> str:
    """Write the suppression comment that covers this one finding (see checker/suppress.py):
    for a step's finding, `# soptui: ignore[NAME] -- REASON` just below the step's header (the
    whole step); for a whole-file finding (pointer "" at line 1), an `ignore-file` comment after
    the file's leading comments; otherwise a trailing comment on the finding's line. An existing
    suppression of the same scope gets the rule added to its list instead of a second comment."""
    reason = " ".join(reason.split())
    if not reason:
        raise EditError(Text("tulis alasan pengecualian", "write the reason for the waiver"))
    if not _RULE_NAME.fullmatch(rule_name or ""):
        raise EditError(Text(f"nama aturan tidak sah: {rule_name!r}", f"not a rule name: {rule_name!r}"))
    layout = _layout(text)
    step = _STEP_POINTER.match(pointer)
    if step is not None and (len(pointer) == step.end() or pointer[step.end()] == "/"):
        result = _waive_step(layout, int(step[1]), rule_name, reason)
    elif pointer == "" and line <= 1:
        result = _waive_file(layout, rule_name, reason)
    else:
        result = _waive_line(layout, line, rule_name, reason)
    if toml.parse(result) != layout.data:
        raise EditError(Text(f"baris {line} tidak dapat diberi komentar (ada di dalam teks bertanda kutip)",
                             f"line {line} cannot take a comment (it is inside a quoted text)"))
    return result


def _waive_step(layout: _Layout, index: int, rule_name: str, reason: str) -> str:
    block = _step_block(layout, index)
    # the suppressions suppress.py scopes to this step: the comment directly above its header and
    # the own-line comments inside its table
    for number in [block.header - 1, *range(block.header + 1, block.end)]:
        if number in layout.comment_lines:
            extended = _extend_directive(layout.lines[number], "ignore", rule_name, reason)
            if extended is not None:
                return _replace_line(layout, number, extended)
    comment = f"{_key_indent(layout, block)}# soptui: ignore[{rule_name}] -- {reason}{layout.newline}"
    return _insert_line(layout, block.header + 1, comment)


def _waive_file(layout: _Layout, rule_name: str, reason: str) -> str:
    leading = 0
    while leading in layout.comment_lines:
        leading += 1
    for number in range(leading):
        extended = _extend_directive(layout.lines[number], "ignore-file", rule_name, reason)
        if extended is not None:
            return _replace_line(layout, number, extended)
    return _insert_line(layout, leading, f"# soptui: ignore-file[{rule_name}] -- {reason}{layout.newline}")


def _waive_line(layout: _Layout, line: int, rule_name: str, reason: str) -> str:
    number = line - 1
    if not 0 <= number < len(layout.lines) or not layout.lines[number].strip() or number in layout.comment_lines:
        raise EditError(Text(f"baris {line} tidak memuat kunci atau nilai", f"line {line} holds no key or value"))
    text = layout.lines[number]
    body = text.rstrip("\r\n")
    ending = text[len(body):]
    trailing = _trailing_comment(layout, line)
    if trailing is not None:
        extended = _extend_directive(body, "ignore", rule_name, reason, at=trailing)
        if extended is not None:
            return _replace_line(layout, number, extended + ending)
        # after a comment of its own: suppress.py searches the comment for "# soptui:"
        return _replace_line(layout, number, f"{body}  # soptui: ignore[{rule_name}] -- {reason}{ending}")
    return _replace_line(layout, number, f"{body}  # soptui: ignore[{rule_name}] -- {reason}{ending}")


def _trailing_comment(layout: _Layout, line: int) -> int | None:
    """The column (from 0) where the comment that ends line `line` starts, if it has one."""
    source = scan("".join(layout.lines))
    return next((c.pos.col - 1 for c in source.comments if c.pos.line == line and not c.own_line), None)


def _extend_directive(line: str, kind: str, rule_name: str, reason: str, at: int = 0) -> str | None:
    """`line` with `rule_name` added to the `kind` directive in it (from column `at`), or None
    when it holds none. The reason is added to the directive's own."""
    match = next((m for m in _DIRECTIVE.finditer(line, at) if m["kind"].lower() == kind), None)
    if match is None:
        return None
    rules = [r.strip() for r in match["rules"].split(",") if r.strip()]
    if rule_name in rules:
        return line
    old_reason = (match["reason"] or "").strip()
    reasons = old_reason if reason == old_reason else "; ".join(r for r in (old_reason, reason) if r)
    ending = line[len(line.rstrip("\r\n")):]
    return f"{line[:match.start()]}{match[1]}{', '.join([*rules, rule_name])}] -- {reasons}{ending}"


def _replace_line(layout: _Layout, number: int, text: str) -> str:
    return _finish(layout, _text(layout, 0, number) + text + _text(layout, number + 1, len(layout.lines)))


def _insert_line(layout: _Layout, number: int, text: str) -> str:
    return _finish(layout, _text(layout, 0, number) + text + _text(layout, number, len(layout.lines)))


# -- actors and lists ----------------------------------------------------------------------------

def actor_problem(actor_id: str, jabatan: str, declared: object = ()) -> Text | None:
    """What is wrong with a new actor `actor_id = jabatan` beside the `declared` ones (None:
    nothing): the new-actor dialog says it under its field, `add_actor` refuses with it."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", actor_id):
        return Text("id pelaksana: huruf kecil, angka dan _, diawali huruf",
                    "actor id: lowercase letters, digits and _, starting with a letter")
    if not jabatan:
        return Text("jabatan pelaksana wajib diisi, mis. kasi_pem = Kasi Pemerintahan",
                    "the actor's title is required, e.g. kasi_pem = Kasi Pemerintahan")
    if isinstance(declared, Mapping) and actor_id in declared:
        return Text(f"pelaksana `{actor_id}` sudah ada", f"actor `{actor_id}` already exists")
    return None


def add_actor(text: str, actor_id: str, jabatan: str) -> str:
    actors = _parse(text).get("pelaksana")
    problem = actor_problem(actor_id, jabatan, actors)
    if problem is not None:
        raise EditError(problem)
    if actors is not None:
        return set_value(text, f"/pelaksana/{actor_id}", jabatan)
    # a new [pelaksana] table, before the steps (and the comments that introduce the first)
    layout = _layout(text)
    table = f"[pelaksana]{layout.newline}" + _render_keys({actor_id: jabatan}, layout.newline)
    if not layout.steps:
        return _finish(layout, "".join(layout.lines) + (layout.newline if text.strip() else "") + table)
    start = layout.steps[0].start
    return _finish(layout, _text(layout, 0, start) + table + layout.newline + _text(layout, start, len(layout.lines)))


def pelaksana_value(actors: list[str]) -> str | list[str]:
    """A step's `pelaksana` as the file writes it: one actor as its id, several as a list of ids
    (none: an empty list, which `set_value` takes as removing the key)."""
    return actors[0] if len(actors) == 1 else list(actors)


def unknown_actor(actor_id: str, declared: Mapping[str, object]) -> Text | None:
    """Why `actor_id` cannot be removed from the `declared` actors (None: it can)."""
    return None if actor_id in declared else Text(f"pelaksana `{actor_id}` tidak ada", f"no actor `{actor_id}`")


def actor_removal_notice(text: str, actor_id: str) -> Text | None:
    """What removing actor `actor_id` does to the steps drawn in its column, one line each, for
    the remove dialog to say before the user agrees; None when no step is drawn there."""
    try:
        steps = toml.parse(text).get("langkah", [])
    except ValueError:
        return None
    lines = []
    for index, step in enumerate(steps if isinstance(steps, list) else []):
        if not isinstance(step, dict):
            continue
        drawn = step.get("pelaksana")
        drawn = drawn if isinstance(drawn, list) else [drawn]
        if actor_id not in drawn:
            continue
        who = step.get("no", index + 1)
        rest = ", ".join(str(actor) for actor in drawn if actor != actor_id)
        lines.append(Text(f"langkah {who}: tetap pada {rest}", f"step {who}: stays with {rest}") if rest else
                     Text(f"langkah {who}: menjadi tanpa pelaksana", f"step {who}: left with no pelaksana"))
    if not lines:
        return None
    head = Text(f"Langkah yang dikerjakan `{actor_id}`:", f"Steps `{actor_id}` carries out:")
    return head + Text("".join("\n- " + line.id for line in lines), "".join("\n- " + line.en for line in lines))


def remove_actor(text: str, actor_id: str) -> str:
    """Remove a pelaksana column; the steps drawn in it become unassigned (the dialog says which
    first: `actor_removal_notice`)."""
    document = tomlkit.parse(text)
    actors = document.get("pelaksana", {})
    problem = unknown_actor(actor_id, actors)
    if problem is not None:
        raise EditError(problem)
    del actors[actor_id]
    for step in document.get("langkah", []):
        drawn = step.get("pelaksana")
        if drawn == actor_id:
            del step["pelaksana"]
        elif isinstance(drawn, list) and actor_id in drawn:  # a step of several actors keeps the others
            rest = [str(actor) for actor in drawn if actor != actor_id]
            if rest:
                step["pelaksana"] = pelaksana_value(rest)
            else:
                del step["pelaksana"]
    return tomlkit.dumps(document)


def append_item(text: str, key: str, value: str) -> str:
    """Add `value` at the end of the list section `key` (creating the list if needed)."""
    document = tomlkit.parse(text)
    if key in document:
        document[key].append(value)
    else:
        items = tomlkit.array()
        items.multiline(True)
        items.append(value)
        if "disahkan_oleh" in document or "pelaksana" in document or "langkah" in document:
            document = tomlkit.parse(_insert_top_level(text, key, items))
        else:
            document[key] = items
    return tomlkit.dumps(document)


def _insert_top_level(text: str, key: str, items) -> str:
    """Insert `key = items` before the first table header, where top-level keys must go."""
    lines = text.splitlines(keepends=True)
    first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    while first_table > 0 and lines[first_table - 1].lstrip().startswith("#"):
        first_table -= 1  # keep a comment that introduces the table with its table
    entry = tomlkit.dumps({key: items})
    return "".join(lines[:first_table]) + entry + "\n" + "".join(lines[first_table:])
