"""Modal screens: editing a value, confirming, choosing, help, and the corpus-wide findings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input, Label, Markdown

from ..checker.finding import Finding
from .widgets.findings import FindingsTable

MODAL_CSS = """
ModalScreen { align: center middle; }
ModalScreen > Vertical { width: 80%; max-width: 100; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
ModalScreen Horizontal { height: auto; margin-top: 1; }
ModalScreen Button { margin-right: 2; }
"""


class EditValue(ModalScreen[str | None]):
    """Ask for a new value; Enter keeps it, Escape cancels."""

    DEFAULT_CSS = MODAL_CSS
    BINDINGS = [Binding("escape", "cancel", "batal")]

    def __init__(self, title: str, value: str, hint: str = "") -> None:
        super().__init__()
        self.title_text, self.value, self.hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text)
            yield Input(value=self.value, id="value")
            if self.hint:
                yield Label(self.hint, classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Choose(ModalScreen[str]):
    """A question with buttons; dismisses with the chosen button's id (Escape: "cancel")."""

    DEFAULT_CSS = MODAL_CSS
    BINDINGS = [Binding("escape", "cancel", "batal")]

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question, self.choices = question, choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question)
            with Horizontal():
                for choice_id, label in self.choices:
                    yield Button(label, id=choice_id, variant="primary" if choice_id != "cancel" else "default")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss("cancel")


HELP = """\
# soptui: kunci (keys)

| kunci | aksi | action |
| --- | --- | --- |
| `F1` | bantuan ini | this help |
| `ctrl+p` | palet perintah | command palette |
| `/` | saring daftar SOP | filter the SOP list |
| `ctrl+b` | sembunyikan / tampilkan daftar SOP | hide / show the SOP list |
| `1` `2` `3` `4` | Prosedur, Identitas, Diagram, Temuan | tabs |
| `Enter` | ubah sel / buka | edit the cell / open |
| `f` | perbaiki temuan (bila bisa) | fix the finding (when fixable) |
| `n` / `N` | temuan berikut / sebelumnya di seluruh korpus | next / previous finding across the corpus |
| `T` | semua temuan korpus | every finding of the corpus |
| `a` | tambah langkah setelah ini | add a step after this one |
| `D` | hapus langkah (dengan konfirmasi) | delete the step (asks first) |
| `ctrl+up` / `ctrl+down` | pindahkan langkah | move the step |
| `k` | jadikan keputusan / proses | make a decision / a process |
| `P` / `ctrl+r` | tambah / hapus kolom pelaksana | add / remove an actor column |
| `ctrl+z` / `ctrl+y` | batal / ulang | undo / redo |
| `ctrl+s` | simpan | save |
| `e` | buka di $VISUAL / $EDITOR | open in $VISUAL / $EDITOR |
| `ctrl+n` | SOP baru | new SOP |
| `L` | Bahasa Indonesia / English | language |
| `q` | keluar | quit |

Di tabel Prosedur, Enter pada kolom pelaksana menggambar langkah di kolom itu. Daftar
dipisah dengan `;` saat diubah. Nilai kosong menghapus kunci.
(In the Prosedur table, Enter on an actor's column draws the step there. Lists are separated by
`;` when edited. An empty value removes the key.)
"""


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = MODAL_CSS + "HelpScreen > Vertical { max-height: 90%; overflow-y: auto; }"
    BINDINGS = [Binding("escape,f1,q", "close", "tutup")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Markdown(HELP)

    def action_close(self) -> None:
        self.dismiss(None)


class CorpusFindings(Screen[Finding | None]):
    """Every finding of the corpus; Enter goes to it."""

    BINDINGS = [Binding("escape,q", "close", "tutup")]

    def __init__(self, findings: list[Finding], lang: str) -> None:
        super().__init__()
        self.findings, self.lang = findings, lang

    def compose(self) -> ComposeResult:
        yield Header()
        yield FindingsTable(show_file=True, id="corpus-findings")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Temuan korpus: {len(self.findings)}"
        self.query_one(FindingsTable).show(self.findings, self.lang)

    def on_finding_chosen(self, message) -> None:
        message.stop()
        self.dismiss(message.finding)

    def action_close(self) -> None:
        self.dismiss(None)
