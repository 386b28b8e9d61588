"""geo/dates.py: date phrases resolved against publication, one test per phrase kind and language.

Sentences come from the seed articles where they have one. Publication dates of the seeds:
000 Fri 2017-11-10, 001 Thu 2017-11-09, 002 Sat 2017-11-11, 003 (en) Fri 2017-11-10, 004 Sun 2019-02-10.
"""

from datetime import date
from pathlib import Path

import pytest

from geo.dates import ResolvedDate, count_of, counted_back, find_dates

FRI = date(2017, 11, 10)  # seeds 000 and 003
THU = date(2017, 11, 9)  # seed 001
SAT = date(2017, 11, 11)  # seed 002
SUN_2019 = date(2019, 2, 10)  # seed 004
SEEDS = Path(__file__).resolve().parents[1] / "data" / "articles"  # the seed articles, as the demo corpus


def resolved(sentence, language, published, precision="day", anchor=None, anchor_year=""):
    return [(r.date, r.precision)
            for r in find_dates(sentence, language, published, precision, anchor=anchor, anchor_year=anchor_year)]


def only(sentence, language, published, precision="day", anchor=None) -> ResolvedDate:
    found = find_dates(sentence, language, published, precision, anchor=anchor)
    assert len(found) == 1, found
    return found[0]


# --- phrase kinds, Norwegian ----------------------------------------------------------------------------

