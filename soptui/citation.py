"""Reading a dasar hukum item: which regulation does "Permendagri No. 73 tahun 2009 tentang ..." cite?

A citation is split into its type (jenis), the region for regional regulations, its number, year
and title, and any amendment clause ("sebagaimana telah diubah ... terakhir dengan ..."). The
original text is always kept. Anything that does not look like a regulation keeps its text only.

The parser accepts what real documents write: full names or abbreviations (UU, PP, Perpres,
Permendagri, PermenPANRB, Perka BKN, Perbup), "Republik Indonesia", "Nomor" or "No.", any case,
stray punctuation, the Lembaran Negara suffix, and numbers such as "KEP/135/M.PAN/9/2004".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (kind, official name, pattern matched at the start of the normalised text). Order matters:
# longer names first, so "Peraturan Pemerintah Pengganti Undang-Undang" is not read as a PP.
_MENPAN = r"(?:negara\s+)?pendayagunaan\s+aparatur\s+negara(?:\s+dan\s+reformasi\s+birokrasi)?"
_REGION = r"(?P<region>(?:provinsi|kabupaten|kota)?\s*[a-z][a-z .'-]*?)"
JENIS: tuple[tuple[str, str, str], ...] = (
    ("perppu", "Peraturan Pemerintah Pengganti Undang-Undang",
     r"peraturan\s+pemerintah\s+pengganti\s+undang-undang|perppu"),
    ("uu", "Undang-Undang", r"undang-undang(?!\s+dasar)|uu\b"),
    ("pp", "Peraturan Pemerintah", r"peraturan\s+pemerintah|pp\b"),
    ("perpres", "Peraturan Presiden", r"peraturan\s+presiden|perpres\b"),
    ("keppres", "Keputusan Presiden", r"keputusan\s+presiden|keppres\b"),
    ("permendagri", "Peraturan Menteri Dalam Negeri",
     r"peraturan\s+menteri\s+dalam\s+negeri|permendagri\b"),
    ("permenpanrb", "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
     rf"peraturan\s+menteri\s+{_MENPAN}|permen\s*-?\s*pan(?:\s*-?\s*rb)?\b|peraturan\s+menpan(?:\s*-?\s*rb)?\b"),
    ("kepmenpan", "Keputusan Menteri Pendayagunaan Aparatur Negara",
     rf"keputusan\s+menteri\s+{_MENPAN}|kepmen\s*-?\s*pan(?:\s*-?\s*rb)?\b"),
    ("permen", "Peraturan Menteri", r"peraturan\s+menteri\s+(?P<ministry>[a-z ,]+?)(?=\s+(?:nomor|no\b))|permen\b"),
    ("kepmen", "Keputusan Menteri", r"keputusan\s+menteri\s+(?P<ministry>[a-z ,]+?)(?=\s+(?:nomor|no\b))|kepmen\b"),
    ("perka_bkn", "Peraturan Kepala Badan Kepegawaian Negara",
     r"peraturan\s+(?:kepala\s+)?badan\s+kepegawaian\s+negara|perka\s+bkn\b|peraturan\s+bkn\b"),
    ("perda", "Peraturan Daerah", rf"(?:peraturan\s+daerah|perda)\s+{_REGION}(?=\s+(?:nomor|no\b))"),
    ("pergub", "Peraturan Gubernur", rf"(?:peraturan\s+gubernur|pergub)\s+{_REGION}(?=\s+(?:nomor|no\b))"),
    ("perbup", "Peraturan Bupati", rf"(?:peraturan\s+bupati|perbup)\s+{_REGION}(?=\s+(?:nomor|no\b))"),
    ("perwali", "Peraturan Wali Kota",
     rf"(?:peraturan\s+wali\s*kota|perwali|perwalkot)\s+{_REGION}(?=\s+(?:nomor|no\b))"),
    ("kepbup", "Keputusan Bupati", rf"keputusan\s+bupati\s+{_REGION}(?=\s+(?:nomor|no\b))"),
    ("kepcamat", "Keputusan Camat", rf"keputusan\s+camat\s+{_REGION}(?=\s+(?:nomor|no\b))"),
)
_JENIS_RE = [(kind, name, re.compile(pattern)) for kind, name, pattern in JENIS]
_NAMES = {kind: name for kind, name, _ in JENIS}

_NUMBER = re.compile(r"\b(?:nomor|no)\s*[.:]?\s*(?P<nomor>[a-z0-9][a-z0-9./-]*[a-z0-9]|\d)", re.I)
_YEAR = re.compile(r"\btahun\s+(?P<tahun>\d{4})\b", re.I)
_SLASHED_YEAR = re.compile(r"/(?P<tahun>(?:19|20)\d{2})$")
_TITLE = re.compile(r"\btentang\s+(?P<judul>.+)", re.I | re.S)
_AMENDMENT = re.compile(r"\s*,?\s*sebagaimana\s+telah\s+(?:beberapa\s+kali\s+)?diubah.*$", re.I | re.S)
_GAZETTE = re.compile(r"\s*\(\s*(?:lembaran|berita|tambahan)\b.*$", re.I | re.S)
_REPUBLIK = re.compile(r"\s+(?:republik\s+indonesia|ri)\b", re.I)


@dataclass(frozen=True, slots=True)
class Citation:
    """One dasar hukum item: the text as written, and what could be read from it."""

    text: str
    kind: str | None = None  # "pp", "permendagri", ... (see JENIS); None when unrecognised
    nomor: str | None = None
    tahun: int | None = None
    judul: str | None = None
    region: str | None = None  # for regional regulations: "Kabupaten Lumajang", "Banyumas"
    ministry: str | None = None  # for a generic Peraturan/Keputusan Menteri
    amendment: str | None = None  # the "sebagaimana telah diubah ..." clause, as written

    @property
    def jenis(self) -> str | None:
        """The official name of the regulation type ("Peraturan Pemerintah")."""
        return _NAMES.get(self.kind) if self.kind else None

    @property
    def recognised(self) -> bool:
        return self.kind is not None and self.nomor is not None and self.tahun is not None

    def short(self) -> str:
        """A compact label: "PP 46/2011", "KEP/135/M.PAN/9/2004"."""
        if not self.recognised:
            return self.text
        label = _SHORT.get(self.kind, self.jenis)
        if "/" in self.nomor:
            return f"{label} {self.nomor}"
        return f"{label} {self.nomor}/{self.tahun}"


_SHORT = {
    "uu": "UU", "perppu": "Perppu", "pp": "PP", "perpres": "Perpres", "keppres": "Keppres",
    "permendagri": "Permendagri", "permenpanrb": "PermenPANRB", "kepmenpan": "KepmenPAN",
    "permen": "Permen", "kepmen": "Kepmen", "perka_bkn": "Perka BKN", "perda": "Perda",
    "pergub": "Pergub", "perbup": "Perbup", "perwali": "Perwali", "kepbup": "Kepbup",
    "kepcamat": "Kep. Camat",
}


def _normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().lstrip("0123456789.) -")
    return _REPUBLIK.sub("", text)


def parse_citation(text: str) -> Citation:
    """Read a dasar hukum item. Never fails: an unreadable item keeps its text and nothing else."""
    body = _normalise(text)
    lowered = body.lower()
    for kind, _name, pattern in _JENIS_RE:
        match = pattern.match(lowered)
        if match:
            break
    else:
        return Citation(text)
    groups = match.groupdict()
    head_end = match.end()
    rest = body[head_end:]
    amendment = _AMENDMENT.search(rest)
    main = rest[: amendment.start()] if amendment else rest
    main = _GAZETTE.sub("", main)
    number = _NUMBER.search(main)
    year = _YEAR.search(main)
    nomor = number["nomor"].upper() if number and "/" in number["nomor"] else (number["nomor"] if number else None)
    tahun = int(year["tahun"]) if year else None
    if tahun is None and nomor and (slashed := _SLASHED_YEAR.search(nomor)):
        tahun = int(slashed["tahun"])
        if nomor.count("/") == 1:  # "UU No. 23/2014": the number is the part before the year
            nomor = nomor.split("/")[0]
    title = _TITLE.search(main)
    judul = title["judul"].strip().rstrip(";.,: ") if title else None
    region = groups.get("region")
    ministry = groups.get("ministry")
    return Citation(
        text=text,
        kind=kind,
        nomor=nomor,
        tahun=tahun,
        judul=judul or None,
        region=body[match.start("region"):match.end("region")].strip().title() if region else None,
        ministry=ministry.strip().title() if ministry else None,
        amendment=amendment.group().strip(" ,") if amendment else None,
    )
