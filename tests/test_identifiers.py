"""Tests for identifiers, payment instructions, allowances and units: bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from paxbill import (
    Allowance,
    ArgumentTypeError,
    Charge,
    ClientInvoice,
    ClientInvoiceLine,
    InvalidAmountError,
    InvalidIdentifierError,
    InvalidPartyError,
    Money,
    Party,
    PaxbillError,
    PaymentInstructions,
    PaymentMeans,
)
from paxbill.clients.invoicing._identifiers import to_bic, to_iban, to_siren, to_siret
from paxbill.clients.invoicing.payment_instructions import to_payment_means
from tests.examples import MEANS, eur, refusal


def test_a_siren_with_a_wrong_check_digit_is_refused() -> None:
    """732 829 320 passes Luhn; 732 829 321 does not, nor a SIRET of it."""
    assert Party("A", "FR", legal_id="732 829 320").legal_id == "732829320"
    with pytest.raises(InvalidIdentifierError, match="wrong check digit") as caught:
        Party("A", "FR", legal_id="732829321")
    assert (caught.value.kind, isinstance(caught.value, ValueError)) == ("SIREN", True)
    with pytest.raises(InvalidIdentifierError, match="SIRET"):
        Party("A", "FR", legal_id="73282932000075")
    with pytest.raises(InvalidIdentifierError, match="nine digits"):
        Party("A", "FR", legal_id="73282932")


def test_a_siret_gives_its_siren_and_must_start_with_it() -> None:
    """A SIRET of fourteen digits is kept, and its first nine are the SIREN."""
    party = Party("A", "FR", legal_id="73282932000074")
    assert (party.legal_id, party.siret) == ("732829320", "73282932000074")
    assert Party("A", "FR", siret="73282932000074").legal_id == "732829320"
    with pytest.raises(InvalidIdentifierError, match="does not start with"):
        Party("A", "FR", legal_id="303265045", siret="73282932000074")


def test_a_foreign_legal_id_is_kept_as_given() -> None:
    """Outside France the registration is any identifier, spaces dropped."""
    assert Party("A", "DE", legal_id="HRB 12345").legal_id == "HRB12345"


def test_an_iban_with_a_wrong_check_is_refused() -> None:
    """FR76 3000 6000 0112 3456 7890 189 is an IBAN; one digit changed is not."""
    good = PaymentInstructions(iban="fr76 3000 6000 0112 3456 7890 189")
    assert good.iban == "FR7630006000011234567890189"
    with pytest.raises(InvalidIdentifierError, match="wrong check digits") as caught:
        PaymentInstructions(iban="FR7630006000011234567890188")
    assert caught.value.kind == "IBAN"
    with pytest.raises(InvalidIdentifierError, match="BR-61"):
        PaymentInstructions("credit_transfer")


def test_a_bic_and_a_creditor_identifier_are_checked() -> None:
    """A BIC has 8 or 11 characters and a country; a creditor id its mod 97 digits."""
    iban = "DE89370400440532013000"
    assert PaymentInstructions(iban=iban, bic="cobadeff").bic == "COBADEFF"
    for wrong in ("COBA", "COBAZZFF", "COBADEFFX"):
        with pytest.raises(InvalidIdentifierError, match="BIC"):
            PaymentInstructions(iban=iban, bic=wrong)
    debit = PaymentInstructions(
        "direct_debit", mandate="M-1", creditor_id="FR72ZZZ123456"
    )
    assert debit.is_direct_debit
    with pytest.raises(InvalidIdentifierError, match="wrong check digits"):
        PaymentInstructions("direct_debit", mandate="M-1", creditor_id="FR73ZZZ123456")
    with pytest.raises(InvalidIdentifierError, match="mandate"):
        PaymentInstructions("direct_debit", creditor_id="FR72ZZZ123456")
    # UBL states a BIC inside the account it belongs to (BT-84, BT-86).
    with pytest.raises(InvalidIdentifierError, match="without the IBAN"):
        PaymentInstructions("cheque", bic="COBADEFF")


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("732829320", "no scheme"),
        ("9999:732829320", "not a CEF EAS code"),
        ("0225:", "without spaces"),
        ("0225:7328 29320", "without spaces"),
        ("0225:" + "1" * 126, "1 to 125"),
    ],
)
def test_an_electronic_address_needs_a_known_scheme(address: str, reason: str) -> None:
    """BT-34 and BT-49 are 'SCHEME:ID', the scheme from the CEF EAS list."""
    with pytest.raises(InvalidIdentifierError, match=reason):
        Party("A", "FR", electronic_address=address)
    assert Party(
        "A", "FR", electronic_address=" 0225:732829320 "
    ).electronic_address == ("0225:732829320")


def test_a_vat_identifier_starts_with_its_country() -> None:
    """BR-CO-09: 'FR...' or Greece's 'EL...', never digits alone."""
    assert Party("A", "GR", vat_id="EL123456789").vat_id == "EL123456789"
    assert Party("A", "FR", vat_id=" fr 403 032 650 45 ").vat_id == "FR40303265045"
    # The country and at least one character: 'DE1' is one, 'DE' alone is not.
    assert Party("A", "DE", vat_id="DE1").vat_id == "DE1"
    with pytest.raises(InvalidPartyError, match="BR-CO-09"):
        Party("A", "DE", vat_id="DE")
    with pytest.raises(InvalidPartyError, match="BR-CO-09"):
        Party("A", "FR", vat_id="40303265045")


