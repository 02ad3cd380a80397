"""PDF -> SOPs, with pdfplumber: positioned words, and the page's lines, rectangles and paths.

A PDF exported from Word or LibreOffice has no tables, only drawing: the table is its rules (lines,
or Word's thin filled rectangles), the flowchart is paths. The reader:

- sets arrows apart first (a small filled triangle is a head; the lines that reach it, one after
  another, are its shaft), so that their segments are not taken for table rules;
- finds the tables from the remaining rules (pdfplumber's table finder, told which lines are rules),
  and reads each cell's words, rejoining lines the cell's width broke ("Kelengkap" + "an");
- classifies each closed path: curved = terminator, four corners = process, four vertices on the
  edge midpoints = decision, five = off-page connector; each is often drawn twice (fill, then
  stroke) and counted once;
- follows each arrow from its head back to the symbol it leaves, and reads Ya/Tidak from the words
  near its start.

A PDF with no text layer is a scan: it needs OCR first, and the reader says so.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from ..i18n import Text
from .draft import Draft, StepDraft, Unreadable
from .fields import (IDENTITY_LABELS, actor_ids, clean, is_table_header, keep_lost_actors, match_label,
                     read_header)
from .flowchart import NO, YES, Band, Column, Drawing, Shape, assign, moved
from .text import NO_TABLE, ROW_NUMBER, front_lines, read_front, step_from_cells

THIN = 2.0  # points: a filled rectangle thinner than this is a rule
HEAD = 12.0  # points: an arrowhead fits in a square this size
JOIN = 2.5  # points: segment ends this close are joined
NEAR = 6.0  # points: an arrow's end this close to a symbol touches it
LABEL_REACH = 40.0  # points: a Ya/Tidak label this close to an arrow's start names it
PAGE_GAP = 10 ** 5  # points between one page's drawing and the next one's: no arrow spans it

NEEDS_OCR = Text(
    "PDF tanpa lapisan teks (hasil pindai): jalankan OCR dulu (mis. ocrmypdf -l ind), lalu impor hasilnya",
    "a PDF with no text layer (a scan): it needs OCR first (e.g. ocrmypdf -l ind), then import the result",
)


ENCRYPTED = Text("PDF terenkripsi (berkata sandi): buka kuncinya dulu",
                 "an encrypted (password-protected) PDF: remove the password first")


def _damaged(error: Exception) -> Unreadable:
    return Unreadable(Text(f"PDF rusak, tidak dapat dibaca ({error})", f"a damaged PDF that cannot be read ({error})"))


def read_pdf(path: Path) -> list[Draft]:
    # pdfplumber wraps pdfminer's errors in its own, raised when the file is opened or a page read
    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = list(pdf.pages)
            if not any(page.chars for page in pages):
                raise Unreadable(NEEDS_OCR)
            return _read_pages(pages, path.name)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise Unreadable(ENCRYPTED) from None
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise Unreadable(ENCRYPTED) from None
        raise _damaged(cause) from None
    except (PDFSyntaxError, PSException) as error:
        raise _damaged(error) from None


def _read_pages(pages, source: str) -> list[Draft]:
    drafts: list[Draft] = []
    lines: list[str] = []
    procedure: _Procedure | None = None
    for page in pages:
        drawing = _Drawing(page)
        tables = page.find_tables({
            "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
            "explicit_vertical_lines": drawing.vertical_rules, "explicit_horizontal_lines": drawing.horizontal_rules,
            "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3,
        })
        inside: list[tuple] = []
        for table in sorted(tables, key=lambda table: table.bbox[1]):
            cells = [[_cell(page, cell) if cell else None for cell in row.cells] for row in table.rows]
            texts = [[" ".join(paragraphs) if paragraphs else "" for paragraphs in row] for row in cells]
            header = next((i for i, row in enumerate(texts) if is_table_header(row)), None)
            # text between the last table and this one: a title, a letterhead, the sections
            lines.extend(_words_outside(page, [*inside, table.bbox], above=table.bbox[1], after=_last_bottom(inside)))
            inside.append(table.bbox)
            # the rows before the header: another table's, or the identity block in the same one
            lines.extend(front_lines([[c for c in row if c] for row in cells[:header]]))
            if header is None:
                continue
            # a new SOP has its identity block before its table; without one, the table goes on
            starts = procedure is None or any(match_label(clean(line.replace("\t", " ")), IDENTITY_LABELS)
                                              for line in lines)
            if starts:
                draft = Draft(source)
                draft.flowchart = Drawing()
                read_front(lines, draft)
                drafts.append(draft)
                procedure = _Procedure(draft)
            lines = []
            procedure.table(table, texts, header, drawing)
    if not drafts:
        raise Unreadable(NO_TABLE)
    for draft in drafts:
        flow = draft.flowchart
        assign(flow.shapes, flow.rows, flow.columns, draft, NEAR, LABEL_REACH)
    for procedure_draft in drafts:
        procedure_draft.header.append("Read from the PDF's drawing: the table from its rules, the flowchart from "
                                      "its paths.")
    if len(drafts) > 1:
        for number, draft in enumerate(drafts):
            draft.part = f"SOP {number + 1} of {len(drafts)}"
    return drafts


def _last_bottom(boxes) -> float:
    return max((box[3] for box in boxes), default=0.0)


def _words_outside(page, tables, above: float, after: float) -> list[str]:
    """Text lines between the last table and the next (a title, a caption), outside any table."""
    def centre(w):
        return (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2

    words = [w for w in page.extract_words() if after <= centre(w)[1] < above
             and not any(_inside(centre(w), b) for b in tables)]
    return [" ".join(w["text"] for w in line) for line in _lines(words)]


def _lines(words) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < 2.5:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


# Words that start a line of their own, never the tail of a word the cell's edge cut
# ("Perencanaan" / "dan Keuangan" is two words, not "Perencanaandan").
_WHOLE_WORDS = frozenset({"dan", "di", "ke", "dari", "yang", "untuk", "atau", "serta", "dengan", "pada", "oleh"})


def _cell(page, bbox) -> list[str]:
    """A cell's paragraphs: its lines of words, a line rejoined to the one before when the cell's
    width broke it (the next word would not have fitted), without a space inside a broken word."""
    x0, top, x1, bottom = bbox
    words = [w for w in page.extract_words(keep_blank_chars=False)
             if x0 - 1 <= (w["x0"] + w["x1"]) / 2 <= x1 + 1 and top - 1 <= (w["top"] + w["bottom"]) / 2 <= bottom + 1]
    paragraphs: list[str] = []
    previous = None
    for line in _lines(words):
        text = " ".join(w["text"] for w in line)
        if previous is not None:
            first = line[0]
            space = (first["x1"] - first["x0"]) / max(len(first["text"]), 1)  # about one character
            wrapped = previous[-1]["x1"] + space + (first["x1"] - first["x0"]) > x1 - 2
            if wrapped:
                last = previous[-1]
                character = (last["x1"] - last["x0"]) / max(len(last["text"]), 1)
                # a word cut by the cell's edge: it runs up to the edge, and the rest goes on below
                broken = (len(previous) == 1 and first["text"][:1].islower() and last["x1"] > x1 - 2 - 1.5 * character
                          and first["text"].lower() not in _WHOLE_WORDS)
                paragraphs[-1] += ("" if broken else " ") + text
                previous = line
                continue
        paragraphs.append(text)
        previous = line
    return paragraphs


class _Drawing:
    """A page's vector drawing sorted out: rules, arrows, symbols."""

    def __init__(self, page) -> None:
        self.page_number, self.page_height = page.page_number, float(page.height)
        self.heads = []
        segments = []
        closed = []
        for curve in page.curves:
            points = _distinct(curve["pts"])
            is_closed = len(curve["pts"]) > 2 and _close(curve["pts"][0], curve["pts"][-1])
            width, height = curve["x1"] - curve["x0"], curve["bottom"] - curve["top"]
            if is_closed and len(points) == 3 and width <= HEAD and height <= HEAD:
                self.heads.append(points)
            elif is_closed:
                closed.append(curve)
            else:
                segments.extend(zip(curve["pts"], curve["pts"][1:]))
        lines = [line for line in page.lines]
        for line in lines:
            segments.append((line["pts"][0], line["pts"][-1]))
        shafts = self._arrows(segments)
        self.arrows = shafts
        rules = [line for line in lines if not _on_arrow((line["pts"][0], line["pts"][-1]), shafts)]
        rules += [rect for rect in page.rects if min(rect["width"], rect["height"]) < THIN]
        self.vertical_rules = [rule for rule in rules if abs(rule["x1"] - rule["x0"]) < THIN]
        self.horizontal_rules = [rule for rule in rules if abs(rule["bottom"] - rule["top"]) < THIN]
        self.words = page.extract_words()
        # a symbol's text: an off-page connector's letter is what joins two pages
        self.symbols = [shape._replace(text=" ".join(w["text"] for w in self.words if shape.near(
            ((w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2), 0))) for shape in self._symbols(page, closed)]

    def _arrows(self, segments) -> list[tuple[tuple, tuple, list]]:
        """(start, head, segments) for every arrowhead with a shaft, followed back from the head."""
        arrows = []
        for head in self.heads:
            centre = (sum(p[0] for p in head) / 3, sum(p[1] for p in head) / 3)
            tip = max(head, key=lambda p: _distance(p, centre))
            touching = [s for s in segments if min(_distance(s[0], centre), _distance(s[1], centre)) <= HEAD / 2 + JOIN]
            if not touching:
                continue
            segment = min(touching, key=lambda s: min(_distance(s[0], centre), _distance(s[1], centre)))
            far = segment[1] if _distance(segment[0], centre) < _distance(segment[1], centre) else segment[0]
            chain = [segment]
            while True:  # a bent connector: segments end to end
                following = [s for s in segments if s not in chain and
                             (_distance(s[0], far) <= JOIN or _distance(s[1], far) <= JOIN)]
                if not following:
                    break
                segment = following[0]
                chain.append(segment)
                far = segment[1] if _distance(segment[0], far) <= JOIN else segment[0]
            arrows.append((far, tip, chain))
        return arrows

    def _symbols(self, page, closed) -> list[Shape]:
        found: list[Shape] = []
        for rect in page.rects:
            if min(rect["width"], rect["height"]) >= 6:
                found.append(Shape("symbol", rect["x0"], rect["top"], rect["x1"], rect["bottom"], symbol="proses"))
        for curve in closed:
            kind = _classify(curve)
            if kind:
                found.append(Shape("symbol", curve["x0"], curve["top"], curve["x1"], curve["bottom"], symbol=kind))
        unique: list[Shape] = []
        for shape in found:  # a fill path and a stroke path for each symbol
            if not any(other.symbol == shape.symbol and all(abs(a - b) < 1.5 for a, b in
                       zip(other[1:5], shape[1:5])) for other in unique):
                unique.append(shape)
        return unique


def _classify(curve) -> str | None:
    commands = [step[0] for step in curve.get("path", [])]
    x0, top, x1, bottom = curve["x0"], curve["top"], curve["x1"], curve["bottom"]
    if min(x1 - x0, bottom - top) < 6:
        return None
    if "c" in commands:
        return "terminator"
    points = _corners(_distinct(curve["pts"]))
    if len(points) == 4:
        mid_x, mid_y = (x0 + x1) / 2, (top + bottom) / 2
        on_midpoints = all(abs(p[0] - mid_x) < 1.5 or abs(p[1] - mid_y) < 1.5 for p in points)
        return "keputusan" if on_midpoints else "proses"
    if len(points) == 5:
        return "penghubung"
    return None


def _distinct(points) -> list[tuple[float, float]]:
    found: list[tuple[float, float]] = []
    for point in points:
        if not any(_close(point, other) for other in found):
            found.append(tuple(point))
    return found


def _corners(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The vertices of a closed polygon, less points in the middle of an edge (LibreOffice starts
    a rectangle's path mid-edge)."""
    corners = []
    for index, point in enumerate(points):
        before, after = points[index - 1], points[(index + 1) % len(points)]
        cross = (point[0] - before[0]) * (after[1] - before[1]) - (point[1] - before[1]) * (after[0] - before[0])
        if abs(cross) > 0.5 * max(_distance(before, after), 1):
            corners.append(point)
    return corners


def _close(a, b, tolerance: float = 0.6) -> bool:
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


def _distance(a, b) -> float:
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5


def _on_arrow(segment, arrows) -> bool:
    return any(any(_close(segment[0], s[0], 1) and _close(segment[1], s[1], 1) for s in chain) for _, _, chain in arrows)


class _Procedure:
    """One SOP's procedure table, over as many pages as it runs."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft

    def table(self, table, texts: list[list[str]], header: int, drawing: _Drawing) -> None:
        rows = table.rows
        end = header
        while end + 1 < len(texts) and not ROW_NUMBER.match(texts[end + 1][0] or "") and \
                sum(1 for cell in texts[end + 1] if cell) >= 2:
            end += 1
        columns = read_header(texts[header:end + 1])
        keep_lost_actors(self.draft, columns)
        if not self.draft.actors:
            names = [name for _, name in columns.actors]
            self.draft.actors.update(zip(actor_ids(names), names))
        actor_of = {column: actor for (column, _), actor in zip(columns.actors, self.draft.actors)}
        spans = _column_spans(table)
        bands: list[Band] = []
        for position in range(end + 1, len(texts)):
            row = texts[position]
            if is_table_header(row) or not ROW_NUMBER.match(row[0] or "") or not any(c.isalpha() for c in row[1]):
                continue
            step: StepDraft = step_from_cells(row, columns, actor_of)
            step.values.pop("pelaksana", None)
            step.notes.pop("pelaksana", None)
            self.draft.steps.append(step)
            bands.append(Band(rows[position].bbox[1], rows[position].bbox[3], step))
        # the page's drawing goes below the pages before it: one drawing for the SOP, whose pages
        # join through their off-page connectors
        flow = self.draft.flowchart
        dy = flow.height if drawing.page_number != flow.page else flow.page_top
        flow.page, flow.page_top = drawing.page_number, dy
        columns_here = [Column(low, high, dy + table.bbox[1], dy + table.bbox[3], actor_of.get(column))
                        for column, (low, high) in enumerate(spans)]
        x0, x1 = table.bbox[0], table.bbox[2]
        cells = [cell for row in rows for cell in row.cells if cell]
        shapes = [s for s in drawing.symbols if x0 <= s.centre[0] <= x1  # off-page connectors may sit below
                  and not any(all(abs(a - b) < 2 for a, b in zip(s[1:5], cell)) for cell in cells)]  # cell shading
        for start, tip, _ in drawing.arrows:
            shapes.append(Shape("arrow", min(start[0], tip[0]), min(start[1], tip[1]), max(start[0], tip[0]),
                                max(start[1], tip[1]), start=start, end=tip))
        flow_low = min((low for column, (low, _) in enumerate(spans) if column in actor_of), default=0)
        flow_high = max((high for column, (_, high) in enumerate(spans) if column in actor_of), default=0)
        for word in drawing.words:
            if (YES.match(word["text"]) or NO.match(word["text"])) and word["x1"] >= flow_low \
                    and word["x0"] <= flow_high and _standalone(word, drawing.words):
                shapes.append(Shape("label", word["x0"], word["top"], word["x1"], word["bottom"], text=word["text"]))
        if drawing.page_number not in flow.pages:  # a page's shapes once, however many tables it has
            flow.pages.add(drawing.page_number)
            flow.shapes.extend(moved(shape, dy) for shape in shapes)
        flow.rows.extend(Band(band.low + dy, band.high + dy, band.what) for band in bands)
        flow.columns.extend(columns_here)
        flow.height = dy + drawing.page_height + PAGE_GAP


def _standalone(word, words) -> bool:
    """A label stands alone: no other word on its line within a few characters of it (the
    "tidak" of "lengkap atau tidak" is not one)."""
    gap = 1.5 * (word["bottom"] - word["top"])
    return not any(other is not word and abs(other["top"] - word["top"]) < 2
                   and other["x0"] - gap <= word["x1"] and word["x0"] <= other["x1"] + gap for other in words)


def _column_spans(table) -> list[tuple[float, float]]:
    """Each grid column's x range: the narrowest cell found in it, row by row."""
    width = max(len(row.cells) for row in table.rows)
    spans: list[tuple[float, float]] = []
    for column in range(width):
        boxes = [row.cells[column] for row in table.rows if column < len(row.cells) and row.cells[column]]
        if boxes:
            box = min(boxes, key=lambda b: b[2] - b[0])
            spans.append((box[0], box[2]))
        else:
            spans.append((spans[-1][1] if spans else table.bbox[0],) * 2)
    return spans


def _inside(point, bbox) -> bool:
    return bbox[0] <= point[0] <= bbox[2] and bbox[1] <= point[1] <= bbox[3]
