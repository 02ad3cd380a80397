"""The regulation registry: the shipped file, its schema, extra files from configuration and hooks."""

import json
import re
from pathlib import Path

import pluggy
import pytest
from jsonschema import Draft7Validator, Draft202012Validator

from soptui import hookspecs, registry
from soptui.citation import parse_citation
from soptui.hookspecs import hookimpl
from soptui.loading.toml import tomllib as _tomllib

tomllib = _tomllib()
from soptui.registry import Registry, RegistryError, load_registry, read_registry_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "registry.schema.json").read_text())
SHIPPED = ROOT / "soptui" / "data" / "regulations.toml"
REGULATIONS_MD = ROOT.parent / "shared" / "domain" / "regulations.md"

# Every row of regulations.md: the regulations of its "As cited" cell, status and confidence.
ROWS = [
    (["PP 46/2011"], "revoked", "verified", ["PP 30/2019"]),
    (["Perka BKN 1/2013"], "superseded", "secondary", ["PermenPANRB 8/2021", "PermenPANRB 6/2022"]),
    (["PermenPANRB 8/2021"], "superseded", "secondary", ["PermenPANRB 6/2022"]),
    (["PermenPANRB 6/2022"], "in_force", "verified", []),
    (["UU 5/2014"], "revoked", "verified", ["UU 20/2023"]),
    (["Permendagri 73/2009"], "superseded", "chain", ["PP 13/2019", "Permendagri 18/2020", "Permendagri 19/2024"]),
    (["Permendagri 52/2011"], "in_force", "secondary", []),
    (["Permendagri 86/2017"], "in_force", "secondary", []),
    (["PP 12/2019"], "in_force", "secondary", []),
    (["UU 23/2014"], "amended", "verified", []),
    (["UU 32/2004"], "revoked", "well_known", ["UU 23/2014"]),
    (["PP 8/2006"], "in_force", "verified", []),
    (["Perpres 81/2010"], "expired", "verified", []),
    (["Perpres 29/2014"], "in_force", "verified", []),
    (["KepmenPAN KEP/135/M.PAN/9/2004"], "superseded", "chain",
     ["PermenPANRB 13/2010", "PermenPANRB 25/2012", "PermenPANRB 12/2015", "PermenPANRB 88/2021"]),
    (["PermenPANRB 25/2012", "PermenPANRB 20/2013"], "superseded", "secondary",
     ["PermenPANRB 12/2015", "PermenPANRB 88/2021"]),
    (["PermenPANRB 12/2015"], "revoked", "verified", ["PermenPANRB 88/2021"]),
    (["PermenPANRB 53/2014"], "in_force", "secondary", []),
    (["PermenPANRB 35/2012"], "in_force", "secondary", []),
    (["UU 25/2009"], "in_force", "verified", []),
    (["PP 19/2008"], "superseded", "secondary", ["PP 17/2018"]),
    (["PP 38/2007"], "superseded", "well_known", ["UU 23/2014"]),
    (["PP 41/2007"], "superseded", "well_known", ["PP 18/2016"]),
]
# Replacements whose title regulations.md names get an entry of their own.
REPLACEMENTS = {
    "PP 30/2019": "Penilaian Kinerja Pegawai Negeri Sipil",
    "UU 20/2023": "Aparatur Sipil Negara",
    "PP 13/2019": "Laporan dan Evaluasi Penyelenggaraan Pemerintahan Daerah",
    "PermenPANRB 88/2021": "Evaluasi Akuntabilitas Kinerja Instansi Pemerintah",
    "PP 17/2018": "Kecamatan",
    "PP 18/2016": "Perangkat Daerah",
}
DRAFT7_KEYWORDS = {
    "$schema", "$id", "$ref", "title", "description", "type", "enum", "const", "properties", "required",
    "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum",
    "pattern", "oneOf", "anyOf", "allOf", "not", "definitions", "format", "default", "examples",
}


@pytest.fixture(scope="module")
def shipped():
    return load_registry()


def test_the_schema_is_draft_2020_12_with_draft_7_keywords_only():
    Draft202012Validator.check_schema(SCHEMA)
    Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def keywords(node, inside_properties=False):
        if isinstance(node, dict):
            for key, value in node.items():
                if not inside_properties:
                    assert key in DRAFT7_KEYWORDS, key
                yield from keywords(value, key in ("properties", "definitions") and not inside_properties)
        elif isinstance(node, list):
            for value in node:
                yield from keywords(value)
    list(keywords(SCHEMA))


