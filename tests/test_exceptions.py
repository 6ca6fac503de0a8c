"""Tests for paxbill.exceptions: one hierarchy, each error also a built-in."""

from __future__ import annotations

import inspect

import pytest

import paxbill
from paxbill import exceptions

ERRORS = [
    obj
    for _, obj in inspect.getmembers(exceptions, inspect.isclass)
    if issubclass(obj, Exception) and obj.__module__ == exceptions.__name__
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.__name__)
def test_every_error_is_exported_and_builtin(error: type[Exception]) -> None:
    """Every error is exported from paxbill and derives from PaxbillError."""
    assert getattr(paxbill, error.__name__) is error
    assert error.__name__ in paxbill.__all__
    assert error.__name__ in exceptions.__all__
    assert issubclass(error, paxbill.PaxbillError)
    if error is not paxbill.PaxbillError:
        assert issubclass(error, ValueError | TypeError | ImportError | KeyError)


def test_public_api_is_sorted_and_complete() -> None:
    """__all__ is sorted, and every name in it exists."""
    assert paxbill.__all__ == sorted(paxbill.__all__)
    for name in paxbill.__all__:
        assert hasattr(paxbill, name)
