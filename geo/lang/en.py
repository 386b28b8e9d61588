"""English: the words of control claims, their cues, and dates."""

from geo.lang import (CAPTURE, CONTEST, FALL, LOSS, NUM_LEFT, NUM_RIGHT, PRESSURE, STATE, YEAR, YEAR_TAIL, DateRule,
                      DateWords, Language, Predicate as P, alt, counted, lower_keys)

# Right after "the", "its", "their", "a": a noun ("the capture"), not a verb ("to capture").
_AFTER_DETERMINER = r"(?:(?<=\bthe\s)|(?<=\bits\s)|(?<=\btheir\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\ba\s))"
#: What one "comes under" that is no one's control: "came under fire over control of Kirkuk".
_NOT_CONTROL = r"(?:fire|attack|assault|pressure|criticism|scrutiny|threat|suspicion|siege|shelling|over)\b"

# (a weekday may stand between a noun of taking and its place: "the recapture Tuesday of Raqqa")
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}

PREDICATES = (
    # -- taking ------------------------------------------------------------------------------------
    # A noun first: "the capture of", "its recapture", "the fall of" (the same words are verbs too).
    P(CAPTURE, _AFTER_DETERMINER + r"(?:capture|recapture|retaking|retake|seizure|takeover)"
               r"|(?:capture|recapture|retaking|seizure|takeover)(?=\s+(?:" + alt(WEEKDAYS) + r"\s+)?of\b)|victory|victories",
      form="noun"),
    P(CAPTURE, r"liberation", form="noun", liberation=True),
    P(CAPTURE, r"(?:completed|completes|finished|finishes)\s+(?:the\s+|its\s+|their\s+)?(?:clearance|clearing)(?=\s+of\b)",
      form="noun"),
    P(FALL, _AFTER_DETERMINER + r"fall|fall(?=\s+of\b)", form="noun"),
    P(LOSS, _AFTER_DETERMINER + r"loss|loss(?=\s+of\b)", form="noun"),
    P(CAPTURE, r"retook|retaken|retakes|retaking|retake|recaptured|recaptures|recapturing|recapture"
               r"|captured|captures|capturing|capture|seized|seizes|seizing|seize"
               r"|overran|overrun|overruns|overrunning|regained|regains|regaining|regain|won\s+back|wins\s+back"
               r"|secured|secures|swept\s+into|wrested|wrests|wresting|wrest|(?:tore|torn|tears|tearing)(?=\s+(?:[\w'’-]+\s+){1,3}?from\b)|occupied|conquered|conquers|conquering|conquer"
               r"|reclaimed|reclaims|reclaiming|reclaim"
               r"|(?:gained|gains|gaining|established|asserted)"
               r"\s+(?:full\s+|complete\s+|total\s+)?control"),
    # Not "taken out" (destroyed: "its bridges in Raqqa have been taken out"), "take part in", "took place"
    # ("took part of Baiji" is a part taken).
    P(CAPTURE, r"took\s+over|takes\s+over|taken\s+over|taking\s+over|take\s+over"
               r"|(?:took|takes|taking|taken|take)(?!\s+(?:out|place)\b|\s+part\s+in\b)"),
    # Cleared, like freed, *of* someone: "the town of Hit is cleared of any Daesh gunmen" (the loser).
    P(CAPTURE, r"liberated|liberates|liberating|liberate|freed|frees|freeing|cleared", liberation=True),
    P(CAPTURE, r"raised\s+(?:the|its|their|a)\s+(?:\S+\s+){0,2}?flags?\s+(?:over|above)"),
    P(CAPTURE, r"drove|driven|drives|driving|drive|pushed|pushing|pushes|push|expelled|expels|ousted|ousts|chased|forced|routed|flushed",
      form="drive"),
    # -- losing --------------------------------------------------------------------------------------
    P(LOSS, r"lost|loses|losing|lose"),
    P(LOSS, r"withdrew\s+from|withdrawn\s+from|withdraws\s+from|pulled\s+out\s+of|retreated\s+from"),
    P(FALL, r"fell|falls|fallen|falling|fall|(?:was|were|been)\s+handed\s+over(?=\s+to\b)"),
    # -- fighting inside -------------------------------------------------------------------------------
    P(CONTEST, r"stormed|storms|storming|storm|entered|enters|entering|enter|re-entered|reentered"
               r"|(?:pushed|pushes|pushing|push|punched|broke|broken|moved|swept|advanced|advances|advancing"
               r"|fought\s+(?:their|its)\s+way|forced\s+(?:their|its)\s+way)"
               r"\s+(?:back\s+|through\s+|further\s+|deeper\s+)?into(?!\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:outskirts|suburbs|edges?|fringes"
               r"|periphery)\b)", entry=True),
    P(CONTEST, r"counter-?attack(?:ed|ing|s)?(?:\s+(?:on|in|against))?|counter-?offensive\s+(?:on|in|against)"
               r"|(?:street\s+)?(?:fighting|battles?|clashes)\s+(?:\w+\s+){0,3}?(?:inside|in)"),
    # -- pressing from outside -----------------------------------------------------------------------
    # "pushed into the outskirts of Mosul": at its edge, not inside (a longer match than the entry's)
    P(PRESSURE, r"(?:pushed|pushes|pushing|push|moved|moves|moving|advanced|advances|advancing|broke|swept)\s+into\s+the\s+"
                r"(?:[\w-]+\s+){0,2}?(?:outskirts|edges?|fringes|periphery)\s+of"),
    P(PRESSURE, r"advanc(?:ed|ing|es|e)\s+(?:on|toward|towards|to\s+within\s+(?:\S+\s+){1,4}?of)"
                r"|besieg(?:ed|ing|es|e)|(?:laid|lay|lays|laying)\s+siege\s+to|siege\s+of|encircl(?:ed|ing|es|e)"
                r"|surround(?:ed|ing|s)?|clos(?:ing|ed|es|e)\s+in\s+on|reached\s+the\s+(?:outskirts|edges?|gates)\s+of"
                r"|isolat(?:ed|ing|es|e)|offensive\s+(?:on|against)|assault\s+on|march(?:ed|ing|es)?\s+on"
                r"|fighting\s+on\s+the\s+(?:edges|outskirts)\s+of"),
    # -- holding -------------------------------------------------------------------------------------
    P(STATE, r"in\s+(?:full\s+|complete\s+|total\s+|effective\s+)?control\s+of|controls|controlled|control"
             r"|occupies|been\s+occupying|occupy"),
    P(STATE, r"holds|held|hold|(?:is|are|was|were)\s+(?:still\s+)?holding"),
    # "came back under government control", "fell into the hands of IS": a taking, by the holder named inside
    # (past forms only: "comes under" may be a forecast; and not "came under fire over control of Kirkuk")
    P(CAPTURE, r"(?:came|come|fell|fallen|returned|brought|been\s+brought)\s+(?:back\s+)?"
               r"(?:under\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+)?(?:(?!" + _NOT_CONTROL + r")\S+\s+){0,2}?(?:control|rule)"
               r"|(?:into|to)\s+(?:the\s+)?(?:(?!" + _NOT_CONTROL + r")\S+\s+){0,2}?(?:control|rule|hands)(?:\s+of)?)",
      form="holder"),
    P(STATE, r"under\s+(?:the\s+)?(?:full\s+|complete\s+|de\s+facto\s+|total\s+)?(?:\S+\s+){0,2}?(?:control|rule)"
             r"|in\s+(?:the\s+)?hands\s+of|in\s+(?:\S+\s+){1,2}?hands", form="holder"),
    P(STATE, r"[\w'’]+-(?:held|controlled|occupied|run)", form="attribute"),
    P(STATE, r"last\s+(?:\w+\s+){0,2}?(?:strongholds?|bastions?|pockets?|holdouts?|enclaves?)"
             r"|(?:main|major|key)\s+(?:\w+\s+)?(?:stronghold|bastion|hub)|strongholds?|bastions?"
             r"|(?:self-(?:declared|styled|proclaimed)\s+|de\s+facto\s+)?[\"“]?capital[\"”]?", form="epithet"),
)