NB_CASES = [
    # weekdays: the most recent such day on or before publication, publication day included
    ("Jihadistgruppa hadde fredag tatt tilbake kontrollen over 40 prosent av byen.", FRI, "fredag", date(2017, 11, 10), "day"),
    ("IS iverksatte torsdag kveld et kraftig motangrep i den syriske byen.", SAT, "torsdag kveld", date(2017, 11, 9), "day"),
    ("Regjeringsstyrkene rykket lørdag fram for å erobre de siste områdene.", SAT, "lørdag", date(2017, 11, 11), "day"),
    ("Kampene begynte søndag morgen, og pressetalsmann Mustafa Bali har sendt en uttalelse.", SUN_2019, "søndag morgen", date(2019, 2, 10), "day"),
    ("Fredag ettermiddag ble det meldt om kamper nær byens sentrum.", FRI, "Fredag ettermiddag", date(2017, 11, 10), "day"),
    ("Angrepet kom natt til fredag, ifølge SOHR.", SAT, "natt til fredag", date(2017, 11, 10), "day"),
    ("Byen falt sist fredag.", FRI, "sist fredag", date(2017, 11, 3), "day"),
    ("Byen falt i fredags.", FRI, "i fredags", date(2017, 11, 3), "day"),
    # days relative to publication
    ("Hæren erobret byen i går.", FRI, "i går", date(2017, 11, 9), "day"),
    ("Motangrepet startet i går kveld.", FRI, "i går kveld", date(2017, 11, 9), "day"),
    ("Kampene fortsatte i dag.", FRI, "i dag", date(2017, 11, 10), "day"),
    ("Byen ble gjenerobret for to dager siden.", FRI, "for to dager siden", date(2017, 11, 8), "day"),
    # weeks: the Monday of the week
    ("Hizbollah-militsen har denne uken spilt en sentral rolle i kampen om Albu Kamal.", FRI, "denne uken", date(2017, 11, 6), "week"),
    ("Regjeringsstyrkene dro utenom disse områdene da de i forrige uke gjenerobret grensebyen al-Qaim.", SAT, "i forrige uke", date(2017, 10, 30), "week"),
    ("Hæren tok byen tidligere i uka.", FRI, "tidligere i uka", date(2017, 11, 6), "week"),
    ("Kvinner og barn på flukt fra IS-området ved landsbyen Al-Bagouz i forrige uke.", SUN_2019, "i forrige uke", date(2019, 1, 28), "week"),
    # months
    ("Raqqa fungerte som IS' høyborg inntil gruppen mistet kontrollen over den i oktober.", FRI, "i oktober", date(2017, 10, 1), "month"),
    ("Sist gang man hørte fra IS-lederen Abu Bakr al-Baghdadi var i september.", THU, "i september", date(2017, 9, 1), "month"),
    ("I juni meldte russiske tjenestemenn at Baghdadi trolig var drept.", FRI, "I juni", date(2017, 6, 1), "month"),
    ("Byen falt i desember.", FRI, "i desember", date(2016, 12, 1), "month"),  # the most recent December
    ("Kurdiske styrker tok Raqqa i forrige måned.", FRI, "i forrige måned", date(2017, 10, 1), "month"),
    ("Kurdiske styrker tok Raqqa forrige måned.", FRI, "forrige måned", date(2017, 10, 1), "month"),
    ("Bildene fra januar 2014 av sortkledde IS-krigere kjørende gjennom ørkenen.", SUN_2019, "fra januar 2014", date(2014, 1, 1), "month"),
    ("Minst 37.000 mennesker har flyktet til SDF-kontrollerte områder siden desember.", SUN_2019, "siden desember", date(2018, 12, 1), "month"),
    ("Byen falt i oktober i fjor.", SUN_2019, "i oktober i fjor", date(2018, 10, 1), "month"),
    # explicit days
    ("Syriske regjeringsstyrker og militssoldater gjenerobret 2. november byen Deir ez-Zor med støtte fra russiske fly.", THU, "2. november", date(2017, 11, 2), "day"),
    ("Publisert: 10.02.19 20:59", SUN_2019, "10.02.19", date(2019, 2, 10), "day"),
    ("Artikkelen ble publisert 10.02.2019.", SUN_2019, "10.02.2019", date(2019, 2, 10), "day"),
    ("Datoen i rapporten er 2017-11-03.", FRI, "2017-11-03", date(2017, 11, 3), "day"),
    ("Den 2. november 2016 falt byen.", FRI, "2. november 2016", date(2016, 11, 2), "day"),
    ("Byen falt 2. desember.", FRI, "2. desember", date(2016, 12, 2), "day"),  # the most recent 2 December
    # seasons: the first day of the meteorological season
    ("Det var Baghdadi som utropte et kalifat i den irakiske byen Mosul sommeren 2014.", FRI, "sommeren 2014", date(2014, 6, 1), "season"),
    ("Gruppen ble nedkjempet militært fra høsten 2017.", SUN_2019, "høsten 2017", date(2017, 9, 1), "season"),
    ("Offensiven startet vinteren 2014.", FRI, "vinteren 2014", date(2013, 12, 1), "season"),
    ("Byen falt i sommer.", FRI, "i sommer", date(2017, 6, 1), "season"),
    # years, only with a cue
    ("Kalifatet ble erklært opprettet i 2014.", THU, "i 2014", date(2014, 1, 1), "year"),
    ("Gruppen har eksistert fra 2013.", FRI, "fra 2013", date(2013, 1, 1), "year"),
    ("IS hadde i 2013–2015 militær fremgang.", SUN_2019, "i 2013–2015", date(2013, 1, 1), "year"),
    ("Byen falt i fjor.", SUN_2019, "i fjor", date(2018, 1, 1), "year"),
]

