"""What the installer agreed with each client, and what a term of it bills.

An :class:`Installer` holds what every invoice of the installer shares: the
seller, its myPaxton account and Paxton's price, its number series. A
:class:`ClientContract` holds one client's terms: whom to bill, how often,
at what price, with which VAT. :func:`term_invoice_fields` gives the fields
of the invoice that bills one term, in advance, for the users Paxton counts
in the term's first month: what :meth:`~paxbill.Register.month_end` issues.

>>> import datetime as dt
>>> from paxbill import (Account, AccountType, BillingFrequency, Money, Party,
...                      PerUserPrice)
>>> installer = Installer(
...     Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045"),
...     Account("PAX-1", AccountType.SYSTEM_MANAGER),
...     PerUserPrice(Money("3.00", "EUR"), 15),
... )
>>> contract = ClientContract("RES-TILLEULS", Party("Résidence Les Tilleuls", "FR"),
...                           BillingFrequency.QUARTERLY, Money("4.00", "EUR"))
>>> fields = term_invoice_fields(installer, contract, dt.date(2025, 4, 1),
...                              users=70, issue_date=dt.date(2025, 4, 1))
>>> [(str(line.quantity), line.net_amount) for line in fields["lines"]]
[('210', Money('840.00', 'EUR'))]
>>> installer.series_on(dt.date(2025, 4, 1)), contract.prepaid
('F2025-', True)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from paxbill.clients.bundles import Bundle
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.parties import Party
from paxbill.clients.invoicing.payment_instructions import PaymentInstructions
from paxbill.clients.invoicing.payment_terms import PaymentTerms
from paxbill.clients.invoicing.vat import VatCategory, to_vat_category, to_vat_rate
from paxbill.clients.prepayment import monthly_unit_prices, price_runs, unit_price_of
from paxbill.core._dates import months_after, to_date
from paxbill.core._numbers import to_count
from paxbill.core._validators import instance_of, is_optional_date
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.core.periods import (
    BillingFrequency,
    BillingPeriod,
    BillingTerm,
    Frequency,
)
from paxbill.core.pricing import PerUserPrice
from paxbill.core.schedules import PriceSchedule
from paxbill.exceptions import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidContractError,
)
from paxbill.paxton.accounts import Account

__all__ = ["ClientContract", "Installer", "term_invoice_fields"]

#: The words of the invoice lines a term bills, by language.
_LINE_WORDS = {
    "fr": (
        "Abonnement à l'application Entry : {users} utilisateur(s) x {months} mois"
        " ({start} au {end})",
        "Contrat forfaitaire ({start} au {end})",
    ),
    "en": (
        "Entry app subscription: {users} user(s) x {months} month(s)"
        " ({start} to {end})",
        "Bundled contract ({start} to {end})",
    ),
}


#: Where the terms of a contract without a term start run from: 1 January
#: (of any year: terms of 1, 2, 3, 4, 6 or 12 months start on the same days).
DEFAULT_ANCHOR = dt.date(2000, 1, 1)


def _to_series(value: object) -> str:
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        raise InvalidContractError(
            f"the series {value!r} is not a prefix such as 'F{{year}}-', without spaces"
        )
    try:
        value.format(year=2025)
    except (KeyError, IndexError, ValueError):
        raise InvalidContractError(
            f"the series {value!r} may hold {{year}} and nothing else in braces"
        ) from None
    return value


def _to_language(value: object) -> str:
    if value not in _LINE_WORDS:
        raise InvalidContractError(
            f"the language {value!r} is not one of {', '.join(_LINE_WORDS)}"
        )
    return str(value)


def _to_width(value: object) -> int:
    width = to_count(value, what="width")
    if not 1 <= width <= 18:
        raise InvalidContractError(f"a width of {width} digits is not 1 to 18")
    return width


@attrs.frozen
class Installer(Revalidated):
    """The installer, as each of its month ends bills.

    Args:
        seller: the installer as its invoices name it.
        account: its myPaxton account, whose type dates Paxton's charges.
        paxton_price: what Paxton charges per user per month: a
            PerUserPrice (its net), or a PriceSchedule of them.
        series: the prefix of the invoices' numbers; ``{year}`` in it is
            the issue date's year, so that each year has its series.
        width: the digits of the numbers.
        payment_terms: when the invoices fall due, net 30 days by default.
        payment_instructions: how the clients pay, if the invoices say.
        business_process: the French « cadre de facturation » (BT-23).
        language: ``"fr"`` or ``"en"``, the language of the invoices.
    """

    seller: Party = attrs.field(validator=instance_of(Party, "a Party"))
    account: Account = attrs.field(validator=instance_of(Account, "an Account"))
    paxton_price: PerUserPrice | PriceSchedule = attrs.field(
        validator=instance_of(
            (PerUserPrice, PriceSchedule), "a PerUserPrice or a PriceSchedule"
        )
    )
    series: str = attrs.field(default="F{year}-", converter=_to_series)
    width: int = attrs.field(default=4, converter=_to_width)
    payment_terms: PaymentTerms = attrs.field(
        factory=PaymentTerms, validator=instance_of(PaymentTerms, "a PaymentTerms")
    )
    payment_instructions: PaymentInstructions | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            instance_of(PaymentInstructions, "a PaymentInstructions or None")
        ),
    )
    business_process: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(instance_of(str, "a str or None")),
    )
    language: str = attrs.field(default="fr", converter=_to_language)

    def series_on(self, day: dt.date) -> str:
        """The prefix of the numbers of the invoices issued on *day*."""
        return self.series.format(year=day.year)


def _check_price(
    instance: ClientContract, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        if not isinstance(instance.billing, Bundle):
            raise InvalidContractError(
                f"client {instance.client_id!r}: a price per user per month is "
                "needed unless the contract is a bundle"
            )
        return
    if not isinstance(value, Money | PerUserPrice | PriceSchedule):
        raise ArgumentTypeError(
            value, "a Money, a PerUserPrice or a PriceSchedule", what="price"
        )
    unit_price_of(value)


def _check_billing(
    instance: ClientContract, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, BillingFrequency | BillingTerm | Bundle):
        raise ArgumentTypeError(
            value, "a BillingFrequency, a BillingTerm or a Bundle", what="billing"
        )


def _check_currency(
    instance: ClientContract, attribute: attrs.Attribute[Any], value: object
) -> None:
    price, billing = instance.price, instance.billing
    currencies = set()
    if price is not None:
        currencies.add(_currency_of(price))
    if isinstance(billing, Bundle):
        currencies.add(billing.fee.currency)
    if len(currencies) > 1:
        first, other = sorted(currencies)
        raise CurrencyMismatchError(first, other, operation="bill one client in")


def _currency_of(price: Money | PerUserPrice | PriceSchedule) -> str:
    if isinstance(price, PriceSchedule):
        return unit_price_of(price.on(price.dates[0])).currency
    return unit_price_of(price).currency


@attrs.frozen
class ClientContract(Revalidated):
    """What the installer agreed with one client.

    Args:
        client_id: the client's identifier; its app users carry it.
        buyer: the client as its invoices name it.
        billing: a BillingFrequency or BillingTerm, billed in advance at
            *price* per user per month; or a Bundle, billed its fee.
        price: the price per user per month (a Money, a PerUserPrice or a
            PriceSchedule); not needed with a Bundle.
        term_start: the first day of one of its terms; its terms run from
            there every *billing*'s months. By default 1 January, for a
            term that divides the year.
        vat_category: the VAT category of its lines, ``"S"`` by default.
        vat_rate: the VAT rate in percent, 20 by default for category S.
        exemption_reason: why no VAT is due, for an exempt category.

    Raises:
        InvalidContractError: no price for a contract that bills per user.
        CurrencyMismatchError: a price and a bundle fee in two currencies.
    """

    client_id: str = attrs.field(validator=instance_of(str, "a str"))
    buyer: Party = attrs.field(validator=instance_of(Party, "a Party"))
    billing: Frequency | Bundle = attrs.field(validator=_check_billing)
    price: Money | PerUserPrice | PriceSchedule | None = attrs.field(
        default=None, validator=[_check_price, _check_currency]
    )
    term_start: dt.date | None = attrs.field(
        default=None, validator=is_optional_date, kw_only=True
    )
    vat_category: VatCategory = attrs.field(
        default=VatCategory.STANDARD, converter=to_vat_category, kw_only=True
    )
    vat_rate: Decimal | None = attrs.field(default=None, kw_only=True)
    exemption_reason: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(instance_of(str, "a str or None")),
        kw_only=True,
    )

    def __attrs_post_init__(self) -> None:
        rate = self.vat_rate
        if rate is None and self.vat_category is VatCategory.STANDARD:
            rate = Decimal(20)
        object.__setattr__(self, "vat_rate", to_vat_rate(self.vat_category, rate))
        if self.term_start is None and 12 % self.frequency.months:
            raise InvalidContractError(
                f"client {self.client_id!r}: a term of {self.frequency.months} "
                "months needs its term_start (terms of 1, 2, 3, 4, 6 or 12 months "
                "run from 1 January by default)"
            )

    @property
    def currency(self) -> str:
        """The currency the client is billed in."""
        if isinstance(self.billing, Bundle):
            return self.billing.fee.currency
        assert self.price is not None  # checked when the contract was made
        return _currency_of(self.price)

    @property
    def frequency(self) -> Frequency:
        """How often a term starts."""
        billing = self.billing
        return billing.frequency if isinstance(billing, Bundle) else billing

    @property
    def prepaid(self) -> bool:
        """Whether the client prepays Paxton's charges for more than a month.

        A per-user contract billed for several months in advance keeps a
        prepaid balance, which each month end debits and reviews; a monthly
        one and a bundle do not.
        """
        return not isinstance(self.billing, Bundle) and self.billing.months > 1

    @property
    def anchor(self) -> dt.date:
        """The day the client's terms run from, its term start or a 1 January."""
        return self.term_start or DEFAULT_ANCHOR