def test_a_fourth_address_line_is_refused() -> None:
    """EN 16931 has three address lines; post code and city stand apart."""
    with pytest.raises(InvalidPartyError, match="at most 3"):
        Party("A", "FR", address=["1", "2", "3", "4"])


def test_an_allowance_larger_than_its_base_is_refused() -> None:
    """5 % of 459.00 is 22.95; 120 % of a base, or 500.00 on 459.00, is refused."""
    assert Allowance("Remise", percent=5, base=eur("459.00")).amount == eur("22.95")
    with pytest.raises(InvalidAmountError, match="larger than its base"):
        Allowance("Remise", percent=120, base=eur("459.00"))
    with pytest.raises(InvalidAmountError, match="is not 5 %"):
        Allowance("Remise", eur("23.00"), percent=5, base=eur("459.00"))
    # A percent without a base takes the sum of the lines: 5 % of 459.00.
    lines = [ClientInvoiceLine("Entry app users", 45, eur("10.20"), "S", "20")]
    seller = Party("Dupont", "FR", vat_id="FR40303265045")
    wrong = Allowance("Remise", eur("23.00"), percent=5)
    with pytest.raises(InvalidAmountError, match=r"is not 5 % of 459\.00 EUR"):
        ClientInvoice(
            "F1", dt.date(2024, 1, 1), seller, seller, lines, allowances=[wrong]
        )
    with pytest.raises(InvalidAmountError, match="neither an amount nor a percent"):
        Allowance("Remise")
    with pytest.raises(ArgumentTypeError, match="reason"):
        Charge(None, eur("1.00"))


@pytest.mark.parametrize(
    ("kind", "code", "good"),
    [(Allowance, "1", "95"), (Charge, "XYZ", "SAA")],
)
def test_a_reason_code_outside_its_list_is_refused(
    kind: type[Allowance] | type[Charge], code: str, good: str
) -> None:
    """Allowances take UNTDID 5189 codes, charges UNTDID 7161 codes."""
    assert kind("x", eur("1.00"), reason_code=good).reason_code == good
    with pytest.raises(InvalidAmountError, match="UNTDID"):
        kind("x", eur("1.00"), reason_code=code)


def test_an_unknown_unit_code_is_refused() -> None:
    """A line's unit is a UN/ECE Rec 20 code: months, hours, one."""
    assert ClientInvoiceLine(
        "X", 3, eur("1.00"), "S", "20", unit_code="mon"
    ).unit_code == ("MON")
    with pytest.raises(InvalidIdentifierError, match="Rec 20") as caught:
        ClientInvoiceLine("X", 3, eur("1.00"), "S", "20", unit_code="MONTHS")
    assert caught.value.kind == "unit code"


