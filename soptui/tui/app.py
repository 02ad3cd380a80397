"""The soptui terminal app: browse, review and edit a corpus of SOPs with findings inline.

The app owns the state (a `Workspace` and the open `Document`); widgets render it and post
messages for what the user wants; actions change the state through `soptui.editing` and
`soptui.workspace`, then ask every widget to render again.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult, SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, ProgressBar, Static, TabbedContent, TabPane

from .. import editing
from ..checker.config import Config, ConfigError, find_config, load_config
from ..checker.engine import Checker
from ..checker.finding import Finding
from ..checker.plugins import load_plugins
from ..loading.discover import find_sop_files
from ..template import new_sop_text
from ..workspace import ChangedOnDisk, Document, Workspace, external_editor
from .messages import ActorToggled, EditRequested, FileChosen, FindingChosen
from .screens import Choose, CorpusFindings, EditValue, HelpScreen
from .widgets.corpus import CorpusPanel
from .widgets.diagram import DiagramView
from .widgets.findings import FindingsTable
from .widgets.identity import IdentityView
from .widgets.procedure import ProcedureView

TABS = ("prosedur", "identitas", "diagram", "temuan")


def build_workspace(target: Path) -> Workspace:
    files = find_sop_files([target]) if target.exists() else []
    try:
        config_path = find_config(target)
        config = load_config(config_path) if config_path else Config()
    except ConfigError:
        config = Config()  # the app still opens; `soptui lint` reports the configuration error
    plugins = load_plugins(include=list(config.plugins))
    return Workspace(files, Checker(plugins.rule_classes(), config))


class SoptuiApp(App):
    TITLE = "soptui"
    CSS = """
    #main { height: 1fr; }
    #side { width: 32; border-right: solid $primary-background; }
    #lint-progress { height: 1; dock: bottom; }
    #identity { height: 1fr; }
    #identity-findings { height: auto; max-height: 8; padding: 0 1; border-top: solid $primary-background; }
    TabbedContent { height: 1fr; }
    TabPane { padding: 0; }
    """
    BINDINGS = [
        Binding("f1", "help", "bantuan"),
        Binding("ctrl+s", "save", "simpan"),
        Binding("ctrl+z", "undo", "batal"),
        Binding("ctrl+y", "redo", "ulang"),
        Binding("f", "fix", "perbaiki"),
        Binding("n", "next_finding", "temuan berikut"),
        Binding("N", "previous_finding", "temuan sebelumnya", show=False),
        Binding("T", "corpus_findings", "semua temuan"),
        Binding("a", "add_step", "tambah langkah"),
        Binding("D", "delete_step", "hapus langkah", show=False),
        Binding("ctrl+up", "move_step(-1)", "naikkan", show=False),
        Binding("ctrl+down", "move_step(1)", "turunkan", show=False),
        Binding("k", "toggle_decision", "keputusan", show=False),
        Binding("P", "add_actor", "tambah pelaksana", show=False),
        Binding("ctrl+r", "remove_actor", "hapus pelaksana", show=False),
        Binding("e", "external_editor", "editor", show=False),
        Binding("ctrl+n", "new_sop", "SOP baru", show=False),
        Binding("L", "toggle_language", "bahasa"),
        Binding("slash", "focus_filter", "saring", show=False),
        Binding("ctrl+b", "toggle_sidebar", "daftar SOP", show=False),
        Binding("1", "tab('prosedur')", show=False),
        Binding("2", "tab('identitas')", show=False),
        Binding("3", "tab('diagram')", show=False),
        Binding("4", "tab('temuan')", show=False),
        Binding("q", "quit", "keluar"),
    ]

    def __init__(self, target: Path, workspace: Workspace | None = None, lint_on_mount: bool = True) -> None:
        super().__init__()
        self.target = target
        self.workspace = workspace or build_workspace(target)
        self.document: Document | None = None
        self.lang = "id"
        self.lint_on_mount = lint_on_mount
        self.lint_seconds: float | None = None
        self.last_finding: Finding | None = None  # where n / N continue from

    # -- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="side"):
                yield CorpusPanel(self.workspace, id="sidebar")
                yield ProgressBar(id="lint-progress", show_eta=False)
            with TabbedContent(id="tabs"):
                with TabPane("Prosedur", id="prosedur"):
                    yield ProcedureView(id="procedure")
                with TabPane("Identitas", id="identitas"):
                    yield IdentityView(id="identity")
                    yield Static(id="identity-findings")
                with TabPane("Diagram", id="diagram"):
                    yield DiagramView(id="diagram-view")
                with TabPane("Temuan", id="temuan"):
                    yield FindingsTable(id="findings")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = str(self.target)
        if not self.workspace.files:
            self.notify("tidak ada berkas SOP di sini; ctrl+n membuat SOP baru (no SOP files; ctrl+n: new SOP)",
                        severity="warning", timeout=8)
        if self.lint_on_mount:
            self.lint_corpus()
        else:
            self.query_one("#lint-progress").display = False
            self._after_lint()

    @work(thread=True, exclusive=True)
    def lint_corpus(self) -> None:
        started = time.perf_counter()
        bar = self.query_one("#lint-progress", ProgressBar)
        self.call_from_thread(bar.update, total=len(self.workspace.files), progress=0)
        self.workspace.lint_all(lambda done, total: self.call_from_thread(bar.update, progress=done))
        self.lint_seconds = time.perf_counter() - started
        self.call_from_thread(self._after_lint)

    def _after_lint(self) -> None:
        self.query_one("#lint-progress").display = False
        self.query_one(CorpusPanel).refresh_labels()
        if self.document is None and self.workspace.files:
            self.open(self.workspace.files[0])
        total = len(self.workspace.all_findings())
        self.notify(f"{len(self.workspace.files)} SOP, {total} temuan (findings)", timeout=3)

    # -- rendering -----------------------------------------------------------------------------
    def render_document(self) -> None:
        document = self.document
        sop = document.view if document else None
        findings = self.workspace.findings(document.path) if document else []
        self.query_one(ProcedureView).show(sop, findings, self.lang)
        self.query_one(IdentityView).show(sop, findings)
        self.query_one(DiagramView).show(sop, self.lang)
        self.query_one(FindingsTable).show(findings, self.lang)
        self.query_one(CorpusPanel).refresh_labels()
        if document is not None:
            mark = " ●" if document.dirty else ""
            problems = "" if document.load.ok else ("  ✖ tidak termuat (does not load)")
            self.sub_title = f"{document.path}{mark}{problems}"

    def open(self, path: Path) -> None:
        self.document = self.workspace.open(Path(path))
        self.query_one(ProcedureView).selected = 0
        self.render_document()
        self.query_one(CorpusPanel).rebuild(select=str(path))
        self.query_one("#steps").focus()

    def edit(self, change) -> None:
        """Apply an edit to the open document, reporting a refused one instead of failing."""
        if self.document is None:
            return
        try:
            changed = self.document.edit(change)
        except editing.EditError as error:
            self.notify(error.text(self.lang), severity="error")
            return
        except Exception as error:  # noqa: BLE001 - an edit tomlkit cannot make must not end the session
            self.notify(f"perubahan gagal (edit failed): {error}", severity="error")
            return
        if changed:
            self.render_document()

    # -- messages from widgets -------------------------------------------------------------------
    @on(FileChosen)
    def file_chosen(self, message: FileChosen) -> None:
        if self.document is not None and str(self.document.path) == message.path:
            return
        self.confirm_leaving(lambda: self.open(Path(message.path)))

    @on(EditRequested)
    def edit_requested(self, message: EditRequested) -> None:
        hint = "pisahkan dengan ; (separate with ;) — kosong menghapus (empty removes)" \
            if message.key in editing.LIST_KEYS else "kosong menghapus kunci (empty removes the key)"

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                parsed = editing.parse_input(message.key, value) if not message.pointer.split("/")[-1].isdigit() \
                    and not message.pointer.endswith("/+") else value.strip()
            except editing.EditError as error:
                self.notify(error.text(self.lang), severity="error")
                return
            if message.pointer.endswith("/+"):
                if parsed:
                    self.edit(lambda text: editing.append_item(text, message.key, parsed))
            else:
                self.edit(lambda text: editing.set_value(text, message.pointer, parsed))

        self.push_screen(EditValue(self._describe(message.pointer), message.current, hint), done)

    def _describe(self, pointer: str) -> str:
        """A pointer in words: "/langkah/5/waktu" -> "Langkah 6 · waktu"."""
        parts = pointer.split("/")[1:]
        sop = self.document.view if self.document else None
        if len(parts) >= 3 and parts[0] == "langkah" and parts[1].isdigit() and sop and int(parts[1]) < len(sop.langkah):
            return f"Langkah {sop.langkah[int(parts[1])].no} · {' · '.join(parts[2:])}"
        if parts and parts[-1] == "+":
            return f"{parts[0]}: butir baru (new item)"
        return " · ".join(p if not p.isdigit() else f"butir {int(p) + 1}" for p in parts)

    @on(ActorToggled)
    def actor_toggled(self, message: ActorToggled) -> None:
        step = self.document.view.langkah[message.index]
        value = "" if step.pelaksana == message.actor else message.actor
        self.edit(lambda text: editing.set_value(text, f"/langkah/{message.index}/pelaksana", value))

    @on(IdentityView.RowFindings)
    def identity_row_findings(self, message: IdentityView.RowFindings) -> None:
        from rich.text import Text as RichText

        from .widgets.marks import MARK, STYLE

        text = RichText()
        for finding in message.findings:
            text.append(f"{MARK[finding.severity]} ", style=STYLE[finding.severity])
            text.append(f"{finding.message(self.lang)} ({finding.name})")
            if finding.fix is not None:
                text.append("  [f: perbaiki]" if self.lang != "en" else "  [f: fix]", style="green")
            text.append("\n")
        text.rstrip()  # in place
        self.query_one("#identity-findings", Static).update(text)

    @on(FindingChosen)
    def finding_chosen(self, message: FindingChosen) -> None:
        self.go_to(message.finding)

    def go_to(self, finding: Finding) -> None:
        self.last_finding = finding

        def show() -> None:
            parts = finding.pointer.split("/")
            tabs = self.query_one(TabbedContent)
            if len(parts) > 2 and parts[1] == "langkah" and parts[2].isdigit():
                tabs.active = "prosedur"
                self.query_one(ProcedureView).select_step(int(parts[2]))
            elif finding.pointer:
                tabs.active = "identitas"
                self.query_one(IdentityView).focus_pointer(finding.pointer)
                self.query_one(IdentityView).focus()
            else:
                tabs.active = "temuan"

        if self.document is None or str(self.document.path) != finding.path:
            self.confirm_leaving(lambda: (self.open(Path(finding.path)), show()))
        else:
            show()

    # -- actions -----------------------------------------------------------------------------------
    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        focus = {"prosedur": "#steps", "identitas": "#identity", "diagram": "#diagram-view", "temuan": "#findings"}
        self.query_one(focus[tab]).focus()

    def action_toggle_sidebar(self) -> None:
        """Hide the corpus list to give a narrow terminal's width to the tables, or show it."""
        side = self.query_one("#side")
        side.display = not side.display

    def action_focus_filter(self) -> None:
        self.query_one("#filter").focus()

    def action_save(self) -> None:
        if self.document is None:
            return
        try:
            self.document.save()
        except ChangedOnDisk:
            self.push_screen(Choose(
                "Berkas berubah di disk sejak dibuka. (The file changed on disk since it was opened.)",
                [("reload", "Muat ulang (reload)"), ("overwrite", "Timpa (overwrite)"), ("cancel", "Batal (cancel)")],
            ), self._resolve_conflict)
            return
        except OSError as error:
            self.notify(f"gagal menyimpan (save failed): {error}", severity="error")
            return
        self.notify(f"tersimpan (saved): {self.document.path}", timeout=2)
        self.render_document()

    def _resolve_conflict(self, choice: str) -> None:
        if choice == "reload":
            self.document.reload()
            self.notify("dimuat ulang; ctrl+z mengembalikan perubahan Anda (reloaded; ctrl+z brings your edits back)")
        elif choice == "overwrite":
            self.document.save(force=True)
            self.notify(f"tersimpan (saved): {self.document.path}", timeout=2)
        self.render_document()

    def action_undo(self) -> None:
        if self.document and self.document.undo():
            self.render_document()

    def action_redo(self) -> None:
        if self.document and self.document.redo():
            self.render_document()

    def action_fix(self) -> None:
        finding = None
        if self.query_one(TabbedContent).active == "identitas":
            finding = next((f for f in self._identity_findings() if f.fix), None)
        finding = finding or self.query_one(ProcedureView).current_finding()
        if finding is None:
            fixable = [f for f in self.workspace.findings(self.document.path) if f.fix] if self.document else []
            finding = fixable[0] if fixable else None
        if finding is None or finding.fix is None:
            self.notify("tidak ada perbaikan di sini (no fix here)", timeout=2)
            return
        if self.document.fix(finding):
            self.notify(finding.fix.description(self.lang), timeout=3)
            self.render_document()

    def _identity_findings(self) -> list[Finding]:
        view = self.query_one(IdentityView)
        if view.cursor_row >= len(view.rows_meta):
            return []
        pointer = view.rows_meta[view.cursor_row][0].removesuffix("/+")
        return [f for f in view.findings if f.pointer == pointer or f.pointer.startswith(pointer + "/")]

    def _finding_order(self) -> list[Finding]:
        order = {str(p): i for i, p in enumerate(self.workspace.files)}
        return sorted(self.workspace.all_findings(), key=lambda f: (order.get(f.path, 0), f.line, f.col, f.code))

    def _key(self, finding: Finding) -> tuple:
        order = {str(p): i for i, p in enumerate(self.workspace.files)}
        return order.get(finding.path, 0), finding.line, finding.col, finding.code

    def _here(self) -> tuple:
        """Where `n`/`N` continue from: the last finding gone to, if it is in the open file,
        else the selected step."""
        if self.document is None:
            return (-1, 0, 0, "")
        if self.last_finding is not None and self.last_finding.path == str(self.document.path):
            return self._key(self.last_finding)
        order = {str(p): i for i, p in enumerate(self.workspace.files)}
        step = self.query_one(ProcedureView).current_step
        line = self.document.view.locate(step.pointer).line if step and self.document.view else 0
        return order.get(str(self.document.path), -1), line, 0, ""

    def action_next_finding(self) -> None:
        self._step_finding(+1)

    def action_previous_finding(self) -> None:
        self._step_finding(-1)

    def _step_finding(self, direction: int) -> None:
        findings = self._finding_order()
        if not findings:
            self.notify("tidak ada temuan (no findings)", timeout=2)
            return
        here = self._here()
        keys = [self._key(f) for f in findings]
        if direction > 0:
            chosen = next((f for f, k in zip(findings, keys) if k > here), findings[0])
        else:
            chosen = next((f for f, k in zip(reversed(findings), reversed(keys)) if k < here), findings[-1])
        self.go_to(chosen)

    def action_corpus_findings(self) -> None:
        def chosen(finding: Finding | None) -> None:
            if finding is not None:
                self.go_to(finding)

        self.push_screen(CorpusFindings(self._finding_order(), self.lang), chosen)

    def _step_index(self) -> int | None:
        step = self.query_one(ProcedureView).current_step
        return step.index if step is not None else None

    def action_add_step(self) -> None:
        index = self._step_index()
        self.edit(lambda text: editing.add_step(text, index))
        if index is not None:
            self.query_one(ProcedureView).select_step(index + 1)

    def action_delete_step(self) -> None:
        index = self._step_index()
        if index is None:
            return
        step = self.document.view.langkah[index]

        def answer(choice: str) -> None:
            if choice == "delete":
                self.edit(lambda text: editing.delete_step(text, index))

        self.push_screen(Choose(f"Hapus langkah {step.no} \"{step.kegiatan[:50]}\"? (Delete step {step.no}?)",
                                [("delete", "Hapus (delete)"), ("cancel", "Batal (cancel)")]), answer)

    def action_move_step(self, offset: int) -> None:
        index = self._step_index()
        if index is None:
            return
        self.edit(lambda text: editing.move_step(text, index, offset))
        self.query_one(ProcedureView).select_step(index + offset)

    def action_toggle_decision(self) -> None:
        index = self._step_index()
        if index is None:
            return
        step = self.document.view.langkah[index]
        if step.is_decision:
            self.edit(lambda text: editing.make_process(text, index))
            return

        def targets(value: str | None) -> None:
            if not value:
                return
            parts = value.replace(",", " ").split()
            if len(parts) != 2 or not all(p.isdigit() for p in parts):
                self.notify("tulis dua nomor langkah: ya tidak (write two step numbers: yes no)", severity="error")
                return
            self.edit(lambda text: editing.make_decision(text, index, int(parts[0]), int(parts[1])))

        following = self.document.view.langkah[index + 1].no if index + 1 < len(self.document.view.langkah) else step.no
        self.push_screen(EditValue(f"Langkah {step.no} jadi keputusan: nomor langkah untuk `ya` dan `tidak` "
                                   "(decision: step numbers for yes and no)", f"{following} {step.no}"), targets)

    def action_add_actor(self) -> None:
        def added(value: str | None) -> None:
            if not value or "=" not in value:
                if value:
                    self.notify("tulis id = jabatan, mis. kasi_pem = Kasi Pemerintahan", severity="error")
                return
            actor_id, jabatan = (part.strip() for part in value.split("=", 1))
            self.edit(lambda text: editing.add_actor(text, actor_id, jabatan))

        self.push_screen(EditValue("Pelaksana baru: id = jabatan (new actor: id = title)", "kasi = Kasi"), added)

    def action_remove_actor(self) -> None:
        if self.document is None or self.document.view is None:
            return
        actors = list(self.document.view.pelaksana)

        def removed(value: str | None) -> None:
            if value:
                self.edit(lambda text: editing.remove_actor(text, value.strip()))

        self.push_screen(EditValue(f"Hapus pelaksana (remove actor): {', '.join(actors)}", ""), removed)

    def action_external_editor(self) -> None:
        """Edit the raw TOML in $VISUAL/$EDITOR; the result comes back as one undoable edit."""
        if self.document is None:
            return
        path = self.document.path
        scratch = path.with_name(f".{path.stem}.soptui-edit{path.suffix}")
        scratch.write_text(self.document.text, encoding="utf-8")
        try:
            try:
                with self.suspend():
                    subprocess.run([*external_editor(), str(scratch)], check=False)
            except SuspendNotSupported:  # a headless session (tests): no terminal to hand over
                subprocess.run([*external_editor(), str(scratch)], check=False)
            edited = scratch.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.notify(f"editor gagal (editor failed): {error}", severity="error")
            return
        finally:
            scratch.unlink(missing_ok=True)
        if self.document.apply(edited):
            if not self.document.load.ok:
                self.notify("berkas tidak termuat lagi: lihat tab Temuan (the file no longer loads: see Temuan)",
                            severity="error")
                self.query_one(TabbedContent).active = "temuan"
            self.render_document()

    def action_new_sop(self) -> None:
        root = self.target if self.target.is_dir() else self.target.parent

        def create(value: str | None) -> None:
            if not value:
                return
            path = root / value if not value.endswith(".toml") else root / value
            path = path if path.suffix == ".toml" else path.with_suffix(".toml")
            try:
                self.workspace.create(path, new_sop_text(path))
            except FileExistsError:
                self.notify(f"sudah ada (already exists): {path}", severity="error")
                return
            except OSError as error:
                self.notify(f"gagal membuat (cannot create): {error}", severity="error")
                return
            self.workspace.results[str(path)] = self.workspace.documents[str(path)].result
            self.open(path)

        self.confirm_leaving(lambda: self.push_screen(
            EditValue(f"Berkas SOP baru di {root}/ (new SOP file)", "unit/nama-sop.toml"), create))

    def action_toggle_language(self) -> None:
        self.lang = "en" if self.lang == "id" else "id"
        self.notify("English" if self.lang == "en" else "Bahasa Indonesia", timeout=2)
        self.render_document()

    def confirm_leaving(self, then) -> None:
        """Run `then` after asking what to do with unsaved changes of the open document."""
        document = self.document
        if document is None or not document.dirty:
            then()
            return

        def answer(choice: str) -> None:
            if choice == "save":
                try:
                    document.save()
                except (ChangedOnDisk, OSError) as error:
                    self.notify(f"tidak tersimpan (not saved): {error}", severity="error")
                    return
                then()
            elif choice == "discard":
                document.reload()
                then()

        self.push_screen(Choose(f"{document.path.name} punya perubahan yang belum disimpan. "
                                "(It has unsaved changes.)",
                                [("save", "Simpan (save)"), ("discard", "Buang (discard)"), ("cancel", "Batal (cancel)")]),
                         answer)

    async def action_quit(self) -> None:
        dirty = [d for d in self.workspace.documents.values() if d.dirty]
        if not dirty:
            self.exit()
            return

        def answer(choice: str) -> None:
            if choice == "save":
                for document in dirty:
                    try:
                        document.save()
                    except (ChangedOnDisk, OSError) as error:
                        self.notify(f"tidak tersimpan (not saved): {document.path}: {error}", severity="error")
                        return
                self.exit()
            elif choice == "discard":
                self.exit()

        names = ", ".join(d.path.name for d in dirty)
        self.push_screen(Choose(f"Perubahan belum disimpan (unsaved changes): {names}",
                                [("save", "Simpan & keluar"), ("discard", "Keluar tanpa simpan"),
                                 ("cancel", "Batal (cancel)")]), answer)

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            if binding.description and binding.action not in ("quit",):
                yield SystemCommand(binding.description, f"{binding.key}: {binding.action}",
                                    lambda action=binding.action: self.run_action(action))


def run(target: Path) -> int:
    SoptuiApp(target).run()
    return 0
