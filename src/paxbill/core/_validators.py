"""attrs validators that raise paxbill's own errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from paxbill.core._dates import to_date
from paxbill.exceptions import ArgumentTypeError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def instance_of(kind: type | tuple[type, ...], expected: str) -> Validator:
    """Return a validator that raises ArgumentTypeError unless the value is a *kind*.

    Like :func:`attrs.validators.instance_of`, but the error is paxbill's and
    says in words what is expected.
    """

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            raise ArgumentTypeError(value, expected, what=attribute.name)

    return check


def is_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a plain ``datetime.date``, naming the field in the error."""
    to_date(value, what=attribute.name)


def is_optional_date(
    instance: Any, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Validate None or a plain ``datetime.date``."""
    if value is not None:
        to_date(value, what=attribute.name)
