"""The SOP names who approved it (Disahkan Oleh): jabatan, name and a valid NIP.

## What it checks
- no `[disahkan_oleh]` at all, or one without `jabatan`, `nama` or `nip` (one finding each);
- a NIP that, without spaces, is not 18 digits;
- a NIP whose parts are impossible. A PNS's NIP (PP 9/2003, BKN) is built as
  `YYYYMMDD YYYYMM S NNN`: birth date (8 digits), month of appointment as CPNS (6), sex (1 or 2),
  serial number (3). Reported: a birth date that is not a date, or before 1940, or less than 17
  years before today; an appointment month that is not a month, or before the person's 17th year
  or after today; a sex digit other than 1 or 2.

## Why it matters
The standard makes an SOP effective when the competent official signs it, with name and NIP.
An SOP without a signer is a draft, whatever its tanggal efektif says; a wrong NIP means the
pengesahan cannot be traced to an official.

## Example
Awayan's SOP 071/03 and Wangon's SOP leave "Disahkan Oleh" blank.

## Instead
```toml
[disahkan_oleh]
jabatan = "Camat Awayan"
nama = "Aswal Salahudin, S.IP"
nip = "197012081992031007"
```
"""

from __future__ import annotations

import datetime as dt

from ..checker.rule import Rule, Severity, Violation
from ..field_names import SIGNER, SIGNER_PARTS
from ..i18n import Text

PARTS = {key: SIGNER_PARTS[key] for key in ("jabatan", "nama", "nip")}  # the pangkat may be left out


def nip_problems(nip: str, today: dt.date) -> list[Text]:
    digits = "".join(nip.split())
    if not (digits.isascii() and digits.isdigit() and len(digits) == 18):  # "²" is a digit to isdigit
        return [Text(f"NIP {nip!r} bukan 18 digit", f"NIP {nip!r} is not 18 digits")]
    found = []
    try:
        born = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return [Text(f"tanggal lahir dalam NIP ({digits[:8]}) bukan tanggal",
                     f"the birth date in the NIP ({digits[:8]}) is not a date")]
    # compared as (year, month, day), not with today.replace(year=...), which has no 29 February
    if born.year < 1940 or (born.year + 17, born.month, born.day) > (today.year, today.month, today.day):
        found.append(Text(f"tanggal lahir dalam NIP ({born}) tidak mungkin untuk PNS",
                          f"the birth date in the NIP ({born}) is impossible for a civil servant"))
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        found.append(Text(f"bulan pengangkatan dalam NIP ({digits[8:14]}) bukan bulan",
                          f"the appointment month in the NIP ({digits[8:14]}) is not a month"))
    elif (year, month) < (born.year + 17, born.month) or (year, month) > (today.year, today.month):
        found.append(Text(f"pengangkatan CPNS dalam NIP ({year}-{month:02d}) tidak cocok dengan tanggal lahir atau hari ini",
                          f"the CPNS appointment in the NIP ({year}-{month:02d}) does not fit the birth date or today"))
    if digits[14] not in "12":
        found.append(Text(f"digit jenis kelamin dalam NIP ({digits[14]}) harus 1 atau 2",
                          f"the sex digit in the NIP ({digits[14]}) must be 1 or 2"))
    return found


class MissingPengesahan(Rule):
    __doc__ = __doc__
    code = "SOP301"
    name = "missing-pengesahan"
    needs = ("disahkan_oleh",)
    severity = Severity.ERROR

    def check(self, sop, context):
        signer = sop.disahkan_oleh
        if signer is None:
            yield Violation("/nama", Text("SOP belum disahkan: \"Disahkan Oleh\" kosong (tanpa jabatan, nama dan NIP)",
                                          f"the SOP is not approved: \"{SIGNER.en}\" is blank (no position, name or NIP)"))
            return
        for key, label in PARTS.items():
            if not (getattr(signer, key) or "").strip():
                yield Violation("/disahkan_oleh", Text(f"pengesahan tanpa {label.id}",
                                                       f"the approval has no {label.en}"))
        if signer.nip and signer.nip.strip():
            for message in nip_problems(signer.nip, context.today):
                yield Violation("/disahkan_oleh/nip", message)
