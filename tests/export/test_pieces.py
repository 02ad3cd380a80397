"""The layout's own rules, checked on their own: pagination, lanes, dates, the logo, the XML."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from soptui.cli.export import Progress
from soptui.exporting import render
from soptui.exporting.identity import indonesian_date
from soptui.exporting.procedure import BAND, paginate
from soptui.loading.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
WANGON = ROOT / "sops/wangon/pengukuran-kinerja.toml"


def test_pages_take_whole_rows_and_keep_room_for_connector_bands():
    heights = [40.0] * 12
    pages = paginate(heights, room=200.0)
    assert [i for page in pages for i in page] == list(range(12))
    for n, page in enumerate(pages):
        bands = (BAND if n else 0) + (BAND if n < len(pages) - 1 else 0)
        assert sum(heights[i] for i in page) + bands <= 200.0


def test_a_last_page_never_holds_one_row_alone():
    # 4 rows fit a first page (with its band); a fifth alone would be the last page's only row.
    pages = paginate([40.0] * 5, room=4 * 40.0 + BAND)
    assert [len(page) for page in pages] == [3, 2]


def test_a_row_is_never_split_even_when_tall():
    heights = [30.0, 150.0, 30.0, 30.0]
    pages = paginate(heights, room=200.0)
    assert sorted(i for page in pages for i in page) == [0, 1, 2, 3]
    assert all(len(set(page)) == len(page) for page in pages)


def test_dates_are_written_in_indonesian():
    import datetime as dt

    assert indonesian_date(dt.date(2023, 7, 26)) == "26 Juli 2023"
    assert indonesian_date(None) == "-"


def _png(width: int, height: int) -> bytes:
    raw = b"".join(b"\x00" + b"\xc8\x1e\x1e" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_the_logo_goes_in_the_letterhead_of_both_formats(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png(40, 20))
    sop = load_file(WANGON).sop
    with pdfplumber.open(io.BytesIO(render(sop, "pdf", logo=str(logo)))) as pdf:
        images = pdf.pages[0].images
        assert len(images) == 1
        assert images[0]["x1"] < pdf.pages[0].width / 2  # the letterhead half
        assert images[0]["width"] == pytest.approx(2 * images[0]["height"], rel=0.01)  # kept its shape
    with zipfile.ZipFile(io.BytesIO(render(sop, "docx", logo=str(logo)))) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())
        assert b"<pic:pic" in archive.read("word/document.xml")


def test_the_word_xml_is_well_formed_and_ordered_as_the_schema_asks(tmp_path):
    from lxml import etree

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    sop = load_file(ROOT / "sops/sumbersuko/pengukuran-kinerja.toml").sop
    with zipfile.ZipFile(io.BytesIO(render(sop, "docx"))) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(archive.read(name))  # raises on anything not well-formed
        document = etree.fromstring(archive.read("word/document.xml"))
    # CT_Anchor's sequence (ECMA-376 part 1, 20.4.2.3), each anchor's children in that order
    order = ["simplePos", "positionH", "positionV", "extent", "effectExtent", "wrapNone", "docPr",
             "cNvGraphicFramePr"]
    anchors = list(document.iter(f"{WP}anchor"))
    assert len(anchors) > 20
    for anchor in anchors:
        names = [etree.QName(child).localname for child in anchor]
        assert names == [*order, "graphic"], names
        for offset in anchor.iter(f"{WP}posOffset"):
            assert offset.text.lstrip("-").isdigit()  # integer EMU
    ids = Counter(anchor.find(f"{WP}docPr").get("id") for anchor in anchors)
    assert max(ids.values()) == 1  # every drawing object has its own id
    for tc in document.iter(f"{W}tc"):
        assert etree.QName(tc[0]).localname == "tcPr" and etree.QName(tc[0][0]).localname == "tcW"
        assert tc.find(f"{W}p") is not None  # a cell holds at least one paragraph
    for tr in document.iter(f"{W}tr"):
        height = tr.find(f"{W}trPr/{W}trHeight")
        assert height.get(f"{W}hRule") == "exact"


def test_the_progress_bar_counts_to_the_total(monkeypatch, capsys):
    bar = Progress(3, enabled=True)
    for _ in range(3):
        bar.step()
    err = capsys.readouterr().err
    assert "0/3" in err and "3/3" in err and "[" + "#" * Progress.WIDTH + "]" in err
    Progress(3, enabled=False).step()
    assert capsys.readouterr().err == ""
