"""Charts for notebooks, with the optional extra ``paxbill[plot]`` (matplotlib).

matplotlib is imported only when a chart is asked for. Each function returns a
matplotlib Figure, made without pyplot: nothing is shown or saved unless the
caller asks (``figure.savefig("activity.png")``, or display it in Jupyter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.dates import format_skeleton, get_month_names

from paxbill.clients.cashflow import CashFlowProjection, StrategyComparison
from paxbill.core.formatting import parse_locale
from paxbill.core.money import Money
from paxbill.exceptions import ArgumentTypeError, MissingExtraError
from paxbill.io._reports import strategy_name
from paxbill.io._words import text
from paxbill.paxton.activity import AccountActivity

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_activity", "plot_cash_flow"]


def _figure(width: float, height: float) -> Figure:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingExtraError("plot", "matplotlib") from None
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _height(money: Money) -> float:
    # A drawing coordinate, never an amount: the labels carry the exact figures.
    return float(money.amount)


def plot_activity(activity: AccountActivity, *, locale: object = "en_GB") -> Figure:
    """Return the year's account activity as twelve monthly bars, as the portal.

    Raises:
        MissingExtraError: matplotlib is not installed.

    >>> from paxbill import account_activity
    >>> figure = plot_activity(account_activity([], 2024, currency="EUR"))
    >>> len(figure.axes[0].patches)
    12
    """
    if not isinstance(activity, AccountActivity):
        raise ArgumentTypeError(activity, "an AccountActivity", what="activity")
    parsed = parse_locale(locale)
    names = get_month_names("abbreviated", locale=parsed)
    figure = _figure(8, 3)
    axes = figure.subplots()
    axes.bar(
        [names[m] for m in range(1, 13)],
        [_height(total) for total in activity.totals],
        color="#1f6fb2",
    )
    axes.set_title(f"{text('plot.activity', parsed)} {activity.year}")
    axes.set_ylabel(activity.currency)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def plot_cash_flow(
    value: StrategyComparison | CashFlowProjection, *, locale: object = "en_GB"
) -> Figure:
    """Return the running cash position, one line per strategy.

    Raises:
        MissingExtraError: matplotlib is not installed.

    >>> import datetime as dt
    >>> from paxbill import Account, AccountType, BillingFrequency, Client
    >>> from paxbill import project_cash_flow
    >>> projection = project_cash_flow(
    ...     [Client("ACME", 70, BillingFrequency.ANNUAL, Money("4.00", "EUR"))],
    ...     paxton_price=Money("2.55", "EUR"),
    ...     account=Account("INST-1", AccountType.APPROVED_INSTALLER),
    ...     start=dt.date(2024, 1, 1), months=12,
    ... )
    >>> len(plot_cash_flow(projection).axes[0].get_lines())  # the position and zero
    2
    """
    if isinstance(value, CashFlowProjection):
        lines = [(text("html.projection", locale), value)]
    elif isinstance(value, StrategyComparison):
        lines = list(value.projections)
    else:
        raise ArgumentTypeError(
            value, "a StrategyComparison or a CashFlowProjection", what="value"
        )
    parsed = parse_locale(locale)
    figure = _figure(8, 4)
    axes = figure.subplots()
    currency = ""
    for name, projection in lines:
        currency = projection.currency
        months = [
            format_skeleton("yMMM", m.period.start, locale=parsed)
            for m in projection.months
        ]
        axes.plot(
            months,
            [_height(m.cumulative) for m in projection.months],
            marker="o",
            label=strategy_name(name, parsed),
        )
    axes.axhline(0, color="#999", linewidth=0.8)
    axes.set_title(text("plot.cash_flow", parsed))
    axes.set_ylabel(currency)
    axes.tick_params(axis="x", labelrotation=45)
    axes.legend()
    axes.spines[["top", "right"]].set_visible(False)
    return figure
