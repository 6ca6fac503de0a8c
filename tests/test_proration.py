"""Tests for paxbill.clients proration and prepayment: terms billed in advance."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from paxbill import (
    Account,
    AccountType,
    AppUser,
    ArgumentTypeError,
    BillingFrequency,
    BillingPeriod,
    BillingTerm,
    InvalidUserCountError,
    Money,
    PartOutsidePeriodError,
    PeriodsNotContiguousError,
    PerUserPrice,
    ProrationMethod,
    billing_periods,
    coterm_adjustment,
    issue_invoice,
    months_in,
    period_fraction,
    prorate,
    quote_prepayment,
    split_over_periods,
)
from paxbill.clients.proration import anchor_months, months_touched
from tests.strategies import (
    CURRENCIES,
    MINOR_UNITS,
    anchors,
    billings,
    dates,
    frequencies,
    money,
)

D = dt.date
#: Anchors on the 29th, 30th and 31st, where months are shortest to count.
_LATE_ANCHORS = st.builds(
    D,
    st.integers(2000, 2099),
    st.sampled_from([1, 3, 5, 7, 8, 10, 12]),
    st.sampled_from([29, 30, 31]),
)
YEAR_2024 = BillingPeriod(D(2024, 1, 1), D(2025, 1, 1))
GBP_30 = Money("30.00", "GBP")


class TestQuote:
    def test_uk_example_annual_and_quarterly(self) -> None:
        """One user at GBP 2.50 a month: GBP 30.00 a year, GBP 7.50 a quarter."""
        annual = quote_prepayment(
            Money("2.50", "GBP"), 1, BillingFrequency.ANNUAL, D(2024, 1, 1)
        )
        assert annual.total == Money("30.00", "GBP")
        assert annual.period == YEAR_2024
        assert annual.months == 12
        quarter = quote_prepayment(
            Money("2.50", "GBP"), 1, BillingFrequency.QUARTERLY, D(2024, 1, 1)
        )
        assert quarter.total == Money("7.50", "GBP")
        assert quarter.period == BillingPeriod(D(2024, 1, 1), D(2024, 4, 1))

    def test_per_user_price_bills_its_net(self) -> None:
        """A PerUserPrice is quoted at its net: 70 x 2.55 x 12 = 2142.00."""
        quote = quote_prepayment(
            PerUserPrice(Money("3.00", "EUR"), 15),
            70,
            BillingFrequency.ANNUAL,
            D(2024, 3, 1),
        )
        assert quote.unit_price == Money("2.55", "EUR")
        assert quote.total == Money("2142.00", "EUR")
        assert quote.period.end == D(2025, 3, 1)

    def test_total_is_rounded_once(self) -> None:
        """A sub-cent unit price is multiplied out, then rounded once: 3 x 0.125 x 3."""
        quote = quote_prepayment(
            Money("0.125", "EUR"), 3, BillingFrequency.QUARTERLY, D(2024, 1, 1)
        )
        assert quote.total == Money("1.13", "EUR")  # 1.125 rounds half-up

    def test_bad_quotes(self) -> None:
        """It refuses negative users, a price that is not one, a bad frequency."""
        with pytest.raises(InvalidUserCountError):
            quote_prepayment(GBP_30, -1, BillingFrequency.ANNUAL, D(2024, 1, 1))
        with pytest.raises(ArgumentTypeError):
            quote_prepayment(Decimal("2.50"), 1, BillingFrequency.ANNUAL, D(2024, 1, 1))  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError):
            quote_prepayment(GBP_30, 1, 12, D(2024, 1, 1))  # type: ignore[arg-type]


class TestProrate:
    def test_note_example_by_days_and_months(self) -> None:
        """GBP 30.00 for 2024, from 2024-07-01: 184/366 is 15.08, 6/12 is 15.00."""
        part = BillingPeriod(D(2024, 7, 1), D(2025, 1, 1))
        assert prorate(GBP_30, YEAR_2024, part) == Money("15.08", "GBP")
        assert prorate(GBP_30, YEAR_2024, part, method=ProrationMethod.MONTHS) == Money(
            "15.00", "GBP"
        )

    def test_days_over_the_containing_period(self) -> None:
        """By days, the share is the part's days over the days of its period."""
        june = BillingPeriod.month(2024, 6)
        last_ten = BillingPeriod(D(2024, 6, 21), D(2024, 7, 1))
        # 178.50 x 10 / 30 = 59.50 exactly.
        assert prorate(Money("178.50", "EUR"), june, last_ten) == Money("59.50", "EUR")

    def test_part_month_by_its_days(self) -> None:
        """By months, the anchor's whole months count 1, a part one by its days.

        The anchor is the period's start, 2024-01-01, so the months are the
        calendar's (issue 13: months along the anchor, not from the part's
        own start).
        """
        part = BillingPeriod(D(2024, 11, 16), D(2025, 1, 1))
        # 15 of November's 30 days, then all of December:
        # 30.00 x (15/30 + 1) / 12 = 3.75.
        assert prorate(GBP_30, YEAR_2024, part, method=ProrationMethod.MONTHS) == Money(
            "3.75", "GBP"
        )

    @pytest.mark.parametrize(
        "part",
        [
            BillingPeriod(D(2023, 12, 31), D(2024, 2, 1)),
            BillingPeriod(D(2024, 12, 1), D(2025, 1, 2)),
            BillingPeriod(D(2026, 1, 1), D(2026, 2, 1)),
        ],
    )
    def test_part_outside_the_period(self, part: BillingPeriod) -> None:
        """It raises PartOutsidePeriodError, a ValueError, on a part outside."""
        with pytest.raises(PartOutsidePeriodError) as raised:
            prorate(GBP_30, YEAR_2024, part)
        assert isinstance(raised.value, ValueError)
        assert raised.value.part == part

    def test_bad_arguments(self) -> None:
        """It refuses an amount or a period of the wrong type, or a bad method."""
        with pytest.raises(ArgumentTypeError):
            prorate(Decimal(30), YEAR_2024, YEAR_2024)  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError):
            prorate(GBP_30, YEAR_2024, (D(2024, 1, 1), D(2024, 2, 1)))  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError):
            prorate(GBP_30, YEAR_2024, YEAR_2024, method="days")  # type: ignore[arg-type]

    @given(money(), anchors, frequencies, st.sampled_from(list(ProrationMethod)))
    def test_whole_period_gives_the_amount(
        self,
        amount: Money,
        anchor: dt.date,
        frequency: BillingFrequency,
        method: ProrationMethod,
    ) -> None:
        """Law: prorating the whole period gives the amount, rounded."""
        (period,) = billing_periods(anchor, frequency, 1)
        assert prorate(amount, period, period, method=method) == amount.round()

    @given(money(), dates, st.integers(1, 400), st.data())
    def test_each_part_within_half_a_unit(
        self, amount: Money, start: dt.date, days: int, data: st.DataObject
    ) -> None:
        """Law: a prorated part is within half a minor unit of its exact share."""
        period = BillingPeriod(start, start + dt.timedelta(days))
        first = data.draw(st.integers(0, days - 1))
        last = data.draw(st.integers(first + 1, days))
        part = BillingPeriod(start + dt.timedelta(first), start + dt.timedelta(last))
        exact = Fraction(amount.amount) * (last - first) / days
        half = Fraction(1, 2 * 10 ** MINOR_UNITS[amount.currency])
        assert abs(Fraction(prorate(amount, period, part).amount) - exact) <= half


