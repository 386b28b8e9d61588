"""Normalising article text, splitting it into sentences (keeping each sentence's offsets in the
article), and cheap literal pre-checks that tell when a regex cannot match a sentence, so it need not run."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import ahocorasick

try:  # Python 3.11+
    from re import _constants as _sre_c, _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# Characters that show nothing but split a word: zero-width space, non-joiner and joiner, word joiner,
# U+FEFF inside the text (a byte-order mark elsewhere than at the start) and the soft hyphen. Left in,
# "Raq\u200bqa" is no longer Raqqa to the matchers, and the name vanishes from the map.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_HAS_INVISIBLE = re.compile(f"[{_INVISIBLE}]")
_WITHOUT_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE))


def normalise_text(text: str) -> str:
    """Text as the pipeline reads it: Unix line ends, and no invisible characters inside words."""
    text = text.replace("\r\n", "\n")
    if _HAS_INVISIBLE.search(text):
        text = text.translate(_WITHOUT_INVISIBLE)
    return text


# A lower-case Arabic article glued to a name ("al-Yarmuk", "ash-Shaddadi"): a name, as if capitalised.
_ARABIC_ARTICLE = r"(?:al|el|a[dnrstz]|ash|e[dnrstz])[-‑]"
# A sentence ends at . ! ? (optionally followed by a closing quote and citation marks such as "[37]", also set
# apart by a space: "… area. [1] ISIL retreated …")
# before whitespace and a capital, a digit, a dash, an opening quote or a lower-case Arabic article glued
# to a name ("… Abdulrahman. al-Yarmuk ligger …"); paragraphs (blank lines, or single lines in wire copy)
# end one too. The pattern opens with the character class so that `re` can skip to candidates; the
# sentence ends where group `gap` starts (after the . ! ?), or where the line breaks start.
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?P<gap>[\"”’)]?(?:\[\d{1,3}\])*\s+(?:\[\d{1,3}\]\s+)*"
    rf"(?=[A-ZÆØÅÄÖÜ\d\"“‘–—(-]|{_ARABIC_ARTICLE}[^\W\d_]))"
    r"|(?<=\n)\n*)"
)
# A line break inside a sentence of hard-wrapped text (a press release copied from a PDF or an e-mail: "…
# working toward Mosul after their\nvictory in Fallujah"): one line break, no sentence mark before it, and
# after it a word in lower case (not an Arabic article glued to a name, "al-Masdar", which starts a line of
# its own), or any word after a comma. A line that ends without a mark before a capital (a heading, a byline,
# a dateline, a caption, an infobox's label) still ends its sentence: joining those moved dates and forces
# from one line to another.
# Found from each line break, not by a pattern that opens on any letter: twenty times as fast.
_SOFT_WRAP_AFTER_LETTER = re.compile(rf"\n(?=[^\W\d_A-ZÆØÅÄÖÜ])(?!{_ARABIC_ARTICLE})")
_SOFT_WRAP_AFTER_COMMA = re.compile(rf"\n(?=[^\W\d_])(?!{_ARABIC_ARTICLE})")
#: Longer than any abbreviation with its full stop: only the end of a sentence is searched.
_ABBREVIATION_MAX = 12
# A month abbreviation beside a day number is part of a date ("Oct. 20", "on Nov. 3", "2. nov.").
_DAY_BEFORE = re.compile(r"\b[0-3]?\d\.?\s*\Z")
_DAY_AFTER = re.compile(r"(?:[0-3]?\d|[12]\d{3})\b")


@lru_cache(maxsize=8)
def _abbreviations(language: str | None) -> tuple[re.Pattern, re.Pattern]:
    """(words that never end a sentence, month abbreviations) of `language`, or of every language we read
    when it is unknown. Single capitals ("U.S.", "J. Smith") are initials in every language."""
    from geo.lang import available, for_language

    modules = [for_language(language)] if for_language(language) is not None else \
        [for_language(code) for code in available()]
    words = "|".join(f"(?:{m.abbreviations})" for m in modules)
    months = sorted({abbr for m in modules if m.dates is not None for abbr in m.dates.month_abbreviations},
                    key=len, reverse=True)
    never = re.compile(rf"(?<!\w)(?:[A-ZÆØÅ]|{words})\.\Z")
    month = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, months)) or '(?!)'})\.\Z", re.IGNORECASE)
    return never, month


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str, language: str | None = None) -> list[Sentence]:
    """The sentences of `text`; `language` (a code of `geo.lang`) says which abbreviations do not end one
    (every language's when None)."""
    never, month = _abbreviations(language)
    soft = _soft_line_breaks(text) if "\n" in text else frozenset()
    sentences: list[Sentence] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.start("gap")
        if end < 0:
            end = boundary.start()
            if end in soft:
                continue
        elif _abbreviation_at(text, max(start, end - _ABBREVIATION_MAX), end, boundary.end(), never, month):
            continue
        _append(sentences, text, start, end)
        start = boundary.end()
    _append(sentences, text, start, len(text))
    return sentences


def _soft_line_breaks(text: str) -> frozenset[int]:
    """The positions of the line breaks inside sentences: after a letter before a word in lower case, or
    after a comma before any word."""
    found = []
    find = text.find
    position = find("\n", 1)
    while position > 0:
        before = text[position - 1]
        if before == ",":
            if _SOFT_WRAP_AFTER_COMMA.match(text, position):
                found.append(position)
        elif before.isalnum() and not before.isdecimal() and _SOFT_WRAP_AFTER_LETTER.match(text, position):
            found.append(position)  # a letter: word characters but digits and "_" (never alphanumeric)
        position = find("\n", position + 1)
    return frozenset(found)


def _abbreviation_at(text: str, window: int, end: int, after: int, never: re.Pattern, month: re.Pattern) -> bool:
    """Whether the full stop before `end` belongs to an abbreviation, not to the end of a sentence."""
    if never.search(text, window, end):
        return True
    found = month.search(text, window, end)
    if found is None:
        return False
    return bool(_DAY_AFTER.match(text, after) or _DAY_BEFORE.search(text, max(0, found.start() - 6), found.start()))


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))


