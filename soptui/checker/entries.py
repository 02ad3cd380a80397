"""A cache store's line for one file (`cache.Store`): made by the worker that checked the file,
or by the store itself. Apart from the store so that a worker (`parallel`) makes it without the
cache's module, which imports the workers'."""

from __future__ import annotations

import json
import zlib


def entry_line(path: str, version: tuple[str, int, int], judged_by: dict, body: bytes) -> tuple[list, bytes]:
    """The head of the entry of a file checked afresh, and its store line (see `line`): `body`
    is its result in `plain` form as JSON text, `judged_by` what the other files are judged by of
    what it collected (`CorpusState.judged_by`). A worker makes it, or `Store.add`."""
    head = [path, *version, judged_by]
    return head, line(json.dumps(head, ensure_ascii=False).encode("utf-8"), body)


def line(head: bytes, body: bytes) -> bytes:
    """``CRC LENGTH``, a tab, then the entry: its head ``[name, content hash, mtime, size,
    judged by]``, a tab, and its body (JSON escapes tabs and newlines inside strings, so
    neither can occur within a part)."""
    entry = head + b"\t" + body
    return b"%08x %d\t" % (zlib.crc32(entry), len(entry)) + entry
