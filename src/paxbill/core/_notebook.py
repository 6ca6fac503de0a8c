"""The one seam through which a value object climbs to a door.

paxbill's layers import downwards only (``core`` < ``paxton`` < ``clients``
< ``portfolio`` < ``io`` < ``cli``), with this single, stated exception:
Jupyter asks an object for ``_repr_html_``, and the HTML that answers lives
in the ``io`` layer above the domain. A value object that shows itself in a
notebook inherits :class:`ShowsInNotebook`, whose method imports
:func:`paxbill.io.notebook.to_html` when it is first called, never when the
domain is imported. The layering test allows this module, and only this
module, that upward import.
"""

from __future__ import annotations

__all__ = ["ShowsInNotebook"]


class ShowsInNotebook:
    """Mixin: show the object as an HTML table in Jupyter."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """Show as a table in Jupyter (see :mod:`paxbill.io.notebook`)."""
        from paxbill.io.notebook import to_html

        return to_html(self)
