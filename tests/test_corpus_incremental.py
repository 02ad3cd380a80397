"""The corpus rules kept up to date one file at a time give what judging the whole corpus again
gives, after any sequence of edits, and say which files' findings changed."""

from hypothesis import given, settings
from hypothesis import strategies as st

from soptui.builtin import builtin_rules
from soptui.checker.corpus import CorpusState
from soptui.checker.engine import Checker
from soptui.checker.finding import Finding
from soptui.checker.rule import Context, CorpusRule, Severity, Violation
from soptui.i18n import Text
from soptui.loading.loader import load_text

NAMES = ["Pengukuran Kinerja", "Pengukuran Kinerja Triwulan", "Rapat", "Pelaksanaan Rapat Koordinasi",
         "Data Kinerja", "Arsip"]
NOMOR = ["", "1/2023", "1 / 2023", "2/2023", "3/2023"]
UNITS = ["Kecamatan Awayan", "Kec. Awayan", "Kecamatan Lampihong"]
REFERENCES = ["SOP Pengukuran Kinerja", "SOP Rapat", "SOP Data Kinerja", "SOP Arsip Tahunan", "SOP Tidak Ada",
              "IKU"]


def text(nama: str, nomor: str, unit: str, keterkaitan: list[str], mention: str) -> str:
    lines = [f'nama = "{nama}"', f'unit = "{unit}"']
    if nomor:
        lines.append(f'nomor = "{nomor}"')
    if keterkaitan:
        lines.append("keterkaitan = [" + ", ".join(f'"{k}"' for k in keterkaitan) + "]")
    lines.append(f'[[langkah]]\nno = 1\nkegiatan = "Memulai"\nketerangan = "{mention}"')
    return "\n".join(lines) + "\n"


sop_texts = st.builds(text, st.sampled_from(NAMES), st.sampled_from(NOMOR), st.sampled_from(UNITS),
                      st.lists(st.sampled_from(REFERENCES), max_size=3), st.sampled_from(["", *REFERENCES]))
# An edit: a file (some not there at first) gets a new text, fails to load, or leaves the corpus.
edits = st.tuples(st.integers(0, 6), st.one_of(sop_texts, st.just("nama = "), st.none()))


def corpus_checker() -> Checker:
    classes = [("builtin", cls) for cls in builtin_rules() if issubclass(cls, CorpusRule)]
    return Checker(classes, context=Context())


def ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.col, f.code, f.pointer, f.message.en))


@settings(max_examples=60, deadline=None)
@given(st.lists(sop_texts, min_size=1, max_size=5), st.lists(edits, max_size=12))
def test_updates_give_what_a_full_check_gives(initial, changes):
    checker = corpus_checker()
    results = {}
    for number, body in enumerate(initial):
        results[f"s{number}.toml"] = checker.check_loaded(load_text(body, f"s{number}.toml"))
    state = CorpusState(checker).build(results.values())
    assert ordered(state.findings()) == ordered(checker.check_corpus(results.values()))
    for number, body in changes:
        path = f"s{number}.toml"
        before = {p: ordered(state.findings_of(p)) for p in [*results, path]}
        if body is None:
            results.pop(path, None)
            changed = state.update(path, None)
        else:
            results[path] = checker.check_loaded(load_text(body, path))
            changed = state.update(path, results[path])
        assert ordered(state.findings()) == ordered(checker.check_corpus(results.values()))
        for p in {*before, *results}:
            if before.get(p, []) != ordered(state.findings_of(p)):
                assert p in changed


def test_a_nomor_edit_rechecks_the_old_and_new_groups_only():
    checker = corpus_checker()
    results = {f"s{i}.toml": checker.check_loaded(load_text(text(f"SOP Nomor {i}", f"{i % 3}/2023", UNITS[0], [], ""),
                                                           f"s{i}.toml")) for i in range(9)}
    state = CorpusState(checker).build(results.values())
    index = state.indexes["SOP402"]
    assert set(index.affected("s0.toml", ["0/2023", 3, 1], ["1/2023", 3, 1])) == {f"s{i}.toml" for i in (0, 3, 6, 1, 4, 7)}
    assert set(index.affected("s0.toml", ["0/2023", 3, 1], ["0 / 2023", 4, 1])) == {"s0.toml"}
    edited = checker.check_loaded(load_text(text("SOP Nomor 0", "1/2023", UNITS[0], [], ""), "s0.toml"))
    changed = state.update("s0.toml", edited)
    assert changed == {f"s{i}.toml" for i in (0, 3, 6, 1, 4, 7)}
    assert "2 other" not in state.findings_of("s3.toml")[0].message.en
    assert "s6.toml" in state.findings_of("s3.toml")[0].message.en


class _Everyone(CorpusRule):
    """A corpus rule without an index: every file is told how many there are."""

    code = "X900"
    name = "everyone"
    severity = Severity.INFO

    def collect(self, sop):
        return sop.nama

    def check_corpus(self, collected, context):
        for path in collected:
            yield Violation("/nama", _count(len(collected)), path=path)


def _count(n):
    from soptui.i18n import Text

    return Text(f"{n} SOP", f"{n} SOPs")


def test_a_rule_without_an_index_is_judged_again_whole():
    checker = Checker([("test", _Everyone)])
    results = [checker.check_loaded(load_text(text(n, "", UNITS[0], [], ""), f"{n}.toml")) for n in NAMES[:3]]
    state = CorpusState(checker).build(results)
    added = checker.check_loaded(load_text(text("Baru", "", UNITS[0], [], ""), "baru.toml"))
    assert state.update("baru.toml", added) == {f"{n}.toml" for n in NAMES[:3]} | {"baru.toml"}
    assert {f.message.en for f in state.findings()} == {"4 SOPs"}


class IndexFails(CorpusRule):
    """Its index cannot be built; its whole-corpus check works."""

    code = "XPL002"
    name = "index-fails"

    def collect(self, sop):
        return sop.nama

    def check_corpus(self, collected, context):
        return [Violation("/nama", Text("ok", "ok"), path=path) for path in collected]

    def index(self, context):
        raise KeyError("no index")


def test_an_index_that_raises_is_reported_not_hidden_by_the_whole_corpus_check():
    checker = Checker([("builtin", IndexFails)], context=Context())
    result = checker.check_loaded(load_text(text("Rapat", "1/2023", "Kecamatan Awayan", [], ""), "a.toml"))
    found = CorpusState(checker).build([result]).findings()
    assert [f.name for f in found] == ["internal-error"]
    assert "KeyError" in found[0].message.en