class TestSplit:
    def test_a_year_into_months(self) -> None:
        """GBP 30.00 over 2024's months, by months: 2.50 each."""
        months = billing_periods(D(2024, 1, 1), BillingFrequency.MONTHLY, 12)
        parts = split_over_periods(GBP_30, months, method=ProrationMethod.MONTHS)
        assert parts == (Money("2.50", "GBP"),) * 12

    def test_gaps_and_overlaps(self) -> None:
        """It raises PeriodsNotContiguousError on a gap or an overlap."""
        with pytest.raises(PeriodsNotContiguousError):
            split_over_periods(
                GBP_30, [BillingPeriod.month(2024, 1), BillingPeriod.month(2024, 3)]
            )
        with pytest.raises(ArgumentTypeError):
            split_over_periods(GBP_30, [])

    @given(
        money(),
        anchors,
        st.lists(st.integers(1, 120), min_size=1, max_size=14),
        st.sampled_from(list(ProrationMethod)),
    )
    def test_parts_of_any_partition_sum_to_the_whole(
        self,
        amount: Money,
        anchor: dt.date,
        lengths: list[int],
        method: ProrationMethod,
    ) -> None:
        """Law: the parts of any partition sum exactly to the rounded whole."""
        bounds = [anchor]
        for length in lengths:
            bounds.append(bounds[-1] + dt.timedelta(length))
        assume(bounds[-1] <= D(2199, 1, 1))
        periods = [BillingPeriod(a, b) for a, b in itertools.pairwise(bounds)]
        parts = split_over_periods(amount, periods, method=method)
        assert len(parts) == len(periods)
        assert sum(parts, Money.zero(amount.currency)) == amount.round()

    def test_months_along_a_31st_anchor(self) -> None:
        """USD 120.00 over twelve monthly periods from 2024-01-31: 10.00 each.

        The periods end on 02-29, 03-31, 04-30...: each is one month of the
        anchor (anchor + k months), so twelve equal shares of 120.00.
        """
        months = billing_periods(D(2024, 1, 31), BillingFrequency.MONTHLY, 12)
        parts = split_over_periods(
            Money("120.00", "USD"), months, method=ProrationMethod.MONTHS
        )
        assert parts == (Money("10.00", "USD"),) * 12

    def test_a_part_of_a_later_period_counts_by_its_days(self) -> None:
        """Within 2024-02-29/03-31 (a month of the 31st), a part goes by days.

        With the anchor given, the period is one month, and 03-15 to 03-31 is
        16 of its 31 days: 31.00 x 16/31 = 16.00. Counted from the period's
        own start (months 02-29/03-29 of 29 days, 03-29/04-29 of 31), the
        period is 1 + 2/31 months and the part 14/29 + 2/31:
        31.00 x (14/29 + 2/31) / (33/31) = 31.00 x 492/957 = 15.937.. -> 15.94.
        """
        period = BillingPeriod(D(2024, 2, 29), D(2024, 3, 31))
        part = BillingPeriod(D(2024, 3, 15), D(2024, 3, 31))
        amount = Money("31.00", "EUR")
        by_months = ProrationMethod.MONTHS
        assert prorate(
            amount, period, part, method=by_months, anchor=D(2024, 1, 31)
        ) == (Money("16.00", "EUR"))
        assert prorate(amount, period, part, method=by_months) == Money("15.94", "EUR")

    @given(
        money(),
        anchors | _LATE_ANCHORS,
        billings,
        st.integers(1, 24),
    )
    def test_periods_of_an_anchor_count_whole_months(
        self, amount: Money, anchor: dt.date, frequency: BillingTerm, count: int
    ) -> None:
        """Law: by months, billing_periods of any anchor share an amount equally.

        Each period is exactly its frequency's months along the anchor, so the
        parts differ by one minor unit at most, and prorating a whole period
        by months gives its amount.
        """
        periods = billing_periods(anchor, frequency, count)
        parts = split_over_periods(amount, periods, method=ProrationMethod.MONTHS)
        unit = Money.from_minor_units(1, amount.currency)
        assert max(parts) - min(parts) <= unit
        assert sum(parts, Money.zero(amount.currency)) == amount.round()
        for period in periods:
            whole = prorate(
                amount, period, period, method=ProrationMethod.MONTHS, anchor=anchor
            )
            assert whole == amount.round()
            months = months_in(period, anchor=anchor)
            assert months == frequency.months


