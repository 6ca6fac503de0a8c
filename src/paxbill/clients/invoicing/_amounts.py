"""The one rounding of the installer's documents: EN 16931's two decimals at most.

An amount on a client invoice or credit note (a line's net, a VAT group's
tax, and so every total) is rounded half-up to the currency's ISO 4217
minor unit, capped at two decimals: EN 16931 allows no more on an amount
(BR-DEC-23 for a line, BR-DEC-12 to BR-DEC-19 for the totals), so a
three-decimal currency such as the Kuwaiti dinar is invoiced to the
hundredth. Unit prices keep every digit they are given (BT-146).

>>> from paxbill import Money
>>> round_amount(Money("3.702", "KWD")), round_amount(Money("2.545", "EUR"))
(Money('3.70', 'KWD'), Money('2.55', 'EUR'))
>>> round_amount(Money("1234.5", "JPY"))
Money('1235', 'JPY')
"""

from __future__ import annotations

from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_UP, Context, Decimal
from functools import cache

from paxbill.core._currency import minor_unit
from paxbill.core.money import Money

#: The most decimals EN 16931 allows on an amount.
EN16931_DECIMALS = 2
# Wide enough to round any amount paxbill holds, whatever the caller's context.
_CONTEXT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


@cache
def _step(currency: str) -> Decimal:
    return Decimal((0, (1,), -min(minor_unit(currency), EN16931_DECIMALS)))


def round_amount(money: Money) -> Money:
    """Round *money* half-up to its minor unit, at most two decimals."""
    step = _step(money.currency)
    return Money(money.amount.quantize(step, ROUND_HALF_UP, _CONTEXT), money.currency)