def test_the_shipped_file_is_valid_and_names_its_schema():
    text = SHIPPED.read_text()
    assert text.startswith("#:schema ../../schemas/registry.schema.json\n")
    assert list(Draft202012Validator(SCHEMA).iter_errors(tomllib.loads(text))) == []


@pytest.mark.parametrize("cited, status, confidence, replaced_by", ROWS, ids=[r[0][0] for r in ROWS])
def test_every_row_of_regulations_md_is_an_entry(shipped, cited, status, confidence, replaced_by):
    for text in cited:
        entry = shipped.lookup(parse_citation(text))
        assert entry is not None, text
        assert (entry.status, entry.confidence) == (status, confidence)
        assert [c.short() for c in entry.replaced_by] == replaced_by
        assert "regulations.md" in entry.source and entry.origin.startswith("soptui/data/regulations.toml:")


@pytest.mark.parametrize("short, judul", REPLACEMENTS.items())
def test_replacements_named_with_their_title_have_an_entry(shipped, short, judul):
    entry = shipped.lookup(parse_citation(short))
    assert entry is not None and entry.judul == judul and entry.status == "in_force"


def test_no_status_beyond_the_rows(shipped):
    sourced = {text for row in ROWS for text in row[0]} | set(REPLACEMENTS) | {"PP 58/2005"}
    from_notes = {e.short() for e in shipped.entries if "regulations.md" in e.source}
    assert from_notes == sourced
    # every other entry names the stored public page it was read on, or the domain notes
    others = [e for e in shipped.entries if e.short() not in sourced]
    assert len(others) >= 70
    for entry in others:
        assert "http" in entry.source or "sop-ap.md" in entry.source, entry.short()
        if entry.status in ("superseded", "revoked"):
            assert entry.replaced_by, entry.short()
        if entry.status == "amended":
            assert entry.amended_by, entry.short()
        if entry.status == "in_force" and entry.confidence == "secondary":
            assert "as far as known" in (entry.note or ""), entry.short()
    pp58 = shipped.lookup(parse_citation("PP 58/2005"))
    assert "PP 12/2019" in pp58.source and pp58.confidence == "secondary"


@pytest.mark.skipif(not REGULATIONS_MD.is_file(), reason="../shared/domain/regulations.md is not beside this checkout")
def test_the_rows_listed_here_are_those_of_regulations_md(shipped):
    rows = [line for line in REGULATIONS_MD.read_text().splitlines() if line.startswith("| ") and "---" not in line]
    cited = []
    for row in rows[1:]:  # after the header
        previous = None
        for part in row.split("|")[1].split(","):
            citation = parse_citation(part)
            if citation.kind is None:  # "PermenPANRB 25/2012, 20/2013"; "KEP/135/M.PAN/9/2004"
                citation = parse_citation(f"{previous or 'KepmenPAN'} {part.strip()}")
            previous = part.split()[0]
            cited.append(citation.short())
    assert cited == [text for row in ROWS for text in row[0]]
    assert all(shipped.lookup(parse_citation(text)) for text in cited)


def test_lookup_by_type_number_and_year(shipped):
    assert shipped.lookup(parse_citation("Kepmenpan 135/2004")).nomor == "KEP/135/M.PAN/9/2004"
    assert shipped.lookup(parse_citation("Permendagri 29/2014")) is None
    # UU 29/2014 is Pencarian dan Pertolongan: same number and year, another regulation
    assert [e.short() for e in shipped.same_number(parse_citation("Permendagri 29/2014"))] == [
        "Perpres 29/2014", "UU 29/2014"]
    assert shipped.miscited(parse_citation("Peraturan Menteri Dalam Negeri Nomor 29 Tahun 2014")).short() == \
        "Perpres 29/2014"
    assert shipped.lookup(parse_citation("Peraturan perundang-undangan")) is None
    chain = shipped.replacements(shipped.lookup(parse_citation("Perka BKN 1/2013")))
    assert [c.short() for c in chain] == ["PermenPANRB 8/2021", "PermenPANRB 6/2022"]


BALANGAN = '''\
[[regulation]]
kind = "perbup"
region = "Balangan"
nomor = "12"
tahun = 2020
judul = "Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan"
status = "revoked"
replaced_by = [{ kind = "perbup", region = "Balangan", nomor = "40", tahun = 2023 }]
confidence = "verified"
source = "Bagian Hukum Setda Balangan"

[[regulation]]
kind = "pp"
nomor = "12"
tahun = 2019
judul = "Pengelolaan Keuangan Daerah"
status = "in_force"
confidence = "verified"
source = "a kabupaten's own check"
'''


