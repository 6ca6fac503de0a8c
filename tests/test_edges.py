"""Edges a careless caller reaches: every one a paxbill error, never a plain one.

Each case is a reproducer of issue 26: a float, None or text where a
collection, an amount or a date is asked, a count beyond its bound, digits
of another script. Each must raise an error of paxbill's own hierarchy that
also subclasses the matching built-in, with a message that names what was
wrong; none may return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from paxbill import (
    Account,
    AccountType,
    AmountTypeError,
    ArgumentTypeError,
    BillingFrequency,
    BillingPeriod,
    DateOutOfRangeError,
    Discount,
    InvalidAllocationError,
    InvalidAmountError,
    Money,
    PaxbillError,
    PerUserPrice,
    Portfolio,
    PriceSchedule,
    RateTable,
    Site,
    active_users,
    bill_portfolio,
    paxton_schedule,
    site_review,
    split_over_periods,
    total,
)
from tests.test_cli_commands import run

EUR = Money("1.00", "EUR")
JUNE = BillingPeriod.month(2024, 6)
PAXTON = PerUserPrice(Money("3.00", "EUR"), 15)
EMPTY = Portfolio([Account("A", AccountType.SYSTEM_MANAGER)], [])

CASES: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    (
        "a float amount split over periods",
        lambda: split_over_periods(2.55, [JUNE]),  # type: ignore[arg-type]
        ArgumentTypeError,
        "amount must be a Money, not float 2.55",
    ),
    (
        "parts given as text",
        lambda: split_over_periods(EUR, "2024-06"),  # type: ignore[arg-type]
        ArgumentTypeError,
        "parts must be a sequence of BillingPeriod, not str",
    ),
    (
        "no site to review",
        lambda: site_review(
            None,  # type: ignore[arg-type]
            year=2024,
            paxton_price=EUR,
            review_on=dt.date(2024, 6, 1),
        ),
        ArgumentTypeError,
        "site must be a Site, not NoneType None",
    ),
    (
        "a month of year 10^30",
        lambda: BillingPeriod.month(10**30, 1),
        DateOutOfRangeError,
        "a year 1 to 9999",
    ),
    (
        "a portfolio billed for year 10^30",
        lambda: bill_portfolio(
            EMPTY, year=10**30, paxton_price=PAXTON, review_on=dt.date(2024, 6, 1)
        ),
        DateOutOfRangeError,
        "a year 1 to 9999",
    ),
    (
        "a split into 10^30 parts",
        lambda: EUR.split(10**30),
        InvalidAllocationError,
        "a split has at most 1,000,000 parts",
    ),
    (
        "a split into a million and one parts",
        lambda: EUR.split(1_000_001),
        InvalidAllocationError,
        "a split has at most 1,000,000 parts",
    ),
    (
        "weights given as text",
        lambda: EUR.allocate("123"),
        ArgumentTypeError,
        "weights must be a sequence of weights, not str '123'",
    ),
    (
        "weights given as bytes",
        lambda: EUR.allocate(b"123"),
        ArgumentTypeError,
        "weights must be a sequence of weights, not bytes",
    ),
    (
        "the total of None",
        lambda: total(None),  # type: ignore[arg-type]
        ArgumentTypeError,
        "amounts must be an iterable of Money, not NoneType None",
    ),
    (
        "the total of a text",
        lambda: total("1.00"),  # type: ignore[arg-type]
        ArgumentTypeError,
        "amounts must be an iterable of Money, not str '1.00'",
    ),
    (
        "a portfolio of no accounts",
        lambda: Portfolio(None, []),  # type: ignore[arg-type]
        ArgumentTypeError,
        "accounts must be a sequence of Account, not NoneType None",
    ),
    (
        "a price schedule of a float",
        lambda: PriceSchedule(2.55),  # type: ignore[arg-type]
        ArgumentTypeError,
        "entries must be a mapping or pairs of date and price, not float 2.55",
    ),
    (
        "a rate table of None",
        lambda: RateTable(None),  # type: ignore[arg-type]
        ArgumentTypeError,
        "rates must be a sequence of ExchangeRate, not NoneType None",
    ),
    (
        "users counted from None",
        lambda: active_users(None, JUNE),  # type: ignore[arg-type]
        ArgumentTypeError,
        "users must be a sequence of AppUser, not NoneType None",
    ),
    (
        "users counted from a text",
        lambda: active_users("ana", JUNE),  # type: ignore[arg-type]
        ArgumentTypeError,
        "users must be a sequence of AppUser, not str 'ana'",
    ),
    (
        "a falsy float discount",
        lambda: paxton_schedule(EUR, 0.0),  # type: ignore[arg-type]
        ArgumentTypeError,
        "discounts must be a Discount or a PriceSchedule of them, not float 0.0",
    ),
    (
        "Arabic-Indic digits",
        lambda: Money("١٢٣", "EUR"),
        InvalidAmountError,
        "amount '١٢٣' is not written in ASCII digits",
    ),
    (
        "a discount of 10^999999",
        lambda: Discount("1E+999999"),
        InvalidAmountError,
        "discount percent '1E+999999' is too large or too precise: paxbill keeps "
        "28 significant digits exactly",
    ),
    (
        "Arabic-Indic digits as a discount",
        lambda: Discount("\u0661\u0660"),
        InvalidAmountError,
        "discount percent '\u0661\u0660' is not written in ASCII digits such as "
        "'178.50'",
    ),
    (
        "fullwidth digits as a factor",
        lambda: EUR * "\uff11\uff12",  # type: ignore[operator]
        ArgumentTypeError,
        "what to multiply by must be an int or a Decimal",
    ),
    (
        "an int of 5,000 digits",
        lambda: Money(10**5000, "EUR"),
        InvalidAmountError,
        "amount <an int of 16610 bits> is too large or too precise",
    ),
    (
        "a product of 10^999999",
        lambda: EUR * Decimal("1E+999999"),
        InvalidAmountError,
        "the result of Money('1.00', 'EUR') x Decimal('1E+999999') is not an amount",
    ),
    (
        "a float weight",
        lambda: EUR.allocate([1, 0.5]),  # type: ignore[list-item]
        AmountTypeError,
        "weight must be a str such as '2.55'",
    ),
]


@pytest.mark.parametrize(
    ("operation", "error", "message"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_each_edge_is_a_paxbill_error(
    operation: Callable[[], object], error: type[Exception], message: str
) -> None:
    """Each reproducer raises paxbill's error, a built-in's subclass, that says why."""
    with pytest.raises(error) as raised:
        operation()
    assert isinstance(raised.value, PaxbillError)
    assert isinstance(raised.value, TypeError | ValueError)
    assert message in str(raised.value)


def test_a_site_still_reviews_and_a_split_of_a_million_parts_works() -> None:
    """The bounds are bounds, not refusals: a million parts, a site reviewed."""
    parts = Money("10000.00", "EUR").split(1_000_000)
    assert len(parts) == 1_000_000
    assert set(parts) == {Money("0.01", "EUR")}
    site = Site("S", "A", [], Money("4.00", "EUR"), BillingFrequency.MONTHLY)
    review = site_review(
        site, year=2024, paxton_price=EUR, review_on=dt.date(2024, 6, 1)
    )
    assert review.balance == Money("0.00", "EUR")


@pytest.mark.parametrize("users", ["١٢٣", "\uff11\uff12\uff13", "1_000", "70.0"])
def test_a_count_on_the_command_line_is_ascii_digits(users: str) -> None:
    """`--users ١٢٣` is one line and status 2, not 123 users."""
    result = run("estimate", "--users", users, "--list-price", "3.00")
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"{users!r} is not a whole number" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_invoice_page_refuses_what_the_charges_refuse() -> None:
    """A negative late rate and a text as_of: paxbill errors, never « -5 % »."""
    from paxbill import invoice_html, late_payment_charges
    from tests.examples import centralised_invoice

    invoice = centralised_invoice()
    with pytest.raises(InvalidAmountError, match="late_interest_rate '-5' is negative"):
        invoice_html(invoice, late_interest_rate="-5")
    with pytest.raises(InvalidAmountError, match="annual_rate '-5' is negative"):
        late_payment_charges(invoice, dt.date(2030, 1, 1), annual_rate="-5")
    with pytest.raises(ArgumentTypeError, match="as_of"):
        invoice_html(invoice, as_of="2024-02-05")  # type: ignore[arg-type]
    assert "10,5" in invoice_html(invoice, late_interest_rate="10.5", locale="fr_FR")


def test_a_tampered_pickle_is_refused_on_load() -> None:
    """A tampered pickle raises the constructor's error on load.

    Unpickling makes the object again: a Discount of -5 % or a period ending
    before it starts is refused as the constructor refuses it.
    """
    import pickle

    from paxbill import Discount, InvalidDateRangeError, InvalidDiscountError

    made = pickle.dumps(Discount(15))
    assert pickle.loads(made) == Discount(15)
    with pytest.raises(InvalidDiscountError):
        pickle.loads(made.replace(b"15", b"-5"))
    june = pickle.dumps(BillingPeriod(dt.date(2024, 6, 1), dt.date(2024, 7, 1)))
    swapped = june.replace(b"\x07\xe8\x06", b"\x07\xe8\x08")  # 1 June -> 1 August
    with pytest.raises(InvalidDateRangeError):
        pickle.loads(swapped)
    # Everything else still pickles to an equal object.
    for value in (
        EUR,
        JUNE,
        PAXTON,
        EMPTY,
        Site("S", "A", [], EUR, BillingFrequency.ANNUAL),
    ):
        assert pickle.loads(pickle.dumps(value)) == value


def test_a_projection_read_back_with_an_altered_position_is_refused() -> None:
    """months[1].cumulative changed in the JSON: refused, as a wrong total is."""
    import json

    from paxbill import Client, project_cash_flow
    from paxbill.io.serialization import from_dict, to_dict

    projection = project_cash_flow(
        [Client("ACME", 70, BillingFrequency.MONTHLY, Money("4.00", "EUR"))],
        paxton_price=PAXTON,
        account=Account("I", AccountType.APPROVED_INSTALLER),
        start=dt.date(2024, 1, 1),
        months=3,
    )
    document = json.loads(json.dumps(to_dict(projection)))
    assert from_dict(document) == projection
    # 70 x 4.00 = 280.00 in each month. Paxton's 70 x 2.55 = 178.50 for
    # January and for February are invoiced on 1 February and 1 March, each
    # due 30 days later (2 and 31 March): March pays both, 840.00 - 357.00.
    assert [str(m.cumulative) for m in projection.months] == [
        "280.00 EUR",
        "560.00 EUR",
        "483.00 EUR",
    ]
    document["months"][1]["cumulative"]["amount"] = "999.00"
    with pytest.raises(PaxbillError) as refused:
        from_dict(document)
    assert isinstance(refused.value, ValueError)
    assert "position at the end of month 2" in str(refused.value)
