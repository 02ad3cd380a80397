"""What the commands that take SOP paths (`lint` and the others of a session, `validate`) say of
what they found: a path that does not exist or cannot be used is a usage error; symbolic links
not followed and TOML files that are plainly not SOPs get a note."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ..i18n import Text, glossed
from ..loading.discover import MissingPath, UnusablePath
from . import UsageError, no_such_path


def found(find: Callable, paths: list[str], **options) -> list:
    """`find(paths, **options)` (`find_sop_files` or `find_sop_names`), with a path that is
    missing or cannot be used said as a usage error."""
    try:
        return find(paths, **options)
    except MissingPath as missing:
        raise UsageError(no_such_path(missing)) from None
    except UnusablePath as error:
        raise UsageError(error.text) from None


def links_not_followed(count: int) -> Text:
    return Text(f"{count} tautan simbolik keluar dari folder tidak diikuti (symbolic links out of the folder "
                "not followed; --follow-links to follow)",
                f"{count} symbolic links out of the folder not followed (--follow-links to follow)")


def note_links_not_followed(skipped: list[str], lang: str | None = None) -> None:
    """One line on standard error: how many symbolic links out of the folders were not
    followed, and the first three."""
    from ..reporting.base import printable

    print("soptui: " + links_not_followed(len(skipped))(lang) + f": {printable(', '.join(skipped[:3]))}"
          + (" ..." if len(skipped) > 3 else ""), file=sys.stderr)


def note_not_sops(not_sops: list[tuple[str | Path, str]], shown: int = 5, lang: str | None = None) -> None:
    """One line on standard error for each TOML file skipped as plainly not an SOP (at most
    `shown`, then how many more): a note, not a finding, so it neither fails a run nor hides."""
    from ..reporting.base import printable

    for path, reason in not_sops[:shown]:
        skipped = glossed("bukan berkas SOP, dilewati", "not an SOP file, skipped")(lang)
        print(f"soptui: {skipped}: {printable(str(path))} ({reason})", file=sys.stderr)
    if len(not_sops) > shown:
        more = len(not_sops) - shown
        print("soptui: " + Text(f"... dan {more} lagi (and {more} more)", f"... and {more} more")(lang), file=sys.stderr)