EN_CASES = [
    ("Daesh terrorists conducted a blistering counterattack on Albu Kamal in eastern Syria Friday in a desperate bid.", FRI, "Friday", date(2017, 11, 10), "day"),
    ("“IS (Daesh) started counterattacking on Thursday night and retook more than 40 percent of the town.”", FRI, "on Thursday night", date(2017, 11, 9), "day"),
    ("The Syrian Democratic Forces (SDF) retook four villages from Daesh there on Friday.", FRI, "on Friday", date(2017, 11, 10), "day"),
    ("The town fell on Saturday.", FRI, "on Saturday", date(2017, 11, 4), "day"),
    ("The town fell last Friday.", FRI, "last Friday", date(2017, 11, 3), "day"),
    ("The army retook the town yesterday.", FRI, "yesterday", date(2017, 11, 9), "day"),
    ("Fighting continued today.", FRI, "today", date(2017, 11, 10), "day"),
    ("The town was retaken two days ago.", FRI, "two days ago", date(2017, 11, 8), "day"),
    ("Hezbollah played a central role this week.", FRI, "this week", date(2017, 11, 6), "week"),
    ("Iraqi forces retook al-Qaim last week.", SAT, "last week", date(2017, 10, 30), "week"),
    ("The Kurdish-led US-backed forces that retook the Daesh “capital” of Raqqa last month were also advancing.", FRI, "last month", date(2017, 10, 1), "month"),
    ("Raqqa fell in October.", FRI, "in October", date(2017, 10, 1), "month"),
    ("The army retook it in mid-October.", FRI, "in mid-October", date(2017, 10, 1), "month"),
    ("Russian officials said in June that Baghdadi was probably dead.", FRI, "in June", date(2017, 6, 1), "month"),
    ("The town fell in May.", FRI, "in May", date(2017, 5, 1), "month"),
    ("Hawija was liberated in October of last year.", SUN_2019, "in October of last year", date(2018, 10, 1), "month"),
    ("Hawija was liberated in October last year.", SUN_2019, "in October last year", date(2018, 10, 1), "month"),
    ("The pictures from January 2014 show a convoy.", SUN_2019, "from January 2014", date(2014, 1, 1), "month"),
    ("Iraqi forces are seen on November 4, 2017 in the centre of the city of al-Qaim.", FRI, "November 4, 2017", date(2017, 11, 4), "day"),
    ("Iraqi forces entered al-Qaim on 4 November 2017.", FRI, "4 November 2017", date(2017, 11, 4), "day"),
    ("Iraqi forces entered al-Qaim on May 4.", FRI, "May 4", date(2017, 5, 4), "day"),
    ("The report is dated 2017-11-03.", FRI, "2017-11-03", date(2017, 11, 3), "day"),
    ("The caliphate was declared in the summer of 2014.", FRI, "the summer of 2014", date(2014, 6, 1), "season"),
    ("The militants seized Rabia during their summer offensive.", date(2014, 9, 30), "during their summer", date(2014, 6, 1), "season"),
    ("The group was defeated from the fall of 2017.", SUN_2019, "the fall of 2017", date(2017, 9, 1), "season"),
    ("Albu Kamal lies at the heart of the “caliphate” the group declared in 2014 over swathes of Iraq and Syria.", FRI, "in 2014", date(2014, 1, 1), "year"),
    ("The group has existed since 2013.", FRI, "since 2013", date(2013, 1, 1), "year"),
    ("The town fell last year.", SUN_2019, "last year", date(2018, 1, 1), "year"),
]


@pytest.mark.parametrize("sentence, published, phrase, expected, precision", NB_CASES, ids=[c[2] for c in NB_CASES])
def test_norwegian_phrase(sentence, published, phrase, expected, precision):
    found = only(sentence, "nb", published)
    assert (found.phrase, found.date, found.precision) == (phrase, expected, precision)
    assert sentence[found.start:found.end] == phrase


@pytest.mark.parametrize("sentence, published, phrase, expected, precision", EN_CASES, ids=[c[2] for c in EN_CASES])
def test_english_phrase(sentence, published, phrase, expected, precision):
    found = only(sentence, "en", published)
    assert (found.phrase, found.date, found.precision) == (phrase, expected, precision)
    assert sentence[found.start:found.end] == phrase


# --- dates counted from an anchor ---------------------------------------------------------------------

def test_dagen_etter_counts_from_the_anchor():
    found = only("Dagen etter kunngjorde Iraks statsminister at landets regjeringsstyrker hadde tatt tilbake "
                 "kontrollen over byen al-Qaim.", "nb", THU, anchor=date(2017, 11, 2))
    assert (found.phrase, found.date, found.precision) == ("Dagen etter", date(2017, 11, 3), "day")


def test_dagen_etter_without_an_anchor_is_not_guessed():
    assert find_dates("Dagen etter kunngjorde statsministeren seier.", "nb", THU) == []


def test_english_next_day_and_a_day_later_count_from_the_anchor():
    assert resolved("The army entered the town the next day.", "en", FRI, anchor=date(2017, 11, 2)) == [(date(2017, 11, 3), "day")]
    assert resolved("It fell a day later.", "en", FRI, anchor=date(2017, 11, 7)) == [(date(2017, 11, 8), "day")]
    assert resolved("It fell three days later.", "nb", FRI) == []  # nb rules do not read English


