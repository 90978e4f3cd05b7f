"""The ``sphinx-interview`` command; ``import`` writes an interview source file."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from ..values import parse_date
from .detect import FORMATS
from .importer import ImportOptions, import_file
from .model import TranscriptError
from .subtitles import one_line

PROG = "sphinx-interview"


class _Parser(argparse.ArgumentParser):
    """Usage errors on one line too, like errors in the input."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Tools for sphinx_interview projects.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    command = commands.add_parser(
        "import",
        help="write an interview source file from a transcript",
        description=(
            "Read a transcript (numbered press style, Q:/A:, NAME: turns, Otter "
            "text, WebVTT, SRT or OHMS XML) and write an interview source file."
        ),
    )
    command.add_argument("transcript", type=Path, metavar="TRANSCRIPT")
    command.add_argument(
        "-o",
        dest="output",
        type=Path,
        metavar="FILE",
        help="output file (default: standard output)",
    )
    command.add_argument(
        "--to",
        choices=("rst", "md"),
        help="output syntax (default: from -o's suffix, else rst)",
    )
    command.add_argument(
        "--format",
        choices=("auto", *FORMATS),
        default="auto",
        help="input format (default: detected)",
    )
    command.add_argument(
        "--encoding",
        metavar="NAME",
        help="input encoding (default: UTF-8, or UTF-16 with a BOM)",
    )
    command.add_argument("--title", metavar="TEXT", help="the interview's title")
    command.add_argument(
        "--name", metavar="LABEL", help="its :name: (default: the output file's name)"
    )
    command.add_argument(
        "--date", metavar="YYYY[-MM[-DD]]", type=_date, help="the interview's date"
    )
    command.add_argument(
        "--interviewer", metavar="NAMES", help="who asks (;-separated); decides roles"
    )
    command.add_argument(
        "--interviewee", metavar="NAMES", help="who answers (;-separated)"
    )
    command.add_argument("--media", metavar="URL", help="the recording (:media:)")
    return parser


def _date(value: str) -> str:
    if parse_date(value) is None:
        raise argparse.ArgumentTypeError(
            f"invalid date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    return value.strip()


def _syntax(args: argparse.Namespace) -> str:
    if args.to:
        return str(args.to)
    output: Path | None = args.output
    return "md" if output and output.suffix.lower() in {".md", ".markdown"} else "rst"


def run_import(args: argparse.Namespace) -> int:
    options = ImportOptions(
        to=_syntax(args),
        format=args.format,
        encoding=args.encoding,
        title=args.title,
        name=args.name,
        date=args.date,
        interviewer=args.interviewer,
        interviewee=args.interviewee,
        media=args.media,
    )
    if args.output is not None and _same_file(args.output, args.transcript):
        return fail(args.output, "is the transcript itself; choose another -o file")
    try:
        text = import_file(args.transcript, options, args.output)
    except TranscriptError as error:
        return fail(args.transcript, str(error))
    if args.output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return 0
    try:
        write_atomically(args.output, text)
    except OSError as error:
        return fail(args.output, f"cannot be written ({error.strerror or error})")
    return 0


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.exists() and first.samefile(second)
    except OSError:
        return False


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file, so that no half-written file is ever left."""
    directory = path.parent if str(path.parent) else Path()
    handle, temporary = tempfile.mkstemp(
        dir=directory, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fail(path: Path, message: str) -> int:
    """One line on standard error, naming the file and the problem; status 2."""
    text = " ".join(f"{PROG}: error: {path}: {message}".split())
    print(text, file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run_import(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the promise is one line, never a traceback
        return fail(args.transcript, f"cannot be imported ({one_line(error)})")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
