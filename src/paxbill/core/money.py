"""Money: an exact amount in one currency, and a fast total of many.

>>> from paxbill import Money
>>> Money("2.55", "EUR") * 70
Money('178.50', 'EUR')
>>> Money("100.00", "EUR").split(3)
(Money('33.34', 'EUR'), Money('33.33', 'EUR'), Money('33.33', 'EUR'))
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    InvalidOperation,
    localcontext,
)
from fractions import Fraction
from operator import attrgetter
from typing import Any, Final, NoReturn, final

from attrs.exceptions import FrozenInstanceError

from paxbill.core._allocation import allocate_units, split_units
from paxbill.core._currency import CANONICAL_CODES, currency_code, quantum
from paxbill.core._numbers import (
    AMOUNTS,
    ARITHMETIC,
    MAX_DIGITS,
    ExactNumber,
    beyond_an_amount,
    read_decimal,
    to_count,
    to_decimal,
)
from paxbill.core.formatting import format_amount
from paxbill.exceptions import (
    AmountTypeError,
    ArgumentTypeError,
    CurrencyMismatchError,
)

__all__ = ["Money", "format_money", "total"]

# Padding an amount to its minor unit for display only adds zeros, so an
# unbounded context never rounds there, whatever context the caller has set.
_PADDING: Final = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
# Rounding to a minor unit is bounded like an amount: a result of more than
# 28 digits (27 nines and a fraction, rounded up) is refused, not returned.
_ROUNDING: Final = Context(
    prec=MAX_DIGITS, Emax=MAX_DIGITS - 1, Emin=-MAX_DIGITS, traps=[InvalidOperation]
)
# Sums and products are computed in paxbill's own context, never the caller's,
# the one amounts are read in: what Money cannot read back signals.
_add, _subtract, _multiply = AMOUNTS.add, AMOUNTS.subtract, AMOUNTS.multiply
_add_any = ARITHMETIC.add
_text = ARITHMETIC.to_sci_string


@final
class Money:
    """An exact amount of money in one ISO 4217 currency.

    Immutable and hashable. The amount is kept exactly as given, never
    rounded until :meth:`round` is asked; arithmetic is exact while results fit
    in the decimal context's precision (28 significant digits by default).

    Args:
        amount: a ``str`` such as ``"178.50"``, an ``int`` or a ``Decimal``.
            A ``float`` or ``bool`` is refused: floats are not exact.
        currency: an ISO 4217 code in any case, kept upper-case.

    Raises:
        AmountTypeError: *amount* is a float, a bool or another type.
        InvalidAmountError: *amount* is NaN, infinite or not a number.
        UnknownCurrencyError: *currency* is not a code babel knows.

    >>> Money("2.5", "eur") == Money("2.50", "EUR")
    True
    >>> str(Money("178.5", "EUR")), Money("178.50", "EUR")
    ('178.50 EUR', Money('178.50', 'EUR'))
    """

    __slots__ = ("amount", "currency")

    amount: Decimal
    currency: str

    def __init__(self, amount: ExactNumber, currency: str) -> None:
        # Fast path for the usual decimal string, read by the same rule as
        # to_decimal; anything else, or anything wrong, goes through it.
        value = None
        if type(amount) is str and amount.isascii():
            try:
                value = read_decimal(amount)
            except ArithmeticError:
                value = None  # to_decimal below says what is wrong
        if value is None or not value.is_finite():
            value = to_decimal(amount)
        try:
            code = CANONICAL_CODES[currency]
        except (KeyError, TypeError):
            code = currency_code(currency)
        _set_amount(self, value)
        _set_currency(self, code)

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Return nothing of *currency*, to the minor unit.

        >>> Money.zero("EUR")
        Money('0.00', 'EUR')
        """
        code = currency_code(currency)
        return _make(_multiply(quantum(code), 0), code)

    @classmethod
    def from_minor_units(cls, units: int, currency: str) -> Money:
        """Return *units* minor units (cents for EUR) of *currency*.

        >>> Money.from_minor_units(17850, "EUR")
        Money('178.50', 'EUR')
        """
        code = currency_code(currency)
        return _units(to_count(units, what="units"), code)

    # -- immutability --------------------------------------------------------

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError

    def __reduce__(self) -> tuple[type[Money], tuple[Decimal, str]]:
        return (Money, (self.amount, self.currency))

    def __copy__(self) -> Money:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Money:
        return self

    # -- identity and order --------------------------------------------------

    def __repr__(self) -> str:
        return f"Money({_text(self.amount)!r}, {self.currency!r})"

    def __str__(self) -> str:
        """Show the amount with its minor unit, or more digits, never rounded."""
        amount = self.amount
        padded = amount.quantize(_QUANTA[self.currency], context=_PADDING)
        return f"{padded if padded == amount else amount:f} {self.currency}"

    def __init_subclass__(cls, **kwargs: object) -> NoReturn:
        # Money is final at run time too, so that isinstance() is a type check.
        raise TypeError("Money cannot be subclassed: wrap it instead")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self.amount == other.amount and self.currency is other.currency
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.amount, self.currency))

    def __bool__(self) -> bool:
        return bool(self.amount)

    # Each comparison is one frame: the usual case compares and returns, and
    # only a refusal calls out. isinstance() is the fastest type check there,
    # and exact: Money cannot be subclassed.

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Money) and other.currency is self.currency:
            return self.amount < other.amount
        return _refuse_comparison(self, other)

    def __le__(self, other: object) -> bool:
        if isinstance(other, Money) and other.currency is self.currency:
            return self.amount <= other.amount
        return _refuse_comparison(self, other)

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Money) and other.currency is self.currency:
            return self.amount > other.amount
        return _refuse_comparison(self, other)

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Money) and other.currency is self.currency:
            return self.amount >= other.amount
        return _refuse_comparison(self, other)

    # -- arithmetic ----------------------------------------------------------
    # The hot operators build their result without __init__: both operands
    # were checked when they were made, so checking again would only cost.

    def __add__(self, other: Money) -> Money:
        if type(other) is not Money:
            _refuse(other, "add", _SAME_CURRENCY)
        currency = self.currency
        if other.currency is not currency:
            raise CurrencyMismatchError(currency, other.currency, operation="add")
        try:
            amount = _add(self.amount, other.amount)
        except ArithmeticError:
            raise beyond_an_amount("+", self, other) from None
        result = _new(Money)
        _set_amount(result, amount)
        _set_currency(result, currency)
        return result

    def __radd__(self, other: int) -> Money:
        # sum() starts from the int 0; nothing else may be added to money.
        if type(other) is int and other == 0:
            return self
        return _refuse(other, "add", _SAME_CURRENCY)

    def __sub__(self, other: Money) -> Money:
        if type(other) is not Money:
            _refuse(other, "subtract", _SAME_CURRENCY)
        currency = self.currency
        if other.currency is not currency:
            raise CurrencyMismatchError(currency, other.currency, operation="subtract")
        try:
            amount = _subtract(self.amount, other.amount)
        except ArithmeticError:
            raise beyond_an_amount("-", self, other) from None
        result = _new(Money)
        _set_amount(result, amount)
        _set_currency(result, currency)
        return result

    def __mul__(self, factor: int | Decimal) -> Money:
        kind = type(factor)
        if kind is not int and (kind is not Decimal or not factor.is_finite()):  # type: ignore[union-attr]
            if not isinstance(factor, float | int | Decimal):
                _refuse(factor, "multiply by", "an int or a Decimal")
            factor = to_decimal(factor, what="factor")
        try:
            amount = _multiply(self.amount, factor)
        except ArithmeticError:
            raise beyond_an_amount("x", self, factor) from None
        result = _new(Money)
        _set_amount(result, amount)
        _set_currency(result, self.currency)
        return result

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Money:
        raise ArgumentTypeError(
            self,
            "split with .allocate(weights) or .split(n), which never lose a "
            "cent, rather than divided",
            what="money",
        )

    def __neg__(self) -> Money:
        return _make(self.amount.copy_negate(), self.currency)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return _make(self.amount.copy_abs(), self.currency)

    # -- rounding and splitting ---------------------------------------------

    def round(self, *, rounding: str = ROUND_HALF_UP) -> Money:
        """Return the amount rounded to the currency's minor unit.

        Args:
            rounding: a :mod:`decimal` rounding mode, half-up by default.

        >>> Money("2.545", "EUR").round()
        Money('2.55', 'EUR')
        >>> Money("1234.5", "JPY").round(), Money("0.0125", "BHD").round()
        (Money('1235', 'JPY'), Money('0.013', 'BHD'))
        """
        currency = self.currency
        try:
            amount = self.amount.quantize(_QUANTA[currency], rounding, _ROUNDING)
        except InvalidOperation:
            raise beyond_an_amount("rounding", self) from None
        result = _new(Money)
        _set_amount(result, amount)
        _set_currency(result, currency)
        return result

    def to_minor_units(self, *, rounding: str = ROUND_HALF_UP) -> int:
        """Return the amount rounded, as a whole number of minor units.

        >>> Money("178.50", "EUR").to_minor_units()
        17850
        """
        rounded = self.round(rounding=rounding).amount
        return int(ARITHMETIC.scaleb(rounded, _minor(self.currency)))

    def allocate(self, weights: Iterable[ExactNumber | Fraction]) -> tuple[Money, ...]:
        """Split the rounded amount in proportion to *weights*.

        The parts are whole minor units and sum exactly to :meth:`round`;
        leftover units go to the largest remainders, ties to the earliest.
        Weights are ints, Decimals or Fractions, none negative, at most a
        million of them.

        Raises:
            InvalidAllocationError: a weight is negative, or all are zero.

        >>> Money("10.00", "EUR").allocate([1, 2])
        (Money('3.33', 'EUR'), Money('6.67', 'EUR'))
        """
        units = allocate_units(self.to_minor_units(), weights)
        currency = self.currency
        return tuple([_units(part, currency) for part in units])

    def split(self, parts: int) -> tuple[Money, ...]:
        """Split the rounded amount into *parts* near-equal parts, larger first.

        The rule of :meth:`allocate` with equal weights, from 1 to a million
        parts; equal parts are the one immutable Money.

        >>> [str(part) for part in Money("100.00", "EUR").split(3)]
        ['33.34 EUR', '33.33 EUR', '33.33 EUR']
        """
        count = to_count(parts, what="parts")
        larger, extra, smaller = split_units(self.to_minor_units(), count)
        currency = self.currency
        tail = (_units(smaller, currency),) * (count - extra)
        if not extra:
            return tail
        return (_units(larger, currency),) * extra + tail

    def format(self, locale: object, *, cash: bool = False) -> str:
        r"""Return the amount rounded half-up and formatted for *locale*.

        The layout is CLDR's, as ICU prints it; the digits are the ISO 4217
        minor unit's, or with ``cash=True`` CLDR's cash rounding
        (:func:`~paxbill.format_money`).

        >>> Money("2.5", "GBP").format("en_GB")
        '£2.50'
        >>> Money("1234.56", "EUR").format("es_ES") == "1234,56\xa0€"
        True
        """
        return format_money(self, locale, cash=cash)