# -- dates ----------------------------------------------------------------------------------------------

MONTHS = {"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
          "September": 9, "October": 10, "November": 11, "December": 12}
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
                       "Oct": 10, "Nov": 11, "Dec": 12}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_MONTH = alt(MONTHS)
_MONTH_ABBR = alt(MONTH_ABBREVIATIONS)
_NUM = alt(NUMBERS)
#: A share written as a percentage ("90 percent", "45%"), and the words that may round it ("more than").
_PERCENT = r"\d+(?:[.,]\d+)?\s*(?:percent|per\s+cent|%)"
_ABOUT = r"more\s+than|over|about|around|nearly|roughly|almost|at\s+least|some"
_SEASON = alt(SEASONS)
_WEEKDAY = alt(WEEKDAYS)
_COUNTED = counted(r"percent|per\s+cent|people|persons|civilians|soldiers|fighters|militants|troops|families|"
                   r"inhabitants|residents|dead|killed|dollars?|villages?|towns?|houses|planes|aircraft|tanks")
_MONTH_CUE = (r"(?:[Ii]n|[Ss]ince|[Ff]rom|[Dd]uring|[Tt]hroughout|(?:in\s+)?(?:early|late|mid-?)"
              r"|(?:[Aa]t\s+)?the\s+(?:start|beginning|middle|end)\s+of)")

