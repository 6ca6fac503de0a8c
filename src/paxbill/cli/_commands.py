"""The subcommands: each turns parsed arguments into text or one JSON object."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence

from paxbill.cli._common import dumps, month, pairs, plain, render, span
from paxbill.cli._files import read_clients, read_invoices
from paxbill.clients.balances import review_balance
from paxbill.clients.bundles import Bundle
from paxbill.clients.cashflow import (
    Client,
    StrategyComparison,
    compare_strategies,
    rebill,
)
from paxbill.clients.prepayment import quote_prepayment
from paxbill.clients.proration import prorate
from paxbill.core.discount import Discount
from paxbill.core.formatting import format_number, format_percent_value, parse_locale
from paxbill.core.money import Money
from paxbill.core.periods import BillingFrequency, BillingPeriod
from paxbill.core.pricing import PerUserPrice
from paxbill.io._labels import label, text
from paxbill.io._reports import comparison_report, invoices_report, review_report
from paxbill.paxton.accounts import Account
from paxbill.paxton.autopay import apply_automatic_payments
from paxbill.paxton.invoices import Invoice


def estimate(args: argparse.Namespace) -> str:
    """The next Paxton invoice for a number of users."""
    locale = parse_locale(args.locale)
    price = PerUserPrice(Money(args.list_price, args.currency), Discount(args.discount))
    total = price.monthly_total(args.users)
    discount = price.discount or Discount(0)
    if args.json:
        return dumps(
            {
                "currency": price.currency,
                "list_price": plain(price.list_price),
                "discount_percent": f"{discount.percent:f}",
                "net_price": plain(price.net),
                "users": args.users,
                "total": plain(total),
            }
        )
    rows = [
        (text("list_price", locale), price.list_price.format(locale)),
        (text("discount", locale), format_percent_value(discount.percent, locale)),
        (text("net_price", locale), price.net.format(locale)),
        (text("users", locale), format_number(args.users, locale)),
        (text("total", locale), total.format(locale)),
    ]
    return "\n".join([text("estimate.title", locale), *pairs(rows)])


def invoices(args: argparse.Namespace) -> str:
    """Invoices read from a file, with each one's state on a date."""
    return render_invoices(read_invoices(args.file), args.as_of, args.locale, args.json)


def render_invoices(
    found: Sequence[Invoice], as_of: dt.date, locale_name: str, as_json: bool
) -> str:
    """The invoice list as the portal shows it, after automatic payments."""
    locale = parse_locale(locale_name)
    settled = apply_automatic_payments(found, as_of)
    if as_json:
        return dumps(
            {
                "as_of": as_of.isoformat(),
                "invoices": [
                    {
                        "number": i.number,
                        "issue_date": i.issue_date.isoformat(),
                        "due_date": i.due_date.isoformat(),
                        "total": plain(i.total),
                        "currency": i.currency,
                        "type": None if i.method is None else i.method.value,
                        "status": i.status_on(as_of).value,
                        "paid_on": None
                        if i.payment is None
                        else i.payment.on.isoformat(),
                    }
                    for i in settled
                ],
            }
        )
    return render(invoices_report(found, as_of, locale))


def quote(args: argparse.Namespace) -> str:
    """What to bill a client in advance."""
    locale = parse_locale(args.locale)
    price = Money(args.price, args.currency)
    if args.discount is not None:
        price = PerUserPrice(price, Discount(args.discount)).net
    result = quote_prepayment(price, args.users, args.frequency, args.start)
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
                "total": plain(result.total),
            }
        )
    rows = [
        (
            text("quote.period", locale),
            span(result.period, locale),
        ),
        (text("quote.frequency", locale), label(result.frequency, locale)),
        (text("net_price", locale), result.unit_price.format(locale)),
        (text("users", locale), format_number(result.users, locale)),
        (text("quote.months", locale), format_number(result.months, locale)),
        (text("quote.total", locale), result.total.format(locale)),
    ]
    return "\n".join([text("quote.title", locale), *pairs(rows)])


def prorate_command(args: argparse.Namespace) -> str:
    """The share of an amount for part of a period."""
    locale = parse_locale(args.locale)
    amount = Money(args.amount, args.currency)
    period = BillingPeriod(args.start, args.end)
    part = BillingPeriod(args.part_start, args.part_end or args.end)
    share = prorate(amount, period, part, method=args.method)
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


def review(args: argparse.Namespace) -> str:
    """The monthly review of a prepaid balance."""
    locale = parse_locale(args.locale)
    result = review_balance(
        Money(args.balance, args.currency),
        Money(args.monthly_cost, args.currency),
        as_of=args.as_of,
        term_end=args.term_end,
    )
    if args.json:
        return dumps(
            {
                "currency": result.balance.currency,
                "balance": plain(result.balance),
                "monthly_cost": plain(result.monthly_cost),
                "months_remaining": result.months_remaining,
                "months_covered": result.months_covered,
                "sufficient": result.sufficient,
                "shortfall": plain(result.shortfall),
                "runs_out_on": None
                if result.runs_out_on is None
                else result.runs_out_on.isoformat(),
            }
        )
    return render(review_report(result, locale))


def bundle(args: argparse.Namespace) -> str:
    """The app's share of a fixed-fee contract."""
    locale = parse_locale(args.locale)
    app_price = PerUserPrice(
        Money(args.app_price, args.currency), Discount(args.discount)
    )
    result = Bundle(
        Money(args.fee, args.currency),
        args.frequency,
        args.users,
        app_price,
        Money(args.other_costs, args.currency),
    )
    if args.json:
        return dumps(
            {
                "currency": result.fee.currency,
                "fee": plain(result.fee),
                "frequency": result.frequency.value,
                "users": result.users,
                "app_cost": plain(result.app_cost),
                "app_share": f"{result.app_share:f}",
                "other_costs": plain(result.other_costs),
                "margin": plain(result.margin),
                "break_even_users": result.break_even_users,
            }
        )
    breaks = result.break_even_users
    rows = [
        (text("bundle.fee", locale), result.fee.format(locale)),
        (text("users", locale), format_number(result.users, locale)),
        (text("bundle.app_cost", locale), result.app_cost.format(locale)),
        (
            text("bundle.app_share", locale),
            format_percent_value(result.app_share * 100, locale),
        ),
        (text("bundle.other_costs", locale), result.other_costs.format(locale)),
        (text("bundle.margin", locale), result.margin.format(locale)),
        (
            text("bundle.break_even", locale),
            "-" if breaks is None else format_number(breaks, locale),
        ),
    ]
    title = text("bundle.title", locale).format(
        frequency=label(result.frequency, locale)
    )
    return "\n".join([title, *pairs(rows)])


def compare(args: argparse.Namespace) -> str:
    """Cash-flow projections of billing strategies for clients in a file."""
    clients = read_clients(args.file)
    paxton = PerUserPrice(
        Money(args.paxton_price, args.currency), Discount(args.discount)
    )
    account = Account("installer", args.account_type)
    return render_comparison(
        strategies(clients),
        paxton,
        account,
        args.start,
        args.months,
        args.locale,
        args.json,
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
) -> str:
    """The strategies side by side."""
    locale = parse_locale(locale_name)
    result: StrategyComparison = compare_strategies(
        ways, paxton_price=paxton, account=account, start=start, months=months
    )
    if as_json:
        return dumps(
            {
                "currency": paxton.currency,
                "strategies": [
                    {
                        "name": name,
                        "lowest_position": plain(p.lowest_position),
                        "months_in_red": p.months_in_red,
                        "money_in": plain(p.total_in),
                        "money_out": plain(p.total_out),
                        "net": plain(p.net),
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
