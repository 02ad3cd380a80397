"""The help screen: every key, in the current language, scrollable by keyboard."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown

from ..strings import relabel, say

# (keys, Indonesian, English)
KEYS = (
    ("F1", "bantuan ini", "this help"),
    ("ctrl+p", "palet perintah", "command palette"),
    ("/", "saring daftar SOP (Enter/↓ ke daftar, Esc mengosongkan dan ke daftar)",
     "filter the SOP list (Enter/↓ to the list, Esc clears it and goes to the list)"),
    ("ctrl+b", "sembunyikan / tampilkan daftar SOP", "hide / show the SOP list"),
    ("1 2 3 4", "tab Prosedur, Identitas, Diagram, Temuan", "tabs Prosedur, Identitas, Diagram, Temuan"),
    ("← →", "kolom tabel (No dan Kegiatan tetap terlihat)", "table columns (No and Kegiatan stay in view)"),
    ("Enter", "ubah sel / buka / ke elemen temuan", "edit the cell / open / go to the finding's element"),
    ("f", "perbaiki temuan di kursor (dengan pratinjau)", "fix the finding under the cursor (with a preview)"),
    ("F", "perbaiki semua yang bisa di SOP ini (dengan pratinjau)", "apply every fix in this SOP (with a preview)"),
    ("w", "abaikan temuan di kursor dengan alasan (komentar di berkas)",
     "waive the finding under the cursor with a reason (a comment in the file)"),
    ("n / N", "temuan berikut / sebelumnya di seluruh korpus", "next / previous finding across the corpus"),
    ("T", "semua temuan korpus: ketik untuk menyaring, Enter/↓/Tab ke daftar (s urutkan, / saring lagi)",
     "every finding of the corpus: type to filter, Enter/↓/Tab to the list (s sorts, / filters again)"),
    ("a", "tambah langkah setelah ini (di tabel Prosedur, seperti D, ctrl+↑↓, k, P)",
     "add a step after this one (in the Prosedur table, as D, ctrl+↑↓, k, P)"),
    ("D", "hapus langkah (dengan konfirmasi)", "delete the step (asks first)"),
    ("ctrl+↑ / ctrl+↓", "pindahkan langkah", "move the step"),
    ("k", "jadikan keputusan / proses", "make a decision / a process"),
    ("P / ctrl+r", "tambah / hapus kolom pelaksana", "add / remove an actor column"),
    ("+", "langkah juga di kolom pelaksana ini (rapat dua pejabat) / lepas dari kolom ini",
     "the step also in this actor's column (a meeting of two officials) / out of this column"),
    ("ctrl+z / ctrl+y", "batal / ulang", "undo / redo"),
    ("ctrl+s / ctrl+shift+s", "simpan / simpan semua", "save / save all"),
    ("e", "buka di $VISUAL / $EDITOR (di baris masalah bila tidak termuat)",
     "open in $VISUAL / $EDITOR (at the problem's line when it does not load)"),
    ("ctrl+n", "SOP baru", "new SOP"),
    ("x", "ekspor dokumen resmi (.pdf / .docx)", "export the official document (.pdf / .docx)"),
    ("L", "Bahasa Indonesia / English", "language"),
    ("q", "keluar (menanyakan perubahan yang belum disimpan)", "quit (asks about unsaved changes)"),
)

NOTES = (
    "Di tabel Prosedur, Enter pada kolom pelaksana menggambar langkah di kolom itu saja, + juga di "
    "kolom itu. Daftar dipisah "
    "dengan `;` saat diubah. Nilai kosong menghapus kunci. Beberapa SOP boleh punya perubahan yang "
    "belum disimpan sekaligus (● di daftar).",
    "In the Prosedur table, Enter on an actor's column draws the step there alone, + there as well. "
    "Lists are separated by "
    "`;` when edited. An empty value removes the key. Several SOPs may hold unsaved edits at once "
    "(● in the list).",
)


def help_markdown(lang: str) -> str:
    en = lang == "en"
    rows = "\n".join(f"| `{keys}` | {english if en else indonesian} |" for keys, indonesian, english in KEYS)
    title = "soptui: keys" if en else "soptui: kunci"
    header = "| key | action |" if en else "| kunci | aksi |"
    return f"# {title}\n\n{header}\n| --- | --- |\n{rows}\n\n{NOTES[1] if en else NOTES[0]}\n"


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "tutup")]

    def __init__(self, lang: str = "id") -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            with VerticalScroll(id="help-body", classes="dialog-body"):
                yield Markdown(help_markdown(self.lang))
            yield Label(f"↑↓ PgUp PgDn · Esc: {say('close', self.lang)}", classes="keys")

    def on_mount(self) -> None:
        relabel(self, {"close": "close"}, self.lang)
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
