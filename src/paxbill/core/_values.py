"""Value objects that pickle as their constructor's arguments.

attrs pickles a slotted class by setting its fields back one by one, past
every check: a ``Discount`` of 150 % or a period that ends before it starts
would load as if made. A :class:`Revalidated` object pickles instead as its
class and the arguments its constructor takes, so that loading it makes it
again, every converter and check run, and a tampered pickle raises the
error the constructor raises.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Revalidated"]


class Revalidated:
    """Mixin for an attrs class: unpickled by calling the class again.

    >>> import pickle
    >>> from paxbill import Discount
    >>> pickle.loads(pickle.dumps(Discount(15)))
    Discount(percent=Decimal('15'))
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, tuple[type, dict[str, Any]]]:
        kind = type(self)
        arguments = {
            field.alias: getattr(self, field.name)
            for field in attrs.fields(kind)  # type: ignore[arg-type]
            if field.init
        }
        return rebuild, (kind, arguments)


def rebuild(kind: type, arguments: dict[str, Any]) -> object:
    """Make *kind* again from its constructor's *arguments*, checks and all."""
    return kind(**arguments)