def test_later_that_day_and_by_nightfall_are_the_day_just_told():
    sentence = "Peshmerga units entered Zumar on Saturday and had cleared it by nightfall."
    assert resolved(sentence, "en", date(2014, 10, 26)) == [(date(2014, 10, 25), "day"), (date(2014, 10, 25), "day")]
    assert resolved("The rebels took the town later that day.", "en", FRI, anchor=date(2016, 8, 20)) == [
        (date(2016, 8, 20), "day")]
    # With no day told before, there is nothing to count from: no date rather than the publication day.
    assert resolved("The rebels took the town by nightfall.", "en", FRI) == []
    # "the same day in June 2014", "the same day three years earlier": another day, told by what follows.
    assert resolved("IS had seized the city on the same day in June 2014.", "en", FRI, anchor=date(2017, 7, 9)) == [
        (date(2014, 6, 1), "month")]
    assert resolved("IS had seized Tal Afar on the same day three years earlier.", "en", FRI,
                    anchor=date(2017, 7, 9)) == [(date(2014, 1, 1), "year")]


def test_years_months_and_weeks_later_count_from_the_anchor_at_their_own_precision():
    assert resolved("The army retook it three years later.", "en", FRI, anchor=date(2014, 6, 10)) == [
        (date(2017, 1, 1), "year")]
    assert resolved("Iraqi forces retook the city ten months later.", "en", FRI, anchor=date(2014, 6, 11)) == [
        (date(2015, 4, 1), "month")]
    assert resolved("The rebels lost it two weeks later.", "en", FRI, anchor=date(2017, 10, 4)) == [
        (date(2017, 10, 16), "week")]
    assert resolved("Tre år senere gjenerobret regjeringsstyrkene byen.", "nb", FRI, anchor=date(2014, 6, 1)) == [
        (date(2017, 1, 1), "year")]
    # A span right before the date itself gives way to it.
    assert resolved("IS had seized it two years earlier, on 4 January 2014.", "en", FRI, anchor=date(2016, 6, 26)) == [
        (date(2014, 1, 4), "day")]
    # "two years and two months later" is not "two months later"; a second span, or "the same day" after one,
    # could count from the first or from what it counts from: nothing.
    assert resolved("Two years and two months later, Iraqi forces retook it.", "en", FRI, anchor=date(2014, 8, 1)) == []
    assert resolved("Five years later, it lost Baghouz; four years earlier, it had seized Raqqa.", "en",
                    date(2019, 3, 25), anchor=date(2014, 6, 1)) == [(date(2019, 1, 1), "year")]
    assert resolved("Three years later, on the same day, Iraqi forces declared victory.", "en", date(2017, 7, 10),
                    anchor=date(2014, 6, 10)) == [(date(2017, 1, 1), "year")]
    # No anchor, or one too coarse for the span: no date rather than a guess.
    assert resolved("The army retook it three years later.", "en", FRI) == []
    assert resolved("The army retook it two months later.", "en", FRI,
                    anchor=ResolvedDate(date(2014, 1, 1), "year", "in 2014", 0, 7)) == []


def test_a_day_earlier_counts_from_an_explicit_date_in_the_same_sentence():
    sentence = ("Iraqi forces are seen on November 4, 2017 in the centre of the city of al-Qaim, in Iraq's western "
                "Anbar province near the Syrian border after retaking it from Daesh group a day earlier. (AFP)")
    found = find_dates(sentence, "en", FRI, anchor=date(2017, 10, 1))
    assert [(r.phrase, r.date, r.precision) for r in found] == [
        ("November 4, 2017", date(2017, 11, 4), "day"),
        ("a day earlier", date(2017, 11, 3), "day"),
    ]


def test_a_day_earlier_counts_from_the_previous_sentence_then_from_publication():
    sentence = "The terrorists punched back into the town they had lost a day earlier."
    assert resolved(sentence, "en", FRI, anchor=date(2017, 11, 10)) == [(date(2017, 11, 9), "day")]
    # No date earlier in the story: a story about Friday's events (published Friday) means Thursday.
    assert resolved(sentence, "en", FRI) == [(date(2017, 11, 9), "day")]


def test_coarse_anchor_keeps_its_precision():
    october = ResolvedDate(date(2017, 10, 1), "month", "i oktober", 0, 9)
    assert resolved("Dagen etter kom motangrepet.", "nb", FRI, anchor=october) == [(date(2017, 10, 1), "month")]


