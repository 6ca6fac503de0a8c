"""The doors: JSON, HTML for notebooks, data frames, charts and the words shown.

Everything here reads or shows the domain's objects and stands above them;
nothing below imports it, except the one notebook seam of
:mod:`paxbill.core._notebook`. ``import paxbill`` loads these modules only when
one of their names is first used.
"""
