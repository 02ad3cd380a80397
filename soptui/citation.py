"""Reading a dasar hukum item: which regulation does "Permendagri No. 73 tahun 2009 tentang ..." cite?

A citation is split into its type (jenis), the region for regional regulations, its number, year
and title, and any amendment clause ("sebagaimana telah diubah ... terakhir dengan ..."), kept as
written and read into the (type, number, year) of each amending regulation. The original text is
always kept. Anything that does not look like a regulation keeps its text only.

The parser accepts what real documents write: full names or abbreviations (UU, PP, Perpres,
Permendagri, PermenPANRB, Permenpan RB, PermenPAN-RB, Perka BKN, Perbup), "Republik Indonesia",
"Nomor" or "No.", any case, stray punctuation and list bullets, the Lembaran Negara suffix,
numbers such as "KEP/135/M.PAN/9/2004", and the short forms "PP 46/2011" and "Permendagri 29 2014".

`split_merged` finds two citations written as one item ("...Daerah;2. Peraturan Pemerintah ...").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

class _Pattern:
    """A regular expression compiled when it is first used. The reader has some thirty; compiled
    at import they were a sizeable part of a one-file lint's start-up, though most citations
    reach only a few of them."""

    __slots__ = ("_source", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


# (kind, official name, pattern matched at the start of the lower-cased, normalised text). Order
# matters: longer names first, so "Peraturan Pemerintah Pengganti Undang-Undang" is not read as a PP.
_MENPAN = (r"(?:negara\s+)?(?:pendayagunaan\s+aparatur\s+negara(?:\s+(?:dan|&)\s+reformasi\s+birokrasi)?"
           r"|pan\s*(?:-|&|dan)?\s*rb\b|panrb\b|pan\b)")
# a region, then the number: "Lumajang Nomor 5", "Kabupaten Balangan No. 3", "Banyumas 68/2018"
# (optional: "Peraturan Bupati Nomor 5 Tahun 2018" names no region)
_REGION = r"(?:\s+(?!(?:nomor|no|nr)\b)(?P<region>(?:provinsi|kabupaten|kota)?\s*[a-z][a-z .'-]*?))?"
_BEFORE_NUMBER = r"(?=\s*,?\s+(?:nomor|no\b|nr\b|\d)|\s*,?\s*no\.)"
# who issued a Surat Edaran, an Instruksi or a Keputusan: "Menteri Dalam Negeri", "Bupati Balangan"
_ISSUER = r"(?:\s+(?!(?:nomor|no|nr)\b)(?P<ministry>[a-z][a-z ,./&-]*?))?"
# the ministries' short forms: Permenkeu, Permensos, Kepmenkes, Permendikbud, Permen PUPR, PMA, PMK
MINISTRY_ABBR = {
    "keu": "Keuangan", "sos": "Sosial", "kes": "Kesehatan", "dikbud": "Pendidikan dan Kebudayaan",
    "dikbudristek": "Pendidikan, Kebudayaan, Riset, dan Teknologi", "diknas": "Pendidikan Nasional",
    "desa": "Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
    "despdtt": "Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
    "desa pdtt": "Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
    "naker": "Ketenagakerjaan", "nakertrans": "Tenaga Kerja dan Transmigrasi",
    "kumham": "Hukum dan Hak Asasi Manusia", "kominfo": "Komunikasi dan Informatika",
    "pupr": "Pekerjaan Umum dan Perumahan Rakyat", "pu": "Pekerjaan Umum",
    "atr/bpn": "Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional",
    "atr": "Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional", "hub": "Perhubungan",
    "tan": "Pertanian", "lhk": "Lingkungan Hidup dan Kehutanan", "dag": "Perdagangan",
    "perin": "Perindustrian", "pppa": "Pemberdayaan Perempuan dan Perlindungan Anak",
    "pora": "Pemuda dan Olahraga", "par": "Pariwisata", "ag": "Agama", "agama": "Agama",
    "des": "Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
    "des pdtt": "Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
    "pma": "Agama", "pmk": "Keuangan", "kma": "Agama",  # written alone: "PMA Nomor 1 Tahun 2020"
}
_MINISTRY_ABBR = "|".join(re.escape(a).replace(r"\ ", r"\s*") for a in sorted(MINISTRY_ABBR, key=len, reverse=True)
                          if a not in ("pma", "pmk", "kma"))
JENIS: tuple[tuple[str, str, str], ...] = (
    ("uud", "Undang-Undang Dasar", r"undang-undang\s+dasar|uud\b|undang-undang\s+(?=1945\b)"),
    ("perppu", "Peraturan Pemerintah Pengganti Undang-Undang",
     r"peraturan\s+pemerintah\s+pengganti\s+undang-undang|perpp?u\b"),
    ("uu", "Undang-Undang", r"undang-undang|undang\s+undang|uu\b"),
    ("pp", "Peraturan Pemerintah", r"peraturan\s+pemerintah|pp\b"),
    ("perpres", "Peraturan Presiden", r"peraturan\s+presiden|perpres\b"),
    ("keppres", "Keputusan Presiden", r"keputusan\s+presiden|kepp?res\b"),
    ("permendagri", "Peraturan Menteri Dalam Negeri",
     r"peraturan\s+(?:menteri\s+dalam\s+negeri|mendagri\b)|perme?n?\s*-?\s*dagri\b"),  # "Permedagri", a common slip
    ("permenpanrb", "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
     rf"peraturan\s+(?:menteri\s+|men){_MENPAN}|permen\s*-?\s*pan(?:\s*(?:-|&|dan)?\s*rb)?\b"),
    ("kepmenpan", "Keputusan Menteri Pendayagunaan Aparatur Negara",
     rf"keputusan\s+(?:menteri\s+|men){_MENPAN}|kepmen\s*-?\s*pan(?:\s*(?:-|&|dan)?\s*rb)?\b"),
    ("permen", "Peraturan Menteri",
     rf"(?:permen|peraturan\s+men)\s*-?\s*(?P<abbr>{_MINISTRY_ABBR})\b|(?P<pm>pma|pmk)\b"),
    ("kepmen", "Keputusan Menteri",
     rf"(?:kepmen|keputusan\s+men)\s*-?\s*(?P<abbr>{_MINISTRY_ABBR})\b|(?P<pm>kma)\b"),
    ("permen", "Peraturan Menteri",
     r"(?:peraturan\s+menteri|permen)\s+(?!(?:nomor|no|nr)\b)(?P<ministry>[a-z ,]+?)(?=\s*,?\s+(?:nomor|no\b|nr\b|\d))"
     r"|permen\b|peraturan\s+menteri\b"),
    ("kepmen", "Keputusan Menteri",
     r"(?:keputusan\s+menteri|kepmen)\s+(?!(?:nomor|no|nr)\b)(?P<ministry>[a-z ,]+?)(?=\s*,?\s+(?:nomor|no\b|nr\b|\d))"
     r"|kepmen\b|keputusan\s+menteri\b"),
    ("perka_bkn", "Peraturan Kepala Badan Kepegawaian Negara",
     r"peraturan\s+(?:kepala\s+)?(?:badan\s+kepegawaian\s+negara|bkn\b)|perka\s*\.?\s*bkn\b"),
    ("perka", "Peraturan Kepala Lembaga",
     rf"(?:peraturan\s+(?:kepala\s+)?|perka\s*\.?\s*|per\s+)(?P<ministry>(?:badan|lembaga|arsip|anri|lan|bps|bpom|bnpb|bpkp"
     rf"|kpu|lkpp|ombudsman)\b[a-z ,]*?){_BEFORE_NUMBER}|perka\b"),
    ("perda", "Peraturan Daerah", rf"(?:peraturan\s+daerah|perda){_REGION}{_BEFORE_NUMBER}"),
    ("pergub", "Peraturan Gubernur", rf"(?:peraturan\s+gubernur|pergub){_REGION}{_BEFORE_NUMBER}"),
    ("perbup", "Peraturan Bupati", rf"(?:peraturan\s+bupati|perbup){_REGION}{_BEFORE_NUMBER}"),
    ("perwali", "Peraturan Wali Kota",
     rf"(?:peraturan\s+wali\s*kota|perwali|perwalkot){_REGION}{_BEFORE_NUMBER}"),
    ("kepgub", "Keputusan Gubernur",
     rf"(?:(?:surat\s+)?keputusan\s+gubernur|kepgub|sk\s+gubernur){_REGION}{_BEFORE_NUMBER}"),
    ("kepbup", "Keputusan Bupati",
     rf"(?:(?:surat\s+)?keputusan\s+bupati|kepbup|sk\s+bupati){_REGION}{_BEFORE_NUMBER}"),
    ("kepwali", "Keputusan Wali Kota",
     rf"(?:(?:surat\s+)?keputusan\s+wali\s*kota|kepwali|sk\s+wali\s*kota){_REGION}{_BEFORE_NUMBER}"),
    ("kepcamat", "Keputusan Camat",
     rf"(?:(?:surat\s+)?keputusan\s+camat|sk\s+camat|kep\s*\.?\s*camat){_REGION}{_BEFORE_NUMBER}"),
    # not peraturan perundang-undangan (UU 12/2011, Pasal 7-8): `non-regulation-basis` reports them
    ("inpres", "Instruksi Presiden", r"instruksi\s+presiden|inpres\b"),
    ("instruksi", "Instruksi", rf"instruksi{_ISSUER}{_BEFORE_NUMBER}"),
    ("se", "Surat Edaran", rf"(?:surat\s+edaran(?:\s+bersama)?|se\b){_ISSUER}{_BEFORE_NUMBER}"),
    # any other decree with a number: "Keputusan Kepala Badan Kepegawaian Negara Nomor 11 Tahun 2002"
    ("keputusan", "Keputusan", rf"(?:surat\s+)?keputusan{_ISSUER}{_BEFORE_NUMBER}"),
    # any other regulation with a number: "Peraturan Direktur Jenderal Perbendaharaan Nomor PER-34/PB/2017"
    ("peraturan", "Peraturan", rf"peraturan{_ISSUER}{_BEFORE_NUMBER}"),
)
_NAMES = {kind: name for kind, name, _ in JENIS}
KINDS: tuple[str, ...] = tuple(kind for kind, _, _ in JENIS)
# regulations of a region: their `region` is read, and `foreign-region` compares it
REGIONAL = frozenset({"perda", "pergub", "perbup", "perwali", "kepgub", "kepbup", "kepwali", "kepcamat"})

_SHORT = {
    "uud": "UUD", "uu": "UU", "perppu": "Perppu", "pp": "PP", "perpres": "Perpres", "keppres": "Keppres",
    "permendagri": "Permendagri", "permenpanrb": "PermenPANRB", "kepmenpan": "KepmenPAN",
    "permen": "Permen", "kepmen": "Kepmen", "perka_bkn": "Perka BKN", "perda": "Perda",
    "pergub": "Pergub", "perbup": "Perbup", "perwali": "Perwali", "kepgub": "Kepgub", "kepbup": "Kepbup",
    "kepwali": "Kepwali", "kepcamat": "Kep. Camat", "perka": "Perka", "inpres": "Inpres",
    "instruksi": "Instruksi", "se": "SE", "keputusan": "Keputusan", "peraturan": "Peraturan",
}
# kinds whose issuer (`ministry`) is part of the label: "Permen Keuangan 119/2020", "SE Menteri Dalam Negeri ..."
WITH_ISSUER = frozenset({"permen", "kepmen", "perka", "se", "instruksi", "keputusan", "peraturan"})
# what is not peraturan perundang-undangan, though SOPs cite it as dasar hukum
NON_REGULATION = frozenset({"inpres", "instruksi", "se"})

_NUMBER = _Pattern(
    r"\b(?:nomor|nr|no(?=[\s.:]|\d))\s*[.:]?\s*(?P<nomor>(?=[a-z0-9./-]*\d)[a-z0-9][a-z0-9./-]*[a-z0-9]|\d)", re.I)
_YEAR = _Pattern(r"\b(?:tahun|thn|th)\s*\.?\s*(?P<tahun>(?:19|20)\d{2})\b", re.I)
# right after the type: "PP 46/2011", "Permendagri 29 2014", "UU 23 Tahun 2014", "KepmenPAN KEP/135/...",
# "PMK 113/PMK.05/2012" (a ministry number ending in its year)
_BARE = _Pattern(
    r"\s*[,.:]?\s*(?:(?P<slashed>(?:kep|per|se)[a-z]*/[a-z0-9./-]*\d|\d+/[a-z][a-z0-9./-]*/(?:19|20)\d{2}\b)"
    r"|(?P<nomor>\d+[a-z]?)\s*(?:/\s*|\s+(?:(?:tahun|thn|th)\s*\.?\s*)?)(?P<tahun>(?:19|20)\d{2})\b)", re.I)
_SLASHED_YEAR = _Pattern(r"/(?P<tahun>(?:19|20)\d{2})$")
_TITLE = _Pattern(r"\b(?:tentang|ttg)\b\.?\s*:?\s*(?P<judul>.+)", re.I | re.S)
_DOUBLE_TENTANG = _Pattern(r"^(?:(?:tentang|ttg)\b\.?\s*:?\s*)+", re.I)
_AMENDMENT = _Pattern(
    r"\s*[,;]?\s*(?:(?:sebag\w{0,3}mana?|sebagai\s+mana|yang)\s+(?:telah\s+)?(?:beberapa\s+kali\s+)?(?:telah\s+)?"
    r"(?:di\s*r?ubah|terakhir\s+(?:di\s*r?ubah|dengan))"
    r"|\b(?:jo|juncto)\b\.?\s+(?=\S))(?:.*)$", re.I | re.S)
# "(Lembaran Negara Tahun 2014 Nomor 244, Tambahan Lembaran Negara Nomor 5587)", "(LN 2014 No. 244)"
_GAZETTE = _Pattern(
    r"\s*\(\s*(?:tambahan\s+)?(?:lembaran|berita)\s+(?:negara|daerah)\b.*$"  # "(Lembaran Negara ... Tahu" cut short
    r"|(?:\s*\(\s*|\s*[,;]\s*|\s+)(?:(?:tambahan\s+)?(?:lembaran|berita)\s+(?:negara|daerah)"
    r"(?:\s+(?:republik\s+indonesia|ri|(?:provinsi|kabupaten|kota)\s+[a-z]+))?\s+(?:tahun|nomor|no)\b"
    r"|t?ln\s+(?:ri\s+)?(?:tahun|no|nomor|\d)).*$",
    re.I | re.S)
_REPUBLIK = _Pattern(r"\s+(?:republik\s+indonesia|r\.?\s?i\.?)(?=[\s,.;:]|$)", re.I)
_TAGS = _Pattern(r"<[^>]*>")
_DASHED = _Pattern(r"undang\s*[\u2013\u2014]\s*undang|undang\s+-\s*undang|undang\s*-\s+undang", re.I)
_ARTICLE = _Pattern(r"pasal\s+\d", re.I)
# a year after "Tahun" whose digits OCR read as letters (O for 0, I/l/L for 1, S for 5) or split
_OCR_YEAR = _Pattern(r"(?<=\btahun\s)(?:(?:19|2[0O])[0-9OIlLS]{2}|(?:19|20)\s\d{2})\b", re.I)
_OCR_ONE = _Pattern(r"(?<=\bnomor\s)[Il](?=\s+tahun\b)", re.I)
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "L": "1", "S": "5", "s": "5", " ": ""})


def _read_year(match: re.Match) -> str:
    return match[0].translate(_OCR_DIGITS)
_BULLET = _Pattern(r"^(?:-\d{1,3}-(?=\d)|\d{1,2}\s+(?=[a-z])|[-\u2013\u2022*\u00b7>~\u274f\u25aa\u25cf\uf0b7]+|\(?\d{1,2}\s*[.)]|\(?[a-z][.)](?=\s))\s*", re.I)
_ABBREVIATION_PAREN = _Pattern(r"\s*\(\s*[a-z][a-z .&-]{0,15}\)(?=\s*,?\s*(?:nomor|no\b|nr\b|\d))", re.I)
_KAB = _Pattern(r"\bkab\s*\.\s*|\bkab\b\s*", re.I)
_PROV = _Pattern(r"\bprov\s*\.\s*|\bprov\b\s*", re.I)
_TRAILING = " \t;.,:\"'\u201c\u201d"


class Citation(NamedTuple):
    """One dasar hukum item: the text as written, and what could be read from it."""

    text: str
    kind: str | None = None  # "pp", "permendagri", ... (see JENIS); None when unrecognised
    nomor: str | None = None
    tahun: int | None = None
    judul: str | None = None
    region: str | None = None  # for regional regulations: "Kabupaten Lumajang", "Banyumas"
    ministry: str | None = None  # for a generic Peraturan/Keputusan Menteri
    amendment: str | None = None  # the "sebagaimana telah diubah ..." clause, as written
    # what the amendment clause names: ((kind, nomor, tahun), ...), in the order written
    amendments: tuple[tuple[str, str, int | None], ...] = ()

    @property
    def jenis(self) -> str | None:
        """The official name of the regulation type ("Peraturan Pemerintah")."""
        return _NAMES.get(self.kind) if self.kind else None

    @property
    def recognised(self) -> bool:
        if self.kind == "uud":
            return self.tahun is not None
        return self.kind is not None and self.nomor is not None and self.tahun is not None

    @property
    def key(self) -> tuple[str, str, int] | None:
        """(kind, number, year) with the number in a canonical form; None when not recognised."""
        if not self.recognised:
            return None
        return (self.kind, nomor_key(self.nomor or ""), self.tahun)

    def short(self) -> str:
        """A compact label: "PP 46/2011", "KepmenPAN KEP/135/M.PAN/9/2004", "Perbup Lumajang 5/2018"."""
        if not self.recognised:
            return self.text
        return short_label(self.kind, self.nomor, self.tahun, self.region, self.ministry)


def short_label(kind: str, nomor: str | None, tahun: int | None, region: str | None = None,
                ministry: str | None = None) -> str:
    """"PP 46/2011" for (pp, 46, 2011); the form `parse_citation` reads back."""
    label = _SHORT.get(kind, _NAMES.get(kind, kind))
    if region and kind in REGIONAL:
        label = f"{label} {region}"
    if ministry and kind in WITH_ISSUER:
        label = f"{label} {ministry}"
    if kind == "uud":
        return f"{label} {tahun}"
    if nomor and "/" in nomor:
        return f"{label} {nomor}"
    return f"{label} {nomor}/{tahun}"


def jenis_name(kind: str) -> str:
    """The official name of a kind ("pp" -> "Peraturan Pemerintah")."""
    return _NAMES.get(kind, kind)


@lru_cache(maxsize=4096)  # numbers recur, and every comparison of citations goes through here
def nomor_key(nomor: str) -> str:
    """A number as compared: upper case, no spaces, no leading zeros ("05" -> "5")."""
    value = "".join(nomor.split()).upper()
    return value.lstrip("0") or "0" if value.isdigit() else value


def sequence_number(nomor: str) -> str | None:
    """The running number inside a ministry-style number: "KEP/135/M.PAN/9/2004" -> "135"."""
    match = re.match(r"^(?:KEP|PER|SE)[A-Z]*/0*(\d+)/", nomor_key(nomor))
    return match[1] if match else None


def _normalise(text: str) -> str:
    text = _TAGS.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip().strip("\"'\u201c\u201d")
    while True:
        stripped = _BULLET.sub("", text, count=1).lstrip(" .)").strip("\"'\u201c\u201d")
        if stripped == text:
            break
        text = stripped
    text = _DASHED.sub(lambda m: f"{m[0][:6]}-{m[0][-6:]}", text)  # "Undang – Undang", as PDFs extract it
    text = _OCR_YEAR.sub(_read_year, text)  # "Tahun 2OI4", "Tahun 20 13": digits as OCR reads them
    text = _OCR_ONE.sub("1", text)  # "Nomor I Tahun 2023": the one that OCR reads as a letter
    if _ARTICLE.match(text):  # "Pasal 18 ayat (6) Undang-Undang Dasar ...": the regulation is cited
        head = _HEAD_START.search(text)
        text = text[head.start():] if head else text
    text = _REPUBLIK.sub("", text)
    text = _ABBREVIATION_PAREN.sub("", text)
    return text


def _head(body: str) -> tuple[str, re.Match] | None:
    lowered = body.lower()
    for kind, _name, pattern in JENIS:
        # re compiles each pattern when first tried, and keeps it: most SOPs cite only national
        # regulations, and a one-file lint should not compile the regional patterns (3 ms)
        match = re.match(pattern, lowered)
        if match:
            return kind, match
    return None


def _number_and_year(part: str) -> tuple[str | None, int | None]:
    """Number and year from the part of an item between its type and its title."""
    bare = _BARE.match(part)
    if bare and bare["slashed"]:
        nomor = bare["slashed"].upper()
        slashed = _SLASHED_YEAR.search(nomor)
        year = _YEAR.search(part)
        return nomor, int(year["tahun"]) if year else (int(slashed["tahun"]) if slashed else None)
    if bare and bare["nomor"]:
        return bare["nomor"], int(bare["tahun"])
    number = _NUMBER.search(part)
    year = _YEAR.search(part)
    nomor = None
    if number:
        nomor = number["nomor"].upper() if "/" in number["nomor"] else number["nomor"]
    tahun = int(year["tahun"]) if year else None
    if tahun is None and nomor and (slashed := _SLASHED_YEAR.search(nomor)):
        tahun = int(slashed["tahun"])
        if nomor.count("/") == 1:  # "UU No. 23/2014": the number is the part before the year
            nomor = nomor.split("/")[0]
    if tahun is None and number:  # "Nomor 5 2018"
        after = re.match(r"\s*,?\s*((?:19|20)\d{2})\b", part[number.end():])
        if after:
            tahun = int(after[1])
    return nomor, tahun


def _region_text(body: str, match: re.Match) -> str:
    region = body[match.start("region"):match.end("region")].strip(" ,.")
    region = _KAB.sub("Kabupaten ", region)
    region = _PROV.sub("Provinsi ", region)
    return re.sub(r"\s+", " ", region).strip().title()


_JOINING = frozenset({"dan", "atau", "serta", "&"})


def _ministry_name(ministry: str) -> str | None:
    """"keuangan" -> "Keuangan"; an issuer keeps its own capitals' shape ("Menteri Dalam Negeri")."""
    name = re.sub(r"\s+", " ", ministry).strip(" ,.")
    if not name:
        return None
    # title case, the joining words kept small: "Pekerjaan Umum dan Perumahan Rakyat"
    return " ".join(w.lower() if w.casefold() in _JOINING else w[:1].upper() + w[1:].lower() for w in name.split())


