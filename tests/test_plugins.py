"""Third-party plugins end to end: found through entry points, broken ones reported, never fatal.

Each test installs plugins the light way: a `.dist-info` folder with `entry_points.txt` on
PYTHONPATH, which importlib.metadata treats like any installed distribution.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from test_registry import LOCAL_REVOCATION  # a kabupaten's own registry file

ROOT = Path(__file__).resolve().parent.parent

GOOD = '''
from soptui.hookspecs import hookimpl
from soptui.checker.rule import Rule, Severity, Violation
from soptui.i18n import Text

class Shouting(Rule):
    """The SOP's name is not written in capitals."""
    code = "HSE001"
    name = "house-shouting"
    severity = Severity.WARNING
    def check(self, sop, context):
        if sop.nama.isupper():
            yield Violation("/nama", Text("nama ditulis kapital", "nama is in capitals"))

class Exploding(Rule):
    """Raises."""
    code = "HSE002"
    name = "house-exploding"
    def check(self, sop, context):
        raise RuntimeError("kaboom")

@hookimpl
def soptui_rules():
    return [Shouting, Exploding]
'''


def install(site: Path, name: str, module_source: str | None, version: str = "1.2.3") -> None:
    """A distribution `name` with entry point `name = plugin_<name>` in group soptui."""
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[soptui]\n{name} = plugin_{name}\n")
    if module_source is not None:
        (site / f"plugin_{name}.py").write_text(module_source)


def soptui(*args, site: Path, env: dict | None = None, cwd: Path = ROOT):
    environment = dict(os.environ, PYTHONPATH=str(site), **(env or {}))
    return subprocess.run([sys.executable, "-m", "soptui", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True)


@pytest.fixture
def site(tmp_path):
    return tmp_path / "site"


def test_an_installed_plugin_adds_its_rules_to_rules_and_lint(site):
    install(site, "house", GOOD)
    listing = soptui("rules", site=site)
    assert re.search(r"HSE001\s+house-shouting\s+warning\s+sop\s+house", listing.stdout)
    done = soptui("lint", "sops/", "--no-cache", "--format", "json", "--select", "HSE", site=site)
    findings = json.loads(done.stdout)["findings"]
    shouting = [f for f in findings if f["name"] == "house-shouting"]
    assert {Path(f["path"]).parent.name for f in shouting} == {"sumbersuko", "wangon"}
    errors = [f for f in findings if f["name"] == "internal-error"]
    assert len(errors) == 5  # one per file; the other rules still ran
    assert "HSE002 house-exploding" in errors[0]["message"] and "plugin 'house'" in errors[0]["message"]
    assert "kaboom" in errors[0]["message"] and errors[0]["path"].endswith(".toml")
    assert done.returncode == 2  # a rule crashed: a tool error, whatever the findings
    assert soptui("lint", "sops/", "--no-cache", "--select", "HSE", "--exit-zero", site=site).returncode == 0


PLAIN_MESSAGE = GOOD.replace('Text("nama ditulis kapital", "nama is in capitals")', '"nama is in capitals"')


@pytest.mark.parametrize("form", ["text", "json"])
def test_a_rule_whose_message_is_a_str_is_an_internal_error_and_the_report_is_whole(site, form):
    install(site, "house", PLAIN_MESSAGE)
    done = soptui("lint", "sops/", "--no-cache", "--format", form, "--select", "HSE001,SOP101", site=site)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    if form == "json":
        names = [f["name"] for f in json.loads(done.stdout)["findings"]]
        assert names.count("internal-error") == 2 and "step-numbering" in names  # a finding per shouting file
    else:
        assert "HSE001 house-shouting dari plugin 'house' menghasilkan Violation tak sah: message berupa str" \
            in done.stdout and "SOP101" in done.stdout


def test_a_plugin_that_fails_to_import_is_reported_and_the_rest_run(site):
    install(site, "house", GOOD)
    install(site, "broken", "import this_module_does_not_exist\n", version="0.9")
    done = soptui("lint", "sops/", "--no-cache", "--select", "HSE001,SOP101", "--format", "json", site=site)
    assert "plugin 'broken' 0.9" in done.stderr and "this_module_does_not_exist" in done.stderr
    assert "Traceback" not in done.stderr
    names = {f["name"] for f in json.loads(done.stdout)["findings"]}
    assert {"house-shouting", "step-numbering"} <= names
    assert done.returncode == 2
    listing = soptui("plugins", site=site)
    assert "broken 0.9" in listing.stdout and "No module named 'this_module_does_not_exist'" in listing.stdout


def test_a_misspelled_hook_fails_loudly_at_load(site):
    install(site, "typo", "from soptui.hookspecs import hookimpl\n\n@hookimpl\ndef soptui_rule():\n    return []\n")
    done = soptui("lint", "sops/", site=site)
    assert done.returncode == 2
    assert "plugin 'typo'" in done.stderr and "'soptui_rule'" in done.stderr and "'soptui_rules'?" in done.stderr
    assert "Traceback" not in done.stderr


def test_autoload_can_be_disabled_and_plugins_pinned(site):
    install(site, "house", GOOD)
    off = {"SOPTUI_DISABLE_PLUGIN_AUTOLOAD": "1"}
    assert "HSE001" not in soptui("rules", site=site, env=off).stdout
    assert "HSE001" in soptui("lint", "sops/", "--no-cache", "--plugin", "house", "--select", "HSE001",
                              site=site, env=off).stdout
    assert "HSE001" not in soptui("lint", "sops/", "--no-cache", "--no-plugin", "house", site=site).stdout


def test_nothing_is_loaded_from_the_folder_being_linted(site, tmp_path):
    corpus = tmp_path / "untrusted"
    (corpus / "sops").mkdir(parents=True)
    (corpus / "sops" / "a.toml").write_text((ROOT / "sops/wangon/pengukuran-kinerja.toml").read_text())
    install(corpus, "evil", "raise SystemExit('code from the linted folder ran')\n")
    (corpus / "soptui.toml").write_text('select = ["ALL"]\n')  # configuration is read, never run
    done = soptui("lint", "sops/", "--no-cache", site=site, cwd=corpus)
    assert "code from the linted folder ran" not in done.stdout + done.stderr
    assert done.returncode in (0, 1) and "evil" not in done.stderr


def test_the_soptui_lint_fixture_runs_exactly_the_given_plugins(soptui_lint):
    result = soptui_lint(ROOT / "sops", plugins=["builtin"])
    assert {f.name for f in result.findings} >= {"step-numbering", "kegiatan-active-verb"}


def test_new_plugin_writes_a_skeleton_whose_test_passes(tmp_path):
    made = subprocess.run([sys.executable, "-m", "soptui", "new-plugin", "kabupaten-uji", "--dir", str(tmp_path / "p")],
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    ran = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path / "p")],
                         env=dict(os.environ, PYTHONPATH=str(tmp_path / "p" / "src")), capture_output=True, text=True)
    assert "4 passed" in ran.stdout, ran.stdout + ran.stderr
    entry = (tmp_path / "p" / "pyproject.toml").read_text()
    assert 'kabupaten-uji = "soptui_kabupaten_uji"' in entry


def test_the_entry_point_reader_agrees_with_importlib_metadata(site, monkeypatch):
    from importlib.metadata import entry_points as metadata_entry_points

    from soptui.checker.entrypoints import entry_points

    install(site, "house", GOOD)
    install(site, "broken", None, version="0.9")
    monkeypatch.syspath_prepend(str(site))
    for group in ("soptui", "console_scripts", "pytest11"):
        ours = sorted((e.name, e.value, e.version) for e in entry_points(group))
        theirs = sorted((e.name, e.value, e.dist.version) for e in metadata_entry_points(group=group))
        assert ours == theirs, group
    assert [e.load() for e in entry_points("soptui") if e.name == "builtin"][0].__name__ == "soptui.builtin"



def test_the_builtin_plugin_implements_only_hooks_that_exist_and_is_called_without_pluggy():
    # Its hooks are plain functions, called directly: a misspelled one would be silently unused,
    # which pluggy's check_pending (for third-party plugins) would have refused.
    from soptui import builtin, hookspecs
    from soptui.checker import plugins

    assert plugins.PROJECT == hookspecs.PROJECT
    specified = {name for name in dir(hookspecs) if name.startswith("soptui_")}
    implemented = {name for name in dir(builtin) if name.startswith("soptui_")}
    assert implemented and implemented <= specified
    # the hooks Plugins calls on it; a soptui_registries here would need registry_for to ask it too
    assert implemented == {"soptui_rules", "soptui_reporters"}
    loaded = plugins.load_plugins(only=["builtin"])
    assert loaded.manager is None and loaded.builtin is builtin
    assert [name for name, _ in loaded.implementations("soptui_rules")] == ["builtin"]
    assert loaded.rule_classes() and not loaded.problems

CRASHING_REPORT = '''
from soptui.hookspecs import hookimpl
from soptui.reporting.base import Reporter

