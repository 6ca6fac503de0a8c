"""Reports for people: the rows and columns that the terminal and notebooks show.

A report is locale-formatted text only; the command line lays it out as text,
the notebook as HTML. Each report's columns are decided here, once.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence

import attrs
from babel import Locale
from babel.dates import DateTimePattern, format_interval, match_skeleton, parse_pattern

from paxbill.clients.cashflow import StrategyComparison
from paxbill.clients.reviews import BalanceReview
from paxbill.core._dates import to_date
from paxbill.core._values import Revalidated
from paxbill.core.formatting import format_number, parse_locale
from paxbill.core.periods import BillingFrequency, BillingPeriod
from paxbill.io._labels import label
from paxbill.io._words import text
from paxbill.paxton.autopay import each_settled
from paxbill.paxton.invoices import Invoice


@attrs.frozen
class Report(Revalidated):
    """A table for people: a caption, a header, rows, and right-aligned columns."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int]
    footer: str = ""


@functools.lru_cache(maxsize=64)
def _pattern(skeleton: str, locale: Locale) -> DateTimePattern:
    """The pattern *locale* writes *skeleton* with, as babel's format_skeleton finds it.

    Found once, not on every date of a long list.
    """
    skeletons = locale.datetime_skeletons
    if skeleton not in skeletons:
        skeleton = match_skeleton(skeleton, skeletons) or skeleton
    return parse_pattern(skeletons[skeleton])


def day(value: dt.date, locale: object) -> str:
    """A date for people in *locale*, as it writes one, with a four-digit year."""
    chosen = parse_locale(locale)
    return str(_pattern("yMMdd", chosen).apply(value, chosen))


def span(period: BillingPeriod, locale: object) -> str:
    """A period for people in *locale*, from its first day to its last."""
    return format_interval(
        period.start, period.last_day, "yMd", locale=parse_locale(locale)
    )


def month(value: dt.date, locale: object) -> str:
    """A month for people in *locale*, such as ``juin 2024``."""
    chosen = parse_locale(locale)
    return str(_pattern("yMMM", chosen).apply(value, chosen))


def invoices_report(
    invoices: Sequence[Invoice], as_of: dt.date, locale: object
) -> Report:
    """The portal's invoice list on *as_of*, automatic payments taken."""
    rows = tuple(invoice_rows(invoices, as_of, locale))
    return Report(
        invoices_caption(as_of, locale),
        invoices_header(locale),
        rows,
        INVOICES_NUMERIC,
    )


#: The column of the invoice list that holds figures.
INVOICES_NUMERIC = frozenset({2})


def invoices_caption(as_of: dt.date, locale: object) -> str:
    """The title of the invoice list on *as_of*."""
    return text("invoices.title", locale).format(date=day(as_of, locale))


def invoices_header(locale: object) -> tuple[str, ...]:
    """The invoice list's column names in *locale*."""
    keys = ("col.number", "col.date", "col.total", "col.type", "col.state", "col.due")
    return tuple(text(k, locale) for k in keys)


def invoice_rows(
    invoices: Iterable[Invoice], as_of: dt.date, locale: object
) -> Iterator[tuple[str, ...]]:
    """The rows of the invoice list, one invoice at a time."""
    on = to_date(as_of, what="as_of")
    for i in each_settled(invoices, on):
        yield (
            i.number,
            day(i.issue_date, locale),
            i.total.format(locale),
            label(i.method, locale),
            label(i.status_on(on), locale).upper(),
            day(i.due_date, locale),
        )


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
