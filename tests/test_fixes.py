"""`--fix` never corrupts: edits of one pass do not shift each other, and a guard refuses a fix
that would change more than it says."""

import json
from pathlib import Path

import pytest

from soptui.checker.fixes import FixRefused, UnsafeFix, applies, apply_fixes, fix_files, fix_text
from soptui.checker.rule import Applicability, Edit, Fix
from soptui.i18n import Text
from test_cli import CLEAN, ROOT, corpus, lint  # noqa: F401 - corpus is a fixture

A = "Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri Sipil"
B = "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"


def _with_dasar_hukum(items):
    line = 'dasar_hukum = [' + ", ".join(f'"{i}"' for i in items) + ']'
    return CLEAN.replace(f'dasar_hukum = ["{A}"]', line)


def test_two_deletions_in_one_pass_remove_the_repeats_not_a_distinct_item(corpus, capsys):
    path = corpus / "a.toml"
    path.write_text(_with_dasar_hukum([A, A, A, B]))
    lint(corpus, "--select", "duplicate-citation", "--fix")
    text = path.read_text()
    assert B in text and text.count(A) == 1


def test_deleting_the_last_item_after_an_earlier_one_is_no_index_error(corpus, capsys):
    path = corpus / "a.toml"
    path.write_text(_with_dasar_hukum([A, A, B, A]))
    lint(corpus, "--select", "duplicate-citation", "--fix")
    text = path.read_text()
    assert B in text and text.count(A) == 1


def test_deletions_apply_from_the_end_whatever_order_the_fixes_come_in():
    text = 'x = [1, 2, 3, 4]\n'
    fixes = [Fix(Text("a", "a"), (Edit("/x/1", delete=True),)), Fix(Text("b", "b"), (Edit("/x/2", delete=True),))]
    assert apply_fixes(text, fixes) == 'x = [1, 4]\n'


class _Breaking:
    """A checker whose one fix deletes an item that is not there: the guard must refuse."""

    def __init__(self, edit):
        self.edit = edit

    def check_loaded(self, load):
        from soptui.checker.engine import FileResult
        from soptui.checker.finding import Finding
        from soptui.checker.rule import Severity

        finding = Finding("SOP999", "breaking", Severity.ERROR, load.path, 1, 1, "", None,
                          Text("m", "m"), Fix(Text("f", "f"), (self.edit,), Applicability.SAFE))
        return FileResult(load.path, [finding])


def test_the_guard_refuses_a_fix_that_does_not_apply_and_leaves_the_file(tmp_path):
    import io

    path = tmp_path / "a.toml"
    path.write_text("x = [1]\n")
    errors = io.StringIO()
    assert fix_files(_Breaking(Edit("/x/5", delete=True)), [path], write=True, errors=errors) == 0
    assert path.read_text() == "x = [1]\n"
    assert "a.toml" in errors.getvalue() and "ditolak pemeriksa" in errors.getvalue()


def test_the_guard_refuses_when_the_written_data_differs_from_the_edits(monkeypatch):
    import soptui.checker.fixes as fixes

    monkeypatch.setattr(fixes, "_apply", lambda node, edit: node.__setitem__("y", 1)
                        if hasattr(node, "as_string") else node.__setitem__("y", 2))
    with pytest.raises(UnsafeFix):
        fixes._guarded_pass("x = 1\n", [Fix(Text("f", "f"), (Edit("/x", 2),))])


def test_a_fix_keeps_the_byte_order_mark(corpus, capsys):
    path = corpus / "a.toml"
    path.write_bytes(b"\xef\xbb\xbf" + _with_dasar_hukum([A, A]).encode())
    lint(corpus, "--select", "duplicate-citation", "--fix")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(A.encode()) == 1


def test_fix_reads_no_file_past_the_size_limit(tmp_path, monkeypatch):
    import soptui.files

    big = tmp_path / "big.toml"
    with open(big, "wb") as handle:
        handle.truncate(1 << 30)
    opened = []
    real = soptui.files.os.open
    monkeypatch.setattr(soptui.files.os, "open", lambda *a, **k: opened.append(a[0]) or real(*a, **k))
    assert fix_files(_Breaking(Edit("/x", 1)), [big], write=True) == 0
    assert opened == []  # refused by its size, unopened


# -- applicability: --fix applies safe fixes, --unsafe-fixes unsafe ones too, display-only never --