def test_extra_files_add_entries_and_replace_shipped_ones(tmp_path, shipped):
    extra = tmp_path / "balangan.toml"
    extra.write_text(BALANGAN)
    combined = load_registry([extra])
    perbup = combined.lookup(parse_citation("Peraturan Bupati Balangan Nomor 12 Tahun 2020 tentang ..."))
    assert perbup.status == "revoked" and [c.short() for c in perbup.replaced_by] == ["Perbup Balangan 40/2023"]
    assert combined.lookup(parse_citation("Peraturan Bupati Banyumas Nomor 12 Tahun 2020")) is None
    assert combined.lookup(parse_citation("Perbup 12/2020")).region == "Balangan"  # the only one
    assert combined.lookup(parse_citation("PP 12/2019")).confidence == "verified"
    assert len(combined) == len(shipped) + 1 and combined.files[-1] == str(extra)
    assert combined.digest != shipped.digest


@pytest.mark.parametrize("text, expected", [
    ("[[regulation]]\nkind = \"pp\"\nnomor = 5\n", r"x\.toml:3:1: .*regulation\[0\]\.nomor`: 5 is not of type 'string'"),
    ("[[regulation]]\nkind = \"pp\"\nnomor = \"5\"\ntahun = 2020\nstatus = \"revokd\"\nconfidence = \"verified\"\n"
     "source = \"s\"\n", r"x\.toml:5:1: .*status`: 'revokd' is not one of"),
    ("[[regulation]]\nkind = \"pp\"\nnomor = \"5\"\ntahun = 2020\nstatus = \"revoked\"\nconfidence = \"verified\"\n"
     "source = \"s\"\nreplaced = [\"PP 1/2021\"]\n",
     r"x\.toml:8:1: kunci tidak dikenal \(unknown key\) `replaced`; maksud Anda `replaced_by`\? \(did you mean `replaced_by`\?\)"),
    ("[[regulation]]\nkind = \"pp\"\nnomor = \"5\"\ntahun = 2020\nstatus = \"revoked\"\nconfidence = \"verified\"\n"
     "source = \"s\"\nreplaced_by = [\"the new one\"]\n", r"x\.toml:8:16: `replaced_by`: 'the new one' bukan kutipan"),
    ("[[regulation]]\nkind = \"perbup\"\nnomor = \"5\"\ntahun = 2020\nstatus = \"in_force\"\nconfidence = \"verified\"\n"
     "source = \"s\"\n", r"x\.toml:2:1: `perbup` adalah peraturan daerah"),
    ("[[regulation]]\nkind = \"pp\"\nnomor = \"5\"\ntahun = 2020\nstatus = \"in_force\"\nconfidence = \"verified\"\n"
     "source = \"s\"\n\n[[regulation]]\nkind = \"pp\"\nnomor = \"05\"\ntahun = 2020\nstatus = \"revoked\"\n"
     "confidence = \"verified\"\nsource = \"s\"\n", r"x\.toml:9:1: PP 05/2020 sudah tercantum di x\.toml:1:1"),
    ("[[regulation]\n", r"x\.toml:1:13: TOML tidak sah: header \[\[\.\.\.\]\] tidak ditutup dengan \]\]\n"
                        r"     1 \| \[\[regulation\]\n       \|             \^"),
    ("regulation = 1\n", r"x\.toml:1:1: `regulation`: 1 is not of type 'array'"),
])
def test_mistakes_name_file_line_and_key(text, expected):
    with pytest.raises(RegistryError) as raised:
        read_registry_text(text, "x.toml")
    assert re.search(expected, str(raised.value)), str(raised.value)


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(RegistryError, match="no such registry file"):
        load_registry([tmp_path / "missing.toml"])


def test_the_configuration_adds_files_relative_to_itself(tmp_path):
    from soptui.checker.config import load_config

    (tmp_path / "registri").mkdir()
    (tmp_path / "registri" / "balangan.toml").write_text(BALANGAN)
    (tmp_path / "soptui.toml").write_text('registries = ["registri/balangan.toml"]\n')
    found = registry.registry_for(load_config(tmp_path / "soptui.toml"))
    assert found.lookup(parse_citation("Perbup Balangan 12/2020")) is not None
    (tmp_path / "soptui.toml").write_text('registries = ["registri/missing.toml"]\n')
    with pytest.raises(RegistryError, match="missing.toml"):
        registry.registry_for(load_config(tmp_path / "soptui.toml"))


