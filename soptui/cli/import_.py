"""Read SOPs from Word (.docx), PDF and extracted text (.txt) into TOML SOP files.

PATH is a document or a folder of them; a folder gives a folder. A document gives one SOP file
named after it, DOCUMENT.toml; a document holding several SOPs (one procedure table each) gives
one file per SOP, DOCUMENT-<nama>.toml, <nama> that SOP's name in lower case with hyphens; two
documents of one name in one folder (a .docx and its PDF) add their type: DOCUMENT-docx.toml.
The last line counts the documents imported and the SOP files written. Each file starts with the
#:schema line and names its source; values the reader is unsure of carry a comment saying why.
An existing file is not overwritten without --force. Exit code 0 when every document was
imported, 2 when any could not be.

Word and PDF need the import extra: pip install "soptui[import]".
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..atomic import atomic_write_text
from ..i18n import Text, glossed
from ..importing import SUFFIXES, Unreadable, read_document
from ..importing.writer import sop_text
from ..loading.loader import load_text
from ..template import schema_reference
from . import EXIT_ERROR, EXIT_OK, UsageError, no_such_path

_SLUG = re.compile(r"[^a-z0-9]+")
# the package to install for a module the Word and PDF readers import
LIBRARIES = {"docx": "python-docx", "lxml": "lxml", "pdfplumber": "pdfplumber", "pdfminer": "pdfplumber"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="documents (.docx, .pdf, .txt) or folders of them")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="the SOP file to write (OUT.toml), or a folder (default: beside each document)")
    parser.add_argument("--force", action="store_true", help="overwrite SOP files that already exist")


def run(args: argparse.Namespace) -> int:
    lang = args.lang or "id"
    jobs = []  # (document, the folder or file its SOPs go to)
    output = Path(args.output) if args.output else None
    for name in args.paths:
        path = Path(name)
        if not path.exists():
            raise UsageError(no_such_path(path))
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            for document in found:
                base = output if output else path
                jobs.append((document, base / document.relative_to(path).parent))
        else:
            jobs.append((path, output if output else path.parent))
    if not jobs:
        raise UsageError(glossed("tidak ada dokumen .docx, .pdf atau .txt", "no .docx, .pdf or .txt documents found"))
    if output and output.suffix.lower() == ".toml" and len(jobs) > 1:
        raise UsageError(Text(f"{output}: satu berkas keluaran untuk beberapa dokumen; beri folder "
                              "(one output file for several documents; give a folder)",
                              f"{output}: one output file for several documents; give a folder"))
    # two documents of one name (a .docx and the PDF made from it) must not write one file
    stems: dict[tuple[Path, str], int] = {}
    for document, target in jobs:
        stems[(target, document.stem)] = stems.get((target, document.stem), 0) + 1
    jobs = [(document, target, document.stem if stems[(target, document.stem)] == 1 or target.suffix == ".toml"
             else f"{document.stem}-{document.suffix.lstrip('.').lower()}") for document, target in jobs]
    progress = Progress(len(jobs)) if len(jobs) > 1 and sys.stderr.isatty() else None
    failed, written, several, lines = 0, 0, 0, []
    for number, (document, target, stem) in enumerate(jobs):
        if progress:
            progress.show(number, document.name)
        outcome = import_one(document, target, args.force, stem)
        if isinstance(outcome, Text):
            failed += 1
            lines.append((True, f"soptui import: {document}: {outcome(lang)}"))
        else:
            lines.extend((False, line(lang)) for line in outcome)
            written += len(outcome)  # one summary line per SOP file written
            several += len(outcome) > 1
    if progress:
        progress.done()
    for is_error, text in lines:
        print(text, file=sys.stderr if is_error else sys.stdout)
    print(imported(len(jobs) - failed, len(jobs), written, several)(lang), file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_OK


def imported(done: int, total: int, written: int, several: int) -> Text:
    """The last line: documents imported and SOP files written, which differ when a document
    holds several SOPs (then the names those files got, which differ from the others')."""
    said = Text(f"{done} dari {total} dokumen diimpor, {written} berkas SOP ditulis",
                f"{done} of {total} documents imported, {written} SOP file{'s' * (written != 1)} written")
    if several:
        said += Text(f" ({several} dokumen memuat beberapa SOP: satu berkas tiap SOP, <dokumen>-<nama>.toml)",
                     f" ({several} document{'s' * (several != 1)} held several SOPs: one file each, "
                     "<document>-<name>.toml)")
    return said


def import_one(document: Path, target: Path, force: bool, stem: str | None = None) -> list[Text] | Text:
    """Read one document and write its SOPs; the summary lines, or why nothing was written."""
    try:
        drafts = read_document(document)
    except Unreadable as error:
        return error.message
    except ImportError as error:
        library = LIBRARIES.get((error.name or "").split(".")[0], error.name)
        return Text(f"perlu pustaka tambahan ({library}): pip install \"soptui[import]\"",
                    f"needs an extra library ({library}): pip install \"soptui[import]\"")
    except OSError as error:
        return Text(f"tidak dapat dibaca: {error.strerror}", f"cannot be read: {error.strerror}")
    outputs = output_paths(document, target, drafts, stem or document.stem)
    existing = [path for path in outputs if path.exists()]
    if existing and not force:
        return Text(f"{existing[0]} sudah ada, tidak ditimpa (gunakan --force)",
                    f"{existing[0]} already exists, not overwritten (use --force)")
    texts = []
    for draft, path in zip(drafts, outputs):
        text = sop_text(draft, schema_reference(path))
        result = load_text(text, str(path))
        if not result.ok:  # a reader's bug: say so rather than write a file soptui cannot read
            problem = result.problems[0]
            return Text(f"hasil impor tidak sah, tidak ditulis: {problem.render('id')}",
                        f"the import is not valid, not written: {problem.render('en')}")
        texts.append((path, text, result.sop, draft))
    summary = []
    for path, text, sop, draft in texts:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        summary.append(_summary(document, path, sop, draft))
    return summary


def output_paths(document: Path, target: Path, drafts, stem: str) -> list[Path]:
    """Where a document's SOPs go: OUT.toml, or STEM.toml in a folder, one file per SOP."""
    if target.suffix.lower() == ".toml":
        folder, stem = target.parent, target.stem
    else:
        folder = target
    if len(drafts) == 1:
        return [folder / f"{stem}.toml"]
    names: list[Path] = []
    for number, draft in enumerate(drafts, start=1):
        slug = _SLUG.sub("-", str(draft.values.get("nama", "")).lower()).strip("-")[:60] or str(number)
        path = folder / f"{stem}-{slug}.toml"
        if path in names:
            path = folder / f"{stem}-{slug}-{number}.toml"
        names.append(path)
    return names


def _summary(document: Path, path: Path, sop, draft) -> Text:
    placed = sum(1 for step in sop.langkah if step.pelaksana)
    drawn = sum(1 for step in sop.langkah if step.simbol)
    head = Text(
        f"{document} -> {path}: {len(sop.langkah)} langkah, {len(sop.pelaksana)} pelaksana, "
        f"{placed} langkah berpelaksana, {drawn} bersimbol",
        f"{document} -> {path}: {len(sop.langkah)} steps, {len(sop.pelaksana)} actors, "
        f"{placed} steps placed, {drawn} with a symbol",
    )
    lost = list(draft.lost)
    if drawn:  # a flowchart was read: say what of it was not
        unplaced = len(sop.langkah) - placed
        if unplaced:
            lost.append(Text(f"pelaksana {unplaced} langkah", f"the actor of {unplaced} step{'s' * (unplaced != 1)}"))
        open_decisions = sum(1 for step in sop.langkah if step.simbol == "keputusan"
                             and (step.ya is None or step.tidak is None))
        if open_decisions:
            lost.append(Text(f"cabang ya/tidak {open_decisions} keputusan",
                             f"the ya/tidak branches of {open_decisions} decision{'s' * (open_decisions != 1)}"))
    if not lost:
        return head
    return head + Text("\n  tidak terbaca: " + "; ".join(item.id for item in lost),
                       "\n  not recovered: " + "; ".join(item.en for item in lost))


class Progress:
    """A one-line bar on stderr, redrawn in place, for a folder of documents."""

    WIDTH = 24

    def __init__(self, total: int) -> None:
        self.total = total

    def show(self, done: int, name: str) -> None:
        filled = self.WIDTH * done // self.total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{self.total} {name[:40]:<40}")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r" + " " * (self.WIDTH + 60) + "\r")
        sys.stderr.flush()
