"""Minor units: ISO 4217's for amounts, CLDR's cash digits only for display.

The table in ``paxbill/core/_iso4217.py`` is generated from the ``iso4217``
package by ``scripts/iso4217_table.py``; this checks it against the package.
"""

from __future__ import annotations

from decimal import Decimal

import iso4217
import pytest

from paxbill import Money
from paxbill.core._currency import minor_unit, quantum
from paxbill.core._iso4217 import ISO4217_PUBLISHED, ISO4217_VERSION, MINOR_UNITS


def _package_minor_units() -> dict[str, int]:
    """Every active code of the package with a numeric minor unit."""
    units = {c.code: c.exponent for c in iso4217.Currency if c.exponent is not None}
    return {code: int(unit) for code, unit in units.items()}


def test_the_table_is_the_package_data() -> None:
    """The generated table equals the iso4217 package for every active code."""
    assert _package_minor_units() == MINOR_UNITS
    assert str(iso4217.__published__) == ISO4217_PUBLISHED
    assert iso4217.__version__ == ISO4217_VERSION


@pytest.mark.parametrize("code", sorted(_package_minor_units()))
def test_amounts_round_to_iso_4217(code: str) -> None:
    """Every active code rounds to ISO 4217's minor unit, whatever CLDR says."""
    expected = _package_minor_units()[code]
    assert minor_unit(code) == expected
    assert Money("1", code).round().amount.as_tuple().exponent == -expected


@pytest.mark.parametrize(
    ("code", "amount", "expected"),
    [
        # ISO 4217 gives these more digits than CLDR's 0.
        ("IQD", "1234.5678", "1234.568"),  # ISO 3, CLDR 0
        ("HUF", "1234.567", "1234.57"),  # ISO 2, CLDR 0
        ("COP", "1234.567", "1234.57"),
        ("IDR", "1234.565", "1234.57"),
        ("LBP", "0.005", "0.01"),
        ("MGA", "99.999", "100.00"),
        ("JPY", "1234.5", "1235"),
        ("KWD", "0.0005", "0.001"),
    ],
)
def test_the_issue_currencies(code: str, amount: str, expected: str) -> None:
    """The currencies where CLDR and ISO 4217 differ round to ISO's digits."""
    assert Money(amount, code).round() == Money(expected, code)
    assert str(Money(amount, code).round().amount) == expected


def test_codes_iso_gives_no_minor_unit_keep_cldr_digits() -> None:
    """Gold and the SDR have no ISO minor unit ("N.A."): CLDR's digits stand."""
    assert "XAU" not in MINOR_UNITS
    assert "XDR" not in MINOR_UNITS
    assert quantum("XDR") == Decimal("0.01")
    assert quantum("XAU") == Decimal("0.01")
