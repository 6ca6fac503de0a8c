"""A process that issues invoices into a register: for the concurrency and crash tests.

Run as ``python -m tests.register_worker WHERE COUNT``: it issues COUNT
invoices (forever when COUNT is 0) into the series ``F-`` of the register
at WHERE, each in its own transaction.
"""

from __future__ import annotations

import datetime as dt
import sys

from paxbill import ClientInvoiceLine, Money, Party, Register

SELLER = Party("Sécurité Dupont SARL", "FR", vat_id="FR40303265045")
BUYER = Party("Résidence Les Tilleuls", "FR")
LINES = [ClientInvoiceLine("Entry app users", 70, Money("4.00", "EUR"), "S", "20")]
DAY = dt.date(2025, 4, 1)


def issue(where: str, count: int) -> None:
    """Issue *count* invoices (0: until killed) into the series F- at *where*."""
    with Register.open(where) as register:
        issued = 0
        while count == 0 or issued < count:
            register.issue(
                "F-", issue_date=DAY, seller=SELLER, buyer=BUYER, lines=LINES
            )
            issued += 1


if __name__ == "__main__":
    issue(sys.argv[1], int(sys.argv[2]))
