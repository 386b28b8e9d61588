"""Norwegian Bokmål: the words of control claims, their cues, and dates."""

from geo.lang import (CAPTURE, CONTEST, FALL, LOSS, NUM_LEFT, NUM_RIGHT, PRESSURE, STATE, YEAR, YEAR_TAIL, DateRule,
                      DateWords, Language, Predicate as P, alt, counted)

PRESENT_PASSIVE = r"erobres|gjenerobres|inntas|overtas|frigjøres|befris"

PREDICATES = (
    # -- taking ------------------------------------------------------------------------------------
    P(CAPTURE, r"gjenerobret|gjenerobrer|gjenerobre|gjenerobra|erobret|erobrer|erobre|erobra"
               r"|inntok|inntar|innta|inntatt|overtok|overtar|overta|overtatt"
               r"|vant\s+tilbake|gjenvant|sikret\s+seg|sikret|sikra|okkuperte"),
    P(CAPTURE, r"tok|tar|ta|tatt"),  # apart: "ta" is in most sentences, the words above are not
    P(CAPTURE, r"frigjorde|frigjort|frigjøre|frigjør|befridde|befridd|befri|befrir|befridt", liberation=True),
    P(CAPTURE, r"heiste\s+(?:\S+\s+){0,3}?flagg(?:et|ene)?\s+over"),
    P(CAPTURE, r"drev|drevet|driver|drive|kastet|jaget|jagde|jager|presset", form="drive"),
    P(CAPTURE, r"gjenerobringen|erobringen|inntakelsen|overtakelsen|seier(?:en)?", form="noun"),
    P(CAPTURE, r"frigjøringen|befrielsen", form="noun", liberation=True),
    # -- losing --------------------------------------------------------------------------------------
    P(LOSS, r"mistet|mister|miste|mista|tapte|taper|tape|tapt|oppga|har\s+måttet\s+oppgi"),
    P(LOSS, r"(?:trakk|trukket|trekker)\s+seg\s+(?:ut\s+av|tilbake\s+fra)"),
    # "falt i hendene på IS" is one predicate: the holder phrase names who the town fell to
    P(FALL, r"(?:falt|faller|falle)(?:\s+i\s+hendene\s+på)?|(?:ble|er|har\s+blitt)\s+overlevert(?=\s+til\b)"),
    P(FALL, r"fallet", form="noun"),
    P(LOSS, r"tapet(?=\s+av\b)", form="noun"),
    # -- fighting inside -------------------------------------------------------------------------------
    P(CONTEST, r"stormet|stormer|storme|(?:gikk|går|gått|rykket|rykker|trengte|trenger|brøt)\s+(?:\S+\s+){0,4}?inn\s+i"
               r"|tok\s+seg\s+inn\s+i|kjempet\s+seg\s+inn\s+i", entry=True),
    P(CONTEST, r"motangrep(?:et)?(?:\s+(?:i|mot|på))?|gikk\s+til\s+motangrep(?:\s+(?:i|mot|på))?|gatekamper\s+i"
               r"|(?:gate)?kamper\s+(?:\w+\s+){0,3}?(?:inne\s+i|i\s+gatene\s+i)|kamper\s+(?:nær|i)(?=\s+byens\s+sentrum)"
               r"|(?:kjemper|kjempet|kjempes)\s+(?:\w+\s+){0,3}?(?:inne\s+i|i\s+gatene\s+i)"),
    # -- pressing from outside -----------------------------------------------------------------------
    # "rykket inn i utkanten av Mosul": i kanten av byen, ikke inne i den
    P(PRESSURE, r"(?:rykket|rykker|trengte|trenger|gikk|går)\s+(?:\S+\s+){0,3}?inn\s+i\s+(?:de\s+[\wæøå-]+\s+)?"
                r"(?:utkanten|utkantene|ytterkanten)\s+av"),
    P(PRESSURE, r"(?:rykket|rykker)\s+(?:\S+\s+){0,3}?(?:fram|frem)(?:\s+mot)?|(?:rykket|rykker)\s+(?:\S+\s+){0,3}?mot"
                r"|beleiret|beleirer|beleire|beleiringen\s+av|beleiring\s+av|omringet|omringer|omringe|omringa"
                r"|nærmer\s+seg|nærmet\s+seg|kilometer\s+fra\s+bygrensa|på\s+offensiven|offensiv(?:en)?\s+mot"
                r"|angrep(?:et)?\s+(?:på|mot)|isolert|isolerte"),
    # -- holding -------------------------------------------------------------------------------------
    P(STATE, r"kontrollerer|kontrollerte|kontrollert|kontrollere|okkuperer"
             r"|(?:har|hadde)\s+(?:hatt\s+)?(?:(?:igjen|nå|også|fortsatt|fremdeles|full|fullstendig|total)\s+){0,2}"
             r"kontroll(?:en)?\s+(?:over|på)"
             # verb-second after a fronted adverbial, the subject inside: "I januar 2014 hadde IS full kontroll over"
             r"|(?:har|hadde)\s+(?:(?!(?:ikke|aldri|mistet|tapt|fått|tatt|sikret|gjenvunnet)\b)[\wæøå'’-]+\s+){1,3}?"
             r"(?:(?:full|fullstendig|total)\s+)?kontroll(?:en)?\s+(?:over|på)"),
    P(STATE, r"holder|holdt|holde|holdes"),
    P(STATE, r"kontrolleres|okkuperes", passive=True),  # the s-passive: "Manbij, som kontrolleres av SDF"
    # The s-passive of taking, in chronologies' present: "12. august 2016: Manbij erobres av SDF".
    P(CAPTURE, PRESENT_PASSIVE, passive=True),
    # "kom tilbake under regjeringens kontroll", "havnet i IS' hender": a taking, by the holder named inside
    # (past forms only: "kommer under regjeringens kontroll innen få uker" is a forecast)
    P(CAPTURE, r"(?:kom|kommet|havnet)\s+(?:tilbake\s+)?(?:under\s+(?:\S+\s+){0,2}?kontroll"
               r"|under\s+(?:\S+\s+)?[\wæøå]+-kontroll|i\s+(?:\S+\s+){0,2}?hender|i\s+hendene\s+på)", form="holder"),
    P(STATE, r"under\s+(?:\S+\s+){0,2}?kontroll|under\s+(?:\S+\s+)?[\wæøå]+-kontroll|i\s+(?:\S+\s+){0,2}?hender"
             r"|i\s+hendene\s+på", form="holder"),
    P(STATE, r"[\w'’]+-(?:kontrollerte|kontrollert|holdte)|[A-ZÆØÅ]{2,}-(?:området|kontroll)", form="attribute"),
    P(STATE, r"siste\s+(?:\w+\s+)?(?:bastion|høyborg|lomme|skanse|festning)|\S*høyborg(?:en)?|bastion(?:en)?"
             r"|(?:selverklærte\s+)?hovedstad", form="epithet"),
)

