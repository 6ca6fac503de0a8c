"""What the installer bills its clients: prepayment, proration, balances, bundles.

Built on :mod:`paxbill.paxton`: quotes for a term paid in advance, proration
and co-terming, prepaid-balance reviews, bundled contracts and the cash flow
of each billing strategy.
"""
