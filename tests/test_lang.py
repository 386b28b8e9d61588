"""geo/lang: each language's words in one module; the engines find them by language code."""

import re
from dataclasses import fields

import pytest

from geo import dates, lang, triggers
from geo.lang import DateWords, Language, Predicate


def test_every_module_of_the_package_is_a_language():
    assert set(lang.available()) >= {"en", "nb"}
    for code in lang.available():
        language = lang.for_language(code)
        assert isinstance(language, Language) and language.code == code


@pytest.mark.parametrize("code", [None, "", "sv", "../en", "__init__"])
def test_a_language_without_a_module_has_no_words(code):
    assert lang.for_language(code) is None
    assert triggers.grammar(code) is None
    assert dates.find_dates("10. november 2017", code, dates.datetime.date(2017, 11, 10)) == []


@pytest.mark.parametrize("code", lang.available())
def test_every_word_list_compiles_and_the_engines_build_from_it(code):
    language = lang.for_language(code)
    for f in fields(Language):
        value = getattr(language, f.name)
        if isinstance(value, str) and f.name != "code":
            re.compile(value)
    grammar = triggers.grammar(code)
    assert len(grammar.triggers) == len(language.predicates) and grammar.triggers == triggers.TRIGGERS[code]
    assert {p.kind for p in language.predicates} == {"capture", "loss", "fall", "contest", "pressure", "state"}
    assert {p.form for p in language.predicates} <= {"verb", "drive", "noun", "holder", "attribute", "epithet"}


@pytest.mark.parametrize("code", lang.available())
def test_date_words_name_only_handlers_the_date_resolver_has(code):
    words = lang.for_language(code).dates
    assert isinstance(words, DateWords)
    assert {rule.handler for rule in words.rules} <= set(dates._HANDLERS)
    assert all(key == key.lower() for table in (words.weekdays, words.months, words.month_abbreviations,
                                                  words.seasons, words.numbers) for key in table)
    assert len(dates._RULES[code]) == len(words.rules) + 2  # and the shared ISO and numeric shapes


@pytest.mark.parametrize("code, sentence", [
    ("en", "Islamic State fighters seized Palmyra on Wednesday."),
    ("nb", "IS inntok onsdag Palmyra."),
])
def test_the_grammar_finds_a_predicate_in_its_own_language_only(code, sentence):
    other = "nb" if code == "en" else "en"
    found = [t.kind for t in triggers.grammar(code).triggers if t.pattern.search(sentence)]
    assert found == ["capture"]
    assert not [t for t in triggers.grammar(other).triggers if t.pattern.search(sentence) and t.kind == "capture"]


def test_a_predicate_is_plain_data():
    p = Predicate("capture", r"took")
    assert (p.form, p.liberation, p.passive, p.entry) == ("verb", False, False, False)


@pytest.mark.parametrize("code, phrase, late", [
    ("nb", "torsdag kveld", True), ("nb", "natt til fredag", False), ("nb", "fredag", False),
    ("en", "Thursday night", True), ("en", "Thursday", False), ("sv", "torsdag kväll", False),
])
def test_evening_words_come_from_the_language(code, phrase, late):
    assert dates.late_in_day(phrase, code) is late


@pytest.mark.parametrize("code", lang.available())
def test_no_word_list_escapes_a_backslash_twice(code):
    # r"up\\s+to" would look for a backslash in the text, not a space: a quoting slip, never meant.
    language = lang.for_language(code)
    strings = [getattr(language, f.name) for f in fields(Language) if isinstance(getattr(language, f.name), str)]
    strings += [p.pattern for p in language.predicates] + [r.pattern for r in language.dates.rules]
    assert not [s for s in strings if "\\\\" in s]


def test_the_supported_languages_are_the_language_modules():
    from geo.language import SUPPORTED_LANGUAGES

    assert tuple(SUPPORTED_LANGUAGES) == lang.available() == ("en", "nb")


def test_more_english_words_of_taking_and_losing(gazetteer):
    from tests.test_events import events_of

    for text, expected in [
        ("ISIL conquered Mosul in June 2014.", ("capture", "IS", None)),
        ("Iraqi forces reclaimed Tikrit on Tuesday.", ("capture", "IRAQI_GOV", None)),
        ("The SDF gained full control of Tabqa on Wednesday.", ("capture", "SDF", None)),
        ("Iraqi troops routed IS from Hit on Monday.", ("capture", "IRAQI_GOV", "IS")),
        ("IS's loss of Mosul in July was a heavy blow.", ("loss", "UNKNOWN", "IS")),
    ]:
        (e,) = events_of(text, gazetteer, language="en")
        assert (e.kind, e.force, e.previous_force if expected[2] else None) == expected, text
    # A loss of people is no loss of a town.
    assert events_of("We mourn the loss of 20 soldiers near Mosul.", gazetteer, language="en") == []
