"""Fixtures of the TUI tests: a copy of the seed corpus, and the app started on it."""

import shutil
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from soptui.tui.app import SoptuiApp

SEEDS = Path(__file__).resolve().parents[2] / "sops"
SIZES = [(80, 24), (120, 40), (200, 50)]

# The seeds the tests open, relative to the current folder (`seeds`)
AWAYAN = "sops/awayan/pengukuran-kinerja-triwulan.toml"
LAMPIHONG = "sops/lampihong/pengukuran-kinerja.toml"
SUMBERSUKO = "sops/sumbersuko/pengukuran-kinerja.toml"  # its steps 1-4 sit in the last lane
WANGON = "sops/wangon/pengukuran-kinerja.toml"


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    """The five seed SOPs in a folder of their own; the current folder is the one above it."""
    shutil.copytree(SEEDS, tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "sops"


@pytest.fixture
def unmarked(seeds):
    """The seeds without their `hilang_di_sumber` marker: each step the extraction could not
    place has an unassigned-actor finding of its own, for tests that act on a step's finding."""
    for path in seeds.rglob("*.toml"):
        path.write_text(path.read_text().replace('hilang_di_sumber = ["pelaksana"]\n', ""))
    return seeds


def names(app) -> list[str]:
    """The names of the open SOP's findings."""
    return [f.name for f in app.workspace.findings(app.document.path)]


async def start(app, pilot, open_path: str | None = None):
    """Wait for the corpus lint; open `open_path` (relative to the current folder) if given."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    while not app.workspace.linted:
        await pilot.pause(0.02)
    if open_path is not None:
        app.open(Path(open_path))
        app.action_tab("prosedur")
    await pilot.pause()


@asynccontextmanager
async def running(open_path: str | None = None, *, size: tuple[int, int], **options):
    """The app on the current folder's `sops` (the `seeds` fixture's, or a test's own) at `size`,
    started and `open_path` opened (`start`): ``async with running(AWAYAN, size=(120, 40)) as
    (app, pilot):``. `options` go to `SoptuiApp` (``lang="en"``)."""
    app = SoptuiApp(Path("sops"), **options)
    async with app.run_test(size=size) as pilot:
        await start(app, pilot, open_path)
        yield app, pilot