class TestCoterm:
    ANNUAL = quote_prepayment(
        PerUserPrice(Money("3.00", "EUR"), 15),
        70,
        BillingFrequency.ANNUAL,
        D(2024, 1, 1),
    )

    def test_months_counted_along_the_term_anchor(self) -> None:
        """One user at USD 10.00 into a year from 2024-01-31, on 2024-02-29.

        The term's months end on 02-29, 03-31, ... 2025-01-31: from 02-29,
        eleven whole months are left, so 11 x 10.00 = 110.00 by months, as
        by active months.
        """
        year = quote_prepayment(
            Money("10.00", "USD"), 1, BillingFrequency.ANNUAL, D(2024, 1, 31)
        )
        on = D(2024, 2, 29)
        by_months = coterm_adjustment(year, 1, on, method=ProrationMethod.MONTHS)
        assert by_months == Money("110.00", "USD")
        assert coterm_adjustment(year, 1, on) == Money("110.00", "USD")

    def test_charge_for_users_added_from_what_was_billed(self) -> None:
        """Adding 5 users on 07-01 charges 5 x 2.55 (net, not 3.00) x 12 x 184/366."""
        charge = coterm_adjustment(
            self.ANNUAL, 5, D(2024, 7, 1), method=ProrationMethod.DAYS
        )
        # 153.00 x 184 / 366 = 76.918.. -> 76.92
        assert charge == Money("76.92", "EUR")

    def test_by_default_a_month_counts_whole_as_paxton_counts_it(self) -> None:
        """Adding 5 users on 07-01 charges July to December: 5 x 2.55 x 6."""
        assert coterm_adjustment(self.ANNUAL, 5, D(2024, 7, 1)) == Money("76.50", "EUR")

    def test_issue_example_of_a_quarter(self) -> None:
        """5 users added on 15 February charge 25.50; removed that day, -12.75.

        A quarter from 1 January at EUR 2.55: added users are active in
        February and March, 5 x 2.55 x 2 = 25.50; removed ones are still
        billed for February, so only March is credited, 5 x 2.55 x 1.
        """
        quarter = quote_prepayment(
            Money("2.55", "EUR"), 70, BillingFrequency.QUARTERLY, D(2024, 1, 1)
        )
        assert coterm_adjustment(quarter, 5, D(2024, 2, 15)) == Money("25.50", "EUR")
        assert coterm_adjustment(quarter, -5, D(2024, 2, 15)) == Money("-12.75", "EUR")
        by_days = coterm_adjustment(
            quarter, 5, D(2024, 2, 15), method=ProrationMethod.DAYS
        )
        # 5 x 2.55 x 3 = 38.25 for the quarter's 91 days, 46 of them left.
        assert by_days == Money("19.34", "EUR")

    def test_credit_for_users_removed(self) -> None:
        """Removing 2 users on 10-01 credits 2 x 2.55 x 12 x 3/12 by months."""
        credit = coterm_adjustment(
            self.ANNUAL, -2, D(2024, 10, 1), method=ProrationMethod.MONTHS
        )
        assert credit == Money("-15.30", "EUR")

    @pytest.mark.parametrize("day", [D(2023, 12, 31), D(2025, 1, 1)])
    def test_change_outside_the_term(self, day: dt.date) -> None:
        """It raises PartOutsidePeriodError on a change outside the term."""
        with pytest.raises(PartOutsidePeriodError):
            coterm_adjustment(self.ANNUAL, 1, day)

    @given(
        st.integers(-100, 100),
        st.integers(0, 365),
        st.sampled_from([ProrationMethod.DAYS, ProrationMethod.MONTHS]),
    )
    def test_adding_then_removing_nets_to_zero(
        self, change: int, offset: int, method: ProrationMethod
    ) -> None:
        """Law: by days or months, adding users and removing them cancel."""
        day = D(2024, 1, 1) + dt.timedelta(offset)
        added = coterm_adjustment(self.ANNUAL, change, day, method=method)
        assert added == -coterm_adjustment(self.ANNUAL, -change, day, method=method)

    @given(st.integers(0, 100), st.integers(0, 365))
    def test_by_active_months_the_month_of_the_change_is_billed_both_ways(
        self, change: int, offset: int
    ) -> None:
        """Law: adding and removing users on one day differ by that day's month.

        Both are billed the month that holds the day, unless the day starts it.
        """
        day = D(2024, 1, 1) + dt.timedelta(offset)
        added = coterm_adjustment(self.ANNUAL, change, day)
        removed = coterm_adjustment(self.ANNUAL, -change, day)
        month = Money("2.55", "EUR") * change
        assert added + removed == (month if day.day != 1 else Money("0.00", "EUR"))


