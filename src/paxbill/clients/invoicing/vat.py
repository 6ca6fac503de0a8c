"""VAT on the installer's invoices: the categories of EN 16931 and their rates.

A rate is a percentage, ``"20"`` or ``"5.5"``. Only the standard category
carries tax; the others carry none and say why on the invoice.

>>> VatCategory("AE").exemption_reason("fr"), VatCategory.REVERSE_CHARGE.carries_tax
('Autoliquidation', False)
>>> VatCategory.ZERO_RATED.exemption_reason("fr") is None
True
>>> to_vat_rate(VatCategory.STANDARD, "5.50")
Decimal('5.5')
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from paxbill.clients.invoicing._amounts import round_amount
from paxbill.core._numbers import ARITHMETIC, to_decimal
from paxbill.core._validators import instance_of
from paxbill.core._values import Revalidated
from paxbill.core.money import Money
from paxbill.exceptions import ArgumentTypeError, InvalidVatRateError

__all__ = ["LANGUAGES", "VatBreakdown", "VatCategory", "to_vat_rate"]

#: The languages of the texts an invoice carries: French and English.
LANGUAGES = ("fr", "en")


class VatCategory(enum.Enum):
    """The VAT category of a line: the UNTDID 5305 codes EN 16931 uses."""

    STANDARD = "S"
    ZERO_RATED = "Z"
    EXEMPT = "E"
    REVERSE_CHARGE = "AE"
    INTRA_COMMUNITY = "K"
    EXPORT = "G"
    NOT_SUBJECT = "O"

    @property
    def carries_tax(self) -> bool:
        """Whether lines of this category carry VAT; only the standard one does."""
        return self is VatCategory.STANDARD

    @property
    def needs_both_vat_ids(self) -> bool:
        """Whether seller and buyer both need a VAT id (BR-AE-02, BR-IC-02)."""
        return self in (VatCategory.REVERSE_CHARGE, VatCategory.INTRA_COMMUNITY)

    @property
    def needs_exemption_reason(self) -> bool:
        """Whether its VAT breakdown says why no tax is charged (BR-E-10, BR-AE-10...).

        The standard and zero-rated categories carry none (BR-S-10, BR-Z-10).
        """
        return self not in (VatCategory.STANDARD, VatCategory.ZERO_RATED)

    @property
    def exemption_code(self) -> str | None:
        """The VATEX code of the exemption, where EN 16931 fixes one."""
        return _VATEX.get(self)

    def exemption_reason(self, language: str = "fr") -> str | None:
        """The default text that says why no VAT is charged; None for ``S`` and ``Z``.

        >>> VatCategory.EXPORT.exemption_reason("en")
        'Export outside the EU, exempt'
        """
        return _REASONS[to_language(language)].get(self)


_VATEX = {
    VatCategory.REVERSE_CHARGE: "VATEX-EU-AE",
    VatCategory.INTRA_COMMUNITY: "VATEX-EU-IC",
    VatCategory.EXPORT: "VATEX-EU-G",
    VatCategory.NOT_SUBJECT: "VATEX-EU-O",
}

_REASONS: dict[str, dict[VatCategory, str]] = {
    "fr": {
        VatCategory.EXEMPT: "Exonération de TVA",
        VatCategory.REVERSE_CHARGE: "Autoliquidation",
        VatCategory.INTRA_COMMUNITY: "Exonération de TVA, livraison intracommunautaire",
        VatCategory.EXPORT: "Exportation hors de l'Union européenne, exonérée",
        VatCategory.NOT_SUBJECT: "Non soumis à la TVA",
    },
    "en": {
        VatCategory.EXEMPT: "Exempt from VAT",
        VatCategory.REVERSE_CHARGE: "Reverse charge",
        VatCategory.INTRA_COMMUNITY: "Intra-community supply, exempt",
        VatCategory.EXPORT: "Export outside the EU, exempt",
        VatCategory.NOT_SUBJECT: "Not subject to VAT",
    },
}


def to_language(value: object) -> str:
    """Return *value* as a language an invoice is written in: ``fr`` or ``en``.

    A locale such as ``fr_FR`` gives its language.
    """
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "'fr' or 'en'", what="language")
    language = value.replace("-", "_").split("_")[0].lower()
    if language not in LANGUAGES:
        raise ArgumentTypeError(value, "'fr' or 'en'", what="language")
    return language


def to_vat_category(value: object) -> VatCategory:
    """Return *value* as a VatCategory: the enum, or its code in any case."""
    if isinstance(value, VatCategory):
        return value
    if isinstance(value, str):
        try:
            return VatCategory(value.strip().upper())
        except ValueError:
            pass
    codes = ", ".join(repr(c.value) for c in VatCategory)
    raise ArgumentTypeError(value, f"a VatCategory or one of {codes}", what="category")


def _plain(rate: Decimal) -> Decimal:
    """The rate without trailing zeros, never in exponent form."""
    if rate == rate.to_integral_value(context=ARITHMETIC):
        return Decimal(int(rate))
    return rate.normalize(ARITHMETIC)


def to_vat_rate(category: VatCategory, value: object) -> Decimal | None:
    """Return the VAT rate of a line of *category*, in percent, checked.

    The standard rate must be above 0 and below 100. The categories that
    carry no tax have a rate of 0 (given as 0 or None), except ``O``, not
    subject to VAT, which has no rate at all (BR-O-05).

    Raises:
        InvalidVatRateError: a rate the category does not allow.
    """
    if value is None:
        if category is VatCategory.STANDARD:
            raise InvalidVatRateError(
                category.value, None, "is missing: give the rate, such as '20'"
            )
        return None if category is VatCategory.NOT_SUBJECT else Decimal(0)
    rate = to_decimal(value, what="VAT rate")
    if rate < 0 or rate >= 100:
        raise InvalidVatRateError(
            category.value, value, "is out of range: a rate is 0 or more, below 100"
        )
    if category is VatCategory.STANDARD:
        if rate == 0:
            raise InvalidVatRateError(
                category.value, value, "is 0: use category Z (zero rated) or E"
            )
        return _plain(rate)
    if rate != 0:
        raise InvalidVatRateError(
            category.value, value, "is not 0: this category carries no tax"
        )
    return None if category is VatCategory.NOT_SUBJECT else Decimal(0)


@attrs.frozen
class VatBreakdown(Revalidated):
    """The VAT of one category and rate on a document (EN 16931 BG-23).

    The tax is the taxable amount times the rate, over 100, rounded half-up
    to the minor unit once for the whole group (BR-CO-17).

    >>> group = VatBreakdown(VatCategory.STANDARD, Decimal(19), Money("84.03", "EUR"))
    >>> group.tax_amount
    Money('15.97', 'EUR')
    """

    category: VatCategory = attrs.field(
        validator=instance_of(VatCategory, "a VatCategory")
    )
    rate: Decimal | None
    taxable_amount: Money = attrs.field(validator=instance_of(Money, "a Money"))
    exemption_reason: str | None = None

    @property
    def tax_amount(self) -> Money:
        """The VAT of the group, taxable x rate / 100, rounded half-up.

        To the minor unit, at most two decimals, as EN 16931 asks.
        """
        if self.rate is None or self.rate == 0:
            return round_amount(Money.zero(self.taxable_amount.currency))
        return round_amount(self.taxable_amount * ARITHMETIC.scaleb(self.rate, -2))