# --- never after publication ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, language", [
    ("Byen falt 4. desember 2017.", "nb"),
    ("Artikkelen er datert 12.11.2017.", "nb"),
    ("The town fell on December 4, 2017.", "en"),
    ("The town fell on 2017-11-12.", "en"),
    ("Det skjedde sommeren 2018.", "nb"),
    ("Valget holdes i 2018.", "nb"),
    ("It happened in the summer of 2018.", "en"),
])
def test_explicit_date_after_publication_is_dropped(sentence, language):
    assert find_dates(sentence, language, FRI) == []


def test_forward_looking_phrases_are_not_dates():
    assert find_dates("Trump planlegger å trekke USAs 2.000 soldater ut av Nord-Irak innen utgangen av april.", "nb", SUN_2019) == []
    assert find_dates("IS vil være fullstendig nedkjempet i løpet av den kommende uken.", "nb", SUN_2019) == []
    assert find_dates("Det bør kunne kunngjøres offisielt en gang i neste uke.", "nb", SUN_2019) == []
    assert find_dates("Troops will withdraw by April.", "en", SUN_2019) == []
    assert find_dates("The offensive will continue next week.", "en", SUN_2019) == []
    assert find_dates("The army hopes to retake Fallujah by late June 2014.", "en", date(2014, 4, 20)) == []


def test_by_a_month_and_its_year_before_publication_is_by_then():
    # "By late June 2014, at least 70% of the Anbar Province was under ISIS control", in a story of July 2014
    assert resolved("By late June 2014, at least 70% of the Anbar Province was under ISIS control.", "en",
                    date(2014, 7, 20)) == [(date(2014, 6, 1), "month")]
    # Not a deadline inside a sentence, nor one whose span has not ended by publication.
    assert resolved("Abadi had vowed to retake Anbar by the end of January 2015, but IS now controls Ramadi.", "en",
                    date(2015, 8, 10)) == []
    assert resolved("By the end of 2016, the army expects to hold Mosul.", "en", date(2016, 6, 10)) == []


def test_no_seed_sentence_resolves_after_publication():
    published = {"000": (FRI, "nb"), "001": (THU, "nb"), "002": (SAT, "nb"), "003": (FRI, "en"), "004": (SUN_2019, "nb")}
    seen = 0
    for path in sorted(SEEDS.glob("*.md")):
        day, language = published[path.name[:3]]
        for line in path.read_text(encoding="utf-8").splitlines():
            for found in find_dates(line, language, day):
                assert found.date <= day, (path.name, found)
                seen += 1
    assert seen >= 30


# --- articles dated only to the month -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, language", [
    ("Jihadistgruppa hadde fredag tatt tilbake kontrollen over byen.", "nb"),
    ("Motangrepet startet i går kveld.", "nb"),
    ("De gjenerobret al-Qaim i forrige uke.", "nb"),
    ("Byen ble gjenerobret for to dager siden.", "nb"),
    ("Daesh conducted a counterattack on Albu Kamal Friday.", "en"),
    ("The army retook the town yesterday.", "en"),
    ("The town fell a day earlier.", "en"),
])
def test_month_precision_article_never_gets_a_made_up_day(sentence, language):
    assert resolved(sentence, language, date(2017, 11, 1), "month") == [(date(2017, 11, 1), "month")]


def test_month_precision_article_still_resolves_what_does_not_need_the_day():
    november = date(2017, 11, 1)
    assert resolved("Syriske styrker gjenerobret 2. november byen Deir ez-Zor.", "nb", november, "month") == [(date(2017, 11, 2), "day")]
    assert resolved("Raqqa fell last month.", "en", november, "month") == [(date(2017, 10, 1), "month")]
    assert resolved("Byen falt i oktober.", "nb", november, "month") == [(date(2017, 10, 1), "month")]
    assert resolved("Byen falt 3. desember 2017.", "nb", november, "month") == []


