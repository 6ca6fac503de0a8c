"""paxbill: exact money for the Paxton Entry per-user subscription.

>>> from paxbill import Discount, Money, PerUserPrice
>>> PerUserPrice(Money("3.00", "EUR"), Discount(15)).monthly_total(70)
Money('178.50', 'EUR')
"""

from paxbill.discount import Discount
from paxbill.exceptions import (
    AmountTypeError,
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAllocationError,
    InvalidAmountError,
    InvalidDiscountError,
    InvalidUserCountError,
    PaxbillError,
    UnknownCurrencyError,
    UnknownLocaleError,
)
from paxbill.formatting import format_money
from paxbill.money import Money, total
from paxbill.pricing import PerUserPrice

__version__ = "0.1.0"

__all__ = [
    "AmountTypeError",
    "ArgumentTypeError",
    "CurrencyMismatchError",
    "Discount",
    "InvalidAllocationError",
    "InvalidAmountError",
    "InvalidDiscountError",
    "InvalidUserCountError",
    "Money",
    "PaxbillError",
    "PerUserPrice",
    "UnknownCurrencyError",
    "UnknownLocaleError",
    "__version__",
    "format_money",
    "total",
]
