"""The words in gettext catalogs: complete, consistent with the code, and German too."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import paxbill
from paxbill.io._words import (
    _MESSAGES,
    _translations,
    compile_catalog,
    languages,
    text,
)

LOCALE = files("paxbill").joinpath("locale")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def catalog(language: str):  # type: ignore[no-untyped-def]
    with LOCALE.joinpath(language, "LC_MESSAGES", "paxbill.po").open("rb") as po:
        return read_po(po, locale=language)


def test_the_languages() -> None:
    """English is written in the code; French and German are catalogs."""
    assert languages() == {"en", "fr", "de"}


@pytest.mark.parametrize("language", ["fr", "de"])
def test_each_catalog_translates_every_word(language: str) -> None:
    """Every key has a translation, not fuzzy, with the English placeholders."""
    messages = {m.context: m for m in catalog(language) if m.id}
    assert set(messages) == set(_MESSAGES)
    for key, english in _MESSAGES.items():
        message = messages[key]
        assert message.id == english, key
        assert message.string, key
        assert not message.fuzzy, key
        assert sorted(PLACEHOLDER.findall(message.string)) == sorted(
            PLACEHOLDER.findall(english)
        ), key


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_catalog_loaded_says_what_its_po_file_says(language: str) -> None:
    """The words read at run time, compiled in the wheel or not, are the .po's.

    An installed wheel reads each language from the .mo its build compiled;
    a source checkout compiles the .po in memory. Either way every word is
    the one the .po file gives.
    """
    loaded = _translations(language)
    from_po = compile_catalog(language)
    written = {m.context: m.string for m in catalog(language) if m.id}
    for key, english in _MESSAGES.items():
        assert loaded.pgettext(key, english) == written[key], key
        assert from_po.pgettext(key, english) == written[key], key


def test_extraction_finds_exactly_the_words() -> None:
    """Babel's extract, with the NC_ keyword, finds every word and no other."""
    package = str(files("paxbill"))
    found = {
        (context, message)
        for _, _, message, _, context in extract_from_dir(
            package, keywords={"NC_": ((1, "c"), 2)}, comment_tags=()
        )
    }
    assert found == set(_MESSAGES.items())


def test_german_on_the_command_line() -> None:
    """--locale de_DE gives German words with German numbers."""
    from tests.test_cli import PORTAL, run

    result = run("estimate", *PORTAL, "--locale", "de_DE")
    assert result.returncode == 0
    assert "Partnerrabatt" in result.stdout
    assert "178,50" in result.stdout
    assert text("review.title", "de_AT") == "Prüfung des Guthabens"
    assert paxbill.label(paxbill.BillingFrequency.ANNUAL, "de_DE") == "jährlich"