def test_a_line_allowance_takes_the_line_s_vat() -> None:
    """10 % off 3 x 100.00: 270.00 net; a rate on a line's allowance is refused."""
    line = ClientInvoiceLine(
        "X", 3, eur("100.00"), "S", "20", allowances=[Allowance("R", percent=10)]
    )
    assert line.net_amount == eur("270.00")
    with pytest.raises(InvalidAmountError, match="takes the line's"):
        ClientInvoiceLine(
            "X",
            3,
            eur("100.00"),
            "S",
            "20",
            allowances=[Allowance("R", eur("1"), rate="20")],
        )
    with pytest.raises(ArgumentTypeError):
        Party("A", "FR", share_capital="10000")  # type: ignore[arg-type]
    assert Party("A", "FR", share_capital=Money("10000", "EUR")).share_capital


def test_the_code_lists_are_the_official_ones() -> None:
    """Each code paxbill accepts is one the official EN 16931 rules accept."""
    from paxbill.clients.invoicing._code_lists import (
        ALLOWANCE_REASONS,
        CHARGE_REASONS,
        EAS_SCHEMES,
        UNIT_CODES,
    )
    from tests.official_rules import rules_file

    path = rules_file("en16931-cii")
    if path is None:
        pytest.skip("the official rules are not installed")
    text = path.read_text(encoding="utf-8")
    for rule, codes in (
        ("BR-CL-19", ALLOWANCE_REASONS),
        ("BR-CL-20", CHARGE_REASONS),
        ("BR-CL-25", EAS_SCHEMES),
        ("BR-CL-23", UNIT_CODES),
    ):
        at = text.index(f"[{rule}]")
        start = text.rindex("<xsl:when test=", 0, at)
        official = set(
            text[start:at].split("contains('", 1)[1].split("'", 1)[0].split()
        )
        assert codes <= official, (rule, codes - official)


@pytest.mark.parametrize(
    ("creditor", "message"),
    [
        ("FR72", "creditor identifier 'FR72' is not a SEPA creditor identifier"),
        ("FR72ZZZ", "creditor identifier 'FR72ZZZ' is not a SEPA creditor identifier"),
        (
            "FR73ZZZ123456",
            "creditor identifier 'FR73ZZZ123456' has wrong check digits",
        ),
        (123, "creditor identifier must be a str, not int 123"),
    ],
)
def test_a_creditor_identifier_is_refused_in_words(
    creditor: object, message: str
) -> None:
    with pytest.raises(PaxbillError) as refused:
        PaymentInstructions("direct_debit", mandate="M-1", creditor_id=creditor)
    assert str(refused.value) == message


def test_a_creditor_identifier_is_read_without_spaces_in_capitals() -> None:
    debit = PaymentInstructions(
        "direct_debit", mandate="M-1", creditor_id="fr72 zzz 123456"
    )
    assert debit.creditor_id == "FR72ZZZ123456"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"amount": "10.00"}, "amount must be a Money or None, not str '10.00'"),
        ({"amount": eur("-1.00")}, "amount Money('-1.00', 'EUR') is negative"),
        (
            {"percent": "10", "base": "100.00"},
            "base must be a Money or None, not str '100.00'",
        ),
        (
            {"percent": "10", "base": eur("-1.00")},
            "base Money('-1.00', 'EUR') is negative",
        ),
    ],
)
def test_an_allowance_s_amounts_are_refused_in_words(
    given: dict[str, object], message: str
) -> None:
    with pytest.raises(PaxbillError) as refused:
        Allowance("Remise", **given)  # type: ignore[arg-type]
    assert str(refused.value) == message


def test_an_allowance_of_nothing_is_an_allowance() -> None:
    """Zero is not negative: an allowance of 0.00, or 10 % of 0.00, is taken."""
    assert Allowance("Remise", eur("0.00")).amount == eur("0.00")
    assert Allowance("Remise", percent="10", base=eur("0.00")).amount == eur("0.00")