# --- literal pre-checks ----------------------------------------------------------------------------
#
# Python's `re` cannot skip ahead in a pattern that opens with a look-behind or an alternation of words,
# so a trigger or date pattern costs tens of microseconds per sentence even where it cannot match.
# `required_literals` reads a compiled pattern's syntax tree and returns what every match must contain:
# a conjunction of options, each a set of strings of which at least one occurs in the match as the
# check sees it (lower-cased, every run of white space one " "; `DIGIT` stands for "a \d character").
# `LiteralFilter` checks those against a sentence. The check is exact in one direction only, which is
# all it needs: when it says no, the pattern has no match in the sentence.

DIGIT = "\0digit"  # marker in an option: any character \d matches
_MAX_EXACT = 256  # alternatives tracked per literal run before giving up on the run


def required_literals(pattern: re.Pattern) -> tuple[frozenset[str], ...]:
    """Options every match of `pattern` satisfies: each a set of which one member is in the lower-cased match."""
    tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    _, options = _sequence(list(tree))
    return tuple(options)


def _lower(code: int) -> str | None:
    """A literal as the pre-check sees it: lower-cased, any white space as " " (None: cannot be said)."""
    ch = chr(code)
    if ch.isspace():
        return " "
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else None


def _is_space_class(items) -> bool:
    c = _sre_c
    return bool(items) and all(
        op is c.CATEGORY and av is c.CATEGORY_SPACE or op is c.LITERAL and chr(av).isspace() for op, av in items)


def _join(a: str, b: str) -> str:
    """Two literal runs back to back; white space collapses as it does in the checked text."""
    if a.endswith(" ") and b.startswith(" "):
        b = b[1:]
    return a + b


def _is_digit_class(items) -> bool:
    for op, av in items:
        if op is _sre_c.CATEGORY and av is _sre_c.CATEGORY_DIGIT:
            continue
        if op is _sre_c.RANGE and 0x30 <= av[0] <= av[1] <= 0x39:
            continue
        if op is _sre_c.LITERAL and 0x30 <= av <= 0x39:
            continue
        return False
    return bool(items)


