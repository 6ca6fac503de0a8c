"""``paxbill schema``: the JSON Schema of a document, or the list of documents."""

from __future__ import annotations

import argparse
import json

from paxbill.cli._common import BadInput
from paxbill.io.schemas import json_schema, schema_names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill schema``."""
    parser.add_argument(
        "name",
        nargs="?",
        default=None,
        help="a document's type, such as invoice or client_invoice; none lists them",
    )


def run(args: argparse.Namespace) -> str:
    """The schema of one document type, indented, or every type's name."""
    if args.name is None:
        return "\n".join(schema_names())
    # A command's name (client-invoice) names its document (client_invoice).
    name = args.name.replace("-", "_")
    if name not in schema_names():
        raise BadInput(
            f"no document is called {args.name!r}: run 'paxbill schema' for the list"
        )
    return json.dumps(json_schema(name), indent=2, ensure_ascii=False)