_NUMBER = (
    "a str such as '2.55', an int or a decimal.Decimal "
    "(pass a string or a Decimal, never a float)"
)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: Allowance(None),
            "reason must be a reason or a reason code (BR-33, BR-38), "
            "not NoneType None",
        ),
        (lambda: Allowance(5), "reason must be a str or None, not int 5"),
        (
            lambda: Allowance("Remise", eur("1.00"), reason_code="ZZ"),
            "allowance reason code 'ZZ' is not a code of UNTDID 5189, such as "
            "'95' (discount)",
        ),
        (
            lambda: Charge("Port", eur("1.00"), reason_code="ZZ"),
            "charge reason code 'ZZ' is not a code of UNTDID 7161, such as 'SAA' "
            "(installation) or 'FC'",
        ),
        (
            lambda: Allowance("Remise"),
            "allowance has neither an amount nor a percent: give one",
        ),
        (
            lambda: Charge("Port"),
            "charge has neither an amount nor a percent: give one",
        ),
        (
            lambda: Allowance("Remise", eur("1.00"), base=eur("10.00")),
            "allowance base Money('10.00', 'EUR') is given without a percent",
        ),
        (
            lambda: Allowance(
                "Remise", eur("1.00"), percent="10", base=Money("10.00", "USD")
            ),
            "cannot work out the allowance of USD and EUR: convert one of them "
            "first with an exchange rate; paxbill never converts implicitly",
        ),
        (
            lambda: Charge("Port", eur("1.00"), percent="10", base=Money("10", "USD")),
            "cannot work out the charge of USD and EUR: convert one of them "
            "first with an exchange rate; paxbill never converts implicitly",
        ),
        (
            lambda: Allowance("Remise", eur("2.00"), percent="10", base=eur("10.00")),
            "allowance amount Money('2.00', 'EUR') is not 10 % of 10.00 EUR (1.00 EUR)",
        ),
        (
            lambda: Allowance("Remise", percent="-1", base=eur("10.00")),
            "percent '-1' is negative",
        ),
        (
            lambda: Allowance("Remise", percent=1.5, base=eur("10.00")),
            f"percent must be {_NUMBER}, not float 1.5",
        ),
        (
            lambda: Allowance("Remise", eur("1.00"), rate=20.0),
            f"VAT rate must be {_NUMBER}, not float 20.0",
        ),
        (
            lambda: Allowance("Remise", eur("11.00"), percent="110", base=eur("10.00")),
            "allowance Money('11.00', 'EUR') is larger than its base 10.00 EUR",
        ),
        (
            lambda: Allowance("Remise", percent="10").signed,
            "allowance is not worked out: it has no base yet",
        ),
        (
            lambda: Charge("Port", percent="10").signed,
            "charge is not worked out: it has no base yet",
        ),
    ],
)
def test_an_adjustment_is_refused_in_words(
    call: Callable[[], object], message: str
) -> None:
    assert refusal(call) == message


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (1.5, "reason_code must be a str, an int or None, not float 1.5"),
        (True, "reason_code must be a str, an int or None, not bool True"),
        (
            " saa ",
            "allowance reason code 'SAA' is not a code of UNTDID 5189, such as "
            "'95' (discount)",
        ),
    ],
)
def test_a_reason_code_is_refused_in_words(code: object, message: str) -> None:
    assert refusal(lambda: Allowance("R", eur("1.00"), reason_code=code)) == message


def test_an_adjustment_s_reason_is_text_an_e_invoice_carries() -> None:
    assert refusal(lambda: Charge("Port\x07", eur("1.00"))) == (
        "reason holds U+0007, a character an e-invoice cannot carry: remove it"
    )
    assert Charge("  ", eur("1.00"), reason_code="SAA").reason is None


def test_an_adjustment_s_vat_rate_by_category() -> None:
    """Z, E, AE and K carry 0 %; O none; S a rate above 0, or the lines' later."""
    assert Allowance("R", eur("1.00"), reason_code=95).reason_code == "95"
    rates = {
        category: Allowance("R", eur("1.00"), category=category).rate
        for category in ("S", "Z", "E", "AE", "K", "O")
    }
    assert rates == {
        "S": None,
        "Z": Decimal(0),
        "E": Decimal(0),
        "AE": Decimal(0),
        "K": Decimal(0),
        "O": None,
    }
    assert refusal(lambda: Allowance("R", eur("1.00"), rate="0")) == (
        "VAT rate 0 for category S is 0: use category Z (zero rated) or E"
    )
    assert refusal(lambda: Charge("P", eur("1.00"), category="Z", rate="5")) == (
        "VAT rate 5 for category Z is not 0: this category carries no tax"
    )


