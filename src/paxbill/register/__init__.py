"""The register: the installer's billing kept in a database (SQLite or PostgreSQL).

It stands above the domain and the e-invoices (``io``), below the command
line: the documents it keeps are the domain's own, as issued.
"""

from paxbill.register.register import Register, VerifyReport

__all__ = ["Register", "VerifyReport"]