# The same items recur across a corpus, and the result is immutable: parse each text once.
@lru_cache(maxsize=4096)
def parse_citation(text: str) -> Citation:
    """Read a dasar hukum item. Never fails: an unreadable item keeps its text and nothing else."""
    body = _normalise(text)
    found = _head(body)
    if found is None:
        return Citation(text)
    kind, match = found
    groups = match.groupdict()
    rest = body[match.end():]
    amendment = _AMENDMENT.search(rest)
    main = rest[: amendment.start()] if amendment else rest
    main = _GAZETTE.sub("", main)
    title = _TITLE.search(main)
    before_title = main[: title.start()] if title else main
    nomor, tahun = _number_and_year(before_title)
    if nomor is None and tahun is None and title:  # "Peraturan ... tentang X Nomor 5 Tahun 2018"
        nomor, tahun = _number_and_year(main)
    if kind == "uud":
        nomor = None
        year = re.search(r"\b(19|20)\d{2}\b", before_title)
        tahun = int(year.group()) if year else None
    judul = None
    if title:
        judul = _DOUBLE_TENTANG.sub("", title["judul"].strip()).strip().rstrip(_TRAILING).strip() or None
    region = _region_text(body, match) if groups.get("region") else None
    ministry = _ministry_name(groups["ministry"]) if groups.get("ministry") else None
    short_form = groups.get("abbr") or groups.get("pm")
    if short_form:
        ministry = MINISTRY_ABBR[re.sub(r"\s+", " ", short_form)]
    clause = amendment.group().strip(" ,;") if amendment else None
    amendments = _amendments(clause, (kind, nomor_key(nomor or ""), tahun)) if clause else ()
    return Citation(
        text=text,
        kind=kind,
        nomor=nomor,
        tahun=tahun,
        judul=judul,
        region=region or None,
        ministry=ministry,
        amendment=clause,
        amendments=amendments,
    )