class Crashing(Reporter):
    name = "crashing"
    def write(self, result, out):
        raise RuntimeError("kaboom in a report")

@hookimpl
def soptui_reporters():
    return [Crashing]
'''


def test_a_crash_exits_2_never_1_which_means_findings(site):
    install(site, "crashy", CRASHING_REPORT)
    done = soptui("lint", "sops/", "--no-cache", "--format", "crashing", site=site)
    assert done.returncode == 2
    assert "kaboom in a report" in done.stderr and "internal error" in done.stderr


REGISTRY_PLUGIN = '''
from pathlib import Path
from soptui.api import hookimpl

@hookimpl
def soptui_registries():
    return [str(Path(__file__).with_name("local_registry.toml"))]
'''


def test_the_soptui_lint_fixture_reads_the_registries_of_the_given_plugins_only(site, monkeypatch):
    from soptui.pytest_plugin import lint_with

    install(site, "localreg", REGISTRY_PLUGIN)
    (site / "local_registry.toml").write_text(LOCAL_REVOCATION)
    monkeypatch.syspath_prepend(str(site))
    target = ROOT / "sops" / "awayan" / "pengumpulan-data-kinerja-triwulan.toml"

    def revoked(plugins):
        return [f for f in lint_with(target, plugins=plugins).findings
                if f.name == "revoked-regulation" and "PP 12/2019" in f.message.en]

    assert not revoked(["builtin"])  # installed and auto-loadable, but not named
    assert revoked(["builtin", "localreg"])


RENAMED = GOOD.replace('    name = "house-shouting"\n', '    name = "house-shouting"\n    aliases = ("HSE900", "old-shouting")\n')


def test_a_renamed_rule_answers_to_its_old_code_with_a_note(site):
    install(site, "house", RENAMED)
    done = soptui("lint", "sops/", "--no-cache", "--format", "json", "--select", "HSE900", site=site)
    assert "`HSE900` sekarang HSE001 `house-shouting`; tulis nama barunya (`HSE900` is now" in done.stderr, done.stderr
    assert {f["code"] for f in json.loads(done.stdout)["findings"]} == {"HSE001"}
    assert "HSE001" in soptui("rule", "old-shouting", site=site).stdout


INDONESIAN = re.compile(r"gagal|dimuat|mengimplementasikan|dikenal|maksud Anda|dilewati|dipakai|tidak ada|bukan")


@pytest.mark.parametrize("asked", ["--lang", "SOPTUI_LANG", "config"])
def test_plugins_that_fail_are_reported_in_english_alone_when_english_is_asked(site, tmp_path, asked):
    install(site, "broken", "import this_module_does_not_exist\n")
    install(site, "raises", "from soptui.hookspecs import hookimpl\n\n@hookimpl\ndef soptui_rules():\n"
                            "    raise RuntimeError('boom')\n")
    install(site, "dup", GOOD.replace("HSE001", "SOP101"))
    install(site, "typo", "from soptui.hookspecs import hookimpl\n\n@hookimpl\ndef soptui_rule():\n    return []\n")
    (tmp_path / "sops").mkdir()
    (tmp_path / "sops/a.toml").write_text((ROOT / "sops/wangon/pengukuran-kinerja.toml").read_text())
    if asked == "config":
        (tmp_path / "soptui.toml").write_text('lang = "en"\n')
    lang = ["--lang", "en"] if asked == "--lang" else []
    env = {"SOPTUI_DISABLE_PLUGIN_AUTOLOAD": "1", **({"SOPTUI_LANG": "en"} if asked == "SOPTUI_LANG" else {})}
    plugins = [arg for name in ("broken", "raises", "dup", "nosuch") for arg in ("--plugin", name)]
    done = soptui("lint", "sops", "--no-cache", *lang, *plugins, site=site, env=env, cwd=tmp_path)
    said = done.stderr.splitlines()
    assert "soptui: plugin 'broken' 1.2.3 (plugin_broken) failed to load: ModuleNotFoundError: " \
           "No module named 'this_module_does_not_exist'" in said
    assert "soptui: plugin 'nosuch' ? (?) failed to load: no installed plugin has this name" in said
    assert "soptui: plugin 'raises': soptui_rules() raised RuntimeError('boom')" in said
    assert "soptui: plugin 'dup': rule SOP101 (house-shouting) skipped, ['SOP101'] already taken" in said
    assert not INDONESIAN.search(done.stderr), done.stderr
    if asked != "config":  # `soptui plugins` reads no configuration
        typo = soptui("plugins", *lang, "--plugin", "typo", site=site, env=env, cwd=tmp_path)
        assert typo.stderr == "soptui plugins: plugin 'typo' implements unknown hook 'soptui_rule'; " \
                              "did you mean 'soptui_rules'?\n"