def test_working_out_an_adjustment_changes_only_what_it_lacks() -> None:
    """The base of a percentage without one; the rate of a standard one without."""
    base, twenty = eur("10.00"), Decimal(20)
    fixed = Allowance("R", eur("1.00"), rate="5.5")
    assert fixed.worked_out(base, twenty) is fixed
    outside = Allowance("R", eur("1.00"), category="O")
    assert outside.worked_out(base, twenty).rate is None
    standard = Allowance("R", percent="10").worked_out(base, twenty)
    assert (standard.base, standard.amount, standard.rate) == (
        base,
        eur("1.00"),
        twenty,
    )


def test_an_adjustment_s_sign_and_a_charge_beyond_its_base() -> None:
    """An allowance lowers the total, a charge raises it, even beyond its base."""
    assert Allowance("Remise", eur("1.00")).signed == eur("-1.00")
    assert Charge("Port", eur("1.00")).signed == eur("1.00")
    charge = Charge("Port", eur("12.00"), percent="120", base=eur("10.00"))
    assert charge.amount == eur("12.00")  # 120 % of 10.00
    assert Allowance("Remise", percent="10", base=eur("10.00")).amount == eur("1.00")


_ADDRESS = (
    "electronic address '0225:{}' needs an identifier of 1 to 125 "
    "characters without spaces"
)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("vat_id", 5, "vat_id must be a str or None, not int 5"),
        (
            "vat_id",
            "40303265045",
            "party: '40303265045' is not a VAT identifier: it starts with its "
            "country's code, such as 'FR' in 'FR40303265045' (BR-CO-09)",
        ),
        (
            "vat_id",
            "FR!!",
            "party: 'FR!!' is not a VAT identifier: letters and digits only, such "
            "as 'FR40303265045'",
        ),
        ("address", "1 rue", "address must be a sequence of str, not str '1 rue'"),
        ("address", ["1 rue", 5], "each address line must be a str, not int 5"),
        (
            "address",
            ["1", "2", "3", "4"],
            "party: ['1', '2', '3', '4'] has 4 lines: an address has at most 3 "
            "besides the post code, the city and the country; give those as "
            "postcode and city",
        ),
        ("postcode", 5, "postcode must be a str or None, not int 5"),
        ("city", 5, "city must be a str or None, not int 5"),
        ("siret", 5, "siret must be a str or None, not int 5"),
        ("legal_form", 5, "legal_form must be a str or None, not int 5"),
        ("registry", 5, "registry must be a str or None, not int 5"),
        (
            "legal_id",
            "12 34 56 78 0",
            "SIREN '123456780' has a wrong check digit",
        ),
        ("legal_id", 5, "legal_id must be a str or None, not int 5"),
        (
            "siret",
            "73282932000074",
            "SIRET '73282932000074' does not start with the SIREN 303265045",
        ),
        (
            "legal_id",
            "ABC!",
            "legal_id 'ABC!' is not an identifier: letters, digits and + - _ . /",
        ),
        (
            "share_capital",
            "1000",
            "share_capital must be a Money or None, not str '1000'",
        ),
        (
            "electronic_address",
            5,
            "electronic_address must be a str such as '0225:732829320', not int 5",
        ),
        (
            "electronic_address",
            "732829320",
            "electronic address '732829320' has no scheme: write it 'SCHEME:ID', "
            "such as '0225:732829320'",
        ),
        (
            "electronic_address",
            "9999:1",
            "electronic address '9999:1' has the scheme '9999', which is not a CEF "
            "EAS code such as '0225' (French SIREN) or '0088' (GLN)",
        ),
        ("electronic_address", "0225:", _ADDRESS.format("")),
        ("electronic_address", "0225:a b", _ADDRESS.format("a b")),
        ("electronic_address", "0225:" + "1" * 126, _ADDRESS.format("1" * 126)),
    ],
)
def test_a_party_s_field_is_refused_in_words(
    field: str, value: object, message: str
) -> None:
    # Beside a SIREN, so that a SIRET is checked against it.
    given = {"legal_id": "303265045", field: value}
    with pytest.raises(PaxbillError) as refused:
        Party("Dupont", "FR", **given)  # type: ignore[arg-type]
    assert str(refused.value) == message


