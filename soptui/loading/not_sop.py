"""Telling, cheaply, a TOML file that is plainly not an SOP (`ruff.toml`, `.taplo.toml`, a tool's
settings) from an SOP, so that a command given every ``*.toml`` of a repository (pre-commit, a
walk of ``.``) skips it with a note rather than report it as a broken SOP.

"Plainly" is deliberately narrow. A file is skipped when its name is a known tool's
configuration file; or, for a ``*.toml`` file named on the command line (what pre-commit does),
when it has keys or tables and not one of them is a top-level key of the SOP format
(docs/format.md), wherever it stands in the file, and it is valid TOML. A file with no key at
all (empty), one that is not TOML (a README named by mistake: Markdown's "1. item" reads like a
key) and one whose name does not end in ``.toml`` are not skipped: the loader reports what is
wrong with it, as it would for an SOP being written, so a wrong file given to CI fails it. A
regular expression over the first `SNIFF_BYTES` decides, and the first SOP key seen ends the
search (an SOP names `nama` in its first lines); only a file it would skip is parsed.

Files found by walking a folder are judged by their name only: reading each one more time would
cost a corpus of ten thousand SOPs more than a whole unchanged rerun takes (a `stat` a file),
and a folder given is the user's SOPs, where another tool's file is its configuration file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..files import read_regular
from . import toml
from .loader import MAX_FILE_BYTES

# Configuration files of tools that share the .toml suffix (ruff, taplo, Cargo, rustfmt, clippy,
# typos, uv, pixi, Netlify, mypy's and black's in pyproject.toml, soptui's own).
TOOL_CONFIGS = frozenset({
    "pyproject.toml", "soptui.toml", "ruff.toml", ".ruff.toml", "taplo.toml", ".taplo.toml",
    "Cargo.toml", "rustfmt.toml", ".rustfmt.toml", "clippy.toml", ".clippy.toml", "deny.toml",
    "typos.toml", "_typos.toml", ".typos.toml", "uv.toml", "pixi.toml", "netlify.toml",
    "rust-toolchain.toml", "hatch.toml", "pdm.toml", ".pdm.toml", "poetry.toml", "pyrightconfig.toml",
    "cliff.toml", "committed.toml", "dprint.toml", "Pipfile.toml", "book.toml", "Makefile.toml",
})
# The top-level keys of the SOP format (schemas/sop.schema.json's properties)
SOP_KEYS = ("nama", "nomor", "instansi", "unit", "alamat", "tanggal_pembuatan", "tanggal_revisi",
            "tanggal_efektif", "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan",
            "peringatan", "pencatatan_pendataan", "hilang_di_sumber", "disahkan_oleh", "pelaksana", "langkah")
SNIFF_BYTES = 64 * 1024

# A key at the start of a line (`key =`, `key.sub =`, `"key" =`) or a table header (`[key]`,
# `[[key]]`, `[key.sub]`): its first segment.
_KEY_START = r"^[ \t]*(?:\[\[?[ \t]*)?[\"']?"
_KEY_END = r"[\"']?[ \t]*[=.\]]"
_SOP_KEY = re.compile(_KEY_START + "(?:" + "|".join(SOP_KEYS) + ")" + _KEY_END, re.M)
_ANY_KEY = re.compile(_KEY_START + r"([A-Za-z0-9_-]+)" + _KEY_END, re.M)


def why_not_an_sop(path: str | Path, sniff: bool = True) -> str | None:
    """Why `path` is plainly not an SOP (in English, for the note), or None when it may be one.
    Without `sniff`, by its name alone."""
    name = os.path.basename(path)
    if name in TOOL_CONFIGS:
        return "a tool's configuration file"
    if not sniff or not name.endswith(".toml"):
        return None  # named, and not a TOML file's name: the user means it to be checked
    data = _read(path)
    if data is None:
        return None  # the loader says why it cannot be read
    head = data[:SNIFF_BYTES].decode("utf-8", errors="replace")
    if _SOP_KEY.search(head):
        return None
    keys = list(dict.fromkeys(match[1] for match in _ANY_KEY.finditer(head)))
    if not keys or not _is_toml(data):
        return None
    shown = ", ".join(keys[:3]) + (", ..." if len(keys) > 3 else "")
    return f"no key of the SOP format (nama, unit, langkah, ...); its keys: {shown}"


def _read(path: str | Path) -> bytes | None:
    """The bytes of a regular file; None for anything else (a FIFO would wait for a writer: see
    soptui.files), a file the loader refuses unread for its size, or one that cannot be read."""
    try:
        data, _ = read_regular(path, MAX_FILE_BYTES)
    except OSError:
        return None
    return data


def _is_toml(data: bytes) -> bool:
    """Whether `data` parses as TOML (a stray byte that is not UTF-8 aside: that alone does not
    make another tool's file an SOP)."""
    try:
        toml.parse(data.decode("utf-8", errors="replace").lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return False
    return True


def split_not_sops(files: list[str] | list[Path], named: set[str] | set[Path] | frozenset = frozenset()
                   ) -> tuple[list, list[tuple[str | Path, str]]]:
    """(the files that may be SOPs, [(file, why it is not)] for the rest), in the order given.
    The files in `named` (given on the command line, in the form of `files`: names or paths)
    are read; the others judged by name."""
    sops = []
    others = []
    for path in files:
        # Most files of a corpus were found in a folder and are judged by name: that much here,
        # without a call a file (ten thousand of them cost a tenth of a `--changed-since` run).
        name = path[path.rfind(os.sep) + 1:] if type(path) is str else os.path.basename(path)
        if path not in named and name not in TOOL_CONFIGS:
            sops.append(path)
            continue
        reason = why_not_an_sop(path, sniff=path in named)
        if reason is None:
            sops.append(path)
        else:
            others.append((path, reason))
    return sops, others
