"""Dasar hukum items follow the hierarchy of legislation, and within one level, the year.

## What it checks
The order of the `dasar_hukum` items: Undang-Undang Dasar, then Undang-Undang and Perppu,
Peraturan Pemerintah, Peraturan and Keputusan Presiden, the regulations of ministers and agencies
(Permen, Kepmen, Peraturan Kepala BKN), Peraturan Daerah (provinsi before kabupaten/kota),
Peraturan Kepala Daerah (Pergub, then Perbup and Perwali), and last the Keputusan of a Gubernur,
Bupati, Wali Kota or Camat. Within one level, older regulations come first. An item that should
come before an earlier item is reported, naming that item. Items soptui cannot read are skipped.

## Why it matters
The hierarchy of legislation (UU 12/2011) is how a reader weighs the legal basis: the higher
regulation prevails. Listing it in that order is the convention of official documents, and an
SOP listed out of order is harder to check against its parents.

## Example
The Lampihong SOP lists a Peraturan Pemerintah after two Peraturan Menteri Dalam Negeri, and
Permendagri 73/2009 after Permendagri 52/2011:

```toml
dasar_hukum = [
  "Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang ...",
  "Permendagri No. 73 tahun 2009 tentang ...",
  "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang ...",
]
```

## Instead
`soptui lint --fix` reorders the items (when every item can be read), a safe fix: every item is
kept as written, only the order changes.

```toml
dasar_hukum = [
  "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang ...",
  "Permendagri No. 73 tahun 2009 tentang ...",
  "Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang ...",
]
```
"""

from __future__ import annotations

from functools import lru_cache

from ..checker.rule import Applicability, Edit, Fix, Rule, Severity, Violation
from ..citation import Citation, region_key
from ..field_names import english_name
from ..i18n import Text
from ._regulations import item, pointer

# level in the hierarchy of legislation, by kind
RANK = {
    "uud": 0,
    "uu": 1, "perppu": 1,
    "pp": 2,
    "perpres": 3, "keppres": 3,
    "permendagri": 4, "permenpanrb": 4, "kepmenpan": 4, "permen": 4, "kepmen": 4, "perka_bkn": 4, "perka": 4,
    "perda": 5,
    "pergub": 6, "perbup": 6, "perwali": 6,
    "kepgub": 7, "kepbup": 7, "kepwali": 7, "kepcamat": 7,
}
LEVEL_NAMES = {
    0: Text("UUD", "the Constitution"), 1: Text("UU/Perppu", "UU/Perppu"), 2: Text("PP", "PP"),
    3: Text("Perpres/Keppres", "Perpres/Keppres"), 4: Text("peraturan menteri/lembaga", "ministerial/agency regulations"),
    5: Text("Perda", "Perda"), 6: Text("Perkada", "Perkada"), 7: Text("keputusan kepala daerah/camat", "decrees of a regional head/camat"),
}


@lru_cache(maxsize=4096)  # citations recur from SOP to SOP (`parse_citation` gives the same one)
def order_key(citation: Citation) -> tuple[int, int, int] | None:
    """(level, provinsi before the rest, year) of a readable citation; None otherwise."""
    if not citation.recognised or citation.kind not in RANK:
        return None
    if citation.kind in ("pergub", "kepgub"):
        province = 0
    elif citation.kind == "perda":
        province = 0 if citation.region and region_key(citation.region)[0] == "provinsi" else 1
    else:
        province = 1 if RANK[citation.kind] >= 5 else 0
    return RANK[citation.kind], province, citation.tahun or 0


class DasarHukumOrder(Rule):
    __doc__ = __doc__
    code = "SOP506"
    name = "dasar-hukum-order"
    needs = ("dasar_hukum",)
    severity = Severity.INFO
    fixable = True
    fix_safety = (Applicability.SAFE,)

    def check(self, sop, context):
        keys = [order_key(c) for c in sop.dasar_hukum]
        fix = None
        earlier: list[tuple[tuple, int]] = []
        highest = None  # the greatest key so far: an item at or above it comes after no earlier one
        for index, (citation, key) in enumerate(zip(sop.dasar_hukum, keys)):
            if key is None:
                continue
            in_order = highest is None or key >= highest
            after = None if in_order else next(i for k, i in earlier if k > key)
            earlier.append((key, index))
            if in_order:
                highest = key
                continue
            if fix is None and None not in keys:
                fix = _reorder(sop, keys)
            this_id, this_en = item(index, citation)
            that_id, that_en = item(after, sop.dasar_hukum[after])
            if key[0] < keys[after][0]:
                why = Text(f"{LEVEL_NAMES[key[0]].id} lebih tinggi dari {LEVEL_NAMES[keys[after][0]].id}",
                           f"{LEVEL_NAMES[key[0]].en} rank above {LEVEL_NAMES[keys[after][0]].en}")
            elif key[1] < keys[after][1]:
                why = Text("peraturan provinsi sebelum kabupaten/kota", "provincial regulations come first")
            else:
                why = Text("pada tingkat yang sama, yang lebih lama lebih dulu", "within a level, older first")
            yield Violation(pointer(index), Text(
                f"{this_id} seharusnya sebelum {that_id}: {why.id}",
                f"{this_en} should come before {that_en}: {why.en}",
            ), fix)


def _reorder(sop, keys) -> Fix:
    order = sorted(range(len(keys)), key=lambda i: (keys[i], i))
    # One edit of the whole list, not one per item: set to a reordering of its items, the list
    # keeps each item's end-of-line comment (a waiver written with `w`) with its item.
    edit = Edit("/dasar_hukum", [sop.dasar_hukum[source].text for source in order])
    return Fix(Text("urutkan dasar hukum menurut hierarki dan tahun", f"order the {english_name('dasar_hukum')} by hierarchy and year"),
               (edit,), Applicability.SAFE)
