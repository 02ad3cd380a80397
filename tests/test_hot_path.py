"""The per-file hot path's shortcuts give what the plain code they stand in for gives.

Each shortcut (a cheaper sieve before an exact test, values without their pointers, ...) is held
to the plain computation on the seeds and on a generated corpus (bench/generate.py)."""

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soptui.flow import Flow
from soptui.loading.loader import load_file
from soptui.rules import doubled_word, kegiatan_active_verb
from soptui.rules.doubled_word import DoubledWord
from soptui.testing import RuleTester

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def sops(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("generated")
    generate(corpus, 60)
    loaded = [load_file(p) for p in sorted([*ROOT.glob("sops/**/*.toml"), *corpus.rglob("*.toml")])]
    return [r.sop or r.draft for r in loaded if (r.sop or r.draft) is not None]


def test_doubled_word_values_are_the_texts_in_order(sops):
    for sop in sops:
        assert list(doubled_word._values(sop)) == [text for _, text in doubled_word.texts(sop)]


@pytest.mark.parametrize("text", ["Data data, lalu", "tentang tentang.", "(tentang tentang)", "x tentang tentang;",
                                  "Arsip arsip!", "satu. satu", "Camat  camat"])
def test_doubled_word_sieve_lets_through_what_the_word_comparison_finds(text):
    words = text.casefold().split()
    exact = any(a == b.rstrip(doubled_word._TRAILING) and len(a) > 1 and a.isalpha() for a, b in zip(words, words[1:]))
    found = bool(RuleTester(DoubledWord).findings(f'peringatan = [{text!r}]\n'.replace("'", '"')))
    assert found == (exact and doubled_word._DOUBLED.search(text) is not None)


TRICKY_KEGIATAN = ["Memeriksa berkas", "memeriksa", "Menanda tangani surat", "Metanda tangan", "Mereka menyusun",
                   "Beberapa berkas", "Membuat/tanda tangan", "Memeriksa, lalu", "Me-tanda tangan", "Berkas diperiksa",
                   "Bentuk tim", "Menyusun.", "Mé", "Meja", "M", "Me", "Be", "BERKOORDINASI dengan camat"]


def test_kegiatan_shortcut_answers_as_judge_does(sops):
    texts = TRICKY_KEGIATAN + [step.kegiatan for sop in sops for step in sop.langkah]
    assert any(kegiatan_active_verb._starts_with_active_verb(text) for text in texts)
    for text in texts:
        if kegiatan_active_verb._starts_with_active_verb(text):
            assert kegiatan_active_verb.judge(text) is None, text


@given(st.lists(st.sampled_from(["me", "Me", "be", "tanda", "Tanda", "tangan", "di", "ja", "rika", "sa", "kan", " ", "  ",
                                 "/", "-", ",", ".", "(", "é", "1", "K"]), max_size=8).map("".join))
def test_kegiatan_shortcut_answers_as_judge_does_on_generated_text(text):
    if kegiatan_active_verb._starts_with_active_verb(text):
        assert kegiatan_active_verb.judge(text, kegiatan_active_verb.ACTOR_WORDS | {"mereka"}) is None


def test_flow_shortcut_for_plain_rows_gives_the_exits_of_every_step(sops):
    assert any(step.simbol is not None or step.ya is not None for sop in sops for step in sop.langkah)
    for sop in sops:
        flow = Flow(sop)
        assert [flow.next(step) for step in sop.langkah] == [flow._exits(sop, step) for step in sop.langkah]


def test_stored_patterns_are_what_re_compiles():
    import marshal
    import re

    import _sre

    from soptui import regexcache

    written_for, rows = marshal.loads(regexcache.STORE.read_bytes())
    if tuple(written_for) != regexcache.stamp():
        pytest.skip(f"the store was written for another Python build ({written_for}), not used on this one")
    assert len(rows) > 100
    for pattern, flags, effective, code, groups, groupindex, indexgroup in rows:
        stored = _sre.compile(pattern, effective, code, groups, groupindex, indexgroup)
        assert stored == re.compile(pattern, flags) and stored.groupindex == re.compile(pattern, flags).groupindex


def test_the_store_holds_every_pattern_a_lint_compiles(tmp_path):
    """Fails when a pattern changed since `python -m soptui.cli.stores` last ran (run it again)."""
    import marshal

    from soptui import regexcache
    from soptui.cli import stores

    written_for, rows = marshal.loads(regexcache.STORE.read_bytes())
    if tuple(written_for) != regexcache.stamp():
        pytest.skip(f"the store was written for another Python build ({written_for}), not used on this one")
    seeds = sorted(str(p) for p in ROOT.glob("sops/**/*.toml"))
    found = stores.patterns_in_a_fresh_process([str(ROOT / "sops"), seeds[0]])
    stored = {(row[0], row[1]) for row in rows}
    missing = [pattern for pattern in found if pattern not in stored]
    assert not missing, f"{len(missing)} patterns not stored, e.g. {missing[:3]}: run python -m soptui.cli.stores"


def test_preloaded_patterns_are_what_re_compile_returns():
    import re

    from soptui import regexcache
    from soptui.loading import locate

    re.purge()
    if regexcache.preload() == 0:
        pytest.skip("the store is not for this Python build")
    preloaded = re._cache[(str, locate._HEADER.pattern, 0)]
    assert re.compile(locate._HEADER.pattern) is preloaded
    assert preloaded.findall("\n[a]\nx = 1\n[[b]]\na.b = 2") == ["[a]", "[[b]]"]


def test_the_shipped_registry_store_gives_the_entries_its_file_gives():
    """Fails when soptui/data/regulations.toml changed since `python -m soptui.cli.stores` last ran."""
    import marshal

    from soptui import registry

    name, text = "soptui/" + registry.SHIPPED, registry.shipped_text()
    checksum, stored_name, rows = marshal.loads(registry.SHIPPED_STORE.read_bytes())
    assert (checksum, stored_name) == (registry._checksum(text), name), "run python -m soptui.cli.stores"
    read = registry.read_registry_text(text, name, validate=False)
    assert registry.shipped_entries(text, name) == read and len(read) > 300


def test_a_registry_store_of_another_text_is_not_used(tmp_path):
    from soptui import registry

    name, text = "soptui/" + registry.SHIPPED, registry.shipped_text()
    edited = text.replace("[[regulation]]", "# edited\n[[regulation]]", 1)
    assert registry.shipped_entries(edited, name) == registry.read_registry_text(edited, name, validate=False)
    assert registry.shipped_entries(text, name, store=tmp_path / "none.marshal") == registry.shipped_entries(text, name)


def test_plain_validity_is_written_for_this_schema():
    """Fails when schemas/sop.schema.json changed: bring soptui/loading/plain_valid.py in line
    with it (each constraint it checks), then set WRITTEN_FOR to the new checksum."""
    from soptui.loading import plain_valid, schema

    assert schema.schema_hash() == plain_valid.WRITTEN_FOR
    properties = schema.sop_schema()["properties"]
    steps = properties["langkah"]["items"]["properties"]
    assert properties["pelaksana"]["propertyNames"]["pattern"] == plain_valid.PELAKSANA_ID
    assert (steps["simbol"]["pattern"], steps["waktu"]["pattern"]) == (plain_valid.SIMBOL, plain_valid.WAKTU)
    assert set(properties) == plain_valid._TOP and set(steps) == plain_valid._STEP


def _gate_says(data) -> bool:
    from soptui.loading import loader, schema

    return schema.is_valid(loader._top_dates_as_text(data))


def test_a_plain_yes_is_a_yes_of_the_gate_on_seeds_and_generated_sops(sops):
    import copy

    from soptui.loading import toml
    from soptui.loading.plain_valid import plainly_valid

    yes = 0
    for sop in sops:
        data = toml.parse(sop.text)
        if plainly_valid(data):
            yes += 1
            assert _gate_says(data), sop.path
        # each step or key spoilt in turn: a yes must stay a yes of the gate
        for spoilt in _spoilt(copy.deepcopy(data)):
            assert not plainly_valid(spoilt) or _gate_says(spoilt)
    assert yes > len(sops) / 2


def _spoilt(data):
    import datetime as dt

    for key, bad in [("nama", ""), ("nomor", 5), ("tanggal_pembuatan", "2023-07-26"),
                     ("tanggal_revisi", dt.datetime(2023, 7, 26, 10, 0)), ("dasar_hukum", ["a", ""]),
                     ("keterkaitan", "SOP A"), ("disahkan_oleh", {"jabatan": "Camat", "nip": 1}),
                     ("pelaksana", {"Camat": "Camat"}), ("pelaksana", {"camat": ""}), ("langkah", []), ("nama_", "x")]:
        yield {**data, key: bad}
    for field, bad in [("no", -1), ("no", True), ("no", 1.0), ("kegiatan", ""), ("pelaksana", ""), ("simbol", "Proses"),
                       ("simbol", "proses\n"), ("waktu", "sebentar"), ("waktu", "5 menit\n"), ("output", [""]),
                       ("keterangan", 3), ("lanjut", "2"), ("kelengkapan", [1]), ("extra", 1)]:
        steps = [dict(step) for step in data.get("langkah", [])]
        if steps:
            steps[-1][field] = bad
            yield {**data, "langkah": steps}


@given(st.recursive(st.none() | st.booleans() | st.integers(-2, 3) | st.text(max_size=3) | st.dates(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                        st.sampled_from(["no", "kegiatan", "simbol", "waktu", "output", "camat", "nip", "x"]), inner,
                        max_size=4), max_leaves=12),
       st.sampled_from(["nama", "unit", "nomor", "tanggal_revisi", "dasar_hukum", "pelaksana", "disahkan_oleh",
                        "langkah", "hilang_di_sumber"]))
def test_a_plain_yes_is_a_yes_of_the_gate_on_generated_values(value, key):
    from soptui.loading.plain_valid import plainly_valid

    data = {"nama": "A", "unit": "B", "langkah": [{"no": 1, "kegiatan": "Memeriksa"}], key: value}
    if plainly_valid(data):
        assert _gate_says(data)


def _understated(real_fstat, by: int):
    """An fstat that reports the file `by` bytes shorter than it is: as if it grew after the call."""
    import os

    def fstat(handle):
        info = real_fstat(handle)
        fields = list(info)
        fields[6] = max(info.st_size - by, 0)  # st_size
        return os.stat_result(fields)
    return fstat


def test_a_file_read_by_its_size_is_still_read_whole_when_it_grew(tmp_path, monkeypatch):
    import errno
    import os

    from soptui import files

    path = tmp_path / "grew.toml"
    path.write_bytes(b"x" * 5000)
    monkeypatch.setattr(files.os, "fstat", _understated(os.fstat, 3000))
    monkeypatch.setattr(files.os, "stat", _understated(os.stat, 3000))
    assert files.read_regular(path, limit=10_000)[0] == b"x" * 5000
    with pytest.raises(OSError) as refused:
        files.read_regular(path, limit=4000)
    assert refused.value.errno == errno.EFBIG


def test_a_file_longer_than_one_read_is_read_whole_with_or_without_a_limit(tmp_path):
    from soptui import files

    path = tmp_path / "long.toml"
    data = bytes(range(256)) * 1000  # several of the descriptor's reads
    path.write_bytes(data)
    assert files.read_regular(path)[0] == data
    assert files.read_regular(path, limit=len(data))[0] == data


def _checker():
    from soptui.builtin import builtin_rules
    from soptui.checker.engine import Checker

    return Checker([("builtin", cls) for cls in builtin_rules()])


def _same(a, b):
    return (a.path, a.findings, a.collected, a.loaded, a.identity, a.coverage) == \
        (b.path, b.findings, b.collected, b.loaded, b.identity, b.coverage)


def test_rules_run_over_many_files_give_each_file_what_it_gets_alone(tmp_path):
    from soptui.loading.loader import load_bytes, load_file

    generate(tmp_path / "g", 40)
    paths = sorted([*ROOT.glob("sops/**/*.toml"), *(tmp_path / "g").rglob("*.toml")])
    loaded = [load_file(p) for p in paths]
    broken = paths[0].read_text().replace('nama = "', 'nama = 5\nx_nama = "', 1)
    loaded += [load_bytes(broken.encode(), "broken.toml"), load_bytes(b"nama = [", "unreadable.toml"),
               load_bytes(b'nama = "A"\n', "partial.toml")]
    assert any(r.sop is None and r.draft is not None for r in loaded)
    together = _checker().check_all_loaded(loaded)
    alone = [_checker().check_loaded(r) for r in loaded]
    assert len(together) == len(alone) and all(_same(a, b) for a, b in zip(together, alone))


def test_a_rule_that_fails_on_one_file_of_many_fails_on_that_file_only():
    from soptui.checker.engine import Checker
    from soptui.checker.rule import Rule, Severity, Violation
    from soptui.loading.loader import load_file

    class Fussy(Rule):
        """Fails on one SOP."""
        code = "X901"
        name = "fussy"
        severity = Severity.WARNING

        def check(self, sop, context):
            if "wangon" in str(sop.path).lower():
                raise RuntimeError("no")
            yield Violation("/nama", "seen")

    paths = sorted(ROOT.glob("sops/**/*.toml"))
    loaded = [load_file(p) for p in paths]
    checker = Checker([("test", Fussy)])
    together = checker.check_all_loaded(loaded)
    alone = [checker.check_loaded(r) for r in loaded]
    assert all(_same(a, b) for a, b in zip(together, alone))
    assert any(f.code == "SOP001" for r in together for f in r.findings)


@given(st.lists(st.sampled_from(["", " ", "  ", "\t", "word", " word", "    indented", "\ttabbed", "a  b"]),
                max_size=6).map("\n".join))
def test_a_rule_s_docstring_is_cleaned_as_inspect_getdoc_cleans_it(doc):
    # Rule.summary and Rule.documentation clean docstrings themselves, not importing inspect
    import inspect

    from soptui.builtin import builtin_rules
    from soptui.checker.rule import Rule, _docstring

    Undocumented = type("Undocumented", (Rule,), {})  # no docstring: the nearest base's, as getdoc
    Documented = type("Documented", (Rule,), {"__doc__": doc})
    for cls in [*builtin_rules(), Undocumented, Documented]:
        assert _docstring(cls) == inspect.getdoc(cls), cls


def _step_by_keyword(index, raw):
    """The step `loader._step` builds by position, built by keyword as it was."""
    from soptui.model import Step
    from soptui.waktu import parse_waktu

    waktu, actors = raw.get("waktu"), raw.get("pelaksana")
    every = (actors,) if isinstance(actors, str) else tuple(actors) if isinstance(actors, list) else ()
    return Step(index=index, no=raw.get("no", index + 1), kegiatan=raw.get("kegiatan", ""),
                pelaksana=every[0] if every else None, simbol=raw.get("simbol"), ya=raw.get("ya"),
                tidak=raw.get("tidak"), lanjut=raw.get("lanjut"), kelengkapan=tuple(raw.get("kelengkapan", ())),
                waktu=waktu, durasi=parse_waktu(waktu) if isinstance(waktu, str) else None,
                output=tuple(raw.get("output", ())), keterangan=raw.get("keterangan"), pelaksana_semua=every)


def test_steps_built_by_position_are_the_steps_built_by_keyword(tmp_path):
    from soptui.loading import loader
    from soptui.loading.toml import parse

    generate(tmp_path, 30)
    # every field a value of its own, so that two fields swapped cannot look right
    odd = {"no": 7, "kegiatan": "Memeriksa", "pelaksana": ["camat", "sekcam"], "simbol": "proses", "ya": 8,
           "tidak": 9, "lanjut": 10, "kelengkapan": ["Surat"], "waktu": "5 menit", "output": ["Berkas"],
           "keterangan": "catatan"}
    raws = [odd, {}, {"pelaksana": "staf", "waktu": 3}]
    for path in sorted([*ROOT.glob("sops/**/*.toml"), *tmp_path.rglob("*.toml")]):
        raws += [raw for raw in parse(path.read_text("utf-8")).get("langkah", ()) if isinstance(raw, dict)]
    for index, raw in enumerate(raws):
        assert loader._step(index, raw) == _step_by_keyword(index, raw)
    assert loader._step(3, odd)._asdict() == _step_by_keyword(3, odd)._asdict()
