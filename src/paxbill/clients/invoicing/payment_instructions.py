"""How the client is to pay: the means, and the account or mandate (EN 16931 BG-16).

A credit transfer names the installer's account (BG-17: its IBAN, checked by
its check digits, and its BIC); a SEPA direct debit, the note's « paiement
automatique », names the mandate and the installer's creditor identifier
(BG-19), and the client's account to be debited.

>>> transfer = PaymentInstructions(iban="FR76 3000 6000 0112 3456 7890 189")
>>> transfer.means.code, transfer.iban
('58', 'FR7630006000011234567890189')
>>> debit = PaymentInstructions(
...     "sepa_direct_debit", mandate="MANDAT-2024-07", creditor_id="FR72ZZZ123456"
... )
>>> debit.means.code, debit.creditor_id
('59', 'FR72ZZZ123456')
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from paxbill.clients.invoicing._identifiers import to_bic, to_creditor_id, to_iban
from paxbill.core._text import xml_text
from paxbill.core._values import Revalidated
from paxbill.exceptions import ArgumentTypeError, InvalidIdentifierError

__all__ = ["PaymentInstructions", "PaymentMeans", "to_payment_means"]


class PaymentMeans(enum.Enum):
    """How a client pays: the means of EN 16931 (BT-81), with their UNTDID 4461 code."""

    CASH = "cash"
    CHEQUE = "cheque"
    CREDIT_TRANSFER = "credit_transfer"
    CARD = "card"
    SEPA_CREDIT_TRANSFER = "sepa_credit_transfer"
    SEPA_DIRECT_DEBIT = "sepa_direct_debit"

    @property
    def code(self) -> str:
        """The UNTDID 4461 code, such as ``"58"`` for a SEPA credit transfer."""
        return _MEANS_CODES[self]

    @classmethod
    def from_code(cls, code: str) -> PaymentMeans:
        """The means of the UNTDID 4461 *code*; KeyError for another code."""
        return _MEANS_BY_CODE[code]

    @property
    def is_transfer(self) -> bool:
        """Whether it pays into the seller's account, which it must name (BR-61)."""
        return self in (PaymentMeans.CREDIT_TRANSFER, PaymentMeans.SEPA_CREDIT_TRANSFER)


_MEANS_CODES = {
    PaymentMeans.CASH: "10",
    PaymentMeans.CHEQUE: "20",
    PaymentMeans.CREDIT_TRANSFER: "30",
    PaymentMeans.CARD: "48",
    PaymentMeans.SEPA_CREDIT_TRANSFER: "58",
    PaymentMeans.SEPA_DIRECT_DEBIT: "59",
}
_MEANS_BY_CODE = {code: means for means, code in _MEANS_CODES.items()}

#: Other words for the means, as people write them.
_MEANS_WORDS = {
    "transfer": PaymentMeans.CREDIT_TRANSFER,
    "bank_transfer": PaymentMeans.CREDIT_TRANSFER,
    "check": PaymentMeans.CHEQUE,
    "credit_card": PaymentMeans.CARD,
    "direct_debit": PaymentMeans.SEPA_DIRECT_DEBIT,
}


def to_payment_means(value: object, *, what: str = "method") -> PaymentMeans:
    """Return *value* as PaymentMeans: the enum, its value in any case, or a synonym.

    *what* names the argument in the error, ``"method"`` by default.

    >>> to_payment_means("Direct debit"), to_payment_means("transfer").code
    (<PaymentMeans.SEPA_DIRECT_DEBIT: 'sepa_direct_debit'>, '30')
    """
    if isinstance(value, PaymentMeans):
        return value
    if isinstance(value, str):
        word = value.strip().lower().replace(" ", "_").replace("-", "_")
        if word in _MEANS_WORDS:
            return _MEANS_WORDS[word]
        try:
            return PaymentMeans(word)
        except ValueError:
            pass
    names = ", ".join(repr(m.value) for m in PaymentMeans)
    raise ArgumentTypeError(value, f"a PaymentMeans or one of {names}", what=what)


def _optional(convert: Any) -> Any:
    def optional(value: object) -> Any:
        return None if value is None else convert(value)

    return optional


def _to_text(what: str) -> Any:
    def convert(value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ArgumentTypeError(value, "a non-empty str or None", what=what)
        return xml_text(value.strip(), what=what)

    return _optional(convert)


def _to_means(value: object) -> PaymentMeans:
    return to_payment_means(value, what="means")


def _to_iban(value: object) -> str | None:
    converted: str | None = _optional(to_iban)(value)
    return converted


def _to_bic(value: object) -> str | None:
    converted: str | None = _optional(to_bic)(value)
    return converted


def _to_account_name(value: object) -> str | None:
    converted: str | None = _to_text("account_name")(value)
    return converted


def _to_mandate(value: object) -> str | None:
    converted: str | None = _to_text("mandate")(value)
    return converted


def _to_creditor_id(value: object) -> str | None:
    converted: str | None = _optional(to_creditor_id)(value)
    return converted


def _to_remittance(value: object) -> str | None:
    converted: str | None = _to_text("remittance")(value)
    return converted


@attrs.frozen
class PaymentInstructions(Revalidated):
    """The payment instructions of an invoice (BG-16).

    Args:
        means: how the client pays (BT-81), a SEPA credit transfer by default.
        iban: for a transfer, the installer's account (BT-84), required; for
            a direct debit, the client's account to be debited (BT-91).
        bic: the BIC of the installer's bank (BT-86).
        account_name: the name of the installer's account (BT-85).
        mandate: the reference of the direct-debit mandate (BT-89).
        creditor_id: the installer's SEPA creditor identifier (BT-90).
        remittance: the reference the client quotes when paying (BT-83).

    Raises:
        InvalidIdentifierError: an IBAN or a creditor identifier with wrong
            check digits, a BIC that is not one; a transfer without an IBAN,
            a BIC without an IBAN, or a direct debit without its mandate and
            creditor identifier.
    """

    means: PaymentMeans = attrs.field(
        default=PaymentMeans.SEPA_CREDIT_TRANSFER, converter=_to_means
    )
    iban: str | None = attrs.field(default=None, converter=_to_iban)
    bic: str | None = attrs.field(default=None, converter=_to_bic)
    account_name: str | None = attrs.field(default=None, converter=_to_account_name)
    mandate: str | None = attrs.field(default=None, converter=_to_mandate)
    creditor_id: str | None = attrs.field(default=None, converter=_to_creditor_id)
    remittance: str | None = attrs.field(default=None, converter=_to_remittance)

    def __attrs_post_init__(self) -> None:
        if self.means.is_transfer and self.iban is None:
            raise InvalidIdentifierError(
                None, "IBAN", "is missing: a credit transfer names the account (BR-61)"
            )
        if self.bic is not None and self.iban is None:
            raise InvalidIdentifierError(
                self.bic, "BIC", "is given without the IBAN of its account (BT-84)"
            )
        if self.means is PaymentMeans.SEPA_DIRECT_DEBIT and (
            self.mandate is None or self.creditor_id is None
        ):
            raise InvalidIdentifierError(
                None,
                "direct debit",
                "needs its mandate reference and the creditor identifier "
                "(BT-89, BT-90)",
            )

    @property
    def is_direct_debit(self) -> bool:
        """Whether the installer collects the payment itself."""
        return self.means is PaymentMeans.SEPA_DIRECT_DEBIT