def test_a_plugin_adds_files_through_the_hook(tmp_path):
    extra = tmp_path / "plugin.toml"
    extra.write_text(BALANGAN)

    class Plugin:
        @hookimpl
        def soptui_registries(self):
            return [str(extra)]

    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(Plugin(), name="balangan")
    manager.check_pending()
    found = registry.registry_for(None, manager)
    assert found.lookup(parse_citation("Perbup Balangan 12/2020")).source == "Bagian Hukum Setda Balangan"


def test_the_context_carries_the_registry_and_defaults_to_the_shipped_one():
    from soptui.checker.rule import Context

    empty = Registry()
    assert Context(registry=empty).registry is empty
    assert Context().registry is registry.shipped_registry()
    assert Context().registry.lookup(parse_citation("PP 46/2011")).status == "revoked"
    # no process-wide registry to activate: a session's registry lives on its context only
    assert not any(hasattr(registry, name) for name in ("activate", "active", "use", "for_path"))


def test_the_cache_key_changes_when_a_registry_file_changes(tmp_path):
    from soptui.checker.cache import engine_key
    from soptui.checker.engine import Checker
    from soptui.checker.rule import Context

    extra = tmp_path / "local.toml"
    extra.write_text(BALANGAN)
    before = engine_key(Checker([], context=Context(registry=load_registry([extra]))))
    assert engine_key(Checker([], context=Context(registry=load_registry([extra])))) == before
    extra.write_text(BALANGAN.replace("Bagian Hukum Setda Balangan", "Bagian Hukum"))
    assert engine_key(Checker([], context=Context(registry=load_registry([extra])))) != before
    assert engine_key(Checker([], context=Context())) != before


LOCAL_REVOCATION = '''\
[[regulation]]
kind = "pp"
nomor = "12"
tahun = 2019
judul = "Pengelolaan Keuangan Daerah"
status = "revoked"
replaced_by = ["PP 99/2025"]
confidence = "verified"
source = "a kabupaten's own check"
'''


def lint_json(*args: str) -> tuple[int, list[dict]]:
    import io
    from contextlib import redirect_stdout

    from soptui.cli import main

    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["lint", *args, "--format", "json", "--no-cache", "--select", "revoked-regulation"])
    return code, json.loads(out.getvalue())["findings"] if out.getvalue() else []


@pytest.mark.parametrize("in_workers", [False, True])
def test_lint_uses_the_registries_of_the_configuration_it_is_given(tmp_path, monkeypatch, in_workers):
    import soptui.checker.parallel as parallel

    if in_workers:
        monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    (tmp_path / "kabupaten").mkdir()
    (tmp_path / "kabupaten" / "local.toml").write_text(LOCAL_REVOCATION)
    (tmp_path / "kabupaten" / "soptui.toml").write_text('registries = ["local.toml"]\n')
    target = str(ROOT / "sops" / "awayan" / "pengumpulan-data-kinerja-triwulan.toml")
    _, shipped_only = lint_json(target)
    code, with_local = lint_json(target, "--config", str(tmp_path / "kabupaten" / "soptui.toml"))
    assert not any("PP 12/2019" in f["message"] for f in shipped_only)
    assert code == 1 and any("PP 12/2019" in f["message"] and "PP 99/2025" in f["message"] for f in with_local)


def test_a_broken_registry_in_the_configuration_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "bad.toml").write_text('[[regulation]]\nkind = "pp"\nnomor = 5\n')
    (tmp_path / "soptui.toml").write_text('registries = ["bad.toml"]\n')
    code, findings = lint_json(str(ROOT / "sops"), "--config", str(tmp_path / "soptui.toml"))
    assert code == 2 and findings == []
    assert re.search(r"bad\.toml:3:1: .*nomor", capsys.readouterr().err)


