"""Baselines: record today's findings so that only new ones are reported from now on.

This is how a kabupaten adopts soptui on hundreds of existing SOPs: write a baseline once, gate
CI on new findings, and pay down the old ones at its own pace. A finding is identified by rule,
file and English message, not by line, so edits that move lines do not resurrect it; the same
finding twice in a file is counted twice.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..atomic import atomic_write_text
from ..files import read_regular_text
from ..i18n import Text, TextError, glossed
from .finding import Finding

VERSION = 1


class BaselineError(TextError):
    """A baseline that cannot be used."""


def write_baseline(path: Path, findings: list[Finding]) -> None:
    entries = [{"code": c, "path": p, "message": m} for c, p, m in sorted(f.fingerprint() for f in findings)]
    atomic_write_text(path, json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n")


def filter_new(path: Path, findings: list[Finding]) -> list[Finding]:
    """The findings not recorded in the baseline at `path`."""
    try:
        data = json.loads(read_regular_text(path))
        known = Counter((e["code"], e["path"], e["message"]) for e in data["findings"])
    except FileNotFoundError:
        raise BaselineError(glossed("baseline tidak ada", "no such baseline", f": {path}")) from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BaselineError(Text(f"baseline {path} tidak terbaca (unreadable): {error}",
                                 f"baseline {path} is unreadable: {error}")) from None
    new = []
    for finding in findings:
        key = finding.fingerprint()
        if known[key] > 0:
            known[key] -= 1
        else:
            new.append(finding)
    return new