@pytest.mark.parametrize("currency", CURRENCIES)
def test_quote_in_each_minor_unit(currency: str) -> None:
    """A quote rounds to the currency's own minor unit."""
    quote = quote_prepayment(
        Money("1.0005", currency), 7, BillingFrequency.QUARTERLY, D(2024, 1, 1)
    )
    exact = Decimal("1.0005") * 21
    assert quote.total.amount == exact.quantize(
        Decimal(1).scaleb(-MINOR_UNITS[currency]), "ROUND_HALF_UP"
    )


@given(
    st.integers(2000, 2099),
    st.integers(1, 12),
    billings,
    st.integers(0, 400),
    st.integers(1, 20),
    st.integers(0, 400),
)
def test_coterming_at_cost_recovers_what_paxton_invoices(
    year: int,
    month: int,
    frequency: BillingFrequency,
    offset: int,
    users: int,
    cents: int,
) -> None:
    """Law: co-terming at cost matches Paxton's invoices for the users changed.

    For a term from the 1st of a month, billed at Paxton's net price: users
    added on a day are charged what Paxton invoices for them over the rest
    of the term; users removed on a day are credited what Paxton no longer
    invoices for them.
    """
    price = PerUserPrice(Money.from_minor_units(cents, "EUR"))
    quote = quote_prepayment(price.net, 0, frequency, D(year, month, 1))
    term = quote.period
    day = min(term.start + dt.timedelta(offset), term.end - dt.timedelta(1))
    account = Account("A", AccountType.SYSTEM_MANAGER)

    def invoiced(people: list[AppUser]) -> Money:
        months = billing_periods(term.start, BillingFrequency.MONTHLY, quote.months)
        return sum(
            (issue_invoice(0, account, price, people, m).total for m in months),
            Money.zero("EUR"),
        )

    added = [AppUser(n, day) for n in range(users)]
    assert coterm_adjustment(quote, users, day) == invoiced(added)
    staying = [AppUser(n, term.start) for n in range(users)]
    leaving = [AppUser(n, term.start, day) for n in range(users)]
    credit = coterm_adjustment(quote, -users, day)
    assert credit == invoiced(leaving) - invoiced(staying)


