"""The help screen: every key, in the current language, scrollable by keyboard."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from ..strings import key_label, relabel, say
from .dialogs import OwnFooter

# (keys, Indonesian, English). {word} in the keys is the key bound to the action of that word
# (strings.WORDS) in the app's or the Prosedur table's KEYS, filled in when the help is shown:
# the help names the keys that work, and cannot drift from them. The rest are keys no binding
# of ours holds (a table's own).
KEYS = (
    ("{help}", "bantuan ini", "this help"),
    ("{palette}", "palet perintah", "command palette"),
    ("{focus_filter}", "saring daftar SOP (Enter/↓ ke daftar, Esc mengosongkan dan ke daftar)",
     "filter the SOP list (Enter/↓ to the list, Esc clears it and goes to the list)"),
    ("{toggle_sidebar}", "sembunyikan / tampilkan daftar SOP", "hide / show the SOP list"),
    ("{tab_prosedur} {tab_identitas} {tab_diagram} {tab_temuan}", "tab Prosedur, Identitas, Diagram, Temuan",
     "tabs Procedure, Identity, Diagram, Findings"),
    ("← →", "kolom tabel (No dan Kegiatan tetap terlihat)", "table columns (No and Activity stay in view)"),
    ("Enter", "ubah sel / buka / ke elemen temuan", "edit the cell / open / go to the finding's element"),
    ("{fix}", "perbaiki temuan di kursor (dengan pratinjau)", "fix the finding under the cursor (with a preview)"),
    ("{fix_all}", "terapkan semua perbaikan aman di SOP ini (dengan pratinjau; yang tidak aman disebut, untuk f satu per satu)",
     "apply every safe fix in this SOP (with a preview; unsafe ones are named, for f one by one)"),
    ("{waive}", "abaikan temuan di kursor dengan alasan (komentar di berkas)",
     "waive the finding under the cursor with a reason (a comment in the file)"),
    ("{next_finding} / {previous_finding}", "temuan berikut / sebelumnya di seluruh korpus",
     "next / previous finding across the corpus"),
    ("{corpus_findings}", "semua temuan korpus: ketik untuk menyaring, Enter/↓/Tab ke daftar (s urutkan, / saring lagi)",
     "every finding of the corpus: type to filter, Enter/↓/Tab to the list (s sorts, / filters again)"),
    ("{add_step}", "tambah langkah setelah ini (di tabel Prosedur, seperti D, ctrl+↑↓, k, P)",
     "add a step after this one (in the Procedure table, as D, ctrl+↑↓, k, P)"),
    ("{delete_step}", "hapus langkah (dengan konfirmasi)", "delete the step (asks first)"),
    ("{move_up} / {move_down}", "pindahkan langkah", "move the step"),
    ("{toggle_decision}", "jadikan keputusan / proses", "make a decision / a process"),
    ("{add_actor} / {remove_actor}", "tambah / hapus kolom pelaksana", "add / remove an actor column"),
    ("{also_actor}", "langkah juga di kolom pelaksana ini (rapat dua pejabat) / lepas dari kolom ini",
     "the step also in this actor's column (a meeting of two officials) / out of this column"),
    ("{undo} / {redo}", "urungkan / ulangi", "undo / redo"),
    ("{save} / {save_all}", "simpan / simpan semua", "save / save all"),
    ("{external_editor}", "buka di $VISUAL / $EDITOR (di baris masalah bila tidak termuat)",
     "open in $VISUAL / $EDITOR (at the problem's line when it does not load)"),
    ("{new_sop}", "SOP baru", "new SOP"),
    ("{export}", "ekspor dokumen resmi (.pdf / .docx)", "export the official document (.pdf / .docx)"),
    ("{toggle_language}", "Bahasa Indonesia / English", "English / Bahasa Indonesia"),
    ("{quit}", "keluar (menanyakan perubahan yang belum disimpan)", "quit (asks about unsaved changes)"),
)

NOTES = (
    "Di tabel Prosedur, Enter pada kolom pelaksana menggambar langkah di kolom itu saja, + juga di "
    "kolom itu. Daftar dipisah "
    "dengan titik koma (;) saat diubah. Nilai kosong menghapus kunci. Beberapa SOP boleh punya perubahan yang "
    "belum disimpan sekaligus (● di daftar).",
    "In the Procedure table, Enter on an actor's column draws the step there alone, + there as well. "
    "Lists are separated by "
    "semicolons (;) when edited. An empty value removes the key. Several SOPs may hold unsaved edits at once "
    "(● in the list).",
)


def help_rows(lang: str, keys: dict[str, str]) -> list[tuple[str, str]]:
    """The help's (keys, action) rows in `lang`; `keys` maps each action's word to the key bound
    to it, written as a person reads it ("ctrl+up" as ctrl+↑, "plus" as +)."""
    labels = {word: key_label(key) for word, key in keys.items()}
    return [(template.format_map(labels), english if lang == "en" else indonesian)
            for template, indonesian, english in KEYS]


def help_table(rows: list[tuple[str, str]]) -> Table:
    """The keys in a column as wide as the longest, never wrapped ("ctrl+z / ctrl+y" took three
    lines of Markdown's table), the actions wrapped in the rest; no header row (the title says
    what the rows are), so that 80x24 shows a row more."""
    table = Table(box=None, expand=True, pad_edge=False, show_header=False)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    for row in rows:
        table.add_row(*row)
    return table


class HelpScreen(OwnFooter):
    BINDINGS = [Binding("escape,f1,q", "close", "tutup")]

    def __init__(self, lang: str, keys: dict[str, str]) -> None:
        super().__init__()
        self.lang, self.keys = lang, keys
        self.rows = help_rows(lang, keys)
        self.title_text = "soptui: keys" if lang == "en" else "soptui: kunci"
        self.notes = NOTES[1] if lang == "en" else NOTES[0]

    @property
    def text(self) -> str:
        """Every word of the help, as plain text."""
        return "\n".join([self.title_text, *(f"{key}  {action}" for key, action in self.rows), self.notes])

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(id="help-body", classes="dialog-body"):
                yield Static(help_table(self.rows))
                yield Static(self.notes, classes="help-notes")
            yield Label(f"↑↓ PgUp PgDn · Esc: {say('close', self.lang)}", classes="keys")

    def on_mount(self) -> None:
        relabel(self, {"close": "close"}, self.lang)
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
