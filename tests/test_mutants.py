"""Tests written to kill what `nox -s mutants` left, and the mutation report.

The mutation report: each survivor of `nox -s mutants` (mutmut 3) is either
killed by a test (here or next to the rule it tests) or equivalent, for the
reason given below.

Money and the int allocation (paxbill/core/money.py, _allocation.py):

- ``units < 0`` as ``units <= 0`` or ``units < 1`` (allocate_units,
  split_units): the units are an int, and for 0 the two branches give the
  same parts, since ``-0 == 0``.
- ``type(weight) is int`` as ``type(None) is int``: an int weight then takes
  the Decimal path, whose ``as_integer_ratio`` gives the same int over 1.
- ``zip(..., strict=True)`` as ``strict=False``/``None``/absent in
  ``_whole_weights``: the two lists are built in the same loop, one item each
  per weight, so their lengths are always equal.
- ``Money.__init__``'s fast path for an ASCII string (its test as
  ``type(None) is str``, or ``read_decimal``'s value replaced by None):
  the string then goes to ``to_decimal``, which reads it by the same rule
  (``read_decimal``) and gives the same amount or the same refusal.
- ``value >= 0`` as ``value > 0`` in ``round_half_up``: at 0 the magnitude
  is 0 and ``-0 == 0``.
- ``total``'s fast path for a few amounts: each mutant of its test
  (``kind`` None, ``and False``, ``and`` for ``or``, ``1 < count``,
  ``< _SHORT``, ``first`` None, ``type(None) is Money``) sends the amounts
  to the general path, which gives the same total; ``or`` for ``and``
  before ``_currency_of`` only checks again a currency already the first
  amount's; ``count > 1`` as ``>= 1`` or ``or True`` walks an empty
  ``items[1:]`` or reads again one amount already within bounds; the sum's
  ``_ZERO`` start removed: ``sum`` starts at the int 0, the same number.

Formatting (paxbill/core/formatting.py), measured once its caches are
emptied before each test (``tests/conftest.py``):

- the bounds of ``_context_for`` moved by one (``-10 <``, ``<= 15``,
  ``> prec``, ``+9 <``): the fast path and the widened context give the
  same digits for any number near the bounds;
- ``decimal_quantization=None`` for ``False``: babel reads it as false;
- ``currencyGroup`` misspelt or None: every locale's currency group
  separator is its group separator, and ``_side``'s code None or
  ``before=None``: no standard currency pattern shows the code (``¤¤``) and
  None is false; both checked on babel's data by
  ``test_the_cldr_data_has_only_what_the_layout_reads``;
- the negative suffix's ``replace("-", minus)`` misspelt: the only locales
  with a sign there (fy, fy_NL) write it ``-``, their minus sign.

Elsewhere:

- ``to_date``'s fast path (``type(value) is _DATE`` as ``type(None) is
  _DATE``): an exact date then passes the general check, ``isinstance`` of
  date and not of datetime, and is returned as it is.
- ``months_after``'s ``day.day <= 28`` as ``< 28``: on the 28th the general
  path gives the 28th too.
- ``to_items``'s ``type(value) is tuple``: killed (a tuple is not copied).
- reviews: the fast path's test (``is`` for ``==``, ``> 0``, ``>= 1``) sends
  a review to the general path, which gives the same review; ``zip``'s
  ``strict`` in ``review_charges`` (lengths equal by construction);
  ``remaining_charges``'s ``+ 31`` days as ``+ 32`` (months further back
  are filtered out).
- ``_day_balances``'s ``Decimal(0)`` start removed: an empty sum is 0 either
  way, and the figure goes through ``Fraction``.
- centralised and VAT texts: ``language="fr"`` as ``"FR"`` (``to_language``
  lower-cases); ``change > 0`` as ``>= 0`` (0 is refused before).
- en16931: ``buyer.electronic_address or ""`` as ``or "XXXX"``: a missing
  address and any scheme but 0225 break BR-FR-21 alike.
- ``_code_lists._codes`` runs at import, before any mutant is switched on.
- identifiers: ``is_luhn``'s ``total +=`` as ``total -=``: a sum and its
  negation are multiples of 10 together.
- payment terms: ``describe``'s ``language="fr"`` as ``"FR"``
  (``to_language`` lower-cases), as for the centralised and VAT texts.
- notes: ``legal_notes``' ``language="fr"`` as ``"FR"``, likewise.
- documents: ``work_out_adjustments``' ``item.worked_out(base, item.rate)``
  with ``None`` for the rate: there the item has a rate or is not standard,
  and ``worked_out`` uses the rate given only for a standard item without
  one; ``ClientInvoice``'s ``prepaid.amount < 0`` as ``<= 0``: a prepaid
  of zero is None (``to_prepaid``).
- currencies: ``currency_code``'s look-up in ``CANONICAL_CODES`` skipped
  (``None``, ``and False``, the key ``None``): the slow path reads the same
  code and ``setdefault`` returns the same interned object.
- VAT: ``_plain``'s ``to_integral_value(context=ARITHMETIC)`` with the
  caller's context: that method neither signals nor reads the precision,
  and whether a rate is whole does not hang on the rounding mode.
- ``one_of_kind``'s ``'aeiou'`` as ``'XXaeiouXX'``: a lower-cased letter
  is never ``X``.
- ``round_amount``'s ``<= EN16931_DECIMALS`` as ``<``: for a currency of
  two decimals both branches round half up to hundredths.
- ``first_of_month_from``'s ``31`` days as ``32``, or from the 2nd: from
  the first two days of any month, 31 or 32 days on is the next month.
- ``_check_optional_of``'s ``instance`` as ``None``: the check reads only
  the attribute and the value.

mutmut runs, for each mutant, the tests that called its function while
they ran. A value a test builds in its ``parametrize`` list is built at
collection, outside any test, so that test is never run against the
mutants of its constructor: a test that means to catch a constructor's
check builds the value as it runs (a lambda, or the arguments).
"""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest

from paxbill import ArgumentTypeError, InvalidAllocationError, Money
from paxbill.core._allocation import MAX_PARTS, allocate_units
from paxbill.core.money import _Quanta

ADVICE = "give non-negative ints or Decimals with a positive total"


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ([], "cannot allocate by weights (): there are no weights; " + ADVICE),
        (
            [0, 0],
            "cannot allocate by weights (0, 0): the weights total zero; " + ADVICE,
        ),
        (
            [1, -1],
            "cannot allocate by weights (1, -1): a weight is negative; " + ADVICE,
        ),
    ],
)
def test_each_refusal_of_weights_is_worded_whole(
    weights: list[int], message: str
) -> None:
    """The whole message, not a word of it: a mutated message is caught."""
    with pytest.raises(InvalidAllocationError) as refused:
        allocate_units(100, weights)
    assert str(refused.value) == message


def test_weights_that_are_not_iterable_are_named() -> None:
    """A number given as the weights: its value, its type and the argument."""
    with pytest.raises(ArgumentTypeError) as refused:
        allocate_units(100, 7)  # type: ignore[arg-type]
    assert refused.value.value == 7
    assert refused.value.expected == "a sequence of weights"
    assert str(refused.value) == "weights must be a sequence of weights, not int 7"


def test_a_million_weights_is_the_bound_itself() -> None:
    """A million parts are allowed; one more is refused, saying how many."""
    parts = allocate_units(MAX_PARTS, [1] * MAX_PARTS)
    assert len(parts) == MAX_PARTS
    assert set(parts) == {1}
    with pytest.raises(InvalidAllocationError) as refused:
        allocate_units(1, [1] * (MAX_PARTS + 1))
    assert str(refused.value) == (
        "cannot allocate by weights '1,000,001 weights': an allocation has at "
        "most 1,000,000 parts; allocate over fewer parts"
    )


def test_str_pads_in_its_own_context() -> None:
    """str() of an amount pads to the minor unit whatever the caller's precision."""
    with localcontext() as context:
        context.prec = 3
        assert str(Money("178.5", "EUR")) == "178.50 EUR"
        assert str(Money("9" * 26 + ".9", "EUR")) == "9" * 26 + ".90 EUR"


def test_minor_unit_steps_are_found_on_first_use() -> None:
    """A code's step, looked up the first time, is its minor unit, kept."""
    quanta = _Quanta()
    assert quanta["JPY"] == Decimal(1)
    assert quanta["BHD"] == Decimal("0.001")
    assert quanta["EUR"] == Decimal("0.01")
    assert dict(quanta) == {
        "JPY": Decimal(1),
        "BHD": Decimal("0.001"),
        "EUR": Decimal("0.01"),
    }


def test_a_split_beyond_the_bound_says_what_to_do() -> None:
    """The split's own bound, word for word."""
    with pytest.raises(InvalidAllocationError) as refused:
        Money("1.00", "EUR").split(MAX_PARTS + 1)
    assert str(refused.value) == (
        "cannot allocate by weights 1000001: a split has at most 1,000,000 "
        "parts; split into fewer parts"
    )


def test_money_cannot_be_subclassed() -> None:
    """Money is final at run time, so isinstance() is its exact type check."""
    with pytest.raises(
        TypeError, match=r"^Money cannot be subclassed: wrap it instead$"
    ):

        class Dollars(Money):  # type: ignore[misc]
            pass


@pytest.mark.parametrize(
    ("amount", "rounding", "cash", "expected"),
    [
        # 2.349 cut to cents is 2.34; half-even or half-up would give 2.35.
        ("2.349", "ROUND_DOWN", False, "2.34"),
        # 2.341 raised to cents is 2.35; to the nearest it would be 2.34.
        ("2.341", "ROUND_UP", False, "2.35"),
        # Cash francs step by 0.05: 1.09 is 21.8 steps, cut to 21 (1.05).
        ("1.09", "ROUND_DOWN", True, "1.05"),
        # 1.06 is 21.2 steps, raised to 22 (1.10).
        ("1.06", "ROUND_UP", True, "1.10"),
    ],
)
def test_format_amount_rounds_the_way_it_is_told(
    amount: str, rounding: str, cash: bool, expected: str
) -> None:
    """The rounding asked for, not the context's, in both the minor unit and cash."""
    import decimal

    from paxbill.core.formatting import format_amount

    currency = "CHF" if cash else "EUR"
    mode = getattr(decimal, rounding)
    shown = format_amount(Decimal(amount), currency, "en_GB", rounding=mode, cash=cash)
    # The layout of the exact figure, which no rounding mode can change.
    assert shown == format_amount(Decimal(expected), currency, "en_GB", cash=cash)