class TestAnchorMonths:
    """The months of a billing anchor, counted as the rule of issue 13 says."""

    Q2 = BillingPeriod(D(2024, 3, 31), D(2024, 6, 30))  # 2nd quarter of 12-31

    def test_the_months_of_an_anchor_cut_to_the_period(self) -> None:
        """From an anchor on 2023-12-31: 03-31, 04-30, 05-31 start its months."""
        months = anchor_months(self.Q2, anchor=D(2023, 12, 31))
        assert [(m.start, m.end) for m in months] == [
            (D(2024, 3, 31), D(2024, 4, 30)),
            (D(2024, 4, 30), D(2024, 5, 31)),
            (D(2024, 5, 31), D(2024, 6, 30)),
        ]
        # From its own start (the 31st) the months are the same here, and an
        # anchor on the 15th cuts the first and last.
        assert len(anchor_months(self.Q2, anchor=D(2024, 1, 15))) == 4

    def test_months_touched_follow_the_anchor(self) -> None:
        """A part 04-10 to 05-20 touches two months of the 31st, three of the 15th."""
        part = BillingPeriod(D(2024, 4, 10), D(2024, 5, 20))
        assert months_touched(self.Q2, part, anchor=D(2023, 12, 31)) == 2
        assert months_touched(self.Q2, part, anchor=D(2024, 1, 15)) == 3
        # A part that ends where a month starts does not touch that month, and
        # one that starts where a month ends does not touch that one.
        april = BillingPeriod(D(2024, 3, 31), D(2024, 4, 30))
        assert months_touched(self.Q2, april, anchor=D(2023, 12, 31)) == 1
        may_on = BillingPeriod(D(2024, 4, 30), D(2024, 6, 30))
        assert months_touched(self.Q2, may_on, anchor=D(2023, 12, 31)) == 2

    def test_by_active_months_a_part_pays_the_months_it_touches(self) -> None:
        """EUR 30.00 for Q2; a part in 2 of its 3 months pays 20.00, by days 10 less."""
        part = BillingPeriod(D(2024, 4, 20), D(2024, 5, 20))
        amount = Money("30.00", "EUR")
        active = ProrationMethod.ACTIVE_MONTHS
        assert prorate(amount, self.Q2, part, method=active) == Money("20.00", "EUR")
        # Ending exactly where May's month of the 31st ends: two months still.
        to_may_end = BillingPeriod(D(2024, 4, 20), D(2024, 5, 31))
        assert prorate(amount, self.Q2, to_may_end, method=active) == (
            Money("20.00", "EUR")
        )
        # Starting exactly where April's month ends: May and June only.
        from_may = BillingPeriod(D(2024, 4, 30), D(2024, 6, 30))
        assert prorate(amount, self.Q2, from_may, method=active) == (
            Money("20.00", "EUR")
        )

    def test_a_split_follows_the_anchor_given(self) -> None:
        """Q2's months split by the anchor of the split, given or not.

        Against its own start (the 31st) each piece is one month: 10.00 each.
        Against months of the 15th, each piece is counted by days within
        those months, and the split follows those weights.
        """
        months = anchor_months(self.Q2)
        amount = Money("30.00", "EUR")
        by_months = ProrationMethod.MONTHS
        own = split_over_periods(amount, months, method=by_months)
        assert own == (Money("10.00", "EUR"),) * 3
        other = split_over_periods(
            amount, months, method=by_months, anchor=D(2024, 1, 15)
        )
        assert other != own
        assert sum(other, Money.zero("EUR")) == amount
        # The first piece, 03-31 to 04-30, against months of the 15th:
        # 15 days of 03-15/04-15 (31 days) and 15 of 04-15/05-15 (30 days).
        weights = [months_in(piece, anchor=D(2024, 1, 15)) for piece in months]
        assert weights[0] == Fraction(15, 31) + Fraction(15, 30)
        assert other == Money("30.00", "EUR").allocate(weights)

    def test_months_of_any_anchor_and_span_add_up(self) -> None:
        """Months in consecutive spans add up to the months of the whole."""
        anchor = D(2024, 1, 31)
        cut = [D(2024, 2, 10), D(2024, 2, 29), D(2024, 3, 30), D(2024, 7, 1)]
        spans = [BillingPeriod(a, b) for a, b in itertools.pairwise(cut)]
        whole = BillingPeriod(cut[0], cut[-1])
        parts = [months_in(span, anchor=anchor) for span in spans]
        assert sum(parts) == months_in(whole, anchor=anchor)
        # 02-10 to 02-29: 19 of the 29 days of 01-31/02-29.
        assert parts[0] == Fraction(19, 29)
        # 02-29 to 03-30: 30 of the 31 days of 02-29/03-31.
        assert parts[1] == Fraction(30, 31)


