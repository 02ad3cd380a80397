"""A `Draft` -> the text of a TOML SOP in the project's format, written with tomlkit.

The keys come in the order docs/format.md shows them; each note becomes a comment above its key
(or where the key would be, when the value was left out), so a reviewer sees why a value is
uncertain where it stands.
"""

from __future__ import annotations

import textwrap

import tomlkit

from ..model import SECTIONS
from .draft import Draft, StepDraft

TOP_KEYS = ("nama", "nomor", "instansi", "unit", "alamat", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
SIGNER_KEYS = ("jabatan", "nama", "nip", "pangkat")
STEP_KEYS = ("no", "kegiatan", "pelaksana", "simbol", "ya", "tidak", "lanjut", "kelengkapan", "waktu", "output",
             "keterangan")
WIDTH = 98


def sop_text(draft: Draft, schema: str = "../../schemas/sop.schema.json") -> str:
    document = tomlkit.document()
    origin = f"Imported by `soptui import` from {draft.source}"
    _comments(document, [origin + (f", {draft.part}." if draft.part else "."), *draft.header])
    for key in TOP_KEYS:
        _key(document, key, draft.values.get(key), draft.notes.get(key, ()))
    document.add(tomlkit.nl())
    for key in SECTIONS:
        value = draft.values.get(key)
        _key(document, key, _multiline(value) if value else None, draft.notes.get(key, ()))
    if draft.hilang_di_sumber:
        document.add("hilang_di_sumber", _inline_list(draft.hilang_di_sumber))
    signer = {key: draft.signer[key] for key in SIGNER_KEYS if draft.signer.get(key)}
    document.add(tomlkit.nl())
    if signer:
        table = tomlkit.table()
        _comments(table, draft.notes.get("disahkan_oleh", ()))
        for key, value in signer.items():
            table.add(key, value)
        document.add("disahkan_oleh", table)
    else:
        _comments(document, draft.notes.get("disahkan_oleh", ()))
    if draft.actors:
        table = tomlkit.table()
        _comments(table, draft.notes.get("pelaksana", ()))
        for actor, jabatan in draft.actors.items():
            table.add(actor, jabatan)
        document.add("pelaksana", table)
    else:
        _comments(document, draft.notes.get("pelaksana", ()))
    steps = tomlkit.aot()
    for step in draft.steps:
        steps.append(_step(step))
    document.add("langkah", steps)
    return f"#:schema {schema}\n" + tomlkit.dumps(document)


def _step(step: StepDraft):
    table = tomlkit.table()
    _comments(table, step.above)
    for key in STEP_KEYS:
        value = step.values.get(key)
        if isinstance(value, list):
            value = _inline_list(value)
        _key(table, key, value, step.notes.get(key, ()))
    return table


def _key(container, key: str, value, notes) -> None:
    _comments(container, notes)
    if value is not None:
        container.add(key, value)


def _comments(container, notes) -> None:
    for note in notes:
        for line in textwrap.wrap(note, WIDTH - 2, break_long_words=False, break_on_hyphens=False):
            container.add(tomlkit.comment(line))


def _multiline(items: list[str]):
    array = tomlkit.array()
    array.extend(items)
    return array.multiline(True)


def _inline_list(items: list[str]):
    array = tomlkit.array()
    array.extend(items)
    return array
