"""Dialogs: centred, framed boxes over the app, which stays visible behind them.

Each says which keys it takes (Enter, Esc). A destructive choice is coloured as such, and the
focus starts on the safe one, so a stray Enter never deletes or discards.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static

from ...editing import pelaksana_value
from ..strings import say


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

    Its first field (`first_focus`) has the focus before any key is handed to it: keys typed
    before that wait in `early_keys` and go to that field in the order typed (see
    `SoptuiApp.on_event` and `on_key`). Textual's AUTO_FOCUS focused the add-step form's
    scrolling body first and its first field a moment later, so quick typing went nowhere, or
    with a Tab to the field after the one meant."""

    BINDINGS = [Binding("escape", "cancel", "batal", show=False)]
    AUTO_FOCUS = ""  # none: `on_mount` focuses `first_focus` (None would take the app's "*")

    # The keys that move the focus, which it takes as they are typed (`take_key`): a field
    # handed one would pass it up to be bound only after the keys typed behind it.
    FOCUS_KEYS = ("tab", "shift+tab")

    # The share of the screen's height a dialog may take (`.dialog`'s max-height in soptui.tcss).
    HEIGHT_SHARE = 0.9

    def __init__(self, title: str, lang: str = "id") -> None:
        super().__init__()
        self.title_text, self.lang = title, lang
        self.ready = False  # its first field focused: keys go to the focused widget
        self.early_keys: list[events.Key] = []

    def first_focus(self) -> Widget | None:
        """The widget that takes the keys first: the first text field."""
        return next(iter(self.query(Input)), None)

    def on_mount(self) -> None:
        first = self.first_focus()
        if first is not None:
            self.set_focus(first)  # now: Widget.focus waits for the next turn of the queue
        self.mark_enter_button()  # in the first frame, not after the Focus event
        self.ready = True
        early, self.early_keys = self.early_keys, []
        for key in early:
            self.take_key(key)
        self.call_after_refresh(self._fit_body)

    def take_key(self, key: events.Key) -> None:
        """A key typed for this dialog before it could take it: to the focused widget, once
        there is one. A Tab, whenever typed (`SoptuiApp.on_event`), moves the focus now."""
        if not self.ready:
            self.early_keys.append(key)
            return
        if key.key == "tab":
            self.focus_next()
        elif key.key == "shift+tab":
            self.focus_previous()
        else:
            (self.focused or self)._forward_event(events.Key(key.key, key.character))

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
            yield Label(self.title_text, classes="dialog-title")
            yield Input(value=self.value, id="value")
            yield Label("", id="problem", classes="problem")
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
            yield Label(self.title_text, classes="dialog-title")
            if self.detail:
                with VerticalScroll(classes="dialog-body"):
                    yield Static(self.detail)
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
    """A change shown as a unified diff before it is made: Enter applies, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "batal", show=False),
                Binding("enter", "apply", "terapkan", show=False, priority=True)]

    def __init__(self, title: str, diff: str, lang: str = "id") -> None:
        super().__init__(title, lang)
        self.diff = diff

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-body", id="diff"):
                yield Static(WrappedDiff(self.diff))
            with Horizontal(classes="buttons"):
                yield Button(say("apply", self.lang), id="apply", variant="primary")
                yield Button(say("cancel", self.lang), id="cancel")
            yield Label(f"Enter: {say('apply', self.lang)} · Esc: {say('cancel', self.lang)} · ↑↓ PgUp PgDn",
                        classes="keys")

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
        self.dismiss(True)

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
            yield Label(self.title_text, classes="dialog-title")
            with FormBody(classes="dialog-body form"):
                yield Label(labels["kegiatan"])
                yield Input(value=self.defaults.get("kegiatan", ""), id="kegiatan")
                if self.actors:
                    # The step under the cursor's actors, or none: never one picked silently.
                    chosen = [a for a in self.defaults.get("pelaksana") or () if a in self.actors]
                    yield Label(say("Pelaksana", self.lang) + "  " + say("pick_several", self.lang))
                    yield CheckList(*((jabatan, actor, actor in chosen) for actor, jabatan in self.actors.items()),
                                    id="pelaksana")
                for key in ("kelengkapan", "waktu", "output"):
                    yield Label(f"{labels[key]}  {say('list_sign' if key != 'waktu' else 'time_example', self.lang)}")
                    yield Input(value=self.defaults.get(key, ""), id=key)
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
