"""The exact core: money, currencies, numbers, dates, periods and prices.

The bottom layer. Its modules import only each other, the standard library,
attrs, babel and :mod:`paxbill.exceptions`; every layer above builds
on them.
"""
