"""Every public callable, given the wrong thing, raises a paxbill error.

Issue 26: a fuzz over every name in ``paxbill.__all__`` that can be called
(classes and functions; enums and errors aside). Each required argument is
given the same wrong value in turn (None, a float, text, bytes, an int of
5,000 digits, a negative int, an empty list, a bare object, a bool, NaN,
other scripts' digits). A call may succeed, where the value happens to be
one it takes, or raise an error of paxbill's hierarchy: never an
AttributeError, a plain TypeError or ValueError, a RecursionError, a
MemoryError or an OverflowError.
"""

from __future__ import annotations

import enum
import inspect
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import paxbill

WRONG: list[object] = [
    None,
    2.55,
    "x",
    b"x",
    10**5000,
    -1,
    [],
    object(),
    True,
    float("nan"),
    Decimal("NaN"),
    "\u0661\u0662\u0663",
]


def callables() -> list[tuple[str, Callable[..., Any]]]:
    found = []
    for name in paxbill.__all__:
        value = getattr(paxbill, name)
        if inspect.isclass(value) and issubclass(value, enum.Enum | BaseException):
            continue
        if callable(value):
            found.append((name, value))
    return found


def call_with(function: Callable[..., Any], wrong: object) -> None:
    """Call *function* with *wrong* in every argument it requires."""
    parameters = inspect.signature(function).parameters.values()
    required = [
        p
        for p in parameters
        if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    positional = [wrong for p in required if p.kind is not p.KEYWORD_ONLY]
    named = {p.name: wrong for p in required if p.kind is p.KEYWORD_ONLY}
    function(*positional, **named)


@pytest.mark.parametrize("name", [name for name, _ in callables()])
def test_wrong_values_give_paxbill_errors(
    name: str, tmp_path: Path, monkeypatch: Any
) -> None:
    """No wrong value gets anything but a paxbill error, or a result."""
    monkeypatch.chdir(tmp_path)  # a register named "x" is made here, if at all
    function = getattr(paxbill, name)
    leaks = []
    for wrong in WRONG:
        try:
            call_with(function, wrong)
        except paxbill.PaxbillError as error:
            # Each of paxbill's errors is also the matching built-in's.
            if not isinstance(error, TypeError | ValueError | ImportError):
                leaks.append(f"{type(wrong).__name__}: {type(error).__name__}")
        except Exception as error:
            leaks.append(f"{type(wrong).__name__}: {type(error).__name__}: {error}")
    assert not leaks, f"{name} leaks: {leaks}"


def test_the_fuzz_reaches_the_library() -> None:
    """It calls the classes and functions users meet, not a handful."""
    names = {name for name, _ in callables()}
    assert len(names) > 90
    assert {"Money", "bill_portfolio", "issue_invoice", "Register"} <= names


def value_classes() -> list[str]:
    import attrs

    return [
        name
        for name in paxbill.__all__
        if inspect.isclass(getattr(paxbill, name)) and attrs.has(getattr(paxbill, name))
    ]


@pytest.mark.parametrize("name", value_classes())
@pytest.mark.parametrize("wrong", [2.5, None, "x"], ids=["float", "None", "str"])
def test_every_value_class_checks_its_fields(name: str, wrong: object) -> None:
    """Every value class, results too, refuses a wrong value in every field.

    A review, a projection, a report: a paxbill error when made, never an
    object that fails later.
    """
    import attrs

    kind = getattr(paxbill, name)
    fields = {field.alias: wrong for field in attrs.fields(kind) if field.init}
    with pytest.raises(paxbill.PaxbillError):
        kind(**fields)


class _Stranger:
    """A value no parameter of paxbill takes, with a repr of its own."""

    def __repr__(self) -> str:
        return "<stranger>"


# Where a refusal names the argument in words rather than by its parameter's
# name, the words it uses (the rest name the parameter itself).
NAMED_IN_WORDS = {
    "ActivityIndex": "days",
    "AppUserColumns": "value",
    "Bundle": "number of users",
    "Discount": "discount percent",
    "InvoiceLine": "number of users",
    "Note": "note text",
    "PerUserPrice": "list price",
    "PrepaymentQuote": "number of users",
    "paxton_price_of": "Paxton's price",
    "to_dict": "to_dict()",
    "json_schema": "schema name",
}

# Refusals of something other than the argument given, by design.
REFUSED_OTHERWISE = {
    "centralised_lines",  # nothing to bill: the empty services are named
    "embed_cii_xml",  # the PDF and the XML are named together
    "estimate_next_invoice",  # dated users need as_of, which defaults to None
}


def _refusals() -> list[str]:
    """The callables that refuse a stranger in every required argument, by type."""
    names = []
    for name, function in callables():
        try:
            call_with(function, _Stranger())
        except paxbill.ArgumentTypeError:
            if name not in REFUSED_OTHERWISE:
                names.append(name)
        except paxbill.PaxbillError:
            pass
    return names


@pytest.mark.parametrize("name", _refusals())
def test_a_refusal_names_the_argument_and_keeps_the_value(name: str) -> None:
    """The error says which argument was wrong, what it takes, and holds the value.

    A caller reading ``lines must be …, not _Stranger <stranger>`` knows what
    to fix; ``value`` or a misspelt name would send them looking.
    """
    function = getattr(paxbill, name)
    stranger = _Stranger()
    with pytest.raises(paxbill.ArgumentTypeError) as refused:
        call_with(function, stranger)
    error = refused.value
    assert error.value is stranger
    assert isinstance(error.expected, str)
    assert error.expected
    assert str(error).endswith(f" must be {error.expected}, not _Stranger <stranger>")
    what = str(error).removesuffix(
        f" must be {error.expected}, not _Stranger <stranger>"
    )
    parameters = inspect.signature(function).parameters
    if name in NAMED_IN_WORDS:
        assert what == NAMED_IN_WORDS[name]
    else:
        # The parameter itself, or an item of it ("lines[0]", "rates.EUR").
        assert re.match(r"[A-Za-z_]+", what)
        assert re.match(r"[A-Za-z_]+", what).group() in parameters  # type: ignore[union-attr]


def test_a_register_is_not_made_of_anything() -> None:
    """Register() refuses what is not a database, rather than fail at first use."""
    with pytest.raises(paxbill.ArgumentTypeError) as refused:
        paxbill.Register("books.sqlite")  # type: ignore[arg-type]
    assert str(refused.value) == (
        "database must be a database, as Register.open gives, not str 'books.sqlite'"
    )


def test_most_refusals_are_checked_by_name() -> None:
    """The check above covers the library, not a few callables."""
    assert len(_refusals()) > 90