# Where a regulation may start inside a longer text: a type word at a word boundary.
_HEAD_START = _Pattern(
    r"\b(?=(?:undang-undang|undang\s+undang|uu|perpp?u|peraturan|perpres|pp|permen|kepmen|perka|perda|"
    r"pergub|perbup|perwali|perwalkot|keputusan|kepp?res|kepgub|kepbup|kepwali|surat\s+keputusan|sk|pma|pmk|"
    r"inpres|instruksi|surat\s+edaran)\b)", re.I)


def _amendments(clause: str, main_key: tuple) -> tuple[tuple[str, str, int | None], ...]:
    """The regulations an amendment clause names, without those it names as being amended
    ("Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014")."""
    found: list[tuple[str, str, int | None]] = []
    text = _REPUBLIK.sub("", _GAZETTE_ANYWHERE.sub(" ", clause))
    consumed = 0  # a type word inside a head just read ("... Pengganti Undang-Undang") starts nothing
    for start in _HEAD_START.finditer(text):
        if start.start() < consumed:
            continue
        if re.search(r"\batas\s*$", text[max(0, start.start() - 20):start.start()], re.I):
            continue
        piece = text[start.start():]
        head = _head(piece)
        if head is None:
            continue
        kind, match = head
        rest = piece[match.end():]
        stop = re.search(r"\btentang\b|\bdan\b|\bserta\b|[,;(]\s*(?!\d)", rest, re.I)
        part = rest[: stop.start()] if stop else rest
        nomor, tahun = _number_and_year(part)
        consumed = start.start() + match.end() + len(part)
        if nomor is None:
            continue
        item = (kind, nomor, tahun)
        if (kind, nomor_key(nomor), tahun) != main_key and item not in found:
            found.append(item)
    return tuple(found)


