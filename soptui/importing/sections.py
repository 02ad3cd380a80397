"""The six documentation sections, from lines of text whose cells are tab-separated.

Documents print the sections in a two-column grid (Dasar Hukum beside Kualifikasi Pelaksana, ...),
and extraction keeps each grid row as one line with a tab between the columns, or loses a heading,
or moves an item away from its list. The reader follows the numbering to put items back:

- a heading row of several cells names the column each following cell belongs to;
- a list that restarts at 1 with no heading belongs to the next empty section (its heading was
  lost), unless what came before it is a list of regulations printed under the wrong heading,
  which then is the Dasar Hukum;
- an item numbered n that does not follow its neighbours joins the section whose last item is n-1
  (items displaced by the layout), cells of one row taking those sections in the standard's order.

Each such placement leaves a note in the file.
"""

from __future__ import annotations

from ..citation import parse_citation
from ..model import SECTIONS
from .draft import Draft
from .fields import SECTION_HEADINGS, STANDARD_NAMES, Item, blocks, match_label, split_items


class SectionReader:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.items: dict[str, list[Item]] = {key: [] for key in SECTIONS}
        self.current: str | None = None
        self.columns: list[str] | None = None  # the sections of a heading row's cells

    def heading(self, text: str):
        return match_label(text.lstrip("#").strip(), SECTION_HEADINGS)

    def line(self, raw: str) -> None:
        cells = [blocks(cell.lstrip("#")) for cell in raw.split("\t")]
        cells = [pieces for pieces in cells if pieces]
        if not cells:
            return
        led = [self.heading(pieces[0]) for pieces in cells]
        if len(cells) >= 2 and all(led):
            self.columns = [found[0] for found in led]
        elif len(cells) == 1 and led[0]:
            self.columns = None
        unmapped = len(cells) >= 2 and self.columns is None
        taken: list[str] = []
        for position, (pieces, found) in enumerate(zip(cells, led)):
            if found:
                key, label, rest = found
                self._printed_as(key, label)
                target: str | None = key
                if len(cells) == 1:
                    self.current = key
                pieces = [rest, *pieces[1:]] if rest else pieces[1:]
            elif self.columns and len(cells) >= 2 and position < len(self.columns):
                target = self.columns[position]
            elif self.columns and len(cells) == 1:
                target = self.columns[0]
            else:
                target = self.current
            first = True
            for piece in pieces:
                for item in split_items(piece):
                    target = self._place(item, target, unmapped and first, taken)
                    first = False
            if target:
                taken.append(target)

    def _last(self, key: str) -> int | None:
        numbers = [item.number for item in self.items[key] if item.number is not None]
        return numbers[-1] if numbers else None

    def _place(self, item: Item, target: str | None, unmapped: bool, taken: list[str]) -> str | None:
        n = item.number
        if n is not None and (unmapped or n > 1 and (target is None or self._last(target) != n - 1)):
            following = [key for key in SECTIONS if self._last(key) == n - 1 and key not in taken]
            if n > 1 and following and following[0] != target:
                self.draft.note(following[0], f"Item {n} is printed away from this list in the extracted "
                                "text (moved by the layout); placed here by its number.")
                target = following[0]
        if target is None:
            return None
        if n == 1 and self.items[target] and any(i.number is not None for i in self.items[target]):
            target = self._restart(target)
        if n is None and not item.bullet and self.items[target]:
            self.draft.note(target, f'Printed after the list: "{item.text}"')
            return target
        self.items[target].append(item)
        return target

    def _restart(self, target: str) -> str:
        """A second list starting at 1 under one heading."""
        earlier = self.items[target]
        if (target != "dasar_hukum" and not self.items["dasar_hukum"]
                and all(parse_citation(item.text).recognised for item in earlier)):
            self.items["dasar_hukum"] = earlier
            self.items[target] = []
            self.draft.note("dasar_hukum", f'Printed under the heading "{STANDARD_NAMES[target]}": the '
                            'extracted text lost the "Dasar Hukum" heading, and these items are regulations.')
            return target
        later = [key for key in SECTIONS[SECTIONS.index(target) + 1:] if not self.items[key]]
        if not later:
            return target
        self.draft.note(later[0], f'The extracted text has no "{STANDARD_NAMES[later[0]]}" heading: this '
                        f'list follows {STANDARD_NAMES[target]} and is placed by the standard\'s order.')
        self.current = later[0]
        return later[0]

    def _printed_as(self, key: str, label: str) -> None:
        def plain(text: str) -> str:
            return " ".join(text.lower().replace("/", " / ").split())

        if plain(label) != plain(STANDARD_NAMES[key]):
            self.draft.note(key, f'Printed as "{label}".')

    def finish(self) -> None:
        for key in SECTIONS:
            if self.items[key]:
                self.draft.set(key, [item.text for item in self.items[key]])
