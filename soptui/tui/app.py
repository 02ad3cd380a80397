"""The soptui terminal app: browse, review and edit a corpus of SOPs with findings inline.

The state lives in a `Workspace` (the corpus, its findings, the open documents) and changes
only through it and `soptui.editing`; widgets render what the app hands them and post messages
for what the user wants. The corpus lint runs in a worker thread that posts its results as
messages, taken on the UI thread, so nothing the user edits meanwhile is overwritten.
"""

from __future__ import annotations

import difflib
from collections import Counter
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from textual import events, on, work
from textual.app import App, ComposeResult, SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hits
from textual.theme import ThemeProvider
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.system_commands import SystemCommandsProvider
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, HelpPanel, ProgressBar, Static, TabbedContent
from textual.widgets.option_list import Option
from rich.align import Align
from rich.text import Text as RichText

from .. import editing
from ..checker.config import Config, ConfigError, find_config, load_config, refuse_unknown_selectors
from ..checker.engine import Checker
from ..checker.finding import Finding
from ..checker.fixes import FixRefused
from ..checker.rule import Applicability, Context, applicability_of
from ..checker.plugins import PluginError, failed_to_load, load_plugins
from ..field_names import STEP_FIELDS
from ..i18n import Text
from ..gcpolicy import collect_if_due, defer_full_collections, restore_thresholds, settle
from ..loading.discover import UnusablePath, find_sop_files
from ..one_cell import one_cell, one_cell_lines
from ..registry import RegistryError, registry_for
from ..rules import codes
from ..template import new_sop_text
from ..workspace import ChangedOnDisk, Document, Loads, NewFileRefused, Workspace, external_editor
from .main_screen import MainScreen
from .messages import ActorToggled, EditMade, EditRequested, FileChosen, FindingChosen, LintBatch, LintDone
from .screens import Choose, CorpusFindings, Dialog, EditValue, HelpScreen, Preview
from .screens.dialogs import OwnFooter
from .strings import SYSTEM_COMMANDS, count_of, key_label, os_error_text, relabel, reword_textual_keys, say
from .widgets.corpus import CorpusPanel, CorpusTree
from .widgets.diagram import DiagramView
from .widgets.filter_box import FilterBox
from .widgets.findings import FindingsTable
from .widgets.footer import KeysFooter
from .widgets.identity import IdentityView, label_of
from .widgets.marks import MARK, STYLE
from .widgets.procedure import ProcedureView, step_index
from .widgets.stacked_pane import StackedPane, StackedTabs
from .widgets.text_pane import TextPane

TABS = ("prosedur", "identitas", "diagram", "temuan")
TAB_TITLES = {"prosedur": "Prosedur", "identitas": "Identitas", "diagram": "Diagram", "temuan": "Temuan"}
FOCUS = {"prosedur": "#steps", "identitas": "#identity", "diagram": "#diagram-view", "temuan": "#findings"}
# Below this width the corpus list hides itself, leaving the tables the whole screen.
NARROW = 110
# The sidebar's share of a wide terminal, for the SOPs' nama, and its least and most columns.
SIDEBAR_SHARE, SIDEBAR_MIN, SIDEBAR_MAX = 0.25, 28, 60
# Editors that open a file at a line given as +LINE.
# The help text of Textual's Screenshot command, which the app replaces (see `save_screen_shot`).
TEXTUAL_SCREENSHOT = "Save an SVG 'screenshot' of the current screen"
PLUS_LINE_EDITORS = {"vi", "vim", "nvim", "view", "nano", "emacs", "emacsclient", "micro", "kak", "joe", "mcedit", "ne"}


def build_workspace(target: Path, notes: list[Text] | None = None) -> tuple[Workspace, Config]:
    """The workspace of `target`, and its configuration, found and checked as `soptui lint`
    does: a configuration error (broken TOML, an unknown rule selected) raises `ConfigError`,
    which stops the UI as it stops the lint (opened on the defaults, or with a selection that
    matches nothing, the UI showed every SOP without the findings the configuration asks for).
    A plugin with an unknown hook raises `PluginError`, as it stops `soptui lint`. What else
    the app opens without is added to `notes`, to be said on screen when it starts (nothing is
    written to the terminal behind it): folders and file names under `target` it cannot use,
    a broken registry file, plugins that failed to load."""
    notes = [] if notes is None else notes
    files = find_sop_files([target], unusable=notes) if target.exists() else []
    config_path = find_config(target)
    config = load_config(config_path) if config_path else Config()
    plugins = load_plugins(include=list(config.plugins))
    notes += [failed_to_load(failure) for failure in plugins.failed]
    rule_classes = plugins.rule_classes()
    notes += plugins.problems
    refuse_unknown_selectors(config, [cls for _, cls in rule_classes], removed=codes.removed())
    try:
        registry = registry_for(config, plugins.manager)
    except RegistryError as error:
        registry = None  # the shipped registry
        notes.append(Text("registri peraturan bawaan dipakai: ", "the shipped regulation registry is used: ")
                     + error.text)
    root = target if target.is_dir() else target.parent
    checker = Checker(rule_classes, config, Context(registry=registry))
    return Workspace(files, checker, root=root), config


def post_refreshes_now(screen: Screen) -> None:
    """Tell `screen` now of every repaint and layout its widgets asked for. Textual posts a
    widget's request to the screen in the widget's next idle turn, and the screen paints when
    it is idle itself: a frame could go out with part of a key's changes and the rest follow
    in another, a frame's period later. Called at the end of a key's changes, so that they are
    one frame."""
    for widget in screen.walk_children():
        # (a widget's scroll bars are not its children: they are its own)
        for part in (widget, widget._vertical_scrollbar, widget._horizontal_scrollbar, widget._scrollbar_corner):
            if part is not None and (part._repaint_required or part._layout_required or part._scroll_required):
                part._check_refresh()


def sidebar_width(width: int) -> int:
    """The sidebar's width on a terminal `width` columns wide: its share, within its bounds."""
    return max(SIDEBAR_MIN, min(SIDEBAR_MAX, int(width * SIDEBAR_SHARE)))


