"""Tests for gapless numbering: series, duplicates, gaps and dates out of order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from paxbill import (
    ArgumentTypeError,
    ClientInvoice,
    ClientInvoiceLine,
    DuplicateNumberError,
    InvalidCountError,
    Money,
    NumberSeries,
    Party,
    PaxbillError,
    check_numbering,
)

D = dt.date


def test_a_series_issues_numbers_in_order() -> None:
    """F2024-0001, F2024-0002, ...; the series itself never changes."""
    series = NumberSeries("F2024-", 1, 4)
    first, after = series.issue()
    second, last = after.issue()
    assert (first, second) == ("F2024-0001", "F2024-0002")
    assert series.next_number == 1
    assert last.next_number == 3
    assert NumberSeries("F-", 9999, 4).issue()[0] == "F-9999"
    assert NumberSeries("F-", 10000, 4).issue()[0] == "F-10000"


def test_a_number_already_used_is_refused() -> None:
    """The series refuses to issue a number found among the documents."""
    series = NumberSeries("F2024-", 2)
    with pytest.raises(DuplicateNumberError) as caught:
        series.issue(used=["F2024-0001", "F2024-0002"])
    assert caught.value.number == "F2024-0002"
    assert isinstance(caught.value, ValueError)
    # Continuing after what was used gives the next free number.
    assert series.continuing(["F2024-0001", "F2024-0002"]).issue()[0] == "F2024-0003"


@pytest.mark.parametrize(("number", "width"), [(0, 4), (-1, 4), (1, 0)])
def test_a_series_starts_at_one_or_more(number: int, width: int) -> None:
    """Numbers start at 1, and are at least one digit wide."""
    with pytest.raises(InvalidCountError):
        NumberSeries("F-", number, width)


def test_the_check_reports_gaps_duplicates_and_order() -> None:
    """A missing number, a number twice, and a number dated before an earlier one."""
    line = [ClientInvoiceLine("X", 1, Money("1.00", "EUR"), "S", "20")]
    seller, buyer = Party("Dupont", "FR", vat_id="FR40303265045"), Party("Client", "FR")

    def invoice(number: str, day: dt.date) -> ClientInvoice:
        return ClientInvoice(number, day, seller, buyer, line)

    documents = [
        invoice("F-0001", D(2024, 1, 2)),
        invoice("F-0002", D(2024, 1, 5)),
        invoice("F-0004", D(2024, 1, 3)),  # 0003 is missing, and 0004 is dated early
        invoice("F-0005", D(2024, 1, 6)),
        invoice("F-0005", D(2024, 1, 6)),
        invoice("AV-0001", D(2024, 1, 1)),  # another series
    ]
    report = check_numbering(documents, NumberSeries("F-"))
    assert report.gaps == ("F-0003",)
    assert report.duplicates == ("F-0005",)
    assert report.out_of_order == ("F-0004",)
    assert not report.ok
    assert check_numbering(documents[:2], NumberSeries("F-")).ok


@given(st.integers(1, 60), st.integers(1, 500), st.data())
def test_numbers_issued_in_a_row_have_no_gap(
    count: int, start: int, data: st.DataObject
) -> None:
    """Law: n numbers issued in a row have no gap; dropping one makes that one a gap."""
    series = NumberSeries("F2024-", start)
    issued: list[str] = []
    for _ in range(count):
        number, series = series.issue(used=issued)
        issued.append(number)
    assert len(set(issued)) == count
    first = NumberSeries("F2024-", start)
    assert check_numbering(issued, first).ok
    assert [first.number_of(n) for n in issued] == list(range(start, start + count))
    if count >= 3:
        dropped = data.draw(st.integers(1, count - 2))
        rest = issued[:dropped] + issued[dropped + 1 :]
        assert check_numbering(rest, first).gaps == (issued[dropped],)


@pytest.mark.parametrize("width", [1, 18])
def test_a_width_of_one_to_eighteen_digits_is_taken(width: int) -> None:
    """The bounds themselves: one digit, and eighteen."""
    series = NumberSeries("F-", width=width)
    assert series.width == width
    assert series.format(7) == "F-" + "0" * (width - 1) + "7"


@pytest.mark.parametrize(
    ("width", "message"),
    [
        (0, "width 0 is not 1 to 18 digits"),
        (19, "width 19 is not 1 to 18 digits"),
        ("4", "width must be a whole number (int), not str '4'"),
    ],
)
def test_a_width_outside_is_refused_word_for_word(width: object, message: str) -> None:
    """Past either bound, or not a count: the width, its value, the rule."""
    with pytest.raises(PaxbillError) as refused:
        NumberSeries("F-", width=width)
    assert str(refused.value) == message


@attrs.frozen
class _Document:
    number: str
    issue_date: dt.date


@pytest.mark.parametrize(
    "text",
    [
        "X2024-0012",  # another prefix
        "F2024-12",  # fewer digits than the width
        "F2024-\u0661\u0662\u0663\u0664",  # Arabic-Indic digits are not ASCII
        "F2024-00012",  # more digits than the width, zero-padded
        "F2024-0000",  # the series starts at 1
        "F2024-",
    ],
)
def test_a_text_not_of_the_series_has_no_number(text: str) -> None:
    assert NumberSeries("F2024-").number_of(text) is None


def test_a_number_of_more_digits_than_the_width_is_of_the_series() -> None:
    assert NumberSeries("F2024-").number_of("F2024-12345") == 12345


def test_what_is_not_text_has_no_number() -> None:
    assert NumberSeries("F2024-").number_of(5) is None  # type: ignore[arg-type]


def test_a_series_continuing_nothing_of_its_own_stays_where_it_is() -> None:
    assert NumberSeries("F-").continuing([]).next_number == 1
    assert NumberSeries("F-").continuing(["X-0007"]).next_number == 1
    assert NumberSeries("F-", next_number=5).continuing(["F-0002"]).next_number == 5


@pytest.mark.parametrize("first", [1, 5])
def test_a_check_of_nothing_issued_finds_nothing(first: int) -> None:
    report = check_numbering(["X-0001"], NumberSeries("F-", next_number=first))
    assert (report.gaps, report.duplicates, report.out_of_order) == ((), (), ())


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: NumberSeries("F-", next_number=0), "next_number 0 is not 1 or more"),
        (lambda: NumberSeries("F-").format(0), "number 0 is not 1 or more"),
        (
            lambda: NumberSeries("F-").format("1"),  # type: ignore[arg-type]
            "number must be a whole number (int), not str '1'",
        ),
        (
            lambda: NumberSeries(2024),
            "prefix must be a str such as 'F2024-', not int 2024",
        ),
    ],
)
def test_a_number_is_one_or_more(call: Callable[[], object], message: str) -> None:
    with pytest.raises(PaxbillError) as refused:
        call()
    assert str(refused.value) == message


def test_a_next_number_is_a_whole_number() -> None:
    with pytest.raises(ArgumentTypeError) as refused:
        NumberSeries("F-", next_number="1")
    assert str(refused.value) == "next_number must be a whole number (int), not str '1'"


def test_every_number_dated_before_the_latest_so_far_is_out_of_order() -> None:
    """F-0002 is dated before F-0001, F-0003 too though after F-0002."""
    documents = [
        _Document("F-0001", D(2024, 1, 10)),
        _Document("F-0002", D(2024, 1, 5)),
        _Document("F-0003", D(2024, 1, 7)),
        _Document("F-0004", D(2024, 1, 10)),
    ]
    report = check_numbering(documents, NumberSeries("F-"))
    assert report.out_of_order == ("F-0002", "F-0003")


def test_the_check_refuses_what_is_not_a_document_or_a_series() -> None:
    with pytest.raises(ArgumentTypeError) as refused:
        check_numbering(["F-0001", 5], NumberSeries("F-"))  # type: ignore[list-item]
    assert str(refused.value) == (
        "each document must be an invoice, a credit note or a number, not int 5"
    )
    with pytest.raises(ArgumentTypeError) as refused:
        check_numbering(["F-0001"], "F-")  # type: ignore[arg-type]
    assert str(refused.value) == "series must be a NumberSeries, not str 'F-'"
