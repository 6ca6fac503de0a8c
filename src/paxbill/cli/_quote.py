"""``paxbill quote``: what to bill a client in advance."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from paxbill.cli._common import (
    BadInput,
    add_output_options,
    amount_option,
    dumps,
    frequency,
    integer,
    iso_date,
    pairs,
    plain,
)
from paxbill.clients.prepayment import price_runs, quote_prepayment
from paxbill.core.discount import Discount
from paxbill.core.formatting import format_number, parse_locale
from paxbill.core.money import Money
from paxbill.core.periods import BillingFrequency
from paxbill.core.pricing import PerUserPrice
from paxbill.core.schedules import PriceSchedule
from paxbill.io._labels import label
from paxbill.io._reports import span
from paxbill.io._words import text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill quote``."""
    parser.add_argument("--users", type=integer, required=True, help="app users")
    parser.add_argument(
        "--price", required=True, help="price per user per month to the client"
    )
    parser.add_argument(
        "--discount", default=None, help="a discount off that price, in per cent"
    )
    parser.add_argument(
        "--frequency",
        type=frequency,
        default=BillingFrequency.ANNUAL,
        help="monthly, quarterly, annual, or a number of months such as 6 (annual)",
    )
    parser.add_argument(
        "--price-from",
        nargs=2,
        action="append",
        metavar=("DATE", "PRICE"),
        default=[],
        help="a new price from a date, YYYY-MM-DD; months from then are billed"
        " at it (repeat for more changes)",
    )
    parser.add_argument(
        "--start",
        type=iso_date,
        required=True,
        help="first day of the term, YYYY-MM-DD",
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> str:
    """What to bill a client in advance."""
    locale = parse_locale(args.locale)
    price = amount_option(args, "--price", args.currency, cents=False)
    if args.discount is not None:
        price = PerUserPrice(price, Discount(args.discount)).net
    dated: Money | PriceSchedule = price
    if args.price_from:
        changes = [
            (
                _day(day),
                amount_option(
                    args, "--price-from", args.currency, cents=False, text=value
                ),
            )
            for day, value in args.price_from
        ]
        for day, _ in changes:
            if day <= args.start:
                raise BadInput(
                    f"argument --price-from: {day.isoformat()} is not after --start "
                    f"{args.start.isoformat()}, so --price would never be billed: "
                    "give that price as --price"
                )
        if args.discount is not None:
            discount = Discount(args.discount)
            changes = [
                (day, PerUserPrice(value, discount).net) for day, value in changes
            ]
        dated = PriceSchedule([(dt.date.min, price), *changes])
    result = quote_prepayment(dated, args.users, args.frequency, args.start)
    if args.json:
        return dumps(
            {
                "currency": price.currency,
                "unit_price": plain(result.unit_price),
                "users": result.users,
                "frequency": result.frequency.value,
                "months": result.months,
                "period_start": result.period.start.isoformat(),
                "period_end": result.period.end.isoformat(),
                "monthly_prices": [plain(p) for p in result.prices],
                "total": plain(result.total),
            }
        )
    rows = [
        (
            text("quote.period", locale),
            span(result.period, locale),
        ),
        (text("quote.frequency", locale), label(result.frequency, locale)),
        *_price_rows(result.prices, result.period.start, locale),
        (text("users", locale), format_number(result.users, locale)),
        (text("quote.months", locale), format_number(result.months, locale)),
        (text("quote.total", locale), result.total.format(locale)),
    ]
    return "\n".join([text("quote.title", locale), *pairs(rows)])


def _price_rows(
    prices: tuple[Money, ...], start: dt.date, locale: Any
) -> list[tuple[str, str]]:
    """The net price, or each price with the months it is billed for."""
    if len(set(prices)) == 1:
        return [(text("net_price", locale), prices[0].format(locale))]
    return [
        (
            f"{text('net_price', locale)}, {span(period, locale)}",
            f"{price.format(locale)} x {months}",
        )
        for period, months, price in price_runs(prices, start)
    ]


def _day(text: str) -> dt.date:
    try:
        return iso_date(text)
    except argparse.ArgumentTypeError as error:
        raise BadInput(f"argument --price-from: {error}") from None
