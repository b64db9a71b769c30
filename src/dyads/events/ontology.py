"""The PLOVER ontology: 16 event types, their modes, contexts and cooperation-conflict scores.

Source: the PLOVER manual (../shared/reference/PLOVER_MANUAL.tex), table
"PLOVER conflict--cooperation scores". Mode names are lower case as in the manual.
"""

from __future__ import annotations

# Score of each type (key None) and of each mode. The manual prints ACCUSE's base score
# as +3; every ACCUSE mode is negative and ACCUSE is verbal conflict, so +3 is a typo: -3.
SCORES: dict[str, dict[str | None, float]] = {
    "AGREE": {None: 2.5},
    "CONSULT": {None: 2.5, "visit": 4, "third-party": 1, "multilateral": 4, "phone": 1.5},
    "SUPPORT": {None: 5},
    "CONCEDE": {None: 4.5},
    "COOPERATE": {None: 9.5},
    "AID": {None: 10},
    "RETREAT": {None: 6.5, "withdraw": 8, "release": 6.5, "disarm": 10, "ceasefire": 7.5,
                "access": 6.5, "resign": 4.5},
    "REQUEST": {None: 0, "assist": 0.5, "change": -1, "yield": -1, "meet": 0},
    "ACCUSE": {None: -3, "disapprove": -2, "investigate": -3.5, "allege": -3.5},
    "REJECT": {None: -2, "assist": -1.5, "change": -2, "yield": -2, "meet": -2},
    "THREATEN": {None: -3.5, "restrict": -3, "arrest": -3.5, "relations": -3.5, "expel": -3.5,
                 "territory": -4, "violence": -3.5},
    "PROTEST": {None: -5, "demo": -5, "riot": -7, "strike": -5, "hunger": -4.5, "boycott": -4.5,
                "obstruct": -4.5},
    "SANCTION": {None: -6, "convict": -6, "expel": -5.5, "withdraw": -6, "discontinue": -6},
    "MOBILIZE": {None: -5.5, "troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6},
    "COERCE": {None: -7, "seize": -7, "restrict": -7, "censor": -6.5, "curfew": -6.5,
               "martial-law": -7.5, "arrest": -7, "deport": -7, "withhold": -7,
               "misinformation": -6.5, "cyber": -7},
    "ASSAULT": {None: -9, "abduct": -8.5, "beat": -7.5, "torture": -8.5, "sexual": -8.5,
                "targeted": -9.5, "destroy": -8.5, "primitive": -8, "firearms": -9,
                "explosives": -9, "suicide-attack": -9.5, "aerial": -9.5, "drone": -9.5,
                "heavy-weapons": -9.5, "crowd-control": -7.5, "unconventional": -10},
}

EVENT_TYPES: tuple[str, ...] = tuple(SCORES)

MODES: dict[str, tuple[str, ...]] = {t: tuple(m for m in s if m is not None) for t, s in SCORES.items()}

QUAD: dict[str, str] = {
    **dict.fromkeys(["AGREE", "CONSULT", "SUPPORT", "CONCEDE"], "verbal cooperation"),
    **dict.fromkeys(["COOPERATE", "AID", "RETREAT"], "material cooperation"),
    **dict.fromkeys(["REQUEST", "ACCUSE", "REJECT", "THREATEN"], "verbal conflict"),
    **dict.fromkeys(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"], "material conflict"),
}

# Types for which the manual says a recipient is required.
REQUIRES_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})

CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
)

STATUSES: tuple[str, ...] = ("occurred", "future", "hypothetical", "negated", "historical", "claimed")

# PLOVER 0.5 names still found in older gold data, mapped to the current 16 types.
LEGACY_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
                "YIELD": "CONCEDE", "ENGAGE": "COOPERATE", "INVESTIGATE": "ACCUSE"}


def score(event_type: str, mode: str | None = None) -> float | None:
    """The PLOVER cooperation-conflict score of a type and mode (the type's score if the mode has none)."""
    table = SCORES.get(event_type)
    if table is None:
        return None
    return float(table.get(mode, table[None]))