def test_a_siret_given_beside_a_siret_as_legal_id_is_kept() -> None:
    """Two establishments of 732 829 320: the SIRET given is the one kept."""
    party = Party("A", "FR", legal_id="73282932000074", siret="73282932000082")
    assert (party.legal_id, party.siret) == ("732829320", "73282932000082")


def test_an_electronic_address_is_read_without_spaces_around_its_parts() -> None:
    party = Party("Dupont", "FR", electronic_address=" 0225 : 732829320 ")
    assert party.electronic_address == "0225:732829320"
    # The CEF EAS schemes of letters, such as EM (e-mail), in capitals.
    mail = Party("Dupont", "FR", electronic_address="em:factures@dupont.fr")
    assert mail.electronic_address == "EM:factures@dupont.fr"
    longest = Party("Dupont", "FR", electronic_address="0225:" + "1" * 125)
    assert longest.electronic_address == "0225:" + "1" * 125


#: 732829320 in Arabic-Indic digits, which str.isdigit takes for digits.
_ARABIC_INDIC_SIREN = "".join(chr(0x0660 + int(d)) for d in "732829320")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: to_siren(5), "SIREN must be a str, not int 5"),
        (lambda: to_siren("73282932"), "SIREN '73282932' is not nine digits"),
        (lambda: to_siren("7328293200"), "SIREN '7328293200' is not nine digits"),
        (lambda: to_siren("73282932a"), "SIREN '73282932a' is not nine digits"),
        # Arabic-Indic digits are digits to str.isdigit, not to a SIREN.
        (
            lambda: to_siren(_ARABIC_INDIC_SIREN),
            f"SIREN '{_ARABIC_INDIC_SIREN}' is not nine digits",
        ),
        (lambda: to_siren("732829321"), "SIREN '732829321' has a wrong check digit"),
        (lambda: to_siret(None), "SIRET must be a str, not NoneType None"),
        (
            lambda: to_siret("7328293200007"),
            "SIRET '7328293200007' is not fourteen digits",
        ),
        (
            lambda: to_siret("7328293200007a"),
            "SIRET '7328293200007a' is not fourteen digits",
        ),
        (
            lambda: to_siret("7328293200007\u0664"),
            "SIRET '7328293200007\u0664' is not fourteen digits",
        ),
        # The SIREN inside is checked first, then the whole SIRET.
        (
            lambda: to_siret("73282932100074"),
            "SIREN '732829321' has a wrong check digit",
        ),
        (
            lambda: to_siret("73282932000075"),
            "SIRET '73282932000075' has a wrong check digit",
        ),
        (lambda: to_iban(5), "IBAN must be a str, not int 5"),
        (
            lambda: to_iban("FR76"),
            "IBAN 'FR76' is not an IBAN: a country, two check digits, an account",
        ),
        (
            lambda: to_iban("FR763000600001123456789018\u0669"),
            "IBAN 'FR763000600001123456789018\u0669' is not an IBAN: a country, two "
            "check digits, an account",
        ),
        (
            lambda: to_iban("FR7630006000011234567890188"),
            "IBAN 'FR7630006000011234567890188' has wrong check digits",
        ),
        (lambda: to_bic(5), "BIC must be a str, not int 5"),
        (
            lambda: to_bic("COBADEF"),
            "BIC 'COBADEF' is not a BIC of 8 or 11 letters and digits",
        ),
        (
            lambda: to_bic("COBADEFFXX"),
            "BIC 'COBADEFFXX' is not a BIC of 8 or 11 letters and digits",
        ),
        (
            lambda: to_bic("COBADEFF\u0661\u0662\u0663"),
            "BIC 'COBADEFF\u0661\u0662\u0663' is not a BIC of 8 or 11 letters "
            "and digits",
        ),
        (lambda: to_bic("COBAZZFF"), "BIC 'COBAZZFF' names no country"),
        (
            lambda: PaymentInstructions(5),
            f"means must be {MEANS}, not int 5",
        ),
        (
            lambda: PaymentInstructions("wire"),
            f"means must be {MEANS}, not str 'wire'",
        ),
        (
            lambda: PaymentInstructions("credit_transfer"),
            "IBAN is missing: a credit transfer names the account (BR-61)",
        ),
        (
            lambda: PaymentInstructions("sepa_credit_transfer"),
            "IBAN is missing: a credit transfer names the account (BR-61)",
        ),
        (
            lambda: PaymentInstructions("cheque", bic="COBADEFF"),
            "BIC 'COBADEFF' is given without the IBAN of its account (BT-84)",
        ),
        (
            lambda: PaymentInstructions("direct_debit", mandate="M-1"),
            "direct debit needs its mandate reference and the creditor "
            "identifier (BT-89, BT-90)",
        ),
        (
            lambda: PaymentInstructions("direct_debit", creditor_id="FR72ZZZ123456"),
            "direct debit needs its mandate reference and the creditor "
            "identifier (BT-89, BT-90)",
        ),
        (
            lambda: PaymentInstructions("cash", iban=5),
            "IBAN must be a str, not int 5",
        ),
        (
            lambda: PaymentInstructions("cash", bic=5),
            "BIC must be a str, not int 5",
        ),
        (
            lambda: PaymentInstructions("cash", account_name=""),
            "account_name must be a non-empty str or None, not str ''",
        ),
        (
            lambda: PaymentInstructions("cash", account_name=5),
            "account_name must be a non-empty str or None, not int 5",
        ),
        (
            lambda: PaymentInstructions("cash", account_name="A\x01"),
            "account_name holds U+0001, a character an e-invoice cannot carry: "
            "remove it",
        ),
        (
            lambda: PaymentInstructions("cash", mandate=" "),
            "mandate must be a non-empty str or None, not str ' '",
        ),
        (
            lambda: PaymentInstructions("cash", remittance=5),
            "remittance must be a non-empty str or None, not int 5",
        ),
        (
            lambda: PaymentInstructions("cash", creditor_id=5),
            "creditor identifier must be a str, not int 5",
        ),
        (
            lambda: to_payment_means("wire"),
            f"method must be {MEANS}, not str 'wire'",
        ),
    ],
)
def test_identifiers_and_payment_instructions_are_refused_in_words(
    call: Callable[[], object], message: str
) -> None:
    assert refusal(call) == message


