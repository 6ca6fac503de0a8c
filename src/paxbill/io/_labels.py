"""The words paxbill shows people, in English and French.

>>> from paxbill import InvoiceStatus, label
>>> label(InvoiceStatus.OVERDUE, "fr_FR"), label(InvoiceStatus.OVERDUE, "en_GB")
('en retard', 'overdue')
"""

from __future__ import annotations

import enum

from paxbill.core.formatting import parse_locale
from paxbill.core.periods import BillingFrequency
from paxbill.exceptions import ArgumentTypeError
from paxbill.paxton.accounts import AccountType, PaymentMethod
from paxbill.paxton.invoices import InvoiceStatus

__all__ = ["label", "text"]

# The French words are the portal's own, in lower case.
_ENUM_LABELS: dict[str, dict[enum.Enum, str]] = {
    "en": {
        InvoiceStatus.INVOICED: "invoiced",
        InvoiceStatus.OVERDUE: "overdue",
        InvoiceStatus.PAID: "paid",
        PaymentMethod.MANUAL: "manual",
        PaymentMethod.AUTOMATIC: "automatic",
        AccountType.APPROVED_INSTALLER: "approved installer",
        AccountType.SYSTEM_MANAGER: "system manager",
        BillingFrequency.MONTHLY: "monthly",
        BillingFrequency.QUARTERLY: "quarterly",
        BillingFrequency.ANNUAL: "annual",
    },
    "fr": {
        InvoiceStatus.INVOICED: "facture",
        InvoiceStatus.OVERDUE: "en retard",
        InvoiceStatus.PAID: "payé",
        PaymentMethod.MANUAL: "manuel",
        PaymentMethod.AUTOMATIC: "automatique",
        AccountType.APPROVED_INSTALLER: "installateur agréé",
        AccountType.SYSTEM_MANAGER: "gestionnaire de système",
        BillingFrequency.MONTHLY: "mensuel",
        BillingFrequency.QUARTERLY: "trimestriel",
        BillingFrequency.ANNUAL: "annuel",
    },
}

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "estimate.title": "Paxton Entry: estimated next invoice",
        "list_price": "List price per app user per month",
        "discount": "Partner discount",
        "net_price": "Net price per app user per month",
        "users": "Active app users",
        "total": "Estimated monthly total",
        "invoices.title": "Invoices on {date}",
        "col.number": "No.",
        "col.date": "Date",
        "col.total": "Total",
        "col.type": "Type",
        "col.state": "State",
        "col.due": "Due",
        "quote.title": "Prepayment quote",
        "quote.period": "Term",
        "quote.frequency": "Billing",
        "quote.months": "Months",
        "quote.total": "To bill in advance",
        "prorate.title": "Proration",
        "prorate.amount": "Amount for the period",
        "prorate.period": "Period",
        "prorate.part": "Part",
        "prorate.method": "Method",
        "prorate.share": "Share for the part",
        "method.days": "by days",
        "method.months": "by months",
        "review.title": "Prepaid balance review",
        "review.balance": "Balance",
        "review.monthly_cost": "Monthly charge",
        "review.remaining": "Charges remaining",
        "review.covered": "Charges covered",
        "review.shortfall": "Shortfall",
        "review.runs_out_on": "Runs out on",
        "review.sufficient": "The balance pays every charge until the end of the term.",
        "review.short": "The balance does not pay every charge: bill the client.",
        "bundle.title": "Bundled contract ({frequency} fee)",
        "bundle.fee": "Fee",
        "bundle.app_cost": "Entry app cost",
        "bundle.app_share": "App's share of the fee",
        "bundle.other_costs": "Other services",
        "bundle.margin": "Margin",
        "bundle.break_even": "Users from which the fee falls short",
        "compare.title": "Cash flow over {months} months from {start}",
        "compare.as_billed": "as billed",
        "col.strategy": "Strategy",
        "col.lowest": "Lowest position",
        "col.red": "Months in red",
        "col.in": "Money in",
        "col.out": "Paid to Paxton",
        "col.net": "Net",
        "html.invoice": "Invoice",
        "html.ledger": "Ledger of",
        "html.credit": "credit",
        "html.debit": "debit",
        "html.projection": "Cash-flow projection",
        "html.comparison": "Billing strategies compared",
        "col.description": "Description",
        "col.quantity": "Quantity",
        "col.unit_price": "Unit price",
        "col.amount": "Amount",
        "col.kind": "Entry",
        "col.balance": "Balance",
        "col.month": "Month",
        "col.position": "Position",
        "plot.activity": "Account activity",
        "plot.cash_flow": "Cash position at the end of each month",
        "demo.intro": "paxbill demo: the vendor's application note, worked through"
        " on a sample installer account.",
        "demo.estimate": "The portal's estimate of the next invoice",
        "demo.invoices": "The portal's invoices and their states",
        "demo.quote": "Billing a client a year in advance (the note's UK example)",
        "demo.review": "The monthly review of a prepaid balance",
        "demo.comparison": "What each billing strategy does to cash",
    },
    "fr": {
        "estimate.title": "Paxton Entry : prochaine facture estimée",
        "list_price": "Prix catalogue par utilisateur et par mois",
        "discount": "Remise partenaire",
        "net_price": "Coût net par utilisateur et par mois",
        "users": "Utilisateurs actifs de l'application",
        "total": "Total mensuel estimé",
        "invoices.title": "Factures au {date}",
        "col.number": "N°",
        "col.date": "Date",
        "col.total": "Total",
        "col.type": "Type",
        "col.state": "État",
        "col.due": "Échéance",
        "quote.title": "Devis de prépaiement",
        "quote.period": "Période",
        "quote.frequency": "Facturation",
        "quote.months": "Mois",
        "quote.total": "À facturer d'avance",
        "prorate.title": "Prorata",
        "prorate.amount": "Montant de la période",
        "prorate.period": "Période",
        "prorate.part": "Partie",
        "prorate.method": "Méthode",
        "prorate.share": "Part de la partie",
        "method.days": "aux jours",
        "method.months": "aux mois",
        "review.title": "Revue du solde prépayé",
        "review.balance": "Solde",
        "review.monthly_cost": "Prélèvement mensuel",
        "review.remaining": "Prélèvements restants",
        "review.covered": "Prélèvements couverts",
        "review.shortfall": "Manque",
        "review.runs_out_on": "Épuisé le",
        "review.sufficient": "Le solde couvre tous les prélèvements jusqu'à la fin.",
        "review.short": "Le solde ne couvre pas tous les prélèvements : facturez.",
        "bundle.title": "Contrat groupé (forfait {frequency})",
        "bundle.fee": "Forfait",
        "bundle.app_cost": "Coût de l'application Entry",
        "bundle.app_share": "Part de l'application",
        "bundle.other_costs": "Autres services",
        "bundle.margin": "Marge",
        "bundle.break_even": "Utilisateurs à partir desquels le forfait manque",
        "compare.title": "Trésorerie sur {months} mois à partir de {start}",
        "compare.as_billed": "tel que facturé",
        "col.strategy": "Stratégie",
        "col.lowest": "Position la plus basse",
        "col.red": "Mois dans le rouge",
        "col.in": "Encaissé",
        "col.out": "Payé à Paxton",
        "col.net": "Net",
        "html.invoice": "Facture",
        "html.ledger": "Grand livre de",
        "html.credit": "crédit",
        "html.debit": "débit",
        "html.projection": "Projection de trésorerie",
        "html.comparison": "Stratégies de facturation comparées",
        "col.description": "Description",
        "col.quantity": "Quantité",
        "col.unit_price": "Prix unitaire",
        "col.amount": "Montant",
        "col.kind": "Écriture",
        "col.balance": "Solde",
        "col.month": "Mois",
        "col.position": "Position",
        "plot.activity": "Activité du compte",
        "plot.cash_flow": "Trésorerie à la fin de chaque mois",
        "demo.intro": "Démo paxbill : la note d'application du fabricant, pas à pas,"
        " sur un compte d'installateur d'exemple.",
        "demo.estimate": "L'estimation de la prochaine facture du portail",
        "demo.invoices": "Les factures du portail et leur état",
        "demo.quote": "Facturer un client un an d'avance (l'exemple britannique)",
        "demo.review": "La revue mensuelle d'un solde prépayé",
        "demo.comparison": "Ce que chaque stratégie fait à la trésorerie",
    },
}


def _language(locale: object) -> str:
    language = parse_locale(locale).language
    return language if language in _TEXTS else "en"


def label(value: enum.Enum | None, locale: object) -> str:
    """Return the word for one of paxbill's enums in the language of *locale*.

    It names invoice states, payment methods, account types and billing
    frequencies, in English where paxbill has no words in that language.
    None, the type of an unpaid invoice, is ``"-"``.

    Raises:
        ArgumentTypeError: *value* is not one of those enums.
        UnknownLocaleError: babel does not know *locale*.

    >>> from paxbill import AccountType
    >>> label(AccountType.APPROVED_INSTALLER, "fr_FR")
    'installateur agréé'
    >>> label(None, "fr_FR")
    '-'
    """
    words = _ENUM_LABELS[_language(locale)]
    if value is None:
        return "-"
    try:
        return words[value]
    except (KeyError, TypeError):
        raise ArgumentTypeError(
            value,
            "an InvoiceStatus, PaymentMethod, AccountType or BillingFrequency",
            what="value to label",
        ) from None


def text(key: str, locale: object) -> str:
    """Return the command line's word for *key* in the language of *locale*.

    >>> text("discount", "fr_FR")
    'Remise partenaire'
    """
    return _TEXTS[_language(locale)][key]