class TestRefusals:
    """What proration refuses, with the value and the words of each error."""

    def test_not_a_period(self) -> None:
        """A span, a period or a part that is not a BillingPeriod is named."""
        with pytest.raises(ArgumentTypeError) as span:
            months_in("2024-01")  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError) as period:
            period_fraction("2024", YEAR_2024, ProrationMethod.DAYS)  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError) as part:
            split_over_periods(GBP_30, [YEAR_2024, "2025"])  # type: ignore[list-item]
        for caught, value, what in [
            (span, "2024-01", "span"),
            (period, "2024", "period"),
            (part, "2025", "part"),
        ]:
            assert caught.value.value == value
            assert str(caught.value).startswith(f"{what} must be a BillingPeriod")

    def test_not_a_method_an_amount_or_an_anchor(self) -> None:
        """A method, an amount or an anchor of the wrong type is named."""
        with pytest.raises(ArgumentTypeError) as method:
            period_fraction(YEAR_2024, YEAR_2024, "months")  # type: ignore[arg-type]
        assert method.value.value == "months"
        assert str(method.value).startswith("method must be a ProrationMethod")
        with pytest.raises(ArgumentTypeError) as amount:
            prorate("30.00", YEAR_2024, YEAR_2024)  # type: ignore[arg-type]
        assert amount.value.value == "30.00"
        assert str(amount.value).startswith("amount must be a Money")
        with pytest.raises(ArgumentTypeError) as anchor:
            months_in(YEAR_2024, anchor="2024-01-31")  # type: ignore[arg-type]
        assert anchor.value.value == "2024-01-31"
        assert str(anchor.value).startswith("anchor must be a datetime.date")

    def test_no_parts_or_parts_apart(self) -> None:
        """No parts at all, or a gap, names what was given."""
        with pytest.raises(ArgumentTypeError) as empty:
            split_over_periods(GBP_30, [])
        assert empty.value.value == ()
        assert str(empty.value).startswith("parts must be at least one BillingPeriod")
        january, march = BillingPeriod.month(2024, 1), BillingPeriod.month(2024, 3)
        with pytest.raises(PeriodsNotContiguousError) as gap:
            split_over_periods(GBP_30, [january, march])
        assert (gap.value.before, gap.value.after) == (january, march)
