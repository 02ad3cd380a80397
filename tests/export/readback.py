"""Reading an exported PDF back with pdfplumber: per page the symbols (kind, step row, actor
column), the arrows (from which symbol to which, labelled how) and the connectors' letters.

What it knows of the drawing is the back-end's documented convention (soptui/exporting/pdf.py):
rules are single segments of RULE_WIDTH, symbols closed paths of SYMBOL_WIDTH (the process a
rectangle, the terminator with curves, the decision four corners, the connector five), arrows
open polylines of ARROW_WIDTH ending at a filled head.
"""

from __future__ import annotations

from typing import NamedTuple

import pdfplumber

from soptui.exporting.page import ARROW_WIDTH, RULE_WIDTH, SYMBOL_WIDTH


class Symbol(NamedTuple):
    kind: str
    box: tuple[float, float, float, float]  # x0, top, x1, bottom
    row: int | None  # the step number in the No column of its row; None in a connector band
    actor: str  # the jabatan heading its column
    letter: str = ""


class Drawn(NamedTuple):
    source: Symbol
    target: Symbol | None
    label: str
    dashed: bool
    points: tuple[tuple[float, float], ...]


class PageRead(NamedTuple):
    width: float
    height: float
    text: str
    symbols: list[Symbol]
    arrows: list[Drawn]
    rules: list[tuple[str, float, float, float]]  # ("h", y, x0, x1) or ("v", x, y0, y1)
    bounds: list[tuple[float, float, float, float]]  # every object's box


def _near(a: float, b: float, tolerance: float = 0.6) -> bool:
    return abs(a - b) <= tolerance


def _kind(obj) -> str | None:
    if obj["object_type"] == "rect":
        return "proses"
    ops = [op for op, *_ in obj.get("path") or []]
    if "c" in ops:
        return "terminator"
    corners = len([op for op in ops if op in ("m", "l")])
    return {4: "keputusan", 5: "penghubung"}.get(corners)


def read(path) -> list[PageRead]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            pages.append(_read_page(page))
    return pages


