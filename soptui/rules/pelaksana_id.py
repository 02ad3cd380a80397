"""A `[pelaksana]` id is lowercase letters, digits and `_`, starting with a letter.

## What it checks
Each key of the `[pelaksana]` table: `camat`, `kasubbag_umum`, `staf2` pass; `Camat`,
`kasi pem`, `"1_staf"` and `"kasi-pem"` do not.

## Why it matters
The id is how a step names its actor (`pelaksana = "kasubbag_umum"`), in the file and in the
tools that edit it. One spelling of ids keeps them easy to type and to compare: a step that writes
`camat` for a column declared `Camat` is a step without an actor.

## Example
```toml
[pelaksana]
"Kasi Pem" = "Kepala Seksi Pemerintahan"
```

## Instead
```toml
[pelaksana]
kasi_pem = "Kepala Seksi Pemerintahan"
```
"""

from __future__ import annotations

import re

from ..checker.rule import Rule, Severity, Violation
from ..field_names import english_name
from ..i18n import Text

ID = re.compile(r"[a-z][a-z0-9_]*")


class PelaksanaId(Rule):
    __doc__ = __doc__
    code = "SOP022"
    name = "pelaksana-id"
    needs = ("pelaksana",)
    severity = Severity.ERROR
    group = "format"

    def check(self, sop, context):
        for actor in sop.pelaksana:
            if ID.fullmatch(actor) is None:
                # escaped here, not with loading.positions.escape: the lint path does not import that module
                pointer = "/pelaksana/" + actor.replace("~", "~0").replace("/", "~1")
                yield Violation(pointer, Text(
                    f"id pelaksana `{actor}` harus huruf kecil, angka dan _, diawali huruf (mis. `kasubbag_umum`)",
                    f"{english_name('pelaksana')} id `{actor}` must be lowercase letters, digits and _, starting with a letter "
                    "(e.g. `kasubbag_umum`)",
                ))
