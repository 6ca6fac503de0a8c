"""What every subcommand shares: argument types, tables, and bad input."""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import itertools
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from paxbill.core.money import Money
from paxbill.exceptions import PaxbillError

# What only some commands need is imported where it is used, so that a
# command starts without the modules of the others.
if TYPE_CHECKING:
    from paxbill.core.exchange import RateTable
    from paxbill.core.periods import BillingFrequency, BillingTerm

#: The exit status for bad input.
EXIT_BAD_INPUT = 2


class Outcome(NamedTuple):
    """What a command prints, and the status it exits with: 2 for problems found."""

    text: str
    status: int


class BadInput(Exception):
    """Input the command cannot use, told in one line."""


def installed_version() -> str:
    """Paxbill's version, from the installed package's metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("paxbill")
    except PackageNotFoundError:  # pragma: no cover - run from a bare checkout
        return "unknown"


def add_list_price(
    command: argparse.ArgumentParser,
    *,
    default: str | None = None,
    aliases: Sequence[str] = (),
) -> None:
    """Add --list-price, Paxton's list price, and --discount, the partner discount.

    *aliases* are the option's former names, still read but not shown.
    """
    command.add_argument(
        "--list-price",
        # A former name may give it instead: run() checks it is given.
        required=default is None and not aliases,
        default=default,
        help="Paxton's list price per user per month"
        + ("" if default is None else f" ({default})"),
    )
    for alias in aliases:
        command.add_argument(
            alias, dest="list_price", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
    command.add_argument(
        "--discount", default="0", help="the partner discount in per cent, e.g. 15 (0)"
    )


def add_account_type(command: argparse.ArgumentParser) -> None:
    """Add --account-type and --credit-days: when Paxton's charges are paid."""
    from paxbill.paxton.accounts import DEFAULT_CREDIT_DAYS, AccountType

    command.add_argument(
        "--account-type",
        type=choice(AccountType),
        default=AccountType.SYSTEM_MANAGER,
        help="whose rules date Paxton's charges: system_manager (paid on the 1st,"
        " the default) or approved_installer (paid after --credit-days)",
    )
    command.add_argument(
        "--credit-days",
        type=integer,
        default=DEFAULT_CREDIT_DAYS,
        help=f"an approved installer's credit period ({DEFAULT_CREDIT_DAYS})",
    )


def list_price(args: argparse.Namespace) -> str:
    """The --list-price given, under its name or a former one."""
    price: str | None = args.list_price
    if price is None:
        raise BadInput("give --list-price, Paxton's list price per user per month")
    return price


def iso_date(text: str) -> dt.date:
    """Read a command-line date written ``YYYY-MM-DD``."""
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date as YYYY-MM-DD"
        ) from None


#: The most months a command projects or spans: a hundred years.
MAX_MONTHS = 1200