def _read_page(page) -> PageRead:
    objects = page.rects + page.lines + page.curves
    rules = []
    for obj in page.lines:
        if _near(obj["linewidth"], RULE_WIDTH, 0.05):
            (x0, y0), (x1, y1) = obj["pts"][0], obj["pts"][-1]
            if _near(y0, y1):
                rules.append(("h", y0, min(x0, x1), max(x0, x1)))
            else:
                rules.append(("v", x0, min(y0, y1), max(y0, y1)))
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    h_rules = sorted({round(r[1], 1) for r in rules if r[0] == "h"})
    v_rules = sorted({round(r[1], 1) for r in rules if r[0] == "v"})

    def band(y: float) -> tuple[float, float] | None:
        for a, b in zip(h_rules, h_rules[1:]):
            if a <= y <= b:
                return a, b
        return None

    def column(x: float) -> tuple[float, float] | None:
        for a, b in zip(v_rules, v_rules[1:]):
            if a <= x <= b:
                return a, b
        return None

    # The body rows: a step number alone in the first column.
    first = (v_rules[0], v_rules[1]) if len(v_rules) > 1 else None
    numbers = {}
    for word in words:
        if first and word["text"].isdigit() and first[0] <= word["x0"] and word["x1"] <= first[1]:
            rows = band((word["top"] + word["bottom"]) / 2)
            if rows:
                numbers[rows] = int(word["text"])
    # The lane headings: the header row's words between the Kegiatan and Kelengkapan columns.
    pelaksana = next((w for w in words if w["text"] == "Pelaksana"), None)
    header_rows = None
    if pelaksana:
        top = band((pelaksana["top"] + pelaksana["bottom"]) / 2)
        header_rows = band(top[1] + 1) if top else None

    def actor(x: float) -> str:
        col = column(x)
        if not (col and header_rows):
            return ""
        inside = [w for w in words if col[0] < w["x0"] and w["x1"] < col[1]
                  and header_rows[0] < w["top"] and w["bottom"] < header_rows[1]]
        inside.sort(key=lambda w: (round(w["top"]), w["x0"]))
        return " ".join(w["text"] for w in inside).replace("/ ", "/")

    symbols = []
    for obj in objects:
        if not _near(obj["linewidth"], SYMBOL_WIDTH, 0.05) or obj["object_type"] == "line":
            continue
        kind = _kind(obj)
        if kind is None:
            continue
        box = (obj["x0"], obj["top"], obj["x1"], obj["bottom"])
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        rows = band(cy)
        letter = ""
        if kind == "penghubung":
            # characters, not words: two connectors side by side would read as one word
            letter = "".join(c["text"] for c in page.chars if box[0] <= c["x0"] and c["x1"] <= box[2]
                             and box[1] - 1 <= c["top"] and c["bottom"] <= box[3] + 1)
        symbols.append(Symbol(kind, box, numbers.get(rows), actor(cx), letter))

    heads = [obj for obj in page.curves if obj["fill"] and _near(obj["linewidth"], 0.1, 0.05)
             and len([op for op, *_ in obj["path"] if op in ("m", "l")]) == 3]
    tips = [obj["path"][0][1] for obj in heads]

    def touching(point, tolerance=1.5) -> Symbol | None:
        x, y = point
        for s in symbols:
            x0, t, x1, b = s.box
            if x0 - tolerance <= x <= x1 + tolerance and t - tolerance <= y <= b + tolerance:
                return s
        return None

    labels = [((w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2, w["text"])
              for w in words if w["text"] in ("Ya", "Tidak")]
    drawn = []
    for obj in objects:
        if not _near(obj["linewidth"], ARROW_WIDTH, 0.05):
            continue
        points = tuple(obj["pts"])
        end = points[-1]
        tip = min(tips, key=lambda t: (t[0] - end[0]) ** 2 + (t[1] - end[1]) ** 2, default=end)
        if (tip[0] - end[0]) ** 2 + (tip[1] - end[1]) ** 2 < 36:
            points = (*points, tip)
        drawn.append((points, bool(obj.get("dash") and obj["dash"][0])))
    named = assign_labels([points for points, _ in drawn], labels)
    arrows = [Drawn(touching(points[0]), touching(points[-1]), named.get(i, ""), dashed, points)
              for i, (points, dashed) in enumerate(drawn)]
    bounds = [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in objects + page.chars]
    return PageRead(page.width, page.height, page.extract_text() or "", symbols, arrows, rules, bounds)


def _distance(point, a, b) -> float:
    """From a point to an axis-parallel segment."""
    x = min(max(point[0], min(a[0], b[0])), max(a[0], b[0]))
    y = min(max(point[1], min(a[1], b[1])), max(a[1], b[1]))
    return ((point[0] - x) ** 2 + (point[1] - y) ** 2) ** 0.5


def assign_labels(arrows: list[tuple], labels: list[tuple[float, float, str]]) -> dict[int, str]:
    """Arrow index -> the Ya/Tidak word beside its first two segments (the nearest arrow takes
    each word; a word farther than 14 pt from every arrow belongs to none)."""
    named: dict[int, str] = {}
    for x, y, word in labels:
        best = min(((min(_distance((x, y), a, b) for a, b in list(zip(points, points[1:]))[:2]), i)
                    for i, points in enumerate(arrows)), default=None)
        if best is not None and best[0] < 14:
            assert best[1] not in named, f"two labels nearest one arrow at {arrows[best[1]][0]}"
            named[best[1]] = word
    return named


def edges(pages: list[PageRead]) -> set[tuple[int, int, str]]:
    """(from step, to step, label) of every arrow, connector pairs joined across pages."""
    found, into_connector, out_of_connector = set(), {}, {}
    for page in pages:
        for arrow in page.arrows:
            if arrow.target is None or arrow.source is None:
                continue
            if arrow.target.kind == "penghubung" and arrow.target.row is None:
                into_connector[arrow.target.letter] = (arrow.source.row, arrow.label)
            elif arrow.source.kind == "penghubung" and arrow.source.row is None:
                out_of_connector[arrow.source.letter] = arrow.target.row
            else:
                found.add((arrow.source.row, arrow.target.row, arrow.label))
    for letter, (source, label) in into_connector.items():
        found.add((source, out_of_connector.get(letter), label))
    return found


# --- the Word document -------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU = 12700
PRESET_KINDS = {"flowChartTerminator": "terminator", "flowChartProcess": "proses",
                "flowChartDecision": "keputusan", "flowChartOffpageConnector": "penghubung"}


def read_docx(path) -> tuple[list[PageRead], object]:
    """The pages of an exported .docx from its XML: each table (rows, columns, cell text) with
    the shapes anchored after it; and the settings part's root."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        settings = etree.fromstring(archive.read("word/settings.xml"))
    sect = body.find(f"{W}sectPr")
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    width, height = int(size.get(f"{W}w")) / 20, int(size.get(f"{W}h")) / 20
    left, top = int(margins.get(f"{W}left")) / 20, int(margins.get(f"{W}top")) / 20
    pages, y, table = [], top, None
    for element in body:
        if element.tag == f"{W}tbl":
            table = (element, y)
        elif element.tag == f"{W}p":
            if table is None:
                spacing = element.find(f"{W}pPr/{W}spacing")
                y += int(spacing.get(f"{W}line")) / 20 if spacing is not None else 0
                continue
            pages.append(_docx_page(table[0], left, table[1], element, width, height))
            table, y = None, top
    return pages, settings


def _texts(element) -> str:
    """The text of an element, its paragraphs (a cell's broken lines) joined by spaces."""
    paragraphs = [p for p in element.iter(f"{W}p")] or [element]
    lines = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs]
    return " ".join(line for line in lines if line).replace("/ ", "/")


def _docx_page(tbl, left, top, paragraph, width, height) -> PageRead:
    columns = [int(c.get(f"{W}w")) / 20 for c in tbl.iter(f"{W}gridCol")]
    xs = [left]
    for w in columns:
        xs.append(xs[-1] + w)
    ys, grid = [top], []
    for tr in tbl.findall(f"{W}tr"):
        ys.append(ys[-1] + int(tr.find(f"{W}trPr/{W}trHeight").get(f"{W}val")) / 20)
        row, c = [], 0
        for tc in tr.findall(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            span = int(span.get(f"{W}val")) if span is not None else 1
            row.append((c, c + span, _texts(tc)))
            c += span
        grid.append(row)

    def band(y):
        return next((r for r in range(len(ys) - 1) if ys[r] <= y <= ys[r + 1]), None)

    def column(x):
        return next((c for c in range(len(xs) - 1) if xs[c] <= x <= xs[c + 1]), None)

    numbers = {}
    for r, row in enumerate(grid):
        first = next((text for c0, c1, text in row if c0 == 0), "")
        if first.isdigit():
            numbers[r] = int(first)
    header = next((r for r, row in enumerate(grid) if any(t == "Kelengkapan" for *_, t in row)), None)

    def actor(x):
        c = column(x)
        if header is None or c is None:
            return ""
        return next((t for c0, c1, t in grid[header] if c0 <= c < c1), "")

    symbols, arrows_raw, labels = [], [], []
    for anchor in paragraph.iter(f"{WP}anchor"):
        x = int(anchor.find(f"{WP}positionH/{WP}posOffset").text) / EMU
        y = int(anchor.find(f"{WP}positionV/{WP}posOffset").text) / EMU
        extent = anchor.find(f"{WP}extent")
        w, h = int(extent.get("cx")) / EMU, int(extent.get("cy")) / EMU
        preset = anchor.find(f".//{A}prstGeom")
        if preset is not None and preset.get("prst") in PRESET_KINDS:
            kind = PRESET_KINDS[preset.get("prst")]
            box = (x, y, x + w, y + h)
            symbols.append(Symbol(kind, box, numbers.get(band(y + h / 2)), actor(x + w / 2), _texts(anchor)))
        elif anchor.find(f".//{A}custGeom") is not None:
            points = tuple((x + int(pt.get("x")) / EMU, y + int(pt.get("y")) / EMU) for pt in anchor.iter(f"{A}pt"))
            dashed = anchor.find(f".//{A}prstDash") is not None
            arrows_raw.append((points, dashed))
        else:
            labels.append((x, y, w, h, _texts(anchor)))

    def touching(point, tolerance=1.5):
        px, py = point
        return next((s for s in symbols if s.box[0] - tolerance <= px <= s.box[2] + tolerance
                     and s.box[1] - tolerance <= py <= s.box[3] + tolerance), None)

    words = [(x + w / 2, y + h / 2, t) for x, y, w, h, t in labels if t in ("Ya", "Tidak")]
    named = assign_labels([points for points, _ in arrows_raw], words)
    arrows = [Drawn(touching(points[0]), touching(points[-1]), named.get(i, ""), dashed, points)
              for i, (points, dashed) in enumerate(arrows_raw)]
    text = " ".join([_texts(tbl), *(label[-1] for label in labels)])
    bounds = [s.box for s in symbols] + [(min(p[0] for p in a.points), min(p[1] for p in a.points),
                                          max(p[0] for p in a.points), max(p[1] for p in a.points)) for a in arrows]
    bounds.append((xs[0], ys[0], xs[-1], ys[-1]))
    return PageRead(width, height, text, symbols, arrows, [], bounds)
