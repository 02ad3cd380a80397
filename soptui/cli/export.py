"""Export SOP files as the official printable document (Permenpan RB 35/2012): an identity
page, then the procedure as a flowchart table, landscape, in PDF or Word (.docx).

PATH is SOP files or folders. One SOP writes to -o OUT (default: its name with the new suffix,
in the current folder), in the format its suffix names (.pdf, .docx) unless --to says; several, or a folder, write into the folder -o OUT (default: .),
keeping their folders below the PATH they were found under. An existing output is replaced
atomically. A SOP that does not load gets its problems printed and no output.

exit codes:
  0  every SOP exported
  2  usage error, or a SOP that did not load

examples:
  soptui export sops/wangon/pengukuran-kinerja.toml
  soptui export sops/ --to docx --paper f4 -o dokumen/
  soptui export sops/sumbersuko/pengukuran-kinerja.toml --with-findings -o review.pdf
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

from ..checker.config import ConfigError, find_config, load_config
from ..i18n import Text, glossed
from ..loading.discover import find_sop_files
from ..loading.loader import load_file
from . import EXIT_ERROR, EXIT_OK, NO_TOML_FILES, UsageError
from .discovery import found


FORMATS = ("pdf", "docx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="SOP files or folders")
    parser.add_argument("--to", choices=FORMATS, default=None,
                        help="document format (default: the suffix of -o OUT for one SOP, else pdf)")
    parser.add_argument("--paper", choices=("a4", "f4"), default="a4",
                        help="paper, landscape: a4 (default) or f4 (folio, 215 x 330 mm)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="the output file (one SOP) or folder (several)")
    parser.add_argument("--with-findings", action="store_true",
                        help="add a last page listing the SOP's lint findings, for a review round")
    parser.add_argument("--logo", metavar="IMAGE", help="the instansi's logo (PNG or JPEG) for the letterhead")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress or summary on standard error")


def run(args: argparse.Namespace) -> int:
    lang = args.lang or "id"
    files = found(find_sop_files, args.paths)
    if not files:
        raise UsageError(NO_TOML_FILES)
    args.to = _format(args, files)
    logo = args.logo or _configured_logo(Path(args.paths[0]))
    if logo and not Path(logo).is_file():
        raise UsageError(glossed("berkas logo tidak ada", "no such logo file", f": {logo}"))
    targets = _targets(args, files)
    findings = _findings(args, files) if args.with_findings else None
    _check_libraries(args.to, lang)
    from ..exporting import export_sop

    failed = 0
    progress = Progress(len(files), enabled=not args.quiet and len(files) > 1 and sys.stderr.isatty(), lang=lang)
    for path, target in zip(files, targets):
        result = load_file(path)
        if not result.ok:
            failed += 1
            progress.clear()
            for problem in result.problems:
                print(problem.render(lang), file=sys.stderr)
            print(_NOT_EXPORTED.format(path=path)(lang), file=sys.stderr)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            mine = findings.get(str(path), []) if findings is not None else None
            export_sop(result.sop, target, args.to, args.paper, mine, lang, logo)
            if len(files) == 1 and not args.quiet:
                print(target, file=sys.stderr)
        progress.step()
    progress.clear()
    if not args.quiet and len(files) > 1:
        done = len(files) - failed
        print(_SUMMARY.format(done=done, total=len(files), out=targets[0].parent if done else "-")(lang)
              if len(files) else "", file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_OK


_NOT_EXPORTED = Text("{path}: tidak diekspor, SOP tidak dapat dimuat", "{path}: not exported, the SOP does not load")
_EXPORTING = glossed("mengekspor", "exporting")
_SUMMARY = Text("{done} dari {total} SOP diekspor", "{done} of {total} SOPs exported")


def _check_libraries(to: str, lang: str = "id") -> None:
    needed = {"pdf": ("reportlab",), "docx": ("reportlab", "docx", "lxml")}[to]
    missing = [name for name in needed if importlib.util.find_spec(name) is None]
    if missing:
        raise UsageError(glossed("ekspor memerlukan", "export needs",
                                 f" {', '.join(missing)}: pip install 'soptui[export]'"))


def _format(args: argparse.Namespace, files: list[Path]) -> str:
    """`--to`, else what the one output file's name says (`-o sop.docx`), else pdf. A name that
    says another format than `--to`, or none of them (`-o a.txt`), is a usage error: the file
    would lie about its content."""
    one_file = bool(args.output) and len(files) == 1 and not Path(args.paths[0]).is_dir() \
        and not Path(args.output).is_dir() and not args.output.endswith(("/", os.sep))
    named = Path(args.output).suffix.lower().lstrip(".") if one_file else ""
    if one_file and named not in FORMATS:
        # the suffix picks the format (docs/export.md): a PDF written as "a.txt" would lie
        suffix = Path(args.output).suffix or "-"
        raise UsageError(Text(
            f"-o {args.output}: akhiran {suffix} bukan format ekspor; pakai .pdf atau .docx "
            "(atau akhiri dengan / untuk sebuah folder)",
            f"-o {args.output}: the suffix {suffix} is not an export format; use .pdf or .docx "
            "(or end it with / for a folder)"))
    if args.to and named and named != args.to:
        raise UsageError(Text(f"-o {args.output} bukan .{args.to} (is not a .{args.to} file): "
                              f"ganti namanya atau --to {named} (rename it, or use --to {named})",
                              f"-o {args.output} is not a .{args.to} file: rename it, or use --to {named}"))
    return args.to or named or "pdf"


def _targets(args: argparse.Namespace, files: list[Path]) -> list[Path]:
    """Where each SOP's document goes."""
    suffix = f".{args.to}"
    single = len(files) == 1 and not Path(args.paths[0]).is_dir()
    if single:
        out = Path(args.output) if args.output else Path(files[0].stem + suffix)
        if out.is_dir() or (args.output or "").endswith(("/", os.sep)):
            out = out / (files[0].stem + suffix)
        return [out]
    folder = Path(args.output or ".")
    if folder.exists() and not folder.is_dir():
        raise UsageError(glossed("-o harus folder untuk beberapa SOP", "-o must be a folder for several SOPs",
                                 f": {folder}"))
    # Folders below the PATHs are kept: sops/lampihong/x.toml and sops/wangon/x.toml differ.
    roots = [Path(p) if Path(p).is_dir() else Path(p).parent for p in args.paths]
    common = Path(os.path.commonpath([str(r.resolve()) for r in roots]))
    return [folder / path.resolve().relative_to(common).with_suffix(suffix) for path in files]


