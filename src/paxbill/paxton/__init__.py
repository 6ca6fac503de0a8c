"""What Paxton bills the installer: app users, accounts, invoices, payments.

Built on :mod:`paxbill.core`: the users an invoice counts, the account types
and their payment rules, the monthly invoices issued in arrears, their
automatic payments and the year's account activity.
"""
