"""Dialogs: centred, framed boxes over the app, which stays visible behind them.

Each says which keys it takes (Enter, Esc). A destructive choice is coloured as such, and the
focus starts on the safe one, so a stray Enter never deletes or discards.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.expand_tabs import expand_tabs_inline
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static

from ...editing import pelaksana_value
from ...one_cell import one_cell, one_cell_lines
from ..strings import say


class TextField(Input):
    """An Input that draws its value one cell a character (`one_cell`) and keeps it as it is:
    a field opened on a value holding an escape sequence sent it to the terminal, and the value
    saved is the file's, not what is drawn. The cursor is placed by the cells drawn (a raw ESC
    took none, and the cursor stood left of where it was)."""

    @property
    def _value(self) -> Text:
        return Text(one_cell(self.value, keep_tabs=True), no_wrap=True, overflow="ignore", end="")

    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(one_cell(self.value[:position], keep_tabs=True), 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        cells, drawn = 0, one_cell(self.value, keep_tabs=True)
        offset += int(self.scroll_offset.x)
        for index, char in enumerate(drawn):
            width = cell_len(char)
            if cells <= offset < cells + width:
                return index
            cells += width
        return max(0, min(offset, len(drawn)))


class OwnFooter(ModalScreen):
    """A screen over the main one whose bottom line is its own: the main screen's footer showed
    through under it, listing keys (a, f1, ^s) that do nothing while it is open. The line says
    the screen's own keys (`own_keys`)."""

    def own_keys(self) -> object:
        """What the bottom line says: the screen's `.keys` line, as a dialog words it."""
        keys = next(iter(self.query(".keys")), None)
        return keys.render() if keys is not None else ""

    @on(events.Mount)
    def _footer_of_its_own(self) -> None:
        self.mount(Static(self.own_keys(), classes="own-footer"))

    def say_keys(self) -> None:
        """The bottom line again, for keys that act differently now (the focus moved)."""
        for line in self.query(".own-footer"):
            line.update(self.own_keys())


