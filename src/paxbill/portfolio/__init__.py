"""A distributor's whole portfolio of accounts and sites, billed in one call.

Built on :mod:`paxbill.clients` and :mod:`paxbill.paxton`.
"""