# --- no false dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, language, published", [
    ("Syriske styrker kontrollerer nå anslagsvis 37 prosent av provinsen.", "nb", THU),
    ("Det var et sted mellom 2500 og 3500 IS-krigere rundt Albu Kamal.", "nb", THU),
    ("Minst 3.400 antatte IS-krigere er tatt til fange.", "nb", SUN_2019),
    ("– Omtrent 600 IS-krigere er omringet og kampene er veldig grusomme.", "nb", SUN_2019),
    ("Så langt har SDF klart å ta 29 nye posisjoner og rykket én kilometer lenger frem.", "nb", SUN_2019),
    ("Selv om IS har mistet 99,5 prosent av områdene de for få år siden kontrollerte.", "nb", SUN_2019),
    ("Trump planlegger å trekke USAs 2.000 soldater ut av Nord-Irak.", "nb", SUN_2019),
    ("Det er bare noen dager siden den irakske hæren erklærte at de hadde tatt tilbake byen al-Qaim.", "nb", THU),
    ("Men da det kom til stykket, falt Albu Kamal samme dag som slaget om byen begynte.", "nb", THU),
    ("Etter fredagsbønnen samlet folk seg i Mayadin.", "nb", FRI),
    ("Landsbyene i 2000 kilometers omkrets ble bombet.", "nb", FRI),
    ("Byen ble grunnlagt i 1850.", "nb", FRI),
    ("Gruppen leter etter 1990-tallets ledere.", "nb", FRI),
    ("Observers have predicted the regime may seek to retake towns and cities wrested from Daesh.", "en", FRI),
    ("Augustus Smith reported from Mayadin.", "en", FRI),
    ("After the fall of Raqqa the group retreated to the desert.", "en", FRI),
    ("Last updated: 12 min 24 sec ago", "en", FRI),
    ("The remaining fighters only control about 30 percent of territory, in 2000 villages.", "en", FRI),
    ("Fighting raged in the winter.", "nb", FRI),  # English words do not count in a Norwegian sentence
])
def test_numbers_and_words_are_not_dates(sentence, language, published):
    assert find_dates(sentence, language, published) == []


def test_several_dates_come_back_in_text_order():
    sentence = "Gruppen ble etablert i 2013, med røtter tilbake til invasjonen av Irak i 2003."
    found = find_dates(sentence, "nb", SUN_2019)
    assert [(r.phrase, r.date) for r in found] == [("i 2013", date(2013, 1, 1)), ("i 2003", date(2003, 1, 1))]
    assert all(sentence[r.start:r.end] == r.phrase for r in found)


def test_unsupported_language_finds_nothing():
    assert find_dates("Byen falt fredag.", "de", FRI) == []


@pytest.mark.parametrize("sentence, language, published, expected", [
    # "By" with a year before publication looks back at what had happened by then, not ahead.
    ("By January 2014, rebels had seized the town.", "en", date(2016, 8, 24), (date(2014, 1, 1), "month")),
    ("Innen mars 2015 hadde IS tatt byen.", "nb", date(2016, 8, 24), (date(2015, 3, 1), "month")),
])
def test_a_deadline_word_before_a_past_year_is_a_date(sentence, language, published, expected):
    assert [(d.date, d.precision) for d in find_dates(sentence, language, published)] == [expected]


def test_a_deadline_in_the_publication_year_is_still_no_date():
    assert find_dates("The army hopes to retake the city by the end of April.", "en", date(2017, 3, 1)) == []


@pytest.mark.parametrize("sentence, language", [
    ("They have held parts of Ramadi since the start of the year.", "en"),
    ("IS har holdt deler av Ramadi siden starten av året.", "nb"),
])
def test_the_start_of_the_year_is_its_first_month(sentence, language):
    (found,) = find_dates(sentence, language, date(2014, 6, 10))
    assert (found.date, found.precision) == (date(2014, 1, 1), "month")


@pytest.mark.parametrize("sentence, language, expected", [
    ("Baiji fell on 20 June 2014 and Tikrit on 3 July.", "en", [(date(2014, 6, 20), "day"), (date(2014, 7, 3), "day")]),
    ("The army took Ramadi in December 2015 and Hit in April.", "en",
     [(date(2015, 12, 1), "month"), (date(2016, 4, 1), "month")]),
    ("Baiji falt 20. juni 2014, og Tikrit 3. juli.", "nb", [(date(2014, 6, 20), "day"), (date(2014, 7, 3), "day")]),
])
def test_a_date_without_a_year_follows_a_date_with_one_in_the_same_sentence(sentence, language, expected):
    assert resolved(sentence, language, FRI) == expected