def format_money(
    money: Money, locale: object, *, rounding: str = ROUND_HALF_UP, cash: bool = False
) -> str:
    r"""Return *money* rounded to its minor unit and formatted for *locale*.

    Rounding is paxbill's (half-up by default), to the currency's ISO 4217
    minor unit; with ``cash=True``, to CLDR's cash digits and increment
    instead (five centimes for the Swiss franc). The layout is CLDR's, as
    ICU prints it (``docs/rules.md``, "Formatting").

    Raises:
        ArgumentTypeError: *money* is not a Money (a float, say).

    >>> format_money(Money("2.125", "GBP"), "en_GB")
    '£2.13'
    >>> format_money(Money("999.95", "CHF"), "fr_CH") == "999.95\xa0CHF"
    True
    >>> format_money(Money("2.47", "CHF"), "de_CH", cash=True) == "CHF\xa02.45"
    True
    """
    if not isinstance(money, Money):
        raise ArgumentTypeError(money, "a Money", what="money")
    if cash:
        return format_amount(money.amount, money.currency, locale, cash=True)
    rounded = money.round(rounding=rounding)
    return format_amount(rounded.amount, money.currency, locale)


_new = object.__new__
_set_amount = vars(Money)["amount"].__set__
_set_currency = vars(Money)["currency"].__set__
_get_amount = attrgetter("amount")
_get_currency = attrgetter("currency")