_GAZETTE_ANYWHERE = _Pattern(r"\(\s*(?:tambahan\s+)?(?:lembaran|berita)\s+(?:negara|daerah)\b[^)]*\)?", re.I)
_SEMICOLON = _Pattern(r"\s*;\s*")
_NUMBERED = _Pattern(r"\s+(?=\(?\d{1,2}[.)]\s*\S)")
_COMMA = _Pattern(r"\s*,\s+")
_AND = _Pattern(r"\s+(?:dan|serta|&)\s+", re.I)  # "UU 23/2006 dan UU 24/2013 tentang ..."
# after a title, only before a regulation named in full with its number: "... Kabupaten/Kota dan Peraturan
# Menteri Dalam Negeri Nomor 138 Tahun 2017 tentang ..."
_AND_FULL = _Pattern(r"\s+dan\s+(?=(?:undang-undang|peraturan|keputusan)\s[^;]{0,60}?\bnomor\s+\d)", re.I)
# "PP No 23 Tahun 2005 Perpres No 12 Tahun 2021": two table cells read as one line
_SIDE_BY_SIDE = _Pattern(r"(?<=\d)\s+(?=(?:uu|pp|perpres|permendagri|permen|perda|perbup|perwali|pergub|keppres)\b)", re.I)


def split_merged(text: str) -> list[str]:
    """The citations of an item that holds more than one ("A tentang X;2. B tentang Y"), else
    `[text]`. A piece counts only if it starts with a regulation type and reads as a citation, so
    a semicolon or comma inside a title or an amendment clause does not split an item."""
    return list(_split_merged(text))