def test_payment_instructions_read_the_means_and_texts_people_write() -> None:
    """Means by their name in any case, with spaces or hyphens, or a synonym."""
    assert [
        to_payment_means(word)
        for word in (" Bank-Transfer ", "CHECK", "Credit card", "transfer", "Card")
    ] == [
        PaymentMeans.CREDIT_TRANSFER,
        PaymentMeans.CHEQUE,
        PaymentMeans.CARD,
        PaymentMeans.CREDIT_TRANSFER,
        PaymentMeans.CARD,
    ]
    # UNTDID 4461: 10 cash, 20 cheque, 30 credit transfer, 48 card, 58 SEPA
    # credit transfer, 59 SEPA direct debit; a transfer names the account.
    table = {
        PaymentMeans.CASH: ("10", False),
        PaymentMeans.CHEQUE: ("20", False),
        PaymentMeans.CREDIT_TRANSFER: ("30", True),
        PaymentMeans.CARD: ("48", False),
        PaymentMeans.SEPA_CREDIT_TRANSFER: ("58", True),
        PaymentMeans.SEPA_DIRECT_DEBIT: ("59", False),
    }
    for means, (code, transfer) in table.items():
        assert (means.code, means.is_transfer) == (code, transfer)
        assert PaymentMeans.from_code(code) is means
    cash = PaymentInstructions(
        "cash", account_name=" Dupont ", mandate=" M-1 ", remittance=" R-1 "
    )
    texts = (cash.account_name, cash.mandate, cash.remittance)
    assert texts == ("Dupont", "M-1", "R-1")
    assert not cash.is_direct_debit
    default = PaymentInstructions(iban="FR7630006000011234567890189")
    assert default.means is PaymentMeans.SEPA_CREDIT_TRANSFER
