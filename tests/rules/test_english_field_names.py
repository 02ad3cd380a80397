"""English messages name a field as the English UI labels it ("the Requirements of step 2"),
not by the format's key ("the kelengkapan of step 2") that the Indonesian ones use; the words
are one table (soptui/field_names.py) that the UI's labels are taken from too."""

import re
from pathlib import Path

import pytest

from soptui.checker.config import Config
from soptui.checker.engine import Checker
from soptui.checker.plugins import load_plugins
from soptui.checker.rule import Context
from soptui.field_names import IDENTITY_FIELDS, SECTION_TITLES, STEP_FIELDS
from soptui.loading.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
# tests/data/field-names.toml: a SOP with a defect in nearly every field
FILES = [ROOT / "tests/data/field-names.toml", *sorted((ROOT / "sops").glob("*/*.toml"))]
# the keys of the format, as an English message must not write them bare
KEYS = re.compile(r"\b(kegiatan|kelengkapan|waktu|keterangan|pelaksana|simbol|dasar[ _]hukum|kualifikasi|"
                  r"keterkaitan|peralatan|peringatan|pencatatan|tanggal_\w+|nomor|instansi|alamat|jabatan|disahkan)\b",
                  re.IGNORECASE)
# what a message quotes: the SOP's own text ('...', "..."), a key named as a key (`...`), a table
# ([...]), a regulation's title (tentang ...)
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\[[^\]]*\]|tentang [^(;:]*")


@pytest.fixture(scope="module")
def findings():
    checker = Checker(load_plugins().rule_classes(), Config(), Context())
    return [f for path in FILES for f in checker.check_loaded(load_file(path)).findings]


def test_no_english_message_names_a_field_by_its_key(findings):
    assert len({f.code for f in findings}) >= 20  # the messages of many rules are looked at
    bare = [f"{f.name}: {f.message.en}" for f in findings if KEYS.search(QUOTED.sub("", f.message.en))]
    bare += [f"{f.name} fix: {f.fix.description.en}" for f in findings
             if f.fix is not None and KEYS.search(QUOTED.sub("", f.fix.description.en))]
    assert not bare, "\n".join(bare)


@pytest.mark.parametrize("code, english, indonesian", [
    ("SOP104", 'the Requirements of step 2 ("Formulir") do not take the Output of step 1 ("Disposisi")',
     'kelengkapan langkah 2 ("Formulir") tidak memuat output langkah 1 ("Disposisi")'),
    ("SOP102", "step 2 has no Time (mutu baku)", "langkah 2 tanpa waktu (mutu baku)"),
    ("SOP021", "the Time 'segera' of step 1 cannot be read", "waktu 'segera' langkah 1 tidak terbaca"),
    ("SOP105", "step 3 has no Actor", "langkah 3 tanpa pelaksana"),
    ("SOP302", "Date effective (2023-02-01) is before Date made (2023-07-26)",
     "tanggal_efektif (2023-02-01) sebelum tanggal_pembuatan (2023-07-26)"),
    ("SOP306", "the Equipment section is empty", "bagian Peralatan/Perlengkapan kosong"),
    ("SOP307", "is already listed at item 1 of the Requirements of step 1", "sudah tercantum di butir 1 kelengkapan langkah 1"),
    ("SOP020", "item 1 of the Output of step 2 is blank", "butir 1 output langkah 2 kosong"),
])
def test_the_english_message_uses_the_uis_word_and_the_indonesian_one_is_unchanged(findings, code, english, indonesian):
    messages = [f.message for f in findings if f.code == code]
    assert any(english in m.en for m in messages), [m.en for m in messages]
    assert any(indonesian in m.id for m in messages), [m.id for m in messages]


def test_the_ui_labels_fields_with_the_same_words():
    from soptui.tui.strings import say
    from soptui.tui.widgets.identity import IdentityView

    for key in ("kegiatan", "kelengkapan", "waktu", "output", "keterangan", "pelaksana"):
        name = STEP_FIELDS[key]
        assert (say(name.id, "id"), say(name.id, "en")) == tuple(name)
    assert (STEP_FIELDS["kelengkapan"].en, IDENTITY_FIELDS["tanggal_pembuatan"].en, SECTION_TITLES["dasar_hukum"].en) == \
        ("Requirements", "Date made", "Legal basis")
    assert IdentityView  # the Identitas tab takes its rows' labels from the same table (test_language)
