# PYTHON_ARGCOMPLETE_OK
"""The ``paxbill`` command line: what an installer asks, answered in a terminal.

Shell completion comes with the extra ``paxbill[completion]``: run
``eval "$(register-python-argcomplete paxbill)"`` once in the shell.

Every subcommand prints for people (``--locale``) or for programs (``--json``,
amounts as strings). Bad input prints one line to stderr and exits with 2.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from paxbill.cli._common import (
    EXIT_BAD_INPUT,
    BadInput,
    Outcome,
    installed_version,
    settle_locale,
    visible,
)
from paxbill.exceptions import PaxbillError

__all__ = ["main"]

#: The status of a command interrupted by Ctrl-C, as a shell gives it.
EXIT_INTERRUPTED = 130
#: What the system refused: a temporary file that cannot be made, a full disk.
EXIT_SYSTEM_ERROR = 1

#: Each subcommand, its one-line summary and the module that runs it. A
#: module is imported, and its options declared, only when its command is run.
COMMANDS = {
    "estimate": "the next Paxton invoice for a number of app users",
    "invoices": "invoices from a JSON or CSV file, with their states",
    "quote": "what to bill a client in advance",
    "prorate": "the share of an amount for part of a period",
    "review": "whether a prepaid balance pays Paxton to the end of the term",
    "bundle": "the app's share of a fixed-fee contract",
    "compare": "cash flow of billing strategies for clients in a file",
    "client-invoice": "a client invoice or credit note: totals, HTML, e-invoice XML",
    "check-einvoice": "read a CII or UBL e-invoice: its totals and the rules it breaks",
    "month-end": "the month's invoices, Paxton's invoice and reviews, in a register",
    "demo": "every capability on the vendor's note's sample account",
    "example": "an example input file for a command, to start from",
    "schema": "the JSON Schema of a document that --json prints or a file holds",
}


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, then exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


class _Version(argparse.Action):
    """``--version``: paxbill's installed version, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show paxbill's version and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> NoReturn:
        print(f"paxbill {installed_version()}")
        parser.exit()


def _build_parser(argv: Sequence[str]) -> _Parser:
    """The parser, with the options of the command *argv* names, if any."""
    parser = _Parser(
        prog="paxbill",
        description="Exact billing figures for the Paxton Entry app subscription.",
        # A script's abbreviation would break the day an option is added.
        allow_abbrev=False,
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = next((word for word in argv if not word.startswith("-")), None)
    # Shell completion (argcomplete, paxbill[completion]) needs every option.
    completing = "_ARGCOMPLETE" in os.environ
    for name, summary in COMMANDS.items():
        sub = commands.add_parser(
            name, help=summary, description=summary, allow_abbrev=False
        )
        if name == chosen or completing:
            module = importlib.import_module(f"paxbill.cli._{name.replace('-', '_')}")
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 on success, 2 on bad input, 1 when the system
        refuses what the command needs (a temporary file, a full disk), 130
        when interrupted (Ctrl-C). Output cut short by its reader
        (``paxbill demo | head -2``) ends quietly, with 0.
    """
    try:
        return _run(argv)
    except KeyboardInterrupt:
        # Ctrl-C: one line, and the status a shell gives to SIGINT.
        print("paxbill: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # As the Python documentation on SIGPIPE advises: point stdout at
        # devnull, so that flushing it at exit cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as error:
        # Not the input's fault, so not status 2; still one line.
        reason = error.strerror or str(error)
        where = f" ({error.filename})" if error.filename else ""
        print(visible(f"paxbill: error: {reason}{where}"), file=sys.stderr)
        return EXIT_SYSTEM_ERROR


def _complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's completion request, where argcomplete is installed."""
    try:
        argcomplete = importlib.import_module("argcomplete")
    except ImportError:
        return
    argcomplete.autocomplete(parser)


def _run(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = _build_parser(words)
    if "_ARGCOMPLETE" in os.environ:
        _complete(parser)
    if not words:
        # paxbill alone: what it can do, and then what is missing.
        parser.print_help(sys.stderr)
        print("paxbill: error: give a COMMAND, such as 'paxbill demo'", file=sys.stderr)
        return EXIT_BAD_INPUT
    args = parser.parse_args(words)
    settle_locale(args)
    try:
        output = args.run(args)
    except (PaxbillError, BadInput) as error:
        message = visible(" ".join(str(error).split()))
        print(f"paxbill {args.command}: error: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    status = 0
    if isinstance(output, Outcome):
        output, status = output
    if isinstance(output, str):
        if output:
            print(visible(output))
    else:  # pieces of an output too long to hold, every figure already made
        for piece in output:
            sys.stdout.write(visible(piece))
        sys.stdout.write("\n")
    sys.stdout.flush()
    return status