def test_an_edited_registry_file_is_seen_by_the_next_cached_run(tmp_path):
    import io
    from contextlib import redirect_stdout

    from soptui.cli import main

    (tmp_path / "local.toml").write_text(LOCAL_REVOCATION.replace('"revoked"', '"in_force"').replace(
        'replaced_by = ["PP 99/2025"]\n', ""))
    (tmp_path / "soptui.toml").write_text('registries = ["local.toml"]\n')
    target = str(ROOT / "sops" / "awayan" / "pengumpulan-data-kinerja-triwulan.toml")
    runs = []
    for _ in range(2):  # with the cache, as users run it
        out = io.StringIO()
        with redirect_stdout(out):
            main(["lint", target, "--format", "json", "--select", "revoked-regulation",
                  "--config", str(tmp_path / "soptui.toml")])
        runs.append([f["message"] for f in json.loads(out.getvalue())["findings"]])
        (tmp_path / "local.toml").write_text(LOCAL_REVOCATION)
    assert not any("PP 12/2019" in m for m in runs[0])
    assert any("PP 12/2019" in m for m in runs[1])


@pytest.mark.parametrize("text, quick", [
    (None, True),  # the shipped registry
    ('  [[regulation]]\nkind = "pp"\n\n [[ regulation ]]  # second\nkind = "uu"\n', True),
    ('regulation = [{ kind = "pp" }, { kind = "uu" }]\n', False),  # no headers: the scan answers
])
def test_entry_origins_found_without_the_full_scan_are_the_scans(text, quick):
    text = text or registry.shipped_text()
    count = len(_tomllib().loads(text)["regulation"])
    found = registry._origins("r.toml", text, count)
    assert (found is not None) == quick
    if quick:
        assert found == [registry._where("r.toml", text, ["regulation", str(i)]) for i in range(count)]


def test_the_shipped_registry_has_250_entries_each_valid_and_none_colliding(shipped):
    """Issue 18: at least 250 regulations; each entry valid on its own against the schema, and no
    two of the same type, number, year, region and ministry (a later one would silently win)."""
    text = SHIPPED.read_text()
    entries = tomllib.loads(text)["regulation"]
    assert len(entries) >= 250
    # an inline table sends the file to tomllib (loading/toml.py), which the lint path must not import
    assert "{" not in text
    validator = Draft202012Validator(SCHEMA)
    for entry in entries:
        assert list(validator.iter_errors({"regulation": [entry]})) == [], entry
    keys = {}
    for entry in shipped.entries:
        key = (entry.kind, entry.nomor.replace(" ", "").lstrip("0").casefold(), entry.tahun,
               (entry.region or "").casefold(), (entry.ministry or "").casefold())
        assert key not in keys, f"{entry.origin} collides with {keys[key]}"
        keys[key] = entry.origin


def test_a_context_with_its_registry_crosses_to_a_spawned_worker(tmp_path):
    """A worker started with `spawn` (not `fork`) gets the context pickled: its registry with it."""
    import pickle

    from soptui.checker.rule import Context

    extra = tmp_path / "local.toml"
    extra.write_text(BALANGAN)
    context = pickle.loads(pickle.dumps(Context(registry=load_registry([extra]))))
    assert context.registry.lookup(parse_citation("Perbup Balangan 12/2020")).source == "Bagian Hukum Setda Balangan"


def _kabupaten(tmp_path):
    (tmp_path / "local.toml").write_text(LOCAL_REVOCATION)
    (tmp_path / "soptui.toml").write_text('registries = ["local.toml"]\n')
    (tmp_path / "sops").mkdir()
    source = ROOT / "sops" / "awayan" / "pengumpulan-data-kinerja-triwulan.toml"
    (tmp_path / "sops" / "a.toml").write_text(source.read_text("utf-8"), "utf-8")
    return tmp_path / "sops" / "a.toml"


def _local_revocations(findings):
    return [f for f in findings if f.name == "revoked-regulation" and "PP 99/2025" in f.message.en]


def test_a_rule_tester_reads_no_configuration_from_the_folder(tmp_path, monkeypatch):
    from soptui.rules.revoked_regulation import RevokedRegulation
    from soptui.testing import RuleTester

    sop = _kabupaten(tmp_path)
    monkeypatch.chdir(tmp_path / "sops")
    fragment = 'dasar_hukum = ["Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah"]\n'
    assert not _local_revocations(RuleTester(RevokedRegulation).findings(fragment, path=str(sop)))
    local = load_registry([tmp_path / "local.toml"])
    assert _local_revocations(RuleTester(RevokedRegulation, registry=local).findings(fragment, path=str(sop)))


def test_the_tui_workspace_uses_the_registry_of_its_configuration(tmp_path):
    pytest.importorskip("textual")
    from soptui.tui.app import build_workspace

    sop = _kabupaten(tmp_path)
    workspace, _ = build_workspace(tmp_path / "sops")
    workspace.lint_all()
    assert _local_revocations(workspace.findings(sop))
