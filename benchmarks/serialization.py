"""JSON: paxbill's ``to_dict`` and ``from_dict`` against the json module itself.

A document of 10,000 invoices (each with its account, period, line, payment
and worked-out figures, all checked on the way in) is read with ``from_dict``
from the loaded JSON, and written with ``to_dict``. The floors are
``json.loads`` of the same text and ``json.dumps`` of the same document: what
any program pays to read or write it at all. Ratios are taken within interleaved rounds.
"""

from __future__ import annotations

import argparse
import json
import random

from _harness import Report, interleave, machine, ratios

import paxbill
from paxbill import (
    Account,
    AccountType,
    BillingPeriod,
    Invoice,
    Money,
    PaymentMethod,
    PerUserPrice,
    from_dict,
    issue_invoice,
    to_dict,
)

INVOICES = 10_000


def make_invoices(count: int, seed: int = 20240601) -> list[Invoice]:
    """Invoices of many accounts over two years, half of them paid."""
    rng = random.Random(seed)
    price = PerUserPrice(Money("3.00", "EUR"), 15)
    accounts = [Account(f"A{n:03d}", rng.choice(list(AccountType))) for n in range(100)]
    invoices = []
    for n in range(count):
        account = rng.choice(accounts)
        period = BillingPeriod.month(2023 + n % 2, n % 12 + 1)
        invoice = issue_invoice(n, account, price, rng.randrange(1, 500), period)
        if rng.random() < 0.5:
            method = (
                PaymentMethod.AUTOMATIC
                if account.account_type is AccountType.SYSTEM_MANAGER
                else PaymentMethod.MANUAL
            )
            invoice = invoice.pay(invoice.due_date, method)
        invoices.append(invoice)
    return invoices


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    invoices = make_invoices(INVOICES)
    documents = [to_dict(invoice) for invoice in invoices]
    text = json.dumps(documents)
    assert [from_dict(d) for d in json.loads(text)] == invoices
    loaded = json.loads(text)
    times = interleave(
        {
            "json.loads": lambda: json.loads(text),
            "from_dict": lambda: [from_dict(d) for d in loaded],
            "json.dumps": lambda: json.dumps(documents),
            "to_dict": lambda: [to_dict(i) for i in invoices],
        },
        rounds=args.rounds,
        budget=0.0,
        inner=1,
    )
    report = Report(
        f"JSON of {INVOICES:,} invoices (paxbill {paxbill.__version__}, "
        f"{machine()}), {args.rounds} interleaved rounds"
    )
    report.add(
        "from_dict / json.loads", ratios(times, "from_dict", "json.loads"), target=3.0
    )
    report.add(
        "to_dict / json.dumps", ratios(times, "to_dict", "json.dumps"), target=1.5
    )
    report.show()


if __name__ == "__main__":
    main()
