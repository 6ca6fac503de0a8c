"""attrs validators that raise paxbill's own errors.

The factories (:func:`instance_of`, :func:`tuple_of`, …) only bind their
arguments to a module-level check with :func:`functools.partial`: the check
runs when a value is validated, not when a class is defined, so its rule
lives in one plain function that a test (and a mutation run) reaches.

>>> import attrs
>>> @attrs.frozen
... class Box:
...     size: int = attrs.field(validator=instance_of(int, "an int"))
>>> Box("3")
Traceback (most recent call last):
...
paxbill.exceptions.ArgumentTypeError: size must be an int, not str '3'
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import attrs

from paxbill.core._dates import to_date
from paxbill.exceptions import ArgumentTypeError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
Kind = type | tuple[type, ...]


def instance_of(kind: Kind, expected: str) -> Validator:
    """Return a validator that raises ArgumentTypeError unless the value is a *kind*.

    Like :func:`attrs.validators.instance_of`, but the error is paxbill's and
    says in words what is expected.
    """
    return partial(_check_instance_of, kind, expected)


def optional_of(kind: Kind, expected: str) -> Validator:
    """Return a validator of None or a *kind*, naming the field in the error."""
    return partial(_check_optional_of, kind, expected)


def tuple_of(kind: Kind, expected: str) -> Validator:
    """Return a validator of a tuple whose every item is a *kind*.

    A list or any other sequence is refused too: a result holds tuples, so
    that it stays immutable.
    """
    return partial(_check_tuple_of, kind, expected)


def named_tuple_of(kind: Kind, expected: str) -> Validator:
    """Return a validator of a tuple of (name, *kind*) pairs, names str."""
    return partial(_check_named_tuple_of, kind, expected)


def is_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a plain ``datetime.date``, naming the field in the error."""
    to_date(value, what=attribute.name)


def is_optional_date(
    instance: Any, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Validate None or a plain ``datetime.date``."""
    if value is not None:
        to_date(value, what=attribute.name)


def is_count(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a whole number, 0 or more (a bool is not one)."""
    if type(value) is not int or value < 0:
        raise ArgumentTypeError(value, "a whole number, 0 or more", what=attribute.name)


def is_bool(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate True or False."""
    if type(value) is not bool:
        raise ArgumentTypeError(value, "True or False", what=attribute.name)


def _check_instance_of(
    kind: Kind,
    expected: str,
    instance: Any,
    attribute: attrs.Attribute[Any],
    value: Any,
) -> None:
    if not isinstance(value, kind):
        raise ArgumentTypeError(value, expected, what=attribute.name)


def _check_optional_of(
    kind: Kind,
    expected: str,
    instance: Any,
    attribute: attrs.Attribute[Any],
    value: Any,
) -> None:
    if value is not None:
        _check_instance_of(kind, f"{expected} or None", instance, attribute, value)


def _check_tuple_of(
    kind: Kind,
    expected: str,
    instance: Any,
    attribute: attrs.Attribute[Any],
    value: Any,
) -> None:
    if type(value) is not tuple:
        raise ArgumentTypeError(value, f"a tuple of {expected}", what=attribute.name)
    for item in value:
        if not isinstance(item, kind):
            raise ArgumentTypeError(item, expected, what=f"each of {attribute.name}")


def _check_named_tuple_of(
    kind: Kind,
    expected: str,
    instance: Any,
    attribute: attrs.Attribute[Any],
    value: Any,
) -> None:
    if type(value) is not tuple:
        raise ArgumentTypeError(
            value, f"a tuple of (name, {expected}) pairs", what=attribute.name
        )
    for pair in value:
        if not (
            type(pair) is tuple
            and len(pair) == 2
            and isinstance(pair[0], str)
            and isinstance(pair[1], kind)
        ):
            raise ArgumentTypeError(
                pair, f"a (name, {expected}) pair", what=f"each of {attribute.name}"
            )
