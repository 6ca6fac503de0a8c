"""Tests for an invoice's notes and payment terms: their rules and their refusals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from paxbill import (
    ClientInvoice,
    ClientInvoiceLine,
    CreditNote,
    Money,
    Party,
    PaymentTerms,
)
from paxbill.clients.invoicing.notes import LEGAL_SUBJECTS, Note, legal_notes, to_notes
from tests.examples import refusal

D = dt.date

_SUBJECTS = "AAA, AAB, AAC, AAI, AAJ, ABL, ACB, ADU, BAR, CUS, PMD, PMT, REG, SUR, TXD"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Note(""), "note text must be a non-empty str, not str ''"),
        (lambda: Note("  "), "note text must be a non-empty str, not str '  '"),
        (lambda: Note(5), "note text must be a non-empty str, not int 5"),
        (
            lambda: Note("x", 5),
            "subject must be a UNTDID 4451 code or None, not int 5",
        ),
        (
            lambda: Note("x", "ZZZ"),
            f"note subject 'ZZZ' is not one paxbill writes: use one of {_SUBJECTS}",
        ),
        (lambda: to_notes("x"), "notes must be a sequence of Note, not str 'x'"),
        (
            lambda: to_notes(Note("x")),
            "notes must be a sequence of Note, not Note Note(text='x', subject=None)",
        ),
        (lambda: to_notes(5), "notes must be a sequence of Note, not int 5"),
        (lambda: to_notes([5]), "each note must be a Note or a str, not int 5"),
        (lambda: legal_notes("de"), "language must be 'fr' or 'en', not str 'de'"),
        (lambda: PaymentTerms(-1), "days -1 is not 0 to 366"),
        (lambda: PaymentTerms(367), "days 367 is not 0 to 366"),
        (
            lambda: PaymentTerms("30"),
            "days must be a whole number (int), not str '30'",
        ),
        (
            lambda: PaymentTerms(30.0),
            "days must be a whole number (int), not float 30.0",
        ),
        (
            lambda: PaymentTerms(30, end_of_month=1),  # type: ignore[arg-type]
            "end_of_month must be True or False, not int 1",
        ),
        (
            lambda: PaymentTerms(30, text=5),
            "text must be a str or None, not int 5",
        ),
        (
            lambda: PaymentTerms().due_date("2024-01-01"),  # type: ignore[arg-type]
            "issue date must be a datetime.date such as date(2024, 6, 1), not "
            "str '2024-01-01'",
        ),
        (
            lambda: PaymentTerms().describe("de"),
            "language must be 'fr' or 'en', not str 'de'",
        ),
    ],
)
def test_notes_and_terms_are_refused_in_words(
    call: Callable[[], object], message: str
) -> None:
    assert refusal(call) == message


def test_a_note_is_kept_trimmed_its_subject_in_capitals() -> None:
    assert Note("  Merci.  ", " pmd ") == Note("Merci.", "PMD")
    assert Note("Merci.").subject is None
    assert to_notes(["a", Note("b", "AAI")]) == (Note("a"), Note("b", "AAI"))
    assert to_notes(()) == ()


def test_only_a_french_seller_s_documents_carry_the_legal_notes() -> None:
    """French law's notes by default for a seller in France, none elsewhere."""
    line = ClientInvoiceLine("X", 1, Money("10.00", "EUR"), "S", "20")
    german = Party("Schmidt GmbH", "DE", vat_id="DE123456789")
    french = Party("Dupont", "FR", vat_id="FR40303265045")
    day = D(2024, 1, 2)
    assert ClientInvoice("F1", day, german, french, [line]).notes == ()
    assert ClientInvoice("F1", day, french, german, [line]).notes == legal_notes()
    note = CreditNote("A1", day, german, french, [line], "F1", day, language="en")
    assert note.notes == ()


def test_the_legal_notes_are_penalties_indemnity_and_no_discount() -> None:
    """BR-FR-05: PMD, PMT and AAB, in that order, in French or English."""
    assert LEGAL_SUBJECTS == ("PMD", "PMT", "AAB")
    for language, words in (
        ("fr", ("Pénalités de retard", "40 euros", "Pas d'escompte")),
        ("en", ("Late payment: interest", "EUR 40", "No discount")),
    ):
        notes = legal_notes(language)
        assert [note.subject for note in notes] == ["PMD", "PMT", "AAB"]
        for note, word in zip(notes, words, strict=True):
            assert word in note.text
    assert legal_notes() == legal_notes("fr")


@pytest.mark.parametrize(
    ("days", "end_of_month", "issued", "due"),
    [
        (30, False, D(2024, 1, 31), D(2024, 3, 1)),  # 2024 is a leap year
        (0, False, D(2024, 1, 31), D(2024, 1, 31)),
        (366, False, D(2024, 1, 1), D(2025, 1, 1)),
        # From the month's last day: 29 February 2024, 31 December 2024.
        (0, True, D(2024, 2, 10), D(2024, 2, 29)),
        (30, True, D(2024, 12, 1), D(2025, 1, 30)),
        (30, True, D(2024, 12, 31), D(2025, 1, 30)),
        (45, True, D(2023, 2, 1), D(2023, 4, 14)),
    ],
)
def test_the_due_date_counts_days_from_the_invoice_or_its_month_s_end(
    days: int, end_of_month: bool, issued: dt.date, due: dt.date
) -> None:
    # The terms are made as the test runs, where a mutation run can reach them.
    assert PaymentTerms(days, end_of_month).due_date(issued) == due


def test_terms_are_described_in_french_and_english() -> None:
    assert PaymentTerms().describe() == "30 jours"
    assert PaymentTerms(45, end_of_month=True).describe("fr") == "45 jours fin de mois"
    assert PaymentTerms(30).describe("en") == "30 days"
    assert PaymentTerms(60, end_of_month=True).describe("en") == "60 days end of month"
    # Terms read from an e-invoice keep their words, in any language.
    assert PaymentTerms(text=" À réception ").describe("en") == "À réception"
    assert PaymentTerms(text="").text is None
    assert PaymentTerms().due_date(D(2024, 1, 1)) == D(2024, 1, 31)  # net 30