def test_a_date_without_a_year_alone_is_still_its_last_occurrence_before_publication():
    assert resolved("Tikrit fell on 3 July.", "en", FRI) == [(date(2017, 7, 3), "day")]


def test_a_bare_year_earlier_in_the_sentence_does_not_date_a_month_without_one():
    assert resolved("IS took the city in 2014 and lost it in July.", "en", FRI) == [
        (date(2014, 1, 1), "year"), (date(2017, 7, 1), "month")]


def test_last_weekend_is_the_weekend_before_the_week_of_publication():
    # A Saturday story's "last weekend" is the week before's; a Wednesday story's is the Saturday just gone.
    for language, text in (("en", "took the town of Akashat last weekend"), ("nb", "tok Akashat forrige helg")):
        assert resolved(text, language, date(2017, 9, 23)) == [(date(2017, 9, 11), "week")], language
        assert resolved(text, language, date(2017, 9, 20)) == [(date(2017, 9, 11), "week")], language
    # "this weekend" stays the publication's own
    assert resolved("took Akashat this weekend", "en", date(2017, 9, 23)) == [(date(2017, 9, 18), "week")]


def test_by_a_weekday_that_is_the_day_of_publication_is_that_day_not_a_deadline():
    assert resolved("By Friday afternoon the army had regained control of the city", "en", date(2014, 6, 6)) == [
        (date(2014, 6, 6), "day")]


def test_a_day_of_the_same_year_takes_the_year_of_the_date_before():
    assert resolved("gjenerobret Palmyra 27. mars 2016, men IS tok byen tilbake 11. desember samme år", "nb",
                    date(2018, 1, 15)) == [(date(2016, 3, 27), "day"), (date(2016, 12, 11), "day")]
    assert resolved("retook Palmyra on 27 March 2016; IS took it back on 11 December that year", "en",
                    date(2018, 1, 15)) == [(date(2016, 3, 27), "day"), (date(2016, 12, 11), "day")]
    # with no date before it, "the same year" says nothing
    assert resolved("IS tok byen tilbake 11. desember samme år", "nb", date(2018, 1, 15)) == []


def test_a_season_after_over_during_or_a_bare_in_is_the_last_such_season():
    for text in ("Over the summer, Iraqi forces recaptured most of the town", "During the summer the army retook it",
                 "Throughout the summer the army held it"):
        assert resolved(text, "en", date(2015, 10, 30)) == [(date(2015, 6, 1), "season")], text
    assert resolved("Finally, in autumn, Iraqi forces captured the city", "en", date(2015, 10, 30)) == [
        (date(2015, 9, 1), "season")]


def test_by_a_day_that_is_the_day_of_publication_is_no_deadline():
    assert resolved("By 15 May IS had taken control over the government headquarters", "en", date(2015, 5, 15)) == [
        (date(2015, 5, 15), "day")]


def test_a_day_or_month_without_a_year_goes_on_in_the_year_of_the_narrative():
    # An encyclopedia of 2015 telling June 2014: "On 11 June" right after "10 June 2014" is 2014's; so is
    # "in early July" right after a date of June 2015 in an article of 2017.
    assert resolved("On 11 June, around 60 ISIL vehicles entered the city of Baiji.", "en", date(2015, 10, 31),
                    anchor=date(2014, 6, 10), anchor_year="day") == [(date(2014, 6, 11), "day")]
    assert resolved("Den 11. juni tok IS Baiji.", "nb", date(2015, 10, 31), anchor=date(2014, 6, 11),
                    anchor_year="day") == [(date(2014, 6, 11), "day")]
    june = ResolvedDate(date(2015, 6, 1), "month", "June 2015", 0, 9)
    assert resolved("It was reclaimed by the YPG in early July.", "en", date(2017, 8, 1), anchor=june,
                    anchor_year="month") == [(date(2015, 7, 1), "month")]
    # (a month alone goes on only within the paragraph)
    assert resolved("It was reclaimed by the YPG in early July.", "en", date(2017, 8, 1), anchor=june,
                    anchor_year="day") == [(date(2017, 7, 1), "month")]
    # Not a date told paragraphs before (a story of today after a background of 2014), not months on from
    # the last day told, nor a date as coarse as a year: then it is the latest such day or month.
    assert resolved("It was reclaimed by the YPG in early July.", "en", date(2017, 8, 1), anchor=june) == [
        (date(2017, 7, 1), "month")]
    assert resolved("Iraqi forces entered it on 11 June.", "en", date(2016, 6, 20), anchor=date(2014, 8, 3),
                    anchor_year="day") == [(date(2016, 6, 11), "day")]
    assert resolved("Iraqi forces entered it on 11 June.", "en", date(2016, 6, 20), anchor_year="day",
                    anchor=ResolvedDate(date(2014, 1, 1), "year", "2014", 0, 4)) == [(date(2016, 6, 11), "day")]


