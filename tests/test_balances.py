"""Tests for paxbill.clients ledger and reviews: prepaid balances, reviewed."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    Account,
    AccountType,
    ArgumentTypeError,
    BillingPeriod,
    ClientLedger,
    CurrencyMismatchError,
    Discount,
    EntryKind,
    InvalidAmountError,
    InvalidCountError,
    InvalidDateRangeError,
    Invoice,
    LedgerEntry,
    Money,
    PerUserPrice,
    PriceSchedule,
    issue_invoice,
    monthly_charge_dates,
    review_balance,
    term_usage_months,
)
from tests.strategies import dates

D = dt.date


def gbp(amount: str) -> Money:
    """Pounds."""
    return Money(amount, "GBP")


class TestReview:
    def test_issue_example(self) -> None:
        """GBP 200.00 at 25.00 a month, reviewed 1 April: 10 charges, 8 covered.

        Without a term start every charge still to pay counts: March's usage,
        paid on 1 April, the review day, to December's, paid on 1 January:
        ten charges, 250.00. 200.00 pays eight (to October's, paid 1
        November); the ninth, on 1 December, is not covered: 50.00 short.
        The same as with the term started on 1 January.
        """
        review = review_balance(
            gbp("200.00"), gbp("25.00"), as_of=D(2024, 4, 1), term_end=D(2025, 1, 1)
        )
        assert review.months_remaining == 10
        assert review.months_covered == 8
        assert review.shortfall == gbp("50.00")
        assert review.runs_out_on == D(2024, 12, 1)
        from_january = review_balance(
            gbp("200.00"),
            gbp("25.00"),
            as_of=D(2024, 4, 1),
            term_start=D(2024, 1, 1),
            term_end=D(2025, 1, 1),
        )
        assert from_january == review
        assert not review.sufficient
        assert review.surplus == gbp("0")

    def test_sufficient_balance(self) -> None:
        """A balance that pays every charge is sufficient, with no shortfall.

        Ten charges of 25.00 from 1 April (March's usage) are 250.00: 255.00
        pays them with 5.00 left.
        """
        review = review_balance(
            gbp("255.00"), gbp("25.00"), as_of=D(2024, 4, 1), term_end=D(2025, 1, 1)
        )
        assert review.sufficient
        assert review.months_covered == 10
        assert review.shortfall == gbp("0")
        assert review.runs_out_on is None
        assert review.surplus == gbp("5.00")

    def test_a_prepaid_year_brings_twelve_charges(self) -> None:
        """GBP 27.50 prepaid for 2024 at 2.50 a month is 2.50 short (issue 10).

        December's usage is billed on 1 January 2025, the day the term ends:
        twelve charges, of which 27.50 pays eleven.
        """
        for term_start in (None, D(2024, 1, 1)):
            review = review_balance(
                gbp("27.50"),
                gbp("2.50"),
                as_of=D(2024, 1, 2),
                term_start=term_start,
                term_end=D(2025, 1, 1),
                account_type=AccountType.SYSTEM_MANAGER,
            )
            assert not review.sufficient
            assert review.months_remaining == 12
            assert review.months_covered == 11
            assert review.shortfall == gbp("2.50")
            assert review.runs_out_on == D(2025, 1, 1)
            assert review.charge_dates[0] == D(2024, 2, 1)
            assert review.usage_months[-1] == BillingPeriod.month(2024, 12)

    def test_an_approved_installer_pays_thirty_days_later(self) -> None:
        """With 30 days' credit, December 2023's charge is still to pay on 2 January.

        Invoiced 1 January and paid 30 days later, on 31 January, it counts:
        thirteen charges, December 2023's to December 2024's. 27.50 pays
        eleven; the twelfth, November's usage invoiced 1 December, is paid
        on 31 December. From a term start of 1 January, twelve, the last
        paid 2025-01-31. With 45 days, November 2023's (invoiced 1 December,
        paid 15 January) counts too: fourteen, the twelfth October 2024's,
        invoiced 1 November and paid 16 December.
        """
        review = review_balance(
            gbp("27.50"),
            gbp("2.50"),
            as_of=D(2024, 1, 2),
            term_end=D(2025, 1, 1),
            account_type=AccountType.APPROVED_INSTALLER,
        )
        assert (review.months_remaining, review.months_covered) == (13, 11)
        assert review.usage_months[0] == BillingPeriod.month(2023, 12)
        assert review.charge_dates[0] == D(2024, 1, 31)
        assert review.invoice_dates[0] == D(2024, 1, 1)
        assert review.runs_out_on == D(2024, 12, 31)
        bounded = review_balance(
            gbp("27.50"),
            gbp("2.50"),
            as_of=D(2024, 1, 2),
            term_start=D(2024, 1, 1),
            term_end=D(2025, 1, 1),
            account_type=AccountType.APPROVED_INSTALLER,
        )
        assert (bounded.months_remaining, bounded.months_covered) == (12, 11)
        # February 1 + 30 days, in a leap year, is March 2.
        assert bounded.charge_dates[0] == D(2024, 3, 2)
        assert bounded.runs_out_on == D(2025, 1, 31)
        longer = review_balance(
            gbp("27.50"),
            gbp("2.50"),
            as_of=D(2024, 1, 2),
            term_end=D(2025, 1, 1),
            account_type=AccountType.APPROVED_INSTALLER,
            credit_days=45,
        )
        assert longer.months_remaining == 14
        assert longer.runs_out_on == D(2024, 12, 16)

    def test_a_charge_on_the_review_day_is_still_to_come(self) -> None:
        """Reviewed on 1 April, March's charge, paid that day, remains."""
        review = review_balance(
            gbp("200.00"),
            gbp("25.00"),
            as_of=D(2024, 4, 1),
            term_start=D(2024, 1, 1),
            term_end=D(2025, 1, 1),
        )
        assert review.usage_months[0] == BillingPeriod.month(2024, 3)
        assert review.charge_dates[0] == D(2024, 4, 1)
        assert review.months_remaining == 10
        assert review.runs_out_on == D(2024, 12, 1)

    def test_reviewed_on_the_prepayment_day(self) -> None:
        """A review on the day of the prepayment counts that day's credit."""
        ledger = ClientLedger("ACME", "GBP").credit(D(2024, 1, 1), gbp("30.00"))
        review = ledger.review(
            gbp("2.50"),
            as_of=D(2024, 1, 1),
            term_start=D(2024, 1, 1),
            term_end=D(2025, 1, 1),
        )
        assert review.balance == gbp("30.00")
        assert review.months_remaining == 12
        assert review.sufficient

    def test_charges_fall_after_each_usage_month(self) -> None:
        """Each usage month of the term is paid on the 1st of the next."""
        assert monthly_charge_dates(D(2024, 4, 2), D(2024, 7, 1)) == (
            D(2024, 5, 1),
            D(2024, 6, 1),
            D(2024, 7, 1),
        )
        # Reviewed on the term's last day: March's charge, paid that day.
        assert monthly_charge_dates(D(2024, 4, 1), D(2024, 4, 1)) == (D(2024, 4, 1),)
        # A term from the 15th: its usage months start in it.
        assert monthly_charge_dates(
            D(2024, 1, 15), D(2024, 4, 15), term_start=D(2024, 1, 15)
        ) == (D(2024, 3, 1), D(2024, 4, 1), D(2024, 5, 1))

    def test_negative_balance_and_free_charges(self) -> None:
        """A negative balance covers nothing; a zero cost is always covered.

        On 1 January: December's charge (paid that day), January's and
        February's, 3 x 5.00 = 15.00, and the 10.00 owed: 25.00 short.
        """
        short = review_balance(
            gbp("-10.00"), gbp("5.00"), as_of=D(2024, 1, 1), term_end=D(2024, 3, 1)
        )
        assert (short.months_covered, short.shortfall) == (0, gbp("25.00"))
        assert short.runs_out_on == D(2024, 1, 1)
        free = review_balance(
            gbp("0"), gbp("0"), as_of=D(2024, 1, 1), term_end=D(2024, 3, 1)
        )
        assert free.sufficient
        assert free.months_covered == 3

    def test_bad_reviews(self) -> None:
        """It refuses a review after the term, two currencies, a cost < 0."""
        with pytest.raises(InvalidDateRangeError):
            review_balance(
                gbp("1"), gbp("1"), as_of=D(2024, 4, 1), term_end=D(2024, 3, 1)
            )
        with pytest.raises(InvalidDateRangeError):
            review_balance(
                gbp("1"),
                gbp("1"),
                as_of=D(2024, 1, 1),
                term_start=D(2024, 4, 1),
                term_end=D(2024, 3, 1),
            )
        with pytest.raises(ArgumentTypeError):
            review_balance(
                gbp("1"),
                gbp("1"),
                as_of=D(2024, 1, 1),
                term_end=D(2024, 3, 1),
                account_type="system_manager",  # type: ignore[arg-type]
            )
        with pytest.raises(InvalidCountError):
            review_balance(
                gbp("1"),
                gbp("1"),
                as_of=D(2024, 1, 1),
                term_end=D(2024, 3, 1),
                credit_days=-1,
            )
        with pytest.raises(CurrencyMismatchError):
            review_balance(
                gbp("1"), Money("1", "EUR"), as_of=D(2024, 4, 1), term_end=D(2025, 1, 1)
            )
        with pytest.raises(InvalidAmountError):
            review_balance(
                gbp("1"), gbp("-1"), as_of=D(2024, 4, 1), term_end=D(2025, 1, 1)
            )
        with pytest.raises(ArgumentTypeError):
            review_balance(1, gbp("1"), as_of=D(2024, 4, 1), term_end=D(2025, 1, 1))  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("arguments", "error", "message"),
        [
            (
                {"balance": "12.00"},
                ArgumentTypeError,
                "balance must be a Money, not str '12.00'",
            ),
            (
                {"monthly_cost": 3},
                ArgumentTypeError,
                "monthly_cost must be a Money, or a PriceSchedule of them, not int 3",
            ),
            (
                {"monthly_cost": PriceSchedule([(D(2024, 1, 1), Discount(10))])},
                ArgumentTypeError,
                "monthly_cost must be a Money, or a PriceSchedule of them, "
                "not Discount Discount(percent=Decimal('10'))",
            ),
            (
                {"monthly_cost": gbp("-1.00")},
                InvalidAmountError,
                "monthly cost Money('-1.00', 'GBP') is negative: give 0 or more",
            ),
            (
                {"as_of": "2024-04-01"},
                ArgumentTypeError,
                "as_of must be a datetime.date such as date(2024, 6, 1), "
                "not str '2024-04-01'",
            ),
            (
                {"term_end": "2025-01-01"},
                ArgumentTypeError,
                "term_end must be a datetime.date such as date(2024, 6, 1), "
                "not str '2025-01-01'",
            ),
            (
                {"term_start": "2024-01-01"},
                ArgumentTypeError,
                "term_start must be a datetime.date such as date(2024, 6, 1), "
                "not str '2024-01-01'",
            ),
            (
                {"as_of": D(2025, 2, 1)},
                InvalidDateRangeError,
                "the review from as_of to term_end cannot end on 2025-01-01 "
                "before it starts on 2025-02-01",
            ),
            (
                {"term_start": D(2025, 2, 1)},
                InvalidDateRangeError,
                "the term reviewed, from term_start to term_end cannot end on "
                "2025-01-01 before it starts on 2025-02-01",
            ),
            (
                {"monthly_cost": Money("1.00", "EUR")},
                CurrencyMismatchError,
                "cannot review GBP and EUR",
            ),
            (
                {"monthly_cost": Money("1.00", "EUR"), "rates": {"EUR": 1}},
                ArgumentTypeError,
                "rates must be a RateTable, not dict {'EUR': 1}",
            ),
        ],
    )
    def test_each_refusal_names_the_argument_and_what_it_needs(
        self, arguments: dict[str, object], error: type[Exception], message: str
    ) -> None:
        """Each refusal says which argument is wrong, what it is and what it needs."""
        call: dict[str, object] = {
            "balance": gbp("12.00"),
            "monthly_cost": gbp("2.00"),
            "as_of": D(2024, 4, 1),
            "term_end": D(2025, 1, 1),
            **arguments,
        }
        with pytest.raises(error) as raised:
            review_balance(**call)  # type: ignore[arg-type]
        assert str(raised.value).startswith(message)
        refused = list(arguments.values())[-1]
        if isinstance(refused, PriceSchedule):
            refused = refused.entries[0][1]  # the value in it that is refused
        if isinstance(raised.value, ArgumentTypeError | InvalidAmountError):
            # The error keeps the value refused, as it was given.
            assert raised.value.value == refused
        if isinstance(raised.value, CurrencyMismatchError):
            assert (raised.value.currency, raised.value.other) == ("GBP", "EUR")

    def test_a_term_from_a_first_ends_before_the_month_of_its_end(self) -> None:
        """A year from 1 January has twelve usage months, the last December's."""
        months = term_usage_months(D(2024, 1, 1), D(2025, 1, 1))
        assert len(months) == 12
        assert months[-1] == BillingPeriod.month(2024, 12)

    def test_charge_dates_name_a_bad_review_day(self) -> None:
        """monthly_charge_dates says that as_of is not a date."""
        with pytest.raises(ArgumentTypeError, match=r"^as_of must be a datetime"):
            monthly_charge_dates("2024-01-01", D(2025, 1, 1))  # type: ignore[arg-type]

    def test_the_usage_months_name_a_bad_term(self) -> None:
        """term_usage_months says which end of the term is not a date."""
        with pytest.raises(ArgumentTypeError, match=r"^term_start must be a datetime"):
            term_usage_months("2024-01-01", D(2025, 1, 1))  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError, match=r"^term_end must be a datetime"):
            term_usage_months(D(2024, 1, 1), "2025-01-01")  # type: ignore[arg-type]

    def test_one_price_for_the_whole_term_lists_no_amounts(self) -> None:
        """A price that does not change in the term keeps no list of amounts.

        Each remaining charge is then the monthly cost, from a Money or from
        a schedule of one price: on 1 October, September's (paid that day)
        to December's, four charges.
        """
        for cost in (gbp("2.00"), PriceSchedule([(D(2023, 1, 1), gbp("2.00"))])):
            review = review_balance(
                gbp("5.00"), cost, as_of=D(2024, 10, 1), term_end=D(2025, 1, 1)
            )
            assert review.charge_amounts == ()
            assert review.charges == (gbp("2.00"),) * 4
            assert review.monthly_cost == gbp("2.00")

    def test_a_schedule_costs_each_remaining_month_at_its_own_price(self) -> None:
        """From a schedule, each remaining month costs its own first day's price.

        The monthly cost is the first remaining usage month's price, not the
        review day's.

        Reviewed on 15 October with the term ending 1 January: October,
        November and December remain. The price rises from 2.00 to 3.00 on
        1 November, so the charges are 2.00, 3.00, 3.00 and GBP 5.00 pays the
        first two (2.00 + 3.00).
        """
        schedule = PriceSchedule(
            [(D(2024, 1, 1), gbp("2.00")), (D(2024, 11, 1), gbp("3.00"))]
        )
        review = review_balance(
            gbp("5.00"), schedule, as_of=D(2024, 10, 15), term_end=D(2025, 1, 1)
        )
        assert review.monthly_cost == gbp("2.00")
        assert review.charge_amounts == (gbp("2.00"), gbp("3.00"), gbp("3.00"))
        assert review.months_covered == 2
        assert review.shortfall == gbp("3.00")
        late = review_balance(
            gbp("5.00"), schedule, as_of=D(2024, 12, 15), term_end=D(2025, 1, 1)
        )
        assert late.monthly_cost == gbp("3.00")
        assert late.charge_amounts == ()

    def test_a_price_change_after_the_month_began_is_not_its_price(self) -> None:
        """A price from 10 October does not bill October, whose price is 1 October's.

        Reviewed on 15 October, October's charge (2.00) comes first, then
        November's and December's at 3.00.
        """
        schedule = PriceSchedule(
            [(D(2024, 1, 1), gbp("2.00")), (D(2024, 10, 10), gbp("3.00"))]
        )
        review = review_balance(
            gbp("5.00"), schedule, as_of=D(2024, 10, 15), term_end=D(2025, 1, 1)
        )
        assert review.monthly_cost == gbp("2.00")
        assert review.charges == (gbp("2.00"), gbp("3.00"), gbp("3.00"))

    def test_with_no_charge_left_a_schedule_costs_the_review_day_s_price(
        self,
    ) -> None:
        """A term of no usage month brings no charge; the monthly cost is the day's."""
        schedule = PriceSchedule(
            [(D(2024, 1, 1), gbp("2.00")), (D(2024, 12, 20), gbp("3.00"))]
        )
        review = review_balance(
            gbp("5.00"),
            schedule,
            as_of=D(2024, 12, 25),
            term_start=D(2024, 12, 21),
            term_end=D(2024, 12, 31),
        )
        assert review.months_remaining == 0
        assert review.monthly_cost == gbp("3.00")

    @given(
        st.integers(-5_000, 100_000),
        st.integers(0, 10_000),
        dates,
        st.integers(0, 800),
    )
    def test_sufficient_exactly_when_every_charge_is_covered(
        self, balance: int, cost: int, as_of: dt.date, days: int
    ) -> None:
        """Law: sufficient iff balance >= charges x cost; covered charges are paid."""
        review = review_balance(
            Money.from_minor_units(balance, "GBP"),
            Money.from_minor_units(cost, "GBP"),
            as_of=as_of,
            term_end=as_of + dt.timedelta(days),
        )
        n = review.months_remaining
        assert review.sufficient == (balance >= n * cost)
        covered = review.months_covered
        assert 0 <= covered <= n
        assert covered * cost <= max(balance, 0) or cost == 0
        if covered < n:
            assert (covered + 1) * cost > balance
            assert review.runs_out_on == review.charge_dates[covered]
        assert review.shortfall.to_minor_units() == max(n * cost - balance, 0)


