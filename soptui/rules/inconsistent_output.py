"""What a step hands on should be what the next step takes, named the same way.

## What it checks
The mutu baku items of the steps: each `output` and `kelengkapan` string is one item. Three
things are reported:

- **handoff**: for each arrow from step A to step B (the flow: next row, `ya`/`tidak`,
  `lanjut`) where A has an output and B has a kelengkapan, no output of A matches any
  kelengkapan item of B. Reported at B's kelengkapan. Kelengkapan also lists equipment
  ("Komputer/Laptop", "Box file"), so one matching item is enough. Not reported when a
  kelengkapan item of B is, after normalisation, *equal* to an output of a step before A
  (a step from which A can be reached): B then takes, by its name, something made earlier,
  as a meeting takes the draft made two steps before the invitation. Nor is an arrow back to
  an earlier row (a "tidak" that returns the work for correction): a step's kelengkapan is
  written for the way into it in the document's order.
- **spelling**: two items of the SOP (any step, output or kelengkapan) that are equal after
  normalisation (case, spacing, Draf/Draft, tanda tangan/tandatangan) but written differently,
  other than in case alone ("Surat Masuk" and "surat masuk" are one spelling, capitalised
  differently, as titles and sentences are).
  Reported once for each later spelling, at its first occurrence, naming the first spelling.
- **regression**: a step whose kelengkapan has X and whose output is the draft of that same X
  ("Draf X", "Draft X", "Konsep X"): the document goes backwards. Reported at that output.

## What counts as a match
Both items are normalised: case-folded; runs of whitespace made one space; spaces around `/`
removed; punctuation and bullets at either end stripped; "Draft" and "Konsep" read as "Draf";
"tanda tangan" read as "tandatangan"; and the word "Dokumen" dropped (it names the medium, not
the document: "Draf Dokumen Pengukuran Kinerja" is "Draf Pengukuran Kinerja"). An output
matches a kelengkapan item when the two are then equal, or one of at least two words is
contained in the other as a run of whole words ("Format Isian Data Kinerja Triwulan" matches
"Format Isian Data Kinerja Triwulan Terisi"; "tim" does not match "timbangan"). A single word
matches only as the first word of the other, its head noun ("Konsep" for "Konsep pengukuran
kinerja"): anywhere else it is a modifier, and Lampihong's step 1 output "kinerja" does not
name the "Formulir kinerja yang diterima" of step 2.
The spelling check uses the same normalisation without the Konsep and Dokumen steps ("Konsep"
and "Draf" are different words, not different spellings). The regression check compares X
after the spelling normalisation, with "Konsep" read as "Draf".

On the seed SOPs this reports:

- Awayan 071/02, step 1 -> 2: "Surat Terdisposisi" is not among "Konsep Format Pengukuran
  Kinerja Triwulan": step 2 does not list the disposition it acts on, and nothing makes its
  concept. Step 3 -> 4: step 3 sends the "Format Pengukuran Kinerja Triwulan" out, step 4
  collects "Data Pengukuran Kinerja Triwulan" that no step makes (the filled-in format of
  Awayan 071/03 is missing).
- Lampihong, step 4 -> 5: "Formulir kinerja" becomes "pengukuran kinerja" with no step between.
- Wangon, steps 1 -> 2 ("Disposisi Pimpinan" / "Form Pengukuran Kinerja"), 2 -> 3 (it makes
  "Draf Pengukuran Kinerja", the next step sends a "Form Pengukuran Kinerja"), 3 -> 4
  ("Draf masukan dan arahan" / "Undangan Rapat"). Not 4 -> 5: the meeting takes the "Draf
  Pengukuran Kinerja" step 2 made. Regressions at steps 9 and 10: each takes "Dokumen
  Pengukuran Kinerja" and outputs "Draf Dokumen Pengukuran Kinerja".
- Lampihong, step 1 -> 2: step 1 outputs "kinerja", a word that names no document, and step 2
  takes "Formulir kinerja yang diterima".
- Sumbersuko, step 1 -> 2: step 1 makes a "Draft tim perumus", step 2 takes a "Tim".

And it does not report: Awayan 071/03 (every handoff matches, "Draft Format Isian ..." ->
"Format Isian ..." by containment); Awayan 071/02 steps 4 -> 5 -> 8 -> 9 ("Data Pengukuran
Kinerja Triwulan" -> "... Terverifikasi" -> "... Bertanda Tangan", equal or contained);
Sumbersuko's "Pengukuran kinerja" beside "Pengukuran Kinerja" (case alone); Lampihong 5 -> 6 ("pengukuran kinerja yang telah ditandatangani" contains "Dokumen pengukuran
kinerja" once "Dokumen" is dropped); Sumbersuko 3 -> 4 ("Draft pengukuran kinerja" hands on
to "Konsep": Konsep reads as Draf); Wangon 5 -> 6 ("Draf Pengukuran Kinerja" / "Draf Dokumen
Pengukuran Kinerja"); Sumbersuko 7 -> 3 if transcribed as the "tidak" that sends the concept
back to the Kasubag (an arrow back). A step without output or without kelengkapan (Sumbersuko
step 9) is not judged.

## Why it matters
The mutu baku columns say what each step needs and what it delivers, so that the chain can be
checked and each handoff audited. When a step delivers something the next step does not take,
either an input is missing from the table, a step is missing from the procedure, or the same
document goes by two names; in each case the reader cannot tell what actually moves.

## Example
The Wangon SOP on pengukuran kinerja:

```toml
[[langkah]]
no = 10
kegiatan = "Menyampaikan dokumen pengukuran kinerja kepada camat untuk meminta persetujuan"
kelengkapan = ["Dokumen Pengukuran Kinerja"]
output = ["Draf Dokumen Pengukuran Kinerja"]
```

## Instead
Name each document the same way from step to step, let each step take what the one before
delivers, and let a draft become final rather than the reverse:

```toml
[[langkah]]
no = 10
kegiatan = "Menyampaikan dokumen pengukuran kinerja kepada camat untuk meminta persetujuan"
kelengkapan = ["Draf Dokumen Pengukuran Kinerja"]
output = ["Draf Dokumen Pengukuran Kinerja"]
```
"""

