"""A SOP's text holding control characters (an escape sequence, a NUL, a bidirectional override,
a C1 control) never reaches the terminal raw, on any tab: each is drawn as one visible cell
(`soptui.one_cell`), and the saved file keeps what it holds."""

import pytest

from .conftest import WANGON, running

# TOML escapes, so the file itself is plain text: ESC, NUL, RIGHT-TO-LEFT OVERRIDE, NEL (C1)
HOSTILE = r"\u001b[31mX\u0000\u202e\u0085"
RAW = ("\x1b", "\x00", "\u202e", "\x85")


def drawn(app) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


@pytest.fixture
def hostile(seeds):
    path = seeds.parent / WANGON
    text = path.read_text(encoding="utf-8")
    text = text.replace('nama = "PENGUKURAN KINERJA"', f'nama = "PENGUKURAN{HOSTILE} KINERJA"', 1)
    text = text.replace('"Alat Tulis Kantor"', f'"Alat Tulis{HOSTILE} Kantor"', 1)
    text = text.replace('"Komputer"', f'"Komputer{HOSTILE}"', 1)
    first_kegiatan = text.index("kegiatan = \"") + len("kegiatan = \"")
    text = text[:first_kegiatan] + f"Awal{HOSTILE} " + text[first_kegiatan:]
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("tab", ["prosedur", "identitas", "diagram", "temuan"])
async def test_control_characters_never_reach_the_screen_raw(hostile, tab):
    async with running(WANGON, size=(200, 50)) as (app, pilot):
        app.action_tab(tab)
        await pilot.pause()
        screen = drawn(app)
        assert not [char for char in RAW if char in screen], tab
        if tab != "temuan":  # Temuan quotes the text only where a finding does
            assert "␛[31mX␀" in screen, tab  # drawn, one cell each, where the text is


async def test_the_step_detail_shows_the_kegiatan_with_its_control_characters_drawn(hostile):
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        app.query_one("#steps").focus()
        await pilot.pause()
        detail = drawn(app)
        assert detail.count("Awal␛[31mX␀") >= 2  # the table's row and the detail pane
        assert "\x1b" not in detail
    assert HOSTILE in hostile.read_text(encoding="utf-8")  # the file is left as it was


async def test_a_broken_registry_is_said_literally_and_stays_said(seeds):
    """Its notice was markup (a file named "[regulasi].toml" lost its brackets, or raised) and went
    after 30 seconds, while the reviewer read the first SOP."""
    (seeds / "[regulasi].toml").write_text("[[peraturan]\n", encoding="utf-8")
    (seeds / "soptui.toml").write_text('registries = ["[regulasi].toml"]\n', encoding="utf-8")
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        await pilot.pause()
        (notice,) = [n for n in app._notifications if n.severity == "error"]
        assert "[regulasi].toml" in notice.message and not notice.markup
        assert notice.timeout >= 3600  # until dismissed, in practice
        assert notice.message.count("\n") == 2  # the message, its line and caret: no ␊ between them


async def test_a_multi_line_kegiatan_keeps_its_lines_in_the_step_detail(seeds):
    path = seeds.parent / WANGON
    text = path.read_text(encoding="utf-8")
    text = text.replace('kegiatan = "Memerintahkan penyusunan pengukuran kinerja"',
                        'kegiatan = """Memerintahkan penyusunan\npengukuran kinerja"""', 1)
    path.write_text(text, encoding="utf-8")
    async with running(WANGON, size=(120, 40)) as (app, pilot):
        app.query_one("#steps").focus()
        await pilot.pause()
        lines = drawn(app).split("\n")
        assert any(line.rstrip().endswith("Memerintahkan penyusunan") for line in lines)
        assert "␊" not in "\n".join(lines)