def _item(op, av) -> tuple[set[str] | None, list[frozenset[str]]]:
    """(every string the item can match when that is a small set of literals, else None; its options)."""
    c = _sre_c
    if op is c.LITERAL:
        lowered = _lower(av)
        return ({lowered} if lowered is not None else None), []
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}, []  # zero width: the literals around it stay adjacent
    if op is c.IN:
        if _is_space_class(av):
            return {" "}, []
        if all(o is c.LITERAL for o, _ in av):
            lowered = {_lower(a) for _, a in av}
            if None not in lowered:
                return lowered, []
        if _is_digit_class(av):
            return None, [frozenset({DIGIT})]
        return None, []
    if op is c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is c.BRANCH:
        exacts, options = [], []
        for branch in av[1]:
            exact, branch_options = _sequence(list(branch))
            exacts.append(exact)
            options.append(_best(branch_options))
        exact = set().union(*exacts) if all(e is not None for e in exacts) else None
        if exact is not None and len(exact) > _MAX_EXACT:
            exact = None
        if any(o is None for o in options):
            return exact, []
        return exact, [frozenset().union(*options)]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        exact, options = _sequence(list(body))
        if exact == {" "}:  # \s+, \s*: any run of white space is one " " in the checked text
            return ({" "} if low else {"", " "}), []
        if low == 0:
            if high == 1 and exact is not None:
                return exact | {""}, []
            return None, []
        if low == high == 1:
            return exact, options
        if exact is not None and "" not in exact:
            options = options + [frozenset(exact)]
        return None, options
    return None, []  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, …: one unknown character or more


def _sequence(items) -> tuple[set[str] | None, list[frozenset[str]]]:
    options: list[frozenset[str]] = []
    run: set[str] = {""}
    broken = False

    def flush() -> None:
        if "" not in run:
            options.append(frozenset(run))

    for op, av in items:
        exact, item_options = _item(op, av)
        if exact is not None and len(run) * len(exact) <= _MAX_EXACT:
            run = {_join(a, b) for a in run for b in exact}
            continue
        flush()
        broken = True
        options.extend(item_options)
        run = set(exact) if exact is not None else {""}
    flush()
    return (None if broken else run), options


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    def score(option: frozenset[str]) -> tuple[int, int]:
        return (min(1 if s == DIGIT else len(s) for s in option), -len(option))

    return max(options, key=score) if options else None


def _minimal(literals) -> tuple[str, ...]:
    """The literals without those that contain a shorter one ("april" goes when "apr" is there)."""
    kept: list[str] = []
    for literal in sorted(set(literals), key=lambda s: (len(s), s)):
        if not any(k in literal for k in kept):
            kept.append(literal)
    return tuple(kept)


def _score(literals: tuple[str, ...]) -> tuple[int, int]:
    return (min(map(len, literals)), -len(literals))


#: Case-insensitive matching pairs no character outside the Basic Multilingual Plane with one inside it
#: (tests/test_text.py checks this for the letters the filters use), so only the BMP is searched.
_SEARCHED_PLANES = 0x10000
#: Letters looked up together in one pass over the BMP (others are added as filters need them).
_COMMON_LETTERS = "abcdefghijklmnopqrstuvwxyzæøåäöüé"


@lru_cache(maxsize=8)
def _case_partners(letters: str, planes: int = _SEARCHED_PLANES) -> dict[str, frozenset[str]]:
    """Every character that `re.IGNORECASE` matches to one of `letters` → the letters it matches."""
    everything = "".join(map(chr, range(planes)))
    partners = {}
    for match in re.finditer("[" + re.escape(letters) + "]", everything, re.IGNORECASE):
        ch = match.group()
        partners[ch] = frozenset(l for l in letters if re.fullmatch(re.escape(l), ch, re.IGNORECASE))
    return partners


@lru_cache(maxsize=8)
def _unsafe_chars(alphabet: str, planes: int = _SEARCHED_PLANES) -> re.Pattern | None:
    """Characters that `re.IGNORECASE` matches to a letter of `alphabet` although their `lower()` is not
    that letter ("ı" matches "i", "ſ" matches "s"): a lower-cased text would hide those matches."""
    letters = {ch for ch in alphabet if ch.lower() != ch.upper()}
    if not letters:
        return None
    common = letters <= set(_COMMON_LETTERS)
    partners = _case_partners(_COMMON_LETTERS if common else "".join(sorted(letters)), planes)
    unsafe = [ch for ch, matched in partners.items() if any(l in letters and l != ch.lower() for l in matched)]
    return re.compile("[" + re.escape("".join(unsafe)) + "]") if unsafe else None


_HAS_DIGIT = re.compile(r"\d")
_WHITE_SPACE = re.compile(r"\s+")
_UNUSUAL_SPACE = re.compile(r"[^\S ]|  ")  # white space other than single spaces


