"""The `soptui` command: parses arguments and hands each subcommand to its module.

Subcommand modules are imported only when chosen, so `soptui lint` never pays for (or imports)
the terminal UI, nor for the modules and arguments of the other commands.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from pathlib import Path

from .. import __version__
from ..gcpolicy import collector, spare_at_exit
from ..i18n import Text, TextError, glossed
from ..regexcache import preload as preload_patterns

# Exit codes shared by every subcommand.
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

DESCRIPTION = """\
soptui checks and edits SOP AP documents (Standar Operasional Prosedur Administrasi
Pemerintahan, Permenpan RB 35/2012) written as TOML files.
"""

EPILOG = """\
soptui [--lang en] [PATH] with no command opens the terminal UI on PATH (default: ./sops, else .).

examples:
  soptui sops/                     browse, review and edit in the terminal UI
  soptui lint sops/                check every SOP under sops/ against the rules
  soptui lint sops/ --format json  the same, for machines
  soptui validate sops/            check every SOP under sops/ against the format
  soptui validate sops/awayan/pengukuran-kinerja-triwulan.toml

exit codes: 0 success; 1 problems found, a file that cannot be read or loaded included;
2 usage or configuration error, or a rule that crashed.
Messages are in Bahasa Indonesia; --lang en (or SOPTUI_LANG=en) for English.
"""

# name -> (module, one-line help)
COMMANDS = {
    "lint": ("lint", "check SOP files against the rules (the main job)"),
    "validate": ("validate", "check SOP files against the format and schema only"),
    "rules": ("rules", "list every rule"),
    "rule": ("rule", "show one rule's documentation"),
    "plugins": ("plugins", "list loaded plugins and any that failed"),
    "new": ("new", "start a new SOP file from the template"),
    "regulation": ("regulation", "show what the regulation registry knows about a citation"),
    "new-plugin": ("new_plugin", "write a working plugin skeleton with one rule and its test"),
    "import": ("import_", "read SOPs from Word (.docx), PDF and extracted text into TOML files"),
    "export": ("export", "write the official printable SOP document (PDF or Word)"),
}


class UsageError(TextError):
    """A mistake in how soptui was called; reported in one line, exit code 2. The message is a
    `Text` (Indonesian with English in brackets, or English alone with --lang en) or a str,
    which is said as it is (a message that came from elsewhere)."""

    def say(self, lang: str | None) -> str:
        return self.text(lang or "id")


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter (descriptions kept as written), told the terminal's width. Left to
    itself it imports shutil to ask, on every `add_argument`: a cost every run would pay,
    though few print any help."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_width() - 2)


def _terminal_width() -> int:
    """What `shutil.get_terminal_size().columns` answers: $COLUMNS, else the terminal's, else 80."""
    try:
        return int(os.environ["COLUMNS"]) or 80
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def build_parser(only: str | None = None, alone: bool = False) -> argparse.ArgumentParser:
    """The parser of every command; with `only`, that command's arguments in full and the others
    by name and summary (enough for `soptui --help`), importing no other command module. With
    `alone` as well, no other command at all: what `soptui COMMAND ...` parses needs none of them."""
    parser = argparse.ArgumentParser(
        prog="soptui",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"soptui {__version__}")
    # prog given: argparse would otherwise work it out with a help formatter, which imports shutil
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", prog=parser.prog)
    for name, (module, summary) in COMMANDS.items():
        if only is not None and name != only:
            if not alone:
                subparsers.add_parser(name, help=summary, formatter_class=HelpFormatter)
            continue
        command = import_module(f".{module}", __name__)
        sub = subparsers.add_parser(name, help=summary, description=command.__doc__, formatter_class=HelpFormatter)
        _add_language(sub)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def _add_language(parser: argparse.ArgumentParser) -> None:
    """Every command's --lang, its first option after --help."""
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=os.environ.get("SOPTUI_LANG") if os.environ.get("SOPTUI_LANG") in ("id", "en") else None,
        help="language of messages: id (Bahasa Indonesia, default) or en",
    )


def run_process() -> None:
    """The `soptui` program (console script and `python -m soptui`): `main`, then exit."""
    preload_patterns()  # before the modules that compile them are imported
    try:
        code = main()
        try:  # here, not at exit, where Python would only say "Exception ignored" and exit 120
            sys.stdout.flush()
        except BrokenPipeError:
            pass
        except OSError as error:
            print("soptui: " + glossed("keluaran standar tidak dapat ditulis",
                                       "cannot write standard output")(_asked_language(sys.argv[1:]))
                  + f": {_os_error(error)}", file=sys.stderr)
            code = EXIT_ERROR
    except Exception:  # noqa: BLE001 - a bug, ours or a plugin's: left alone, Python would exit 1,
        # which CI reads as "findings"; a crash must fail the gate as an error does
        import traceback

        traceback.print_exc()
        print("soptui: " + glossed("kesalahan internal, mohon laporkan",
                                   "internal error, please report it")(_asked_language(sys.argv[1:])), file=sys.stderr)
        code = EXIT_ERROR
    spare_at_exit()
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    rest, lang = _language(argv)
    if not rest or (rest[0] not in COMMANDS and not rest[0].startswith("-")):
        return _terminal_ui(rest, lang)
    with collector(running=False):
        return _command(argv)


