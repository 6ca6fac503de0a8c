"""How a value object shows itself in Jupyter, without the domain knowing the doors.

Jupyter asks an object for ``_repr_html_``; the HTML that answers lives in
the ``io`` layer, above the domain. The domain keeps only a place for a
renderer (:func:`show_with`), which the package itself fills when it is
imported (``paxbill/__init__.py``), with a function that loads
:func:`paxbill.io.notebook.to_html` on first use. Every import of the
domain's points down; the package root, above every layer, joins them.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["ShowsInNotebook", "show_with"]

_RENDERERS: list[Callable[[object], str]] = []


def show_with(renderer: Callable[[object], str]) -> None:
    """Make *renderer* the HTML of every object that shows in a notebook."""
    _RENDERERS[:] = [renderer]


class ShowsInNotebook:
    """Mixin: show the object as an HTML table in Jupyter."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """Show as a table in Jupyter (see :mod:`paxbill.io.notebook`).

        Until a renderer is given, the object's repr, escaped.
        """
        if not _RENDERERS:
            from html import escape

            return f"<pre>{escape(repr(self))}</pre>"
        return _RENDERERS[0](self)
