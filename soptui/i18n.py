"""Text in the two languages soptui speaks: Bahasa Indonesia (the default) and English.

Messages are built where they arise, in both languages at once, and the language is chosen only
when they are shown. That keeps a finding one plain value that any report can render.
"""

from __future__ import annotations

from typing import NamedTuple

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


class Text(NamedTuple):
    """One message in Bahasa Indonesia (`id`) and English (`en`)."""

    id: str
    en: str

    def __call__(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.en if lang == "en" else self.id

    def format(self, **values: object) -> "Text":
        return Text(self.id.format(**values), self.en.format(**values))

    def __add__(self, other: "Text") -> "Text":
        return Text(self.id + other.id, self.en + other.en)


def glossed(indonesian: str, english: str, after: str = "") -> Text:
    """A message as the command line says it: in Indonesian with the English in brackets, so a
    reader of either follows it, and in English alone with --lang en. `after` (": PATH", a
    detail) follows both: `glossed("berkas logo tidak ada", "no such logo file", ": logo.png")`."""
    return Text(f"{indonesian} ({english}){after}", f"{english}{after}")


class TextError(Exception):
    """An error whose message is a `Text` (or a str, the same in both languages): `text` has
    both, `str()` the Indonesian, as a message given no language is said."""

    @property
    def text(self) -> Text:
        message = self.args[0] if self.args else ""
        return message if isinstance(message, Text) else Text(str(message), str(message))

    def __str__(self) -> str:
        return self.text.id
