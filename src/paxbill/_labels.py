"""The words paxbill shows people, in English and French."""

from __future__ import annotations

from paxbill.formatting import parse_locale

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "estimate.title": "Paxton Entry: estimated next invoice",
        "list_price": "List price per app user per month",
        "discount": "Partner discount",
        "net_price": "Net price per app user per month",
        "users": "Active app users",
        "total": "Estimated monthly total",
    },
    "fr": {
        "estimate.title": "Paxton Entry : prochaine facture estimée",
        "list_price": "Prix catalogue par utilisateur et par mois",
        "discount": "Remise partenaire",
        "net_price": "Coût net par utilisateur et par mois",
        "users": "Utilisateurs actifs de l'application",
        "total": "Total mensuel estimé",
    },
}


def label(key: str, locale: object) -> str:
    """Return the label *key* in the language of *locale*, English by default.

    >>> label("discount", "fr_FR")
    'Remise partenaire'
    """
    words = _LABELS.get(parse_locale(locale).language, _LABELS["en"])
    return words[key]