from __future__ import annotations

import re
from collections import deque
from functools import lru_cache

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text
from ..model import FLOW_INPUTS

_END_PUNCT = " \t\"'.,;:!?-–—•*()[]"
_DRAFT = re.compile(r"\bdraft\b")
_KONSEP = re.compile(r"\bkonsep\b")
_DOKUMEN = re.compile(r"\bdokumen\b")
_TANDA_TANGAN = re.compile(r"tanda\s+tangan")
_SLASH = re.compile(r"\s*/\s*")
DRAF = "draf"


class InconsistentOutput(Rule):
    __doc__ = __doc__
    code = "SOP104"
    name = "inconsistent-output"
    needs = (
        *FLOW_INPUTS,
        "langkah.kelengkapan",
        "langkah.output",
    )
    severity = Severity.WARNING

    def check(self, sop, context):
        yield from _handoffs(sop)
        yield from _spellings(sop)
        yield from _regressions(sop)


# The same item names recur from step to step and from SOP to SOP: normalise each name once.
@lru_cache(maxsize=8192)
def written(item: str) -> str:
    """An item as written, without the spacing and end punctuation nobody sees."""
    return " ".join(item.split()).strip(_END_PUNCT)


@lru_cache(maxsize=8192)
def spelling_key(item: str) -> str:
    """Equal for two spellings of one name: case, spacing, Draf/Draft, tanda tangan."""
    key = _SLASH.sub("/", written(item).casefold())
    key = _TANDA_TANGAN.sub("tandatangan", key)
    return _DRAFT.sub(DRAF, key)


@lru_cache(maxsize=8192)
def draft_key(item: str) -> str:
    """`spelling_key`, with "Konsep" read as "Draf"."""
    return _KONSEP.sub(DRAF, spelling_key(item))


@lru_cache(maxsize=8192)
def match_key(item: str) -> str:
    """`draft_key` without the word "dokumen" (unless that is all there is)."""
    key = draft_key(item)
    dropped = " ".join(_DOKUMEN.sub(" ", key).split())
    return dropped or key


def matches(a: str, b: str) -> bool:
    """Two items name the same thing: equal match keys, or one of two or more words inside the
    other as whole words. A single word matches only as the other's first word, its head noun
    ("Konsep" for "Konsep pengukuran kinerja"); elsewhere it is a modifier ("kinerja" in
    "Formulir kinerja") and names no document."""
    a, b = match_key(a), match_key(b)
    if not a or not b:
        return False
    if a == b:
        return True
    inner, outer = (a, b) if len(a) <= len(b) else (b, a)
    if " " not in inner:
        return outer.startswith(inner + " ")
    return f" {inner} " in f" {outer} "


def _upstream(sop, step) -> list:
    """The steps from which `step` can be reached, not counting itself."""
    seen, queue = {step.index}, deque([step])
    found = []
    while queue:
        for previous in sop.flow.previous(queue.popleft()):
            if previous.index not in seen:
                seen.add(previous.index)
                found.append(previous)
                queue.append(previous)
    return found


