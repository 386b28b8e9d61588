"""geo/text.py: sentence splitting, and the literal pre-checks that let date and trigger patterns skip sentences."""

import random
import re

import pytest

from geo import dates, events, triggers
from geo.text import DIGIT, LiteralFilter, _case_partners, _unsafe_chars, required_literals, split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


# --- sentences ------------------------------------------------------------------------------------------

def test_a_reference_mark_set_apart_by_a_space_still_ends_the_sentence_before_it():
    # a Wikipedia timeline day is one paragraph: "… area. [1] ISIL retreated from Mayadin …" had been one sentence,
    # so every claim of the day took the first one's date
    assert texts("Fighters were executed in the area. [1] ISIL retreated from Mayadin. [2] East of Rastan, ISIL "
                 "attacked.") == ["Fighters were executed in the area.", "ISIL retreated from Mayadin.",
                                  "East of Rastan, ISIL attacked."]


def test_sentences_keep_their_offsets_in_the_text():
    text = "IS tok byen. Kampene fortsatte.\n\nSDF rykket fram."
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
    assert texts(text) == ["IS tok byen.", "Kampene fortsatte.", "SDF rykket fram."]


@pytest.mark.parametrize("text, expected", [
    # A sentence may open with a lower-case Arabic article glued to a name.
    ("Det sier SOHR-leder Rami Abdulrahman. al-Yarmuk ligger nær grensen.",
     ["Det sier SOHR-leder Rami Abdulrahman.", "al-Yarmuk ligger nær grensen."]),
    ("The observatory said so on Friday. el-Bab is next.", ["The observatory said so on Friday.", "el-Bab is next."]),
    ("Byen ble tatt. ash-Shaddadi faller snart.", ["Byen ble tatt.", "ash-Shaddadi faller snart."]),
    ("Byen ble tatt. ad-Dana er neste.", ["Byen ble tatt.", "ad-Dana er neste."]),
])
def test_a_lower_case_article_before_a_name_starts_a_sentence(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", [
    "Flere grupper, bl.a. al-Nusra, kjemper i området.",
    "Byer som f.eks. al-Bab er tatt tilbake.",
    "Several towns, e.g. al-Bab, were retaken.",
    "Several towns, i.e. al-Bab and Manbij, were retaken.",
    "Angrepet kom 2. nov. al-Qaim falt senere.",
    "Han sa at byen er tatt. al sier ingenting.",  # "al" without a hyphen is no article glued to a name
    "Han sa at byen er tatt. al-1 er et kodenavn.",  # nor before a digit
])
def test_abbreviations_and_non_names_do_not_end_a_sentence(text):
    assert texts(text) == [text]


def test_hard_wrapped_lines_are_joined_into_their_sentences():
    # A press release copied with its line breaks: the sentence goes on after the break.
    wrapped = ("Iraqi forces have begun working toward Mosul after their\nvictory in Fallujah this week, the "
               "spokesman said,\nand the SDF are tightening a cordon around Manbij.\nSpeaking from a command post in the\n"
               "field, Col. Garver gave an update\non the fight.")
    assert [t.replace("\n", " ") for t in texts(wrapped)] == [
        "Iraqi forces have begun working toward Mosul after their victory in Fallujah this week, the "
        "spokesman said, and the SDF are tightening a cordon around Manbij.",
        "Speaking from a command post in the field, Col. Garver gave an update on the fight."]
    # A line that ends without a mark before a capital, or before a name with its Arabic article, still ends.
    assert texts("Kurdish Peshmerga\nISIS fighters retook Bashiqa on Sunday.\nISIS retakes Palmyra\nal-Masdar News "
                 "reported it.") == ["Kurdish Peshmerga", "ISIS fighters retook Bashiqa on Sunday.",
                                     "ISIS retakes Palmyra", "al-Masdar News reported it."]
    # Lines that are not wrapped stay apart: a heading, an infobox's label and value, a list.
    assert texts("Result ISIL victory\nTerritorial changes\nBy June 2014, IS held Hit.\n- Combatant1: Iraq, ,\n"
                 "- Combatant2: IS") == ["Result ISIL victory", "Territorial changes", "By June 2014, IS held Hit.",
                                         "- Combatant1: Iraq, ,", "- Combatant2: IS"]


def test_e_g_before_a_capital_does_not_end_a_sentence():
    assert texts("Towns such as e.g. Raqqa fell.") == ["Towns such as e.g. Raqqa fell."]


def test_sentence_ends_before_capitals_digits_and_dashes_and_at_line_breaks():
    assert texts("Byen er tatt! Kampene fortsetter. 600 krigere er igjen. – Vi vant.\nNy linje") == [
        "Byen er tatt!", "Kampene fortsetter.", "600 krigere er igjen.", "– Vi vant.", "Ny linje"]
    assert texts("Mr. Bali said so. Dr. Ali agreed.") == ["Mr. Bali said so.", "Dr. Ali agreed."]