def integer(text: str) -> int:
    """An argument type that reads a whole number in ASCII digits, such as 70.

    Python's ``int`` also reads other scripts' digits (``"١٢٣"`` is 123) and
    underscores; a command line reads only what it would print.
    """
    if not re.fullmatch(r"[+-]?[0-9]{1,30}", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number")
    return int(text)


integer.__name__ = "whole number"


def whole(low: int, high: int) -> Callable[[str], int]:
    """An argument type that reads a whole number from *low* to *high*."""

    def read(text: str) -> int:
        number = integer(text)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{number} is not {low:,} to {high:,}")
        return number

    read.__name__ = "whole number"
    return read


def choice(
    kind: type[enum.Enum],
) -> Callable[[str], object]:
    """An argument type that reads one of *kind*'s values, in any case."""

    def read(text: str) -> object:
        try:
            return kind(text.lower().replace("-", "_"))
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise argparse.ArgumentTypeError(
                f"{text!r} is not one of {allowed}"
            ) from None

    read.__name__ = kind.__name__
    return read


def frequency(text: str) -> BillingFrequency | BillingTerm:
    """Read a billing frequency by name (``annual``) or as months (``6``)."""
    from paxbill.core.periods import BillingFrequency, BillingTerm

    name = text.strip().lower().replace("-", "_")
    months = name.removesuffix("_months")
    if months.isdigit():
        try:
            return BillingTerm.of(int(months))
        except PaxbillError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    try:
        return BillingFrequency(name)
    except ValueError:
        allowed = ", ".join(f.value for f in BillingFrequency)
        raise argparse.ArgumentTypeError(
            f"{text!r} is not one of {allowed}, nor a number of months such as 6"
        ) from None


def add_exchange_options(command: argparse.ArgumentParser) -> None:
    """Add --paxton-currency and --rate, for Paxton paid in another currency."""
    command.add_argument(
        "--paxton-currency",
        default=None,
        help="the currency Paxton bills in, when not --currency",
    )
    command.add_argument(
        "--rate",
        default=None,
        help="how much of --currency one unit of --paxton-currency buys, "
        "e.g. 0.85; needed with --paxton-currency",
    )


def exchange_rates(args: argparse.Namespace, on: dt.date) -> RateTable | None:
    """The one rate the command line states, from *on*, or None."""
    from paxbill.core.exchange import ExchangeRate, RateTable

    paxton = args.paxton_currency
    if paxton is None or paxton.upper() == args.currency.upper():
        if args.rate is not None:
            raise BadInput(
                f"argument --rate: {args.rate} converts only when Paxton bills in "
                f"another currency than --currency {args.currency.upper()}: give "
                "--paxton-currency, or leave --rate out"
            )
        return None
    if args.rate is None:
        raise BadInput(
            f"Paxton bills in {paxton.upper()} and the clients in "
            f"{args.currency.upper()}: give --rate"
        )
    return RateTable([ExchangeRate(paxton, args.currency, args.rate, on)])


def add_output_options(
    command: argparse.ArgumentParser,
    *,
    currency: bool = True,
    locale: str | None = "en_GB",
) -> None:
    """Add --currency if asked, --locale (for people) and --json (for programs)."""
    if currency:
        command.add_argument("--currency", default="EUR", help="ISO 4217 code (EUR)")
    shown = "the document's language" if locale is None else locale
    # None here, the default filled in after parsing: a file's dates are read
    # in a locale's order only when the user chose one (given_locale).
    command.add_argument(
        "--locale", default=None, help=f"locale for people, e.g. fr_FR ({shown})"
    )
    command.set_defaults(default_locale=locale)
    command.add_argument(
        "--json", action="store_true", help="print one JSON object for programs"
    )


def plain(money: Money) -> str:
    """An amount for JSON: its exact digits as a string, never a number."""
    return f"{money.amount:f}"


def dumps(document: dict[str, Any]) -> str:
    """One JSON object, on one line."""
    import json  # only for --json: a command for people starts without it

    return json.dumps(document, ensure_ascii=False)


def pairs(rows: Sequence[tuple[str, str]]) -> list[str]:
    """Labels on the left, figures lined up on the right."""
    left = max(len(name) for name, _ in rows)
    right = max(len(value) for _, value in rows)
    return [f"{name:<{left}}  {value:>{right}}" for name, value in rows]


def write_file(path: str | Path, content: bytes) -> None:
    """Write *content* to the file *path*, or to standard output for ``-``."""
    if str(path) == "-":
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:  # a text stream, such as a test's
            sys.stdout.write(content.decode("utf-8", "replace"))
        else:
            sys.stdout.flush()
            binary.write(content)
        sys.stdout.flush()
        return
    target = Path(path)
    # Written under another name, then renamed: never half a file.
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(content)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BadInput(f"{path}: cannot write it ({error.strerror})") from None


def amount_option(
    args: argparse.Namespace,
    option: str,
    currency: str,
    *,
    negative: bool = False,
    cents: bool = True,
    text: str | None = None,
) -> Money:
    """The amount the user gave as *option* (such as ``"--list-price"``), read plainly.

    Digits with a decimal point, or a decimal comma where ``--locale`` writes
    one (``3,00`` under fr_FR); no more decimals than *currency* has unless
    not *cents* (a unit price may have more); 0 or more unless *negative*.
    Every refusal names the option and the value.
    """
    from paxbill.core._currency import minor_unit

    given = (
        getattr(args, option.lstrip("-").replace("-", "_")) if text is None else text
    )
    written = str(given).strip()
    locale = getattr(args, "locale", None)
    if "," in written and "." not in written and locale:
        from babel.numbers import get_decimal_symbol

        from paxbill.core.formatting import parse_locale

        if get_decimal_symbol(parse_locale(locale)) == ",":
            written = written.replace(",", ".")
    if not re.fullmatch(r"-?[0-9]{1,28}(\.[0-9]{1,28})?", written):
        raise BadInput(
            f"argument {option}: {given!r} is not an amount: write digits with a"
            " decimal point, such as 3.00"
            + (" (or a decimal comma under --locale fr_FR)" if "," in written else "")
        )
    decimals = len(written.partition(".")[2])
    places = minor_unit(currency)
    if cents and decimals > places:
        raise BadInput(
            f"argument {option}: {given} has {decimals} decimals, {currency} has "
            f"{places}: give it to the {'cent' if places == 2 else 'minor unit'}"
        )
    if written.startswith("-") and not negative:
        raise BadInput(f"argument {option}: {given} is negative: give 0 or more")
    try:
        return Money(written, currency)
    except PaxbillError as error:
        raise BadInput(f"argument {option}: {given}: {error}") from None


def in_order(*days: tuple[str, dt.date | None], strict: bool = False) -> None:
    """Refuse dates the user gave out of order, naming the options they wrote.

    *days* are (option, date) pairs that must come in that order (each on or
    after the one before; after it with *strict*); a None is not given.
    """
    given = [(option, day) for option, day in days if day is not None]
    for (first, early), (second, late) in itertools.pairwise(given):
        if late < early or (strict and late == early):
            word = "before" if strict else "on or before"
            relation = "is after" if late < early else "is the same day as"
            raise BadInput(
                f"argument {first}: {early.isoformat()} {relation} {second} "
                f"{late.isoformat()}: give {first} {word} {second}"
            )


def settle_locale(args: argparse.Namespace) -> None:
    """Fill in --locale's default; ``given_locale`` is what the user gave, or None."""
    if hasattr(args, "default_locale"):
        args.given_locale = args.locale
        if args.locale is None:
            args.locale = args.default_locale


def warn(message: str) -> None:
    """Tell the user something paxbill did on their behalf, on standard error."""
    sys.stderr.write(f"paxbill: warning: {visible(message)}\n")


#: The characters a terminal would obey rather than show: C0 (but tab and
#: line feed), DEL and C1, escape sequences (ESC, CSI, OSC) among them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    r"""*text* with its control characters shown, never obeyed by the terminal.

    >>> visible("Badge\x1b[31m rouge")
    'Badge\\x1b[31m rouge'
    """
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)