# -- dates ----------------------------------------------------------------------------------------------

WEEKDAYS = {"mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lørdag": 5, "søndag": 6}
MONTHS = {"januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
          "september": 9, "oktober": 10, "november": 11, "desember": 12}
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
                       "nov": 11, "des": 12}
SEASONS = {"våren": 3, "sommeren": 6, "høsten": 9, "vinteren": 12}
#: "i sommer", "i fjor høst": the season word without the article.
SEASONS_BARE = {"vår": 3, "sommer": 6, "høst": 9, "vinter": 12}
NUMBERS = {"en": 1, "ett": 1, "én": 1, "et": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
           "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12}

_MONTH = alt(MONTHS)
_MONTH_ABBR = alt(MONTH_ABBREVIATIONS)
_NUM = alt(NUMBERS)
#: A share written as a percentage ("90 prosent", "45%").
_PERCENT = r"\d+(?:[.,]\d+)?\s*(?:prosent|%)"
_WEEKDAY = alt(WEEKDAYS)
_BARE = alt(SEASONS_BARE)
_COUNTED = counted(r"prosent|mennesker|personer|sivile|soldater|krigere|tropper|familier|innbyggere|døde|drepte|"
                   r"dollar|kroner|landsby\w*|byer|hus|boliger|fly|stridsvogner")
_MONTH_CUE = (r"(?:i|fra|siden|gjennom|under|(?:i\s+)?(?:begynnelsen|starten|midten|slutten|utgangen|løpet)\s+av"
              r"|tidlig\s+i|sent\s+i)")

DATES = DateWords(
    weekdays=WEEKDAYS,
    months=MONTHS,
    month_abbreviations=MONTH_ABBREVIATIONS,
    seasons=SEASONS | SEASONS_BARE,
    numbers=NUMBERS,
    forward_before=r"innen|neste|kommende|fram\s+til|frem\s+til|før",
    late_in_day=("kveld", "natt"),
    night_before=r"\bnatt(?:en)?\s+til\b",
    range_join=r"til|og|[–-]",
    range_start=r"fra|mellom",
    rules=(
        DateRule("day_month", rf"\b(?P<d>[0-3]?\d)\.\s?(?P<mon>(?:{_MONTH})\b|(?:{_MONTH_ABBR})\b\.?)"
                              rf"(?:\s+(?P<y>{YEAR})\b{NUM_RIGHT}|\s+(?P<lastyear>i\s+fjor)\b"
                              rf"|\s+(?P<sameyear>samme\s+år(?:et)?)\b)?", forward=True),
        DateRule("season", rf"\b(?:(?P<season>{alt(SEASONS)})\s+(?P<y>{YEAR})\b(?:\s*[/–-]\s*(?P<y_to>{YEAR}|\d\d)\b)?"
                           rf"{NUM_RIGHT}|(?P<lastyear>i\s+fjor)\s+(?P<bare_ly>{_BARE})\b"
                           rf"|i\s+(?P<bare>{_BARE})\b(?!\s*[-–])|(?P<last>forrige|sist)\s+(?P<bare_last>{_BARE})\b)",
                 forward=True),
        DateRule("month", rf"\b(?:(?P<cue>{_MONTH_CUE})\s+(?:(?P<last>forrige|sist)\s+)?(?P<mon>{_MONTH})\b"
                          rf"(?:\s+(?P<y>{YEAR})\b{NUM_RIGHT}|\s+(?P<lastyear>i\s+fjor)\b)?"
                          rf"|(?P<mon2>{_MONTH})\s+(?P<y2>{YEAR})\b{NUM_RIGHT})", forward=True),
        DateRule("year", rf"\b(?:i|fra|siden|året|år|(?:begynnelsen|starten|midten|slutten|utgangen|løpet)\s+av"
                         rf"|tidlig\s+i|sent\s+i)\s+{NUM_LEFT}(?P<y>{YEAR})\b{NUM_RIGHT}{YEAR_TAIL}{_COUNTED}",
                 forward=True),
        DateRule("relative_year", r"\b(?:(?P<last>i\s+fjor)|(?P<this>i\s+år)"
                                  r"|(?P<start>(?:starten|begynnelsen)\s+av\s+(?:året|dette\s+året)))\b(?!\s*[-–])"),
        DateRule("relative_month", r"\b(?:(?P<last>(?:i\s+)?(?:forrige|sist)\s+måned(?:en)?)"
                                   r"|(?P<this>(?:tidligere\s+)?denne\s+måneden))\b"),
        DateRule("week", r"\b(?:(?P<last>(?:i\s+)?(?:forrige|sist)\s+uk(?:e|en|a)|(?:i\s+)?uk(?:a|en)\s+som\s+gikk)"
                         r"|(?P<this>(?:tidligere\s+)?denne\s+uk(?:en|a)|tidligere\s+i\s+uk(?:en|a|e))"
                         r"|(?P<last_weekend>(?:i\s+)?(?:forrige|sist)\s+helg(?:en|a)?)"
                         r"|(?P<weekend>i\s+helgen|i\s+helga))\b"),
        DateRule("ago", rf"\bfor\s+(?P<n>\d{{1,2}}|{_NUM})\s+(?:(?:drøy|drøyt|god|godt|knapp|knapt)\s+)?"
                        rf"(?:(?P<days>dager|dag|døgn)|(?P<weeks>uker|uke)"
                        rf"|(?P<months>måneder|måned)|(?P<years>år))\s+siden\b"),
        DateRule("anchored", rf"\b(?:(?P<same>samme\s+dag(?:en)?)(?!\s+(?:at|som)\b)"
                             rf"|(?P<next>dagen\s+etter|dagen\s+derpå|neste\s+dag)(?!\s+(?:at|som)\b)"
                             rf"|(?P<prev>dagen\s+(?:før|i\s+forveien))(?=\s*[,.;:!?)]|\s*$|\s+(?:hadde|var|ble|har|er)\b)"
                             rf"|(?P<n>\d{{1,2}}|{_NUM})\s+(?:dager|dag|døgn)\s+(?:(?P<later>senere|seinere)"
                             rf"|(?P<earlier>tidligere)))\b"),
        DateRule("anchored_span", rf"(?<!\bog\s)\b(?P<n>\d{{1,2}}|{_NUM})\s+(?:(?P<years>år)|(?P<months>måneder|måned)|(?P<weeks>uker|uke))"
                                  rf"\s+(?:(?P<later>senere|seinere)|(?P<earlier>tidligere))\b(?![,\s]+(?:den|i|på)\s+\d)"),
        DateRule("day", r"\b(?:(?P<yesterday>i\s+går)(?:\s+(?:morges|kveld|ettermiddag|formiddag|natt))?"
                        r"|(?P<before_yesterday>i\s+forgårs)"
                        r"|(?P<today>i\s+dag|i\s+morges|i\s+kveld|i\s+natt|i\s+ettermiddag|tidligere\s+i\s+dag))\b(?!s)"),
        # "i fredags" is colloquial for last Friday
        DateRule("weekday", rf"\b(?:(?P<last>i)\s+(?P<wd_s>{_WEEKDAY})s\b"
                            rf"|(?:(?P<night>natt(?:en)?\s+til)\s+|(?P<last2>sist|forrige)\s+|på\s+)?"
                            rf"(?P<wd>{_WEEKDAY})\b(?![-–]\w))"
                            r"(?:\s+(?P<tod>morgen|formiddag|ettermiddag|kveld|natt)\b)?"
                            # "fredag forrige uke": that weekday of the week before
                            r"(?:\s+(?P<lastweek>(?:i\s+)?(?:forrige|sist)\s+uk(?:e|en|a))\b)?", forward=True),
    ),
)

LANGUAGE = Language(
    code="nb",
    predicates=PREDICATES,
    coordinators=r"og|men|eller|så",
    subordinators=r"men|mens|etter\s+at|før|siden|da|når|fordi|selv\s+om|inntil|hvis|dersom|som|der|hvor|at"
                  r"|slik\s+at|ettersom",
    relatives=r"som",
    complementizer=r"at",
    saying=r"sier|sa|opplyser|opplyste|melder|meldte|kunngjorde|hevder|hevdet|avviste|avviser|erklærte|bekreftet"
           r"|skriver|mener",
    inheriting=r"og|men|så|da|når|som|der|at",
    list_joiners=r"og|samt|så|deretter|både",
    source_list_joiners=r"samt|i\s+tillegg\s+til",
    exception_after=r"\s*,?\s*(?:bortsett\s+fra|unntatt|med\s+unntak\s+av)\b",
    part_words=r"(?:\s*(?:den|det|de|av|i|østlige|vestlige|nordlige|sørlige|delen|siden|kanten)\b)*\s*",
    list_after=r"etter|før",
    determiners=r"den|det|de|sin|sitt|sine|deres",
    possessives=r"sin|sitt|sine|deres",
    date_prepositions=r"i|på|den",
    destinations=r"til|mot",
    mop_up=r"opprydding(?:en)?|rydding(?:en)?|minerydding(?:en)?|rensk(?:ing|ingen)?",
    clause_shift=r"(?:(?P<n>\d{1,2}|" + _NUM + r")\s+(?:(?P<days>dager|døgn|dag)|(?P<weeks>uker|uke)|(?P<months>måneder|måned))"
                 r"|(?P<one_day>dagen)|(?P<one_week>uken)|(?P<half>et\s+halvt\s+år))\s+(?:(?P<before>før)|etter)(?:\s+at)?",
    fighting_span=r"(?P<n>\d{1,2}|" + _NUM + r")\s+(?:(?P<days>dager|døgn)|(?P<weeks>uker))\s+(?:med|av)\s+(?:(?:harde|tunge"
                  r"|intense|voldsomme)\s+)?(?:kamper|kamp|kamphandlinger|beleiring)",
    counted_back=r"(?:kommer|er|(?P<past>kom|var))\s+(?:bare\s+)?(?P<n>\d{1,2}|" + _NUM + r")\s+(?:(?:drøy|drøyt|god|knapp)\s+)?"
                 r"(?:(?P<days>dager|dag|døgn)|(?P<weeks>uker|uke)"
                 r"|(?P<months>måneder|måned)|(?P<years>år))",
    perfect_aux=r"har|hadde",
    past_aux=r"var|ble|hadde",
    backed_marker=r"støttede|støttet",
    including=r"inkludert|blant\s+(?:annet|dem)|deriblant",
    held_past=r"var|forble|holdt|kontrollerte|okkuperte|hadde",
    civilian_subject=r"konvoi(?:en)?|nødhjelpskonvoi(?:en)?|journalister|journalistene|innbyggere|innbyggerne|sivile"
                     r"|flyktninger|flyktningene|familier|familiene|observatører|observatørene|delegasjon(?:en)?"
                     r"|busser|bussene|lastebiler|lastebilene",
    force_heads=r"militsen|militsene|militser|krigere|krigerne|styrker|styrkene|soldater|soldatene|enheter|enhetene",
    generic_forces=r"gruppen|gruppa|kalifatet|hæren|militæret",
    against=r"over|mot",
    of=r"av",
    complementizer_always=True,
    pronoun_alone=False,
    passive_aux=r"ble|blir|er|var|blitt|bli|vært",
    participle=r"\w+(?:et|t|d|dd)",
    gerund=r"\w+ende",
    agent=r"av",
    noun_links=r"av|i|over|på",
    out_of=r"ut\s+av|fra",
    source=r"fra",
    beneficiary=r"til|i\s+hendene\s+på",
    backed_by=r"støttet\s+av|med\s+støtte\s+fra|backet\s+av|sammen\s+med|assistert\s+av|hjulpet\s+av",
    not_agent_before=r"fra|mot|med|til|på|over|mellom|blant|for",
    pronouns=r"den|det",
    subject_pronouns=r"de|den",
    modal_before=r"å|vil|skal|kan|kunne|skulle|ville|må|burde|bør|i\s+ferd\s+med\s+å|planlegger\s+å|planla\s+å"
                 r"|forsøker\s+å|forsøkte\s+å|prøver\s+å|prøvde\s+å|har\s+som\s+mål\s+å|sikter\s+mot\s+å"
                 r"|truet\s+med\s+å|truer\s+med\s+å|lovet\s+å|lover\s+å|ventes\s+å|forventes\s+å|for\s+å"
                 r"|klar\s+til\s+å|mål(?:et)?|neste|offensiv(?:en)?\s+for\s+å|operasjon(?:en)?\s+for\s+å",
    aims=r"mål|målet|målene|plan|planen|planene|hensikt|hensikten|tanken|ideen",
    until=r"inntil|til|fram\s+til|frem\s+til|helt\s+til",
    between=r"mellom",
    result_label=r"resultat|utfall",
    future=r"vil|skal",
    present_aux=r"har|er|blir",
    present_verb=r"[a-zæøå]+er|tar|får|går",
    region_before=r"provinsen|guvernementet",
    needed_for=r"er\s+(?:(?:også|helt)\s+)?(?:avgjørende|nødvendig|kritisk|en\s+forutsetning)\s+for",
    temporal_openers=r"når|etter\s+at|så\s+snart|før|inntil",
    result_summary=r"seier",
    date_label=r"dato|tidsrom",
    claim_refuted=r"(?:avviste|avviser|tilbakeviste|tilbakeviser|dementerte|dementerer|avkreftet|avkrefter)\s+"
                  r"(?:det|dette|påstanden|påstandene|meldingen|meldingene|opplysningene)(?=\s*(?:[.,;]|\Z))"
                  r"|(?:påstanden|påstandene|meldingen|meldingene|opplysningene)\s+(?:var|er)\s+[«\"]?(?:feil|uriktige?|usanne?)"
                  r"[»\"]?(?=\s*(?:[.,;]|og\b|\Z))",
    collective=r"begge|alle|alle\s+(?:tre|fire|fem)",
    comparison_since=r"(?:første|største|verste|blodigste|tyngste|mest\s+\w+)\s+(?:[\w-]+\s+){0,3}?siden",
    event_name_before=r"slaget\s+(?:om|ved)|beleiringen\s+av|kampen\s+om",
    event_name_after=r"-?offensiven|-?kampanjen",
    battle_adjunct=r"Under|I\s+løpet\s+av|I",
    span_open_end=r"pågår|pågående|i\s+dag",
    brief=r"kortvarig|midlertidig",
    focus_adverbs=r"bare|kun",
    praise_before=r"(?:gratuler|berøm|hyll|takk)\w*\s+(?!av\b)(?P<objects>(?:(?!\b(?:med|for|av)\b)[^.;:]){1,160}?)\s+(?:med|for)\s+(?:den\s+)?(?:vellykkede\s+|raske\s+|historiske\s+)?",
    era_opening=r"Under\s+(?:den\s+)?(?:(?:syriske|irakiske)\s+)?(?:borgerkrigen|(?<=syriske\s)krigen|(?<=irakiske\s)krigen)\b(?!\s*,?\s*har\b)",
    force_tail=r"(?:(?:styrker|soldater)\s*)?(?:og\s+(?:(?:deres|sine|dens)\s+)?allierte)?",
    relative_time=r"(?:en|ett|et|to|tre|fire|fem|seks|sju|åtte|ni|ti|flere|noen|\d+)\s+(?:dager?|dagen|uker?|uken|måneder?|måneden|år|året)\s+(?:etter|før)\s+(?!at\b)[A-ZÆØÅ]",
    relative_span=r"(?:(?:bare|kun|noen\s+få|noen|få|\d+|en|et|ett|to|tre|fire|fem|seks|sju|åtte|ni|ti)\s+)?"
                  r"(?:(?:drøy|drøyt|god|godt|knapp|knapt)\s+)?(?:(?P<short>dager?|uker?)|(?P<hours>timer?)|måneder?|år|halvt\s+år)\s+(?:før|etter)(?:\s+at)?",
    retaking=r"gjen[a-zæøå]+|[a-zæøå]+\s+tilbake|frigj[a-zæøå]+|befri[a-zæøå]*",
    summary_opening=r"(?:[A-ZÆØÅ0-9][\wæøå'’()–-]*\s+){0,8}?(?:slaget|offensiven|operasjonen|beleiringen|kampanjen"
                    r"|frigjøringen|erobringen)\b[^.;]{0,80}?\b(?:var|er)\s+(?:en|et|ei|den|det)\s",
    reference_before=r"(?:nord|sør|øst|vest|nordøst|nordvest|sørøst|sørvest)\s+for|(?:like\s+|rett\s+)?utenfor|mellom"
                     r"|(?:km|kilometer)\s+(?:unna\s+)?fra"
                     r"|(?:rykket|rykker|avanserte|avanserer|kom|kommer)\s+(?:(?:nord|sør|øst|vest)over\s+)?fra",
    past_holding=r"kontrollerte|holdt|okkuperte",
    struggle_before=r"om",
    attribution=r"ifølge|iflg\.|i\s+følge|med\s+henvisning\s+til|siterer",
    onset=r"begynte|begynt|begynner|startet|starta|startes|starter|innledet|innledes|innleder|satte\s+i\s+gang"
          r"|brøt\s+ut|blusset\s+opp",
    reference_date_before=r"første\s+gang|første\s+gang\s+siden",
    modal_after=r"vil|kan|skal|kunne|ville|må|bør|skulle|ventes\s+å",
    sequel_joiners=r"etterfulgt\s+av|fulgt\s+av",
    denied_object=r"det|dette|påstanden|påstandene|meldingen|meldingene|opplysningene",
    factual_before=r"klarte\s+å|lyktes\s+(?:med\s+)?å|greide\s+å",
    conditional=r"hvis|dersom",
    conditional_start=r"faller|hvis|dersom|om",
    negation_before=r"ikke|aldri|ikke\s+lenger|verken|uten\s+å",
    negation_after=r"ikke|aldri",
    denial=r"avviste|avviser|benektet|benekter|tilbakeviste|tilbakeviser|dementerte|dementerer|avkreftet"
           r"|avkrefter|bestrider|bestred",
    denied_after=r"(?:ble|er|har\s+blitt|blir)\s+(?:\w+\s+)?(?:avvist|dementert|benektet|tilbakevist|avkreftet)"
                 r"|(?:tilbakevises|avvises|avkreftes|dementeres|benektes)\b"
                 r"|(?:ble|er|har\s+blitt)\s+(?:senere\s+)?trukket\s+tilbake"
                 r"|(?:kan|kunne)\s+ikke\s+(?:uavhengig\s+)?bekreftes|(?:er|var)\s+(?:ikke\s+)?(?:ubekreftet|feil|usann)"
                 r"|(?:er|var|har|hadde)\s+ikke\s+(?:blitt\s+)?(?:uavhengig\s+)?bekreftet",
    background=r"etter\s+at|siden|tidligere|en\s+gang|inntil|dengang",
    pluperfect=r"hadde",
    base_forms=r"erobre|gjenerobre|innta|ta|overta|frigjøre|befri|miste|tape|falle|storme|beleire|omringe"
               r"|kontrollere|holde|drive|kaste",
    still=r"fortsatt|fremdeles|fortsetter|ennå",
    remainder=r"resten\s+av",
    partial_adverb=r"delvis",
    member_of=r"[\wæøå]*(?:krigere|soldater|styrker|medlemmer|enheter|spesialsoldater|militsfolk)\s+(?:fra|i|av)",
    unreal_cue=r"ikke|aldri|avvist|avviste|avviser|krav\s+om|kreve|krever|vil|skal|forhandlinger\s+om|truer|truet|hvis|dersom",
    failed_cue=r"brøt\s+sammen|kollapset|mislyktes|strandet|brutt|brudd",
    some=r"noen|en\s+del|flere|deler\s+av|mange\s+av|hundrevis\s+av|dusinvis\s+av",
    after_phrase=r"etter(?:\s+at)?",
    time_shift=r"nå|senere|deretter|siden|etterpå|snart|igjen|innen|inntil|etter|før|slutt",
    cue_source=r"\s+(?:\S+\s+)?(?:ut\s+av|av|fra)\s+",
    village_anaphor=r"landsbyen",
    later=r"siden|senere|seinere|etterpå|sidenhen",
    anaphoric_time=r"samme|den|det|denne",
    time_unit=r"timer?|minutter?|øyeblikk|dager?|uker?|måneder?|år",
    locative=r"i|ved|nær|utenfor|rundt|inne\s+i|på|fra",
    little_resistance=r"(?:med|møtte)\s+(?:liten|lite|ingen|nesten\s+ingen)\s+motstand",
    holdout=r"fortsatt|fremdeles|ennå|så\s+langt|foreløpig|i\s+første\s+omgang|i\s+starten|i\s+begynnelsen",
    whole_before=r"alle|hele",
    none_of=r"ingen|ingenting|intet",
    inside_town=r"(?:i|inne\s+i)(?:\s+(?:selve|provinshovedstaden|byen|grensebyen))?",
    present_passive=PRESENT_PASSIVE,
    holding_ends=r"(?:er|var|har\s+vært)\s+(?:\w+\s+)?(?:over|slutt|i\s+ferd\s+med\s+å\s+ta\s+slutt|brutt)",
    expectation=r"(?<!\bsom\s)(?<!\bSom\s)(?:venter|ventet|forventer|forventet|frykter|fryktet|forbereder\s+seg\s+på"
                r"|forberedte\s+seg\s+på)",
    forecast=r"delvis|innen|snart|raskt|i\s+løpet\s+av|trolig|sannsynligvis|gradvis|nesten|ventes|venter|regner\s+med",
    unopposed=r"uten\s+(?:kamp|motstand)|(?:etter|under|gjennom)\s+en\s+(?:\S+\s+){0,2}?avtale"
              r"|(?:brøt|hevet|opphevet)\s+(?:\S+\s+){0,2}?beleiringen\s+og",
    withdrawal=r"(?:trakk|trukket|trekker)\s+(?:\S+\s+){0,2}?seg\s+(?:\S+\s+){0,2}?(?:ut|tilbake)",
    entry_after=r"etter\s+at",
    extent=rf"(?:(?:mer\s+enn|over|omkring|nesten|rundt|minst)\s+)?{_PERCENT}",
    town_facilities=r"regjeringskomplekset|regjeringsbygningen|regjeringsbygningene|politistasjonen|politistasjonene"
                    r"|rådhuset|provinsrådets\s+bygning",
    backing_verbs=r"støtter|støttet|støttes|bevæpner|bevæpnet",
    speaker_possessives=r"vår|vårt|våre|min|mitt|mine",
    units=r"styrker|styrkene|enheter|enhetene|soldater|soldatene|kolonner|kolonnen|kolonnene|avdelinger",
    withdrawal_area=r"(?:området|lommen|enklaven)\b",
    repelled=r"slått\s+tilbake|slo\s+tilbake|slår\s+tilbake|avverget|avverge|avvist|avviste|drevet\s+tilbake",
    duration=r"i\s+(?:(?:mer\s+enn|nesten|omkring|over|minst)\s+)?(?:\d+|ett|en|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti"
             r"|elleve|tolv|flere|mange)(?:\s+og\s+et\s+halvt)?\s+(?:år|måneder|uker)",
    now=r"nå",
    adverbs=r"og|eller|så|også|igjen|tilbake|snart|raskt|endelig|deretter|nå|allerede|bare|fullstendig|helt|ikke"
            r"|imidlertid|likevel|dermed|derfor",
    slot_words=r"både|imidlertid|likevel|dermed|derfor|den|det|de|sin|sitt|sine|hele|full|fullstendig|total|kontroll"
               r"|kontrollen|over|tilbake|igjen|også"
               r"|nå|selve|raskt|endelig|formelt|offisielt|resten|“|”|\"|«|»|'",
    adjective=r"[a-zæøå][\wæøå-]*(?<!en)e",
    place_nouns=r"[\wæøå]*by(?:en|ene|er)?|[\wæøå]*landsby(?:en|ene|er)?|tettsted(?:et)?",
    plural_place_nouns=r"[\wæøå]*byene|tettstedene",
    location_verbs=r"ligger|lå",
    state_locative=r"i(?:\s+områdene\s+(?:ved|rundt))?|ved|rundt",
    subarea_after=r"(?:\w+\s+)?(?:utkant\w*|bydel\w*|sentrum|gamleby\w*|forsted\w*)",
    town_anaphor=r"[\wæøå]*byen|[\wæøå]*byens",
    focus_anaphor=r"(?:sin|sitt|deres)\s+(?:\w+\s+)?(?:siste\s+)?(?:bastion|høyborg)|lommen",
    region_anaphor=r"provinsen",
    partial=rf"(?:(?:mer\s+enn|over|nesten|rundt|om\s+lag|minst|drøyt|anslagsvis)\s+)?{_PERCENT}\s+av|"
            r"halvparten\s+av|deler\s+av|en\s+del\s+av|resten\s+av"
            r"|(?:flere|noen|enkelte|mange|de\s+\w+)\s+(?:\w+\s+)?(?:bydeler|bydelene|kvartaler|gater|bygninger"
            r"|områder)\s+(?:av|i)|(?:flere|noen|enkelte)\s+(?:\w+\s+)?(?:bydeler|bygninger|kvartaler)"
            r"|bydel(?:en|ene|er)?\s+(?:av|i)|sentrum\s+av|regjeringskomplekset\s+i|lomme\s+(?:i|av)",
    half=r"den\s+(?:østlige|vestlige|nordlige|sørlige)\s+(?:delen|halvdelen|siden)\s+av"
         r"|(?:øst|vest|nord|sør)(?:siden|delen|halvdelen)\s+av",
    half_adjective=r"(?:hele\s+)?(?:det|den)\s+(?:østlige|vestlige|nordlige|sørlige)|østlige|vestlige|nordlige|sørlige"
                   r"|øst-|vest-",
    most=r"det\s+meste\s+av|mesteparten\s+av|størstedelen\s+av",
    whole=r"hele",
    outskirts=r"utkanten\s+(?:av|i)|utkanten\s+av|bygrensa\s+(?:til|ved)",
    landmark_after=r"-(?:demningen|dammen|flybasen|basen|fengselet|flyplassen|universitetet|raffineriet|oljefeltet"
                   r"|feltet|grenseovergangen|leiren|moskeen|veien|broen|brua|fronten)"
                   r"|\s+(?:demningen|dammen|flybase|flybasen|lufthavn|flyplass|flyplassen|universitet|universitetet"
                   r"|raffineri|oljefelt|oljefeltet|grenseovergang|grenseovergangen|fengsel|fengselet|leir|leiren)",
    landmark_before=r"(?:universitetet|flyplassen|lufthavnen|oljeraffineriet|raffineriet|grenseovergangen|demningen"
                    r"|dammen|flybasen|basen|fengselet|leiren|leirer|moskeen|oljefeltet|militærflyplassen)"
                    r"(?:\s+(?:i|ved|utenfor|nær|mellom|(?:sør|nord|øst|vest)\s+for))?",
    region_after=r"-(?:provinsen|provinsens|distriktet|regionen|området|dalen|ørkenen|fylket|skjoldet)"
                 r"|\s+(?:provinsen|distriktet|regionen)",
    dateline=r"(?:[A-ZÆØÅÄÖÜÇŞĞİ][A-ZÆØÅÄÖÜÇŞĞİ’'.-]{2,}(?:\s+[A-ZÆØÅÄÖÜÇŞĞİ][A-ZÆØÅÄÖÜÇŞĞİ’'.-]+)*)"
             r"(?:,\s*[A-ZÆØÅ][\wæøå]+)?(?:\s*\([^)]{1,40}\))?\s*(?:[—–:]+|--?)(?=\s)"
             r"|(?:[A-ZÆØÅ]{1,}\s+)?[A-ZÆØÅ]{2,}(?:\s+[A-ZÆØÅ]{1,})*\s*:",
    caption=r"\bFoto\s*:|\bdette\s+bildet\b|\bbildet\s+(?:viser|skal\s+vise)|\bScanpix\b",
    declaration=r"erklærte|erklærer|erklært|erklæres|kunngjorde|kunngjør|kunngjort|hevdet|hevder|proklamerte|proklamert|meldte",
    contradiction=r"men|likevel|imidlertid",
    combat=r"kampene|kamper|kamphandlingene|kampen|striden",
    share=r"(?P<percent>\d+(?:[.,]\d+)?)\s*(?:prosent|%)",
    share_lost=r"mistet|tapt",
    verb_second=True,
    share_held=r"kontrollerer|under\s+\S*\s*kontroll",
    abbreviations=r"bl\.a|f\.eks|e\.l|m\.m|m\.fl|jf|jfr|kl|nr|ca|dvs|mht|pga|ift|iflg|vha|St|Dr|Mr|gen|genmaj|oberst"
                  r"|oberstløytn|kapt|løytn|sersj|prof|e\.g|i\.e",
    dates=DATES,
)
