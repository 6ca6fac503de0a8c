"""``paxbill example``: an example input file, to start from or to try a command."""

from __future__ import annotations

import argparse
from importlib.resources import files

from paxbill.cli._common import BadInput

#: Each example, its file in the package, and the command that reads it.
EXAMPLES = {
    "invoices": ("invoices.csv", "paxbill invoices FILE --as-of 2024-06-05"),
    "clients": ("clients.csv", "paxbill compare FILE --start 2024-07-01"),
    "client-invoice": ("client_invoice.json", "paxbill client-invoice FILE"),
    "credit-note": ("credit_note.json", "paxbill client-invoice FILE --xml avoir.xml"),
    "installer": (
        "installer.json",
        "paxbill month-end --installer FILE --register R --month 2025-04 ...",
    ),
    "contracts": (
        "contracts.csv",
        "paxbill month-end --clients FILE --register R --month 2025-04 ...",
    ),
    "users": (
        "users.csv",
        "paxbill month-end --users FILE --register R --month 2025-04 ...",
    ),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill example``."""
    parser.add_argument(
        "name",
        nargs="?",
        default=None,
        help=f"one of {', '.join(EXAMPLES)}; none lists them",
    )


def example_text(name: str) -> str:
    """The text of the example *name*, as it ships in the package."""
    file_name, _ = EXAMPLES[name]
    return files("paxbill").joinpath("data", "examples", file_name).read_text("utf-8")


def run(args: argparse.Namespace) -> str:
    """An example file's text, or the list of examples with their commands."""
    if args.name is None:
        width = max(map(len, EXAMPLES))
        return "\n".join(
            f"{name:<{width}}  {command}" for name, (_, command) in EXAMPLES.items()
        )
    if args.name not in EXAMPLES:
        raise BadInput(
            f"no example is called {args.name!r}: give one of {', '.join(EXAMPLES)}"
        )
    return example_text(args.name).rstrip("\n")
