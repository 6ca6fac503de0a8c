"""The attrs validators behind every result class, word for word.

Each rule is checked on both sides: what it takes, and what it refuses with
the exact sentence a caller reads (the field named, the value kept).
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple
from decimal import Decimal
from typing import Any

import attrs
import pytest

from paxbill.core._validators import (
    instance_of,
    is_bool,
    is_count,
    is_date,
    is_optional_date,
    named_tuple_of,
    optional_of,
    tuple_of,
)
from paxbill.exceptions import ArgumentTypeError


def _held() -> type:
    """A class of every validator, made when a test runs (not at import).

    The factories run when a class is defined; defined here, their work is
    checked too, as under a mutation run, where modules are imported once.
    """

    @attrs.frozen
    class _Held:
        size: Any = attrs.field(default=0, validator=instance_of(int, "an int"))
        note: Any = attrs.field(default=None, validator=optional_of(str, "a str"))
        parts: Any = attrs.field(default=(), validator=tuple_of(Decimal, "a Decimal"))
        named: Any = attrs.field(default=(), validator=named_tuple_of(int, "an int"))
        day: Any = attrs.field(default=dt.date(2024, 1, 1), validator=is_date)
        until: Any = attrs.field(default=None, validator=is_optional_date)
        users: Any = attrs.field(default=0, validator=is_count)
        flag: Any = attrs.field(default=False, validator=is_bool)

    return _Held


_Pair = namedtuple("_Pair", "left right")

TAKEN = [
    {"size": 3},
    {"size": True},  # a bool is an int to isinstance, as attrs' own would say
    {"note": None},
    {"note": "seen"},
    {"parts": ()},
    {"parts": (Decimal(1), Decimal("2.5"))},
    {"named": ()},
    {"named": (("a", 1), ("b", 2))},
    {"day": dt.date(2024, 2, 29)},
    {"until": None},
    {"until": dt.date(2024, 3, 1)},
    {"users": 0},
    {"users": 12},
    {"flag": True},
    {"flag": False},
]


@pytest.mark.parametrize("given", TAKEN, ids=repr)
def test_a_valid_value_is_taken_as_given(given: dict[str, Any]) -> None:
    held = _held()(**given)
    for name, value in given.items():
        assert getattr(held, name) is value


_DATE = "must be a datetime.date such as date(2024, 6, 1), not"
_TUPLE = "parts must be a tuple of a Decimal, not"
_PAIRS = "named must be a tuple of (name, an int) pairs, not"
_PAIR = "each of named must be a (name, an int) pair, not"
_COUNT = "users must be a whole number, 0 or more, not"

REFUSED = [
    ({"size": "3"}, "size must be an int, not str '3'"),
    ({"size": None}, "size must be an int, not NoneType None"),
    ({"note": 5}, "note must be a str or None, not int 5"),
    ({"parts": [Decimal(1)]}, f"{_TUPLE} list [Decimal('1')]"),
    (
        {"parts": _Pair(Decimal(1), Decimal(2))},
        f"{_TUPLE} _Pair {_Pair(Decimal(1), Decimal(2))!r}",
    ),
    ({"parts": (Decimal(1), 2)}, "each of parts must be a Decimal, not int 2"),
    ({"named": [("a", 1)]}, f"{_PAIRS} list [('a', 1)]"),
    ({"named": (["a", 1],)}, f"{_PAIR} list ['a', 1]"),
    ({"named": (("a", 1, 2),)}, f"{_PAIR} tuple ('a', 1, 2)"),
    ({"named": (("a",),)}, f"{_PAIR} tuple ('a',)"),
    ({"named": ((1, 1),)}, f"{_PAIR} tuple (1, 1)"),
    ({"named": (("a", "1"),)}, f"{_PAIR} tuple ('a', '1')"),
    ({"named": (("a", 1), ("b", None))}, f"{_PAIR} tuple ('b', None)"),
    ({"day": "2024-01-01"}, f"day {_DATE} str '2024-01-01'"),
    ({"day": None}, f"day {_DATE} NoneType None"),
    ({"until": "2024-01-01"}, f"until {_DATE} str '2024-01-01'"),
    ({"users": -1}, f"{_COUNT} int -1"),
    ({"users": True}, f"{_COUNT} bool True"),
    ({"users": 1.0}, f"{_COUNT} float 1.0"),
    ({"flag": 1}, "flag must be True or False, not int 1"),
    ({"flag": None}, "flag must be True or False, not NoneType None"),
]


@pytest.mark.parametrize(("given", "message"), REFUSED, ids=repr)
def test_a_wrong_value_is_refused_in_words(given: dict[str, Any], message: str) -> None:
    with pytest.raises(ArgumentTypeError) as refused:
        _held()(**given)
    assert str(refused.value) == message
    assert isinstance(refused.value, TypeError)
