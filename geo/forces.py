"""The forces and claimants of `data/forces.yaml` and `data/claimants.yaml`, and finding them in text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from geo.schema import UNKNOWN_FORCE
from geo.text import _case_partners as _letter_case_partners

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FORCES_FILE = DATA_DIR / "forces.yaml"
CLAIMANTS_FILE = DATA_DIR / "claimants.yaml"
GOVERNMENT = "GOVERNMENT"  # placeholder code for "government forces" until the place's country is known

_HEX_COLOUR = re.compile(r"\A#[0-9A-Fa-f]{6}\Z")
# A Norwegian inflection or compound may follow a name: "IS'", "IS-krigerne", "Hizbollahs".
_TAIL = r"(?:['’]s?|s|-[\wæøå]+)?"


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Force:
    code: str
    names: dict[str, str]
    short: dict[str, str]
    color: str
    government_of: str | None
    phrases: dict[str, tuple[str, ...]]
    liberates: bool = True  # false: never the one who frees a place ("liberated from IS")
    holds_towns: bool = True  # false: supports others, never takes or holds a town itself (the coalition)
    backed_by: tuple[tuple[str, str], ...] = ()  # (backer, side): backed by `backer`, it fights on `side`'s side
    #: Names that stand for this force only as the one backing another ("rebels backed by Turkey"): a country
    #: named anywhere else is no force ("fled to Turkey").
    backer_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The countries where it fights (ISO codes); empty: anywhere. "Rebels" taking a town in Iraq is a misreading.
    countries: tuple[str, ...] = ()

    def display_name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names.get("en") or self.code


_SPACE = re.compile(r"\s*")


@dataclass(frozen=True)
class PhraseHit:
    code: str
    start: int
    end: int
    text: str


def _phrase_pattern(phrases: dict[str, str]) -> re.Pattern | None:
    """One alternation, longest phrases first, matching whole words; all-capital phrases case-sensitively.

    Written as one branch per character a phrase can start with, each opening with that character: `re`
    then skips to those characters, and at a word tries only the phrases that can start there, instead of
    every phrase everywhere (the alternation of ~300 phrases was a tenth of reading an article's events).
    At any position the phrases tried are those of the plain alternation that could match there, in its
    order, so the matches are the same."""
    if not phrases:
        return None
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    if any(not phrase.split() for phrase in ordered):
        return re.compile(r"(?<![\w-])(?:" + "|".join(map(_alternative, ordered)) + r")" + _TAIL + r"(?![\w])")
    firsts = "".join(sorted({phrase.split()[0][0] for phrase in ordered if not phrase.isupper()}))
    partners = _case_partners(firsts)  # character → the first letters it matches ignoring case
    by_first: dict[str, list[str]] = {}
    for phrase in ordered:
        words = phrase.split()
        first = words[0][0]
        rest = r"\s+".join([re.escape(words[0][1:]), *map(re.escape, words[1:])])
        if phrase.isupper():
            by_first.setdefault(first, []).append(rest)
        else:
            for ch in sorted(ch for ch, matched in partners.items() if first in matched):
                by_first.setdefault(ch, []).append(f"(?i:{rest})")
    branches = [re.escape(ch) + r"(?<![\w-].)(?:" + "|".join(rests) + ")" for ch, rests in sorted(by_first.items())]
    return re.compile(r"(?:" + "|".join(branches) + r")" + _TAIL + r"(?![\w])")


def _alternative(phrase: str) -> str:
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    return body if phrase.isupper() else f"(?i:{body})"


@lru_cache(maxsize=8)
def _case_partners(letters: str) -> dict[str, frozenset[str]]:
    """Every character that `re.IGNORECASE` matches to one of `letters` → the letters it matches."""
    found = dict(_letter_case_partners(letters))
    # Outside the Basic Multilingual Plane nothing matches these letters ignoring case (tests/test_text.py
    # checks the letters the filters use); the letters themselves match, whatever they are.
    for letter in letters:
        found[letter] = found.get(letter, frozenset()) | {letter}
    return found


def _find(pattern: re.Pattern | None, lookup: dict[str, str], text: str) -> list[PhraseHit]:
    if pattern is None:
        return []
    hits = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        # A longer name of a force that starts inside this one wins: "The Army of Conquest" is not "the army"
        # (but "Syrian government troops" stays "Syrian government", not the "government troops" of no country).
        for inner in _WORD_START.finditer(text, match.start() + 1, match.end()):
            longer = pattern.match(text, inner.start())
            if longer is not None and longer.end() > match.end() and len(longer.group(0)) > len(match.group(0)) \
                    and _code_for(longer.group(0), lookup) not in (None, "GOVERNMENT"):
                match = longer
        found = match.group(0)
        code = _code_for(found, lookup)
        if code is not None:
            hits.append(PhraseHit(code, match.start(), match.end(), found))
        position = match.end()
    return hits


_WORD_START = re.compile(r"(?<=\s)\S")


@lru_cache(maxsize=16)
def _longest_first(lookup_items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, bool], ...]:
    return tuple((phrase, code, phrase.isupper()) for phrase, code in sorted(lookup_items, key=lambda pc: -len(pc[0])))


_TAIL_AT_END = re.compile(r"(?:['’]s?|s|-[\wæøå]+)\Z")


def _code_for(found: str, lookup: dict[str, str]) -> str | None:
    normalised = " ".join(found.split())
    lowered = normalised.lower()
    exact, folded = _exact(lookup)
    for variant in (normalised, _TAIL_AT_END.sub("", normalised)):
        if variant in exact:
            return exact[variant]
        if variant.lower() in folded:
            return folded[variant.lower()]
    for phrase, code, upper in _ordered(lookup):
        if upper:
            if normalised.startswith(phrase):
                return code
        elif lowered.startswith(phrase.lower()):
            return code
    return None


_ORDERED: dict[int, tuple[dict[str, str], tuple[tuple[str, str, bool], ...]]] = {}
_EXACT: dict[int, tuple[dict[str, str], dict[str, str], dict[str, str]]] = {}


def _exact(lookup: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Phrases in capitals as written, the others lower-cased, for a direct look-up of a whole match."""
    known = _EXACT.get(id(lookup))
    if known is None or known[0] is not lookup:
        upper = {p: c for p, c in lookup.items() if p.isupper()}
        other = {p.lower(): c for p, c in lookup.items() if not p.isupper()}
        known = (lookup, upper, other)
        _EXACT[id(lookup)] = known
    return known[1], known[2]


def _ordered(lookup: dict[str, str]) -> tuple[tuple[str, str, bool], ...]:
    """The phrases of `lookup`, longest first (kept per lookup: the catalogues build theirs once)."""
    known = _ORDERED.get(id(lookup))
    if known is None or known[0] is not lookup:
        known = (lookup, _longest_first(tuple(lookup.items())))
        _ORDERED[id(lookup)] = known
    return known[1]


def _require(mapping: dict, key: str, where: str, file: Path):
    if not isinstance(mapping, dict) or key not in mapping:
        raise ConfigError(f"{file}: {where} has no '{key}'")
    return mapping[key]


@dataclass(frozen=True)
class CountrySides:
    """Phrases that name a different force in each country ("Kurdish forces": the SDF in Syria, the
    peshmerga in Iraq); `code` is a placeholder until the place's country is known."""

    code: str
    sides: dict[str, str]  # country code → force code; "*" for any other country
    phrases: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class ArticleSides:
    """Phrases that name no side by themselves ("under militant control": the Islamic State in Iraq in 2014,
    the rebels of Douma to Damascus): the one of `sides` the article names, none when it names more or
    none; `code` is a placeholder until the article is read."""

    code: str
    sides: tuple[str, ...]
    phrases: dict[str, tuple[str, ...]]
    unless: tuple[str, ...] = ()  # forces whose naming in the article makes the phrase nobody's


@dataclass(frozen=True)
class ForceCatalogue:
    forces: dict[str, Force]
    government_phrases: dict[str, tuple[str, ...]]
    by_country: tuple[CountrySides, ...] = ()
    by_article: tuple[ArticleSides, ...] = ()

    def __post_init__(self):
        patterns = {}
        for language in self.languages():
            lookup = {p: code for code, force in self.forces.items() for p in force.phrases.get(language, ())}
            lookup.update({p: GOVERNMENT for p in self.government_phrases.get(language, ())})
            for sides in (*self.by_country, *self.by_article):
                lookup.update({p: sides.code for p in sides.phrases.get(language, ())})
            patterns[language] = (_phrase_pattern(lookup), lookup)
        object.__setattr__(self, "_patterns", patterns)
        backers = {}
        for language in {lang for force in self.forces.values() for lang in force.backer_names}:
            lookup = {p: code for code, force in self.forces.items() for p in force.backer_names.get(language, ())}
            backers[language] = (_phrase_pattern(lookup), lookup)
        object.__setattr__(self, "_backer_patterns", backers)
        object.__setattr__(self, "_proper_cache", {})

    def languages(self) -> set[str]:
        languages = set(self.government_phrases)
        for force in self.forces.values():
            languages.update(force.phrases)
        for sides in (*self.by_country, *self.by_article):
            languages.update(sides.phrases)
        return languages

    def find(self, text: str, language: str) -> list[PhraseHit]:
        """Force mentions in `text`, in order; "government forces" come back as code GOVERNMENT, a phrase of
        `by_article` as its placeholder code (`article_side` makes it concrete)."""
        pattern, lookup = self._patterns.get(language, (None, {}))
        return _find(pattern, lookup, text)

    def article_side(self, code: str, named: set[str], mentioned: set[str] | None = None) -> str | None:
        """The force a `by_article` placeholder stands for in an article that names the forces `named`: the
        one of its sides named there, None when it names more, none, or one of its `unless`; with `mentioned` (the
        forces the article speaks of, by name or by a common word: "rebels"), None too when another of its sides or
        of its `unless` is among them. Any other code stays as it is."""
        mentioned = named if mentioned is None else named | mentioned
        for sides in self.by_article:
            if code == sides.code:
                found = [side for side in sides.sides if side in named]
                if len(found) != 1:
                    return None
                others = [side for side in (*sides.sides, *sides.unless) if side != found[0]]
                return None if any(other in mentioned for other in others) else found[0]
        return code

    def backers_named(self, text: str, language: str) -> set[str]:
        """The forces `text` names by a backer name ("Turkey", "Tyrkia"), wherever it stands."""
        pattern, lookup = self._backer_patterns.get(language, (None, {}))
        return {hit.code for hit in _find(pattern, lookup, text)}

    def by_name(self, hit: PhraseHit, language: str) -> bool:
        """Whether a mention names its force by a proper name ("Islamic State", "ISIL", "IS-krigerne"), not by a word
        any side may be called ("insurgents", "the terrorists")."""
        said = " ".join(hit.text.lower().split())
        names = self._proper_names(language)
        return any(said == name or said.startswith(name) and not said[len(name)].isalpha() for name in names)

    def _proper_names(self, language: str) -> tuple[str, ...]:
        cached = self._proper_cache.get(language)
        if cached is None:
            cached = tuple(sorted({" ".join(p.lower().split()) for force in self.forces.values()
                                   for p in force.phrases.get(language, ()) if any(ch.isupper() for ch in p)},
                                  key=len, reverse=True))
            self._proper_cache[language] = cached
        return cached

    def placeholder(self, code: str) -> bool:
        """Whether `code` is a `by_article` placeholder, to be made concrete per article."""
        return any(code == sides.code for sides in self.by_article)

    def backer_at(self, text: str, position: int, language: str) -> str | None:
        """The force a backer name (`backer_names`) starting at `position` stands for ("støttet av Tyrkia")."""
        found = self.backer_span_at(text, position, language)
        return found[0] if found else None

    def backer_span_at(self, text: str, position: int, language: str) -> tuple[str, int] | None:
        """`backer_at`, with where the backer's name ends."""
        pattern, lookup = self._backer_patterns.get(language, (None, {}))
        if pattern is None:
            return None
        match = pattern.match(text, _SPACE.match(text, position).end())
        return (_code_for(match.group(0), lookup), match.end()) if match else None

    def side_of(self, code: str, backer: str | None) -> str:
        """The side `code` fights on when the text says `backer` backs it ("rebels backed by Turkish troops")."""
        force = self.forces.get(code)
        if force is None or backer is None:
            return code
        return dict(force.backed_by).get(backer, code)

    def liberates(self, code: str | None) -> bool:
        force = self.forces.get(code or "")
        return force is None or force.liberates

    def holds_towns(self, code: str | None) -> bool:
        force = self.forces.get(code or "")
        return force is None or force.holds_towns

    def government_of(self, country: str | None) -> str | None:
        for force in self.forces.values():
            if country and force.government_of == country:
                return force.code
        return None

    def fights_in(self, code: str | None, country: str | None) -> bool:
        """Whether the force may take or hold a town in `country` (see `Force.countries`)."""
        force = self.forces.get(code or "")
        return force is None or not force.countries or country is None or country in force.countries

    def foreign_government(self, code: str | None, country: str | None) -> bool:
        """Whether `code` is the government force of another country than `country` ("Iraqi forces" taking a
        town the gazetteer puts in Syria or Iran): more likely a misread place than a cross-border capture."""
        force = self.forces.get(code or "")
        return bool(force is not None and force.government_of and country and force.government_of != country)

    def resolve(self, code: str | None, country: str | None) -> str | None:
        """A force code with the placeholders (GOVERNMENT, by-country phrases) made concrete for a place in
        `country`; None when the place's country does not say who they are."""
        if code == GOVERNMENT:
            return self.government_of(country)
        for sides in self.by_country:
            if code == sides.code:
                return sides.sides.get(country or "", sides.sides.get("*"))
        return code

    def color(self, code: str) -> str:
        return self.forces[code].color if code in self.forces else self.forces[UNKNOWN_FORCE].color

    def all_phrases(self) -> set[str]:
        phrases = {p for f in self.forces.values() for ps in f.phrases.values() for p in ps}
        phrases.update(p for ps in self.government_phrases.values() for p in ps)
        phrases.update(p for sides in (*self.by_country, *self.by_article) for ps in sides.phrases.values() for p in ps)
        return phrases


@lru_cache(maxsize=4)
def load_forces(path: Path = FORCES_FILE) -> ForceCatalogue:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    forces_raw = _require(raw, "forces", "the file", path)
    forces: dict[str, Force] = {}
    for code, entry in forces_raw.items():
        where = f"force {code}"
        color = str(_require(entry, "color", where, path))
        if not _HEX_COLOUR.match(color):
            raise ConfigError(f"{path}: {where}: colour must look like #RRGGBB, got {color!r}")
        names = _require(entry, "name", where, path)
        phrases = entry.get("phrases") or {}
        forces[code] = Force(
            code=code,
            names={k: str(v) for k, v in names.items()},
            short={k: str(v) for k, v in (entry.get("short") or names).items()},
            color=color,
            government_of=entry.get("government_of"),
            phrases={lang: tuple(str(p) for p in (ps or ())) for lang, ps in phrases.items()},
            liberates=bool(entry.get("liberates", True)),
            holds_towns=bool(entry.get("holds_towns", True)),
            backed_by=tuple((str(k), str(v)) for k, v in (entry.get("backed_by") or {}).items()),
            backer_names={lang: tuple(str(p) for p in (ps or ())) for lang, ps in (entry.get("backer_names") or {}).items()},
            countries=tuple(str(c) for c in (entry.get("countries") or ())),
        )
    if UNKNOWN_FORCE not in forces:
        raise ConfigError(f"{path}: the force {UNKNOWN_FORCE} (for holders the text does not name) is missing")
    government = {lang: tuple(ps or ()) for lang, ps in (raw.get("government_phrases") or {}).items()}
    by_country = []
    for code, entry in (raw.get("by_country") or {}).items():
        where = f"by_country {code}"
        sides = {str(k): str(v) for k, v in (_require(entry, "sides", where, path) or {}).items()}
        for country, side in sides.items():
            if side not in forces:
                raise ConfigError(f"{path}: {where}: {country} names the force {side!r}, which the file does not define")
        phrases = {lang: tuple(str(p) for p in (ps or ())) for lang, ps in (entry.get("phrases") or {}).items()}
        by_country.append(CountrySides(str(code), sides, phrases))
    by_article = []
    for code, entry in (raw.get("by_article") or {}).items():
        where = f"by_article {code}"
        sides = tuple(str(side) for side in (_require(entry, "sides", where, path) or ()))
        unless = tuple(str(other) for other in (entry.get("unless") or ()))
        known = set(forces) | {c.code for c in by_country}
        for side in (*sides, *unless):
            if side not in known:
                raise ConfigError(f"{path}: {where}: names the force {side!r}, which the file does not define")
        phrases = {lang: tuple(str(p) for p in (ps or ())) for lang, ps in (entry.get("phrases") or {}).items()}
        by_article.append(ArticleSides(str(code), sides, phrases, unless))
    return ForceCatalogue(forces=forces, government_phrases=government, by_country=tuple(by_country),
                          by_article=tuple(by_article))


@dataclass(frozen=True)
class ClaimantCatalogue:
    names: dict[str, str]
    phrases: dict[str, str]  # phrase → claimant code
    cues: dict[str, tuple[str, ...]]
    agencies: tuple[str, ...]
    forces: tuple[tuple[str, str], ...] = ()  # (claimant name, force code): whose side a claimant speaks for

    def __post_init__(self):
        object.__setattr__(self, "_pattern", _phrase_pattern(self.phrases))
        cue_patterns = {
            lang: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in sorted(cs, key=len, reverse=True)) + r")(?!\w)", re.I)
            for lang, cs in self.cues.items() if cs
        }
        object.__setattr__(self, "_cues", cue_patterns)

    def claimant_of(self, sentence: str, language: str) -> str | None:
        """Who the sentence attributes its claim to, when it attributes it at all."""
        cue = self._cues.get(language)
        if cue is None or not cue.search(sentence):
            return None
        hits = _find(self._pattern, self.phrases, sentence)
        if not hits:
            return None
        # Prefer a named monitor or official over the news agency that relayed them.
        agencies = {"REUTERS", "AFP", "AP", "DPA", "NTB"}
        primary = [h for h in hits if h.code not in agencies] or hits
        return self.names[primary[0].code]

    def force_of(self, claimant: str | None) -> str | None:
        """The force a claimant speaks for ("Iraqi prime minister": IRAQI_GOV), when the file says so."""
        return dict(self.forces).get(claimant or "")


@lru_cache(maxsize=4)
def load_claimants(path: Path = CLAIMANTS_FILE) -> ClaimantCatalogue:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    entries = _require(raw, "claimants", "the file", path)
    names, phrases, forces = {}, {}, []
    for code, entry in entries.items():
        names[code] = str(_require(entry, "name", f"claimant {code}", path))
        if entry.get("force"):
            forces.append((names[code], str(entry["force"])))
        for phrase in _require(entry, "phrases", f"claimant {code}", path):
            phrases[str(phrase)] = code
    cues = {lang: tuple(cs) for lang, cs in (raw.get("attribution_cues") or {}).items()}
    return ClaimantCatalogue(names=names, phrases=phrases, cues=cues, agencies=tuple(raw.get("agencies") or ()),
                             forces=tuple(forces))