# Like `parse_citation`: the same items recur across a corpus, so split each text once.
@lru_cache(maxsize=4096)
def _split_merged(text: str) -> tuple[str, ...]:
    if len(_HEAD_START.findall(text)) < 2:  # one regulation type named: nothing to split (fast path)
        return (text,)
    body = _TAGS.sub(" ", text).strip()
    pieces = _split_on(_SEMICOLON, [body], anywhere=True)
    pieces = _split_on(_NUMBERED, pieces, anywhere=False)
    pieces = _split_on(_COMMA, pieces, anywhere=False)
    pieces = _split_on(_AND, pieces, anywhere=False, before_title=True)
    pieces = _split_on(_AND_FULL, pieces, anywhere=False)
    pieces = _split_on(_SIDE_BY_SIDE, pieces, anywhere=False, before_title=True)
    pieces = [p.strip(" ;,") for p in pieces if p.strip(" ;,.")]
    return tuple(pieces) if len(pieces) > 1 else (text,)


def _split_on(separator: re.Pattern, pieces: list[str], anywhere: bool, before_title: bool = False) -> list[str]:
    result: list[str] = []
    for piece in pieces:
        limit = len(piece)
        if not anywhere:  # only before an amendment clause: "diubah dengan UU 2/2015, UU 9/2015"
            clause = _AMENDMENT.search(piece)
            limit = clause.start() if clause else limit
        if before_title:  # "dan" inside a title joins words, not regulations
            title = _TITLE.search(piece)
            limit = min(limit, title.start()) if title else limit
        start, current = 0, []
        for match in separator.finditer(piece):
            if match.start() >= limit:
                break
            candidate = piece[match.end():]
            if _starts_citation(candidate):
                current.append(piece[start:match.start()])
                start = match.end()
        current.append(piece[start:])
        result += current
    return result