def _command(argv: list[str]) -> int:
    # Build (and import) only the command named, if any: `soptui --version` and `soptui --help`
    # need no command module at all. Named first, the command is parsed by its own parser alone
    # (each parser costs a start some gettext look-ups); after an option (`soptui -h lint`), the
    # others are there by name for the help.
    command = next((arg for arg in argv if arg in COMMANDS), "")
    parser = build_parser(only=command, alone=bool(argv) and argv[0] == command)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return args.run(args)
    except UsageError as error:
        # args.lang: --lang, else SOPTUI_LANG, else (once the configuration is read) its `lang`
        print(f"soptui {args.command}: {_printable(error.say(args.lang))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("soptui: " + glossed("dihentikan", "interrupted")(args.lang), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `soptui ... | head` closed the pipe: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except OSError as error:
        # A file soptui was asked to write or read and cannot (a folder that does not exist, a
        # read-only file, a full disk): the user's to mend, so a sentence, not a traceback.
        print(f"soptui {args.command}: {_printable(_os_error(error))}", file=sys.stderr)
        return EXIT_ERROR


NO_TOML_FILES = glossed("tidak ada berkas .toml yang ditemukan", "no .toml files found")


def already_exists(path: object) -> Text:
    return glossed("sudah ada, tidak ditimpa", "already exists, not overwritten", f": {path}")


def no_such_config(given: object) -> Text:
    return glossed("berkas konfigurasi tidak ada", "no such config file", f": {given}")


def no_such_path(path: object) -> Text:
    """A file or folder given on the command line that does not exist."""
    return Text(f"tidak ada berkas atau folder '{path}' (no such file or folder)", f"no such file or folder '{path}'")


def _printable(message: str) -> str:
    """A message naming files: their control codes escaped, as in every report, except the
    newlines between its lines (a registry's problems, one a line), which stay newlines; each
    line after the first indented, so that none reads as a message of its own."""
    from ..reporting.base import printable

    return "\n  ".join(printable(line) for line in message.split("\n"))


def _os_error(error: OSError) -> str:
    what = error.strerror or str(error)
    return f"{error.filename}: {what}" if error.filename else what


def _asked_language(argv: list[str]) -> str:
    """The language asked for anywhere in `argv` (`--lang en`), else by SOPTUI_LANG: for the few
    messages said before, or without, a parsed command line."""
    for at, arg in enumerate(argv):
        if arg == "--lang" and at + 1 < len(argv) and argv[at + 1] in ("id", "en"):
            return argv[at + 1]
        if arg in ("--lang=id", "--lang=en"):
            return arg.split("=", 1)[1]
    return "en" if os.environ.get("SOPTUI_LANG") == "en" else "id"


def _language(argv: list[str]) -> tuple[list[str], str | None]:
    """`--lang X` written before a UI path (`soptui --lang en sops/`): the other arguments, and X."""
    if argv[:1] == ["--lang"] and len(argv) > 1 and argv[1] in ("id", "en"):
        return argv[2:], argv[1]
    if argv[:1] and argv[0] in ("--lang=id", "--lang=en"):
        return argv[1:], argv[0].split("=", 1)[1]
    return argv, None


def _terminal_ui(argv: list[str], lang: str | None = None) -> int:
    """`soptui [PATH]`: the terminal UI. Imported only here, so other commands never load it."""
    said = lang or _asked_language([])
    if len(argv) > 1:
        print("soptui: " + glossed(f"satu PATH saja untuk UI, bukan {' '.join(argv)}; lihat soptui --help",
                                   f"one PATH for the UI, not {' '.join(argv)}; see soptui --help")(said), file=sys.stderr)
        return EXIT_ERROR
    target = Path(argv[0]) if argv else (Path("sops") if Path("sops").is_dir() else Path("."))
    if not target.exists():
        print("soptui: " + no_such_path(target)(said), file=sys.stderr)
        return EXIT_ERROR
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("soptui: " + Text("UI memerlukan terminal; untuk CI gunakan `soptui lint` "
                                "(the UI needs a terminal; in CI use `soptui lint`)",
                                "the UI needs a terminal; in CI use `soptui lint`")(said), file=sys.stderr)
        return EXIT_ERROR
    from ..tui.app import run

    return run(target, lang)