class Dialog(OwnFooter):
    """The frame every dialog shares; `lang` words its buttons and hints.

    What a dialog quotes from the SOP (a kegiatan, a jabatan, a finding's message) is drawn one
    cell a character (`one_cell_lines`) and given with `markup=False`: read as markup, "[draf]" in
    a kegiatan was not drawn and "[/b]" raised MarkupError, which ended the app at `D`.

    Its first field (`first_focus`) has the focus before any key is handed to it: keys typed
    before that wait in `early_keys` and go to that field in the order typed (see
    `SoptuiApp.on_event` and `on_key`). Textual's AUTO_FOCUS focused the add-step form's
    scrolling body first and its first field a moment later, so quick typing went nowhere, or
    with a Tab to the field after the one meant.

    Keys typed in one burst act as if typed slowly (`take_key`): a key that moves the focus
    (Tab, Shift+Tab, ← → between buttons) moves it as it is typed, and a key bound to an action
    (Backspace, Home, End, ← → in a field, ↑ ↓ Space in a list) runs in the queue of the focused
    field, behind the characters typed before it. Textual passes a bound key up the widgets one
    queue at a time to be bound at the app, so the characters typed behind it reached the field
    first: `abc` Backspace `x` gave `abc`, `abc` Home `x` gave `abcx`."""

    BINDINGS = [Binding("escape", "cancel", "batal", show=False)]
    AUTO_FOCUS = ""  # none: `on_mount` focuses `first_focus` (None would take the app's "*")

    # The actions that move the focus, which take their key as it is typed (`take_key`): a
    # field handed one would pass it up to be bound only after the keys typed behind it.
    FOCUS_MOVES = {"app.focus_next": True, "focus_next": True, "app.focus_previous": False, "focus_previous": False}

    # The share of the screen's height a dialog may take (`.dialog`'s max-height in soptui.tcss).
    HEIGHT_SHARE = 0.9

    def __init__(self, title: str, lang: str = "id") -> None:
        super().__init__()
        self.title_text, self.lang = title, lang
        self.ready = False  # its first field focused: keys go to the focused widget
        self.early_keys: list[events.Key] = []
        self.suggested: dict[Widget, str] = {}  # each text field's value as the dialog opened

    def first_focus(self) -> Widget | None:
        """The widget that takes the keys first: the first text field."""
        return next(iter(self.query(Input)), None)

    def on_mount(self) -> None:
        self.suggested = {field: field.value for field in self.query(Input)}  # as the dialog opens
        first = self.first_focus()
        if first is not None:
            self.set_focus(first)  # now: Widget.focus waits for the next turn of the queue
        self.mark_enter_button()  # in the first frame, not after the Focus event
        self.ready = True
        early, self.early_keys = self.early_keys, []
        for key in early:
            self.take_key(key, typed=False)
        self.call_after_refresh(self._fit_body)

    def _binding_of(self, key: events.Key) -> ActiveBinding | None:
        """The binding `key` runs with the focus where it is now; None when the focused widget
        takes it itself (a character a field inserts) or nothing binds it."""
        bound = self.active_bindings.get(key.key)
        if bound is None or not bound.enabled:
            return None
        if key.is_printable and bound.node is not self.focused:
            return None  # a field takes its characters before the widgets around it bind them
        return bound

    def take_key(self, key: events.Key, typed: bool = True) -> bool:
        """Handle a key typed for this dialog so that a burst acts as slow typing would; whether
        it did. Before its first field is focused the key waits for it (`early_keys`). A key
        that moves the focus moves it now; a bound key runs in the focused widget's queue, in
        turn with the keys typed before it. Any other key is left to the app when `typed` (as
        the app got it: False, and the app runs its priority bindings, then hands it to the
        focused widget); a key kept from before, or typed on the screen below, goes to the
        focused widget."""
        if not self.ready:
            self.early_keys.append(key)
            return True
        bound = self._binding_of(key)
        action = bound.binding.action if bound is not None else None
        if action in self.FOCUS_MOVES:
            self._focus_on(forward=self.FOCUS_MOVES[action])
        elif bound is not None and not (typed and bound.binding.priority):
            (self.focused or self).call_later(self._run, bound)
        elif typed:
            return False
        else:
            (self.focused or self)._forward_event(events.Key(key.key, key.character))
        return True

    async def _run(self, bound: ActiveBinding) -> None:
        if bound.node.is_attached:  # not a field of a dialog a key before it closed
            await self.app.run_action(bound.binding.action, bound.node)

    def _focus_on(self, forward: bool) -> None:
        """The focus to the next widget (or the one before). A text field it lands on that holds
        what the user typed gets its cursor at the end, nothing selected, so the next key adds to
        the text rather than replacing it; one that still holds the dialog's suggestion (the
        previous step's output as kelengkapan, `unit/nama-sop.toml`) keeps it selected, as
        Textual's Input selects its text when focused, for a key to replace it."""
        widget = self.focus_next() if forward else self.focus_previous()
        if isinstance(widget, Input):
            # judged in its queue: after the keys typed into it before, and its Focus event
            widget.call_later(self._cursor_after_typed_text, widget)

    def _cursor_after_typed_text(self, field: Input) -> None:
        if field.value != self.suggested.get(field):
            field.action_end()

    def enter_button(self) -> Button | None:
        """The button Enter presses now: the focused one; none while the focus is elsewhere
        (a dialog whose Enter presses a button from a field or a diff says which)."""
        return self.focused if isinstance(self.focused, Button) else None

    @on(events.DescendantFocus)
    def mark_enter_button(self) -> None:
        """The button Enter presses filled, and only it (`-enter`, soptui.tcss), its name on the
        bottom line: a button filled by its kind (the quit dialog's blue "Simpan semua &
        keluar") looked chosen while Enter pressed the focused "Batal" beside it."""
        target = self.enter_button()
        for button in self.query(Button):
            button.set_class(button is target, "-enter")
        self.say_keys()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_body)

    def _fit_body(self) -> None:
        """The body (a diff, a form, a list) gets the rows the title, buttons and key line leave:
        it scrolls inside the dialog, and the buttons and keys are always on screen, on a
        terminal of 24 rows too. Their heights are known only once laid out, wrapped titles too."""
        for box in self.query(".dialog"):
            body = next((child for child in box.children if child.has_class("dialog-body")), None)
            if body is None:
                continue
            rest = box.styles.gutter.height + body.styles.margin.height
            for child in box.children:
                if child is not body and child.display:
                    rest += child.outer_size.height + child.styles.margin.height
            # the height `.dialog`'s share is of: the screen's, less its own footer line
            height = self.size.height - sum(line.outer_size.height for line in self.query(".own-footer"))
            room = max(3, int(height * self.HEIGHT_SHARE) - rest)
            if body.styles.max_height is None or body.styles.max_height.value != room:
                body.styles.max_height = room

    def action_cancel(self) -> None:
        self.dismiss(None)

    def dismiss(self, result: object = None) -> AwaitComplete:
        """Close with `result`, once: a second Enter typed in the same burst is already in the
        field's queue when the first closes the dialog, and Textual's `dismiss` pops whatever
        screen is on top, so it closed the next dialog or, with none, ended the app on an error
        (`ctrl+r tim Enter Enter`; any field's edit, Enter Enter)."""
        if self.app.screen is not self:
            return AwaitComplete.nothing()
        return super().dismiss(result)