def _starts_citation(text: str) -> bool:
    """Does `text` begin with a regulation type and a number and year before any title?"""
    body = _normalise(text)
    found = _head(body)
    if found is None:
        return False
    rest = body[found[1].end():]
    title = _TITLE.search(rest)
    nomor, tahun = _number_and_year(rest[: title.start()] if title else rest[:80])
    return found[0] == "uud" or (nomor is not None and tahun is not None)


# -- comparing ---------------------------------------------------------------------------------

_WORD = _Pattern(r"[a-z0-9]+")
_TITLE_WORDS = {
    "pp": "peraturan pemerintah", "uu": "undang undang", "perpres": "peraturan presiden",
    "permendagri": "peraturan menteri dalam negeri", "pns": "pegawai negeri sipil",
    "asn": "aparatur sipil negara", "sakip": "sistem akuntabilitas kinerja instansi pemerintah",
    "akip": "akuntabilitas kinerja instansi pemerintah", "lakip": "laporan akuntabilitas kinerja instansi pemerintah",
    "kab": "kabupaten", "prov": "provinsi", "rpjpd": "rencana pembangunan jangka panjang daerah",
    "rpjmd": "rencana pembangunan jangka menengah daerah", "rkpd": "rencana kerja pemerintah daerah",
    "rpjpn": "rencana pembangunan jangka panjang nasional", "rpjmn": "rencana pembangunan jangka menengah nasional",
}
_NOISE_WORDS = {"nomor", "no", "tahun", "thn", "th", "republik", "indonesia", "ri"}


