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

from fractions import Fraction

from paxbill.core._allocation import round_half_up
from paxbill.core._currency import minor_unit
from paxbill.core._numbers import ARITHMETIC
from paxbill.core.money import Money

#: The most decimals EN 16931 allows on an amount.
EN16931_DECIMALS = 2


def round_amount(money: Money) -> Money:
    """Round *money* half-up to its minor unit, at most two decimals."""
    if minor_unit(money.currency) <= EN16931_DECIMALS:
        return money.round()
    hundredths = round_half_up(Fraction(money.amount) * 10**EN16931_DECIMALS)
    amount = ARITHMETIC.scaleb(ARITHMETIC.create_decimal(hundredths), -EN16931_DECIMALS)
    return Money(amount, money.currency)