class TestLedger:
    def test_running_balance(self) -> None:
        """The balance on a date counts that date's entries, before it does not."""
        ledger = (
            ClientLedger("ACME", "gbp")
            .credit(D(2024, 1, 1), gbp("30.00"), "annual prepayment")
            .debit(D(2024, 2, 1), gbp("2.50"), "Paxton, January")
            .debit(D(2024, 3, 1), gbp("2.50"), "Paxton, February")
        )
        assert ledger.currency == "GBP"
        assert ledger.balance_on(D(2023, 12, 31)) == gbp("0")
        assert ledger.balance_on(D(2024, 2, 1)) == gbp("27.50")
        assert ledger.balance_before(D(2024, 2, 1)) == gbp("30.00")
        assert ledger.balance == gbp("25.00")
        review = ledger.review(gbp("2.50"), as_of=D(2024, 4, 1), term_end=D(2025, 1, 1))
        assert review.balance == gbp("25.00")
        # March's charge (paid 1 April) to December's: 10 x 2.50 = 25.00.
        assert review.months_remaining == 10
        assert review.sufficient

    def test_entries_are_kept_in_date_order_and_immutable(self) -> None:
        """Adding an entry returns a new ledger, entries in date order."""
        empty = ClientLedger("ACME", "GBP")
        ledger = empty.debit(D(2024, 3, 1), gbp("1")).credit(D(2024, 1, 1), gbp("5"))
        assert empty.entries == ()
        assert [e.kind for e in ledger.entries] == [EntryKind.CREDIT, EntryKind.DEBIT]

    def test_bad_entries(self) -> None:
        """It refuses another currency, a negative amount, and things not entries."""
        with pytest.raises(CurrencyMismatchError):
            ClientLedger("ACME", "GBP").credit(D(2024, 1, 1), Money("1", "EUR"))
        with pytest.raises(InvalidAmountError):
            ClientLedger("ACME", "GBP").debit(D(2024, 1, 1), gbp("-1"))
        with pytest.raises(ArgumentTypeError):
            ClientLedger("ACME", "GBP", entries=["30.00"])
        with pytest.raises(ArgumentTypeError):
            LedgerEntry(D(2024, 1, 1), "credit", gbp("1"))  # type: ignore[arg-type]

    @given(
        st.lists(st.tuples(dates, st.booleans(), st.integers(0, 10**6)), max_size=30),
        dates,
    )
    def test_balance_is_credits_less_debits_on_every_date(
        self, moves: list[tuple[dt.date, bool, int]], day: dt.date
    ) -> None:
        """Law: the balance on a date is the credits less the debits up to it."""
        ledger = ClientLedger("ACME", "GBP")
        for on, is_credit, cents in moves:
            amount = Money.from_minor_units(cents, "GBP")
            ledger = (
                ledger.credit(on, amount) if is_credit else ledger.debit(on, amount)
            )
        expected = sum(c if credit else -c for on, credit, c in moves if on <= day)
        assert ledger.balance_on(day).to_minor_units() == expected