@pytest.mark.parametrize("text, language, expected", [
    # Capitalised month abbreviations beside a day number are part of a date.
    ("Troops retook al-Qaim, on the Syrian border, on Nov. 3. Rawa is next.", "en",
     ["Troops retook al-Qaim, on the Syrian border, on Nov. 3.", "Rawa is next."]),
    ("The Oct. 20 liberation of Raqqa ended the siege.", "en", ["The Oct. 20 liberation of Raqqa ended the siege."]),
    ("Manbij fell in Aug. 2016 to the SDF.", "en", ["Manbij fell in Aug. 2016 to the SDF."]),
    ("Rebels took Dabiq on Sept. 16, officials said.", None, ["Rebels took Dabiq on Sept. 16, officials said."]),
    # … but end a sentence where no day stands beside them.
    ("The offensive began in Nov. The town fell later.", "en", ["The offensive began in Nov.", "The town fell later."]),
    # Ranks and titles never end one.
    ("Maj. Gen. Rupert Jones said Lt. Col. Smith agreed.", "en", ["Maj. Gen. Rupert Jones said Lt. Col. Smith agreed."]),
    ("U.S. forces helped. U.S. troops left.", "en", ["U.S. forces helped.", "U.S. troops left."]),
    ("Angrepet kom 2. nov. al-Qaim falt senere.", "nb", ["Angrepet kom 2. nov. al-Qaim falt senere."]),
    # Citation marks after a full stop do not hide the end of the sentence.
    ("It lies in central Syria.[37] The city fell on 27 March.", "en",
     ["It lies in central Syria.", "The city fell on 27 March."]),
    ("Byen falt 10. juni.[11][12] Dagen etter kom hæren.", "nb", ["Byen falt 10. juni.", "Dagen etter kom hæren."]),
])
def test_abbreviations_of_the_language_and_citation_marks(text, language, expected):
    assert [s.text for s in split_sentences(text, language)] == expected


# --- literal pre-checks -----------------------------------------------------------------------------------

def test_required_literals_of_a_trigger_pattern():
    pattern = re.compile(r"(?<![\w-])(?:(?:gjen)?erobret|tatt\s+tilbake)(?![\w])", re.IGNORECASE)
    assert required_literals(pattern) == (frozenset({"erobret", "gjenerobret", "tatt tilbake"}),)


def test_required_literals_know_digits_and_sequences():
    pattern = re.compile(r"\b(?P<d>[0-3]?\d)\.\s?(?P<mon>januar|februar)\b")
    options = required_literals(pattern)
    assert frozenset({DIGIT}) in options
    assert frozenset({".januar", ". januar", ".februar", ". februar"}) in options


def test_a_pattern_without_literals_is_always_possible():
    assert LiteralFilter([re.compile(r"\w+\s+\w")]).possible("anything at all") == [True]
    assert LiteralFilter([re.compile(r"\w+\s+\d")]).possible("no digits here") == [False]


def test_filter_rejects_only_sentences_the_pattern_cannot_match():
    patterns = [p for p, _, _ in dates._RULES["nb"]] + [t.pattern for t in triggers.TRIGGERS["nb"]]
    check = LiteralFilter(patterns)
    sentences = [
        "Syriske regjeringsstyrker gjenerobret 2. november byen Deir ez-Zor.",
        "IS startet natt til fredag et kraftig motangrep.",
        "I fjor høst mistet IS kontrollen over byen.",
        "Kampene pågikk i 2014 og i forrige uke.",
        "Her står ingenting om tid eller kamp.",
        "KAMPENE BLE HARDE FREDAG.",
    ]
    for sentence in sentences:
        for possible, pattern in zip(check.possible(sentence), patterns):
            assert possible or not pattern.search(sentence), (pattern.pattern, sentence)
    assert check.possible("Her står ingenting om tid eller kamp.").count(True) < len(patterns) / 2


@pytest.mark.parametrize("sentence", [
    "IS startet FRİDAY et motangrep",  # "İ" lower-cases to two characters
    "Iſ tok byen fredag",  # "ſ" matches "s" case-insensitively, but is its own lower case
    "Byen ble gjenerobret av hæren ı går",  # "ı" matches "i"
])
def test_characters_that_lower_case_differently_switch_the_filter_off(sentence):
    check = dates._FILTERS["nb"]
    assert all(check.possible(sentence))


def test_unsafe_characters_are_the_case_partners_lower_casing_hides():
    assert set(_unsafe_chars("abcdefghijklmnopqrstuvwxyzæøå").pattern.strip("[]")) == {"İ", "ı", "ſ"}


def test_no_character_outside_the_bmp_matches_the_filters_letters():
    letters = "abcdefghijklmnopqrstuvwxyzæøåäöüé"
    assert _case_partners(letters, 0x110000) == _case_partners(letters, 0x10000)


def test_filters_agree_with_the_patterns_on_random_text():
    rng = random.Random(7)
    words = ("fredag natt til i går kveld dag uke forrige sist januar 2. 10.02.2019 2014 in last week "
             "Friday night yesterday ago earlier erobret mistet falt retook lost control under kontroll "
             "IS-kontroll siste bastion omringet encircled surrounded were was fighting motangrep . , - "
             "İ ı ſ K Å år fjor høst vinter summer").split()
    for language in ("nb", "en"):
        patterns = [p for p, _, _ in dates._RULES[language]]
        triggers_ = [t.pattern for t in triggers.TRIGGERS[language]]
        for _ in range(3000):
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
            for check, pats in ((dates._FILTERS[language], patterns), (events._TRIGGER_FILTERS[language], triggers_)):
                for possible, pattern in zip(check.possible(sentence), pats):
                    assert possible or not pattern.search(sentence), (pattern.pattern, sentence)


def test_white_space_in_a_pattern_is_one_space_in_the_checked_text():
    pattern = re.compile(r"\bi\s+dag\b", re.IGNORECASE)
    assert required_literals(pattern) == (frozenset({"i dag"}),)
    check = LiteralFilter([pattern])
    assert check.possible("Kampene i\n\t DAG var harde.") == [True]
    assert check.possible("Kampene fredag var harde.") == [False]


def test_normalised_text_has_unix_line_ends_and_no_zero_width_characters():
    from geo.text import normalise_text

    assert normalise_text("Raq\u200bqa,\r\nHa\u200cj\u200din og al-\u2060Qaim\ufeff Mo\u00adsul") == \
        "Raqqa,\nHajin og al-Qaim Mosul"
    assert normalise_text("Raqqa\n") == "Raqqa\n"
