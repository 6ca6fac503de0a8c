"""The code lists of EN 16931 that paxbill writes and reads, as sets of codes.

Each list is the standard's own (UNTDID, UN/ECE, CEF) or, for the units of
measure and the subjects of notes, the part of it an installer bills with;
a code outside the set is refused by name rather than written unchecked.
The tests compare each set with the lists the official rules accept.
"""

from __future__ import annotations

__all__ = [
    "ALLOWANCE_REASONS",
    "BUSINESS_PROCESSES",
    "CHARGE_REASONS",
    "EAS_SCHEMES",
    "NOTE_SUBJECTS",
    "UNIT_CODES",
]


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: UNTDID 5189, the reasons of an allowance (BT-98, BT-140).
ALLOWANCE_REASONS = _codes(
    "41 42 60 62 63 64 65 66 67 68 70 71 88 95 100 102 103 104 105"
)

#: UNTDID 7161, the reasons of a charge (BT-105, BT-145), as EN 16931 lists them.
CHARGE_REASONS = _codes(
    """
    AA AAA AAC AAD AAE AAF AAH AAI AAS AAT AAV AAY AAZ ABA ABB ABC ABD ABF ABK
    ABL ABN ABR ABS ABT ABU ACF ACG ACH ACI ACJ ACK ACL ACM ACS ADC ADE ADJ ADK
    ADL ADM ADN ADO ADP ADQ ADR ADT ADW ADY ADZ AEA AEB AEC AED AEF AEH AEI AEJ
    AEK AEL AEM AEN AEO AEP AES AET AEU AEV AEW AEX AEY AEZ AJ AU CA CAB CAD CAE
    CAF CAI CAJ CAK CAL CAM CAN CAO CAP CAQ CAR CAS CAT CAU CAV CAW CAX CAY CAZ
    CD CG CS CT DAB DAD DAC DAF DAG DAH DAI DAJ DAK DAL DAM DAN DAO DAP DAQ DL EG
    EP ER FAA FAB FAC FC FH FI GAA HAA HD HH IAA IAB ID IF IR IS KO L1 LA LAA LAB
    LF MAE MI ML NAA OA PA PAA PC PL PRV RAB RAC RAD RAF RE RF RH RV SA SAA SAD
    SAE SAI SG SH SM SU TAB TAC TT TV V1 V2 WH XAA YY ZZZ
    """
)

#: UN/ECE recommendation 20, the units an installer bills in (BT-130): one
#: (C62), piece, set, lump sum, hours, days, weeks, months, years, minutes,
#: kilometres, metres, kilograms, litres, kilowatt-hours, and their kin.
UNIT_CODES = _codes(
    """
    C62 H87 EA SET LS PR NAR XPK XBX
    SEC MIN HUR DAY WEE MON QAN ANN
    MTR KMT CMT MMT MTK MTQ KGM GRM TNE LTR
    KWH KWT WTT MWH
    E48 IE ACT
    """
)

#: The CEF Electronic Address Scheme codes (BT-34-1, BT-49-1).
EAS_SCHEMES = _codes(
    """
    0002 0007 0009 0037 0060 0088 0096 0097 0106 0130 0135 0142 0147 0151 0154
    0158 0170 0177 0183 0184 0188 0190 0191 0192 0193 0194 0195 0196 0198 0199
    0200 0201 0202 0203 0204 0205 0208 0209 0210 0211 0212 0213 0215 0216 0217
    0218 0219 0220 0221 0225 0230 0235 0240 0242 0244 0245 0246 0248
    9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929
    9930 9931 9932 9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944
    9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959
    AN AQ AS AU EM
    """
)

#: UNTDID 4451, the subjects of an invoice's notes (BT-21) invoices carry:
#: general (AAI), payment terms (AAB: discount for early payment), penalties
#: (PMD) and the recovery indemnity (PMT) of French law, legal (ABL),
#: regulatory (REG), tax (TXD), the seller's (SUR), and the French BAR.
NOTE_SUBJECTS = _codes("AAA AAB AAC AAI AAJ ABL ACB ADU BAR CUS PMD PMT REG SUR TXD")

#: The French frameworks of invoicing (BT-23, « cadre de facturation »):
#: B for goods, S for services, M for both, and the case (1 an invoice,
#: 2 already paid, 4 final after a deposit, ...).
BUSINESS_PROCESSES = _codes(
    "B1 S1 M1 B2 S2 M2 S3 B4 S4 M4 S5 S6 B7 S7 B8 S8 M8 B9 S9 M9"
)
