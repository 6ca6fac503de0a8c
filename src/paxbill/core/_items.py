"""Collections at paxbill's boundary: the one place an iterable is read.

A str or bytes is iterable, but never a collection of prices, users or
weights: it is refused, as is anything that cannot be iterated, with a
paxbill error that names the argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from paxbill.exceptions import ArgumentTypeError

T = TypeVar("T")


def to_items(value: Iterable[T], *, what: str, expected: str) -> tuple[T, ...]:
    """Return the items of *value* as a tuple, refusing text and non-iterables.

    Raises:
        ArgumentTypeError: *value* is a str, bytes, or not iterable.

    >>> to_items([1, 2], what="weights", expected="a list of weights")
    (1, 2)
    >>> to_items("12", what="weights", expected="a list")
    Traceback (most recent call last):
    ...
    paxbill.exceptions.ArgumentTypeError: weights must be a list, not str '12'
    """
    if type(value) is tuple:
        return value
    return tuple(each_item(value, what=what, expected=expected))


def each_item(value: Iterable[T], *, what: str, expected: str) -> Iterator[T]:
    """Iterate *value*, refused at once as :func:`to_items` refuses it.

    For a stream too long to hold: nothing is kept.

    >>> next(each_item(iter([3, 4]), what="users", expected="users"))
    3
    """
    if isinstance(value, str | bytes | bytearray) or not isinstance(value, Iterable):
        raise ArgumentTypeError(value, expected, what=what)
    return iter(value)


def one_of_kind(kind: type) -> str:
    """The words for one item of *kind* in a refusal, its article before its name.

    >>> one_of_kind(int), one_of_kind(ArgumentTypeError)
    ('an int', 'an ArgumentTypeError')
    >>> one_of_kind(str)
    'a str'
    """
    name = kind.__name__
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} {name}"