def _handoffs(sop):
    for a in sop.langkah:
        if not a.output:
            continue
        for edge in sop.flow.next(a):
            b = edge.target
            if b is None or b.index <= a.index or not b.kelengkapan:  # a way back: see the doc
                continue
            if any(matches(out, kel) for out in a.output for kel in b.kelengkapan):
                continue
            taken = {match_key(kel) for kel in b.kelengkapan}
            if any(match_key(out) in taken for earlier in _upstream(sop, a) for out in earlier.output):
                continue
            outputs = ", ".join(f'"{written(out)}"' for out in a.output)
            kelengkapan = ", ".join(f'"{written(kel)}"' for kel in b.kelengkapan)
            yield Violation(b.pointer + "/kelengkapan", Text(
                f"kelengkapan langkah {b.no} ({kelengkapan}) tidak memuat output langkah {a.no} "
                f"({outputs}); cantumkan output itu, atau samakan namanya",
                f"the {english_name('kelengkapan')} of step {b.no} ({kelengkapan}) do not take the {english_name('output')} of step "
                f"{a.no} ({outputs}); list that output, or name the document the same way",
            ))


def _items(sop):
    """(pointer, step, where, text) of every kelengkapan and output item, in step order."""
    return [
        (f"{step.pointer}/{where}/{i}", step, where, text)
        for step in sop.langkah
        for where in ("kelengkapan", "output")
        for i, text in enumerate(getattr(step, where))
    ]


def _in_file_order(sop, items):
    """`items` sorted by where they are written (a step may list output before kelengkapan)."""
    def position(item):
        pos = sop.locate(item[0])
        return (pos.line, pos.col)

    return sorted(items, key=position)


def _written_two_ways(sop) -> set[str]:
    """The spelling keys of the names this SOP writes in more than one way."""
    # a step's output is usually the next one's kelengkapan: look at each text once
    texts = {text for step in sop.langkah for text in (*step.kelengkapan, *step.output)}
    forms: dict[str, set[str]] = {}  # spelling key -> the ways it is written
    for text in texts:
        key = spelling_key(text)
        if key:  # case is not spelling: "Surat Masuk" and "surat masuk" are one way of writing it
            forms.setdefault(key, set()).add(written(text).casefold())
    return {key for key, seen in forms.items() if len(seen) > 1}


def _spellings(sop):
    # Most SOPs write each name one way: find the names written two ways before building pointers.
    keys = _written_two_ways(sop)
    if not keys:
        return
    groups: dict[str, list] = {}  # spelling key -> its items
    for item in _items(sop):
        key = spelling_key(item[3])
        if key in keys:
            groups.setdefault(key, []).append(item)
    # Only a name written two ways needs positions, to know which spelling came first.
    reported: set[tuple[str, str]] = set()
    for group in groups.values():
        (_, first_step, first_where, first_text), *rest = _in_file_order(sop, group)
        first = written(first_text)
        for pointer, _step, _where, text in rest:
            form = written(text)
            if form.casefold() == first.casefold() or (first.casefold(), form.casefold()) in reported:
                continue
            reported.add((first.casefold(), form.casefold()))
            yield Violation(pointer, Text(
                f'"{form}" ditulis berbeda dengan "{first}" (langkah {first_step.no}, {first_where}) '
                f"padahal namanya sama; samakan penulisannya",
                f'"{form}" is spelled differently from "{first}" (step {first_step.no}, {english_name(first_where)}) '
                f"though it names the same thing; spell it one way",
            ))


def _regressions(sop):
    for step in sop.langkah:
        drafts = [(i, out, key) for i, out in enumerate(step.output)
                  if (key := draft_key(out)).startswith(DRAF + " ")]
        if not drafts:  # a step that makes no draft cannot go backwards
            continue
        finals = {draft_key(kel): written(kel) for kel in step.kelengkapan
                  if not draft_key(kel).startswith(DRAF + " ")}
        for i, out, key in drafts:
            final = finals.get(key[len(DRAF) + 1:])
            if final is None:
                continue
            yield Violation(f"{step.pointer}/output/{i}", Text(
                f'langkah {step.no} menerima "{final}" tetapi menghasilkan drafnya '
                f'("{written(out)}"): dokumen mundur menjadi draf',
                f'step {step.no} takes "{final}" but outputs its draft ("{written(out)}"): '
                f"the document goes back to a draft",
            ))
