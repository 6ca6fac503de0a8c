"""Write ``tests/data/icu_currency_formats.json``: amounts as ICU formats them.

Each case is a (locale, currency, amount) triple and the text ICU gives for
it through Node's ``Intl.NumberFormat`` (currency style, the locale's default
numbering system), with the fraction digits set to the currency's ISO 4217
minor unit, the digits paxbill rounds to. The ICU and CLDR versions are
written in the fixture. Run it once, then commit the fixture::

    python scripts/icu_currency_fixture.py    # needs node on the PATH

``tests/test_cldr_formatting.py`` checks ``Money.format`` against every case.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from _icu import ask_icu

from paxbill.core._currency import minor_unit

FIXTURE = (
    Path(__file__).resolve().parent.parent / "tests/data/icu_currency_formats.json"
)

#: Each locale with its own currency.
LOCALES = {
    "fr_FR": "EUR", "fr_CH": "CHF", "fr_BE": "EUR", "de_DE": "EUR",
    "de_CH": "CHF", "de_AT": "EUR", "en_GB": "GBP", "en_US": "USD",
    "en_IN": "INR", "es_ES": "EUR", "es_MX": "MXN", "it_IT": "EUR",
    "it_CH": "CHF", "nl_NL": "EUR", "nl_BE": "EUR", "pl_PL": "PLN",
    "pt_BR": "BRL", "pt_PT": "EUR", "ja_JP": "JPY", "ar_EG": "EGP",
    "sv_SE": "SEK", "da_DK": "DKK", "nb_NO": "NOK", "cs_CZ": "CZK",
    "hu_HU": "HUF", "tr_TR": "TRY", "ru_RU": "RUB", "zh_CN": "CNY",
    "ko_KR": "KRW", "he_IL": "ILS", "hi_IN": "INR", "fi_FI": "EUR",
    "el_GR": "EUR", "ro_RO": "RON", "fa_IR": "IRR", "bn_BD": "BDT",
}  # fmt: skip

#: Amounts for every locale: zero, negatives, four- and five-digit amounts,
#: halves to round, in 0-, 2- and 3-decimal currencies and the local one.
AMOUNTS = [
    ("EUR", "0"), ("EUR", "2.5"), ("EUR", "999.95"), ("EUR", "1234.56"),
    ("EUR", "-1234.56"), ("EUR", "12345.67"), ("EUR", "1234567.891"),
    ("EUR", "2.125"), ("CHF", "2.50"), ("CHF", "-999.95"), ("JPY", "1234"),
    ("JPY", "-12345"), ("KWD", "1234.5678"), ("KWD", "-0.5"), ("local", "1234.5"),
    ("local", "-98765.4321"),
]  # fmt: skip

#: Where the CLDR that babel ships (newer than ICU's) changed a symbol, the
#: change: paxbill follows babel's CLDR, so its text is ICU's with the change.
CLDR_CHANGES = [
    {
        "locale": "fr_CH",
        "icu": "\u202f",
        "now": "'",
        "why": "CLDR 48.2 made fr_CH's grouping separator the apostrophe, as"
        " de_CH's and it_CH's (CLDR-13542); ICU 78.2 has CLDR 48.0",
    },
]

PROBE = r"""
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const cases = input.map(([locale, currency, amount, digits]) => ({
  locale, currency, amount,
  icu: new Intl.NumberFormat(locale.replace("_", "-"), {
    style: "currency", currency,
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(amount),
}));
const { icu, cldr } = process.versions;
console.log(JSON.stringify({ icu, cldr, cases }));
"""


def _visible(text: str) -> str:
    """Escape the spaces and marks a reader cannot see (no-break spaces, RLM)."""
    return "".join(
        f"\\u{ord(c):04x}" if c != " " and unicodedata.category(c)[0] in "ZC" else c
        for c in text
    )


def main() -> None:
    """Ask ICU for every case and write the fixture."""
    request = []
    for locale, local in LOCALES.items():
        for currency, amount in AMOUNTS:
            code = local if currency == "local" else currency
            request.append((locale, code, amount, minor_unit(code)))
    answer = ask_icu(PROBE, request)
    fixture = {
        "source": "Node Intl.NumberFormat, style currency, ISO 4217 fraction digits",
        "generated_by": "scripts/icu_currency_fixture.py",
        "icu_version": answer["icu"],
        "cldr_version": answer["cldr"],
        "cldr_changes": CLDR_CHANGES,
        "cases": answer["cases"],
    }
    head = json.dumps({k: v for k, v in fixture.items() if k != "cases"}, indent=1)
    cases = ",\n".join(
        "  " + _visible(json.dumps(case, ensure_ascii=False))
        for case in fixture["cases"]
    )
    FIXTURE.write_text(
        f'{head[:-2]},\n "cases": [\n{cases}\n ]\n}}\n', encoding="utf-8"
    )
    print(f"{FIXTURE}: {len(answer['cases'])} cases, ICU {answer['icu']}")


if __name__ == "__main__":
    main()
