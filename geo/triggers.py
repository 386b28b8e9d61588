"""The words that say a place changed hands, is fought over, is under pressure or is held.

Each trigger names the kind of claim it makes and where the sentence names the force behind it:
`subject` (the force before the verb: "IS retook…"), `agent` (after "by"/"av": "…was driven out by the
regime") or `inside` (the force is part of the phrase: "under IS-kontroll", "Daesh control").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    kind: str  # capture | loss | contest | pressure | state
    pattern: re.Pattern
    actor: str = "subject"  # subject | agent | inside
    past: bool = False  # a past state ("was held by") tells who held the place before, not now


def _t(kind: str, regex: str, actor: str = "subject", past: bool = False) -> Trigger:
    return Trigger(kind, re.compile(r"(?<![\w-])(?:" + regex + r")(?![\w])", re.IGNORECASE), actor, past)


_FORCE_COMPOUND = r"[A-ZÆØÅ]{2,}-"

TRIGGERS: dict[str, tuple[Trigger, ...]] = {
    "nb": (
        _t("capture", r"(?:gjen)?erobret|(?:gjen)?erobringen\s+av|tatt\s+tilbake(?:\s+kontrollen\s+over)?"
                      r"|tok\s+tilbake(?:\s+kontrollen\s+over)?|tatt\s+kontroll(?:en)?\s+over|tok\s+kontroll(?:en)?\s+over"
                      r"|overtatt\s+kontrollen\s+over|frigjøringen\s+av|frigjorde|frigjort|inntok|inntatt"),
        _t("capture", r"ble\s+drevet\s+ut\s+av", actor="agent"),
        _t("loss", r"mistet(?:\s+kontrollen\s+over)?|mister\s+kontroll(?:en)?\s+over|falt|har\s+måttet\s+oppgi"),
        _t("contest", r"motangrep(?:et)?|gatekamper|kamper\s+(?:nær|i)\s+byens\s+sentrum|kamper\s+inne\s+i\s+byen"),
        _t("pressure", r"rykket(?:\s+\w+)?\s+(?:fram|frem)(?:\s+mot)?|beleiret|beleiringen\s+av|nærmer\s+seg"
                       r"|kilometer\s+fra\s+bygrensa|på\s+offensiven"),
        _t("pressure", r"(?:er|ble|var)\s+omringet", actor="agent"),
        _t("state", r"kontrollerer|fortsatt\s+er\s+kontrollert\s+av|er\s+kontrollert\s+av|holdes\s+av"
                    r"|er\s+(?:fortsatt\s+)?under\s+(?:\S+\s+)?kontroll"),
        _t("state", r"siste\s+(?:bastion|høyborg|lomme)|" + _FORCE_COMPOUND + r"(?:området|kontrollerte\s+området|kontroll)",
           actor="inside"),
        _t("state", r"ble\s+holdt\s+av|var\s+under\s+(?:\S+\s+)?kontroll(?:\s+av)?|kontrollerte\s+tidligere"
                    r"|fungerte\s+som\s+\S+\s+høyborg", actor="inside", past=True),
    ),
    "en": (
        _t("capture", r"retook|retaken|retaking|recaptured?|recapturing|captured|capturing|seized|liberated"
                      r"|liberation\s+of|took\s+(?:back\s+)?control\s+of|took\s+over"),
        _t("capture", r"(?:was|were)\s+(?:driven|pushed)\s+out\s+by|wrested\s+from\s+\S+\s+by", actor="agent"),
        _t("loss", r"lost(?:\s+control\s+of)?|fell|withdrew\s+from"),
        _t("contest", r"counter-?attack(?:ed|ing|s)?|punched\s+back\s+into|fighting\s+inside|street\s+fighting"
                      r"|clashes\s+inside"),
        _t("pressure", r"advancing\s+on|advanced\s+on|besieg(?:ed|ing)|closing\s+in\s+on|offensive\s+on"),
        _t("pressure", r"(?:is|are|was|were)\s+(?:encircled|surrounded)", actor="agent"),
        _t("state", r"controls|control|held\s+by|(?:is|are)\s+(?:still\s+)?under\s+(?:\S+\s+)?control"),
        _t("state", r"last\s+(?:\w+\s+)?(?:bastion|stronghold|pocket)", actor="inside"),
        _t("state", r"(?:to\s+have\s+been|had\s+been|was)\s+under\s+(?:\S+\s+){0,2}control|used\s+to\s+be",
           actor="inside", past=True),
    ),
}

# A capture of part of a town ("40 prosent av byen", "several northern neighborhoods") is a fight over
# it, not a change of hands.
PARTIAL_OBJECT = re.compile(
    r"^[^.;]{0,40}?(?:\d+\s*(?:prosent|percent|%)\s+(?:av|of)|halvparten\s+av|half\s+of|(?:flere|several)\s+(?:\w+\s+)?(?:bydeler|neighbou?rhoods)"
    r"|deler\s+av|parts?\s+of)",
    re.IGNORECASE,
)
# "retook all of" / "hele" says the opposite.
WHOLE_OBJECT = re.compile(r"^\s*(?:hele|all\s+of|the\s+whole\s+of)\b", re.IGNORECASE)

# A claim that something may, will or should happen is not a claim that it did.
HYPOTHETICAL_BEFORE = re.compile(
    r"(?:\bfor\s+å|\bå|\bvil|\bkan|\bskal|\bkunne|\bforsøk\s+på|\bforsøker\s+å|\bto|\bmay|\bmight|\bcould|\bwould"
    r"|\bwill|\bseek\s+to|\bbid\s+to|\battempt\s+to|\btrying\s+to|\bikke|\bnot|\bnever|\baldri)\s+(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)
CONDITIONAL_START = re.compile(r"^\W*(?:faller|hvis|dersom|om|if|should|unless)\b", re.IGNORECASE)
# An event in a clause such as "hours after the group was driven out" is background to the sentence's
# main event: it happened before it, on a day the sentence does not give.
BACKGROUND_BEFORE = re.compile(r"(?:\better\s+at|\bafter|\bsince|\bsiden)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
COMBAT = re.compile(r"\b(?:kampene|kamper|kamphandlingene|fighting|clashes|battle)\b", re.IGNORECASE)

SHARE = re.compile(r"(?P<percent>\d+(?:[.,]\d+)?)\s*(?:prosent|percent|per\s+cent|%)", re.IGNORECASE)
SHARE_LOST = re.compile(r"\b(?:mistet|lost|tapt)\b", re.IGNORECASE)
SHARE_HELD = re.compile(r"\b(?:kontrollerer|controls?|under\s+\S*\s*kontroll|hold|holds)\b", re.IGNORECASE)

# Words that point back to a town named earlier ("byen", "the town"), or to the place the article is about
# ("sin siste bastion", "the pocket").
TOWN_ANAPHOR = re.compile(r"(?<![\w-])(?:byen|byens|grensebyen|the\s+town|the\s+city)(?![\w-])", re.IGNORECASE)
FOCUS_ANAPHOR = re.compile(
    r"(?<![\w-])(?:(?:sin|sitt|deres|its|their)\s+(?:\w+\s+)?(?:siste\s+)?(?:bastion|høyborg|stronghold)|lommen|the\s+pocket)(?![\w-])",
    re.IGNORECASE,
)
REGION_ANAPHOR = re.compile(r"(?<![\w-])(?:provinsen|the\s+province)(?![\w-])", re.IGNORECASE)
PREVIOUS_HOLDER = re.compile(r"^[^.;]{0,60}?\b(?:fra|from)\s+$", re.IGNORECASE)