class _Quanta(dict[str, Decimal]):
    """Minor-unit steps by currency code, filled on first use."""

    def __missing__(self, code: str) -> Decimal:
        step = self[code] = quantum(code)
        return step


_QUANTA: Final = _Quanta()


def _minor(code: str) -> int:
    return -int(_QUANTA[code].as_tuple().exponent)


def _units(units: int, currency: str) -> Money:
    """*units* minor units of *currency*, exactly."""
    try:
        return _make(_multiply(_QUANTA[currency], units), currency)
    except ArithmeticError:
        raise beyond_an_amount("minor units of", units, currency) from None


def _make(amount: Decimal, currency: str) -> Money:
    """Build a Money from an already checked amount and canonical code."""
    money = _new(Money)
    _set_amount(money, amount)
    _set_currency(money, currency)
    return money


_SAME_CURRENCY: Final = "Money of the same currency"


def _refuse_comparison(money: Money, other: object) -> NoReturn:
    if type(other) is not Money:
        _refuse(other, "compare with", _SAME_CURRENCY)
    raise CurrencyMismatchError(money.currency, other.currency, operation="compare")


def _refuse(other: object, operation: str, expected: str) -> NoReturn:
    if isinstance(other, float | bool):
        raise AmountTypeError(other, what=f"what to {operation}")
    raise ArgumentTypeError(other, expected, what=f"what to {operation}")