class EditValue(Dialog):
    """Ask for a new value; Enter keeps it, Escape cancels. `check` says what is wrong with a
    value (None: nothing): the dialog then stays open, the reason under the field, and what
    was typed kept."""

    def __init__(self, title: str, value: str, hint: str = "", lang: str = "id",
                 check: Callable[[str], str | None] | None = None) -> None:
        super().__init__(title, lang)
        self.value, self.hint, self.check = value, hint, check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(one_cell_lines(self.title_text), classes="dialog-title", markup=False)
            yield TextField(value=self.value, id="value")
            yield Label("", id="problem", classes="problem", markup=False)  # it may quote what was typed
            if self.hint:
                yield Label(self.hint, classes="hint")
            yield Label(say("enter_esc", self.lang), classes="keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.check(event.value) if self.check is not None else None
        if problem:
            label = self.query_one("#problem", Label)
            label.update(problem)
            label.display = True
            self.call_after_refresh(self._fit_body)
            return
        self.dismiss(event.value)


class Choose(Dialog):
    """A question with buttons; dismisses with the chosen button's id ("cancel" on Escape).

    `choices` are (id, label) pairs; ids in `destructive` are drawn red. The focus starts on
    `safe` (default "cancel")."""

    BINDINGS = [Binding("escape", "cancel", "batal", show=False),
                Binding("left", "app.focus_previous", show=False), Binding("right", "app.focus_next", show=False)]

    def __init__(self, question: str, choices: list[tuple[str, str]], lang: str = "id",
                 destructive: tuple[str, ...] = (), safe: str = "cancel", detail: str = "") -> None:
        super().__init__(question, lang)
        self.choices, self.destructive, self.safe, self.detail = choices, destructive, safe, detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(one_cell_lines(self.title_text), classes="dialog-title", markup=False)
            if self.detail:
                with VerticalScroll(classes="dialog-body"):
                    yield Static(one_cell_lines(self.detail), markup=False)
            with Horizontal(classes="buttons"):
                for choice_id, label in self.choices:
                    variant = "error" if choice_id in self.destructive else \
                        ("default" if choice_id == "cancel" else "primary")
                    yield Button(label, id=choice_id, variant=variant)

    def own_keys(self) -> str:
        """The keys, naming the button Enter presses (the safe one until the focus moves)."""
        target = self.enter_button() or self.first_focus()
        return say("choose_keys", self.lang).format(button=target.label)

    def first_focus(self) -> Widget:
        ids = [choice_id for choice_id, _ in self.choices]
        return self.query_one(f"#{self.safe if self.safe in ids else ids[0]}", Button)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss("cancel")


class WrappedDiff:
    """A unified diff coloured by line kind, each long line wrapped to the width there is with
    its continuation indented after `↪`, so it never looks like a diff line of its own."""

    CONTINUATION = "  ↪ "

    def __init__(self, diff: str) -> None:
        self.diff = diff

    @staticmethod
    def style_of(line: str) -> str:
        if line.startswith(("+++", "---")):
            return "bold"
        if line.startswith("@@"):
            return "bold magenta"
        return "green" if line.startswith("+") else "red" if line.startswith("-") else ""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(len(self.CONTINUATION) + 8, options.max_width)
        for line in self.diff.splitlines():
            line = one_cell(line)  # the file's lines: no control code of theirs reaches the terminal
            style = self.style_of(line)
            wrapped = Text(line, style=style).wrap(console, width)
            if len(wrapped) <= 1:
                yield Text(line, style=style, no_wrap=True, overflow="crop")
                continue
            yield wrapped[0]
            # The rest rewrapped to the width the mark leaves, so no continuation reaches the edge.
            tail = Text(line[len(wrapped[0].plain):].lstrip(), style=style)
            for part in tail.wrap(console, width - len(self.CONTINUATION)):
                yield Text.assemble((self.CONTINUATION, "dim"), part)


class Preview(Dialog):
    """A change shown as a unified diff before it is made: Enter applies, Escape cancels.

    With `refused` (why the fix guard refused the change) it says so above the diff, which is
    then only shown: there is nothing to apply, and Enter or Escape closes it."""

    BINDINGS = [Binding("escape", "cancel", "batal", show=False),
                Binding("enter", "apply", "terapkan", show=False, priority=True)]

    def __init__(self, title: str, diff: str, lang: str = "id", refused: str = "") -> None:
        super().__init__(title, lang)
        self.diff, self.refused = diff, refused

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(one_cell_lines(self.title_text), classes="dialog-title", markup=False)
            if self.refused:
                yield Label(one_cell_lines(self.refused), classes="refusal", markup=False)
            with VerticalScroll(classes="dialog-body", id="diff"):
                yield Static(WrappedDiff(self.diff))
            with Horizontal(classes="buttons"):
                if self.refused:
                    yield Button(say("close_button", self.lang), id="cancel", variant="primary")
                else:
                    yield Button(say("apply", self.lang), id="apply", variant="primary")
                    yield Button(say("cancel", self.lang), id="cancel")
            keys = f"Enter, Esc: {say('close', self.lang)}" if self.refused else \
                f"Enter: {say('apply', self.lang)} · Esc: {say('cancel', self.lang)}"
            yield Label(f"{keys} · ↑↓ PgUp PgDn", classes="keys")

    def first_focus(self) -> Widget:
        return self.query_one("#diff")

    def enter_button(self) -> Button | None:
        """The focused button; on the diff, the one that applies (Enter is bound at the screen)."""
        return super().enter_button() or next(iter(self.query("#apply, #cancel").results(Button)), None)

    def own_keys(self) -> object:
        if isinstance(self.focused, Button):  # Enter presses it
            return f"Enter: {self.focused.label} · Esc: {say('cancel', self.lang)} · ↑↓ PgUp PgDn"
        return super().own_keys()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # Enter on a focused button presses that button, as it looks: a focused "Batal" applied.
        return not (action == "apply" and isinstance(self.focused, Button))

    def action_apply(self) -> None:
        self.dismiss(not self.refused)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "apply")


