"""A configuration `soptui lint` refuses stops the UI too, with the lint's message (its line of
the file and caret below) and exit code: never a UI that shows every SOP clean because the
selection matched no rule."""

import shutil
from pathlib import Path

import pytest

from soptui.cli import main
from soptui.tui import app as tui

from .conftest import SEEDS

CONFIGS = {
    "unknown rule": ("pyproject.toml", '[tool.soptui]\nselect = ["SOP999"]\n'),
    "broken pyproject.toml": ("pyproject.toml", "[tool.soptui\n"),
    "broken soptui.toml": ("soptui.toml", 'select = ["SOP101"\n'),
}


@pytest.mark.parametrize("case", CONFIGS)
def test_a_configuration_the_lint_refuses_stops_the_ui_with_the_same_message(case, tmp_path, monkeypatch, capsys):
    (tmp_path / "sops" / "u").mkdir(parents=True)
    shutil.copy(SEEDS / "awayan" / "pengukuran-kinerja-triwulan.toml", tmp_path / "sops" / "u")
    name, text = CONFIGS[case]
    (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOPTUI_LANG", raising=False)
    started = []
    monkeypatch.setattr(tui.SoptuiApp, "run", lambda self, *args, **kwargs: started.append(self))
    assert main(["lint", "sops", "--no-cache"]) == 2
    refused = capsys.readouterr().err.strip()
    assert refused.startswith("soptui lint: ") and refused.count("\n") in (0, 2)  # the line and caret below
    assert tui.run(Path("sops")) == 2
    assert not started
    assert capsys.readouterr().err.strip() == "soptui: " + refused.removeprefix("soptui lint: ")