SAFE, UNSAFE, SHOWN = Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY_ONLY


def test_a_fix_that_does_not_say_is_unsafe_and_a_stray_value_counts_as_unsafe():
    assert Fix(Text("f", "f"), ()).applicability is UNSAFE
    assert not applies(Fix(Text("f", "f"), ()))
    assert applies(Fix(Text("f", "f"), (), "safe"))  # a plugin's plain string is taken
    assert not applies(Fix(Text("f", "f"), (), "maybe")) and applies(Fix(Text("f", "f"), (), "maybe"), unsafe=True)
    assert [applies(Fix(Text("f", "f"), (), kind), unsafe) for kind in (SAFE, UNSAFE, SHOWN) for unsafe in (False, True)] \
        == [True, True, False, True, False, False]


class _ThreeKinds:
    """A checker with one fix of each applicability, each setting its own key from 0 to 1
    (it is given the text itself: see the test's `load_text`)."""

    def check_loaded(self, load):
        from soptui.checker.engine import FileResult
        from soptui.checker.finding import Finding
        from soptui.checker.rule import Severity

        path, text = load
        findings = [Finding("SOP999", "k", Severity.ERROR, path, 1, 1, f"/{key}", None, Text("m", "m"),
                            Fix(Text(key, key), (Edit(f"/{key}", 1),), kind))
                    for key, kind in (("safe", SAFE), ("unsafe", UNSAFE), ("shown", SHOWN)) if f"{key} = 0" in text]
        return FileResult(path, findings)


def test_fix_text_applies_safe_fixes_then_unsafe_when_asked_and_display_only_never(monkeypatch):
    import soptui.checker.fixes as fixes

    monkeypatch.setattr(fixes, "load_text", lambda text, path: (path, text))
    text = "safe = 0\nunsafe = 0\nshown = 0\n"
    assert fix_text(_ThreeKinds(), "a.toml", text) == "safe = 1\nunsafe = 0\nshown = 0\n"
    assert fix_text(_ThreeKinds(), "a.toml", text, unsafe=True) == "safe = 1\nunsafe = 1\nshown = 0\n"


def test_the_old_name_of_the_guards_refusal_still_works():
    assert UnsafeFix is FixRefused


def test_a_fix_keeps_its_applicability_through_a_worker_or_the_cache():
    from soptui.checker.engine import FileResult
    from soptui.checker.finding import Finding
    from soptui.checker.plain import decode, encode
    from soptui.checker.rule import Severity

    findings = [Finding("SOP999", "k", Severity.ERROR, "a.toml", 1, 1, "", None, Text("m", "m"),
                        Fix(Text("f", "f"), (Edit("/x", n),), kind)) for n, kind in enumerate((SAFE, UNSAFE, SHOWN))]
    back = decode("a.toml", encode(FileResult("a.toml", findings)))
    assert [f.fix.applicability for f in back.findings] == [SAFE, UNSAFE, SHOWN]


def test_every_fixable_rule_says_what_kind_of_fix_it_makes():
    from soptui.checker.plugins import load_plugins

    fixable = [cls for _, cls in load_plugins().rule_classes() if cls.fixable]
    assert len(fixable) >= 6
    undeclared = [cls.name for cls in fixable if not cls.fix_safety]
    assert undeclared == []


REFERRED = CLEAN.replace("no = 2\n", "no = 5\n").replace(
    'kegiatan = "Memerintahkan pengumpulan data"\n',
    'kegiatan = "Memerintahkan pengumpulan data"\nketerangan = "lanjut ke langkah 5"\n')


def test_renumbering_is_safe_when_no_free_text_names_a_step(corpus, capsys):
    path = corpus / "a.toml"
    path.write_text(CLEAN.replace("no = 2\n", "no = 5\n"))
    lint(corpus, "--select", "step-numbering", "--fix")
    assert "no = 2\n" in path.read_text()


def test_renumbering_that_rewrites_langkah_n_in_free_text_waits_for_unsafe_fixes(corpus, capsys):
    path = corpus / "a.toml"
    path.write_text(REFERRED)
    assert lint(corpus, "--select", "step-numbering", "--fix") == 1
    assert path.read_text() == REFERRED
    out = capsys.readouterr().out
    assert "(tidak aman, --unsafe-fixes)" in out and "0 dapat diperbaiki dengan --fix, 1 lagi dengan --unsafe-fixes" in out
    assert lint(corpus, "--select", "step-numbering", "--fix", "--unsafe-fixes") == 0
    text = path.read_text()
    assert "no = 2\n" in text and 'keterangan = "lanjut ke langkah 2"' in text


