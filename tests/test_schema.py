"""The SOP JSON Schema: valid, bilingual, in step with the loader, and the compiled gate agrees."""

import copy

import pytest
from jsonschema import Draft202012Validator

from soptui.loading import schema
from soptui.waktu import parse_waktu

SCHEMA = schema.sop_schema()
MINIMAL = {"nama": "A", "unit": "Kecamatan B", "langkah": [{"no": 1, "kegiatan": "Memulai"}]}


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def properties(node, path=""):
    for key, value in node.get("properties", {}).items():
        yield f"{path}/{key}", value
        yield from properties(value, f"{path}/{key}")
    if "items" in node and isinstance(node["items"], dict):
        yield from properties(node["items"], path + "/[]")


def test_every_property_has_indonesian_and_english_help():
    found = list(properties(SCHEMA))
    assert len(found) > 30
    for path, spec in found:
        assert "(" in spec["title"] and spec["title"].endswith(")"), path
        assert "\n\nEN: " in spec["description"], path


@pytest.mark.parametrize("text", ["10 menit", "2 Jam", "1 hari", "60 menit", "1,5 jam", "5-10 menit",
                                  "1 x 24 jam", " 3 mnt. ", "2 Hari", "abc", "segera", "1 tahun", "menit",
                                  "10", "10 menit 5 detik", "", "5 (lima) Menit", "1 (satu) - 2 (dua) hari",
                                  "1-2 hari", "5 () menit", "(lima) menit", "5 (lima"])
def test_waktu_pattern_and_parser_agree(text):
    accepted_by_schema = not list(Draft202012Validator(SCHEMA).iter_errors(
        dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "waktu": text}])))
    assert accepted_by_schema == (parse_waktu(text) is not None)


INVALID = [
    {"unit": "B", "langkah": MINIMAL["langkah"]},
    dict(MINIMAL, langkah=[]),
    dict(MINIMAL, nomor=""),
    dict(MINIMAL, unknown=1),
    dict(MINIMAL, tanggal_pembuatan="26 Juli 2023"),
    dict(MINIMAL, dasar_hukum=["ok", ""]),
    dict(MINIMAL, dasar_hukum="not a list"),
    dict(MINIMAL, pelaksana={"Camat Wangon": "Camat"}),
    dict(MINIMAL, pelaksana={"camat": ""}),
    dict(MINIMAL, disahkan_oleh={"nama": "X", "golongan": "IV"}),
    dict(MINIMAL, langkah=[{"no": "1", "kegiatan": "K"}]),
    dict(MINIMAL, langkah=[{"no": -1, "kegiatan": "K"}]),
    dict(MINIMAL, langkah=[{"no": 1}]),
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "waktu": "abc"}]),
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "simbol": "Keputusan Besar"}]),
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "ya": "2"}]),
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "output": "Laporan"}]),
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "pelaksana": []}]),
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "pelaksana": ["camat", ""]}]),
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "pelaksana": ["camat", 2]}]),
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "pelaksana": 7}]),
    dict(MINIMAL, tanggal_pembuatan="2019-13"),
    dict(MINIMAL, tanggal_pembuatan="September 2019"),
    dict(MINIMAL, tanggal_pembuatan=2019),
]


@pytest.mark.parametrize("instance", INVALID)
def test_compiled_gate_never_accepts_what_jsonschema_rejects(instance):
    assert list(Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(instance))
    assert schema.is_valid(copy.deepcopy(instance)) is False
    assert schema.problems(instance)


def test_gate_accepts_a_valid_instance():
    assert schema.is_valid(MINIMAL) is True
    assert schema.problems(MINIMAL) == []


@pytest.mark.parametrize("instance", [
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "pelaksana": ["camat", "sekcam"]}]),
    dict(MINIMAL, langkah=[{"no": 1, "kegiatan": "K", "pelaksana": ["camat"]}]),
    dict(MINIMAL, tanggal_pembuatan="2019-09", tanggal_efektif="2019-09-16"),
])
def test_a_step_of_several_actors_and_a_month_only_date_are_valid_for_both_validators(instance):
    assert schema.is_valid(copy.deepcopy(instance)) is True
    assert schema.problems(instance) == []


def test_the_shipped_compiled_gate_is_up_to_date_with_the_schema():
    # if this fails: python -m soptui.loading.schema
    assert schema.GENERATED_GATE.read_text(encoding="utf-8") == schema.gate_source()
    from soptui.loading import _schema_gate

    assert schema._gate().func is _schema_gate.validate