def total(amounts: Iterable[Money], currency: str | None = None) -> Money:
    """Sum many amounts of one currency, fast, without a Money at each step.

    Args:
        amounts: the amounts to sum, all of one currency.
        currency: the currency expected; required when *amounts* may be empty.

    Raises:
        CurrencyMismatchError: two amounts, or an amount and *currency*, differ.
        ArgumentTypeError: an item is not a Money, or *amounts* is empty and
            no *currency* was given.

    >>> total([Money("2.55", "EUR"), Money("0.45", "EUR")])
    Money('3.00', 'EUR')
    >>> total([], "GBP")
    Money('0.00', 'GBP')
    """
    kind = type(amounts)
    items: list[Money] | tuple[Money, ...] = (
        amounts  # type: ignore[assignment]
        if kind is list or kind is tuple
        else _listed(amounts)
    )
    count = len(items)
    if 0 < count <= _SHORT:
        first = items[0]
        if type(first) is Money:
            code = first.currency
            if currency is not None and currency is not code:
                _currency_of(items, currency)  # another spelling, or refused
            # Making sets to check the items costs more than checking and
            # adding a few amounts one by one.
            amount = first.amount
            try:
                amount = _add_any(_ZERO, amount)  # as sum() does: -0.00 is 0.00
                for item in items[1:] if count > 1 else ():
                    if type(item) is not Money or item.currency is not code:
                        _refuse_mixed(items)
                    amount = _add_any(amount, item.amount)
                if count > 1:  # one amount is within bounds already
                    amount = read_decimal(amount)
            except ArithmeticError:
                raise beyond_an_amount("the total of", f"{count:,} amounts") from None
            result = _new(Money)
            _set_amount(result, amount)
            _set_currency(result, code)
            return result
    code = _currency_of(items, currency)
    if not count:
        return Money.zero(code)
    try:
        # The sum runs in 100 digits; the total is bounded like any amount.
        with localcontext(ARITHMETIC):
            amount = sum(map(_get_amount, items), _ZERO)
        amount = read_decimal(amount)
    except ArithmeticError:
        raise beyond_an_amount("the total of", f"{count:,} amounts") from None
    return _make(amount, code)


def _listed(amounts: object) -> list[Money] | tuple[Money, ...]:
    if isinstance(amounts, list | tuple):
        return amounts
    if isinstance(amounts, str | bytes) or not isinstance(amounts, Iterable):
        raise ArgumentTypeError(amounts, "an iterable of Money", what="amounts")
    return list(amounts)


def _refuse_mixed(items: list[Money] | tuple[Money, ...]) -> NoReturn:
    """Refuse amounts found not all Money of one currency, as _currency_of says.

    Any currency named is that of the first amount, and adds nothing.
    """
    _currency_of(items, None)
    raise AssertionError  # pragma: no cover - _currency_of has refused them


def _currency_of(items: list[Money] | tuple[Money, ...], currency: str | None) -> str:
    """The one currency of *items* and of *currency*, if given; else refuse."""
    expected = None if currency is None else currency_code(currency)
    if set(map(type, items)) - {Money}:
        bad = next(item for item in items if type(item) is not Money)
        raise ArgumentTypeError(bad, "Money", what="each amount")
    currencies: set[str] = set(map(_get_currency, items))
    if not currencies:
        if expected is None:
            raise ArgumentTypeError(
                items, "a currency when there may be no amounts", what="total()"
            )
        return expected
    if expected is not None:
        currencies.add(expected)
    if len(currencies) > 1:
        first, second, *_ = sorted(currencies)
        raise CurrencyMismatchError(first, second, operation="total")
    (code,) = currencies
    return code


#: Up to this many amounts, a total adds them one by one.
_SHORT: Final = 16
_ZERO: Final = Decimal(0)