class Palette(CommandPalette, OwnFooter):
    """Textual's palette with a bottom line of its own keys, as a dialog has: the main screen's
    footer showed through under it, its keys dimmed, none of them acting while the palette is
    open. Textual's palette has no `.keys` line of ours to repeat, so it says its keys here.
    CommandPalette first: Textual takes a screen's CSS and component classes through its first
    base only."""

    def __init__(self, lang: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lang = lang

    def own_keys(self) -> str:
        return f"↑↓ · Enter: {say('run', self.lang)} · Esc: {say('close', self.lang)}"

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's, with its row in `lang`: Textual's says "No matches found" in English
        whatever the language. The row is added as Textual adds it, with its id, by which
        Textual takes it away again when the search finds something."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:  # nothing found for it (an empty search lists commands: nothing to say)
                self.query_one(CommandList).add_option(Option(
                    Align.center(RichText(say("palette_no_match", self.lang), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class SystemCommands(SystemCommandsProvider):
    """The palette's commands in one alphabetical order whatever their case: Textual sorts them
    as written, so "Tema" and "SOP baru" came before "abaikan temuan"."""

    async def discover(self) -> Hits:
        for command in sorted(self.app.get_system_commands(self.screen), key=lambda command: command.title.casefold()):
            if command.discover:
                yield DiscoveryHit(command.title, command.callback, help=command.help)


def screenshot_folders(here: Path, root: Path) -> list[Path]:
    """Where a screenshot may go, in order: the current folder unless it lies in the corpus
    `root`, then the temporary folder; never in the corpus."""
    here, root = here.resolve(), root.resolve()
    temporary = Path(tempfile.gettempdir())
    return [*([here] if not here.is_relative_to(root) else []), temporary]


def export_problem(value: str, lang: str) -> str | None:
    """What is wrong with `value` as the name `x` writes the document to, in `lang`; None when
    nothing is (or it is empty: the dialog just closes). Said under the field, the dialog kept
    open with what was typed: a closed dialog and a notice with Python's errno made the user
    type the name again."""
    if not value.strip():
        return None
    out = Path(value.strip())
    if out.is_dir():
        return say("export_is_a_folder", lang).format(name=out)
    if out.suffix.lstrip(".").lower() not in ("pdf", "docx"):
        return say("export_suffix", lang)
    folder = out.parent
    if not folder.exists():
        return say("export_no_folder", lang).format(folder=folder)
    if not folder.is_dir():
        return say("export_not_a_folder", lang).format(folder=folder)
    if not os.access(folder, os.W_OK):
        return say("export_cannot_write", lang).format(folder=folder)
    return None


def editor_command(path: str, line: int | None) -> list[str]:
    """The user's editor on `path`, at `line` when the editor takes +LINE."""
    command = external_editor()
    if line and Path(command[0]).name in PLUS_LINE_EDITORS:
        return [*command, f"+{line}", path]
    return [*command, path]


class SoptuiApp(App):
    TITLE = "soptui"
    # The sub-title names the open file and changes with every open and edit. The Header redraws
    # itself when it changes; App's default also repaints the whole screen, a full frame for nothing.
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)
    CSS_PATH = "soptui.tcss"
    COMMANDS = {SystemCommands}
    # (key, action, word for it in strings.WORDS, shown in the footer)
    KEYS = (
        ("f1", "help", "help", True),
        ("ctrl+b", "toggle_sidebar", "toggle_sidebar", True),  # early: the footer of 80 columns shows it
        ("ctrl+s", "save", "save", True),
        ("S", "save_all", "save_all", False),
        ("ctrl+z", "undo", "undo", False),
        ("ctrl+y", "redo", "redo", False),
        ("f", "fix", "fix", True),
        ("F", "fix_all", "fix_all", False),
        ("w", "waive", "waive", False),
        ("n", "next_finding", "next_finding", True),
        ("N", "previous_finding", "previous_finding", False),
        ("T", "corpus_findings", "corpus_findings", True),
        ("e", "external_editor", "external_editor", False),
        ("ctrl+n", "new_sop", "new_sop", False),
        ("x", "export", "export", False),
        ("L", "toggle_language", "toggle_language", True),
        ("slash", "focus_filter", "focus_filter", False),
        ("1", "tab('prosedur')", "tab_prosedur", False),
        ("2", "tab('identitas')", "tab_identitas", False),
        ("3", "tab('diagram')", "tab_diagram", False),
        ("4", "tab('temuan')", "tab_temuan", False),
        ("q", "quit", "quit", True),
    )
    BINDINGS = [Binding(key, action, say(word, "id"), show=shown) for key, action, word, shown in KEYS]

    # The keys above that act on the open SOP, or on the main screen, and so do nothing over
    # another full screen (`T`'s list), where the reviewer does not see it: there `w` asked to
    # waive its finding, `e` opened it in the editor. (Over a dialog Textual leaves out the
    # app's keys itself.) F1 and q work everywhere.
    MAIN_SCREEN_ACTIONS = frozenset(action.split("(")[0] for _, action, _, _ in KEYS) - {"help", "quit"}

    def __init__(self, target: Path, workspace: Workspace | None = None, lint_on_mount: bool = True,
                 lang: str | None = None) -> None:
        super().__init__()
        # The screen shows where a key took you at once: Textual's animations (the tab underline
        # slides for 0.3 s after `n` changes tab, scrolls glide) repaint frame after frame behind
        # each key. TEXTUAL_ANIMATIONS=full brings them back.
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"
        self.target = target
        config = Config()
        # what the app opened without (see `build_workspace`), said when it starts
        self.start_notes: list[Text] = []
        self._said_changed_outside = None  # the open file's status when another program's write was said
        if workspace is None:
            workspace, config = build_workspace(target, self.start_notes)
        self.workspace = workspace
        self.config = config
        self.document: Document | None = None
        self.lang = lang or config.lang or os.environ.get("SOPTUI_LANG") or "id"
        if self.lang not in ("id", "en"):
            self.lang = "id"
        self.lint_on_mount = lint_on_mount
        self.lint_seconds: float | None = None
        self.last_finding: Finding | None = None  # where n / N continue from
        self.sidebar_chosen: bool | None = None  # the user's ctrl+b choice, over the automatic one
        self._wide: bool | None = None  # whether the terminal was at least NARROW wide, last we looked
        self._stale: set[str] = set(TABS)  # tabs drawn from an older state than the workspace's
        self._restyle_when_shown: set[Widget] = set()  # unfocused out of sight, still drawn focused (`_focus_now`)
        # when the last key or mouse event came, or the last change of the open SOP was drawn (one
        # opened or edited by a message, not a key: a click's, a dialog's, a worker's)
        self._last_input = time.monotonic()
        self._gc_thresholds: tuple[int, int, int] | None = None

    # Python's full collections are made here, once no key or mouse event has come, and nothing
    # was opened or edited, for this long
    # (`soptui.gcpolicy.defer_full_collections`): made by the collector itself, one held up the
    # key press it fell in by all of its walk.
    IDLE_BEFORE_COLLECTING = 0.25
    # What the app opened without (a broken registry, a plugin that failed) stays said until the
    # reviewer dismisses it with a click: a toast that went by itself was gone while they read the
    # first SOP, and nothing else said why citations went unchecked.
    START_NOTES_SECONDS = 24 * 3600
    # How often the open file is looked at for another program's write (a `git pull`, an
    # editor): a stat, its bytes read only when that changed.
    WATCH_SECONDS = 2.0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseEvent)):
            self._last_input = time.monotonic()
        if isinstance(event, events.Key) and not event.is_forwarded:  # a key as typed
            screen = self.screen
            if isinstance(screen, Dialog) and screen.take_key(event):
                # kept for its first field, a Tab that moves the focus now, a bound key run in
                # turn with the characters typed before it: a burst acts as slow typing
                return
            event.typed_on = screen  # the screen it was typed on, for `on_key`
            event.handed_to = screen.focused  # the widget Textual hands it to, for `on_key`
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key typed right after one that opens a dialog, quicker than that key was handled:
        the main screen's widget still had it and passed it up. It was meant for the dialog,
        which the user saw open, so it goes there before any binding sees it. So too a key
        typed right after `/`, handed to the list and passed up once the filter box had the
        focus: it goes to the box, as typed (not lost, nor `q` quitting). (Handlers run
        subclass first, so App's binding lookup is skipped with `prevent_default`.)"""
        screen = self.screen
        if isinstance(screen, Dialog) and getattr(event, "typed_on", screen) is not screen:
            event.prevent_default()
            screen.take_key(event, typed=False)
        elif isinstance(screen.focused, FilterBox) and getattr(event, "handed_to", screen.focused) is not screen.focused:
            event.prevent_default()
            screen.focused._forward_event(events.Key(event.key, event.character))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        stack = self.screen_stack
        return action not in self.MAIN_SCREEN_ACTIONS or len(stack) <= 1 or stack[-1].is_modal

    # -- layout --------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="side"):
                yield CorpusPanel(self.workspace, id="sidebar")
                yield ProgressBar(id="lint-progress", show_eta=False)
            with StackedTabs(id="tabs"):
                with StackedPane(say("Prosedur", self.lang), id="prosedur"):
                    yield ProcedureView(id="procedure")
                with StackedPane(say("Identitas", self.lang), id="identitas"):
                    yield IdentityView(id="identity", on_row_findings=self.show_row_findings)
                    yield TextPane(id="identity-findings")
                with StackedPane(say("Diagram", self.lang), id="diagram"):
                    yield DiagramView(id="diagram-view")
                with StackedPane(say("Temuan", self.lang), id="temuan"):
                    yield Static(id="temuan-status")  # how many, in which order (`s`), as `T` says
                    yield FindingsTable(id="findings", relative=self.workspace.relative)
            yield Static(id="empty-corpus")  # in place of the tabs while there is no SOP
        yield KeysFooter()

    def notice(self, message: str, **options) -> None:
        """A notification of soptui's: as text, not markup, one cell a character (`one_cell_lines`).
        Most quote a file's name, a value or an error: read as markup, a toast lost its "[...]"
        ("pip install 'soptui[export]'" said "soptui") or, for a path "x[/b]y.toml", raised
        MarkupError when drawn, which ended the app. (Textual's own notifications stay markup.)"""
        self.notify(one_cell_lines(message), markup=False, **options)

    def on_mount(self) -> None:
        self._gc_thresholds = defer_full_collections()
        self.set_interval(self.IDLE_BEFORE_COLLECTING, self._collect_when_idle)
        self.set_interval(self.WATCH_SECONDS, self._watch_open_file)
        self.sub_title = str(self.target)
        self._apply_language()
        self._fit_sidebar()
        self._show_empty_corpus()
        if self.start_notes:
            self.notice("\n".join(note(self.lang) for note in self.start_notes), title=say("not_opened", self.lang),
                        severity="error", timeout=self.START_NOTES_SECONDS)
        if self.lint_on_mount and self.workspace.files:
            self.query_one("#lint-progress", ProgressBar).update(total=len(self.workspace.files), progress=0)
            self.lint_corpus()
        else:
            self.query_one("#lint-progress").display = False
            self.workspace.finish_lint()
            self._after_lint()

    def on_unmount(self) -> None:
        if self._gc_thresholds is not None:
            restore_thresholds(self._gc_thresholds)

    def _collect_when_idle(self) -> None:
        collect_if_due(idle=time.monotonic() - self._last_input >= self.IDLE_BEFORE_COLLECTING)

    def _show_empty_corpus(self) -> None:
        """An empty corpus says so, and how to start one, for as long as it is empty: not a
        blank screen with a toast that goes away."""
        empty = not self.workspace.files
        self.query_one("#tabs").display = not empty
        hint = self.query_one("#empty-corpus", Static)
        hint.display = empty
        if empty:
            hint.update(say("no_files", self.lang))

    def on_resize(self, event: events.Resize) -> None:
        # App.size is still the old size here (App's own handler, which updates it, runs after).
        self._fit_sidebar(event.size.width)

    def _fit_sidebar(self, width: int | None = None) -> None:
        """The sidebar shown on a wide terminal, hidden on a narrow one; the user's ctrl+b choice
        holds until the width next crosses NARROW, when the automatic choice takes over again."""
        width = self.size.width if width is None else width
        wide = width >= NARROW
        if wide != self._wide:
            self._wide = wide
            self.sidebar_chosen = None
        wanted = self.sidebar_chosen if self.sidebar_chosen is not None else wide
        side = self.query_one("#side")
        side.set_class(not wanted, "-hidden")
        side.styles.width = sidebar_width(width)

    # -- the corpus lint: a worker thread posts results, the UI thread takes them --------------------
    @work(thread=True, exclusive=True)
    def lint_corpus(self) -> None:
        started = time.perf_counter()
        total, done = len(self.workspace.files), 0
        for batch in self.workspace.lint_batches():
            done += len(batch)
            self.post_message(LintBatch(batch, done, total))
        self.post_message(LintDone(time.perf_counter() - started))

    @on(LintBatch)
    def lint_batch(self, message: LintBatch) -> None:
        self.workspace.take_results(message.batch)
        self.query_one("#lint-progress", ProgressBar).update(progress=message.done)
        self.query_one(CorpusPanel).refresh_labels(self.workspace.take_changed())

    @on(LintDone)
    def lint_done(self, message: LintDone) -> None:
        self.lint_seconds = message.seconds
        self.workspace.finish_lint()
        self._after_lint()

    def _after_lint(self) -> None:
        settle()  # the corpus and its findings, kept for the session
        self.query_one("#lint-progress").display = False
        if self.document is None and any(self.open(path) for path in self.workspace.files):
            if self.focused is None or self.focused.id == "filter":
                self.action_tab("prosedur")
        else:
            self.render_document()
        total = sum(len(self.workspace.findings(path)) for path in self.workspace.files)
        took = f" ({self.lint_seconds:.1f} s)" if self.lint_seconds is not None else ""
        self.notice(f"{len(self.workspace.files)} SOP, {total} {say('findings_word', self.lang)}{took}", timeout=3)

    # -- rendering -----------------------------------------------------------------------------
    def render_document(self) -> None:
        """Hand the open document's state down: to the tab on screen now, and to each other tab
        when it is next shown (a hidden tab drawn on every edit would be work for nothing)."""
        self._last_input = time.monotonic()  # no full collection in the frames that draw it
        self._stale = set(TABS)
        self._render_tab(self.query_one(TabbedContent).active or "prosedur")
        document = self.document
        changed = self.workspace.take_changed()
        if document is not None:
            changed.add(str(document.path))  # its ● mark follows every edit and save
        self.query_one(CorpusPanel).refresh_labels(changed)
        if document is not None:
            mark = " ●" if document.dirty else ""
            problem = f"  ✖ {say('loads_partly' if document.loads_partly else 'does_not_load', self.lang)}" \
                if not document.load.ok else ""
            dirty = len(self.workspace.dirty_documents())
            others = f"  ({dirty} ●)" if dirty > (1 if document.dirty else 0) else ""
            self._show_sub_title(f"{self.workspace.relative(document.path)}{mark}{problem}{others}")

    def _show_sub_title(self, text: str) -> None:
        """The sub-title, in the header in the frame that shows the rest. Header follows
        `sub_title` through a watcher that runs after that frame and asks for a layout: a second
        frame on every open and edit. The title's width is the header's, so a repaint does."""
        if text == self.sub_title:
            return
        self.set_reactive(SoptuiApp.sub_title, text)
        header = self.query_one(Header)
        header.query_one("HeaderTitle", Static).update(header.format_title(), layout=False)

    def _render_tab(self, tab: str) -> None:
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        document = self.document
        sop = document.view if document else None
        findings = self.workspace.findings(document.path) if document else []
        if tab == "prosedur":
            problems, disk_text = (), None
            if document and not document.load.ok:
                problems = document.load.problems
            elif document and document.disk_load is not None:  # kept over a broken file on disk
                problems, disk_text = document.disk_load.problems, document.disk_text
            self.query_one(ProcedureView).show(sop, findings, self.lang, problems, document.text if document else "",
                                               partly=bool(document and document.loads_partly), disk_text=disk_text)
        elif tab == "identitas":
            self.query_one(IdentityView).show(sop, findings, self.lang, width=self.query_one(TabbedContent).size.width,
                                              note=self._not_loaded_note())
        elif tab == "diagram":
            self.query_one(DiagramView).show(sop, findings, self.lang, note=self._not_loaded_note())
        else:
            self.query_one(FindingsTable).show(findings, self.lang)
            self.findings_sorted()

    def _not_loaded_note(self) -> str:
        """What Identitas and Diagram say of an open file that does not load (Prosedur shows why)."""
        return say("see_prosedur", self.lang) if self.document is not None and self.document.view is None else ""

    @on(FindingsTable.Sorted)
    def findings_sorted(self) -> None:
        """The Temuan tab's line above its list, after `s` or a new list. (`T`'s list says its
        own: this one's table is the tab's.)"""
        status = self.query_one("#temuan-status", Static)
        status.update(self.query_one("#findings", FindingsTable).status(), layout=False)  # one line, whatever it says

    @on(TabbedContent.TabActivated)
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._render_tab(event.pane.id)
        self._restyle_shown()  # a tab shown by a click, the focus left where it was

    def open(self, path: Path) -> bool:
        """Show `path` as the open document; False, said in a notice, when it cannot be read (a
        link that leads to no file, a FIFO: its load-error is among the corpus's findings)."""
        try:
            self.document = self.workspace.open(Path(path))
        except OSError as error:
            why = next((f.message(self.lang) for f in self.workspace.findings(path) if f.code == "SOP000"),
                       error.strerror or str(error))
            self.notice(f"{say('cannot_open', self.lang)}: {self.workspace.relative(path)}: {why}",
                        severity="error", timeout=8)
            return False
        self.query_one(ProcedureView).selected = 0
        self.render_document()
        self.query_one(CorpusPanel).mark_open(str(path))
        post_refreshes_now(self.screen)
        return True

    def refused(self) -> bool:
        """Whether an edit is refused, and said so: the open text does not load (the Prosedur tab
        shows where), so no edit can be made in it. The message is ours, in the user's language,
        not the parser's English that an edit tried anyway reported."""
        document = self.document
        if document is None or document.load.ok or document.loads_partly or not document.load.problems:
            return False
        line = document.load.problems[0].pos.line
        self.notice(say("mend_first", self.lang).format(line=line), severity="error", timeout=6)
        return True

    def edit(self, change) -> bool:
        """Apply an edit to the open document, reporting a refused one instead of failing."""
        if self.document is None or self.refused():
            return False
        try:
            changed = self.document.edit(change)
        except editing.EditError as error:
            self.notice(error.text(self.lang), severity="error")
            return False
        except Exception as error:  # noqa: BLE001 - an edit tomlkit cannot make must not end the session
            self.notice(f"{say('edit_failed', self.lang)}: {error}", severity="error")
            return False
        if changed:
            self.render_document()
            post_refreshes_now(self.screen)
        return changed

    # -- messages from widgets -------------------------------------------------------------------
    @on(FileChosen)
    def file_chosen(self, message: FileChosen) -> None:
        # Unsaved edits stay with their document (marked ● in the list): nothing to ask here.
        if self.document is None or str(self.document.path) != message.path:
            self.open(Path(message.path))
        self.action_tab(self.query_one(TabbedContent).active or "prosedur")

    @on(EditRequested)
    def edit_requested(self, message: EditRequested) -> None:
        if self.refused():  # at Enter, before the value is asked for
            return
        hint = say("list_hint" if message.key in editing.LIST_KEYS
                   else "date_hint" if message.key.startswith("tanggal_") else "value_hint", self.lang)
        item = message.pointer.split("/")[-1].isdigit() or message.pointer.endswith("/+")

        def problem(value: str) -> str | None:
            """What is wrong with the value typed, said under the field: the dialog stays open
            with the text, to be mended rather than typed again."""
            try:
                if not item:
                    editing.parse_input(message.key, value)
            except editing.EditError as error:
                return error.text(self.lang)
            return None

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                parsed = value.strip() if item else editing.parse_input(message.key, value)
            except editing.EditError as error:
                self.notice(error.text(self.lang), severity="error")
                return
            if message.pointer.endswith("/+"):
                if parsed:
                    self.edit(lambda text: editing.append_item(text, message.key, parsed))
            else:
                self.edit(lambda text: editing.set_value(text, message.pointer, parsed))

        self.push_screen(EditValue(self._describe(message.pointer), message.current, hint, self.lang, check=problem),
                         done)

    def _describe(self, pointer: str) -> str:
        """A pointer in words, as the table or form that asked for the edit labels it:
        "/langkah/5/waktu" -> "Langkah 6 · Waktu" ("Step 6 · Time"), "/tanggal_efektif" ->
        "Tanggal Efektif" ("Date effective")."""
        parts = pointer.split("/")[1:]
        sop = self.document.view if self.document else None
        if len(parts) >= 3 and parts[0] == "langkah" and parts[1].isdigit() and sop and int(parts[1]) < len(sop.langkah):
            keys = [STEP_FIELDS[part](self.lang) if part in STEP_FIELDS else part for part in parts[2:]]
            return f"{say('Langkah', self.lang)} {sop.langkah[int(parts[1])].no} · {' · '.join(keys)}"
        label = label_of(pointer, self.lang)
        if label is not None:
            return label.removesuffix(" +") + f": {say('add_item', self.lang)}" if parts[-1] == "+" else label
        if parts and parts[-1] == "+":
            return f"{parts[0]}: {say('add_item', self.lang)}"
        return " · ".join(p if not p.isdigit() else f"#{int(p) + 1}" for p in parts)

    @on(EditMade)
    def edit_made(self, message: EditMade) -> None:
        if self.edit(message.change) and message.select is not None:
            self.query_one(ProcedureView).select_step(message.select)

    @on(ActorToggled)
    def actor_toggled(self, message: ActorToggled) -> None:
        step = self.document.view.langkah[message.index]
        current = [actor for actor in step.pelaksana_semua if actor]
        if message.also:  # one actor more, or one fewer
            chosen = [a for a in current if a != message.actor] if message.actor in current else [*current, message.actor]
        else:
            chosen = [] if current == [message.actor] else [message.actor]
        value = editing.pelaksana_value(chosen)
        self.edit(lambda text: editing.set_value(text, f"/langkah/{message.index}/pelaksana", value))

    def show_row_findings(self, findings: list[Finding]) -> None:
        """The findings of the Identitas row under the cursor, in the panel under the form."""
        text = RichText()
        for finding in findings:
            text.append(f"{MARK[finding.severity]} ", style=STYLE[finding.severity])
            text.append(f"{one_cell(finding.message(self.lang))} ({finding.name})")
            if finding.fix is not None:
                text.append("  " + say("fix_hint", self.lang), style="green")
            text.append("\n")
        text.rstrip()
        if not findings:
            text.append(say("no_finding_here", self.lang), style="dim")
        # The panel keeps the height the stylesheet gives it, so a row with more or fewer
        # findings repaints it, not the screen's layout.
        self.query_one("#identity-findings", TextPane).update(text)

    @on(FindingChosen)
    def finding_chosen(self, message: FindingChosen) -> None:
        self.go_to(message.finding)

    def go_to(self, finding: Finding, then=None) -> None:
        """Open the finding's file, show its element, and put the cursor on it."""
        self.last_finding = finding
        tab = "prosedur" if step_index(finding.pointer) is not None else "identitas" if finding.pointer else "temuan"
        if self.document is None or str(self.document.path) != finding.path:
            # Its tab shown first, so that opening the file draws that tab, not the one left.
            self._show_tab(tab)
            if not self.open(Path(finding.path)):
                return
        self._activate(tab)
        if tab == "prosedur":
            self.query_one(ProcedureView).select_finding(finding)
        elif tab == "identitas":
            self.query_one(IdentityView).focus_pointer(finding.pointer)
        else:
            table = self.query_one(FindingsTable)
            table.select_finding(finding)
        self._focus_now(tab)
        post_refreshes_now(self.screen)
        if then is not None:
            then()

    # -- what is under the cursor ------------------------------------------------------------------
    def findings_here(self) -> list[Finding]:
        """The findings the user is looking at: the inline row or step under the cursor in
        Prosedur, the highlighted row in Identitas or Temuan."""
        if self.document is None:
            return []
        tab = self.query_one(TabbedContent).active
        if tab == "identitas":
            return self.query_one(IdentityView).current_findings()
        if tab == "temuan":
            finding = self.query_one(FindingsTable).current_finding
            return [finding] if finding is not None else []
        return self.query_one(ProcedureView).current_findings()

    # -- actions -----------------------------------------------------------------------------------
    def action_help(self) -> None:
        bound = {word: key for key, _, word, _ in (*self.KEYS, *ProcedureView.KEYS)}
        self.push_screen(HelpScreen(self.lang, {**bound, "palette": self.COMMAND_PALETTE_BINDING}))

    def _activate(self, tab: str) -> None:
        """Show `tab`, drawn from the current state."""
        self._show_tab(tab)
        self._render_tab(tab)

    def _show_tab(self, tab: str) -> None:
        """Make `tab` the one on screen, its underline under it now. (Tabs moves the underline
        after the next frame, once the tabs have their places, which never change: a frame
        more for every change of tab. When it does, the underline is there already.)"""
        tabs = self.query_one(TabbedContent)
        if tabs.active == tab:
            return
        tabs.active = tab
        label = tabs.get_tab(tab)
        underline = tabs.query_one("Underline")
        underline.highlight_start, underline.highlight_end = \
            label.virtual_region.shrink(label.styles.gutter).column_span

    def action_tab(self, tab: str) -> None:
        self._activate(tab)
        self._focus_now(tab)
        post_refreshes_now(self.screen)

    def _focus_now(self, tab: str) -> None:
        """Focus `tab`'s widget now, and tell the footer now, so that both are drawn in the
        frame that shows the tab where they can be. (Widget.focus waits for the next turn of
        the app's queue, and the footer hears of the new focus only after the next frame: a
        frame or two more, each up to a frame's period later.)"""
        widget = self.focus_target(tab)
        if self.screen is not widget.screen:  # a dialog still over it: focus when it goes
            widget.focus()
        elif widget is not self.screen.focused:
            previous = self.screen.focused
            self.screen.set_focus(widget)
            # Restyled for the focus now (Textual does it when the widgets take their Focus and
            # Blur events, after this frame: the table showed its cursor unfocused for a frame).
            if previous is not None:
                if self._in_hidden_tab(previous):
                    # Out of sight now: restyled as unfocused when its tab is next shown, unless
                    # it is focused again then (`n` back, `1`), when it is as it was drawn and
                    # its lines are painted as they were. (Restyled after this frame, it was
                    # drawn again from nothing on its way back, and its scroll bars' restyle laid
                    # the screen out for a tab no one saw.)
                    previous.set_reactive(Widget.has_focus, False)
                    self._restyle_when_shown.add(previous)
                else:
                    previous.has_focus = False
            self._restyle_when_shown.discard(widget)
            widget.has_focus = True
            self._restyle_shown()
            self.query_one(KeysFooter).fit_now(self.screen)  # its layout in this frame's

    def _restyle_shown(self) -> None:
        """Restyle the widgets that lost the focus out of sight and are in sight again."""
        for widget in [w for w in self._restyle_when_shown if not self._in_hidden_tab(w)]:
            self._restyle_when_shown.discard(widget)
            widget.update_node_styles()

    def focus_target(self, tab: str) -> Widget:
        """The widget `tab` focuses: Prosedur's steps, or why the file does not load in their place."""
        return self.query_one(ProcedureView).focus_target if tab == "prosedur" else self.query_one(FOCUS[tab])

    def refocus(self) -> None:
        """Back on the main screen (a dialog closed, `T` left): the widget focused before, if it
        still takes the focus, else the tab's own. Never Textual's choice, the first widget that
        takes the focus: the corpus filter, where the next command key was typed as a letter."""
        screen = self.screen
        focused = screen.focused
        if focused is not None and focused in screen.focus_chain:
            return
        target = self.focus_target(self.query_one(TabbedContent).active or "prosedur")
        if target in screen.focus_chain:
            screen.set_focus(target)

    def _in_hidden_tab(self, widget: Widget) -> bool:
        active = self.query_one(TabbedContent).active
        return any(isinstance(node, StackedPane) and node.id != active for node in widget.ancestors)

    def action_toggle_sidebar(self) -> None:
        side = self.query_one("#side")
        self.sidebar_chosen = side.has_class("-hidden")
        self._fit_sidebar()

    def action_focus_filter(self) -> None:
        self.sidebar_chosen = True
        self._fit_sidebar()
        self.screen.set_focus(self.query_one("#filter"))  # now: the keys typed behind `/` are for it

    def action_save(self) -> None:
        document = self.document
        if document is None:
            return
        if not document.dirty:
            self.notice(say("nothing_to_save", self.lang), timeout=3)
            return
        if document.save_harm is not None:  # an edit broke the file: asked first
            question = "save_breaks" if document.save_harm is Loads.NOT else "save_breaks_structure"
            self.push_screen(Choose(say(question, self.lang),
                                    [("save", say("save_anyway", self.lang)), ("cancel", say("cancel", self.lang))],
                                    self.lang, destructive=("save",)),
                             lambda choice: self._save(document) if choice == "save" else None)
            return
        self._save(document)

    def _unsaved_names(self, documents: list[Document]) -> str:
        """Unsaved documents by path, one a line: ● each, ✖ and why those a save would break."""
        def line(document: Document) -> str:
            name = self.workspace.relative(document.path)
            if document.save_harm is None:
                return f"● {name}"
            why = "harm_breaks" if document.save_harm is Loads.NOT else "harm_structure"
            return f"✖ {name}: {say(why, self.lang)}"

        return "\n".join(line(document) for document in documents)

    def _ask_harmful(self, dirty: list[Document], choices: list[tuple[str, str]], answer) -> None:
        """Ask before saving `dirty`, some of which a save would break: named first, with ✖."""
        harmful = [d for d in dirty if d.save_harm is not None]
        others = [d for d in dirty if d.save_harm is None]
        self.push_screen(Choose(say("harmful_list", self.lang), [*choices, ("cancel", say("cancel", self.lang))],
                                self.lang, destructive=("save",),
                                detail=self._unsaved_names([*harmful, *others])), answer)

    def _save(self, document: Document, force: bool = False, resolved: Callable[[], None] | None = None) -> bool:
        """Save `document`, saying so; False when it failed (said) or another program's write is
        in the way: then asked whether to reload or overwrite, and `resolved` runs once the
        answer has done either (not on cancel)."""
        try:
            document.save(force=force)
        except ChangedOnDisk as error:
            kept = f"\n{say('kept_copy', self.lang)}: {error.kept}" if error.kept else ""
            why = say("text_behind_disk" if error.behind else "changed_on_disk", self.lang)
            self.push_screen(Choose(
                f"{self.workspace.relative(document.path)}: {why}{kept}",
                [("reload", say("reload", self.lang)), ("overwrite", say("overwrite", self.lang)),
                 ("cancel", say("cancel", self.lang))], self.lang, destructive=("overwrite", "reload"),
            ), lambda choice: self._resolve_conflict(document, choice, resolved))
            return False
        except OSError as error:
            self.notice(f"{say('save_failed', self.lang)}: {self.workspace.relative(document.path)}: "
                        f"{os_error_text(error, self.lang)}", severity="error")
            return False
        self.notice(f"{say('saved', self.lang)}: {self.workspace.relative(document.path)}", timeout=2)
        self.render_document()
        return True

    def action_save_all(self) -> None:
        """Save every unsaved document; those a save would break are named first and asked about
        (saved too, or left unsaved and said so), as `ctrl+s` asks about one."""
        dirty = self.workspace.dirty_documents()
        if not dirty:
            self.notice(say("nothing_to_save", self.lang), timeout=3)
            return
        harmful = self.workspace.harmful_saves()
        if not harmful:
            self._save_each(dirty)
            return
        others = [d for d in dirty if d not in harmful]

        def answer(choice: str) -> None:
            if choice == "save":
                self._save_each(dirty)
            elif choice == "others":
                self._save_each(others)
                self.notice(f"{say('not_saved', self.lang)}: "
                            + ", ".join(self.workspace.relative(d.path) for d in harmful),
                            severity="warning", timeout=6)

        choices = [("save", say("save_all_anyway", self.lang))]
        if others:
            choices.append(("others", say("save_the_others", self.lang)))
        self._ask_harmful(dirty, choices, answer)

    def _save_each(self, documents: list[Document], then: Callable[[], None] | None = None) -> None:
        """Save each in turn, each conflict asked about as `ctrl+s` asks; then `then`. Stops at a
        failure, or at a conflict answered "cancel"."""
        for index, document in enumerate(documents):
            rest = documents[index + 1:]
            if not self._save(document, resolved=lambda rest=rest: self._save_each(rest, then)):
                return
        if then is not None:
            then()

    def _watch_open_file(self) -> None:
        """Take another program's write of the open file: reloaded when it holds no unsaved edit;
        with edits, said once (a save asks first, as it did)."""
        document = self.document
        if document is None or not isinstance(self.screen, MainScreen) or not document.seems_changed_on_disk():
            return  # (a dialog open: looked at again once it is answered)
        if document.dirty:
            seen = (document.path, document.disk_status())
            if seen != self._said_changed_outside:
                self._said_changed_outside = seen
                self.notice(say("changed_outside", self.lang), severity="warning", timeout=8)
            return
        try:
            taken = document.reload()
        except OSError:  # gone meanwhile: a save says so, when asked for
            return
        if taken:
            self.notice(say("reloaded_outside", self.lang), timeout=4)
            self.render_document()
            post_refreshes_now(self.screen)

    def _resolve_conflict(self, document: Document, choice: str, resolved: Callable[[], None] | None = None) -> None:
        done = False
        if choice == "reload":
            try:
                taken = document.reload()
            except OSError as error:  # gone, or no longer readable
                why = say("file_gone", self.lang) if isinstance(error, FileNotFoundError) \
                    else os_error_text(error, self.lang)
                self.notice(f"{say('cannot_reload', self.lang)}: {self.workspace.relative(document.path)}: {why}",
                            severity="error")
                return
            if taken:
                self.notice(say("reloaded", self.lang))
            else:
                self.notice(say("not_reloaded", self.lang), severity="warning", timeout=6)
                self._activate("prosedur")
            done = taken
        elif choice == "overwrite":
            done = self._save(document, force=True)
        self.render_document()
        if done and resolved is not None:
            resolved()

    def action_undo(self) -> None:
        document = self.document
        behind = document is not None and document.behind_disk
        if document and document.undo():
            if document.behind_disk and not behind:  # said once, where the undo crosses the reload
                self.notice(say("undone_past_reload", self.lang), severity="warning", timeout=6)
            self.render_document()

    def action_redo(self) -> None:
        if self.document and self.document.redo():
            self.render_document()

    def _diff(self, old: str, new: str) -> str:
        name = self.workspace.relative(self.document.path)
        return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                            fromfile=f"a/{name}", tofile=f"b/{name}"))

    def _preview_then_apply(self, title: str, done, new_text: str) -> None:
        """Show the change as a diff; make it (one undoable edit) if the user accepts, then say
        `done` (or what `done()` returns, once the change is made)."""
        document = self.document
        if new_text == document.text:
            self.notice(say("no_fix_here", self.lang), severity="warning", timeout=4)
            return

        def answer(apply: bool | None) -> None:
            if apply and document is self.document:
                if self.edit(lambda text: new_text):
                    self.notice(done() if callable(done) else f"{say('fixed', self.lang)}: {done}", timeout=4)

        self.push_screen(Preview(title, self._diff(document.text, new_text), self.lang), answer)

    def action_fix(self) -> None:
        """Fix the finding under the cursor, after a preview of the change."""
        if self.focused is not None and self.focused.id == "corpus":
            self._fix_listed_sop()
            return
        here = self.findings_here()
        fixable = [f for f in here if f.fix is not None]
        if not fixable:
            message = say("no_fix_here" if here else "no_finding_here", self.lang)
            step = self.query_one(ProcedureView)
            others = [f.name for f in step.step_findings.get(step.selected, []) if f.fix is not None] \
                if self.query_one(TabbedContent).active == "prosedur" else []
            if others:
                message += f" {say('step_has_fix', self.lang)}: {', '.join(others)}"
            self.notice(message, severity="warning", timeout=5)
            return
        self.fix_finding(fixable[0])

    def _fix_listed_sop(self) -> None:
        """`f` in the corpus list: the first fix of the SOP under its cursor, shown at its finding
        in that SOP, opened, as `f` in `T` does. (It took the open SOP's tab instead, whichever
        file the list showed under the cursor.)"""
        node = self.query_one("#corpus", CorpusTree).cursor_node
        if node is None or not node.data:  # a folder
            self.notice(say("no_finding_here", self.lang), severity="warning", timeout=4)
            return
        finding = next((f for f in self.workspace.findings(node.data) if f.fix is not None), None)
        if finding is None:
            self.notice(say("nothing_to_fix", self.lang), severity="warning", timeout=4)
            return
        self.go_to(finding, then=lambda: self.fix_finding(finding))

    def _open_its_file(self, finding: Finding) -> bool:
        """Open `finding`'s file at the finding unless it is the open one; whether it now is.
        A fix or a suppression placed by one file's lines in another would corrupt that file."""
        if self.document is None or str(self.document.path) != finding.path:
            self.go_to(finding)
        return self.document is not None and str(self.document.path) == finding.path

    def fix_finding(self, finding: Finding) -> None:
        """One finding's fix, previewed; an unsafe fix is marked as such in the preview's title
        (the user applies it knowingly), a display-only fix is only shown."""
        if not self._open_its_file(finding) or self.refused():
            return
        description = f"{finding.code} {finding.name}: {finding.fix.description(self.lang)}"
        applicability = applicability_of(finding.fix)
        if applicability is Applicability.DISPLAY_ONLY:
            self.notice(f"{say('display_only_fix', self.lang)}: {description}", timeout=8)
            return
        title = f"{say('fix_preview', self.lang)} · {description}"
        if applicability is Applicability.UNSAFE:
            title = f"{say('unsafe_fix', self.lang)}\n{title}"
        try:
            fixed = self.workspace.fixed_text(self.document, finding.fix)
        except FixRefused as refusal:
            self._show_refusal(title, refusal)
            return
        self._preview_then_apply(title, description, fixed)

    def _show_refusal(self, title: str, refusal: FixRefused) -> None:
        """The preview of a fix the guard refused: why, over the change it would have made,
        with nothing to apply (as `soptui lint --fix` leaves such a file as it is)."""
        diff = self._diff(self.document.text, refusal.attempted) if refusal.attempted is not None else ""
        refused = f"{say('fix_refused', self.lang)}: {refusal.text(self.lang)}"
        self.push_screen(Preview(title, diff, self.lang, refused=refused))

    def action_fix_all(self) -> None:
        """Every safe fix of the open SOP at once, as `soptui lint --fix`; unsafe fixes are named
        in the preview as left out, for `f` one by one."""
        if self.document is None or self.refused():
            return
        unsafe = sorted({f.name for f in self.workspace.findings(self.document.path)
                         if f.fix is not None and applicability_of(f.fix) is Applicability.UNSAFE})
        left_out = f"\n{say('unsafe_left_out', self.lang)}: {', '.join(unsafe)}" if unsafe else ""
        title = f"{say('fix_all_preview', self.lang)} ({say('safe_fixes_only', self.lang)}){left_out}"
        try:
            fixed = self.workspace.fixed_text(self.document)
        except FixRefused as refusal:
            self._show_refusal(title, refusal)
            return
        if fixed == self.document.text:
            self.notice(say("nothing_to_fix", self.lang) + left_out, severity="warning", timeout=6)
            return
        path = self.document.path
        before = Counter(f.name for f in self.workspace.findings(path))

        def done() -> str:
            """How many findings the fixes took away, and of which rules."""
            gone = before - Counter(f.name for f in self.workspace.findings(path))
            count = count_of(sum(gone.values()), "one_fix_applied", "fixes_applied", self.lang)
            return f"{count} ({', '.join(sorted(gone))})" if gone else say("fixes_applied", self.lang)

        self._preview_then_apply(title, done, fixed)

    def action_waive(self) -> None:
        """Waive the finding under the cursor: a suppression comment, with the user's reason."""
        here = self.findings_here()
        if not here:
            self.notice(say("no_finding_here", self.lang), severity="warning", timeout=4)
            return
        self.waive_finding(here[0])

    def waive_finding(self, finding: Finding) -> None:
        """Ask for the reason, then write the suppression into the finding's own file."""
        if not self._open_its_file(finding) or self.refused():
            return
        document = self.document

        def reason_given(reason: str | None) -> None:
            if reason is None or document is not self.document:
                return
            if self.edit(lambda text: editing.waive(text, finding.pointer, finding.line, finding.name, reason.strip())):
                self.notice(f"{say('waived', self.lang)}: {finding.name}", timeout=3)

        self.push_screen(EditValue(f"{say('waive_title', self.lang)}\n{finding.code} {finding.name}: "
                                   f"{finding.message(self.lang)}", "", lang=self.lang,
                                   check=lambda reason: None if reason.strip() else say("reason_needed", self.lang)),
                         reason_given)

    def _here(self) -> tuple[str | None, int, int, Finding | None]:
        """Where `n`/`N` continue from: the last finding gone to, if it is in the open file,
        else the selected step's line."""
        if self.document is None:
            return None, 0, 0, None
        path = str(self.document.path)
        if self.last_finding is not None and self.last_finding.path == path:
            return path, self.last_finding.line, self.last_finding.col, self.last_finding
        step = self.query_one(ProcedureView).current_step
        line = self.document.view.locate(step.pointer).line if step and self.document.view else 0
        return path, line, 0, None

    def action_next_finding(self) -> None:
        self._step_finding(+1)

    def action_previous_finding(self) -> None:
        self._step_finding(-1)

    def _step_finding(self, direction: int) -> None:
        path, line, col, current = self._here()
        chosen = self.workspace.next_finding(path, line, col, direction, current)
        if chosen is None:
            self.notice(say("no_findings", self.lang), timeout=2)
            return
        self.go_to(chosen)

    def action_corpus_findings(self) -> None:
        results = self.workspace.results

        def unit_of(path: str) -> str:
            result = results.get(path)
            return result.identity.get("unit", "") if result is not None else ""

        def chosen(choice) -> None:
            if choice is None:
                return
            action, finding = choice
            if action == "fix" and finding.fix is not None:
                self.go_to(finding, then=lambda: self.fix_finding(finding))
            else:
                self.go_to(finding)

        self.push_screen(CorpusFindings(self.workspace.all_findings(), self.lang, self.workspace.relative, unit_of),
                         chosen)

    def _editor_line(self) -> int | None:
        """Where the editor should open: the first load problem, else the selected step."""
        document = self.document
        if not document.load.ok and document.load.problems:
            return document.load.problems[0].pos.line
        step = self.query_one(ProcedureView).current_step
        return document.view.locate(step.pointer).line if step is not None and document.view else None

    def action_external_editor(self) -> None:
        """Edit the raw TOML in $VISUAL/$EDITOR; the result comes back as one undoable edit, unless
        the editor exits with a status other than 0. The scratch copy lives in a temporary
        folder, never in the corpus."""
        if self.document is None:
            return
        document = self.document
        with tempfile.TemporaryDirectory(prefix="soptui-") as folder:
            scratch = Path(folder) / document.path.name
            try:
                scratch.write_bytes(document.file_bytes())  # bytes not UTF-8 too, as the file has them
                command = editor_command(str(scratch), self._editor_line())
                try:
                    with self.suspend():
                        status = subprocess.run(command, check=False).returncode
                except SuspendNotSupported:  # a headless session (tests): no terminal to hand over
                    status = subprocess.run(command, check=False).returncode
                if status != 0:
                    # Abandoned, as git, crontab -e and visudo take it: vim's :cq is how its
                    # users throw an edit away.
                    self.notice(say("editor_abandoned", self.lang).format(status=status), severity="warning",
                                timeout=6)
                    return
                edited = scratch.read_bytes()
            except OSError as error:
                self.notice(f"{say('editor_failed', self.lang)}: {error}", severity="error")
                return
        if document.apply_bytes(edited):
            if not document.load.ok:
                # a file that still loads, with structural problems, has not "stopped loading"
                self.notice(say("now_partly" if document.loads_partly else "no_longer_loads", self.lang),
                            severity="warning" if document.loads_partly else "error")
                self._activate("prosedur")
            self.render_document()

    def action_new_sop(self) -> None:
        workspace = self.workspace

        def problem(value: str) -> str | None:
            """A name that leaves the corpus folder, or of a file that exists: said under the
            field, the dialog kept open with what was typed. (Empty: the dialog just closes.)"""
            try:
                if value.strip():
                    workspace.new_file_path(value)
            except NewFileRefused as refusal:
                return refusal.text(self.lang)
            return None

        def create(value: str | None) -> None:
            if not value or not value.strip():
                return
            try:
                path = workspace.new_file_path(value)
                document = workspace.create(path, new_sop_text(path))
            except NewFileRefused as refusal:  # made meanwhile, by another program
                self.notice(refusal.text(self.lang), severity="error")
                return
            except FileExistsError:
                self.notice(f"{say('exists', self.lang)}: {path}", severity="error")
                return
            except OSError as error:
                self.notice(f"{say('cannot_create', self.lang)}: {error}", severity="error")
                return
            workspace.results[str(path)] = document.result
            self.query_one(CorpusPanel).rebuild()
            self._show_empty_corpus()
            self.open(path)

        root = workspace.root
        self.push_screen(EditValue(f"{say('new_sop_in', self.lang)} {root}/", "unit/nama-sop.toml", lang=self.lang,
                                   check=problem), create)

    def action_export(self) -> None:
        """Export the open SOP, unsaved edits included, as the official document (.pdf or .docx,
        by the name given); the document is written by a worker, so the screen stays live."""
        document = self.document
        if document is None:
            return
        if document.sop is None:
            self.notice(say("export_needs_load", self.lang), severity="error")
            return

        def chosen(value: str | None) -> None:
            if not value or not value.strip():
                return
            out = Path(value.strip())
            to = out.suffix.lstrip(".").lower()
            if out.exists():
                self.push_screen(Choose(f"{out}: {say('export_exists', self.lang)}",
                                        [("overwrite", say("overwrite", self.lang)), ("cancel", say("cancel", self.lang))],
                                        self.lang, destructive=("overwrite",)),
                                 lambda choice: self.export_document(document.sop, out, to) if choice == "overwrite" else None)
                return
            self.export_document(document.sop, out, to)

        default = self._export_default(document.path)
        self.push_screen(EditValue(say("export_title", self.lang), str(default), say("export_hint", self.lang),
                                   lang=self.lang, check=lambda value: export_problem(value, self.lang)), chosen)

    def _export_default(self, path: Path) -> str:
        """Where `x` suggests writing `path`'s document: the current folder, or the one above the
        corpus when that lies in it, as a generated document is no part of the reviewed corpus
        (as the editor's scratch copy). Named by the SOP's path in the corpus, so that the four
        units' pengukuran-kinerja.toml do not share one name."""
        here, root = Path.cwd().resolve(), self.workspace.root.resolve()
        folder = root.parent if here.is_relative_to(root) else here
        source = path.resolve()
        name = "-".join(source.relative_to(root).parts) if source.is_relative_to(root) else source.name
        return os.path.relpath(folder / Path(name).with_suffix(".pdf"))

    def save_screen_shot(self) -> Path | None:
        """The palette's screenshot, as an SVG in the current folder, or in the temporary folder
        when that is in the corpus (a picture is no part of the reviewed corpus) or cannot be
        written; the file named, in the user's language. (Textual's own wrote only to
        ~/Downloads, which a server account often lacks, and said its failure in English.)"""
        svg = self.export_screenshot()
        stamp = time.strftime("%Y-%m-%d_%H-%M-%S")
        error: OSError | None = None
        for folder in screenshot_folders(Path.cwd(), self.workspace.root):
            for number in range(1, 100):  # another this second: -2, -3 ...
                path = folder / (f"soptui-{stamp}.svg" if number == 1 else f"soptui-{stamp}-{number}.svg")
                try:
                    with open(path, "x", encoding="utf-8") as file:
                        file.write(svg)
                except FileExistsError:
                    continue
                except OSError as failed:
                    error = failed
                    break
                shown = os.path.relpath(path) if folder == Path.cwd() else str(path)
                self.notice(f"{say('screenshot_saved', self.lang)}: {shown}", timeout=6)
                return path
        why = os_error_text(error, self.lang) if error is not None else ""
        self.notice(f"{say('screenshot_failed', self.lang)}: {why}", severity="error")
        return None

    @work(thread=True, group="export")
    def export_document(self, sop, out: Path, to: str) -> None:
        from ..exporting import export_sop

        try:
            export_sop(sop, out, to=to, lang=self.lang, logo=str(self.config.logo) if self.config.logo else None)
        except ImportError as error:
            self.call_from_thread(self.notice, f"{say('export_needs', self.lang)} {error.name or error}: "
                                  "pip install 'soptui[export]'", severity="error", timeout=8)
            return
        except (OSError, ValueError) as error:
            why = os_error_text(error, self.lang) if isinstance(error, OSError) else error
            self.call_from_thread(self.notice, f"{say('export_failed', self.lang)}: {out}: {why}", severity="error")
            return
        self.call_from_thread(self.notice, f"{say('exported', self.lang)}: {out}", timeout=4)

    def action_toggle_language(self) -> None:
        self.lang = "en" if self.lang == "id" else "id"
        self._apply_language()
        self.notice(say("language", self.lang), timeout=2)
        self.render_document()

    def _apply_language(self) -> None:
        """Every word on screen in `self.lang`: footer, tabs, list, tables (re-rendered by the caller)."""
        relabel(self, {"command_palette": "palette", **{action: word for _, action, word, _ in self.KEYS}}, self.lang)
        relabel(self.query_one(ProcedureView), {action: word for _, action, word, _ in ProcedureView.KEYS}, self.lang)
        for table in self.query(FindingsTable):
            relabel(table, FindingsTable.WORDS, self.lang)
        tabs = self.query_one(TabbedContent)
        for tab in TABS:
            tabs.get_tab(tab).label = say(TAB_TITLES[tab], self.lang)
        self.query_one(CorpusPanel).set_language(self.lang)
        self._show_empty_corpus()
        if self.screen.query(HelpPanel):  # the Keys panel open: its words follow
            self._reword_textual_keys()
        self.refresh_bindings()

    def action_help_quit(self) -> None:
        """ctrl+c, which a reviewer may press to leave: the key that does, in their language
        (Textual's own hint is English, and markup)."""
        key = next(key for key, action, _, _ in self.KEYS if action == "quit")  # the footer's, not ctrl+q
        self.notice(say("quit_hint", self.lang).format(key=key_label(key)),
                    title=say("quit_hint_title", self.lang))

    async def action_quit(self) -> None:
        dirty = self.workspace.dirty_documents()
        if not dirty:
            self.exit()
            return

        def save_and_quit(choice: str) -> None:
            if choice == "save":  # another program's write asked about, file by file, as `ctrl+s` asks
                self._save_each(dirty, then=self.exit)

        def answer(choice: str) -> None:
            if choice == "save" and self.workspace.harmful_saves():  # asked, as `ctrl+s` and `S` ask
                self._ask_harmful(dirty, [("save", say("save_all_anyway_quit", self.lang))], save_and_quit)
            elif choice == "save":
                save_and_quit(choice)
            elif choice == "discard":
                self.exit()

        self.push_screen(Choose(say("unsaved_list", self.lang),
                                [("save", say("save_and_quit", self.lang)),
                                 ("discard", say("quit_without_saving", self.lang)),
                                 ("cancel", say("cancel", self.lang))], self.lang,
                                destructive=("discard",), detail=self._unsaved_names(dirty)), answer)

    def action_show_help_panel(self) -> None:
        """Textual's Keys panel, its keys worded in the current language."""
        self._reword_textual_keys()
        super().action_show_help_panel()

    def _reword_textual_keys(self) -> None:
        """Textual's words for its own keys (the Keys panel shows them) in `self.lang`, on the
        screen on top, whose widgets the panel lists."""
        for node in (self, self.screen, *self.screen.walk_children()):
            reword_textual_keys(node, self.lang)

    def search_themes(self) -> None:
        """Textual's theme picker, its search field worded in the current language. (The themes'
        names are names: "nord", "dracula".)"""
        self.push_screen(Palette(self.lang, providers=[ThemeProvider], placeholder=say("theme_search", self.lang)))

    def action_command_palette(self) -> None:
        """Textual's palette, its search field worded in the current language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(self.lang, placeholder=say("palette_search", self.lang), id="--command-palette"))

    def get_system_commands(self, screen):
        main = screen is self.screen_stack[0]  # over `T`, none of the open SOP's (see check_action)
        for command in super().get_system_commands(screen):  # Textual's own, in English: ours in lang
            if command.help == TEXTUAL_SCREENSHOT:  # saved where it can be, and said in lang
                command = command._replace(callback=lambda: self.set_timer(0.1, self.save_screen_shot))
            words = SYSTEM_COMMANDS.get(command.help)
            if words is not None:
                title, help_text = words[1] if self.lang == "en" else words[0]
                command = command._replace(title=title, help=help_text)
            yield command
        for key, action, word, _ in self.KEYS:
            if action != "quit" and (main or action.split("(")[0] not in self.MAIN_SCREEN_ACTIONS):
                yield SystemCommand(say(word, self.lang), key_label(key), lambda action=action: self.run_action(action))
        if not main:
            return
        procedure = self.query_one(ProcedureView)
        for key, action, word, _ in ProcedureView.KEYS:
            yield SystemCommand(say(word, self.lang), f"{key_label(key)} ({say('Prosedur', self.lang)})",
                                lambda action=action: procedure.run_action(action))


def run(target: Path, lang: str | None = None) -> int:
    said = lang or ("en" if os.environ.get("SOPTUI_LANG") == "en" else "id")
    try:
        app = SoptuiApp(target, lang=lang)
    # the target itself cannot be read; a plugin's unknown hook; a configuration the lint refuses:
    # in the words, and with the exit code, of `soptui lint`
    except (UnusablePath, PluginError, ConfigError) as error:
        # a line of the file and its caret below, indented as the lint indents them
        print("soptui: " + error.text(said).replace("\n", "\n  "), file=sys.stderr)
        return 2
    app.run()
    if app.return_code:  # an exception ended the app: Textual has shown its traceback
        print("soptui: " + Text("kesalahan internal, mohon laporkan (internal error, please report it)",
                                "internal error, please report it")(said), file=sys.stderr)
        return 2
    return 0
