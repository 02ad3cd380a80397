"""The Prosedur tab: the steps as the official table, the selected step in full beneath it.

No | Kegiatan | one column per pelaksana, the step's symbol drawn in its actor's column |
Kelengkapan | Waktu | Output | Keterangan, with a gutter of severity marks. No and Kegiatan stay
in view while the other columns scroll sideways; the text columns share the width there is. The
selected step's findings follow it as rows of their own, and the detail pane under the table shows
the whole step: every word of its kegiatan and mutu baku, and every finding's full message.

A file that does not load shows its problems here, each with line, column and source line, above
the last version that loaded (if any).
"""

from __future__ import annotations

import textwrap

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.widget import Widget
from textual.widgets import Static

from ...checker.finding import Finding
from ...lanes import step_lanes
from ...model import KEPUTUSAN, LOST_ACTORS, PENGHUBUNG, TERMINATOR, Sop, Step
from ...one_cell import one_cell, one_cell_lines
from ...source import source_window
from ...waktu import total
from ... import editing
from ..messages import ActorToggled, EditMade, EditRequested
from ..screens import AddStep, Choose, EditValue
from ..strings import count_of, say
from .marks import MARK, STYLE, mark
from .steps_table import PADDING as CELL_PADDING, Column, Row, StepsTable
from .text_pane import TextPane

SYMBOL = {TERMINATOR: "( )", KEPUTUSAN: "< >", PENGHUBUNG: "⬠", "proses": "[ ]"}
TEXT_COLUMNS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")
# The least each text column gets, and its share of what is left on a wide screen.
MINIMUM = {"kegiatan": 30, "kelengkapan": 16, "output": 16, "keterangan": 14}
SHARE = {"kegiatan": 0.4, "kelengkapan": 0.2, "output": 0.2, "keterangan": 0.2}
# When the table cannot be shown whole even at its minimum widths, the columns right of Kegiatan
# scroll anyway; Kegiatan, which stays in view, then takes this much of the width (five actors'
# lanes at 200 columns left it 30 cells).
KEGIATAN_SHARE = 0.35
WAKTU_WIDTH = 10
PADDING = 2 * CELL_PADDING  # a table cell's padding, left and right together


def column_widths(available: int, actor_widths: list[int], longest_kegiatan: int | None = None) -> dict[str, int]:
    """Widths of the text columns for a table `available` cells wide: each its minimum, and on a
    wide screen the rest shared out, Kegiatan first. When the columns do not fit even so,
    Kegiatan takes its share of the width, no wider than its longest text."""
    fixed = (1 + PADDING) + (3 + PADDING) + sum(w + PADDING for w in actor_widths) + (WAKTU_WIDTH + PADDING)
    spare = available - fixed - sum(w + PADDING for w in MINIMUM.values()) - 2  # the scrollbar
    widths = dict(MINIMUM)
    if spare > 0:
        for key, share in SHARE.items():
            widths[key] += int(spare * share)
    else:
        share = int(available * KEGIATAN_SHARE) - PADDING
        widths["kegiatan"] = max(MINIMUM["kegiatan"], min(share, longest_kegiatan or share))
    widths["waktu"] = WAKTU_WIDTH
    return widths


def actor_header(label: str) -> tuple[str, int]:
    """An actor's jabatan over the two header lines, and the column width that takes."""
    width = max(5, min(10, max((len(word) for word in label.split()), default=5)))
    # Whole words to a line, a word too long for the column cut with "…": a word broken over
    # the two lines ("Kasubbag P" / "erencanaan") reads as two words.
    lines = textwrap.wrap(label, width, break_long_words=False) or [""]
    # A label of short words that two lines of the widest column hold is given them whole
    # ("(tidak ada" / "di sumber)", not "(tidak" / "ada di…").
    while len(lines) > 2 and width < 10:
        width += 1
        lines = textwrap.wrap(label, width, break_long_words=False)
    lines = [lines[0], " ".join(lines[1:])] if len(lines) > 1 else lines
    return "\n".join(line if len(line) <= width else line[:width - 1] + "…" for line in lines), width


def _cell(value, width: int) -> str:
    if isinstance(value, (list, tuple)):
        value = "; ".join(value)
    value = "" if value is None else str(value)
    return value if len(value) <= width else value[: width - 1] + "…"


def decision_exits(numbers: list[int], index: int) -> list[int]:
    """The ya / tidak a new decision at `index` starts with: the next two steps, else the ones
    before it nearest first; never the step itself (a loop to itself is SOP204)."""
    return (numbers[index + 1:index + 3] + numbers[:index][::-1])[:2]


