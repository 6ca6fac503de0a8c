"""``paxbill compare``: cash flow of billing strategies for clients in a file."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence

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
from paxbill.cli._files import add_input_options, decimal_comma, read_clients
from paxbill.cli._render import render
from paxbill.clients.bundles import Bundle
from paxbill.clients.cashflow import (
    Client,
    StrategyComparison,
    compare_strategies,
    rebill,
)
from paxbill.core.discount import Discount
from paxbill.core.exchange import RateTable
from paxbill.core.formatting import parse_locale
from paxbill.core.periods import BillingFrequency
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


def run(args: argparse.Namespace) -> str:
    """Cash-flow projections of billing strategies for clients in a file."""
    clients = read_clients(
        args.file,
        form=args.format,
        decimal_comma=decimal_comma(args.locale),
        strict=args.strict,
    )
    currencies = sorted(
        {
            currency
            for client in clients
            if (currency := getattr(client.price, "currency", None)) is not None
        }
    )
    if currencies and args.currency.upper() not in currencies:
        raise BadInput(
            f"{args.file}: the clients are billed in {', '.join(currencies)}, not "
            f"--currency {args.currency.upper()} (the default is EUR): give "
            f"--currency {currencies[0]}"
        )
    paxton_currency = args.paxton_currency or args.currency
    paxton = PerUserPrice(
        amount_option(args, "--list-price", paxton_currency, text=list_price(args)),
        Discount(args.discount),
    )
    account = Account("installer", args.account_type, credit_days=args.credit_days)
    return render_comparison(
        strategies(clients),
        paxton,
        account,
        args.start,
        args.months,
        args.locale,
        args.json,
        currency=args.currency,
        rates=exchange_rates(args, args.start),
    )


def strategies(clients: Sequence[Client]) -> dict[str, tuple[Client, ...]]:
    """The clients as they are billed, then all billed each way in turn."""
    ways: dict[str, tuple[Client, ...]] = {"as_billed": tuple(clients)}
    bundled = tuple(c for c in clients if isinstance(c.billing, Bundle))
    priced = [c for c in clients if not isinstance(c.billing, Bundle)]
    for frequency in BillingFrequency:
        # A bundled client keeps its fee: it has no price to bill otherwise.
        ways[frequency.value] = rebill(priced, frequency) + bundled
    return ways


def render_comparison(
    ways: dict[str, tuple[Client, ...]],
    paxton: PerUserPrice,
    account: Account,
    start: dt.date,
    months: int,
    locale_name: str,
    as_json: bool,
    *,
    currency: str | None = None,
    rates: RateTable | None = None,
) -> str:
    """The strategies side by side."""
    locale = parse_locale(locale_name)
    result: StrategyComparison = compare_strategies(
        ways,
        paxton_price=paxton,
        account=account,
        start=start,
        months=months,
        currency=currency,
        rates=rates,
    )
    if as_json:
        return dumps(
            {
                # The clients as read: the command reads this output back.
                "clients": [to_dict(client) for client in ways["as_billed"]],
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
    title = text("compare.title", locale).format(
        months=months, start=month(start, locale)
    )
    return render(comparison_report(result, locale, title))