class CheckList(SelectionList):
    """A SelectionList whose rows say plainly whether each is ticked: `[x]` or `[ ]`, not
    Textual's `▐X▌` on every row, ticked or not, told apart by a shade of colour."""

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)  # the prompt, without SelectionList's button
        index = int(self.scroll_offset.y) + y
        if index >= self.option_count:
            return line
        ticked = self.get_option_at_index(index).value in self._selected
        row = next(iter(line)).style if line.cell_length else None
        row = row or self.rich_style  # the row's background: the highlight's on the cursor's row
        box = Segment("[x] ", row + Style(bold=True, color="green")) if ticked else Segment("[ ] ", row)
        return Strip([box, *line])


class FormBody(VerticalScroll):
    """A form's scrolling body, which keeps its focused field in view when it gets its height
    (`Dialog._fit_body`, after the first frame): keys typed quickly may have moved the focus
    down the form by then, to a field below the body's bottom."""

    def on_resize(self) -> None:
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            self.scroll_to_widget(focused, animate=False)


class AddStep(Dialog):
    """The fields a new step needs, so it does not arrive as four findings: kegiatan, pelaksana
    (one or more of the declared actors: a meeting is drawn in each one's column), kelengkapan,
    waktu and output. Space (or Enter) in the actor list ticks one; Enter in any text field adds
    the step."""

    FIELDS = ("kegiatan", "kelengkapan", "waktu", "output")

    def __init__(self, title: str, actors: dict[str, str], defaults: dict[str, str], lang: str = "id") -> None:
        super().__init__(title, lang)
        self.actors, self.defaults = actors, defaults

    def compose(self) -> ComposeResult:
        labels = {"kegiatan": say("Kegiatan", self.lang), "kelengkapan": say("Kelengkapan", self.lang),
                  "waktu": say("Waktu", self.lang), "output": say("Output", self.lang)}
        with Vertical(classes="dialog"):
            yield Label(one_cell_lines(self.title_text), classes="dialog-title", markup=False)
            with FormBody(classes="dialog-body form"):
                yield Label(labels["kegiatan"])
                yield TextField(value=self.defaults.get("kegiatan", ""), id="kegiatan")
                if self.actors:
                    # The step under the cursor's actors, or none: never one picked silently.
                    chosen = [a for a in self.defaults.get("pelaksana") or () if a in self.actors]
                    yield Label(say("Pelaksana", self.lang) + "  " + say("pick_several", self.lang))
                    # a prompt given as Text is not read as markup
                    yield CheckList(*((Text(one_cell(jabatan)), actor, actor in chosen)
                                      for actor, jabatan in self.actors.items()), id="pelaksana")
                for key in ("kelengkapan", "waktu", "output"):
                    yield Label(f"{labels[key]}  {say('list_sign' if key != 'waktu' else 'time_example', self.lang)}")
                    yield TextField(value=self.defaults.get(key, ""), id=key)
            with Horizontal(classes="buttons"):
                yield Button(say("add", self.lang), id="add", variant="primary")
                yield Button(say("cancel", self.lang), id="cancel")
            yield Label(say("enter_esc", self.lang), classes="keys")

    def first_focus(self) -> Widget:
        return self.query_one("#kegiatan", Input)

    def enter_button(self) -> Button | None:
        """The focused button; in a text field, the one that adds (Enter adds the step there)."""
        if isinstance(self.focused, Input):
            return self.query_one("#add", Button)
        return super().enter_button()

    def _values(self) -> dict[str, object]:
        values: dict[str, object] = {key: self.query_one(f"#{key}", Input).value.strip() for key in self.FIELDS}
        if self.actors:
            ticked = set(self.query_one("#pelaksana", SelectionList).selected)
            values["pelaksana"] = pelaksana_value([actor for actor in self.actors if actor in ticked])  # columns' order
        return values

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self._values())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self._values() if event.button.id == "add" else None)
