"""Tests for paxbill.portfolio: a whole portfolio in one call, in processes too."""

from __future__ import annotations

import datetime as dt
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    Account,
    AccountType,
    AppUser,
    AppUserColumns,
    ArgumentTypeError,
    BillingFrequency,
    BillingPeriod,
    BillingTerm,
    InvalidPortfolioError,
    Money,
    PerUserPrice,
    Portfolio,
    PortfolioResult,
    Site,
    UnknownIdError,
    bill_portfolio,
    issue_invoice,
    project_cash_flow,
    site_review,
)
from tests.strategies import billings

D = dt.date
PAXTON = PerUserPrice(Money("3.00", "EUR"), 15)
REVIEW_ON = D(2024, 6, 1)


@st.composite
def portfolios(draw: st.DrawFn) -> Portfolio:
    """A small random portfolio: accounts of both types, sites of each billing."""
    accounts = [
        Account(f"A{i}", draw(st.sampled_from(list(AccountType))))
        for i in range(draw(st.integers(1, 3)))
    ]
    sites = []
    for j in range(draw(st.integers(0, 5))):
        users = []
        for k in range(draw(st.integers(0, 12))):
            on = D(2023, 6, 1) + dt.timedelta(draw(st.integers(0, 700)))
            length = draw(st.none() | st.integers(0, 300))
            users.append(
                AppUser(k, on, None if length is None else on + dt.timedelta(length))
            )
        sites.append(
            Site(
                f"S{j}",
                draw(st.sampled_from(accounts)).account_id,
                users,
                Money.from_minor_units(draw(st.integers(0, 900)), "EUR"),
                draw(billings),
                term_start=draw(
                    st.none()
                    | st.dates(min_value=D(2021, 1, 1), max_value=D(2025, 12, 31))
                ),
            )
        )
    return Portfolio(accounts, sites)


def reference(portfolio: Portfolio, review_on: dt.date) -> PortfolioResult:
    """The same figures, one account and one site at a time, the plain way."""
    invoices, reviews, projections = [], [], []
    for account in portfolio.accounts:
        sites = portfolio.sites_of(account.account_id)
        users = [u for s in sites for u in s.users]
        invoices.append(
            (
                account.account_id,
                tuple(
                    issue_invoice(
                        f"{account.account_id}-2024-{m:02d}",
                        account,
                        PAXTON,
                        users,
                        BillingPeriod.month(2024, m),
                    )
                    for m in range(1, 13)
                ),
            )
        )
        projections.append(
            (
                account.account_id,
                project_cash_flow(
                    [s.client for s in sites],
                    paxton_price=PAXTON,
                    account=account,
                    start=D(2024, 1, 1),
                    months=12,
                ),
            )
        )
        for site in sites:
            reviews.append(
                (
                    site.site_id,
                    site_review(
                        site,
                        year=2024,
                        paxton_price=PAXTON,
                        review_on=review_on,
                        account=account,
                    ),
                )
            )
    site_order = {s.site_id: n for n, s in enumerate(portfolio.sites)}
    account_order = {a.account_id: n for n, a in enumerate(portfolio.accounts)}
    reviews.sort(
        key=lambda item: (
            account_order[portfolio.sites[site_order[item[0]]].account_id],
            site_order[item[0]],
        )
    )
    return PortfolioResult(tuple(invoices), tuple(reviews), tuple(projections))


@given(portfolios(), st.dates(min_value=D(2024, 1, 1), max_value=D(2024, 12, 31)))
def test_one_call_gives_the_single_account_figures(
    portfolio: Portfolio, review_on: dt.date
) -> None:
    """Law: bill_portfolio equals issue_invoice, site_review and project_cash_flow."""
    result = bill_portfolio(
        portfolio, year=2024, paxton_price=PAXTON, review_on=review_on
    )
    assert result == reference(portfolio, review_on)


