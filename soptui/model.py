"""The SOP as soptui understands it: typed, immutable values built by the loader.

Every element keeps its JSON pointer (``/langkah/4``), and `Sop.locate` turns a pointer into the
line and column it came from, so any finding about any element can point at its line.

Values throughout soptui (`Step`, `Citation`, `Violation`, `Finding`, ...) are `NamedTuple`s:
immutable, and cheap to define, where a dataclass has its methods compiled at every start, a
cost a one-file lint feels (the README's speed section has the figure). `Sop`, which caches its
`flow`, is a plain class written to behave as a frozen dataclass.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping, NamedTuple

from .citation import Citation
from .fieldwise import Fieldwise
from .source import Pos, SourceMap
# the flowchart symbols, re-exported: rules and reporters take them from the model
from .symbols import KEPUTUSAN, PENGHUBUNG, PROSES, SYMBOLS, TERMINATOR  # noqa: F401
# the dates' types, re-exported: a tanggal is a date or, printed as a month only, a MonthDate
from .tanggal import MonthDate, Tanggal, date_order  # noqa: F401
from .waktu import Duration

if TYPE_CHECKING:
    from .flow import Flow


# What `hilang_di_sumber` may name besides a section: the flowchart's actor columns, a
# decision's branches.
LOST_ACTORS, LOST_BRANCHES = "pelaksana", "cabang"
# The step keys `Sop.flow` is built from: what a rule that walks the step graph needs (`Rule.needs`).
FLOW_INPUTS = ("langkah.no", "langkah.simbol", "langkah.ya", "langkah.tidak", "langkah.lanjut")

# The six documentation sections of the identity block, in the standard's order.
SECTIONS = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
)


class Signer(NamedTuple):
    """Pengesahan: the official who signs the SOP. Any part may be missing."""

    jabatan: str | None = None
    nama: str | None = None
    nip: str | None = None
    pangkat: str | None = None


class Step(NamedTuple):
    """One activity row of the procedure (a ``[[langkah]]`` table)."""

    index: int  # position among the file's [[langkah]] tables, from 0
    no: int  # the number as printed; may be wrong, that is for the rules to say
    kegiatan: str
    pelaksana: str | None = None
    simbol: str | None = None  # as written; see Sop.symbol for the effective one
    ya: int | None = None
    tidak: int | None = None
    lanjut: int | None = None
    kelengkapan: tuple[str, ...] = ()
    waktu: str | None = None
    durasi: Duration | None = None
    output: tuple[str, ...] = ()
    keterangan: str | None = None
    # Every actor the step is drawn for, in the order written: a step in two actors' columns
    # (a meeting of Camat and Sekcam) is `pelaksana = ["camat", "sekcam"]`. `pelaksana` is the
    # first of them, so code that knows one actor a step keeps working. Empty when none is given.
    pelaksana_semua: tuple[str, ...] = ()

    @property
    def pointer(self) -> str:
        return f"/langkah/{self.index}"

    @property
    def symbol_written(self) -> str | None:
        """`simbol` as the standard spells it when it is one of its symbols in other case or
        with spaces ("Keputusan" -> "keputusan"; `flow-symbol` reports the spelling), else as written."""
        if self.simbol is None:
            return None
        spelled = self.simbol.strip().lower()
        return spelled if spelled in SYMBOLS else self.simbol

    @property
    def is_decision(self) -> bool:
        # the common cases first: the flow asks this of every step, often
        return (self.ya is not None or self.tidak is not None or self.simbol == KEPUTUSAN
                or (self.simbol is not None and self.simbol not in SYMBOLS and self.symbol_written == KEPUTUSAN))


class Sop(Fieldwise):
    """One SOP AP document: immutable, compared and printed field by field (`_fields`) as a
    frozen dataclass would be, but a plain class, whose methods are not compiled at every start.
    A changed copy, as of any soptui value: `sop._replace(nama=...)` (or `soptui.api.replace`)."""

    _fields = ("path", "nama", "unit", "langkah", "nomor", "instansi", "alamat", "tanggal_pembuatan",
              "tanggal_revisi", "tanggal_efektif", "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan",
              "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan", "disahkan_oleh", "pelaksana",
              "hilang_di_sumber", "source", "text", "broken")
    _COMPARED = _fields[:-3]  # not the source map, the text, nor what is broken
    _SHOWN = _fields[:-3] + ("broken",)  # repr: not the source map, nor the text

    path: Path
    nama: str
    unit: str
    langkah: tuple[Step, ...]
    nomor: str | None
    instansi: str | None
    alamat: str | None
    # a full date (datetime.date) or a month-only one (MonthDate): compare with `date_order`
    tanggal_pembuatan: Tanggal | None
    tanggal_revisi: Tanggal | None
    tanggal_efektif: Tanggal | None
    dasar_hukum: tuple[Citation, ...]
    kualifikasi_pelaksana: tuple[str, ...]
    keterkaitan: tuple[str, ...]
    peralatan_perlengkapan: tuple[str, ...]
    peringatan: tuple[str, ...]
    pencatatan_pendataan: tuple[str, ...]
    disahkan_oleh: Signer | None
    pelaksana: Mapping[str, str]
    # What the source lost (`hilang_di_sumber`): LOST_ACTORS, LOST_BRANCHES or a section's name.
    # Rules report what is missing for that reason as unknown ("not in the source"), not as a defect.
    hilang_di_sumber: tuple[str, ...]
    source: SourceMap
    text: str
    # The inputs a lenient model lacks or holds only in part, because the file has them in a
    # broken shape: top-level keys, and `langkah.FIELD` for a field of steps. A rule that needs
    # one of them is skipped (`Rule.needs`). Empty for a file that loaded cleanly.
    broken: frozenset[str]

    def __init__(self, path: Path, nama: str, unit: str, langkah: tuple[Step, ...], nomor: str | None = None,
                 instansi: str | None = None, alamat: str | None = None, tanggal_pembuatan: Tanggal | None = None,
                 tanggal_revisi: Tanggal | None = None, tanggal_efektif: Tanggal | None = None,
                 dasar_hukum: tuple[Citation, ...] = (), kualifikasi_pelaksana: tuple[str, ...] = (),
                 keterkaitan: tuple[str, ...] = (), peralatan_perlengkapan: tuple[str, ...] = (),
                 peringatan: tuple[str, ...] = (), pencatatan_pendataan: tuple[str, ...] = (),
                 disahkan_oleh: Signer | None = None, pelaksana: Mapping[str, str] | None = None,
                 hilang_di_sumber: tuple[str, ...] = (), source: SourceMap | None = None, text: str = "",
                 broken: frozenset[str] = frozenset()) -> None:
        vars(self).update(  # past __setattr__, which refuses every change
            path=path, nama=nama, unit=unit, langkah=langkah, nomor=nomor, instansi=instansi, alamat=alamat,
            tanggal_pembuatan=tanggal_pembuatan, tanggal_revisi=tanggal_revisi, tanggal_efektif=tanggal_efektif,
            dasar_hukum=dasar_hukum, kualifikasi_pelaksana=kualifikasi_pelaksana, keterkaitan=keterkaitan,
            peralatan_perlengkapan=peralatan_perlengkapan, peringatan=peringatan,
            pencatatan_pendataan=pencatatan_pendataan, disahkan_oleh=disahkan_oleh,
            pelaksana=MappingProxyType({}) if pelaksana is None else pelaksana, hilang_di_sumber=hilang_di_sumber,
            source=SourceMap({}, ()) if source is None else source, text=text, broken=broken)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: a Sop does not change")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: a Sop does not change")

    def __hash__(self) -> int:  # by the fields `==` compares, as a frozen dataclass
        return hash(self._compared())

    def lost(self, what: str) -> bool:
        """Whether the source lost `what` (LOST_ACTORS, LOST_BRANCHES, a section's name)."""
        return what in self.hilang_di_sumber

    def locate(self, pointer: str) -> Pos:
        """Line and column of the element at `pointer` (or of its nearest located ancestor)."""
        return self.source.locate(pointer)

    def symbol(self, step: Step) -> str:
        """The step's flowchart symbol: as written, else inferred from its place and exits."""
        if step.simbol in SYMBOLS:
            return step.simbol
        if step.simbol and step.simbol.strip():
            return step.symbol_written
        if step.is_decision:
            return KEPUTUSAN
        if step.index in (0, len(self.langkah) - 1):
            return TERMINATOR
        return PROSES

    @cached_property
    def flow(self) -> "Flow":
        from .flow import Flow  # here: a lint answered from the cache never walks a flow

        return Flow(self)
