"""The notes of an invoice (EN 16931 BG-1): free text, each with its subject code.

French law has every invoice between businesses state the late-payment
penalties (subject PMD), the EUR 40 indemnity for the costs of recovery
(PMT) and the discount for early payment, or that there is none (AAB); a
French seller's documents carry these three by default (:func:`legal_notes`).

>>> [note.subject for note in legal_notes("fr")]
['PMD', 'PMT', 'AAB']
>>> Note("Merci de votre confiance.").subject is None
True
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from paxbill.clients.invoicing._code_lists import NOTE_SUBJECTS
from paxbill.clients.invoicing.vat import to_language
from paxbill.core._text import xml_text
from paxbill.core._values import Revalidated
from paxbill.exceptions import ArgumentTypeError, InvalidIdentifierError

__all__ = ["LEGAL_SUBJECTS", "Note", "legal_notes", "to_notes"]

#: The subjects of the three notes French law asks for (BR-FR-05).
LEGAL_SUBJECTS = ("PMD", "PMT", "AAB")

_LEGAL_TEXTS = {
    "fr": (
        "Pénalités de retard : taux de refinancement de la Banque centrale "
        "européenne majoré de 10 points (article L441-10 du Code de commerce).",
        "Indemnité forfaitaire pour frais de recouvrement en cas de retard de "
        "paiement : 40 euros (article D441-5 du Code de commerce).",
        "Pas d'escompte pour paiement anticipé.",
    ),
    "en": (
        "Late payment: interest at the European Central Bank's latest "
        "refinancing rate plus 10 points (French Commercial Code, article L441-10).",
        "Late payment: a fixed indemnity of EUR 40 for the costs of recovery "
        "(French Commercial Code, article D441-5).",
        "No discount for early payment.",
    ),
}


def _to_text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ArgumentTypeError(value, "a non-empty str", what="note text")
    return xml_text(value.strip(), what="note text")


def _to_subject(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(value, "a UNTDID 4451 code or None", what="subject")
    code = value.strip().upper()
    if code not in NOTE_SUBJECTS:
        known = ", ".join(sorted(NOTE_SUBJECTS))
        raise InvalidIdentifierError(
            value, "note subject", f"is not one paxbill writes: use one of {known}"
        )
    return code


@attrs.frozen
class Note(Revalidated):
    """A note on an invoice (BT-22) and its UNTDID 4451 subject code (BT-21).

    Args:
        text: what it says.
        subject: its subject, such as ``"PMD"`` (penalties), ``"PMT"``
            (recovery indemnity), ``"AAB"`` (early-payment discount),
            ``"AAI"`` (general) or ``"REG"`` (regulatory); None for none.
    """

    text: str = attrs.field(converter=_to_text)
    subject: str | None = attrs.field(default=None, converter=_to_subject)


def legal_notes(language: str = "fr") -> tuple[Note, ...]:
    """The three notes French law asks of an invoice: PMD, PMT and AAB, in *language*.

    The penalties are stated at the legal rate; give your own ``PMD`` note
    to state the rate your terms of sale set.
    """
    texts = _LEGAL_TEXTS[to_language(language)]
    return tuple(map(Note, texts, LEGAL_SUBJECTS))


def to_notes(value: object) -> tuple[Note, ...]:
    """The notes of a document: a sequence of Note, or str for notes without subject."""
    if isinstance(value, str | Note) or not isinstance(value, Iterable):
        raise ArgumentTypeError(value, "a sequence of Note", what="notes")
    notes = []
    for item in value:
        if isinstance(item, str):
            item = Note(item)
        if not isinstance(item, Note):
            raise ArgumentTypeError(item, "a Note or a str", what="each note")
        notes.append(item)
    return tuple(notes)