def test_a_weekday_of_last_week_is_that_day_of_the_week_before():
    # a Saturday story: "Friday" alone is yesterday, "Friday last week" eight days back
    assert resolved("Iraqi forces retook al-Qaim on Friday last week.", "en", date(2017, 11, 11)) == [
        (date(2017, 11, 3), "day")]
    assert resolved("Iraqi forces retook al-Qaim on Friday.", "en", date(2017, 11, 11)) == [(date(2017, 11, 10), "day")]
    assert resolved("Irakiske styrker gjenerobret al-Qaim fredag forrige uke.", "nb", date(2017, 11, 11)) == [
        (date(2017, 11, 3), "day")]
    assert resolved("Hæren gjenerobret byen mandag i forrige uke.", "nb", date(2017, 11, 6)) == [
        (date(2017, 10, 30), "day")]


def test_counted_back_from_a_day_in_its_unit():
    assert counted_back(date(2016, 12, 11), 9, "months") == (date(2016, 3, 1), "month")
    assert counted_back(date(2016, 12, 11), 2, "weeks") == (date(2016, 11, 21), "week")
    assert counted_back(date(2016, 12, 11), 3, "years") == (date(2013, 1, 1), "year")
    assert (count_of("nine", "en"), count_of("ni", "nb"), count_of("12", "en"), count_of("many", "en")) == (9, 9, 12, None)


def test_shifted_by_a_count_in_its_unit():
    from geo.dates import shifted
    assert shifted(date(2017, 11, 9), 2, "days") == (date(2017, 11, 11), "day")
    assert shifted(date(2014, 6, 11), -1, "days") == (date(2014, 6, 10), "day")
    assert shifted(date(2016, 4, 15), -1, "weeks") == (date(2016, 4, 4), "week")
    assert shifted(date(2014, 1, 1), 6, "months") == (date(2014, 7, 1), "month")


def test_a_span_opened_by_a_month_without_its_year_is_in_the_year_of_its_end():
    def told(text, language="en"):
        return [(d.date, d.precision) for d in find_dates(text, language, date(2017, 10, 1))]
    assert told("From August to November 2014 the city was held.") == [(date(2014, 8, 1), "month"),
                                                                         (date(2014, 11, 1), "month")]
    assert told("fra desember til januar 2015", "nb") == [(date(2014, 12, 1), "month"), (date(2015, 1, 1), "month")]
    # not across a clause: "in May, and in June 2016" are two dates of their own
    assert told("captured in May, and in June 2016 it fell")[0] == (date(2017, 5, 1), "month")


def test_a_short_opening_phrase_with_an_earlier_year_dates_the_sentence():
    def told(text, published=date(2017, 10, 1)):
        return [(d.date, d.precision) for d in find_dates(text, "en", published)]
    assert told("During the 2014 ISIL crisis, the town was taken over by ISIL militants.") == [(date(2014, 1, 1), "year")]
    # Not a year inside the sentence (a review's counterexamples), nor one of the year of publication.
    assert told("Kurdish forces retook Sinjar, devastated in the 2014 genocide, on Friday.") == [(date(2017, 9, 29), "day")]
    assert told("In the 2010 elections Ayad Allawi won Mosul, but ISIS seized the city.") == []
    assert told("Amid the 2017 referendum crisis, Iraqi forces have taken Kirkuk.") == []
    assert told("Security forces regained Ramadi, searching in the 2000 buildings the group held.") == []
