"""Dates as people write them in spreadsheets: ISO, or in a locale's own order.

:func:`parse_date` reads ``2024-05-01`` always. Given a locale, it also
reads the day, month and year in that locale's order (``01/05/2024`` and
``01.05.2024`` are 1 May under fr_FR and de_DE, 5 January under en_US) and
month names in its language (``1 mai 2024``), with python-dateutil told the
locale's month names by babel. Without one, a date that could be read two
ways is refused, naming the formats accepted.

>>> parse_date("01/05/2024", "fr_FR"), parse_date("1 mai 2024", "fr_FR")
(datetime.date(2024, 5, 1), datetime.date(2024, 5, 1))
>>> parse_date("05/01/2024", "en_US")
datetime.date(2024, 5, 1)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateutil import parser

from paxbill.core.formatting import parse_locale
from paxbill.exceptions import InvalidDateError, shorten

__all__ = ["parse_date"]

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMERIC = re.compile(r"([0-9]{1,4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,4})")
_FORMATS = "YYYY-MM-DD, or the locale's own order such as 01/05/2024 under fr_FR"


@lru_cache(maxsize=64)
def _day_first(locale: str) -> bool:
    """Whether the locale writes the day before the month (CLDR's short date)."""
    from babel.dates import get_date_format

    pattern = get_date_format("short", parse_locale(locale)).pattern
    return pattern.find("d") < pattern.find("M")


@lru_cache(maxsize=64)
def _parser_info(locale: str) -> parser.parserinfo:
    """A dateutil parserinfo that knows the locale's month names."""
    from babel.dates import get_month_names

    found = parse_locale(locale)
    months: list[list[str]] = [[] for _ in range(12)]
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, found).items():
                for spelling in (name, name.rstrip(".")):
                    if spelling not in months[number - 1]:
                        months[number - 1].append(spelling)

    class LocaleInfo(parser.parserinfo):
        # dateutil's stubs say two or three spellings a month; it takes any.
        MONTHS = [tuple(names) for names in months]  # type: ignore[misc]  # noqa: RUF012

    return LocaleInfo(dayfirst=_day_first(locale))


def _checked(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidDateError(text, "is not a day of the calendar") from None


def parse_date(text: str, locale: str | None = None) -> dt.date:
    """Read the date *text*: ISO always; the *locale*'s order and month names too.

    A year is written in four digits. Without *locale*, ``01/05/2024`` could
    be 1 May or 5 January and is refused; ``13/05/2024`` can only be one.

    Raises:
        InvalidDateError: *text* is not a date so read; the message names
            the formats accepted.
    """
    if not isinstance(text, str):
        raise InvalidDateError(shorten(text), "is not a text")
    written = text.strip()
    if _ISO.fullmatch(written):
        year, month, day = (int(part) for part in written.split("-"))
        return _checked(year, month, day, text)
    numeric = _NUMERIC.fullmatch(written)
    if numeric:
        first, second, third = numeric.groups()
        if len(first) == 4:  # 2024/05/01: year first, then month, then day
            return _checked(int(first), int(second), int(third), text)
        if len(third) != 4:
            raise InvalidDateError(text, "has no four-digit year: write 2024, not 24")
        a, b, year = int(first), int(second), int(third)
        if locale is not None:
            day, month = (a, b) if _day_first(str(locale)) else (b, a)
        elif a == b or a > 12 or b > 12:
            day, month = (a, b) if a > 12 or a == b else (b, a)
        else:
            raise InvalidDateError(
                text,
                f"could be {a}/{b} or {b}/{a} (day/month): write it YYYY-MM-DD, or "
                "give --locale (fr_FR reads the day first, en_US the month)",
            )
        return _checked(year, month, day, text)
    if locale is not None and any(character.isalpha() for character in written):
        return _named(written, str(locale), text)
    raise InvalidDateError(text, f"is not a date: write it {_FORMATS}")


def _named(written: str, locale: str, text: str) -> dt.date:
    """A date with its month's name, in the locale's language."""
    if not any(character.isdigit() for character in written):
        raise InvalidDateError(text, f"is not a date: write it {_FORMATS}")
    if not re.search(r"[0-9]{4}", written):
        raise InvalidDateError(text, "has no four-digit year: write 2024, not 24")
    if not re.search(r"(?<![0-9])[0-9]{1,2}(?![0-9])", written):
        raise InvalidDateError(text, "has no day: write it as 1 mai 2024")
    try:
        found = parser.parse(
            written.lower(),
            parserinfo=_parser_info(locale),
            default=dt.datetime(2000, 1, 1),
        )
    except (ValueError, OverflowError, TypeError):
        raise InvalidDateError(
            text, f"is not a date: write it {_FORMATS}, or as 1 mai 2024 in French"
        ) from None
    return _checked(found.year, found.month, found.day, text)