def test_diff_shows_unsafe_fixes_only_with_unsafe_fixes(corpus, capsys):
    (corpus / "a.toml").write_text(REFERRED)
    lint(corpus, "--select", "step-numbering", "--diff")
    assert "+no = 2" not in capsys.readouterr().out
    lint(corpus, "--select", "step-numbering", "--diff", "--unsafe-fixes")
    assert "+no = 2" in capsys.readouterr().out


TRUNCATED = ("Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 "
             "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja")


@pytest.mark.parametrize("confidence, applicability", [("verified", SAFE), ("well_known", UNSAFE), ("secondary", UNSAFE)])
def test_a_title_from_the_registry_is_a_safe_fix_only_from_a_verified_entry(confidence, applicability):
    from soptui.checker.rule import Context
    from soptui.loading.loader import load_text
    from soptui.registry import Registry, load_registry
    from soptui.rules.citation_title_mismatch import CitationTitleMismatch

    # the shipped registry with every entry's confidence set to the one under test
    registry = Registry(entry._replace(confidence=confidence) for entry in load_registry().entries)
    sop = load_text(CLEAN.replace(A, TRUNCATED), "a.toml").sop
    violations = list(CitationTitleMismatch().check(sop, Context(registry=registry)))
    assert [v.fix.applicability for v in violations] == [applicability]


@pytest.mark.parametrize("text, applicability", [
    ("Undang-Undang Nomor 25 Tahun 2009 tentang tentang Pelayanan Publik", SAFE),
    ("Menyusun data data kinerja", UNSAFE),  # "data-data" may have been meant
    ("Menyusun dan dan data data kinerja", UNSAFE),  # one fix removes both repeats
])
def test_removing_a_doubled_word_is_safe_only_for_function_words(text, applicability):
    from soptui.loading.loader import load_text
    from soptui.rules.doubled_word import DoubledWord

    sop = load_text(CLEAN.replace('kegiatan = "Mengumpulkan data"', f'kegiatan = "{text}"'), "a.toml").sop
    violations = list(DoubledWord().check(sop, None))
    assert [v.fix.applicability for v in violations] == [applicability]


# -- a list put in order keeps each item's comment (walk2 #3) ----------------------------------

def test_a_list_set_to_a_reordering_of_its_items_keeps_each_items_comment_with_it():
    text = 'x = [\n  "b",  # on b\n  # own line\n  "a"  # on a\n]\ny = ["b", "a"]  # after y\n'
    fixes = [Fix(Text("f", "f"), (Edit("/x", ["a", "b"]), Edit("/y", ["a", "b"])))]
    assert apply_fixes(text, fixes) == 'x = [\n  "a",  # on a\n  # own line\n  "b"  # on b\n]\ny = ["a", "b"]  # after y\n'
    # not a reordering: the list is replaced
    assert apply_fixes('x = ["b", "a"]\n', [Fix(Text("f", "f"), (Edit("/x", ["a", "c"]),))]) == 'x = ["a", "c"]\n'


def test_a_waiver_on_a_dasar_hukum_item_moves_with_it_when_fix_reorders_the_list(corpus, capsys):
    """A waiver written with `w` (an end-of-line comment) stayed on its line while the items
    moved, so it waived another item, and the guard refused the fix for good."""
    from soptui.editing import waive

    path = corpus / "a.toml"
    text = (ROOT / "sops/lampihong/pengukuran-kinerja.toml").read_text()
    revoked = "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil"
    line = text[:text.index(revoked)].count("\n") + 1
    path.write_text(waive(text, "/dasar_hukum/4", line, "revoked-regulation", "masih dipakai"))
    assert lint(corpus, "--fix", "--no-cache", "--format", "json") == 0
    captured = capsys.readouterr()
    assert "ditolak" not in captured.err and "diperbaiki: 1 berkas" in captured.err
    codes = [f["code"] for f in json.loads(captured.out)["findings"]]
    assert "SOP506" not in codes and "SOP501" not in codes and "SOP002" not in codes
    fixed = path.read_text()
    assert f'"{revoked}",  # soptui: ignore[revoked-regulation] -- masih dipakai\n' in fixed
    assert fixed.index(revoked) < fixed.index("Permendagri No. 73 tahun 2009")