def parse_exits(value: str) -> tuple[int, int] | None:
    """Two step numbers, ya then tidak, written "4 6", "4, 6" or "4,6"; None for anything else."""
    parts = value.replace(",", " ").split()
    if len(parts) != 2 or not all(part.isdigit() for part in parts):
        return None
    return int(parts[0]), int(parts[1])


def new_actor(value: str) -> tuple[str, str]:
    """The id and jabatan of a new actor written "id = jabatan"."""
    actor_id, _, jabatan = value.partition("=")
    return actor_id.strip(), jabatan.strip()


def step_index(pointer: str) -> int | None:
    """The index of the step a pointer lies in (`/langkah/4/waktu` -> 4), if any."""
    parts = pointer.split("/")
    return int(parts[2]) if len(parts) > 2 and parts[1] == "langkah" and parts[2].isdigit() else None


class LoadProblem(Static, can_focus=True):
    """Why the file does not load, over the steps (or in their place). It takes the focus when
    no step is shown, so that the tab has a widget of its own focused: with none, Textual gave
    the focus to the first one it found, the corpus filter, after a dialog closed, and the next
    command key was typed into the filter."""


class ProcedureView(Vertical):
    # The edits of the procedure's structure, here where the steps are: each asks what it needs
    # and posts the change for the app to make. (key, action, word in strings.WORDS, in footer)
    KEYS = (
        ("a", "add_step", "add_step", True),
        ("D", "delete_step", "delete_step", False),
        ("ctrl+up", "move_step(-1)", "move_up", False),
        ("ctrl+down", "move_step(1)", "move_down", False),
        ("k", "toggle_decision", "toggle_decision", False),
        ("P", "add_actor", "add_actor", False),
        ("plus", "also_actor", "also_actor", False),
        ("ctrl+r", "remove_actor", "remove_actor", False),
    )
    BINDINGS = [Binding(key, action, say(word, "id"), show=shown) for key, action, word, shown in KEYS]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.sop: Sop | None = None
        self.findings: list[Finding] = []
        self.lang = "id"
        self.selected = 0  # index of the selected step
        self.row_targets: list[tuple[str, int, int]] = []  # per row: ("step"|"finding", step index, finding)
        self.step_findings: dict[int, list[Finding]] = {}
        self.widths: dict[str, int] = {}
        self.text = ""  # the SOP file's text, for the edits that read it
        self.unloadable_at: int | None = None  # the line to mend first, while `text` does not load
        self._built_for_width = 0

    def compose(self) -> ComposeResult:
        yield LoadProblem(id="load-problem")
        yield StepsTable(id="steps", fixed_columns=3, header_height=2, on_highlight=self._cursor_moved)
        yield TextPane(id="step-detail")
        yield Static(id="total")

    @property
    def focus_target(self) -> Widget:
        """The widget the tab focuses: the steps, or the load problem while no step shows."""
        table = self.query_one(StepsTable)
        problem = self.query_one(LoadProblem)
        return problem if not table.display and problem.display else table

    # -- what the app hands down ---------------------------------------------------------------------
    def show(self, sop: Sop | None, findings: list[Finding], lang: str, problems=(), text: str = "",
             partly: bool = False, disk_text: str | None = None) -> None:
        """`partly`: the file has structural problems and `sop` is what could be read of it.
        `disk_text`: `problems` are those of the file on disk, this text, not of `text` (a
        reload that kept the unsaved edits)."""
        if (sop is None) != (self.sop is None):
            self.refresh_bindings()  # `a` shown or not (`check_action`)
        self.sop, self.findings, self.lang, self.text = sop, findings, lang, text
        # edits are refused while the text itself does not load (not the file on disk: `disk_text`)
        self.unloadable_at = problems[0].pos.line if problems and not partly and disk_text is None else None
        self._show_problems(problems, text if disk_text is None else disk_text, partly, disk_text is not None)
        table = self.query_one(StepsTable)
        if sop is None or not sop.langkah:
            table.clear()
            table.display = False
            self.query_one("#step-detail").display = False
            self.query_one("#total", Static).update("" if sop is None else f"0 {say('steps', lang)}", layout=False)
            return
        table.display = True
        self.query_one("#step-detail").display = True
        self.selected = min(self.selected, len(sop.langkah) - 1)
        self.step_findings = {}
        for finding in findings:
            index = step_index(finding.pointer)
            if index is not None:
                self.step_findings.setdefault(index, []).append(finding)
        self._rebuild()
        durations = [s.durasi for s in sop.langkah if s.durasi]
        missing = sum(1 for s in sop.langkah if s.durasi is None)
        note = f" ({count_of(missing, 'one_step_without_time', 'steps_without_time', lang)})" if missing else ""
        steps = count_of(len(sop.langkah), "one_step", "steps", lang)
        self.query_one("#total", Static).update(f"{say('total_time', lang)}: {total(durations, lang)}{note} · {steps}",
                                                layout=False)  # one line, whatever it says

    def _show_problems(self, problems, text: str, partly: bool = False, on_disk: bool = False) -> None:
        panel = self.query_one("#load-problem", Static)
        panel.display = bool(problems)
        if not problems:
            return
        # half the height while the steps show below, all of it when nothing does
        panel.styles.max_height = "50%" if self.sop is not None and self.sop.langkah else "100%"
        lines = text.split("\n")  # lines as the problems count them (and `soptui lint` shows them)
        # the source line shown whole when it fits, else the part around the column, so that
        # the caret stays under it (a wrapped line put it under the wrong character)
        room = max(20, (self.size.width or 120) - 4 - len("  1234 │ "))
        shown = RichText()
        heading = "disk_does_not_load" if on_disk else "loads_partly" if partly else "does_not_load"
        shown.append(f"✖ {say(heading, self.lang)}\n", style="bold red")
        # what to do, before the problems: a panel cut at its height keeps it
        shown.append(say("disk_hint" if on_disk else "does_not_load_hint", self.lang))
        if self.sop is not None and not on_disk:
            shown.append(" " + say("showing_readable" if partly else "showing_last_good", self.lang), style="dim")
        shown.append("\n")
        for problem in problems:
            line, col = problem.pos.line, problem.pos.col
            shown.append(f"{line}:{col}  ", style="bold")
            shown.append(f"{one_cell(problem.message(self.lang))}\n")
            if 0 < line <= len(lines):
                source, at = source_window(one_cell(lines[line - 1].rstrip("\r")), col, room)
                shown.append(f"  {line:>4} │ {source}\n", style="dim")
                shown.append("       │ " + " " * at + "^\n", style="red")
        shown.rstrip()
        panel.update(shown)

    # -- the table ------------------------------------------------------------------------------------
    def _unassigned(self) -> str:
        """The label of steps with no pelaksana: a gap the source lost, or one to fill."""
        return say("not_in_source" if self.sop.lost(LOST_ACTORS) else "unassigned", self.lang)

    def _unassigned_style(self) -> str:
        """The style of that column's header and of the symbols in it: lost in the source, or a defect."""
        return "dim" if self.sop.lost(LOST_ACTORS) else "bold red"

    def _lanes(self) -> list[str]:
        lanes = list(self.sop.pelaksana)
        if any("" in self._step_lanes(step) for step in self.sop.langkah):
            lanes.append("")  # steps with no (or an undeclared) pelaksana
        return lanes

    def _step_lanes(self, step: Step) -> tuple[str, ...]:
        """The lanes a step is drawn in: each of its actors' ("" for none or an undeclared one)."""
        return step_lanes(self.sop, step, unassigned="")

    def _rebuild(self) -> None:
        """The whole table again: when the SOP or the width changes, never when the cursor moves.
        The table keeps the drawing of each row whose cells are as they were."""
        table = self.query_one(StepsTable)
        column = table.cursor_column
        kind_here = self.row_targets[table.cursor_row][0] if 0 <= table.cursor_row < len(self.row_targets) else "step"
        number_here = self.row_targets[table.cursor_row][2] if kind_here == "finding" else -1
        lanes = self._lanes()
        headers = [actor_header(self.sop.pelaksana.get(lane) or self._unassigned()) for lane in lanes]
        available = self.size.width or 120
        longest = max(len(step.kegiatan or "") for step in self.sop.langkah)
        self.widths = widths = column_widths(available, [w for _, w in headers], longest)
        self._built_for_width = available
        lang = self.lang
        columns = [Column("mark", " ", 1), Column("no", say("No", lang), 3),
                   Column("kegiatan", say("Kegiatan", lang), widths["kegiatan"])]
        unknown = self._unassigned_style()
        columns += [Column(f"actor:{lane}", label, width, unknown if lane == "" else "")
                    for lane, (label, width) in zip(lanes, headers)]
        columns += [Column(key, say(key.capitalize(), lang), widths[key])
                    for key in ("kelengkapan", "waktu", "output", "keterangan")]
        # Every step's findings sit under it, one line each (the detail pane has them in full),
        # so moving the cursor never has to rebuild the table.
        self.row_targets = []
        rows = []
        cursor_row = 0
        blanks = (("", ""),) * (len(columns) - 3)
        for step in self.sop.langkah:
            if step.index == self.selected:
                cursor_row = len(self.row_targets)
            rows.append(Row(f"s{step.index}", self._step_cells(step, lanes)))
            self.row_targets.append(("step", step.index, -1))
            for number, finding in enumerate(self.step_findings.get(step.index, [])):
                if step.index == self.selected and number == number_here:
                    cursor_row = len(self.row_targets)
                lines = self._finding_lines(finding)
                style = STYLE[finding.severity]
                rows.append(Row(f"f{step.index}:{number}", ((MARK[finding.severity], style), ("", ""),
                                                           ("\n".join(lines), style), *blanks), len(lines)))
                self.row_targets.append(("finding", step.index, number))
        table.set_table(columns, rows, Coordinate(cursor_row, column))
        table.scroll_cursor_into_view()

    def _finding_lines(self, finding: Finding) -> list[str]:
        """A finding under its step: two lines at most (the detail pane has it in full)."""
        fix = f" {say('fix_hint', self.lang)}" if finding.fix is not None else ""
        lines = textwrap.wrap(f"↳ {finding.message(self.lang)} ({finding.name}){fix}", self.widths["kegiatan"],
                              subsequent_indent="  ", max_lines=2, placeholder=f"…{fix}")
        return lines or [""]

    def _step_cells(self, step: Step, lanes: list[str]) -> tuple[tuple[str, str], ...]:
        symbol = SYMBOL.get(self.sop.symbol(step), "?" + (self.sop.symbol(step) or ""))
        drawn = self._step_lanes(step)
        unknown = self._unassigned_style()
        actors = [(symbol, unknown if actor == "" else "bold") if actor in drawn else ("", "")
                  for actor in lanes]
        widths = self.widths
        return (
            mark(self.step_findings.get(step.index, [])),
            (str(step.no), ""),
            (_cell(step.kegiatan, widths["kegiatan"]), ""),
            *actors,
            (_cell(step.kelengkapan, widths["kelengkapan"]), ""),
            (_cell(step.waktu, widths["waktu"]), ""),
            (_cell(step.output, widths["output"]), ""),
            (_cell(step.keterangan, widths["keterangan"]), ""),
        )

    def _show_detail(self) -> None:
        step = self.current_step
        panel = self.query_one("#step-detail", TextPane)
        if step is None:
            panel.update(RichText())
            return
        lang = self.lang
        panel.more_hint = say("more_below", lang)
        actor = ", ".join(self.sop.pelaksana.get(one) or f"{one}?" for one in step.pelaksana_semua if one) \
            or self._unassigned()
        # the file's text and the messages quoting it, drawn one cell a character (`one_cell`)
        text = RichText()
        text.append(f"{say('Langkah', lang)} {step.no}", style="bold")
        text.append(f" · {say('Pelaksana', lang)}: {one_cell(actor)} · {say('Simbol', lang)}: "
                    f"{say(self.sop.symbol(step), lang)}\n")
        text.append(f"{one_cell_lines(step.kegiatan)}\n")
        for key in ("kelengkapan", "waktu", "output", "keterangan"):
            value = getattr(step, key)
            if isinstance(value, tuple):
                value = "; ".join(value)
            text.append(f"{say(key.capitalize(), lang)}: ", style="bold")
            text.append(f"{one_cell_lines(value) if value else '—'}\n", style="" if value else "dim")
        under = self.finding_under_cursor()
        for finding in self.step_findings.get(step.index, []):
            text.append("▶ " if finding == under else "  ")
            text.append(f"{MARK[finding.severity]} ", style=STYLE[finding.severity])
            text.append(f"{one_cell_lines(finding.message(lang))} ")
            text.append(f"({finding.code} {finding.name})", style="dim")
            if finding.fix is not None:
                text.append(" " + say("fix_hint", lang), style="green")
            text.append("\n")
        text.rstrip()
        panel.update(text)

    def on_resize(self) -> None:
        if self.sop is not None and self.sop.langkah and self.size.width != self._built_for_width:
            self._rebuild()

    # -- what the user does ----------------------------------------------------------------------
    @property
    def current_step(self) -> Step | None:
        if self.sop is None or not self.sop.langkah:
            return None
        return self.sop.langkah[self.selected]

    def finding_under_cursor(self) -> Finding | None:
        """The finding of the inline row under the cursor, if the cursor is on one."""
        table = self.query_one(StepsTable)
        if self.row_targets and table.cursor_row < len(self.row_targets):
            kind, index, number = self.row_targets[table.cursor_row]
            if kind == "finding":
                return self.step_findings[index][number]
        return None

    def current_findings(self) -> list[Finding]:
        """What the cursor is on: an inline finding row's finding, or the selected step's."""
        under = self.finding_under_cursor()
        if under is not None:
            return [under]
        return list(self.step_findings.get(self.selected, []))

    def select_step(self, index: int) -> None:
        """The cursor on the step at `index`."""
        if self.sop is None or not self.sop.langkah:
            return
        self.selected = max(0, min(index, len(self.sop.langkah) - 1))
        self._move_to(("step", self.selected, -1))
        self.query_one(StepsTable).focus()

    def select_finding(self, finding: Finding) -> None:
        """The cursor on the row of `finding`, under its step."""
        index = step_index(finding.pointer)
        if index is None or index not in self.step_findings:
            return
        self.selected = index
        found = self.step_findings[index]
        self._move_to(("finding", index, found.index(finding)) if finding in found else ("step", index, -1))
        self.query_one(StepsTable).focus()

    def _move_to(self, target: tuple[str, int, int]) -> None:
        table = self.query_one(StepsTable)
        if target in self.row_targets:
            table.move_cursor(row=self.row_targets.index(target), animate=False)
        self._show_detail()

    def _cursor_moved(self, coordinate: Coordinate) -> None:
        """The detail follows the cursor, in the frame that moves it."""
        if not self.row_targets or coordinate.row >= len(self.row_targets):
            return
        self.selected = self.row_targets[coordinate.row][1]
        self._show_detail()

    def on_steps_table_cell_selected(self, event: StepsTable.CellSelected) -> None:
        event.stop()
        if self.sop is None or event.coordinate.row >= len(self.row_targets):
            return
        kind, index, _ = self.row_targets[event.coordinate.row]
        if kind != "step" or self.refused():
            return
        step = self.sop.langkah[index]
        key = event.column_key
        if key.startswith("actor:") and key != "actor:":
            self.post_message(ActorToggled(index, key.split(":", 1)[1]))
        elif key in ("no", *TEXT_COLUMNS):
            value = getattr(step, key)
            current = "; ".join(value) if isinstance(value, tuple) else ("" if value is None else str(value))
            self.post_message(EditRequested(f"{step.pointer}/{key}", key, current))


    # -- edits of the procedure's structure ------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # No steps and none that last loaded (a file that never loaded): `a` has nothing to add a
        # step to, and its label in the footer took the room of `L` and `q` at 80 and 120 columns.
        return action != "add_step" or self.sop is not None

    def refused(self) -> bool:
        """Whether an edit of the steps is refused, and said so, at its key: while the text does
        not load, the steps shown are the last version that did, not the text's (and a form
        filled in for one was lost when its edit failed)."""
        if self.unloadable_at is None:
            return False
        self.notify(say("mend_first", self.lang).format(line=self.unloadable_at), severity="error", timeout=6)
        return True

    def action_add_step(self) -> None:
        if self.sop is None or self.refused():
            return
        step = self.current_step
        index = step.index if step is not None else None
        lang = self.lang
        defaults = {"kegiatan": "", "pelaksana": step.pelaksana_semua if step else (),
                    "kelengkapan": "; ".join(step.output) if step else "", "waktu": "", "output": ""}
        title = f"{say('add_step_title', lang)} {step.no}" if step else say("add_step_first", lang)

        def add(values: dict | None) -> None:
            if values is None:
                return
            values = {key: (editing.parse_input(key, value) if key in editing.LIST_KEYS else value)
                      for key, value in values.items() if value}
            self.post_message(EditMade(lambda text: editing.add_step(text, index, values),
                                       None if index is None else index + 1))

        self.app.push_screen(AddStep(title, dict(self.sop.pelaksana), defaults, lang), add)

    def action_delete_step(self) -> None:
        step, lang = self.current_step, self.lang
        if step is None or self.refused():
            return
        notice = editing.deletion_notice(self.text, step.index)  # what happens to each reference
        detail = notice(lang) if notice is not None else ""

        def answer(choice: str) -> None:
            if choice == "delete":
                self.post_message(EditMade(lambda text: editing.delete_step(text, step.index)))

        # the kegiatan as written, wrapped by the dialog (a page of it cut, so the buttons stay on screen)
        kegiatan = step.kegiatan if len(step.kegiatan) <= 300 else step.kegiatan[:299] + "…"
        self.app.push_screen(Choose(f"{say('delete_step_q', lang)} {step.no}: \"{kegiatan}\"?",
                                    [("delete", say("delete", lang)), ("cancel", say("cancel", lang))],
                                    lang, destructive=("delete",), detail=detail), answer)

    def action_move_step(self, offset: int) -> None:
        step = self.current_step
        if step is not None and 0 <= step.index + offset < len(self.sop.langkah) and not self.refused():
            self.post_message(EditMade(lambda text: editing.move_step(text, step.index, offset), step.index + offset))

    def action_toggle_decision(self) -> None:
        step, lang = self.current_step, self.lang
        if step is None or self.refused():
            return
        if step.is_decision:
            self.post_message(EditMade(lambda text: editing.make_process(text, step.index)))
            return

        def problem(value: str) -> str | None:
            exits = parse_exits(value)
            if exits is None:
                return say("two_numbers", lang)
            if step.no in exits:
                return f"{say('Langkah', lang)} {step.no}: {say('not_to_itself', lang)}"
            return None

        def targets(value: str | None) -> None:
            exits = parse_exits(value) if value else None  # the dialog let only two other steps through
            if exits is not None:
                self.post_message(EditMade(lambda text: editing.make_decision(text, step.index, *exits)))

        prefill = " ".join(str(no) for no in decision_exits([s.no for s in self.sop.langkah], step.index))
        self.app.push_screen(EditValue(f"{say('Langkah', lang)} {step.no} {say('decision_title', lang)}",
                                       prefill, say("two_numbers_hint", lang), lang=lang, check=problem), targets)

    def action_also_actor(self) -> None:
        """Draw the step in the actor column under the cursor as well (a meeting of two actors),
        or take it out of that column when it is drawn in others too."""
        table = self.query_one(StepsTable)
        step = self.current_step
        if step is None or not 0 <= table.cursor_column < len(table.ordered_columns) or self.refused():
            return
        key = table.ordered_columns[table.cursor_column].key
        if key.startswith("actor:") and key != "actor:":
            self.post_message(ActorToggled(step.index, key.split(":", 1)[1], also=True))

    def action_add_actor(self) -> None:
        lang = self.lang
        if self.refused():
            return

        def problem(value: str) -> str | None:
            if "=" not in value:
                return say("actor_format", lang)
            found = editing.actor_problem(*new_actor(value), self.sop.pelaksana if self.sop is not None else {})
            return found(lang) if found is not None else None

        def added(value: str | None) -> None:
            if value:  # the dialog let only a well-formed new actor through
                actor_id, jabatan = new_actor(value)
                self.post_message(EditMade(lambda text: editing.add_actor(text, actor_id, jabatan)))

        self.app.push_screen(EditValue(say("new_actor", lang), "kasi = Kasi",
                                       lang=lang, check=problem), added)

    def action_remove_actor(self) -> None:
        if self.sop is None or self.refused():
            return

        declared, lang = self.sop.pelaksana, self.lang

        def problem(value: str) -> str | None:  # empty: nothing removed, the dialog closes
            found = editing.unknown_actor(value.strip(), declared) if value.strip() else None
            return found(lang) if found is not None else None

        def remove(actor_id: str) -> None:
            self.post_message(EditMade(lambda text: editing.remove_actor(text, actor_id)))

        def chosen(value: str | None) -> None:
            actor_id = (value or "").strip()
            if not actor_id:
                return
            notice = editing.actor_removal_notice(self.text, actor_id)
            if notice is None:  # no step drawn in its column: nothing else changes
                remove(actor_id)
                return
            # steps would lose their pelaksana: say which, and ask, as deleting a step does
            self.app.push_screen(
                Choose(f"{say('remove_actor_q', lang)} `{actor_id}` ({declared.get(actor_id, '')})?",
                       [("delete", say("delete", lang)), ("cancel", say("cancel", lang))],
                       lang, destructive=("delete",), detail=notice(lang)),
                lambda choice: remove(actor_id) if choice == "delete" else None)

        self.app.push_screen(EditValue(f"{say('remove_actor_q', lang)}: {', '.join(declared)}", "",
                                       lang=lang, check=problem), chosen)