@given(
    st.sampled_from(list(AccountType)),
    st.integers(0, 60),
    dates,
    st.integers(1, 36),
    st.integers(-40, 1200),
    st.integers(0, 500),
)
def test_a_review_lists_the_invoices_of_the_remaining_usage_months(
    account_type: AccountType,
    credit_days: int,
    term_start: dt.date,
    months: int,
    offset: int,
    users: int,
) -> None:
    """Law: a review's charges are the invoices of the term's months yet to be paid.

    For any term and review day, the review lists, in order, exactly the
    invoices issue_invoice gives for the calendar months that start in the
    term and whose payment (due date, or automatic payment) falls on or after
    the review day: their periods, issue dates, payment dates and totals.
    """
    term_end = term_start + relativedelta(months=months)
    as_of = min(term_start + dt.timedelta(days=offset), term_end)
    account = Account("A", account_type, credit_days=credit_days)
    price = PerUserPrice(Money("3.00", "EUR"), 15)
    expected: list[Invoice] = []
    month = BillingPeriod.month(term_start.year, term_start.month)
    while month.start < term_end:
        if month.start >= term_start:
            invoice = issue_invoice(len(expected), account, price, users, month)
            paid = invoice.autopay_date or invoice.due_date
            if paid >= as_of:
                expected.append(invoice)
        month = BillingPeriod.month(month.end.year, month.end.month)
    review = review_balance(
        Money("0.00", "EUR"),
        price.monthly_total(users),
        as_of=as_of,
        term_start=term_start,
        term_end=term_end,
        account_type=account_type,
        credit_days=credit_days,
    )
    assert review.usage_months == tuple(i.period for i in expected)
    assert review.invoice_dates == tuple(i.issue_date for i in expected)
    assert review.charge_dates == tuple(i.autopay_date or i.due_date for i in expected)
    assert all(i.total == review.monthly_cost for i in expected)


