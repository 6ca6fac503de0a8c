"""``paxbill compare``: cash flow of billing strategies for clients in a file."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence

from paxbill.cli._common import (
    MAX_MONTHS,
    BadInput,
    add_account_type,
    add_exchange_options,
    add_list_price,
    add_output_options,
    amount_option,
    dumps,
    exchange_rates,
    iso_date,
    list_price,
    plain,
    whole,
)
from paxbill.cli._files import add_input_options, decimal_comma, each_client
from paxbill.cli._render import Spool, render
from paxbill.clients.cashflow import (
    Client,
    StrategyComparison,
    compare_billing,
)
from paxbill.core.discount import Discount
from paxbill.core.formatting import parse_locale
from paxbill.core.pricing import PerUserPrice
from paxbill.io._reports import comparison_report, month
from paxbill.io._words import text
from paxbill.io.serialization import to_dict
from paxbill.paxton.accounts import Account


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill compare``."""
    add_input_options(parser, "clients")
    parser.add_argument(
        "--start", type=iso_date, required=True, help="first month, YYYY-MM-DD"
    )
    parser.add_argument(
        "--months",
        type=whole(1, MAX_MONTHS),
        default=12,
        help=f"months to project, 1 to {MAX_MONTHS} (12)",
    )
    add_list_price(parser, default="3.00", aliases=["--paxton-price"])
    add_account_type(parser)
    add_exchange_options(parser)
    add_output_options(parser)


def run(args: argparse.Namespace) -> Iterator[str]:
    """Cash-flow projections of billing strategies for clients in a file.

    The file is read once, row by row, and its clients are not kept: the
    four strategies are tallied as each client is read, and with ``--json``
    the clients' documents are written to a temporary file.
    """
    found = each_client(
        args.file,
        form=args.format,
        decimal_comma=decimal_comma(args.locale),
        strict=args.strict,
    )
    paxton_currency = args.paxton_currency or args.currency
    paxton = PerUserPrice(
        amount_option(args, "--list-price", paxton_currency, text=list_price(args)),
        Discount(args.discount),
    )
    account = Account("installer", args.account_type, credit_days=args.credit_days)
    rates = exchange_rates(args, args.start)
    documents = Spool() if args.json else None
    try:
        result = compare_billing(
            _in_currency(found, args.file, args.currency.upper(), documents),
            paxton_price=paxton,
            account=account,
            start=args.start,
            months=args.months,
            currency=args.currency,
            rates=rates,
        )
    except BaseException:
        if documents is not None:
            documents.close()
        raise
    return comparison_output(
        result, documents or [], args.start, args.months, args.locale, args.json
    )


def _in_currency(
    clients: Iterator[Client], path: str, currency: str, documents: Spool | None
) -> Iterator[Client]:
    """*clients* as read, refused if none is billed in *currency* (--currency).

    With *documents*, each client's document is written there, comma first.
    """
    seen: set[str] = set()
    for index, client in enumerate(clients):
        code = _currency(client)
        if code is not None and code != currency:
            # Read to the end, to name every currency the file bills in.
            found = {*seen, code, *filter(None, map(_currency, clients))}
            if currency not in found:
                currencies = sorted(found)
                raise BadInput(
                    f"{path}: the clients are billed in {', '.join(currencies)}, not"
                    f" --currency {currency} (the default is EUR): give "
                    f"--currency {currencies[0]}"
                )
        if code is not None:
            seen.add(code)
        if documents is not None:
            documents.write(_document(client, index))
        yield client


def _currency(client: Client) -> str | None:
    return getattr(client.price, "currency", None)


def _document(client: Client, index: int) -> str:
    import json  # only for --json: a command for people starts without it

    return (", " if index else "") + json.dumps(to_dict(client), ensure_ascii=False)


def render_comparison(
    clients: Sequence[Client],
    paxton: PerUserPrice,
    account: Account,
    start: dt.date,
    months: int,
    locale_name: str,
    as_json: bool,
) -> str:
    """The strategies of :func:`~paxbill.compare_billing` side by side."""
    result = compare_billing(
        clients, paxton_price=paxton, account=account, start=start, months=months
    )
    documents = [_document(c, i) for i, c in enumerate(clients)]
    return "".join(
        comparison_output(result, documents, start, months, locale_name, as_json)
    )


def comparison_output(
    result: StrategyComparison,
    documents: Iterable[str],
    start: dt.date,
    months: int,
    locale_name: str,
    as_json: bool,
) -> Iterator[str]:
    """The comparison for people, or as JSON in pieces around *documents*.

    *documents* are the clients' JSON documents, each but the first after
    a comma: the command reads this output back.
    """
    locale = parse_locale(locale_name)
    if not as_json:
        title = text("compare.title", locale).format(
            months=months, start=month(start, locale)
        )
        return iter([render(comparison_report(result, locale, title))])
    rest = dumps(
        {
            "currency": result.projections[0][1].currency,
            "strategies": [
                {
                    "name": name,
                    "lowest_position": plain(p.lowest_position),
                    "months_in_red": p.months_in_red,
                    "money_in": plain(p.total_in),
                    "money_out": plain(p.total_out),
                    "net": plain(p.net),
                    "exchange_result": None
                    if p.exchange_result is None
                    else plain(p.exchange_result),
                    "months": [
                        {
                            "month": m.period.start.isoformat()[:7],
                            "money_in": plain(m.money_in),
                            "money_out": plain(m.money_out),
                            "cumulative": plain(m.cumulative),
                        }
                        for m in p.months
                    ],
                }
                for name, p in result.projections
            ],
        }
    )
    # The object dumps() would write whole: {"clients": [...], "currency": ...
    return itertools.chain(['{"clients": ['], documents, ["], " + rest[1:]])
