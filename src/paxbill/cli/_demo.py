"""``paxbill demo``: the vendor's note, worked through on a sample account."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from importlib.resources import files
from types import ModuleType
from typing import Any

from paxbill.cli import _bundle, _client_invoice, _estimate, _prorate, _quote, _review
from paxbill.cli._common import add_output_options, dumps
from paxbill.cli._compare import render_comparison
from paxbill.cli._invoices import render_invoices
from paxbill.core.formatting import parse_locale
from paxbill.core.pricing import PerUserPrice
from paxbill.io._words import text
from paxbill.io.serialization import from_dict
from paxbill.paxton.accounts import AccountType
from paxbill.paxton.invoices import Invoice


def sample_account() -> dict[str, Any]:
    """The sample account that ships with paxbill, read back into objects."""
    document = json.loads(
        files("paxbill").joinpath("data", "sample_account.json").read_text("utf-8")
    )
    return {
        "as_of": dt.date.fromisoformat(document["as_of"]),
        "price": from_dict(document["price"], path="price"),
        "invoices": [
            from_dict(d, path=f"invoices[{n}]")
            for n, d in enumerate(document["invoices"])
        ],
        "clients": [
            from_dict(d, path=f"clients[{n}]")
            for n, d in enumerate(document["clients"])
        ],
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill demo``."""
    add_output_options(parser, currency=False)


def run(args: argparse.Namespace) -> str:
    """Every capability, in the order of the vendor's note."""
    sample = sample_account()
    price: PerUserPrice = sample["price"]
    invoices: list[Invoice] = sample["invoices"]
    as_of: dt.date = sample["as_of"]
    output = ["--locale", args.locale, *(["--json"] if args.json else [])]
    installer = _installer(invoices)
    discount = price.discount.percent if price.discount else 0
    sections = {
        "estimate": _run(
            _estimate,
            f"--users 70 --list-price {price.list_price.amount:f} "
            f"--discount {discount:f} --currency {price.currency}",
            *output,
        ),
        "invoices": render_invoices(invoices, as_of, args.locale, args.json),
        "quote": _run(
            _quote,
            "--users 1 --price 2.50 --currency GBP --frequency annual "
            "--start 2024-01-01",
            *output,
        ),
        "review": _run(
            _review,
            "--balance 200.00 --monthly-cost 25.00 --currency GBP --as-of 2024-04-01 "
            "--term-start 2024-01-01 --term-end 2025-01-01 "
            f"--account-type {installer.account_type.value} "
            f"--credit-days {installer.credit_days}",
            *output,
        ),
        "prorate": _run(
            _prorate,
            "--amount 30.00 --currency GBP --start 2024-01-01 --end 2025-01-01 "
            "--part-start 2024-07-01",
            *output,
        ),
        "bundle": _run(
            _bundle,
            f"--fee 300.00 --users 70 --list-price {price.list_price.amount:f} "
            f"--discount {discount:f} --currency {price.currency}",
            *output,
        ),
        "client_invoice": _run(
            _client_invoice,
            str(files("paxbill").joinpath("data", "examples", "client_invoice.json")),
            *output,
        ),
        "comparison": render_comparison(
            sample["clients"],
            price,
            _installer(invoices),
            dt.date(2024, 7, 1),
            12,
            args.locale,
            args.json,
        ),
    }
    if args.json:
        return dumps({name: json.loads(body) for name, body in sections.items()})
    locale = parse_locale(args.locale)
    parts = [text("demo.intro", locale)]
    for number, (name, body) in enumerate(sections.items(), start=1):
        parts.append(f"\n{number}. {text(f'demo.{name}', locale)}\n\n{body}")
    return "\n".join(parts)


def _run(command: ModuleType, line: str, *words: str) -> str:
    """Run a subcommand on what a user would type, with its defaults."""
    parser = argparse.ArgumentParser(add_help=False)
    command.add_arguments(parser)
    return command.run(parser.parse_args([*line.split(), *words]))  # type: ignore[no-any-return]


def _installer(invoices: list[Invoice]) -> Any:
    account = invoices[0].account
    assert account.account_type is AccountType.APPROVED_INSTALLER
    return account
