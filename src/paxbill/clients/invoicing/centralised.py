"""One invoice for everything: the app, a bundle's fee, other services, co-terms.

The vendor's note recommends « facturation centralisée »: one invoice to the
client that carries the Entry app and the installer's other services. These
helpers turn what paxbill computes into the lines of that invoice, each
line's net amount equal to the figure it comes from.

>>> import datetime as dt
>>> from paxbill import BillingFrequency, Money, quote_prepayment
>>> quote = quote_prepayment(
...     Money("4.00", "EUR"), 70, BillingFrequency.QUARTERLY, dt.date(2024, 1, 1)
... )
>>> lines = centralised_lines(
...     quote=quote, services=[("Maintenance", Money("150.00", "EUR"))],
...     vat_rate="20", language="en",
... )
>>> for line in lines:
...     print(line.description, line.net_amount)
Entry app users, 3 months from 01/01/2024 to 31/03/2024 840.00 EUR
Maintenance 150.00 EUR
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from paxbill.clients.bundles import Bundle
from paxbill.clients.invoicing.lines import ClientInvoiceLine
from paxbill.clients.invoicing.vat import VatCategory, to_language, to_vat_category
from paxbill.clients.prepayment import (
    PrepaymentQuote,
    coterm_adjustment,
    coterm_month_prices,
)
from paxbill.clients.proration import ProrationMethod
from paxbill.core._dates import to_date
from paxbill.core._numbers import ExactNumber, to_count
from paxbill.core.money import Money, total
from paxbill.exceptions import ArgumentTypeError, InvalidQuantityError

__all__ = ["centralised_lines", "coterm_line"]

_WORDS = {
    "fr": {
        "app": "Utilisateurs de l'application Entry, {months} mois "
        "du {start} au {last}",
        "bundle": "Forfait {frequency} : application Entry pour {users} "
        "utilisateurs et services",
        "monthly": "mensuel",
        "annual": "annuel",
        "added": "{users} utilisateurs ajoutés le {on}, jusqu'au {last}",
        "removed": "{users} utilisateurs retirés le {on}, jusqu'au {last}",
    },
    "en": {
        "app": "Entry app users, {months} months from {start} to {last}",
        "bundle": "{frequency} bundled fee: Entry app for {users} users and services",
        "monthly": "Monthly",
        "annual": "Annual",
        "added": "{users} users added on {on}, to {last}",
        "removed": "{users} users removed on {on}, to {last}",
    },
}


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def coterm_line(
    quote: PrepaymentQuote,
    users_change: int,
    on: dt.date,
    *,
    method: ProrationMethod = ProrationMethod.ACTIVE_MONTHS,
    vat_category: VatCategory | str = VatCategory.STANDARD,
    vat_rate: ExactNumber | None = None,
    language: str = "fr",
) -> ClientInvoiceLine:
    """Return the line that bills, or credits, users changed mid-term.

    Its net amount is :func:`~paxbill.coterm_adjustment`'s figure, without
    the sign: put the line of added users on an invoice, and that of removed
    users on a credit note (:meth:`ClientInvoice.credit`). By active months
    the quantity is the users changed, at the price of the months billed;
    by days or months it is one adjustment, the users named in its text.

    >>> from paxbill import BillingFrequency, Money, quote_prepayment
    >>> quarter = quote_prepayment(
    ...     Money("2.55", "EUR"), 70, BillingFrequency.QUARTERLY, dt.date(2024, 1, 1)
    ... )
    >>> line = coterm_line(quarter, -5, dt.date(2024, 2, 15), vat_rate="20")
    >>> line.quantity, line.unit_price, line.net_amount
    (Decimal('5'), Money('2.55', 'EUR'), Money('12.75', 'EUR'))
    """
    change = to_count(users_change, what="users_change")
    if change == 0:
        raise InvalidQuantityError(change, reason="is no change of users")
    day = to_date(on, what="on")
    words = _WORDS[to_language(language)]
    adjustment = coterm_adjustment(quote, change, day, method=method)
    text = words["added" if change > 0 else "removed"].format(
        users=abs(change), on=_day(day), last=_day(quote.period.last_day)
    )
    if method is ProrationMethod.ACTIVE_MONTHS:
        prices = coterm_month_prices(quote, change, day)
        unit = total(prices, quote.unit_price.currency)
        quantity = abs(change)
    else:
        unit, quantity = abs(adjustment), 1
    return ClientInvoiceLine(text, quantity, unit, vat_category, vat_rate)


def _service_line(
    item: object, category: VatCategory, rate: ExactNumber | None
) -> ClientInvoiceLine:
    if isinstance(item, ClientInvoiceLine):
        return item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Money):
        return ClientInvoiceLine(item[0], 1, item[1], category, rate)
    raise ArgumentTypeError(
        item, "a ClientInvoiceLine or a (description, Money) pair", what="each service"
    )


def centralised_lines(
    *,
    quote: PrepaymentQuote | None = None,
    bundle: Bundle | None = None,
    services: Iterable[ClientInvoiceLine | tuple[str, Money]] = (),
    added_users: Iterable[tuple[int, dt.date]] = (),
    vat_category: VatCategory | str = VatCategory.STANDARD,
    vat_rate: ExactNumber | None = None,
    language: str = "fr",
) -> tuple[ClientInvoiceLine, ...]:
    """Return the lines of one invoice that carries the app and the other services.

    Args:
        quote: a prepaid term of app users: one line of the users at the
            term's price per user, whose net amount is the quote's total.
        bundle: a bundled contract: one line of its fee.
        services: other services, each a line or a ``(description, Money)``
            pair billed once at the default VAT.
        added_users: users added mid-term to *quote*, each ``(users, day)``:
            one line each, at the co-terming figure (:func:`coterm_line`).
            Users removed are credited with a credit note instead.
        vat_category: the VAT category of the lines made here.
        vat_rate: their VAT rate in percent, such as ``"20"``.
        language: ``"fr"`` or ``"en"``, the language of the lines' texts.

    Raises:
        ArgumentTypeError: nothing to bill, or an argument of the wrong type.
        InvalidQuantityError: users removed in *added_users*.
    """
    category = to_vat_category(vat_category)
    words = _WORDS[to_language(language)]
    lines: list[ClientInvoiceLine] = []
    if quote is not None:
        if not isinstance(quote, PrepaymentQuote):
            raise ArgumentTypeError(quote, "a PrepaymentQuote or None", what="quote")
        text = words["app"].format(
            months=quote.months,
            start=_day(quote.period.start),
            last=_day(quote.period.last_day),
        )
        per_user = total(quote.prices)  # a term has a month at least
        lines.append(ClientInvoiceLine(text, quote.users, per_user, category, vat_rate))
    if bundle is not None:
        if not isinstance(bundle, Bundle):
            raise ArgumentTypeError(bundle, "a Bundle or None", what="bundle")
        text = words["bundle"].format(
            frequency=words[bundle.frequency.value], users=bundle.users
        )
        lines.append(ClientInvoiceLine(text, 1, bundle.fee, category, vat_rate))
    lines.extend(_service_line(item, category, vat_rate) for item in services)
    for item in added_users:
        if not isinstance(item, tuple) or len(item) != 2:
            raise ArgumentTypeError(
                item, "a (users, day) pair", what="each added_users"
            )
        users, day = item
        if quote is None:
            raise ArgumentTypeError(
                None, "the PrepaymentQuote the users are added to", what="quote"
            )
        if to_count(users, what="users added") < 0:
            raise InvalidQuantityError(users)
        lines.append(
            coterm_line(
                quote,
                users,
                day,
                vat_category=category,
                vat_rate=vat_rate,
                language=language,
            )
        )
    if not lines:
        raise ArgumentTypeError(
            lines, "a quote, a bundle, services or added users", what="what to bill"
        )
    return tuple(lines)