def test_a_term_that_ends_where_it_starts_leaves_no_charge() -> None:
    """A term of no day has no usage month, and is no error."""
    from paxbill.clients.reviews import remaining_charges

    day = D(2024, 3, 1)
    months, paid = remaining_charges(day, day, day, AccountType.APPROVED_INSTALLER, 30)
    assert (months, paid) == ((), ())


def test_a_review_on_the_term_s_last_day_is_no_error() -> None:
    """Reviewed on 1 April, the term's end: only March's charge is still to pay.

    By hand, 30 days of credit: January's charge is invoiced 1 February and
    due 2 March, February's due 31 March, March's invoiced 1 April and due
    1 May, the one on or after the review day.
    """
    from paxbill.clients.reviews import remaining_charges

    months, paid = remaining_charges(
        D(2024, 4, 1), D(2024, 4, 1), D(2024, 1, 1), AccountType.APPROVED_INSTALLER, 30
    )
    assert months == (BillingPeriod.month(2024, 3),)
    assert paid == (D(2024, 5, 1),)


@pytest.mark.parametrize(
    ("balance", "cost", "message"),
    [
        ("100.00", Money("10.00", "EUR"), "balance must be a Money, not str '100.00'"),
        (
            Money("100.00", "EUR"),
            "10.00",
            "monthly_cost must be a Money, or a PriceSchedule of them, not str '10.00'",
        ),
    ],
)
def test_a_review_of_charges_refuses_what_is_not_money(
    balance: object, cost: object, message: str
) -> None:
    from paxbill.clients.reviews import review_charges

    with pytest.raises(ArgumentTypeError) as refused:
        review_charges(balance, cost, (), (), D(2024, 1, 1))  # type: ignore[arg-type]
    assert str(refused.value) == message
