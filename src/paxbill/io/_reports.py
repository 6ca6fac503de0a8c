"""Reports for people: the rows and columns that the terminal and notebooks show.

A report is locale-formatted text only; the command line lays it out as text,
the notebook as HTML. Each report's columns are decided here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from babel.dates import format_interval, format_skeleton

from paxbill.clients.cashflow import StrategyComparison
from paxbill.clients.reviews import BalanceReview
from paxbill.core._values import Revalidated
from paxbill.core.formatting import format_number, parse_locale
from paxbill.core.periods import BillingFrequency, BillingPeriod
from paxbill.io._labels import label
from paxbill.io._words import text
from paxbill.paxton.autopay import apply_automatic_payments
from paxbill.paxton.invoices import Invoice


@attrs.frozen
class Report(Revalidated):
    """A table for people: a caption, a header, rows, and right-aligned columns."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int]
    footer: str = ""


def day(value: dt.date, locale: object) -> str:
    """A date for people in *locale*, as it writes one, with a four-digit year."""
    return format_skeleton("yMMdd", value, locale=parse_locale(locale))


def span(period: BillingPeriod, locale: object) -> str:
    """A period for people in *locale*, from its first day to its last."""
    return format_interval(
        period.start, period.last_day, "yMd", locale=parse_locale(locale)
    )


def month(value: dt.date, locale: object) -> str:
    """A month for people in *locale*, such as ``juin 2024``."""
    return format_skeleton("yMMM", value, locale=parse_locale(locale))


def invoices_report(
    invoices: Sequence[Invoice], as_of: dt.date, locale: object
) -> Report:
    """The portal's invoice list on *as_of*, automatic payments taken."""
    settled = apply_automatic_payments(invoices, as_of)
    keys = ("col.number", "col.date", "col.total", "col.type", "col.state", "col.due")
    rows = tuple(
        (
            i.number,
            day(i.issue_date, locale),
            i.total.format(locale),
            label(i.method, locale),
            label(i.status_on(as_of), locale).upper(),
            day(i.due_date, locale),
        )
        for i in settled
    )
    caption = text("invoices.title", locale).format(date=day(as_of, locale))
    return Report(caption, tuple(text(k, locale) for k in keys), rows, frozenset({2}))


def review_report(review: BalanceReview, locale: object) -> Report:
    """A prepaid-balance review: figure by figure, then the verdict."""
    runs_out = "-" if review.runs_out_on is None else day(review.runs_out_on, locale)
    rows = (
        (text("review.balance", locale), review.balance.format(locale)),
        (text("review.monthly_cost", locale), review.monthly_cost.format(locale)),
        (
            text("review.remaining", locale),
            format_number(review.months_remaining, locale),
        ),
        (text("review.covered", locale), format_number(review.months_covered, locale)),
        (text("review.shortfall", locale), review.shortfall.format(locale)),
        (text("review.runs_out_on", locale), runs_out),
    )
    verdict = text("review.sufficient" if review.sufficient else "review.short", locale)
    return Report(text("review.title", locale), ("", ""), rows, frozenset({1}), verdict)


def strategy_name(name: str, locale: object) -> str:
    """A strategy's name for people: a billing frequency's word, or the name."""
    if name == "as_billed":
        return text("compare.as_billed", locale)
    if name in {f.value for f in BillingFrequency}:
        return label(BillingFrequency(name), locale)
    return name


def comparison_report(
    comparison: StrategyComparison, locale: object, caption: str
) -> Report:
    """Strategies side by side: lowest position, months in red, in, out, net."""
    keys = ("col.strategy", "col.lowest", "col.red", "col.in", "col.out", "col.net")
    rows = tuple(
        (
            strategy_name(name, locale),
            p.lowest_position.format(locale),
            format_number(p.months_in_red, locale),
            p.total_in.format(locale),
            p.total_out.format(locale),
            p.net.format(locale),
        )
        for name, p in comparison.projections
    )
    header = tuple(text(k, locale) for k in keys)
    return Report(caption, header, rows, frozenset({1, 2, 3, 4, 5}))