class _Growing:
    """A checker whose fix of `x = 0` brings two findings of another rule."""

    def check_loaded(self, load):
        from soptui.checker.engine import FileResult
        from soptui.checker.finding import Finding
        from soptui.checker.rule import Severity

        def finding(code, name, fix=None):
            return Finding(code, name, Severity.ERROR, load.path, 1, 1, "", None, Text("m", "m"), fix)

        if "x = 0" in (load.sop or load.draft).text:
            return FileResult(load.path, [finding("SOP998", "fixable",
                                                  Fix(Text("f", "f"), (Edit("/x", 1),), Applicability.SAFE))])
        return FileResult(load.path, [finding("SOP997", "grown"), finding("SOP997", "grown")])


@pytest.mark.parametrize("lang, said", [
    ("id", "a.toml: tidak diperbaiki, perbaikan ditolak pemeriksa: temuan SOP997 grown akan bertambah\n"),
    ("en", "a.toml: not fixed, the fix guard refused: fixing adds findings of SOP997 grown\n"),
])
def test_the_guards_refusal_is_said_in_the_users_language(tmp_path, monkeypatch, lang, said):
    import io

    monkeypatch.chdir(tmp_path)
    Path("a.toml").write_text("x = 0\n")
    errors = io.StringIO()
    assert fix_files(_Growing(), [Path("a.toml")], write=True, errors=errors, lang=lang) == 0
    assert errors.getvalue() == said and Path("a.toml").read_text() == "x = 0\n"
    with pytest.raises(FixRefused) as refused:
        fix_text(_Growing(), "a.toml", "x = 0\n")
    assert str(refused.value) == "temuan SOP997 grown akan bertambah"


@pytest.mark.parametrize("output", ["text", "json"])
def test_a_file_the_guard_refused_has_no_fix_counted_or_marked_as_what_fix_applies(corpus, capsys, output):
    """Removing step 2's blank output item (empty-value) would leave it with no output at all
    (missing-mutu-baku): the guard refuses, and the summary said "[*] 1 fixable with --fix"
    after --fix had just refused it."""
    refused, fixed = corpus / "a.toml", corpus / "b.toml"
    refused.write_text(CLEAN.replace('output = ["Data"]', 'output = [" "]'))
    fixed.write_text(CLEAN.replace('"Disposisi"]\nwaktu = "1 jam"', '"Disposisi", " "]\nwaktu = "1 jam"'))
    args = ["--fix", "--no-cache", "--lang", "en"] + (["--format", "json"] if output == "json" else [])
    lint(corpus, *args)
    said = capsys.readouterr()
    assert "a.toml: not fixed, the fix guard refused: fixing adds findings of SOP102" in said.err
    summary = said.out if output == "text" else said.err
    assert "2 files checked" in summary
    assert "fixable" not in summary  # b.toml fixed, a.toml refused: nothing left that --fix applies
    if output == "text":
        assert "SOP020 item 1 of the Output of step 2 is blank" in said.out  # no [*]
        assert "fix (refused by the fix guard, not applied): remove the blank item" in said.out
    lint(corpus, "--no-cache", "--lang", "en")  # without --fix nothing was tried: the fix is offered
    assert "[*] 1 fixable with --fix" in capsys.readouterr().out


def test_one_fix_alone_goes_through_the_guard_and_the_refusal_holds_the_text_refused():
    """The UI's `f` applies one finding's fix: it was applied unguarded, so a fix `--fix`
    refuses went in with `f`."""
    from soptui.checker.fixes import fix_one

    fix = Fix(Text("f", "f"), (Edit("/x", 1),), Applicability.SAFE)
    with pytest.raises(FixRefused) as refused:
        fix_one(_Growing(), "a.toml", "x = 0\n", fix)
    assert refused.value.text.en == "fixing adds findings of SOP997 grown" and refused.value.attempted == "x = 1\n"
    assert fix_one(_ThreeKindsLoaded(), "a.toml", "safe = 0\n", fix._replace(edits=(Edit("/safe", 1),))) == "safe = 1\n"


class _ThreeKindsLoaded(_ThreeKinds):
    def check_loaded(self, load):
        return super().check_loaded((load.path, (load.sop or load.draft).text))