def _configured_logo(start: Path) -> str | None:
    """The `logo` of the configuration that governs `start` (soptui.toml or [tool.soptui])."""
    try:
        path = find_config(start)
        logo = load_config(path).logo if path else None
    except ConfigError as error:
        raise UsageError(error.text) from None
    return str(logo) if logo else None


def _findings(args: argparse.Namespace, files: list[Path]) -> dict[str, list]:
    """Each file's lint findings, found as `soptui lint` finds them (configuration, plugins)."""
    from .session import open_session  # --with-findings only: the checker, its plugins and reporters

    session = open_session(argparse.Namespace(paths=args.paths, lang=args.lang, quiet=True, no_cache=False))
    result = session.lint()
    found: dict[str, list] = {}
    for finding in result.findings:
        found.setdefault(finding.path, []).append(finding)
    return found


class Progress:
    """A bar on standard error while a folder exports, only on a terminal."""

    WIDTH = 30

    def __init__(self, total: int, enabled: bool, lang: str = "id") -> None:
        self.total, self.done, self.enabled, self.lang = total, 0, enabled, lang
        self._draw()

    def step(self) -> None:
        self.done += 1
        self._draw()

    def clear(self) -> None:
        if self.enabled:
            print("\r" + " " * (self.WIDTH + 40) + "\r", end="", file=sys.stderr, flush=True)

    def _draw(self) -> None:
        if not self.enabled:
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        print(f"\r{_EXPORTING(self.lang)} [{bar}] {self.done}/{self.total}",
              end="", file=sys.stderr, flush=True)
