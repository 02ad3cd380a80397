"""Parsing TOML text: rtoml, a Rust parser, where it agrees with tomllib; tomllib otherwise.

tomllib (tomli before Python 3.11) is the reference for what is valid and words every error;
it is imported only when a text needs it, which in a lint is almost never.
"""

from __future__ import annotations

import sys

try:  # ~8x faster than tomllib on SOP files
    import rtoml as _rtoml
except ImportError:  # pragma: no cover - rtoml has no wheel for this platform
    _rtoml = None


def parse(text: str) -> dict:
    """The TOML document `text`; raises tomllib's `TOMLDecodeError` (a `ValueError`)."""
    # rtoml accepts TOML 1.1 inline tables ("{a = 1,}") that tomllib rejects; SOP files rarely
    # have inline tables, so any "{" sends the text to tomllib, as does any rtoml error (tomllib
    # words the message).
    if _rtoml is not None and "{" not in text:
        try:
            return _rtoml.loads(text)
        except Exception:  # noqa: BLE001 - rtoml's errors are re-read by tomllib below
            pass
    return tomllib().loads(text)


def tomllib():
    """The tomllib module (tomli before Python 3.11)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def is_decode_error(error: BaseException) -> bool:
    """Whether `error` is tomllib's, without importing tomllib when it cannot be."""
    return type(error).__name__ == "TOMLDecodeError" and isinstance(error, tomllib().TOMLDecodeError)
