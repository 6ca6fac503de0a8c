"""The register: the installer's billing kept in a database (SQLite or PostgreSQL).

It stands above the domain and the e-invoices (``io``), below the command
line: the documents it keeps are the domain's own, as issued.
"""

from paxbill.register.month_end import LedgerDebit, MonthEndReport, run_month_end
from paxbill.register.register import (
    PaxtonInvoiceCheck,
    Register,
    StoredReview,
    VerifyReport,
)

__all__ = [
    "LedgerDebit",
    "MonthEndReport",
    "PaxtonInvoiceCheck",
    "Register",
    "StoredReview",
    "VerifyReport",
    "run_month_end",
]
