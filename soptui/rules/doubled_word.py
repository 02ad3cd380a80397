"""No word is written twice in a row ("tentang tentang").

## What it checks
Every text of the SOP (its name, the identity fields, each section's items, the dasar hukum
items, the signer, the pelaksana, and each step's kegiatan, kelengkapan, output and keterangan)
for a word of two or more letters followed by the same word, ignoring case: "tentang tentang",
"Data data". Indonesian writes a reduplicated word with a hyphen ("masing-masing",
"undang-undang"), so two equal words separated by a space are a slip. A function word
("tentang", "dan", "yang", ...) has no plural: its fix removes the repeat, safely (`soptui lint
--fix`). Any other word doubled is most often a plural written without its hyphen ("kelompok
kelompok" for "kelompok-kelompok"), which the message says: its fix writes the hyphen, as the
message advises, and only with `--unsafe-fixes`, since the repeat may instead be a slip for the
one word. A text with both kinds has one fix that mends each pair its way.

## Why it matters
A doubled word is the mark of a text edited in a hurry; in a dasar hukum item it also breaks
the regulation's title as a reader looks it up.

## Example
```toml
dasar_hukum = ["Undang-Undang Nomor 25 Tahun 2009 tentang tentang Pelayanan Publik"]
```

## Instead
```toml
dasar_hukum = ["Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"]
```
"""

from __future__ import annotations

import re
from operator import eq

from ..checker.rule import Applicability, Edit, Fix, Rule, Severity, Violation
from ..i18n import Text

# a word of letters, then whitespace, then the same word (case-blind), not part of a longer word
# or of a hyphenated pair ("undang-undang undang" is not reported: hyphen before the repeat)
_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]{2,})\s+\1(?![\w-])", re.I)
FIELDS = ("nama", "nomor", "instansi", "unit", "alamat")
LISTS = ("kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan")
# words that have no plural: for them the message offers no hyphenated form
FUNCTION_WORDS = frozenset("""tentang dan di ke dari yang untuk dengan atau pada oleh dalam serta atas bagi
    kepada sebagai telah akan ini itu tidak jika apabila bila maka agar supaya karena bahwa terhadap
    tersebut melalui sehingga""".split())
STEP_TEXTS = ("kegiatan", "keterangan")
STEP_LISTS = ("kelengkapan", "output")


def _values(sop) -> list[str]:
    """The texts of `texts(sop)`, in its order, without their pointers (cheaper to build)."""
    values = [value for value in (getattr(sop, key) for key in FIELDS) if value]
    for key in LISTS:
        values += getattr(sop, key)
    values += [citation.text for citation in sop.dasar_hukum]
    if sop.disahkan_oleh:
        values += [value for value in (sop.disahkan_oleh.jabatan, sop.disahkan_oleh.nama, sop.disahkan_oleh.pangkat)
                   if value]
    values += sop.pelaksana.values()
    for step in sop.langkah:
        if step.kegiatan:
            values.append(step.kegiatan)
        if step.keterangan:
            values.append(step.keterangan)
        values += step.kelengkapan
        values += step.output
    return values


# Texts the sieves below found no doubled word in. The same texts recur from SOP to SOP (a
# jabatan, a regulation's title, "Disposisi"), and a file whose texts are all here needs no
# sieve. Kept to a bound, for a corpus whose texts are all different.
_CLEAN: set[str] = set()
_CLEAN_KEPT = 16384


# What `check` strips from the end of the second word of a pair; the first sieve removes it
# everywhere, which can only find more pairs
_TRAILING = ".,;:!?)"
_WITHOUT_TRAILING = str.maketrans("", "", _TRAILING)


def texts(sop):
    """(pointer, text) of every text the SOP holds."""
    for key in FIELDS:
        value = getattr(sop, key)
        if value:
            yield f"/{key}", value
    for key in LISTS:
        for index, value in enumerate(getattr(sop, key)):
            yield f"/{key}/{index}", value
    for index, citation in enumerate(sop.dasar_hukum):
        yield f"/dasar_hukum/{index}", citation.text
    if sop.disahkan_oleh:
        for key in ("jabatan", "nama", "pangkat"):
            value = getattr(sop.disahkan_oleh, key)
            if value:
                yield f"/disahkan_oleh/{key}", value
    for key, value in sop.pelaksana.items():
        yield f"/pelaksana/{key}", value
    for step in sop.langkah:
        for key in STEP_TEXTS:
            value = getattr(step, key)
            if value:
                yield f"{step.pointer}/{key}", value
        for key in STEP_LISTS:
            for index, value in enumerate(getattr(step, key)):
                yield f"{step.pointer}/{key}/{index}", value


class DoubledWord(Rule):
    __doc__ = __doc__
    code = "SOP309"
    name = "doubled-word"
    needs = (*FIELDS, *LISTS, "dasar_hukum", "disahkan_oleh", "pelaksana",
             *(f"langkah.{key}" for key in STEP_TEXTS + STEP_LISTS))
    severity = Severity.WARNING
    fixable = True
    fix_safety = (Applicability.SAFE, Applicability.UNSAFE,)

    def check(self, sop, context):
        # Doubled words are rare, and a regular expression tried at every character of every
        # text is slow: comparing neighbouring words of all the texts at once (a NUL word
        # between texts) decides whether to look text by text. A first sieve compares them in
        # C, with the trailing punctuation removed; only a text it passes is compared word by
        # word. Texts found clean in an earlier file are not sieved again.
        fresh = set(_values(sop)).difference(_CLEAN)
        if not fresh:
            return
        joined = " \0 ".join(fresh).casefold()
        sieved = joined.translate(_WITHOUT_TRAILING).split()
        if any(map(eq, sieved, sieved[1:])):
            words = joined.split()
            if any(a == b.rstrip(_TRAILING) and len(a) > 1 and a.isalpha() for a, b in zip(words, words[1:])):
                yield from _doubled(sop)
                return
        if len(_CLEAN) < _CLEAN_KEPT:
            _CLEAN.update(fresh)


def _doubled(sop):
    """The violations of `sop`, found text by text."""
    for where, text in texts(sop):
        match = _DOUBLED.search(text)
        if match is None:
            continue
        fixed = _DOUBLED.sub(_mended, text)
        every_function_word = all(m[1].casefold() in FUNCTION_WORDS for m in _DOUBLED.finditer(text))
        word = match[1]
        message = Text(f"kata {word!r} tertulis dua kali: {match.group()!r}",
                       f"the word {word!r} is written twice: {match.group()!r}")
        if word.casefold() in FUNCTION_WORDS:
            title = Text(f"tulis {word!r} sekali", f"write {word!r} once")
        else:  # a noun was most likely meant as a plural: the fix writes what the message advises
            plural = _mended(match)
            message = message + Text(f" (bentuk jamak ditulis dengan tanda hubung: {plural!r})",
                                     f" (a plural is written with a hyphen: {plural!r})")
            title = Text(f"tulis {plural!r} dengan tanda hubung", f"write {plural!r} with its hyphen")
        fix = Fix(title, (Edit(where, fixed),), Applicability.SAFE if every_function_word else Applicability.UNSAFE)
        yield Violation(where, message, fix)


def _mended(match: re.Match) -> str:
    """A doubled word as the fix writes it: a function word once, any other word with the
    hyphen of its plural, each half as it was written ("Data data" -> "Data-data")."""
    first, whole = match[1], match.group()
    if first.casefold() in FUNCTION_WORDS:
        return first
    return f"{first}-{whole[len(whole) - len(first):]}"