@given(portfolios(), st.dates(min_value=D(2024, 1, 1), max_value=D(2024, 12, 31)))
def test_sites_read_in_bulk_bill_as_sites_of_app_users(
    portfolio: Portfolio, review_on: dt.date
) -> None:
    """Law: a portfolio whose users come in columns bills to the same figures."""
    bulk = Portfolio(
        portfolio.accounts,
        [
            Site(
                site.site_id,
                site.account_id,
                AppUserColumns(
                    [u.user_id for u in site.users],
                    [u.activated_on for u in site.users],
                    [u.deactivated_on for u in site.users],
                ),
                site.price,
                site.billing,
                term_start=site.term_start,
            )
            for site in portfolio.sites
        ],
    )
    expected = bill_portfolio(
        portfolio, year=2024, paxton_price=PAXTON, review_on=review_on
    )
    assert (
        bill_portfolio(bulk, year=2024, paxton_price=PAXTON, review_on=review_on)
        == expected
    )
    assert reference(bulk, review_on) == expected


def test_the_note_figures_for_one_account() -> None:
    """70 users all year at the portal's price: twelve invoices of EUR 178.50."""
    account = Account("INST-1", AccountType.APPROVED_INSTALLER)
    users = [AppUser(n, D(2023, 1, 1)) for n in range(70)]
    site = Site("ACME", "INST-1", users, Money("4.00", "EUR"), BillingFrequency.ANNUAL)
    result = bill_portfolio(
        Portfolio([account], [site]),
        year=2024,
        paxton_price=PAXTON,
        review_on=REVIEW_ON,
    )
    invoices = result.invoices_of("INST-1")
    assert [i.total for i in invoices] == [Money("178.50", "EUR")] * 12
    assert invoices[0].number == "INST-1-2024-01"
    review = result.review_of("ACME")
    # Billed 70 x 4.00 x 12 = 3360.00 on 1 January. An approved installer
    # pays each month's 178.50 thirty days after the invoice: January's to
    # April's on 2 March, 31 March, 1 May and 31 May, so 3360.00 - 4 x 178.50
    # = 2646.00 is left; May's, paid 1 July, to December's, paid 31 January
    # 2025, remain: 8 charges.
    assert review.balance == Money("2646.00", "EUR")
    assert review.months_remaining == 8
    assert review.charge_dates[0] == D(2024, 7, 1)
    assert review.charge_dates[-1] == D(2025, 1, 31)
    assert review.sufficient
    assert result.projection_of("INST-1").total_in == Money("3360.00", "EUR")


def worker(part: Portfolio) -> PortfolioResult:
    """Bill one part in a worker process."""
    return bill_portfolio(part, year=2024, paxton_price=PAXTON, review_on=REVIEW_ON)


def sample(sites: int = 12) -> Portfolio:
    """A fixed portfolio of four accounts."""
    accounts = [Account(f"A{i}", list(AccountType)[i % 2]) for i in range(4)]
    return Portfolio(
        accounts,
        [
            Site(
                f"S{j}",
                f"A{j % 4}",
                [
                    AppUser(k, D(2023, 11, 1) + dt.timedelta(days=17 * k + j))
                    for k in range(20)
                ],
                Money("4.00", "EUR"),
                list(BillingFrequency)[j % 3],
            )
            for j in range(sites)
        ],
    )


def test_split_across_processes_gives_the_same_figures() -> None:
    """A portfolio split over a process pool gives the figures of one call."""
    portfolio = sample()
    whole = worker(portfolio)
    with ProcessPoolExecutor(max_workers=2) as pool:
        parts = list(pool.map(worker, portfolio.partition(3)))
    combined = PortfolioResult.combine(parts)
    assert dict(combined.invoices) == dict(whole.invoices)
    assert dict(combined.reviews) == dict(whole.reviews)
    assert dict(combined.projections) == dict(whole.projections)


def test_dask_local_scheduler() -> None:
    """The same split runs unchanged on Dask's local scheduler."""
    dask = pytest.importorskip("dask")
    portfolio = sample()
    tasks = [
        dask.delayed(bill_portfolio)(
            part, year=2024, paxton_price=PAXTON, review_on=REVIEW_ON
        )
        for part in portfolio.partition(2)
    ]
    # A pool of its own, shut down after: no worker thread outlives the test
    # (a process forked later, as mutation testing does, would wait on it).
    with ThreadPoolExecutor(2) as pool:
        results = dask.compute(*tasks, scheduler="threads", pool=pool)
    combined = PortfolioResult.combine(results)
    assert dict(combined.reviews) == dict(worker(portfolio).reviews)