DATES = DateWords(
    weekdays=lower_keys(WEEKDAYS),
    months=lower_keys(MONTHS),
    month_abbreviations=lower_keys(MONTH_ABBREVIATIONS),
    seasons=SEASONS,
    numbers=NUMBERS,
    forward_before=r"by|until|till|next|coming|before",
    late_in_day=("night", "evening"),
    range_join=r"to|through|until|till|and|[–-]",
    range_start=r"from|between",
    rules=(
        DateRule("day_month", rf"\b(?P<mon>(?:{_MONTH})\b|(?:{_MONTH_ABBR})\b\.?)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
                              rf"(?:,?\s+(?P<y>{YEAR})\b{NUM_RIGHT}"
                              rf"|,?\s+(?P<sameyear>(?:of\s+)?(?:the\s+same|that)\s+year)\b)?",
                 forward=True, ignore_case=False),
        DateRule("day_month", rf"{NUM_LEFT}\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>(?:{_MONTH})\b"
                              rf"|(?:{_MONTH_ABBR})\b\.?)(?:,?\s+(?P<y>{YEAR})\b{NUM_RIGHT}"
                              rf"|,?\s+(?P<sameyear>(?:of\s+)?(?:the\s+same|that)\s+year)\b)?", forward=True,
                 ignore_case=False),
        DateRule("season", rf"\b(?:(?:the\s+)?(?P<season>{_SEASON})\s+(?:of\s+)?(?P<y>{YEAR})\b"
                           rf"(?:\s*[/–-]\s*(?P<y_to>{YEAR}|\d\d)\b)?{NUM_RIGHT}"
                           rf"|(?P<last>last)\s+(?P<bare_last>{_SEASON})\b"
                           rf"|(?:this|in\s+the|in|(?:over|during|throughout)\s+the"
                           rf"|(?:during|in)\s+(?:their|its|the)(?=\s+(?:{_SEASON})\s+"
                           rf"(?:offensive|campaign|advance|assault|blitz)\b))\s+(?P<bare>{_SEASON})\b(?!\s+of\b)"
                           rf"|(?P<bare_ly>{_SEASON})\s+(?P<lastyear>last\s+year)\b)", forward=True),
        DateRule("month", rf"(?:\b(?P<cue>{_MONTH_CUE})(?:\s+|(?<=-))(?:(?P<last>last)\s+)?|\b(?P<lastonly>[Ll]ast)\s+)"
                          rf"(?P<mon>{_MONTH})\b(?!\s+[0-3]?\d(?:st|nd|rd|th)?\b(?![.,]\d))"
                          rf"(?:(?:,|\s+of)?\s+(?P<y>{YEAR})\b{NUM_RIGHT}|(?:\s+of)?\s+(?P<lastyear>last\s+year)\b)?"
                          rf"|\b(?P<mon2>{_MONTH})(?:\s+of)?,?\s+(?P<y2>{YEAR})\b{NUM_RIGHT}"
                          # "the July liberation of Mosul": a month naming the event that follows it
                          rf"|(?<![Ss]ince\s)\bthe\s+(?P<mon3>{_MONTH})\s+(?=(?:liberation|capture|recapture|fall|seizure|retaking"
                          rf"|takeover)\b)", forward=True,
                 ignore_case=False),
        DateRule("year", rf"\b(?:in|since|from|during|throughout|the\s+year|(?:the\s+)?(?:start|beginning|middle|end"
                         rf"|course|first\s+half|second\s+half)\s+of|early|late|mid-?)\s*"
                         rf"{NUM_LEFT}(?<=\s|-)(?P<y>{YEAR})\b{NUM_RIGHT}{YEAR_TAIL}{_COUNTED}", forward=True),
        # "During the 2014 ISIL crisis, the town was taken over": a short phrase opening the sentence, set off by
        # its comma, names the year of what the sentence tells (not a year inside it: "devastated in the 2014
        # genocide, on Friday", "In the 2010 elections Ayad Allawi won Mosul, but …")
        DateRule("earlier_year", rf"\A\s*(?:in|during|throughout|amid)\s+the\s+(?P<y>{YEAR})(?:\s+[\w’'–-]+){{1,4}}(?=,)"),
        DateRule("relative_year", r"\b(?:(?P<last>last\s+year)|(?P<this>this\s+year|earlier\s+this\s+year)"
                                  r"|(?P<start>(?:the\s+)?(?:start|beginning)\s+of\s+(?:the|this)\s+year))\b"),
        DateRule("relative_month", r"\b(?:(?P<last>last\s+month)|(?P<this>(?:earlier\s+)?this\s+month))\b"),
        DateRule("week", r"\b(?:(?P<last>last\s+week)|(?P<this>(?:earlier\s+)?this\s+week|earlier\s+in\s+the\s+week)"
                         r"|(?P<last_weekend>last\s+weekend|over\s+the\s+previous\s+weekend)"
                         r"|(?P<weekend>(?:over|at|this)\s+the\s+weekend|this\s+weekend))\b"),
        DateRule("ago", rf"\b(?P<n>\d{{1,2}}|{_NUM})\s+(?:(?P<days>days?)|(?P<weeks>weeks?)|(?P<months>months?)"
                        rf"|(?P<years>years?))\s+ago\b"),
        # "later that day", "by nightfall": the day of the date just told ("entered Zumar on Saturday and
        # had cleared it by nightfall")
        DateRule("anchored", rf"\b(?:(?P<same>(?:(?:later\s+|earlier\s+)?that\s+(?:same\s+)?day|(?:on\s+)?the\s+same\s+day)"
                             rf"(?!\s+(?:in|of)\b|\s+(?:\w+\s+){{0,2}}?(?:years?|months?|weeks?)\s+(?:earlier|later|before|after)\b)"
                             rf"|by\s+(?:nightfall|dusk|sunset|(?:the\s+)?evening|the\s+end\s+of\s+the\s+day))"
                             rf"|(?P<next>the\s+(?:next|following)\s+day|the\s+day\s+after(?=\s*[,.;:!?)]|\s*$))"
                             rf"|(?P<prev>the\s+(?:previous|preceding)\s+day|the\s+day\s+before(?=\s*[,.;:!?)]|\s*$))"
                             rf"|(?P<n>\d{{1,2}}|{_NUM})\s+days?\s+(?:(?P<later>later|afterwards)"
                             rf"|(?P<earlier>earlier|before(?=\s*[,.;:!?)]|\s*$))))\b"),
        # (not before the date itself: "two years earlier, on 4 January 2014")
        DateRule("anchored_span", rf"(?<!\band\s)\b(?P<n>\d{{1,2}}|{_NUM})\s+(?:(?P<years>years?)|(?P<months>months?)|(?P<weeks>weeks?))"
                                  rf"\s+(?:(?P<later>later|afterwards)|(?P<earlier>earlier))\b(?![,\s]+(?:on|in)\s+(?:\d|{_MONTH}\b))"),
        DateRule("day", r"\b(?:(?P<yesterday>yesterday|last\s+night)(?:\s+(?:morning|afternoon|evening))?"
                        r"|(?P<today>(?:earlier\s+)?today|this\s+morning|tonight|this\s+afternoon|this\s+evening))\b",
                 ignore_case=False),
        DateRule("weekday", rf"\b(?:(?P<last>[Ll]ast)\s+|(?:[Oo]n|[Ll]ate|[Ee]arly)\s+(?:on\s+)?)?(?P<wd>{_WEEKDAY})\b"
                            r"(?:\s+(?P<tod>morning|afternoon|evening|night)\b)?"
                            # "on Friday last week": that weekday of the week before
                            r"(?:\s+(?P<lastweek>(?:of\s+)?last\s+week)\b)?", forward=True, ignore_case=False),
    ),
)

