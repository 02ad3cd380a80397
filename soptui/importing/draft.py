"""What a reader recovered from one SOP of a document: values, and the notes the file will carry.

Every reader (text, Word, PDF) fills a `Draft`; `writer.sop_text` turns it into a TOML SOP. A note is
a comment written above its key, saying where a value came from or why it is uncertain; `lost`
lists what the document holds but the reader could not recover, for the summary the command prints.
"""

from __future__ import annotations

from ..i18n import Text


class StepDraft:
    """One activity row: its `[[langkah]]` keys, in the order they are found, and their notes."""

    def __init__(self, no: int, kegiatan: str) -> None:
        self.values: dict[str, object] = {"no": no, "kegiatan": kegiatan}
        self.notes: dict[str, list[str]] = {}
        self.above: list[str] = []  # notes about the whole row

    def set(self, key: str, value: object, note: str | None = None) -> None:
        self.values[key] = value
        if note:
            self.notes.setdefault(key, []).append(note)

    def note(self, key: str, note: str) -> None:
        self.notes.setdefault(key, []).append(note)

    @property
    def no(self) -> int:
        return self.values["no"]  # type: ignore[return-value]


class Draft:
    """One SOP as recovered from a document."""

    def __init__(self, source: str, part: str | None = None) -> None:
        self.source = source  # the document's file name
        self.part = part  # which SOP of the document, when it holds several ("second of 2")
        self.values: dict[str, object] = {}  # top-level keys: nama, nomor, dates, sections
        self.notes: dict[str, list[str]] = {}  # key (or "disahkan_oleh", "pelaksana") -> comments
        self.signer: dict[str, str] = {}
        self.actors: dict[str, str] = {}  # actor id -> jabatan as printed, in column order
        self.steps: list[StepDraft] = []
        self.header: list[str] = []  # notes under the source line
        self.lost: list[Text] = []  # for the summary: what was not recovered
        # what the source lost, for the file's `hilang_di_sumber` (see soptui.model.LOST_ACTORS)
        self.hilang_di_sumber: list[str] = []
        self.flowchart = None  # a Word or PDF reader's Drawing, gathered over the SOP's tables

    def set(self, key: str, value: object, note: str | None = None) -> None:
        self.values[key] = value
        if note:
            self.note(key, note)

    def note(self, key: str, note: str) -> None:
        if note not in self.notes.setdefault(key, []):
            self.notes[key].append(note)

    def lose(self, what: Text) -> None:
        if what not in self.lost:
            self.lost.append(what)


class Unreadable(Exception):
    """A document that cannot be imported: the message says why, in both languages."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message