def term_invoice_fields(
    installer: Installer,
    contract: ClientContract,
    term_start: dt.date,
    *,
    users: int,
    issue_date: dt.date,
) -> dict[str, Any]:
    """The fields of the invoice that bills *contract*'s term from *term_start*.

    A per-user contract bills *users* (Paxton's count of the term's first
    month) for each month of the term at the price in force on that month's
    first day: one line per run of months at one price, its quantity in
    user-months. A bundle bills its fee on one line. Everything else comes
    from *installer*. Give the result, with a number, to
    :class:`~paxbill.ClientInvoice` (or to :meth:`~paxbill.Register.issue`).

    Raises:
        InvalidCountError: a negative number of users.
    """
    if not isinstance(installer, Installer):
        raise ArgumentTypeError(installer, "an Installer", what="installer")
    if not isinstance(contract, ClientContract):
        raise ArgumentTypeError(contract, "a ClientContract", what="contract")
    to_date(term_start, what="term_start")
    count = to_count(users, what="users")
    months = contract.frequency.months
    term = BillingPeriod(term_start, months_after(term_start, months))
    words = _LINE_WORDS[installer.language]
    vat = contract.vat_category, contract.vat_rate, contract.exemption_reason
    lines = []
    if isinstance(contract.billing, Bundle):
        text = words[1].format(start=term.start, end=term.last_day)
        lines.append(ClientInvoiceLine(text, 1, contract.billing.fee, *vat))
    else:
        assert contract.price is not None  # checked when the contract was made
        prices = monthly_unit_prices(contract.price, term_start, months)
        for period, run, price in price_runs(prices, term_start):
            text = words[0].format(
                users=count, months=run, start=period.start, end=period.last_day
            )
            lines.append(
                ClientInvoiceLine(text, count * run, price, *vat, unit_code="MON")
            )
    fields: dict[str, Any] = {
        "issue_date": issue_date,
        "seller": installer.seller,
        "buyer": contract.buyer,
        "lines": lines,
        "payment_terms": installer.payment_terms,
        "service_period": term,
        "language": installer.language,
        "payment_instructions": installer.payment_instructions,
        "business_process": installer.business_process,
    }
    return fields
