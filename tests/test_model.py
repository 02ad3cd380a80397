"""`Sop` and `Config` are plain classes that behave as the dataclasses they were (a frozen one for
`Sop`): built by keyword or position with the same defaults, compared and printed field by field."""

import dataclasses
import inspect
from pathlib import Path

import pytest

from soptui import api
from soptui.checker.config import Config
from soptui.loading.loader import load_file
from soptui.model import Sop

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sops" / "awayan" / "pengukuran-kinerja-triwulan.toml"


@pytest.mark.parametrize("cls", [Sop, Config])
def test_every_field_is_declared_once_and_taken_by_the_constructor_in_order(cls):
    # A field added to the annotations alone (as to a dataclass) would never be set: this fails.
    parameters = [name for name in inspect.signature(cls).parameters]
    assert list(cls._fields) == parameters
    if cls is Sop:
        assert list(cls.__annotations__) == parameters


def test_a_sop_compares_without_its_source_text_and_breakage_and_does_not_change():
    sop = load_file(SEED).sop
    same = Sop(**{name: getattr(sop, name) for name in Sop._fields})
    assert same == sop
    if _hashable(sop):  # by its fields, as a frozen dataclass (its pelaksana may refuse)
        assert hash(same) == hash(sop)
    assert sop._replace(text="", broken=frozenset({"x"})) == sop
    assert sop._replace(nama="lain") != sop and sop._replace(nama="lain").nama == "lain"
    assert api.replace(sop, nama="lain") == sop._replace(nama="lain")
    with pytest.raises(ValueError):
        sop._replace(name="lain")
    with pytest.raises(AttributeError):
        sop.nama = "lain"
    with pytest.raises(AttributeError):
        del sop.nama
    assert sop.flow is sop.flow  # cached on the instance, past the refusal to change
    assert repr(sop) == repr(_as_dataclass(sop))


def _as_dataclass(sop):
    """The frozen dataclass `Sop` was, holding the same values."""
    unseen, uncompared = {"source", "text"}, {"source", "text", "broken"}
    cls = dataclasses.make_dataclass("Sop", [
        (name, object, dataclasses.field(repr=name not in unseen, compare=name not in uncompared))
        for name in Sop._fields], frozen=True)
    return cls(**{name: getattr(sop, name) for name in Sop._fields})


def test_a_sop_s_defaults_are_fresh_and_empty():
    one, other = Sop(Path("a.toml"), "A", "U", ()), Sop(Path("a.toml"), "A", "U", ())
    assert one == other and one.pelaksana == {} and one.text == "" and one.broken == frozenset()
    assert one.source is not other.source and one.locate("/nama").line >= 1


def test_a_config_compares_and_prints_field_by_field_and_changes_in_place():
    config = Config()
    assert config == Config() and config != Config(lang="en") and config.severity == {} == config.rules
    assert config.severity is not Config().severity
    config.select = ("SOP1",)
    assert config != Config()
    as_dataclass = dataclasses.make_dataclass("Config", Config._fields)
    assert repr(config) == repr(as_dataclass(**{name: getattr(config, name) for name in Config._fields}))
    with pytest.raises(TypeError):
        hash(config)


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def test_a_config_is_copied_with_fields_changed_as_a_dataclass_was():
    # `dataclasses.replace(config, ...)` worked when Config was a dataclass; `api.replace` is its
    # successor for plugin authors and must take a Config too.
    config = Config(select=("SOP001",), lang="en")
    changed = api.replace(config, lang="id")
    assert changed.lang == "id" and changed.select == ("SOP001",) and changed != config
    assert changed == Config(select=("SOP001",), lang="id")
    with pytest.raises(ValueError):
        config._replace(language="id")
