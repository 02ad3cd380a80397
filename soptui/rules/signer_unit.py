"""The signer's jabatan names the SOP's own unit, spelled as the unit spells it.

## What it checks
When the `unit` is a kecamatan, kelurahan or desa ("Kecamatan Lampihong") and the jabatan of
`[disahkan_oleh]` names a place after its title ("Camat Lamphong", "Lurah Sukamaju", "Kepala
Desa X", "Camat Sumbersuko Kabupaten Lumajang"), that place must be the unit's name. Compared
without case, punctuation, spaces or hyphens ("Sumber Suko" = "Sumbersuko"), and with
"Kec."/"Kecamatan", "Kel."/"Kelurahan" and "Plt."/"Pj." accepted. A jabatan with no place
("Camat") is not checked. Reported, with both names:
- a name close to the unit's (one or two letters apart): a misspelling;
- any other name: another unit's jabatan, as when an SOP is copied from the next kecamatan.

## Why it matters
The pengesahan makes the SOP effective. Signed by "Camat" of another kecamatan, or of a
kecamatan spelled wrong, it is not the competent official's signature as written, and a
reviewer sends it back.

## Example
Lampihong's SOP (unit "Kecamatan Lampihong") is signed:

```toml
[disahkan_oleh]
jabatan = "Camat Lamphong"
```

## Instead
```toml
[disahkan_oleh]
jabatan = "Camat Lampihong"
```
"""

from __future__ import annotations

import re

from ..checker.rule import Rule, Severity, Violation
from ..field_names import SIGNER_PARTS
from ..i18n import Text

# the unit's level and name: "Kecamatan Lampihong", "Kec. Awayan", "Kelurahan Sukamaju", "Desa X"
_UNIT = re.compile(r"^\s*(?:(?:pemerintah|kantor)\s+)?(kecamatan|kec\b\.?|kelurahan|kel\b\.?|desa|kampung|nagari|gampong)"
                   r"\s*(?P<name>.+)$", re.I)
# the place a jabatan names: after "Camat", "Lurah", "Kepala Desa", "Sekretaris Kecamatan", ...
_JABATAN = re.compile(
    r"\b(?:camat|lurah|kepala\s+(?:desa|kelurahan|kampung)|kades|(?:kecamatan|kec\b\.?|kelurahan|kel\b\.?|desa))"
    r"\s+(?:(?:kecamatan|kec\b\.?|kelurahan|kel\b\.?|desa)\s*)?(?P<name>[a-z][a-z .'-]*)", re.I)
# where the place's name ends: the kabupaten, kota or provinsi above it
_ABOVE = re.compile(r"\s+(?:kabupaten|kab\b|kota|provinsi|prov\b|pemerintah)\b.*$", re.I)
_LETTERS = re.compile(r"[^a-z]")


def place_key(name: str) -> str:
    """A place name as compared: lower-case letters only ("Sumber-Suko" -> "sumbersuko")."""
    return _LETTERS.sub("", name.casefold())


def unit_place(unit: str) -> str | None:
    """The name of a kecamatan, kelurahan or desa unit ("Kecamatan Lampihong" -> "Lampihong")."""
    match = _UNIT.match(unit)
    return _ABOVE.sub("", match["name"]).strip(" .,") if match else None


def jabatan_place(jabatan: str) -> str | None:
    """The place a jabatan names ("CAMAT SUMBERSUKO Kabupaten Lumajang" -> "SUMBERSUKO")."""
    match = _JABATAN.search(jabatan)
    if not match:
        return None
    return _ABOVE.sub("", match["name"]).strip(" .,'-") or None


def letters_apart(a: str, b: str) -> int:
    """Levenshtein distance; names are short."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


class SignerUnit(Rule):
    __doc__ = __doc__
    code = "SOP308"
    name = "signer-unit"
    needs = ("disahkan_oleh", "unit")
    severity = Severity.WARNING

    def check(self, sop, context):
        signer = sop.disahkan_oleh
        if signer is None or not signer.jabatan:
            return
        unit = unit_place(sop.unit)
        named = jabatan_place(signer.jabatan)
        if not unit or not named:
            return
        want, got = place_key(unit), place_key(named)
        if not got or want == got:
            return
        if letters_apart(want, got) <= max(1, min(2, len(want) // 4)):
            yield Violation("/disahkan_oleh/jabatan", Text(
                f"jabatan penanda tangan menulis {named!r}, unit SOP {unit!r}: salah eja nama unit?",
                f"the signer's {SIGNER_PARTS['jabatan'].en} writes {named!r}, the SOP's unit is {unit!r}: a misspelling?"))
        else:
            yield Violation("/disahkan_oleh/jabatan", Text(
                f"jabatan penanda tangan ({signer.jabatan!r}) menyebut {named!r}, bukan unit SOP {sop.unit!r}",
                f"the signer's {SIGNER_PARTS['jabatan'].en} ({signer.jabatan!r}) names {named!r}, not the SOP's unit {sop.unit!r}"))
