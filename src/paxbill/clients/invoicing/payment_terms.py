"""When the client must pay: net N days from the invoice, or from the month's end.

>>> import datetime as dt
>>> PaymentTerms(30).due_date(dt.date(2024, 1, 15))
datetime.date(2024, 2, 14)
>>> PaymentTerms(45, end_of_month=True).due_date(dt.date(2024, 1, 15))
datetime.date(2024, 3, 16)
"""

from __future__ import annotations

import datetime as dt

import attrs

from paxbill.clients.invoicing.parties import to_optional_text
from paxbill.clients.invoicing.vat import to_language
from paxbill.core._dates import days_after, first_of_month_from, to_date
from paxbill.core._numbers import to_count
from paxbill.core._validators import instance_of
from paxbill.core._values import Revalidated
from paxbill.exceptions import InvalidCountError

__all__ = ["PaymentTerms"]

#: The most days of credit a term may give: far beyond what French law allows.
MAX_DAYS = 366


def _to_days(value: object) -> int:
    days = to_count(value, what="days")
    if not 0 <= days <= MAX_DAYS:
        raise InvalidCountError(days, what="days", reason=f"is not 0 to {MAX_DAYS}")
    return days


def _to_text(value: object) -> str | None:
    converted: str | None = to_optional_text("text")(value)
    return converted


@attrs.frozen
class PaymentTerms(Revalidated):
    """The payment terms of an invoice.

    Args:
        days: the days of credit, 30 by default.
        end_of_month: count them from the last day of the invoice's month
            rather than from its date.
        text: the terms as the invoice states them (BT-20), in place of
            paxbill's own words; as read from an e-invoice written elsewhere.

    French law (Code de commerce L441-10) caps them at 60 days from the
    invoice, or 45 days from the end of the month; paxbill states the terms
    and does not judge them.
    """

    days: int = attrs.field(default=30, converter=_to_days)
    end_of_month: bool = attrs.field(
        default=False, validator=instance_of(bool, "True or False")
    )
    text: str | None = attrs.field(default=None, kw_only=True, converter=_to_text)

    def due_date(self, issued: dt.date) -> dt.date:
        """Return the day an invoice issued on *issued* falls due."""
        day = to_date(issued, what="issue date")
        if self.end_of_month:
            day = days_after(first_of_month_from(days_after(day, 1)), -1)
        return days_after(day, self.days)

    def describe(self, language: str = "fr") -> str:
        """Say the terms in *language*, for the invoice: their *text* when given.

        >>> PaymentTerms(45, end_of_month=True).describe("fr")
        '45 jours fin de mois'
        """
        if self.text is not None:
            return self.text
        if to_language(language) == "fr":
            return f"{self.days} jours" + (" fin de mois" if self.end_of_month else "")
        return f"{self.days} days" + (" end of month" if self.end_of_month else "")
