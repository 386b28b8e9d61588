"""Keys that make the press's many spellings of an Arabic place name compare equal.

"Albu Kamal", "Abu Kamal", "Al-Bukamal" and "Boukamal" are one town; so are "Deir ez-Zor", "Deir al-Zor",
"Deir Ezzor" and "Dayr az Zawr". No library normalises Latin-script transliterations of Arabic, so the
rules live here. Two keys, both computed word by word so that a name and a run of words in an article
agree wherever the words are split (see `word_parts`):

- `spelling_key`: articles dropped, transliteration digraphs and doubled letters folded, vowels kept.
  Two spellings of one name usually give the same spelling key; it is also what candidates are scored on.
- `name_key`: the spelling key without vowels after each word's first letter (a consonant skeleton).
  It is only used to find candidates, never to decide: short skeletons ("km", "rk") collide a lot.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Letters NFKD does not decompose, and the marks the press and GeoNames use for ʿayn and hamza.
_LETTER_FOLDS = str.maketrans({
    "ı": "i", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
    "ə": "e", "Ə": "E", "ð": "d", "þ": "th", "œ": "oe", "Œ": "Oe",
})
_APOSTROPHES = re.compile(r"[ʿʾʼʻ‘’`´']")

#: Arabic definite articles as separate words ("al-Qaim", "Deir ez-Zor", "Al Qa'im").
ARTICLES = frozenset({
    "al", "el", "il", "ul", "ad", "an", "ar", "as", "at", "az", "ed", "en", "er", "es", "et", "ez",
    "ash", "esh", "ath", "adh", "ud", "un", "ur", "us", "ut", "uz",
})
# One spelling for words the press writes several ways; the values are arbitrary but stable.
_WORD_FORMS = {
    **dict.fromkeys(("deir", "dair", "dayr", "der", "deyr", "dejr", "dier", "dyr"), "dyr"),
    **dict.fromkeys(("albu", "abu", "abou", "abo", "bou", "bu", "aboo", "ebu"), "bu"),
    # ʿAyn, "spring": "Ain Issa", "Ayn Isa", "Ein Issa" ("ʿ" is dropped before this, so the word starts
    # with its vowel, which the press writes three ways).
    **dict.fromkeys(("ain", "ayn", "ein", "ayin"), "ein"),
}
# An article glued to a sun letter ("Ezzor", "Arraqqa", "Addawlah"): the article's consonant assimilates.
_GLUED_ARTICLE = re.compile(r"\A(?:a|e)([dnrstz])\1(?=[a-z]{2})")
# "dj" is jīm as French and Norwegian writers spell it ("Hawidja", "Sindjar", "Djarablus"); Norwegian
# transliteration writes shīn "sj" and jīm "dsj" ("Sjaddadi", "Manbidsj").
_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dsj", "j"), ("sh", "s"), ("sj", "s"), ("th", "t"), ("dh", "d"),
             ("dj", "j"), ("ch", "s"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"))
# Diphthongs before a consonant: "Zawr"/"Zor", "Shaykh"/"Sheikh" (a w or y before a vowel is a consonant: "Rawa").
_DIPHTHONGS = ((re.compile(r"[ae]y(?![aeiou])"), "ei"), (re.compile(r"aw(?![aeiou])"), "o"))
_DOUBLED = re.compile(r"(.)\1+")
# Final ta marbuta is written -a, -ah, -eh ("Raqqa", "Ar Raqqah", "Hasakeh").
_FINAL_TA_MARBUTA = re.compile(r"(?<=.)(?:ah|eh)\Z")
# w and y are vowels in diphthongs ("Zawr", "Dayr") and consonants between vowels ("Rawa", "Mayadin").
_DIPHTHONG_GLIDE = re.compile(r"(?<=[aeiou])[wy](?![aeiou])")
_NON_INITIAL_VOWELS = re.compile(r"(?<=.)[aeiou]")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def fold(s: str) -> str:
    """Lower-case, without diacritics or ʿayn/hamza marks: "Ālbū Kamāl" → "albu kamal"."""
    return ascii_name(s).lower()


def ascii_name(s: str) -> str:
    """`s` with its letters stripped of diacritics and ʿayn/hamza marks, case kept: "Ḩajīn" → "Hajin"."""
    if s.isascii():  # nothing to fold or decompose (most of GeoNames' 80,000 names in the region)
        return _APOSTROPHES.sub("", s).strip()
    decomposed = unicodedata.normalize("NFKD", s.translate(_LETTER_FOLDS))
    if not decomposed.isascii():  # combining marks are never ASCII
        decomposed = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _APOSTROPHES.sub("", decomposed).strip()


def word_parts(word: str) -> tuple[str, ...]:
    """A folded word as the key functions see it: a final -s becomes a part of its own.

    Norwegian genitives ("Raqqas", "Albu Kamals") then end a part where the name ends, so a matcher that
    only accepts matches ending at part boundaries finds "Raqqa" in "Raqqas". Names are split the same
    way, so "Homs" still keys as "Hom" + "s" in both the gazetteer and the text.
    """
    if len(word) >= 4 and word.endswith("s") and not word.endswith("ss"):
        return (word[:-1], "s")
    return (word,)


@lru_cache(maxsize=200_000)
def part_spelling_key(part: str) -> str:
    """Spelling key of one folded word part (see the module docstring)."""
    if part in ARTICLES:
        return ""
    if part in _WORD_FORMS:
        return _WORD_FORMS[part]
    part = _GLUED_ARTICLE.sub(r"\1", part)
    for old, new in _DIGRAPHS:
        part = part.replace(old, new)
    for pattern, new in _DIPHTHONGS:
        part = pattern.sub(new, part)
    part = _FINAL_TA_MARBUTA.sub("a", part)
    return _DOUBLED.sub(r"\1", part)


@lru_cache(maxsize=200_000)
def part_name_key(part: str) -> str:
    """Consonant skeleton of one folded word part."""
    spelling = part_spelling_key(part)
    return _DOUBLED.sub(r"\1", _NON_INITIAL_VOWELS.sub("", _DIPHTHONG_GLIDE.sub("", spelling)))


def folded_parts(s: str) -> list[str]:
    """The word parts of `s`, folded, in order."""
    return [part for word in _WORD.findall(fold(s)) for part in word_parts(word)]


def keys_of_ascii(ascii: str) -> tuple[str, str]:
    """(`spelling_key`, `name_key`) of a name already passed through `ascii_name`, in one pass."""
    parts = [part for word in _WORD.findall(ascii.lower()) for part in word_parts(word)]
    return "".join(part_spelling_key(p) for p in parts), "".join(part_name_key(p) for p in parts)


def spelling_key(s: str) -> str:
    """Transliteration-normalised spelling, vowels kept: "Ar Raqqah" → "raka", "Boukamal" → "bukamal"."""
    return "".join(part_spelling_key(p) for p in folded_parts(s))


def name_key(s: str) -> str:
    """Consonant skeleton used to find candidates: "Deir ez-Zor", "Dayr az Zawr" and "Deir Ezzor" → "dyrzr"."""
    return "".join(part_name_key(p) for p in folded_parts(s))


#: Similarity of two spellings that differ in one short vowel only ("Shirqat", "Sharqat").
VOWEL_VARIANT_SIMILARITY = 0.9
_VOWELS = frozenset("aeiou")


def spelling_similarity(a: str, b: str) -> float:
    """How alike two spelling keys are, 0..1 (1 when equal)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    if ratio < VOWEL_VARIANT_SIMILARITY and _one_vowel_apart(a, b):
        return VOWEL_VARIANT_SIMILARITY
    return ratio


