"""A dialog that quotes the SOP (the step to delete, the value to edit, the actors to pick, the
finding to waive) draws its text as the tabs do: one cell a character (`soptui.one_cell`), and as
text, not Rich markup, so "[draf]" is read as written. An edited field keeps the value as the
file holds it: what is drawn is not what is saved."""

import pytest

from soptui.tui.screens import AddStep, Choose, EditValue

from .conftest import running

# TOML escapes: the loaded values hold the characters themselves.
SOP = r'''
nama = "SOP Kendali"
nomor = "001/KEC/2023"
instansi = "Pemerintah Kabupaten Balangan"
unit = "Kecamatan Awayan"
tanggal_pembuatan = 2023-07-26
tanggal_efektif = 2023-07-26
dasar_hukum = ["Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah"]
kualifikasi_pelaksana = ["Memahami kepegawaian"]
keterkaitan = ["SOP Perjanjian Kinerja"]
peralatan_perlengkapan = ["Komputer"]
peringatan = ["Awas"]
pencatatan_pendataan = ["Arsip"]

[disahkan_oleh]
jabatan = "CAMAT AWAYAN"
nama = "ASWAL"
nip = "197012081992031007"

[pelaksana]
camat = "Camat [b]Tebal\u001b[1m"
kasi = "Kasi"

[[langkah]]
no = 1
kegiatan = "Memerintahkan [draf] [/b] \u001b[31mmerah\u0000 \u202ebalik"
pelaksana = "camat"
kelengkapan = ["Disposisi"]
waktu = "10 Menit"
output = ["Surat [asli]\u0000"]

[[langkah]]
no = 2
kegiatan = "Menyampaikan laporan"
# not declared: its finding quotes the id, and says "[pelaksana]"
pelaksana = "kasi\u001b"
kelengkapan = ["Laporan"]
waktu = "1 Jam"
output = ["Hasil"]
'''
PATH = "sops/u/kendali.toml"
KEGIATAN = "Memerintahkan [draf] [/b] \x1b[31mmerah\x00 \u202ebalik"


@pytest.fixture
def quoted(tmp_path, monkeypatch):
    (tmp_path / "sops" / "u").mkdir(parents=True)
    (tmp_path / PATH).write_text(SOP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / PATH


def drawn(app) -> str:
    """The dialog's box as drawn (the tabs behind it show the same text their own way)."""
    region = app.screen.query_one(".dialog").region
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]
    return "\n".join("".join(segment.text for segment in strip.crop(region.x, region.right)) for strip in strips)


def assert_drawn(app, *shown: str) -> None:
    screen = drawn(app)
    raw = sorted({char for line in screen.split("\n") for char in line if not char.isprintable()})
    assert not raw, (raw, screen)
    for text in shown:
        assert text in screen, (text, screen)


async def test_the_delete_step_question_quotes_the_kegiatan_as_written(quoted):
    async with running(PATH, size=(120, 40)) as (app, pilot):
        app.query_one("#steps").focus()
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        assert_drawn(app, '"Memerintahkan [draf] [/b] ␛[31mmerah␀ \ufffdbalik"')


async def test_the_edit_field_draws_the_value_one_cell_a_character_and_keeps_it_as_written(quoted):
    async with running(PATH, size=(120, 40)) as (app, pilot):
        table = app.query_one("#steps")
        table.focus()
        table.move_cursor(row=0, column=2)  # Kegiatan
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditValue)
        assert_drawn(app, "Memerintahkan [draf] [/b] ␛[31mmerah␀ \ufffdbalik")
        await pilot.press("end", "x", "enter")
        await pilot.pause()
        assert app.document.sop.langkah[0].kegiatan == KEGIATAN + "x"  # the characters kept, one typed after


async def test_the_add_step_form_draws_the_actors_and_the_suggested_kelengkapan_as_written(quoted):
    async with running(PATH, size=(120, 40)) as (app, pilot):
        app.query_one("#steps").focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddStep)
        assert_drawn(app, "Camat [b]Tebal␛[1m", "Surat [asli]␀")


async def test_the_waive_question_quotes_the_findings_message_as_written(quoted):
    async with running(PATH, size=(120, 40)) as (app, pilot):
        finding = next(f for f in app.workspace.findings(app.document.path) if f.name == "unassigned-actor"
                       and f.step == 2)
        app.query_one("ProcedureView").select_finding(finding)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, EditValue)
        assert_drawn(app, "`kasi␛` langkah 2 tidak dideklarasikan di [pelaksana]")