@lru_cache(maxsize=256)
def _checked_text(text: str) -> str | None:
    """`text` as the pre-checks see it: lower-cased, white space runs as one " " (None: lower-casing
    changes its length, so it cannot be checked). Cached: the date and trigger checks see each sentence."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    if _UNUSUAL_SPACE.search(lowered):
        lowered = _WHITE_SPACE.sub(" ", lowered)
    return lowered


# The literals of every filter, found in a sentence by one Aho–Corasick pass that all filters share
# (the date and the trigger filters look at the same sentences).
_LITERALS: set[str] = set()
_automaton: ahocorasick.Automaton | None = None


def _register(literals: set[str]) -> None:
    global _automaton
    if not literals <= _LITERALS:
        _LITERALS.update(literals)
        _automaton = None
        _found_literals.cache_clear()


@lru_cache(maxsize=256)
def _found_literals(checked: str) -> frozenset[str]:
    """Which registered literals occur in `checked` (a text as `_checked_text` gives it)."""
    global _automaton
    if not _LITERALS:
        return frozenset()
    if _automaton is None:
        automaton = ahocorasick.Automaton()
        for literal in sorted(_LITERALS):
            automaton.add_word(literal, literal)
        automaton.make_automaton()
        _automaton = automaton
    return frozenset(map(itemgetter(1), _automaton.iter(checked)))


class LiteralFilter:
    """Which of a list of patterns could match a sentence, by their required literals.

    Per pattern it checks two of the options `required_literals` finds: "has a digit" when that is one,
    and the most selective set of literals (longest shortest literal, then fewest literals). One
    Aho–Corasick pass over the lower-cased sentence finds which of all those literals it holds.
    """

    def __init__(self, patterns):
        self._checks: list[tuple[bool, frozenset[str] | None]] = []
        literals: set[str] = set()
        for pattern in patterns:
            options = required_literals(pattern)
            digit = any(option == frozenset({DIGIT}) for option in options)
            literal_sets = [_minimal(option) for option in options if DIGIT not in option]
            best = max(literal_sets, key=_score) if literal_sets else None
            self._checks.append((digit, frozenset(best) if best is not None else None))
            literals.update(best or ())
        self._alphabet = "".join(sorted({ch for literal in literals for ch in literal}))
        _register(literals)
        self._unsafe: re.Pattern | None | bool = False  # looked up on first use (a pass over the BMP)
        # The checks as bit masks over the patterns: a sentence is checked against the few literals it holds,
        # not every pattern against its literals (this runs for every sentence, twice).
        self._by_literal: dict[str, int] = {}
        self._unchecked = self._needs_digit = 0
        for bit, (needs_digit, literal_set) in enumerate(self._checks):
            if needs_digit:
                self._needs_digit |= 1 << bit
            if literal_set is None:
                self._unchecked |= 1 << bit
            for literal in literal_set or ():
                self._by_literal[literal] = self._by_literal.get(literal, 0) | 1 << bit
        self._literals = frozenset(self._by_literal)
        self._all = (1 << len(self._checks)) - 1

    def possible(self, text: str) -> list[bool]:
        """One flag per pattern: False only when the pattern cannot match `text`."""
        mask = self._mask(text)
        return [bool(mask >> bit & 1) for bit in range(len(self._checks))]

    def candidates(self, text: str) -> list[int]:
        """The indices of the patterns that may match `text` (those `possible` flags), in order."""
        mask = self._mask(text)
        found = []
        while mask:
            low = mask & -mask
            found.append(low.bit_length() - 1)
            mask ^= low
        return found

    def _mask(self, text: str) -> int:
        if self._unsafe is False:
            self._unsafe = _unsafe_chars(self._alphabet)
        lowered = _checked_text(text)
        if lowered is None or self._unsafe is not None and self._unsafe.search(text):
            return self._all  # "İ" lower-cases to two characters; "ı" matches "i"
        mask = self._unchecked
        by_literal = self._by_literal
        for literal in self._literals.intersection(_found_literals(lowered)):
            mask |= by_literal[literal]
        if mask & self._needs_digit and _HAS_DIGIT.search(text) is None:
            mask &= ~self._needs_digit
        return mask


class Prefiltered:
    """A pattern searched only in text that its required literals do not rule out (see `LiteralFilter`):
    for a pattern searched in most sentences that almost none match ("40 percent of", a photo caption).
    The sentence's literals are found once for all filters, so the check costs a look-up."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self._filter = LiteralFilter([pattern])

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if self._filter._mask(text) else None