def spelling_similarity_at_least(a: str, b: str, threshold: float) -> float:
    """`spelling_similarity(a, b)` when it is `threshold` or more, else 0 (`threshold` at most
    `VOWEL_VARIANT_SIMILARITY`). Faster: most pairs a matcher asks about are far apart, and difflib's
    `quick_ratio` (letters in common, in any order) bounds the ratio from above at a quarter of its cost."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < threshold and not _one_vowel_apart(a, b):
        return 0.0
    ratio = matcher.ratio()
    if ratio < VOWEL_VARIANT_SIMILARITY and _one_vowel_apart(a, b):
        ratio = VOWEL_VARIANT_SIMILARITY
    return ratio if ratio >= threshold else 0.0


def _one_vowel_apart(a: str, b: str) -> bool:
    """Whether two spellings of five letters or more differ in one vowel after the first letter.

    Arabic script does not write short vowels, so transliterations guess them: the press writes
    "Shirqat" where GeoNames has "Sharqat". One vowel in a six-letter name is a sixth of it, which the
    edit ratio alone counts as another name.
    """
    if len(a) != len(b) or len(a) < 5:
        return False
    differences = [(x, y) for x, y in zip(a[1:], b[1:]) if x != y]
    return len(differences) == 1 and differences[0][0] in _VOWELS and differences[0][1] in _VOWELS


def slugify(name: str) -> str:
    """URL-safe, stable slug of an English name: "Albu Kamal" → "albu-kamal", "Deir ez-Zor" → "deir-ez-zor"."""
    return _SLUG_JUNK.sub("-", fold(name)).strip("-")