LANGUAGE = Language(
    code="en",
    predicates=PREDICATES,
    # "all but" is "nearly all" ("control all but a few pockets of"), no clause boundary.
    coordinators=r"and|but(?<!\ball\sbut)|or|then|yet|so",
    subordinators=r"but(?<!\ball\sbut)|while|whereas|when|after|before|since|because|although|though|until|unless|once|if"
                  r"|which|who|whom|whose|where|whereby",
    relatives=r"which|who|that",
    complementizer=r"that",
    saying=r"said|says|say|denied|denies|deny|announced|announces|claimed|claims|claim|reported|reports|report"
           r"|confirmed|confirms|stated|states|declared|declares|added|noted|insisted|told|believe|believes"
           r"|warned|reports|statement|news|rumours|rumors|evidence|cautioned|cautions|stressed|argued|acknowledged"
           r"|conceded|admitted|explained|predicted|estimated|suggested|indicated|feared|fears",
    inheriting=r"and|but|then|so|when|as|which|who|that",
    list_joiners=r"and\s+then|and|then|as\s+well\s+as",
    source_list_joiners=r"as\s+well\s+as|along\s+with|together\s+with",
    unnamed_holder_after=r"\s+(?:control|hands|rule)\b|-(?:held|controlled|run)\b",
    exception_after=r"\s*,?\s*(?:apart\s+from|except|excepting|but\s+for|save\s+for|other\s+than|with\s+the\s+exception\s+of)\b",
    part_words=r"(?:\s*(?:the|its|of|edge|edges|side|part|half|eastern|western|northern|southern|east|west|north|south)\b)*\s*",
    list_after=r"after|before|following",
    determiners=r"the|a|an|its|their|his|her",
    possessives=r"their|its",
    date_prepositions=r"on(?:\s+the\s+(?:night|morning|evening|afternoon)\s+of)?|in|at",
    destinations=r"to|towards|toward|into",
    destination_noun_prepositions=r"for",
    saying_participles=r"saying|adding|insisting|stressing|noting",
    mop_up=r"(?:back[\s-]+)?clearing|clearance|mopping[\s-]+up|mop[\s-]+up|sweeps?|sweeping|demining|de-mining"
           r"|(?:explosives?|mines?|booby[\s-]+traps?)\s+(?:removal|disposal)",
    clause_shift=r"(?:(?P<n>\d{1,2}|" + _NUM + r")\s+(?:(?P<days>days?)|(?P<weeks>weeks?)|(?P<months>months?))"
                 r"|the\s+(?:(?P<one_day>day)|(?P<one_week>week))|(?P<half>half\s+a\s+year))\s+(?:(?P<before>before)|after)",
    fighting_span=r"(?P<n>\d{1,2}|" + _NUM + r")\s+(?:(?P<days>days?)|(?P<weeks>weeks?))\s+of\s+(?:(?:heavy|fierce|intense"
                  r"|bitter|street)\s+)?(?:fighting|clashes|combat|battles?|siege)",
    counted_back=r"(?:comes|is|(?P<past>came|was))\s+(?:just\s+|only\s+)?(?P<n>\d{1,2}|" + _NUM + r")\s+(?:(?P<days>days?)|(?P<weeks>weeks?)"
                 r"|(?P<months>months?)|(?P<years>years?))",
    period_in_which=r"after\s+(?P<n>\d{1,2}|" + _NUM + r")\s+(?:(?P<days>days?)|(?P<weeks>weeks?)|(?P<months>months?))\s+in\s+which",
    perfect_aux=r"have|has|had",
    past_aux=r"was|were|had|used\s+to",
    backed_marker=r"backed",
    including=r"including|among\s+them",
    force_heads=r"militia|militias|militiamen|fighters|forces|troops|units|army|brigades?|groups?",
    generic_forces=r"the\s+group|the\s+terrorists|terrorists|militants|the\s+militants|troops|the\s+army",
    against=r"over|against",
    of=r"of",
    that_followers=r"the|it|its|they|he|she|there|a|an|this|these|those|his|her|their|government|militants|troops"
                   r"|rebels",
    passive_aux=r"was|were|is|are|been|be|being|got|gets",
    participle=r"\w+(?:ed|en|wn|ld|ght|st|un|ne|nt)",
    gerund=r"\w+ing",
    gerund_topic=r"about|toward|towards",
    between=r"between",
    result_label=r"result|outcome",
    future=r"will|shall|won['’]t|\w+['’]ll",
    present_aux=r"has|have|is|are",
    present_verb=r"[a-z]+(?<!ss)s",
    region_before=r"(?:province|governorate)\s+of",
    needed_for=r"(?:is|are)\s+(?:(?:also|seen\s+as|considered)\s+)?(?:critical|crucial|key|vital|essential|necessary|needed|required"
               r"|a\s+(?:prerequisite|precondition|first\s+step|necessary\s+step))\s+(?:to|for)",
    temporal_openers=r"when|once|after|until|till|before",
    result_summary=r"victory|stalemate",
    date_label=r"dates?(?:\s+of\s+operation)?",
    claim_refuted=r"(?:the|that|this|these|those|such)\s+(?:claims?|reports?|account|announcement|statement)\s+(?:was|were|is|are)\s+"
                  r"[\"“]?(?:incorrect|false|untrue|wrong|inaccurate|baseless|premature)[\"”]?(?=\s*(?:[.,;]|and\b|\Z))"
                  r"|(?:denied|denies|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted|refutes)\s+"
                  r"(?:it|this|that|(?:the|these|those|such)\s+(?:claims?|reports?|account))(?=\s*(?:[.,;]|\Z|as\b|in\s+a\s+statement))",
    collective=r"both|all|all\s+(?:two|three|four|five)",
    comparison_since=r"(?:first|largest|biggest|worst|deadliest|heaviest|bloodiest|highest|lowest|most\s+\w+)\s+"
                     r"(?:[\w-]+\s+){0,3}?since\s+(?:the|its|their)",
    event_name_before=r"(?-i:Battle|Siege|Fall|Liberation)\s+(?:of|for)",
    event_name_after=r"offensive|campaign",
    battle_adjunct=r"(?:During|In|Under|As\s+part\s+of|Ahead\s+of|In\s+the\s+run-up\s+to)(?:\s+(?:the|its))?",
    span_open_end=r"present|ongoing",
    brief=r"briefly|temporarily|momentarily",
    focus_adverbs=r"only|just|merely",
    praise_before=r"(?:congratulat|commend|prais|salut|thank|hail|applaud)\w*\s+(?!by\b)"
                  r"(?P<objects>(?:(?!\b(?:on|for|by)\b)[^.;:]){1,160}?)"
                  r"\s+(?:on|for)\s+"
                  r"(?:(?:the|their|its)\s+)?(?:(?:successful|swift|historic|rapid|decisive|complete|hard-won)\s+)?",
    era_opening=r"During\s+the\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:[Cc]ivil\s+)?(?:War|war|[Cc]onflict|[Ii]nsurgency|[Uu]prising)\s*,"
                r"(?![^.;]*\b(?:have|has)\b)",  # "… have taken Afrin": a present perfect is the story's news
    force_tail=r"(?:(?:forces|fighters|troops)\s*)?(?:and\s+(?:(?:their|its)\s+)?allies)?",
    agent=r"by",
    noun_links=r"of|in|at",
    out_of=r"out\s+of|from",
    source=r"from",
    beneficiary=r"to|into\s+the\s+hands\s+of",
    backed_by=r"backed\s+by|supported\s+by|assisted\s+by|aided\s+by|helped\s+by|along\s+with|alongside"
              r"|with\s+(?:the\s+)?(?:support|backing|help)\s+(?:of|from)",
    not_agent_before=r"from|against|with|on|over|toward|towards|into|to|under|between|among|including|near|for",
    pronouns=r"it",
    subject_pronouns=r"they|it",
    modal_before=r"to|will|would|could|can|may|might|shall|should|must|cannot|going\s+to|about\s+to|set\s+to"
                 r"|expected\s+to|poised\s+to|likely\s+to|plans?\s+to|planned\s+to|planning\s+to|aims?\s+to"
                 r"|aimed\s+(?:at|to)|aiming\s+(?:at|to)|aim\s+of|bid\s+to|attempts?\s+to|attempting\s+to"
                 r"|efforts?\s+to|trying\s+to|tried\s+to|seeks?\s+to|sought\s+to|seeking\s+to|vow(?:ed|s)?\s+to"
                 r"|pledg(?:ed|es|e)\s+to|promis(?:ed|es|e)\s+to|threaten(?:ed|s)?\s+to|hop(?:es|ed|e)\s+to"
                 r"|wants?\s+to|wanted\s+to|intends?\s+to|ready\s+to|prepar(?:e|es|ed|ing)\s+to|in\s+order\s+to"
                 r"|close\s+to|closer\s+to|on\s+the\s+verge\s+of|objective|goal|target|future|next|push\s+to"
                 r"|drive\s+to|bid\s+for|fight\s+to|battle\s+to|offensive\s+to|operations?\s+to|campaign\s+to"
                 r"|yet\s+to|order\s+to|ordered\s+to|urged\s+to|allow|prevent|stop|toward|towards"
                 r"|(?:process|stages?|midst|phase|task|business)\s+of",
    aims=r"objective|objectives|goal|goals|target|targets|aim|plan|plans|bid|intention|idea|future",
    until=r"until|till|up\s+to",
    relative_time=r"(?:a|an|one|two|three|four|five|six|several|some|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|later|earlier)\s+(?!(?:the|a|an)\b)[A-Z]",
    relative_span=r"(?:(?:only|just|a\s+few|several|some|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
                  r"(?:(?P<short>days?|weeks?)|(?P<hours>hours?)|months?|years?|half\s+a\s+year)\s+(?:before|after)",
    retaking=r"re[a-z]+|won\s+back|wins\s+back|t[a-z]+\s+back|liberat[a-z]+|freed|frees|freeing",
    summary_opening=r"(?:the\s+)?(?:[A-Z0-9][\w'’()–-]*\s+){0,8}?(?:battle|offensive|operation|siege|campaign|liberation"
                    r"|fall|capture)\b[^.;]{0,80}?\b(?:was|is)\s+(?:a|an|the)\s",
    reference_before=r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of"
                     r"|(?:km|kilomet(?:er|re)s?|miles?)\s+(?:away\s+)?from"
                     r"|(?:just\s+|right\s+)?outside(?:\s+of)?|between|(?:on|at)\s+the\s+(?:southern\s+|northern\s+"
                     r"|eastern\s+|western\s+)?edge\s+of"
                     # what a town lies in: "a Syrian town located in Abu Kamal District, Deir ez-Zor"
                     r"|(?:located|situated)\s+(?:\S+\s+){0,3}?in|(?:district|governorate|province),"
                     # where a column set out from: "troops pushing west from Haditha reached … and declared the town
                     # cleared" speaks of the town they reached
                     r"|(?:pushing|pushed|advancing|advanced|moving|moved|marching|driving|sweeping|coming|came"
                     r"|set(?:ting)?\s+out)\s+(?:(?:north|south|east|west|up|down)(?:wards?|river|stream)?\s+)?from",
    factual_before=r"(?:was|were)\s+able\s+to|managed\s+to|succeeded\s+in|(?:helped|assisted)\s+(?:\S+\s+){1,3}?(?:to\s+)?"
                   r"|(?:claim(?:s|ed|ing)?|said|says|reported|believed|thought|known|appear(?:s|ed)?|seem(?:s|ed)?)\s+to\s+have"
                   # "was reported to be entirely in insurgent hands": a report of a state, not an aim
                   r"|(?:was|were|is|are)\s+(?:reported|believed|said|known|thought|confirmed)\s+to\s+be(?:\s+[a-z]+ly)?",
    past_holding=r"controlled|held|occupied",
    struggle_before=r"for",
    attribution=r"according\s+to|citing|quoting",
    handover_before=r"transition(?:s|ed|ing)?|transfer(?:s|red|ring)?|hand(?:s|ed|ing)?\s+over|handover\s+of"
                    r"|turn(?:s|ed|ing)?\s+over|cede[sd]?|ceding|relinquish(?:es|ed|ing)?|share[sd]?|sharing",
    onset=r"began|begun|begins|begin|beginning|launched|launches|launch|started|starts|start|kicked\s+off"
          r"|erupted|broke\s+out",
    reference_date_before=r"first\s+time|first\s+time\s+since|(?:highest|lowest|largest|biggest|worst)\s+(?:\w+\s+)?since",
    modal_after=r"will|would|could|can|may|might|should|must|shall|won't|wouldn't|(?:is|are|was|were)\s+(?:expected|likely|set|due)\s+to",
    sequel_joiners=r"followed\s+by|(?<=,\s)(?:and\s+)?then",
    denied_object=r"it|this|the\s+(?:claims?|reports?|account)|(?:these|those|such)\s+(?:claims|reports)",
    ordinal_before=r"(?:first|second|third|last|latest|only)\s+(?:[\w-]+\s+){0,3}?to(?:\s+(?:be|have\s+been|have))?",
    conditional=r"if|unless|whether|once\s+(?:the|it|they|we|this|that)",
    conditional_start=r"if|should|unless|once",
    negation_before=r"not|never|\w*n['’]t|no\s+longer|nor|fail(?:s|ed|ing)?\s+to|without|neither|nearly|almost|virtually|practically|all\s+but",
    negation_after=r"not|never",
    denial=r"denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes"
           r"|contradicted|no\s+(?:evidence|sign|truth|mention)"
           # "cautioned against reports that the city has fallen": the report is doubted, not made
           r"|caution(?:ed|ing|s)?\s+against|warn(?:ed|ing|s)?\s+against",
    denied_after=r"(?:was|were|has\s+been|have\s+been|is|are)\s+(?:\w+\s+)?(?:denied|dismissed|rejected|disputed|refuted)"
                 r"|(?:could|can)\s*(?:not|n't)\s+(?:be\s+)?(?:independently\s+)?(?:verified|confirmed)"
                 r"|(?:has|have|had|was|were|is|are)\s*(?:not|n't)\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)"
                 r"|(?:were|was)\s+(?:not\s+|never\s+)?(?:unconfirmed|false|untrue|premature)"
                 r"|(?:was|were|has\s+been|had\s+been)\s+(?:later\s+)?(?:retracted|withdrawn)"
                 r"|(?:a|an)\s+(?:claim|report|assertion|account)\s+(?:that\s+)?(?:\S+\s+){0,4}?"
                 r"(?:denied|denies|dismissed|dismisses|rejected|rejects|disputed|disputes|refuted|refutes)",
    background=r"after|since|following|formerly|previously|used\s+to|ever\s+since|(?:long\s+|shortly\s+|just\s+)?before"
               r"|once(?!\s+(?:the|it|they|we|this|that|again)\b)",
    pluperfect=r"had|'d",
    base_forms=r"capture|recapture|retake|seize|liberate|free|take|overrun|regain|secure|storm|enter|conquer|reclaim|push"
               r"|advance"
               r"|lose|fall|drive|expel|oust|besiege|encircle|surround|isolate|win",
    participle_forms=r"overrun",
    outskirts_after=r"(?:\w+\s+)?(?:outskirts|edges?|fringes?|periphery)",
    inner_edge=r"the\s+(?:eastern|western|northern|southern|north-?eastern|north-?western|south-?eastern|south-?western)"
               r"\s+edge\s+of",
    beyond_outskirts=r"cent(?:er|re)|inside|itself|districts?|neighbou?rhoods?|quarters?|(?:breaking|broke|pushing|pushed)\s+into",
    plural_place_nouns=r"towns|cities|villages|settlements",
    location_verbs=r"lies|lay|sits|stands|(?:is|was)\s+(?:located|situated)",
    forecast=r"partly|partially|within|soon|quickly|likely|probably|gradually|nearly|almost|expected|expects?"
             r"|predicts?|predicted|forecasts?",
    perfect_is_undated=True,
    holding_ends=r"(?:is|was|are|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:coming\s+to\s+an\s+end|ending|ended|over|broken|crumbling|collapsing)"
                 r"|(?:has|had)\s+(?:\w+\s+)?(?:ended|collapsed|crumbled)",
    participle_after=r"was|were|(?:has|have|had)\s+been",
    # not "as expected", nor a participle before its noun ("an expected assault", "the expected fall")
    expectation=r"(?<!\bas\s)(?<!\bAs\s)(?<!\bthe\s)(?<!\bThe\s)(?<!\ban\s)(?<!\bAn\s)"
                r"(?:expects?|expected|expecting|anticipates?|anticipated|anticipating|foresees?|predicts?|predicted"
                r"|fears?|feared|(?:prepares?|prepared|preparing|braces?|braced|bracing)\s+for)",
    still=r"still|remains?|remained|continues?\s+to|continued\s+to|kept",
    remainder=r"the\s+rest\s+of|the\s+remainder\s+of",
    partial_adverb=r"partially|partly",
    member_of=r"(?:fighters|militiamen|soldiers|troops|members|units|militants|commandos|forces)\s+(?:with|from|of|belonging\s+to)(?:\s+the)?",
    unreal_cue=r"never|not|no|refused?|rejected|vowed|would|will|demand(?:s|ed)?|calls?\s+for|talks\s+on|threat(?:en(?:ed|s)?)?|if|unless",
    failed_cue=r"broke\s+down|collapsed|fell\s+through|failed|stalled|broken|violated",
    some=r"some|several|a\s+few|part\s+of|dozens\s+of|hundreds\s+of|many\s+of|most\s+of",
    after_phrase=r"after|following",
    locative_after=r"(?:on|at)\s+the\s+(?:\w+\s+)?(?:edge|outskirts|fringes?)\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
                   r"|in\s+(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)"
                   r"\s+[A-Z][\w'’-]*(?:\s+(?:province|governorate))?",
    time_shift=r"now|later|finally|then|since|eventually|subsequently|afterwards|soon|again|within|until|after|before",
    cue_source=r"\s+(?:\S+\s+)?(?:from|out\s+of|of)\s+",  # ("pulled out" + "of")
    village_anaphor=r"the\s+(?:\S+\s+){0,2}?village",
    later=r"since|later|subsequently|eventually|afterwards",
    anaphoric_time=r"that|the|this",
    time_unit=r"hours?|minutes?|moments?|days?|weeks?|months?|years?",
    locative=r"in|at|near|outside|around|inside|from",
    little_resistance=r"(?:with|meeting|met|encountering|encountered|facing|faced)\s+(?:little|no|little\s+or\s+no|hardly\s+any)"
                      r"\s+resistance",
    holdout=r"still|remained|remain|remains|remaining|so\s+far|at\s+first|initially|in\s+the\s+first",
    whole_before=r"all|every|all\s+the",
    absolute_before=r"with",
    none_of=r"none|nothing|neither",
    inside_town=r"(?:in|inside)(?:\s+(?:the\s+)?(?:provincial\s+capital|(?:northern|southern|eastern|western)\s+(?:town|city)"
                r"|town|city)(?:\s+of)?)?",
    unopposed=r"without\s+(?:a\s+)?(?:fight|resistance|a\s+shot\s+(?:being\s+)?fired)|unopposed"

              r"|(?<!never\s)(?<!not\s)invited\s+in(?=\s+by\b|\s*,|\s+after\b|\s+to\b)"
              r"|(?:under|as\s+part\s+of|following)\s+(?:a|the|an)\s+(?:[\w.-]+\s+){0,2}?(?:surrender|evacuation|reconciliation)"
              r"\s+(?:deal|agreement|accord)|(?:broke|lifted)\s+(?:the|a)\s+(?:\w+\s+){0,2}?siege\s+and",
    withdrawal=r"withdrew|withdrawn|pulled\s+out|moved\s+out|retreated",
    entry_after=r"after",
    extent=rf"(?:(?:{_ABOUT})\s+)?{_PERCENT}",
    town_facilities=r"government\s+(?:center|centre|complex|compound|headquarters|buildings?|offices?)"
                    r"|(?:provincial|municipal)\s+(?:council\s+)?(?:compound|buildings?|headquarters)"
                    r"|municipality\s+buildings?|police\s+(?:stations?|headquarters)"
                    r"|(?:mayor|governor)['’]s\s+(?:office|compound)|(?:city|town)\s+hall",
    let_in=r",\s*(?:allowing|letting|enabling)\s+(?:\S+\s+){0,4}?",
    # (past a partner of the force let in: "allowing the Iraqi Army and the Popular Mobilisation Units (PMU) to")
    let_in_after=r"(?:\s+and\s+(?:[\w()'’-]+\s+){0,5}?[\w()'’-]+)?\s+(?:to\s+)?(?:enter|move\s+into|move\s+in|take\s+over"
                 r"|take\s+control\s+of)\b",
    participle_articles=r"the|a|an",
    progressive_before=r"(?:am|is|are|was|were|been)(?:\s+(?:now|still|currently|steadily|slowly|gradually))*"
                       r"|(?:progress|headway)\s+(?:\w+\s+){0,2}?in\s+(?:first\s+)?(?:\w+ing\s+and\s+)?(?:now|then)?",
    backing_verbs=r"backs|backed|supports|supported|arms|armed",
    speaker_possessives=r"our|my|your",
    units=r"forces|units?|columns?|soldiers|commandos|brigades?|battalions?|divisions?|detachments?|convoys?",
    withdrawal_area=r"(?:the|a|an|that)\s+(?:[\w-]+\s+){0,2}?(?:pocket|area|enclave)\b",
    now=r"now",
    repelled=r"repel(?:led|s)?|repulsed|repulses|repulse|fended\s+off|fought\s+off|beat\s+back|beaten\s+back"
             r"|thwarted|thwarts|thwart|foiled|foils|foil|blunted|halted",
    duration=r"for\s+(?:(?:more\s+than|nearly|almost|about|over|some|at\s+least)\s+)?(?:a|an|\d+|one|two|three|four|five"
             r"|six|seven|eight|nine|ten|eleven|twelve|several|many)(?:\s+and\s+a\s+half)?\s+(?:years?|months?|weeks?)",
    adverbs=r"[a-z]+ly|and|or|then|also|again|back|soon|eventually|subsequently|even|now|already|just|not|yet",
    slot_words=r"the|both|either|a|an|its|their|his|her|this|these|those|full|complete|total|near-complete|near-total"
               r"|entire|whole|all|of|over|control"
               r"|stronghold|bastion|enclave|overnight"
               r"|back|again|also|swiftly|quickly|fully|finally|officially|formally|effectively|largely|nearly|key"
               r"|strategic|important|vital|remaining|last|main|nearby|neighbouring|neighboring|so-called|self-styled"
               r"|self-declared|self-proclaimed|de|facto|mainly|predominantly|mostly|ancient|historic|border|frontier"
               r"|oil|desert|riverside|small|smaller|large|larger|largest|major|big|biggest|second-largest"
               r"|strategically|mixed|shattered|battered|besieged|embattled|remote|key|central|downtown|rest|remainder"
               r"|disputed|coveted|restive|oil-rich|multi-ethnic|multiethnic"
               r"|“|”|\"|'|’|‘",
    adjective=r"[a-z][\w-]*(?:ern|ian|ish|ese|ic|ical|ful|ous|ive)|provincial|regional|district",
    place_nouns=r"towns?|city|cities|villages?|townships?|settlements?|capital|hub",
    state_locative=r"in(?:\s+(?:the\s+)?areas?\s+(?:near|around|of))?",
    subarea_after=r"(?:\w+\s+)?(?:outskirts|edges?|fringes?|periphery|districts?|neighbou?rhoods?|quarters?|cent(?:er|re)"
                  r"|old\s+city|suburbs?)"
                  r"|(?:north|south|east|west)(?![\w-])",
    town_anaphor=r"the\s+(?:\S+\s+){0,2}?(?:town|city|village|township)",
    focus_anaphor=r"(?:its|their)\s+(?:\w+\s+)?(?:last\s+)?(?:bastion|stronghold)|the\s+pocket",
    region_anaphor=r"the\s+province",
    partial=rf"(?:(?:{_ABOUT}|up\s+to)\s+)?{_PERCENT}\s+of|"
            r"parts?\s+of|the\s+rest\s+of|roughly\s+half\s+of|about\s+half\s+of"
            r"|half\s+of|(?:a|one|two|three|several|some|many|most|a\s+number\s+of|a\s+handful\s+of|dozens\s+of)"
            r"\s+(?:\w+\s+)?(?:districts?|neighbou?rhoods?|quarters?|sectors?|areas?)"
            r"\s+(?:of|in|on\s+the\s+(?:\w+\s+)?(?:side|bank|edge)\s+of)|(?:districts?|neighbou?rhoods?|quarters?)\s+(?:of|in)"
            r"|neighbou?rhood\s+after\s+neighbou?rhood|the\s+(?:\w+\s+){0,3}?(?:districts?|neighbou?rhoods?"
            r"|quarters?|sectors?)\s+of|the\s+(?:north|south|east|west|centre|center|heart|middle|old\s+city)\s+of"
            r"|(?:the\s+)?(?:government\s+)?(?:cent(?:er|re)|compound|complex|headquarters)\s+(?:of|in)"
            r"|(?:several|some|few|many)\s+(?:\w+\s+)?(?:buildings|pockets|streets)\s+(?:of|in)|pockets?\s+(?:of|in)"
            r"|any\s+(?:part|neighbou?rhood|district)\s+of|(?:the\s+)?old\s+city\s+of",
    half=r"the\s+(?:eastern|western|northern|southern|east|west|north|south)\s+(?:half|part|side|bank)\s+of",
    half_adjective=r"eastern|western|northern|southern|east|west",
    most=r"most\s+of|much\s+of|the\s+bulk\s+of|nearly\s+all\s+of"
         r"|all\s+but\s+(?:a\s+)?(?:few\s+)?(?:\w+\s+)?(?:pockets?|parts?|neighbou?rhoods?|districts?|areas?|streets?)\s+of",
    whole=r"all\s+of|the\s+whole\s+of|the\s+entire|full\s+control\s+of|complete\s+control\s+of",
    outskirts=r"(?:the\s+)?(?:outskirts|edges?|gates|perimeter|approaches|fringes?)\s+of|(?:a|the)\s+hill\s+overlooking",
    quarter_after=r"neighbou?rhoods?|quarters?",
    held_past=r"was|were|remained|stayed|held|controlled|occupied|had",
    civilian_subject=r"convoys?|aid|journalists?|reporters?|residents?|civilians?|refugees?|families|inspectors?"
                     r"|delegations?|observers?|ambulances?|trucks?|lorries|buses|people|displaced|returnees",
    quarter_anaphor=r"the\s+old\s+(?:city|town)",
    landmark_after=r"(?:[A-Z]\w*\s+)?(?:oil\s*field|oilfield|oil\s+refinery|refinery|dam|(?:air|military|army)\s+base"
                   r"|airbase|base|(?:international\s+|military\s+)?airport|air\s*field|airfield|university"
                   r"|border\s+(?:crossing|gate|post)|crossing|gate|prison|citadel|castle|checkpoint|plant|factory"
                   r"|bridge|hospital|mosque|stadium|camp|highway|road|route|silos?|museum|ruins|front|axis"
                   r"|intersection|junction|roundabout|residential\s+area|industrial\s+(?:area|zone)"
                   r"|city\s+hall|(?:city|town)\s+(?:buildings?|council|compound)"
                   r"|police\s+(?:stations?|headquarters)|(?:mayor|governor)['’]s\s+(?:office|compound)|checkpoints"
                   r"|bases|mosques|hospitals|bridges|prisons)",
    landmark_before=r"(?:university|airport|airfield|air\s+base|base|dam|refinery|oil\s+field|prison|citadel"
                    r"|crossing|camp)\s+(?:of|in|at|near|outside)",
    region_after=r"province|governorate|district|region|countryside|desert|valley|river|basin|plain|pocket|campaign"
                 r"|offensive|operation|military\s+council|military\s+coalition|dialect|area",
    dateline=r"(?:[A-ZÆØÅÄÖÜÇŞĞİ][A-ZÆØÅÄÖÜÇŞĞİ’'.-]{2,}(?:\s+[A-ZÆØÅÄÖÜÇŞĞİ][A-ZÆØÅÄÖÜÇŞĞİ’'.-]+)*)"
             r"(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
             r"(?:\s*\([^)]{1,40}\))?\s*(?:(?:[—–:]+|--?)(?=\s)|(?=\s+[A-Z]))",
    # ("FILE - A fighter walks …": a file photo's caption, as VOA and AP mark it)
    caption=r"\b(?:Photo|Photograph|Picture|Image)\s*(?:by\b|:|/)|\bphoto\s+by\b|\bthis\s+(?:picture|photo|image)\b"
            r"|\A\s*FILE(?:\s+PHOTO)?\s*[-–—:]"
            # ("Prime Minister Haider al-Abadi, center, raises an Iraqi flag": who stands where in a photo)
            r"|(?-i:[A-Z][\w'’-]+),\s+(?:center|centre|left|right|second\s+(?:from\s+)?(?:left|right)),\s+[a-z]+s\b",
    declaration=r"declared|declares|announced|announces|proclaimed|proclaims|claimed|claims",
    contradiction=r"but|however|yet|nevertheless|though|although|even\s+though",
    # "with little resistance", "without resistance": the manner of an unopposed entry, not a fight
    combat=r"fighting|clashes|clashed|clashing|battle|battles|battling|battled|combat|(?<!little\s)(?<!\bno\s)(?<!without\s)resistance"
           r"|shelling|firefights?"
           r"|under\s+(?:heavy\s+)?fire",
    share=r"(?P<percent>\d+(?:[.,]\d+)?)\s*(?:percent|per\s+cent|%)",
    share_lost=r"lost",
    share_held=r"controls?|hold|holds|held",
    abbreviations=r"Mr|Mrs|Ms|Dr|St|Mt|Ft|Gen|Gens|Col|Lt|Maj|Capt|Cpt|Sgt|Cpl|Pvt|Spc|Adm|Cmdr|Cdr|Brig|Sen|Sens"
                  r"|Rep|Reps|Gov|Pres|Prof|Rev|Jr|Sr|e\.g|i\.e|approx|vs|cf",
    dates=DATES,
)
