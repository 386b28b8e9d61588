"""What the pipeline knows about each language it reads, one module per language (`geo/lang/<code>.py`).

A language module holds words only: the predicates that say a place changed hands, the cue words of
modality, negation, denial and background, the nouns that make a name a landmark or a region, the words of
datelines and captions, and the vocabulary and phrase shapes of dates. The engines (`geo.triggers`,
`geo.events`, `geo.dates`) never name a language: they ask `for_language(code)` for these words, so adding
Swedish is adding `geo/lang/sv.py` with a `LANGUAGE = Language(...)` in it.

Word lists are regular-expression fragments (alternations such as ``"not|never|no\\s+longer"``), matched
case-insensitively on word boundaries unless a field says otherwise.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache

# Kinds of claim a predicate makes.
CAPTURE, LOSS, FALL, CONTEST, PRESSURE, STATE = "capture", "loss", "fall", "contest", "pressure", "state"


@dataclass(frozen=True)
class Predicate:
    """Words that say something happened to a place, and how the sentence around them names who and where.

    `form` says where the place and the force stand:

    - ``verb``: a verb; active ("IS seized Mosul": the force before it, the place after it) or passive
      ("Mosul was seized by IS", "byen ble inntatt av IS": the place is the clause's subject, the force
      follows the language's agent word), told apart by the words around it;
    - ``drive``: "drove IS out of Manbij", "drev IS ut av byen": the force driven out stands between the
      verb and the language's `out_of` words, the place after them;
    - ``noun``: "the liberation of Raqqa", "erobringen av Shirqat": the place follows, the taker is named
      by the agent word, by a force before the noun, or by the rest of the sentence;
    - ``holder``: "in IS hands", "under IS-kontroll": the holder is inside the phrase, the place is the
      clause's subject (or follows it);
    - ``attribute``: "IS-held", "SDF-kontrollerte": the holder is glued on, the place follows;
    - ``epithet``: "IS's last stronghold", "siste bastion": says who held a place, but only as the
      holder before a change the same sentence reports (never a change of its own).

    `liberation`: the place is freed *from* someone ("liberated from IS control"); whoever it is freed from
    is the loser, and a force that does not liberate (`liberates: false` in data/forces.yaml) never is
    the taker. `passive`: the words themselves are passive ("held by", "ble drevet ut av … av").
    `entry`: entering a place ("stormed", "rykket inn i"): the place is fought over, not taken.
    """

    kind: str
    pattern: str
    form: str = "verb"
    liberation: bool = False
    passive: bool = False
    entry: bool = False


@dataclass(frozen=True)
class DateRule:
    """One shape of date phrase: the handler of `geo.dates` that resolves it (by name: "day_month",
    "month", "season", "year", "earlier_year", "relative_year", "relative_month", "week", "ago", "anchored",
    "day", "weekday"), its regex with the group names that handler reads, whether it may point forward ("innen
    april", "by April": `geo.dates` checks the words before it) and whether it ignores case."""

    handler: str
    pattern: str
    forward: bool = False
    ignore_case: bool = True


@dataclass(frozen=True)
class DateWords:
    """The words and shapes of date phrases. Keys of the word maps are lower-case."""

    weekdays: dict[str, int]
    months: dict[str, int]
    month_abbreviations: dict[str, int]  # accepted only next to a day number ("2. nov.", "Nov. 4")
    seasons: dict[str, int]  # every season word (with or without article) → first month of the season
    numbers: dict[str, int]
    rules: tuple[DateRule, ...]  # most specific first (that order only breaks ties between equal spans)
    forward_before: str  # words before a date that make it a deadline or plan ("innen", "by", "next")
    late_in_day: tuple[str, ...]  # "kveld", "night": an event then shows from the next day
    night_before: str = r"(?!)"  # "natt til fredag": the night that ends on the day named (already that day)
    # The words between the two ends of a span of dates ("from August to November 2014", "fra august til
    # november 2014"): a month told without its year at the start is in the year of the end.
    range_join: str = r"(?!)"
    range_start: str = r"(?!)"  # "from", "between", "fra": opens such a span


# Shapes of numbers shared by every language's date phrases.
YEAR = r"(?:19\d\d|20\d\d)"
#: Not a year when glued to more digits, a thousands separator or a decimal ("3.400", "2.000", "99,5").
NUM_LEFT = r"(?<![\d.,])"
NUM_RIGHT = r"(?![\d]|[.,]\d)"
#: A year that is not part of a decade or compound ("1990-tallet", "2014-grensene"); a range is allowed.
YEAR_TAIL = rf"(?:\s*[–-]\s*(?:{YEAR}|\d\d)\b)?(?![–-]\w)"
#: Units after a number that make it a count, in any language ("37 %", "20 km").
COUNTED_UNITS = r"%|km|kilometer\w*|meter\w*|mil|miles?"


def counted(nouns: str) -> str:
    """A look-ahead refusing a number followed by one of `nouns` ("i 2000 landsbyer", "of 2014 fighters":
    a count, not a year)."""
    return rf"(?!\s+(?:[A-ZÆØÅ]{{2,}}-)?(?:{COUNTED_UNITS}|{nouns})\b)"


def alt(words) -> str:
    """An alternation of literal words, longest first."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def lower_keys(mapping: dict[str, int]) -> dict[str, int]:
    return {k.lower(): v for k, v in mapping.items()}


@dataclass(frozen=True)
class Language:
    code: str
    predicates: tuple[Predicate, ...]
    # -- clause structure --------------------------------------------------------------------------
    coordinators: str  # start a new clause after a comma: "and", "but", "og", "men"
    subordinators: str  # always start a new clause: "when", "after", "which", "som", "etter at"
    relatives: str  # relative pronouns whose antecedent is the subject: "which", "who", "som"
    complementizer: str  # "that", "at": starts a clause after a verb of saying or denying
    saying: str  # verbs of saying before a complementizer ("said", "denied", "sier")
    passive_aux: str  # auxiliaries that make a following participle passive
    participle: str  # a word that is a past participle or past verb form of a predicate ("-ed", "-et")
    gerund: str  # a verb form whose subject is another clause's ("after retaking it", "etter å ha tatt")
    agent: str  # "by", "av"
    noun_links: str  # "of", "in", "av", "i": between a predicate noun and its place ("the liberation of")
    out_of: str  # "out of", "from", "ut av", "fra" (after a `drive` predicate's force)
    source: str  # "from", "fra": a force after it is the loser
    beneficiary: str  # "to", "til": "fell to IS"
    backed_by: str  # "backed by", "støttet av": the force after it backs the one before
    not_agent_before: str  # words after which a force is an object, not the subject ("against", "mot")
    pronouns: str  # object pronouns pointing back to a town ("it", "den")
    subject_pronouns: str  # "they", "de": the last force named
    inheriting: str  # clause openers whose clause takes the date of the clause before ("and", "which", "som")
    list_joiners: str  # words joining places of one list ("and", "then", "og", "samt")
    list_after: str  # words after a listed place and before the next joiner ("after a battle, then")
    determiners: str  # "the", "its", "den": words that may stand before a force or a noun
    possessives: str  # "their", "its", "sin": the last force named owns the noun after it
    date_prepositions: str  # "on", "in", "i", "på": before a date inside an object
    destinations: str  # "to", "towards", "til", "mot": a place after them is where someone goes
    perfect_aux: str  # "have", "har": "have since pushed back" (no clause starts at "since")
    past_aux: str  # "was", "had", "var", "ble": a holding said in the past tense
    backed_marker: str  # "backed", "støttede": in a force's name, says who backs it ("Turkish-backed rebels")
    generic_forces: str  # "the group", "troops": forces named vaguely (lower confidence)
    against: str  # "over", "against", "mot": "victory over IS in Baghuz" (the loser)
    of: str  # "of", "av": "the town of Bartella"
    # -- what the clause says about its predicate -----------------------------------------------------
    modal_before: str  # intention, modality, plans: "aims to", "vowed to", "will", "kan", "planlegger å"
    aims: str  # nouns of aim anywhere before the predicate in its clause ("the next objective", "neste mål")
    until: str  # "until", "fram til": a date that ends what the clause says, not when it began
    relative_time: str  # "a month after Mosul": dated only relative to another event the text does not date
    # A span right before a clause of "before"/"after" ("only days before the group took Palmyra", "ti dager
    # etter at YPG erobret"): that clause is dated relative to the clause before it; its group `short` holds
    # the unit when it is days or weeks (then a month or year before still dates it).
    relative_span: str
    retaking: str  # capture words that take back ("retook", "gjenerobret"): whoever is implied takes back
    # An encyclopedia's opening that names an event and sums it up ("The Second Battle of Tikrit was a battle
    # in which …"): what it sums up is dated in the body, so undated it colours nothing.
    summary_opening: str
    reference_before: str  # a direction before a town named as a landmark of the map ("southeast of", "sørøst for")
    factual_before: str  # exceptions: "was able to", "managed to", "klarte å"
    conditional: str  # "if", "once", "hvis", "dersom"
    conditional_start: str  # a sentence opening that makes it conditional ("Faller X, …")
    negation_before: str  # "not", "never", "ikke"
    negation_after: str  # "ikke" after a Norwegian verb
    denial: str  # "denied", "avviste": what follows in the sentence is denied
    denied_after: str  # "… were denied", "could not be verified", "ble avvist": what came before is denied
    background: str  # "after", "since", "once", "etter at": an earlier event the clause does not date
    pluperfect: str  # "had", "hadde"
    base_forms: str  # infinitive/base forms of predicates ("capture", "erobre"): never a fact alone
    still: str  # "still", "fortsatt": a holder keeping a place, not gaining it
    now: str  # "now", "nå": a holder that has just gained (part of) a place
    adverbs: str  # words that may stand between a cue and its predicate ("and", "fully", "subsequently")
    # -- the place --------------------------------------------------------------------------------
    slot_words: str  # words that may stand between a predicate and its place ("the", "town", "of", "full")
    adjective: str  # a word that looks like an adjective (may stand in the slot)
    place_nouns: str  # "town", "city", "byen", "landsbyen": a town named or pointed back to
    state_locative: str  # "in", "i områdene ved": where a holder's place may follow a verb of holding
    subarea_after: str  # after a genitive name, a part of the town: "Mosul's eastern outskirts", "Mosuls utkant"
    town_anaphor: str  # "the town", "byen": points back to the last town
    focus_anaphor: str  # "its last bastion", "lommen": points to the town the article is about
    region_anaphor: str  # "the province", "provinsen"
    partial: str  # part of a town: "40 percent of", "parts of", "deler av", "bydelene"
    half: str  # half of a town, before "of": "the eastern half of", "den østlige delen av"
    half_adjective: str  # a direction right before the town's name: "eastern Mosul", "østlige Mosul"
    most: str  # "most of", "det meste av"
    whole: str  # "all of", "hele": the whole town after all
    outskirts: str  # "the outskirts of", "utkanten av": at the town, not in it
    landmark_after: str  # nouns after a name that make it a facility: "oil field", "dam", "-demningen"
    landmark_before: str  # nouns before "of/in X" that make X a facility's town: "University of", "flyplassen i"
    region_after: str  # nouns after a name that make it a region: "province", "district", "-provinsen"
    # -- the sentence ---------------------------------------------------------------------------------
    dateline: str  # "BAGHDAD (Reuters) –", "BEIRUT (NTB-AFP):" at the start of a sentence
    caption: str  # "Photo:", "Foto:": a caption, not a report
    declaration: str  # "declared", "announced", "erklærte": a claim that may be premature
    contradiction: str  # "but", "men", "however" opening a sentence or clause that goes against it
    combat: str  # "fighting", "kampene"
    share: str  # "37 percent", with group `percent`
    share_lost: str
    share_held: str
    verb_second: bool = False  # the subject may follow the verb ("I går erobret IS byen")
    # Nouns that may follow a force's name as its head ("the YPG militia", "IS-krigerne"): "the YPG militia
    # and allied rebels" is one coordinated subject led by its first force.
    force_heads: str = r"(?!)"
    # Nouns after a name, with no "of" after them, that make it a quarter of some town ("the Old Raqqa and Daraiya
    # neighborhoods"): a quarter named like a town elsewhere, not that town. ("the Mosul neighborhood of
    # Zanjili" names the town first.)
    quarter_after: str = r"(?!)"
    # A holding told in the past ("remained", "was", "held"): with an "until" and a date after it, over by then
    held_past: str = r"(?!)"
    # Heads of a subject that fights nobody: "an aid convoy enters the besieged town of Madaya" is no entry by force
    civilian_subject: str = r"(?!)"
    # "the old city" pointing back to a town: a quarter of it ("seizing control of the Old City"), not all of it
    quarter_anaphor: str = r"(?!)"
    # "four days of fighting" after "after": a span of fighting counted in days or weeks (groups `n`, and `days` or
    # `weeks`); fronted, it ends its phrase without a comma ("after four days of fighting the rebels captured")
    fighting_span: str = r"(?!)"
    # "two days after", "dagen etter at", "et halvt år før" opening a clause: how far its event is from the date of
    # the clause before (groups `n` with `days`, `weeks` or `months`; or `one_day`, `one_week`, `half`; `before`)
    clause_shift: str = r"(?!)"
    # "comes nine months" before an "after" clause: that clause happened so long before the article was published
    # (groups `n` and one of `days`, `weeks`, `months`, `years`); days and weeks count back from the day the lede
    # tells, and a past verb (group `past`: "kom ti dager etter at") counts only those
    counted_back: str = r"(?!)"
    # "after a week in which": the relative clause after it tells what happened in that span before the date of the
    # clause it follows (groups `n` and `days`, `weeks` or `months`)
    period_in_which: str = r"(?!)"
    # Clearing up after a taking ("although some back clearing still continues", "mens ryddingen fortsetter"): what
    # still goes on there is no fight over the town
    mop_up: str = r"(?!)"
    # "saying", "adding": after a comma, what the speaker asserts next, out of reach of a denial before it
    saying_participles: str = r"(?!)"
    # "for" in "fled Douma for areas under government control": besides `destinations`, before a noun only
    destination_noun_prepositions: str = r"(?!)"
    # After a region taken or held, the towns it names as part of it: "much of Anbar, including Fallujah".
    including: str = r"(?!)"
    complementizer_always: bool = False  # "at" always starts a clause; English "that" only after saying or a subject
    pronoun_alone: bool = True  # the object pronoun is never a determiner ("it"; Norwegian "den" can be)
    # A present perfect never takes a past date ("*has retaken it on Sunday"): a clause in it does not share the
    # date of the clause before ("recaptured Palmyra in March 2016, but IS fighters have overrun the city").
    # Norwegian news dates its perfect ("har søndag tatt kontroll"), so not there.
    perfect_is_undated: bool = False
    # A span of time a holding lasted: "held Mosul for three years", "holdt byen i tre år" (over by now).
    duration: str = r"(?!)"
    # Words that say an attack failed: "repelled an ISIS counterattack", "were beaten back", "slått tilbake".
    repelled: str = r"(?!)"
    that_followers: str = r"(?!)"  # words after "that" that start a clause ("that the", "that IS")
    # Words that never end a sentence with their full stop, matched as written (case counts): titles
    # and ranks ("Gen.", "Maj.", "Lt."), "bl.a.", "e.g.". Month abbreviations (`DateWords`) do not end
    # one either when a day number stands beside them ("Oct. 20", "2. nov.").
    abbreviations: str = r"(?!)"
    # An ordinal or superlative before an infinitive ("the first Iraqi city to fall", "the last town to be
    # retaken"): what happened, not what someone means to do; a description, dated only by its own date.
    ordinal_before: str = r"(?!)"
    # What a denial later in the sentence points back to ("but IS denied it", "men IS avviste dette"): the
    # claim before it is denied.
    denied_object: str = r"(?!)"
    # Joins a place taken after the ones before it, each at its own time ("Hit was retaken on 14 April,
    # followed by Rutba on 19 May"): a date after it is its own, not the earlier places'.
    sequel_joiners: str = r"(?!)"
    # A modal or future after a predicate noun that is its clause's subject: "the liberation of Mosul will
    # take months", "erobringen av Raqqa vil være et slag": not a fact (yet).
    modal_after: str = r"(?!)"
    # Words before a date that make it a point of reference, not when the clause happened ("in control of
    # Aleppo for the first time since 2012", "for første gang siden 2012").
    reference_date_before: str = r"(?!)"
    # A beginning: "the offensive began on Monday", "angrepet startet søndag". Its day is when a fight
    # began, which dates no taking the sentence before reported without a day.
    onset: str = r"(?!)"
    # Prepositions whose object a gerund is, the topic of talk and not a report: "it was all about Ramadi and
    # taking Ramadi back", "focus on retaking Mosul".
    gerund_topic: str = r"(?!)"
    # The word of a span between two places ("an area located between Baghdad and Mosul that IS has controlled
    # since June"): a relative clause after the second may be about the area, either town, or both.
    between: str = r"(?!)"
    # An infobox's label before its result line ("- Result: SDF forces capture Al-Hawl"): the line's own words
    # start after it.
    result_label: str = r"(?!)"
    # "when", "once", "når": a clause of time, which tells a future event when the clause it hangs on does ("the
    # caliphate will be obliterated when Hajin has been captured")
    temporal_openers: str = r"(?!)"
    # "is critical to", "er avgjørende for": what a predicate noun is said to be needed for is not done yet
    # ("The SDF liberation of Tabqa is critical to isolating Raqqa")
    needed_for: str = r"(?!)"
    # "the province of Aleppo", "provinsen Aleppo": the name after them is the region, even where the gazetteer
    # has no region of that name
    region_before: str = r"(?!)"
    # A clause of time tells a future only when its host does ("will", "vil") and it is told in the present or
    # perfect: an auxiliary ("has", "is", "har", "blir") or a present form ("captures", "erobrer")
    future: str = r"(?!)"
    present_aux: str = r"(?!)"
    present_verb: str = r"(?!)"
    # An infobox's result told with no label, on a short line of its own after the dates ("Major SDF victory[1]",
    # "Syrian Army victory"): the bullets right after it are the battle's result.
    result_summary: str = r"(?!)"
    # A sentence that says the claim before it was untrue ("A spokesman said the claim was "incorrect"",
    # "Koalisjonen avviste påstanden."): the object ends its phrase, so "denied the reports of abuses" is not one.
    claim_refuted: str = r"(?!)"
    # A comparison that names an earlier event as its yardstick ("the largest land battle since the capture of
    # Baghdad in 2003", "det største slaget siden erobringen av Bagdad"): the noun after it is no claim.
    comparison_since: str = r"(?!)"
    # Words that make a town part of the name of a battle ("the 2016 Battle of Mosul", "the Raqqa campaign",
    # "slaget om Mosul"): in an article about another town, "the town" does not point back to it.
    event_name_before: str = r"(?!)"
    event_name_after: str = r"(?!)"
    # The fronted adjunct such a battle's name must stand in ("During the 2016 Battle of Mosul, …", "Under
    # slaget om Mosul …"): as a subject or object ("The Battle of Mosul has lasted eight months", "watched the
    # Mosul offensive") the battle's town is still what "the city" may point back to.
    battle_adjunct: str = r"(?!)"
    # A word that makes a participle set off after a list of towns hold for them all ("Rawa and al-Qaim, both
    # taken by the militants in 2014", "Rawa og al-Qaim, begge inntatt av IS i 2014").
    collective: str = r"(?!)"
    # An infobox's label before the span of days it covers ("Date21–29 February 2016", "- Date: 14 April – 3 May
    # 2015"): its result lines, which tell no date of their own, happened within that span.
    date_label: str = r"(?!)"
    # The end of such a span that is not over ("30 December 2013 – present").
    span_open_end: str = r"(?!)"
    # What may stand between a line's opening forces and its present-tense verb: "SDF forces capture",
    # "Syrian Army and allies regain".
    force_tail: str = r""
    # A sentence that opens with a named war ("During the Syrian Civil War, al-Hawl was seized by Islamic State
    # forces"): what it tells without a date of its own happened somewhen in it, not at the story's date.
    era_opening: str = r"(?!)"
    # A taking that did not last: a word beside its verb ("briefly captured", "tok kortvarig kontroll").
    brief: str = r"(?!)"
    # Adverbs that make a negation before them "not only": "haven't only retaken Hit, they also …".
    focus_adverbs: str = r"(?!)"
    # Praise for a taking, up to the noun that names it: "commends Iraq, the KRG and the Peshmerga for the
    # successful liberation of Sinjar", "congratulate the SDF on their liberation of Raqqa". Its group
    # `objects` holds the forces praised, who took the town.
    praise_before: str = r"(?!)"
    # A word before a holding noun that makes it what is fought over, not held: "fighting for control of
    # Raqqa", "kjemper om kontrollen over".
    struggle_before: str = r"(?!)"
    # A verb of handing over before a holding noun: "continue to transition control of the city to the hold
    # force", "handed over control of Manbij", "overlot kontrollen over": a hand-over named as the object of
    # another verb, not a report that the subject holds the place.
    handover_before: str = r"(?!)"
    # Words that name the source of a claim before a force: "according to the army", "ifølge hæren",
    # "citing the army": the force is who says it, never the subject or the agent of the predicate.
    attribution: str = r"(?!)"
    # The simple past of a verb of holding ("controlled", "held", "kontrollerte", "holdt"): how things were,
    # not how they are (unless said in reported speech or with "now").
    past_holding: str = r"(?!)"
    # The manner of an entry nobody resisted, in its own clause ("entered … without a fight", "under a
    # surrender deal", "etter en avtale"): the town is taken, not fought over.
    unopposed: str = r"(?!)"
    # A withdrawal ("withdrew", "trakk seg ut"): from the entered town, told apart, the entry met nobody.
    withdrawal: str = r"(?!)"
    # The opener of a clause right behind an entry that tells what the entry waited for ("entered Kafr Zita
    # after rebels withdrew from a pocket of Hama province"): a withdrawal from an area around it left it to them.
    entry_after: str = r"(?!)"
    # A force's parts named without a side ("Forces advancing from the south", "A second column", "enheter"):
    # a subject whose side is the one the article has seen taking towns.
    units: str = r"(?!)"
    # Before a taking told as under way ("are now liberating Tabqa", "progress in first isolating and now
    # liberating Tabqah"): the town is fought over, not taken.
    progressive_before: str = r"(?!)"
    # The verb of a relative clause whose subject backs the force before it ("opprørsgruppene som Ankara
    # støtter", "the rebels that Turkey backs").
    backing_verbs: str = r"(?!)"
    # A share of a town between a passive's auxiliary and its participle ("Raqqa is now more than 90 percent
    # cleared"): part of the town taken, the rest fought over.
    extent: str = r"(?!)"
    # Buildings inside a town ("the Government Center in Ramadi", "the city's police stations"): taking them is
    # fighting in the town, not taking it, nor a facility outside it.
    town_facilities: str = r"(?!)"
    # After a withdrawal from a town, who it let in: "…, allowing" + a force + "to enter" (`let_in_after`).
    let_in: str = r"(?!)"
    let_in_after: str = r"(?!)"
    # Articles before a participle that make it an adjective ("near the captured town of Jalawla"); not
    # Norwegian's "de", which is also "they" ("etter at de tok Mosul"), and whose adjective has its own form.
    participle_articles: str = r"(?!)"
    speaker_possessives: str = r"(?!)"  # "our", "vår": a speaker's own side ("Our armed forces liberated …")
    # After "withdrew from": an area that takes in the entered town ("withdrew from a pocket of Hama province").
    withdrawal_area: str = r"(?!)"
    # The present passive of taking ("erobres", "inntas"): a chronology's present when dated ("12. august
    # 2016: Manbij erobres av SDF"), else what is expected or conditional ("når Mosul gjenerobres").
    present_passive: str = r"(?!)"
    # Words of a forecast or a part around it ("innen få uker", "trolig", "gradvis", "delvis"): not a
    # chronology's plain taking.
    forecast: str = r"(?!)"
    # Before an unopposed cue, words that make it no fact ("vowed never to surrender", "krav om overgivelse");
    # after it, words that say it failed ("talks on a surrender deal broke down", "avtalen brøt sammen").
    unreal_cue: str = r"(?!)"
    failed_cue: str = r"(?!)"
    # After a cue of withdrawal, the word before what was left ("withdrew from", "trakk seg ut av").
    cue_source: str = r"(?!)"
    # "the village", "landsbyen": a `town_anaphor` that never points back to a city.
    village_anaphor: str = r"(?!)"
    # A preposition of place before a town ("Police stations in Fallujah", "soldiers at Tabqa").
    locative: str = r"(?!)"
    # An entry that met little resistance ("with little resistance", "med liten motstand"): a taking when it follows
    # the entry, of that town; unless `holdout` follows ("still", "so far", "fortsatt"): fighters held out.
    little_resistance: str = r"(?!)"
    holdout: str = r"(?!)"
    # The opening of a sentence inside a town, up to its name ("In Ramadi,", "Inside the city of", "I selve").
    inside_town: str = r"(?!)"
    # Before a town's parts, all of them ("all districts", "alle bydeler"): the whole town, not a part.
    whole_before: str = r"(?!)"
    # Before a force that a participle follows, the subject of an absolute clause, not a companion ("with government
    # forces having just recaptured Beiji"); one of `not_agent_before`'s words
    absolute_before: str = r"(?!)"
    # A subject that is none of it ("None of Anbar", "Ingen deler av Anbar"): no holding of what it includes.
    none_of: str = r"(?!)"
    # A word that puts a clause after the one it hangs on, at no date of its own ("have since retaken it",
    # "later recaptured it", "tok senere byen tilbake"): the clause does not take that one's date.
    later: str = r"(?!)"
    # A "later" in a time phrase of its own: before "that"/"the same" ("later that month"), after a unit of
    # time ("hours later").
    anaphoric_time: str = r"(?!)"
    time_unit: str = r"(?!)"
    # Part of a force before its name ("some Islamic State fighters", "en del IS-krigere"): not all of it.
    some: str = r"(?!)"
    # A fronted phrase of what came before ("after four days of fighting", "etter fire dager med kamper"): with
    # no predicate of its own it ends at its comma, and what follows is the sentence's own clause.
    after_phrase: str = r"(?!)"
    # Where a listed town lies, between it and its date: "taking Haritan on the northern edge of Aleppo on Feb.
    # 16 and Kafr Nubl in southern Idlib on Feb. 25".
    locative_after: str = r"(?!)"
    # Words that move the time on between two predicates ("in May lost Ramadi and have now retaken it", "and
    # finally retook"): a date before the first then dates only the first.
    time_shift: str = r"(?!)"
    # "the rest of", "resten av": a part of a town held, but all of it once taken ("captured the rest of
    # Ramadi").
    remainder: str = r"(?!)"
    # An adverb before a predicate that makes it partial: "partially conquered", "delvis inntatt".
    partial_adverb: str = r"(?!)"
    # Members of a force as the subject ("Militiamen with the YPG took", "Soldater fra hæren rykket inn"): the
    # force after the preposition is who acts, not an object.
    member_of: str = r"(?!)"
    # Base forms that are also past participles ("overrun"): the participle right after `participle_after`
    # with the town just before ("Manbij was overrun", "the city had been overrun"; not "is being overrun",
    # "was all but overrun", "a convoy sent to Samarra was overrun"), or listed after a comma before its agent
    # ("captured by rebels in 2012, overrun by IS in 2014").
    participle_forms: str = r"(?!)"
    participle_after: str = r"(?!)"
    # A verb of expecting whose object is a predicate noun ("do not expect a difficult battle", "braced for a
    # long fight", "venter harde kamper"): what is foreseen, not what happens.
    expectation: str = r"(?!)"
    # After a holding, words that end it ("ISIS' brutal control of the city is coming to an end", "IS' kontroll
    # over byen er over"): no holding to show.
    holding_ends: str = r"(?!)"
    # Of `subarea_after`, the town's edge ("Fallujah's outskirts"): pressed, not entered; unless the sentence goes
    # on `beyond_outskirts` ("entered the outskirts of Fallujah and then the centre").
    outskirts_after: str = r"(?!)"
    beyond_outskirts: str = r"(?!)"
    # The one side's edge of a named town an entry goes into ("entered the western edge of al-Bab"): inside the town,
    # fought over; not its outskirts, nor "on the edges of" (the entry verbs with "into" stop before an edge)
    inner_edge: str = r"(?!)"
    # Joiners that go on with a list past its first place's source ("captured Qabasin from ISIL as well as …");
    # not "and", which may open a clause of its own ("retook Ramadi from IS and Fallujah remains …")
    source_list_joiners: str = r"(?!)"
    # After a force phrase that names no side by itself (data/forces.yaml, `by_article`), what makes it a holder:
    # "militant control", "militant hands", "militant-held"; anywhere else ("militant groups") it stands for nobody
    unnamed_holder_after: str = r"(?!)"
    # Right after a town, an exception to "all parts of" it ("apart from the stadium", "except the government complex")
    exception_after: str = r"(?!)"
    # The words a part of a town may have between "parts of" and "the town" ("the western edge of", "de østlige"):
    # determiners, sides, edges; anything else ("the countryside around") is a place of its own
    part_words: str = r"(?!)"
    # A plural of `place_nouns` ("the towns of", "byene"): set in commas after a town, the list's next names,
    # not an apposition ("captured the city of Dayr Hafir, the towns of Tadef and Al-Khafsah, and …").
    plural_place_nouns: str = r"(?!)"
    # Verbs that say where a town lies ("lies", "is located", "ligger"): a pronoun in the next clause is that town.
    location_verbs: str = r"(?!)"
    dates: DateWords | None = None


@lru_cache(maxsize=None)
def for_language(code: str | None) -> Language | None:
    """The language module `geo.lang.<code>`'s `LANGUAGE`, or None when there is none."""
    if not code or not code.isidentifier() or code not in available():
        return None
    return importlib.import_module(f"{__name__}.{code}").LANGUAGE


@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    """The codes of every language module in this package, sorted."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


def languages() -> tuple[Language, ...]:
    return tuple(for_language(code) for code in available())


__all__ = ["CAPTURE", "CONTEST", "COUNTED_UNITS", "DateRule", "DateWords", "FALL", "LOSS", "Language", "NUM_LEFT",
           "NUM_RIGHT", "PRESSURE", "Predicate", "STATE", "YEAR", "YEAR_TAIL", "alt", "available", "counted",
           "for_language", "languages", "lower_keys"]
