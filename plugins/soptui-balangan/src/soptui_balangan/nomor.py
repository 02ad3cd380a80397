"""A Balangan SOP's nomor follows the kabupaten's tata naskah dinas.

## What it checks
For SOPs of Kabupaten Balangan, the `nomor` matches the configured pattern. The default accepts
both forms seen in the kabupaten's kecamatan: `071/02/KEC.AWY/VII/2023` (Awayan: kode
klasifikasi / urut / unit / bulan romawi / tahun) and `01/SOP/KEC-LPHG/III/2024` (Lampihong).

## Why it matters
The Bagian Organisasi registers SOPs by number; a number in another shape cannot be filed.

## Example
```toml
nomor = "SOP-7/2023"
```

## Instead
```toml
nomor = "071/07/KEC.AWY/VII/2023"
```

## Options
```toml
[tool.soptui.rules.balangan-nomor]
pattern = '^\\d{2,3}/(\\d{2}|SOP)/KEC[.-][A-Z]{3,5}/[IVX]{1,4}/\\d{4}$'
```
"""

import re

from soptui.api import Rule, Severity, Text, Violation

from .scope import is_balangan

DEFAULT_PATTERN = r"^\d{2,3}/(\d{2}|SOP)/KEC[.-][A-Z]{3,5}/[IVX]{1,4}/\d{4}$"


class NomorPattern(Rule):
    __doc__ = __doc__
    code = "BLG001"
    name = "balangan-nomor"
    severity = Severity.WARNING
    options_schema = {
        "type": "object",
        "properties": {"pattern": {"type": "string", "format": "regex", "default": DEFAULT_PATTERN}},
        "additionalProperties": False,
    }

    def check(self, sop, context):
        if not is_balangan(sop):
            return
        if not sop.nomor:
            yield Violation(pointer="/nama", message=Text(id="SOP Balangan tanpa nomor",
                                                          en="a Balangan SOP without a nomor"))
        elif not re.match(self.options["pattern"], sop.nomor.strip()):
            yield Violation(pointer="/nomor", message=Text(
                id=f"nomor {sop.nomor!r} tidak mengikuti pola tata naskah dinas Kabupaten Balangan",
                en=f"nomor {sop.nomor!r} does not follow Kabupaten Balangan's numbering pattern",
            ))