def test_everything_pickles() -> None:
    """Portfolios and results survive pickling, index included."""
    portfolio = sample()
    again = pickle.loads(pickle.dumps(portfolio))
    assert again == portfolio
    assert again.sites[0].counts([BillingPeriod.month(2024, 1)]) == portfolio.sites[
        0
    ].counts([BillingPeriod.month(2024, 1)])
    result = worker(portfolio)
    assert pickle.loads(pickle.dumps(result)) == result


def test_bad_portfolios() -> None:
    """It refuses unknown accounts, repeated ids, and a review outside the year."""
    account = Account("A", AccountType.APPROVED_INSTALLER)
    site = Site("S", "B", [], Money("4", "EUR"), BillingFrequency.MONTHLY)
    with pytest.raises(InvalidPortfolioError):
        Portfolio([account], [site])
    with pytest.raises(InvalidPortfolioError):
        Portfolio([account, account], [])
    good = Site("S", "A", [], Money("4", "EUR"), BillingFrequency.MONTHLY)
    with pytest.raises(InvalidPortfolioError):
        Portfolio([account], [good, good])
    with pytest.raises(InvalidPortfolioError):
        bill_portfolio(
            Portfolio([account], [good]),
            year=2024,
            paxton_price=PAXTON,
            review_on=D(2025, 1, 1),
        )
    with pytest.raises(ArgumentTypeError):
        Site("S", "A", ["user"], Money("4", "EUR"), BillingFrequency.MONTHLY)  # type: ignore[list-item]
    with pytest.raises(InvalidPortfolioError):
        sample().partition(0)
    result = worker(sample())
    with pytest.raises(UnknownIdError) as raised:
        result.review_of("NOPE")
    assert isinstance(raised.value, KeyError)
    assert "NOPE" in str(raised.value)


def test_a_site_with_its_own_term_start() -> None:
    """A year prepaid from 1 July 2023, reviewed on 1 March 2024.

    Ten users at 4.00 were billed 10 x 4.00 x 12 = 480.00 on 1 July 2023. A
    system manager's account has paid Paxton's 10 x 2.55 = 25.50 for July
    2023 to January 2024 (seven charges, 178.50) by then, leaving 301.50;
    February's charge, paid on the review day, to June's remain: five, 127.50.
    The next term is billed on 1 July 2024.
    """
    account = Account("SM-1", AccountType.SYSTEM_MANAGER)
    users = [AppUser(n, D(2023, 1, 1)) for n in range(10)]
    site = Site(
        "ACME",
        "SM-1",
        users,
        Money("4.00", "EUR"),
        BillingFrequency.ANNUAL,
        term_start=D(2023, 7, 1),
    )
    result = bill_portfolio(
        Portfolio([account], [site]),
        year=2024,
        paxton_price=PAXTON,
        review_on=D(2024, 3, 1),
    )
    review = result.review_of("ACME")
    assert review.balance == Money("301.50", "EUR")
    assert review.months_remaining == 5
    assert review.charge_dates == (
        D(2024, 3, 1),
        D(2024, 4, 1),
        D(2024, 5, 1),
        D(2024, 6, 1),
        D(2024, 7, 1),
    )
    assert review.surplus == Money("174.00", "EUR")
    money_in = [m.money_in for m in result.projection_of("SM-1").months]
    assert money_in[6] == Money("480.00", "EUR")
    assert sum(m.amount for m in money_in) == Money("480.00", "EUR").amount


def test_a_long_term_from_an_earlier_year() -> None:
    """A 13-month term from 1 January 2023 reviewed on 1 January 2024.

    One user from 1 June 2023, free to the client: an approved installer has
    paid Paxton for June to November 2023 by then (six months of 2.55), and
    December's charge, paid on 31 January, and January's remain in the term.
    """
    account = Account("A0", AccountType.APPROVED_INSTALLER)
    site = Site(
        "S4",
        "A0",
        [AppUser(0, D(2023, 6, 1))],
        Money("0.00", "EUR"),
        BillingTerm(13),
        term_start=D(2023, 1, 1),
    )
    result = bill_portfolio(
        Portfolio([account], [site]),
        year=2024,
        paxton_price=PAXTON,
        review_on=D(2024, 1, 1),
    )
    review = result.review_of("S4")
    assert review.balance == Money("-15.30", "EUR")
    assert review.charge_dates == (D(2024, 1, 31), D(2024, 3, 2))
    assert (
        result.reviews == reference(Portfolio([account], [site]), D(2024, 1, 1)).reviews
    )
