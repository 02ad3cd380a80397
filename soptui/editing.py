"""Edits to an SOP file, as plain functions from TOML text to TOML text.

Each edit parses the text with tomlkit, changes the document, and returns the new text, so a
user's comments, key order and layout survive every edit. Nothing here knows about screens: the
TUI calls these functions and renders the result, and tests call them directly.
"""

from __future__ import annotations

import tomlkit
from tomlkit.items import AoT, Table

from .checker.fixes import apply_fixes
from .checker.rule import Edit, Fix
from .i18n import Text

LIST_KEYS = ("kelengkapan", "output", "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan",
             "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan")
INTEGER_KEYS = ("no", "ya", "tidak", "lanjut")


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
        import datetime as dt

        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise EditError(Text("tanggal ditulis YYYY-MM-DD, mis. 2023-07-26",
                                 "write the date as YYYY-MM-DD, e.g. 2023-07-26")) from None
    return raw


def set_value(text: str, pointer: str, value) -> str:
    """Set the value at `pointer`; an empty value ("" or []) removes the key instead."""
    empty = value == "" or value == []
    return apply_fixes(text, [Fix(Text("", ""), (Edit(pointer, None if empty else value, delete=empty),))]) \
        if not (empty and not _exists(text, pointer)) else text


def _exists(text: str, pointer: str) -> bool:
    node = tomlkit.parse(text)
    for part in pointer.split("/")[1:]:
        try:
            node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError):
            return False
    return True


def _steps(document) -> AoT:
    steps = document.get("langkah")
    if steps is None:
        raise EditError(Text("SOP belum punya langkah", "the SOP has no steps yet"))
    return steps


def add_step(text: str, after: int | None, values: dict | None = None) -> str:
    """A new step after the step at index `after` (at the end when None), numbered after it,
    with the keys of `values`."""
    document = tomlkit.parse(text)
    steps = _steps(document)
    position = len(steps) if after is None else after + 1
    previous_no = steps[position - 1]["no"] if position > 0 else 0
    table = tomlkit.table()
    table.add("no", previous_no + 1)
    values = dict(values or {})
    table.add("kegiatan", values.pop("kegiatan", None) or "Melakukan ...")
    for key, value in values.items():
        if value:
            table.add(key, value)
    if position == len(steps):
        steps[-1].add(tomlkit.nl())  # a blank line between the old last step and the new one
    else:
        table.add(tomlkit.nl())  # the blank line that separates it from the next step
    steps.insert(position, table)
    return tomlkit.dumps(document)


def delete_step(text: str, index: int) -> str:
    document = tomlkit.parse(text)
    steps = _steps(document)
    if len(steps) <= 1:
        raise EditError(Text("langkah terakhir tidak dapat dihapus", "the last step cannot be deleted"))
    del steps[index]
    return tomlkit.dumps(document)


def move_step(text: str, index: int, offset: int) -> str:
    """Move the step at `index` up (offset -1) or down (+1); numbers stay as written, so
    `step-numbering` says what to renumber (and fixes it with one key). A comment written on
    the lines above a step's header belongs, for tomlkit, to the table before it, and stays
    there."""
    document = tomlkit.parse(text)
    steps = _steps(document)
    target = index + offset
    if not 0 <= target < len(steps):
        return text
    body = list(steps.body)
    body[index], body[target] = body[target], body[index]
    for _ in range(len(steps)):
        steps.pop()
    for table in body:
        steps.append(table)
    return tomlkit.dumps(document)


def add_actor(text: str, actor_id: str, jabatan: str) -> str:
    import re

    if not re.fullmatch(r"[a-z][a-z0-9_]*", actor_id):
        raise EditError(Text("id pelaksana: huruf kecil, angka dan _, diawali huruf",
                             "actor id: lowercase letters, digits and _, starting with a letter"))
    document = tomlkit.parse(text)
    actors = document.get("pelaksana")
    if actors is None:
        actors = tomlkit.table()
        document.add("pelaksana", actors) if "langkah" not in document else _insert_before_steps(document, actors)
    if actor_id in actors:
        raise EditError(Text(f"pelaksana `{actor_id}` sudah ada", f"actor `{actor_id}` already exists"))
    actors[actor_id] = jabatan
    return tomlkit.dumps(document)


def _insert_before_steps(document, actors: Table) -> None:
    steps = document["langkah"]
    document.remove("langkah")
    document.add("pelaksana", actors)
    document.add("langkah", steps)


def remove_actor(text: str, actor_id: str) -> str:
    """Remove a pelaksana column; the steps drawn in it become unassigned."""
    document = tomlkit.parse(text)
    actors = document.get("pelaksana", {})
    if actor_id not in actors:
        raise EditError(Text(f"pelaksana `{actor_id}` tidak ada", f"no actor `{actor_id}`"))
    del actors[actor_id]
    for step in document.get("langkah", []):
        if step.get("pelaksana") == actor_id:
            del step["pelaksana"]
    return tomlkit.dumps(document)


def make_decision(text: str, index: int, ya: int, tidak: int) -> str:
    document = tomlkit.parse(text)
    step = _steps(document)[index]
    step["simbol"] = "keputusan"
    step["ya"] = ya
    step["tidak"] = tidak
    return tomlkit.dumps(document)


def make_process(text: str, index: int) -> str:
    """Turn a decision back into an ordinary step."""
    document = tomlkit.parse(text)
    step = _steps(document)[index]
    for key in ("simbol", "ya", "tidak"):
        if key in step:
            del step[key]
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