# Titles are compared by several rules, and the registry's titles and the cited ones recur.
@lru_cache(maxsize=8192)
def normalise_title(title: str) -> str:
    """A title as compared: lower case, words only, common abbreviations spelled out, and the
    words "Nomor", "Tahun", "Republik Indonesia" left out ("PP No. 46/2011" = "Peraturan
    Pemerintah Nomor 46 Tahun 2011")."""
    title = title.casefold().replace("&", " dan ")
    words = []
    for word in _WORD.findall(title):
        if word in _NOISE_WORDS:
            continue
        words.append(_TITLE_WORDS.get(word, word))
    return " ".join(words)


_REGION_PREFIX = _Pattern(r"^(?:pemerintah\s+)?(?:(provinsi|prov|kabupaten|kab|kota|kotamadya)\b\.?\s*)?", re.I)


@lru_cache(maxsize=4096)  # regions recur, and three rules and the registry compare them
def region_key(region: str) -> tuple[str | None, str]:
    """(level, name) of a region as compared: "Kabupaten Balangan" -> ("kabupaten", "balangan"),
    "Kab. Balangan" -> ("kabupaten", "balangan"), "Banyumas" -> (None, "banyumas")."""
    text = re.sub(r"\s+", " ", region.casefold()).strip(" .,")
    match = _REGION_PREFIX.match(text)
    level = match[1] if match else None
    level = {"prov": "provinsi", "kab": "kabupaten", "kotamadya": "kota"}.get(level, level)
    name = " ".join(_WORD.findall(text[match.end():] if match else text))
    return level, name
