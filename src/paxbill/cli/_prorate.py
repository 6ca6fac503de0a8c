"""``paxbill prorate``: the share of an amount for part of a period."""

from __future__ import annotations

import argparse

from paxbill.cli._common import (
    BadInput,
    add_output_options,
    amount_option,
    choice,
    dumps,
    in_order,
    iso_date,
    pairs,
    plain,
)
from paxbill.clients.proration import ProrationMethod, prorate
from paxbill.core.formatting import parse_locale
from paxbill.core.periods import BillingPeriod
from paxbill.io._reports import span
from paxbill.io._words import text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``paxbill prorate``."""
    parser.add_argument("--amount", required=True, help="what the whole period costs")
    parser.add_argument(
        "--start", type=iso_date, required=True, help="first day of the period"
    )
    parser.add_argument(
        "--end", type=iso_date, required=True, help="day after its last day"
    )
    parser.add_argument(
        "--part-start", type=iso_date, required=True, help="first day of the part"
    )
    parser.add_argument(
        "--part-end",
        type=iso_date,
        default=None,
        help="day after the part's last day (the period's end)",
    )
    parser.add_argument(
        "--method",
        type=choice(ProrationMethod),
        default=ProrationMethod.DAYS,
        help="days or months (days)",
    )
    parser.add_argument(
        "--anchor",
        type=iso_date,
        default=None,
        help="billing anchor whose months are counted by months (the period's start)",
    )
    add_output_options(parser)


def run(args: argparse.Namespace) -> str:
    """The share of an amount for part of a period."""
    locale = parse_locale(args.locale)
    amount = amount_option(args, "--amount", args.currency, negative=True)
    in_order(("--start", args.start), ("--end", args.end), strict=True)
    in_order(
        ("--start", args.start),
        ("--part-start", args.part_start),
        ("--part-end", args.part_end),
        ("--end", args.end),
    )
    if args.part_start == (args.part_end or args.end):
        raise BadInput(
            "argument --part-start: the part from it to --part-end is empty: "
            "give a --part-start before --part-end"
        )
    period = BillingPeriod(args.start, args.end)
    part = BillingPeriod(args.part_start, args.part_end or args.end)
    share = prorate(amount, period, part, method=args.method, anchor=args.anchor)
    if args.json:
        return dumps(
            {
                "currency": amount.currency,
                "amount": plain(amount),
                "period_start": period.start.isoformat(),
                "period_end": period.end.isoformat(),
                "part_start": part.start.isoformat(),
                "part_end": part.end.isoformat(),
                "method": args.method.value,
                "share": plain(share),
            }
        )
    rows = [
        (text("prorate.amount", locale), amount.format(locale)),
        (
            text("prorate.period", locale),
            span(period, locale),
        ),
        (
            text("prorate.part", locale),
            span(part, locale),
        ),
        (text("prorate.method", locale), text(f"method.{args.method.value}", locale)),
        (text("prorate.share", locale), share.format(locale)),
    ]
    return "\n".join([text("prorate.title", locale), *pairs(rows)])
