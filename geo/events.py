"""Control events: who took, lost, fights over, presses or holds which place, on what date, per whom.

One article at a time, one sentence at a time, one clause at a time. A sentence is read as clauses (split
at semicolons, dashes, quotes and the language's clause words: "and"/"but" after a comma, "when", "after",
"which", "that" after a verb of saying…). For every predicate (`geo.triggers`: a verb or noun of taking,
losing, falling, fighting inside, pressing or holding) the clause says:

- whether it happened at all: not an intention or plan ("aims to capture", "planlegger å innta"), not
  modal or conditional ("kan falle", "once the city is captured"), not negated ("har ikke falt") or
  denied ("denied that the town had fallen");
- its agent (the force that takes: the subject, "by X" of a passive, the force written into "IS-held"),
  its patient (the place: the object of an active verb, the subject of a passive or of "fell", the
  place after "the liberation of"), and its source ("from IS": the loser, never the holder);
- what kind of place the patient is: a town, or a landmark named like one ("the Omar oil field",
  "Tabqa-demningen"), a region ("Deir ez-Zor province"), part of a town ("40 percent of", "the eastern
  half of": fought over, not taken), or only its outskirts;
- when: a date phrase in the clause, else the date of the clause it hangs on, else nothing. A clause of
  background ("after…", "had seized", "once ruled") without a date of its own says nothing about the
  article's date, and becomes evidence only.

What the text does not say stays unknown: a place lost to nobody named goes to `UNKNOWN`, an undated
claim keeps precision `unknown` and the article's publication date as the latest day it can describe.
When the text is unsure (a premature victory claim the article contradicts, half a town retaken), the
quote is kept as evidence with no date, so it supports a period without changing a town's colour.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import NamedTuple

from geo import triggers as T
from geo.articles import Article
from geo.dates import ResolvedDate, count_of, counted_back, counted_unit, find_dates, late_in_day, shifted
from geo.forces import ClaimantCatalogue, ForceCatalogue, PhraseHit
from geo.gazetteer import distance_km
from geo.lang import CAPTURE, CONTEST, FALL, LOSS, PRESSURE, STATE, YEAR, for_language
from geo.schema import PRECISION_ORDER, UNKNOWN_FORCE
from geo.text import LiteralFilter, Sentence, split_sentences
from geo.toponyms import Mention

_BASE_CONFIDENCE = {"capture": 0.8, "loss": 0.7, "contest": 0.7, "pressure": 0.6, "state": 0.6, "share": 0.6}
_EVIDENCE_CONFIDENCE = 0.3  # a quote kept as evidence only: it changes no colour
#: An undated mention of a change the same article dated this recently is that change, said again.
_RECENT = timedelta(days=31)
_SAME_WEEK = timedelta(days=7)  # a week's or month's taking this soon after a dated one is the same
#: How far back a lede's next sentence may date the lede's undated news ("on Thursday", "last week").
_LAST_WEEK = timedelta(days=7)
#: No village has more people than this: "the village" never points back to a city (GeoNames' population).
_CITY_POPULATION = 50_000
#: Most words a predicate's place may be away from it ("retook the Christian town of Bartella").
_SLOT_WORDS = 9
_TOKEN = re.compile(r"[\w'’]+(?:[-‑][\w'’]+)*|[^\w\s]")
_CLAUSE_PUNCTUATION = frozenset(";—–“”«»\"")  # brackets are asides inside a clause: "IS (Daesh) started"
_QUOTES = frozenset("“”«»\"'‘’")
#: An apposition set in commas after a name: ", the last town held by ISIL in Iraq,".
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|its|their|den|det|de|en|et|byen|landsbyen)\s[^,;.:()]{1,60},")
#: Where a town lies, set in commas: ", about 25 km (15 miles) upstream,", ", 40 km sør for Mosul,".
_DISTANCE_ASIDE = re.compile(r",\s+(?:[^\W\d]+\s+)?\d[\d.,]*\s*(?:km|kilomet\w*|miles?|mil)\b[^,;.:]{0,60},")
#: A lower-case word (a force's noun after its name, an adverb).
_LOWER_WORD = re.compile(r"\s+[^\W\d_A-ZÆØÅ][\w'’-]*(?=\s)")
#: A date phrase further than this from its predicate (in characters) dates something else.
_DATE_REACH = 100


@dataclass(frozen=True)
class Event:
    event_id: str
    article_id: str
    sentence_index: int
    place_id: str | None
    place_name: str
    country: str | None
    mention: str
    kind: str
    force: str
    previous_force: str | None
    status: str
    contested_by: str | None
    share_percent: float | None
    date: date | None  # None: a background or past claim the sentence does not date
    date_precision: str
    date_phrase: str | None
    claimant: str | None
    confidence: float
    quote: str
    past: bool = False  # says who held the place before the article's news, not since when
    late: bool = False  # happened in the evening or night of `date`: the map shows it from the next day
    review: str = "machine"  # or as an analyst decided: geo/review.py
    review_reason: str | None = None
    decision_key: str | None = None  # the digest of the decision's key: a corrected event's own key changed
    occurrence: int = 0  # among the events of one quote with the same place and kind (geo.review)


# --------------------------------------------------------------------------------------------------
# One sentence, read
# --------------------------------------------------------------------------------------------------

class _Token(NamedTuple):
    start: int
    end: int
    text: str
    lower: str


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    opener: str  # the word or mark that opened it ("" for the first)
    resumes: int | None = None  # the clause this one goes on with, after a relative clause set in commas


@dataclass(frozen=True)
class _Hit:
    trigger: T.Trigger
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Spot:
    """A town the sentence names (or points back to), where it stands in the sentence."""

    mention: Mention
    start: int
    end: int
    anaphor: bool = False
    landmark: bool = False  # "the Omar oil field", "Tabqa-demningen": a facility, not the town
    region: bool = False  # "the Rawa district": not the town
    located: bool = False  # "sørøst for Homs", "just outside Ain Issa": a point of the map, not the town spoken of
    battle_name: bool = False  # "the 2016 Battle of Mosul", "the Raqqa campaign": part of a battle's name
    facility: bool = False  # "the Government Center in Ramadi": a building inside the town


@dataclass
class _Part:
    """What the words before a place say of it: part of it ("40 percent of"), half of it ("the eastern half
    of"), most of it, or its outskirts only."""

    partial: bool = False
    half: bool = False
    most: bool = False
    outskirts: bool = False


@dataclass
class _Patient:
    spot: _Spot
    partial: bool = False
    half: bool = False
    most: bool = False
    outskirts: bool = False
    date: ResolvedDate | None = None
    closed: bool = False  # a place listed before "followed by": later dates are not its own

    @classmethod
    def of(cls, spot: _Spot, part: _Part) -> "_Patient":
        return cls(spot, part.partial, part.half, part.most, part.outskirts)


@dataclass
class _Reading:
    """Everything about one sentence the clause reading needs, positions relative to the sentence."""

    text: str
    index: int  # the sentence's index in the article
    body: int  # where the text starts after a dateline
    tokens: list[_Token]
    clauses: list[_Clause]
    spots: list[_Spot]
    regions: list[Mention]
    region_spans: list[tuple[int, int]]
    forces: list[PhraseHit]
    dates: list[ResolvedDate]
    hits: list[_Hit]
    objects: set[int] = field(default_factory=set)  # where forces named as a predicate's object start

    def __post_init__(self):
        self.token_at = {t.start: t for t in self.tokens}
        self.token_starts = [t.start for t in self.tokens]
        self.spot_at = {s.start: s for s in self.spots}
        self.date_at = {d.start: d for d in self.dates}
        self.force_at = {f.start: f for f in self.forces}

    def words(self, start: int, end: int) -> list[_Token]:
        """The tokens from `start` up to `end`."""
        lo = bisect_right(self.token_starts, start - 1)
        hi = bisect_right(self.token_starts, end - 1)
        return [t for t in self.tokens[lo:hi] if t.end <= end]


# Which trigger patterns a sentence could match at all (most sentences have none of their words).
_TRIGGER_FILTERS: dict[str, LiteralFilter] = {code: T.grammar(code).filter for code in T.TRIGGERS}


def _trigger_hits(text: str, g: T.Grammar, start: int = 0) -> list[_Hit]:
    hits = [
        _Hit(trigger, m.start(), m.end(), m.group(0))
        for trigger in map(g.triggers.__getitem__, g.filter.candidates(text))
        for m in trigger.pattern.finditer(text, start)
    ]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        if kept and hit.trigger.kind == STATE and hit.trigger.form == "verb" and kept[-1].trigger.kind in (CAPTURE, LOSS) \
                and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", text[kept[-1].end:hit.start]):
            continue  # "seized full control of", "took back control": part of the taking
        kept.append(hit)
    return kept


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), word, word.lower()) for m in _TOKEN.finditer(text) for word in (m.group(0),)]


def _date_starts_near(position: int, dates: list[ResolvedDate]) -> bool:
    return any(position <= d.start <= position + 8 or d.start <= position < d.end for d in dates)


def _clauses(text: str, tokens: list[_Token], body: int, g: T.Grammar, dates: list[ResolvedDate] = (),
             predicates: list[int] = ()) -> list[_Clause]:
    """The sentence cut into clauses; each remembers the word or mark that opened it."""
    cuts: list[tuple[int, str]] = []
    words = [t for t in tokens if t.start >= body]
    at = {t.start: i for i, t in enumerate(words)}
    scare = _scare_quotes(words)
    inside = -1  # the end of a multiword clause word ("etter at") already cut at
    for candidate in g.clause_candidates.finditer(text, body):
        i = at.get(candidate.start())
        if i is None or i in scare or candidate.start() < inside:
            continue
        token = words[i]
        previous = words[i - 1] if i else None
        following = words[i + 1] if i + 1 < len(words) else None
        if token.text in _CLAUSE_PUNCTUATION or token.text == ":" and not _between_digits(text, token.start):
            cuts.append((token.end, token.text))
        elif token.text == ".":
            cuts.append((token.end, "."))  # "… as of 10 June.[11][12] On the following day …": a sentence the
            # splitter kept whole because of the citation marks
        elif token.text in ("-", "–") and text[token.start - 1:token.start] == " ":
            cuts.append((token.end, token.text))
        elif not token.text[0].isalnum():
            continue
        elif g.complementizer_word.match(token.lower) and previous is not None and (
                g.saying_word.match(previous.lower) or g.complementizer_always
                or following is not None and (following.text[0].isupper() or g.that_follower_word.match(following.lower))):
            cuts.append((token.start, token.lower))
        elif (m := g.subordinator_at.match(text, token.start)) is not None:
            if _date_starts_near(token.start, dates) or previous is not None and (
                    g.passive_aux_word.match(previous.lower) or g.perfect_aux_word.match(previous.lower)):
                continue  # "since 2014", "siden sommeren 2014", "have since pushed back": not a new clause
            if g.verb_second and previous is not None and previous.start in predicates:
                continue  # "drev da IS ut av Jarabulus": "da" right after the verb is "then", not "when"
            cuts.append((token.start, " ".join(m.group(0).lower().split())))
            inside = m.end()
        elif previous is not None and previous.text == "," and g.coordinator_word.match(token.lower):
            cuts.append((token.start, token.lower))
    clauses: list[_Clause] = []
    start, opener = body, ""
    for cut, word in cuts:
        if cut > start:
            clauses.append(_Clause(start, cut, opener))
            start, opener = cut, word
        else:
            opener = word
    clauses.append(_Clause(start, len(text), opener))
    return _close_relatives(text, _end_background_phrases(text, clauses, g, predicates), g, dates, predicates)


def _end_background_phrases(text: str, clauses: list[_Clause], g: T.Grammar, predicates: list[int]) -> list[_Clause]:
    """A fronted phrase of "after" with no predicate of its own ends at its comma, and the clause that follows
    is the sentence's own: "The next day, after four days of fighting, rebels captured the city" is a
    taking of that day, not a background to something else."""
    out: list[_Clause] = []
    for clause in clauses:
        comma = text.find(",", clause.start, clause.end)
        if clause.opener and g.after_phrase_word.match(clause.opener) and comma >= 0 \
                and not any(clause.start <= p < comma for p in predicates) \
                and any(comma < p < clause.end for p in predicates) \
                and not g.coordinator_word.match((re.match(r"\s*([\w'’]*)", text[comma + 1:]).group(1)).lower()):
            out += [replace(clause, end=comma + 1), _Clause(comma + 1, clause.end, ",")]
        elif clause.opener and g.after_phrase_word.match(clause.opener) \
                and (span := g.fighting_span_at.match(text, clause.start)) is not None \
                and not any(clause.start <= p < span.end() for p in predicates) \
                and any(span.end() < p < clause.end for p in predicates) and not (0 <= comma < span.end() + 2):
            # "… and after four days of fighting the rebels captured the city": the span ends the phrase
            out += [replace(clause, end=span.end()), _Clause(span.end(), clause.end, ",")]
        else:
            out.append(clause)
    return out


def _close_relatives(text: str, clauses: list[_Clause], g: T.Grammar,
                     dates: list[ResolvedDate] = (), predicates: list[int] = ()) -> list[_Clause]:
    """A relative clause set in commas ends at its closing comma, and the clause it interrupted goes on:
    "tok kontroll over byen, som ligger ved hovedveien, lørdag etter en uke med kamper" (Saturday dates
    the taking, not where the town lies). After the comma must come neither a new clause's word (but a
    dated "since", "siden") nor a verb of saying."""
    closed: list[_Clause] = []
    opened: int | None = None  # the clause an aside's opening dash started
    for clause in clauses:
        if closed and g.relative_word.match(clause.opener) and (
                text[:clause.start].rstrip().endswith(",") or _restrictive_subject_relative(text, clause, closed, g,
                                                                                           predicates)):
            comma = text.find(",", clause.start, clause.end)
            after = re.match(r"\s*([\w'’]+)", text[comma + 1:clause.end]) if comma >= 0 else None
            # "had held Shaddadi, which sits amid oil fields, since early 2014": a dated "since" goes on
            # with the clause the relative interrupted.
            if after is not None and not (g.coordinator_word.match(after.group(1).lower())
                                          or g.subordinator_at.match(after.group(1))
                                          and not _date_starts_near(comma + 1 + after.start(1), dates)
                                          or g.saying_word.match(after.group(1).lower())
                                          or g.complementizer_word.match(after.group(1).lower())):
                closed.append(replace(clause, end=comma + 1))
                closed.append(_Clause(comma + 1, clause.end, ",", resumes=len(closed) - 2))
                continue
        if clause.opener in _DASHES:
            if opened is None:
                opened = len(closed)
            else:
                # "The YPG - the armed wing of the PYD - took control of Tell Rifaat", "Turkish troops - who
                # crossed the border on Wednesday - entered Tal Abyad": the dash that closes an aside goes on
                # with the clause before the dash that opened it.
                closed.append(replace(clause, resumes=opened - 1))
                opened = None
                continue
        closed.append(clause)
    return closed


_DASHES = ("-", "–")
#: What sets off an aside after a town: a comma or a dash ("Rutba, overrun by IS", "Mosul -- captured by ISIS").
#: (a hyphen only with a space before it: "IS-captured" is a compound)
_ASIDE_MARK = re.compile(r"\s*,\s*|\s+-{1,2}\s*|\s*--\s*|\s*[–—]\s*")
_ASIDE_MARK_END = re.compile(r"(?:,|\s-{1,2}|--|[–—])\s*\Z")


def _restrictive_subject_relative(text: str, clause: _Clause, closed: list[_Clause], g: T.Grammar,
                                  predicates: list[int]) -> bool:
    """A relative clause on the sentence's subject with no comma before it, closed by a comma before the
    sentence's own verb, as Norwegian writes it: "Tyrkiske soldater og syriske opprørere som støttes av Tyrkia,
    tok søndag full kontroll over Afrin" (the subject is both forces, not the rebels the clause describes)."""
    if not g.verb_second or len(closed) != 1 or any(closed[0].start <= p < clause.start for p in predicates):
        return False
    comma = text.find(",", clause.start, clause.end)
    if comma < 0:
        return False
    after = re.match(r"\s*", text[comma + 1:])
    return comma + 1 + after.end() in predicates


def _scare_quotes(words: list[_Token]) -> set[int]:
    """Quote marks around a word or three (the Daesh “capital”): part of the clause, not a quotation."""
    marks = [i for i, t in enumerate(words) if t.text in "“”«»\""]
    scare: set[int] = set()
    for a, b in zip(marks, marks[1:]):
        if words[a].text in "“«\"" and words[b].text in "”»\"" and b - a <= 4:
            scare.update((a, b))
    return scare


def _between_digits(text: str, position: int) -> bool:
    return 0 < position < len(text) - 1 and text[position - 1].isdigit() and text[position + 1].isdigit()


def _clause_at(reading: _Reading, position: int) -> _Clause:
    for clause in reading.clauses:
        if clause.start <= position < clause.end:
            return clause
    return reading.clauses[-1]


# --------------------------------------------------------------------------------------------------
# The article's memory
# --------------------------------------------------------------------------------------------------

@dataclass
class _ArticleContext:
    article: Article
    language: str
    grammar: T.Grammar | None
    forces: ForceCatalogue
    claimants: ClaimantCatalogue
    focus: Mention | None
    last_town: Mention | None = None
    last_town_sentence: int = -10
    last_town_alone: bool = False  # the only town its sentence named
    towns_named: bool = False  # whether a sentence read so far named a town, even as a point of the map
    last_region: Mention | None = None
    anchor: object = None  # the last ResolvedDate of the article, keeping its precision
    anchor_sentence: int = -10  # the index of the sentence that told it
    anchor_paragraph: int = -1  # and of its paragraph
    header_date: ResolvedDate | None = None  # "– Januar 2014: …": dates the rest of its paragraph
    header_paragraph: int = -1
    #: A line that is only a date ("9 May", "9 May[edit]" in a copied timeline): the date of the list items under it.
    section_date: ResolvedDate | None = None
    year_headed: bool = False  # a line that is only a year was seen: day lines under it have no year of their own
    infobox_span: ResolvedDate | None = None  # an infobox's "Date" span, for its result lines (`_infobox_span`)
    infobox_stage: str = ""  # where in the infobox: "date", "result", "summary", "bullets"
    infobox_line: int = -1  # the sentence of its "Date" line
    infobox_ranged: bool = False  # whether that line spans days ("13–26 May 2015"), as a battle's does
    heading_town: Mention | None = None  # "Falluja: Falt til IS …": the town its fact-box paragraph is about
    heading_paragraph: int = -1
    paragraph: int = -1  # the paragraph of the sentence being read
    last_patient: Mention | None = None  # the last town a claim was about
    last_patient_sentence: int = -10
    last_force: str | None = None  # the last force named in a sentence with a claim
    last_force_sentence: int = -1
    read_until: int = -1  # the last sentence read
    sentences: list[Sentence] = field(default_factory=list)
    last_taker: str | None = None  # the last force that took a town in the article
    last_taker_sentence: int = -10
    last_taker_paragraph: int = -1
    takers: set[str] = field(default_factory=set)  # every force the article says took a town
    pressing: dict[str, str] = field(default_factory=dict)  # place id → the force attacking or aiming at it
    # every force the article saw attacking, taking or aiming at a town: a later taking told as history ("Tal Afar ble
    # erobret av IS i juni 2014") replaces the siege in `pressing`, not here
    pressers: set[str] = field(default_factory=set)
    taken_by: dict[str, str] = field(default_factory=dict)  # place id → the force the article last saw take it
    sides: dict[str, str] = field(default_factory=dict)  # "the rebels" are Turkey's side in this article
    declared: list[tuple[int, str]] = field(default_factory=list)  # (sentence, place id) of victory claims
    narrative: ResolvedDate | None = None  # the last date the article gave before this sentence
    lede_day: ResolvedDate | None = None  # the weekday its first sentence tells, taken for the day of its news
    named_forces: set[str] | None = None  # the codes of every force the article names by name, read when first asked
    mentioned_forces: set[str] = field(default_factory=set)  # and of those it speaks of at all (with `named_forces`)


def focus_town(mentions: list[Mention], claimed_place_ids: set[str] = frozenset()) -> Mention | None:
    """The town the article is about: the one it names most often; on a tie, one with control claims,
    then the first named."""
    towns = [m for m in mentions if m.kind == "town" and m.place is not None]
    if not towns:
        return None
    counts = Counter(m.place.place_id for m in towns)
    first_seen: dict[str, Mention] = {}
    for mention in towns:
        first_seen.setdefault(mention.place.place_id, mention)
    best = max(counts, key=lambda pid: (counts[pid], pid in claimed_place_ids, -first_seen[pid].start))
    return first_seen[best]


def extract_events(
    article: Article,
    mentions: list[Mention],
    forces: ForceCatalogue,
    claimants: ClaimantCatalogue,
    language: str,
) -> list[Event]:
    """Every control event of one article, in text order."""
    return extract_events_in(article, split_sentences(article.text, language), mentions, forces, claimants, language)


def extract_events_in(
    article: Article,
    sentences: list[Sentence],
    mentions: list[Mention],
    forces: ForceCatalogue,
    claimants: ClaimantCatalogue,
    language: str,
) -> list[Event]:
    """`extract_events` on the article already split into `sentences` (`split_sentences(article.text)`)."""
    g = T.grammar(language)
    sentences = [replace(s, text=_without_citations(s.text)) if "[" in s.text else s for s in sentences]
    by_sentence: dict[int, list[Mention]] = {s.index: [] for s in sentences}
    starts = [s.start for s in sentences]
    for mention in mentions:
        # The sentence the mention starts in: the last one starting at or before it, if it reaches that far.
        i = bisect_right(starts, mention.start) - 1
        if i >= 0 and mention.start < sentences[i].end:
            by_sentence[sentences[i].index].append(mention)
    hits = [_trigger_hits(s.text, g) if g is not None else [] for s in sentences]
    claimed = {m.place.place_id for s, h in zip(sentences, hits)
               if any(_plainly_factual(x, s.text, g) for x in h) and not g.caption.search(s.text)
               for m in by_sentence[s.index] if m.place}
    datelines = [(s.start, s.start + end) for s in sentences
                 if g is not None and _starts_paragraph(article.text, s.start) and (end := _dateline_end(s.text, g))]
    named = [m for m in mentions if not any(a <= m.start < b for a, b in datelines)] if datelines else mentions
    context = _ArticleContext(article, language, g, forces, claimants, focus_town(named, claimed),
                              sentences=sentences)
    events: list[Event] = []
    # Past the last sentence that may make a claim, a sentence only updates what later sentences would
    # read (dates, the last town and force named), and none does: most of an article's tail is skipped.
    read = _last_claim_sentence(sentences, hits, g) + 1
    for sentence, sentence_hits in zip(sentences[:read], hits):
        events.extend(_sentence_events(sentence, by_sentence[sentence.index], sentence_hits, context, len(events)))
    events = _unattacked(_adopt_attackers(_restated(_disputed(events, context, sentences))))
    lede_dated = _lede_dated_by_next_sentence(events, context, sentences, by_sentence)
    # "Hit is liberated", further on, is now the lede's taking said again
    return events if lede_dated == events else _restated(lede_dated)


# An encyclopedia's reference marks ("Fallujah,[5][6] Al-Karmah[7] and Khaldiyah[8]") stand between the names
# of a list and between a name and its date. The clauses are read with them blanked out, each as many spaces
# as it had characters, so every offset stays the article's; quotes are the article's own text.
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed)\]")


def _without_citations(text: str) -> str:
    return _CITATION.sub(lambda m: " " * len(m.group(0)), text)


def _quote(ctx: _ArticleContext, sentence: Sentence) -> str:
    return ctx.article.text[sentence.start:sentence.end]


def _last_claim_sentence(sentences: list[Sentence], hits: list[list[_Hit]], g: T.Grammar | None) -> int:
    """The index in `sentences` of the last one `_sentence_events` may take a claim from (-1: none): one with
    a trigger word or a share ("40 percent of")."""
    if g is None:
        return -1
    for index in range(len(sentences) - 1, -1, -1):
        if hits[index] or g.share.search(sentences[index].text) is not None:
            return index
    return -1


def _plainly_factual(hit: _Hit, text: str, g: T.Grammar) -> bool:
    """A quick look (for choosing the article's town): no condition, modal cue or base form at the predicate."""
    if g.conditional_start.match(text) or g.base_form_word.match(hit.text.lower()):
        return False
    return not g.modal_end.search(text[max(0, hit.start - 30):hit.start])


# --------------------------------------------------------------------------------------------------
# One sentence
# --------------------------------------------------------------------------------------------------

def _sentence_events(sentence: Sentence, mentions: list[Mention], hits: list[_Hit], ctx: _ArticleContext,
                     numbered: int) -> list[Event]:
    text = sentence.text
    g = ctx.grammar
    paragraph = _paragraph_of(ctx.article.text, sentence.start)
    # A bare day and month go on in the year of a date told a few sentences before (a heading between); a bare
    # month only in the same paragraph ("Hit falt i oktober 2014.\n\n… gjenerobret fra IS i slutten av desember",
    # in a story of April 2016, is last December)
    near = sentence.index - ctx.anchor_sentence <= _NARRATIVE_SENTENCES
    anchor_year = "" if not near else "month" if paragraph == ctx.anchor_paragraph else "day"
    dates = find_dates(text, ctx.language, ctx.article.published, ctx.article.published_precision, anchor=ctx.anchor,
                       anchor_year=anchor_year)
    ctx.narrative = ctx.anchor
    if dates:
        ctx.anchor, ctx.anchor_sentence, ctx.anchor_paragraph = dates[-1], sentence.index, paragraph
    if sentence.index == 0:
        # the day a wire lede tells its news by, a weekday ("erobret søndag al-Omar"), not a date it recalls ("… a year
        # after they overran Mosul on June 10", "Ti dager etter at … gjenerobret Hawija 5. oktober")
        ctx.lede_day = next((d for d in dates if d.precision == "day" and _weekday_phrase(d, ctx.language)), None)
    if paragraph != ctx.header_paragraph:
        ctx.header_date = None
    _section_dated(ctx, text, dates, paragraph, sentence.start)
    if g is not None:
        _infobox_span(ctx, text, dates, hits, paragraph, sentence.index, g, named=bool(mentions))
    # ("in Syria's northern province of Aleppo": the province, where the gazetteer has no region of that name)
    named_region = [m for m in mentions if m.kind == "town" and m.place is not None and g is not None
                    and _named_as_region(text, m.start - sentence.start, g)]
    towns = [m for m in mentions if m.kind == "town" and m.place is not None and m not in named_region]
    regions = [m for m in mentions if m.kind == "region" and m.place is not None] + named_region
    if any(m.kind == "unresolved" and not text[:m.start - sentence.start].strip() for m in mentions):
        # "Al-Dashisha, a town in al-Hasakah governorate, has been a key IS stronghold. It was seized …": the
        # sentence is about a town we cannot place, and "it" after it is that town
        ctx.last_patient, ctx.last_patient_sentence = None, sentence.index
    ctx.paragraph = paragraph
    heading = _heading_of(text, towns, sentence.start)
    if heading is not None:
        ctx.heading_town, ctx.heading_paragraph = heading, paragraph
    if g is None or not hits and g.share.search(text) is None:
        # No claim in this sentence (most sentences): only its dates, forces and places matter to the next ones.
        _remember(ctx, towns, regions, sentence.index, None, text)
        _header(ctx, text, dates, paragraph)
        return []
    headed = ctx.heading_town is not None and ctx.heading_paragraph == paragraph
    if not towns and not g.share.search(text) and not g.points_back.search(text) and not headed:
        # Claims with no town named or pointed back to ("took part", "held talks") say nothing about a place.
        _remember(ctx, towns, regions, sentence.index, None, text)
        _header(ctx, text, dates, paragraph)
        return []
    body = _dateline_end(text, g) if _starts_paragraph(ctx.article.text, sentence.start) else 0
    if g.caption.search(text) or text.rstrip().endswith("?"):
        return []  # a caption, or a question ("Has Mosul been liberated?")
    force_hits = _concrete(ctx, [f for f in ctx.forces.find(text, ctx.language) if f.start >= body], text)
    towns = [m for m in towns if m.start - sentence.start >= body]
    _learn_sides(force_hits, ctx)
    tokens = _tokens(text)
    reading = _Reading(
        text=text, index=sentence.index, body=body, tokens=tokens, clauses=_clauses(text, tokens, body, g, dates, [h.start for h in hits if h.start >= body]),
        spots=_quarters_apart([_spot(m, sentence.start, text, g) for m in towns if m.start - sentence.start >= body],
                              text, g),
        regions=regions, region_spans=[(m.start - sentence.start, m.end - sentence.start) for m in regions],
        forces=force_hits, dates=[d for d in dates if d.start >= body],
        hits=[h for h in hits if h.start >= body and not _inside_force(h, force_hits)],
    )
    claimant = ctx.claimants.claimant_of(text, ctx.language)
    _header(ctx, text, dates, paragraph)

    events: list[Event] = []
    share = _share_event(text, reading, ctx, sentence, claimant, numbered)
    if share is not None:
        events.append(share)
    epithets: list[str] = []
    for hit in reading.hits:
        if share is not None and hit.trigger.kind in (LOSS, STATE):
            continue
        if _holder_before_change(hit, reading, g):
            # "Falluja, a city under IS control, was retaken": the holder until the change, as an epithet
            holder = _inside_or_adjacent(hit, reading)
            if holder is not None and holder.code:
                epithets.append(holder.code)
            continue
        for claim in _read_claim(hit, reading, ctx, sentence):
            if claim.kind == "epithet":
                epithets.append(claim.force)
                continue
            event = _make_event(ctx, sentence, claim, claimant, numbered + len(events))
            if event is not None:
                events.append(event)
    forces_named = [f for f in force_hits if f.code]
    _remember(ctx, towns, regions, sentence.index, forces_named[-1].code if forces_named else None, text)
    events = _with_epithets(events, epithets)
    if body:
        # The claim is the report, not its dateline: "MOSUL (NTB-AFP):" names where it was filed.
        quote = _quote(ctx, sentence)[body:].lstrip()
        events = [replace(e, quote=quote) for e in events]
    return _merge_same_claims(events)


def _paragraph_of(text: str, position: int) -> int:
    return text.rfind("\n", max(0, position - 2000), position)


def _starts_paragraph(text: str, position: int) -> bool:
    index = position - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] == "\n"


def _dateline_end(text: str, g: T.Grammar) -> int:
    match = g.dateline_at.match(text)
    return match.end() if match else 0


def _heading_of(text: str, towns: list[Mention], offset: int) -> Mention | None:
    """The town a sentence opens with as a heading, before a colon ("Ramadi: Provinshovedstaden ble …")."""
    first = towns[0] if towns else None
    if first is None or text[:first.start - offset].strip() or not text[first.end - offset:].lstrip().startswith(":"):
        return None
    return first


def _infobox_span(ctx: _ArticleContext, text: str, dates: list[ResolvedDate], hits: list[_Hit], paragraph: int,
                  index: int, g: T.Grammar, named: bool = False) -> None:
    """An infobox's "Date" line ("Date21–29 February 2016[5]", "- Date: 14 April – 3 May 2015") dates its result
    that tells no date of its own: the "Result" line a few lines below it, and the unbroken run of bullets right
    after that line (and its one-line summary, "Syrian Army victory"): "• The Syrian Army recaptures Khanasir".
    The date is the smallest month, season or year that holds the whole span; none when it spans years or its
    start or year was not read. A bullet that moves the time on ("ISIL recaptures Palmyra nine months later") or
    tells a holding or a pluperfect is not the battle's result."""
    label = g.date_label_line.match(text)
    if label is not None and not dates and text[label.end():label.end() + 1].isalpha():
        # "DateOctober 2–14, 2014": a month glued to the label is no word of its own to the date reader
        dates = find_dates(" " * label.end() + text[label.end():], ctx.language, ctx.article.published,
                           ctx.article.published_precision)
    if label is not None and len(text) <= 80 and dates:
        ctx.infobox_span, ctx.infobox_stage, ctx.infobox_line = _span_of(ctx, text, dates, label.end(), g), "date", index
        ctx.infobox_ranged = re.search(r"\d\s*[–-]|[–-]\s*\d", text[label.end():]) is not None
        return
    if ctx.infobox_span is None:
        return
    bullet = re.match(r"\s*[-•*]", text) is not None
    labelled = g.result_label_word.match(re.split(r"[:\s]", text.strip(" -•*\t"), maxsplit=1)[0].lower())
    if ctx.infobox_stage == "date":
        if labelled:
            ctx.infobox_stage = "result"
            if len(text.strip(" -•*\t").split()) > 1:
                _date_by_span(ctx, text, hits, paragraph, g)  # "- Result: SDF forces capture Al-Hawl"
        elif not bullet and ctx.infobox_ranged and not named and _result_summary(text, g):
            ctx.infobox_stage = "result"  # "Major ISIL victory" with no label, under a battle's span of days
        elif index - ctx.infobox_line > 4:
            ctx.infobox_span = None
    elif bullet:
        ctx.infobox_stage = "bullets"
        _date_by_span(ctx, text, hits, paragraph, g)
    elif ctx.infobox_stage == "result":
        ctx.infobox_stage = "summary"  # "Syrian government victory"
    else:
        ctx.infobox_span = None  # the run of result bullets is over


def _result_summary(text: str, g: T.Grammar) -> bool:
    """"Major ISIL victory[1]", "Decisive Syrian Army and allies victory": a short line that ends on the result's
    word, no headline with a verb ("Iraq declares victory") or an article ("A clear victory", "Victory in Fallujah")."""
    words = _without_citations(text).split()
    return 2 <= len(words) <= 6 and g.result_summary_word.match(words[-1].lower()) is not None \
        and not g.determiner_end.search(words[0] + " ") and not any(g.saying_word.match(w.lower()) for w in words)


def _span_of(ctx: _ArticleContext, text: str, dates: list[ResolvedDate], after_label: int,
             g: T.Grammar) -> ResolvedDate | None:
    if re.search(r"[^\W\d_]", text[after_label:dates[0].start]):
        return None  # "31 January – 12 February 2016" read from its end: its start is unknown
    end_year = max((int(y) for y in _YEAR_IN.findall(text)), default=None)
    if end_year is None:
        return None
    end = ctx.article.published if g.span_open_end.search(text, after_label) else _in_year(dates[-1], end_year)
    start = _in_year(dates[0], end_year)
    if start > end:
        start = start.replace(year=start.year - 1)
    phrase = text[after_label:]
    if (start.year, start.month) == (end.year, end.month):
        return ResolvedDate(date(end.year, end.month, 1), "month", phrase, 0, 0)
    if _season_start(start) == _season_start(end):
        return ResolvedDate(_season_start(end), "season", phrase, 0, 0)
    if start.year == end.year:
        return ResolvedDate(date(end.year, 1, 1), "year", phrase, 0, 0)
    return None  # "6 November 2016 – present": the result may be of either year


def _date_by_span(ctx: _ArticleContext, text: str, hits: list[_Hit], paragraph: int, g: T.Grammar) -> None:
    words = re.findall(r"[\w'’]+", text.lower())
    if any(g.time_shift_word.match(w) or g.perfect_aux_word.match(w) for w in words) \
            or any(h.trigger.kind == STATE for h in hits):
        return
    ctx.header_date, ctx.header_paragraph = ctx.infobox_span, paragraph


def _season_start(day: date) -> date:
    """The first day of the meteorological season of `day` (winter starts in December)."""
    if day.month in (1, 2):
        return date(day.year - 1, 12, 1)
    return date(day.year, day.month - (day.month % 3), 1)


def _in_year(resolved: ResolvedDate, year: int | None) -> date:
    """A span's day in the year the span names (a day written without its year was given the article's)."""
    if year is None or _YEAR_IN.search(resolved.phrase):
        return resolved.date
    try:
        return resolved.date.replace(year=year)
    except ValueError:  # 29 February
        return resolved.date.replace(year=year, day=28)


#: A timeline's date heading: the date alone on its line, maybe with the copied page's "[edit]" link.
_EDIT_LINK = re.compile(r"\[edit\]", re.IGNORECASE)
#: How far before publication a date line with no year may be and still be read in the year guessed for it.
_SECTION_YEAR_GUESS = timedelta(days=183)
_LIST_ITEM = re.compile(r"\s*[•·*–-]\s")
_YEAR_LINE = re.compile(rf"\W*{YEAR}\W*")


def _section_dated(ctx: _ArticleContext, text: str, dates: list[ResolvedDate], paragraph: int, start: int) -> None:
    """A line that is only a date heads the list items under it ("9 May" then "• Syrian Army captured the town of
    Qalaat al-Madiq"): each item is of that day unless it tells a date of its own. Prose after the heading, not
    a list item, ends it."""
    if not _starts_paragraph(ctx.article.text, start):
        return
    heading = len(dates) == 1 and not re.search(r"\w", _EDIT_LINK.sub("", text[:dates[0].start] + text[dates[0].end:]))
    if _YEAR_LINE.fullmatch(_EDIT_LINK.sub("", text)):
        ctx.year_headed = True  # "2014[edit]": the day lines under it are of a year the day lines do not say
        ctx.section_date = None
    elif heading and dates[0].precision in ("day", "month"):
        told_year = re.search(YEAR, dates[0].phrase) is not None
        recent = ctx.article.published - dates[0].date <= _SECTION_YEAR_GUESS
        # A heading with no year is read in the year before publication: right only in a recent timeline with no
        # year lines ("Kobani … 2014 … 6 October" in a page of 2016 is not October 2015).
        ctx.section_date = dates[0] if told_year or recent and not ctx.year_headed else None
    elif not _LIST_ITEM.match(text):
        ctx.section_date = None
    elif ctx.section_date is not None and ctx.header_paragraph != paragraph:
        ctx.header_date, ctx.header_paragraph = ctx.section_date, paragraph


def _header(ctx: _ArticleContext, text: str, dates: list[ResolvedDate], paragraph: int) -> None:
    """A list entry that opens with its date ("– Januar 2014: IS tar …") dates its whole paragraph."""
    if dates and re.match(r"\A[\W_]*\Z", text[:dates[0].start]) and text[dates[0].end:].lstrip().startswith(":"):
        ctx.header_date, ctx.header_paragraph = dates[0], paragraph


def _concrete(ctx: _ArticleContext, force_hits: list[PhraseHit], text: str) -> list[PhraseHit]:
    """The force mentions, with a phrase that names no side by itself ("under militant control") made the side
    the article names (`ForceCatalogue.article_side`) or left out. Only as a holder ("militant control", "militant
    hands", "militant-held"), not after a name ("under PKK militant control": someone else's), and only when no
    such phrase of the sentence stands elsewhere ("… under militant control, with Shiite militant groups …")."""
    if not any(ctx.forces.placeholder(f.code) for f in force_hits):
        return force_hits
    g = ctx.grammar
    if ctx.named_forces is None:
        # the side must be named by name ("insurgents" or "terrorists" may be anyone's word for anyone); any other
        # side spoken of at all, or a backer ("Turkey says …"), makes "militant" nobody's
        found = ctx.forces.find(ctx.article.text, ctx.language)
        ctx.named_forces = {f.code for f in found if ctx.forces.by_name(f, ctx.language)}
        ctx.mentioned_forces = {f.code for f in found} | ctx.forces.backers_named(ctx.article.text, ctx.language)
    placeholders = [f for f in force_hits if ctx.forces.placeholder(f.code)]
    holders = [f for f in placeholders if g is not None and g.unnamed_holder_after_at.match(text, f.end)
               and not _NAME_BEFORE.search(text, max(0, f.start - 40), f.start)]
    concrete = []
    for hit in force_hits:
        if ctx.forces.placeholder(hit.code):
            code = ctx.forces.article_side(hit.code, ctx.named_forces, ctx.mentioned_forces)
            if code is None or hit not in holders or len(holders) < len(placeholders):
                continue
            hit = replace(hit, code=code)
        concrete.append(hit)
    return concrete


#: A capitalised word right before a phrase (not opening the sentence): "PKK militant", "Shiite militant".
_NAME_BEFORE = re.compile(r"(?<=\S\s)[A-Z][\w'’-]*\s+\Z")


def _learn_sides(force_hits: list[PhraseHit], ctx: _ArticleContext) -> None:
    """"Turkish-backed Syrian rebels": for the rest of the article, the rebels are Turkey's side."""
    for hit in force_hits:
        if ctx.grammar.backed_marker.search(hit.text):
            for code, force in ctx.forces.forces.items():
                side = dict(force.backed_by).get(hit.code)
                if side is not None:
                    ctx.sides[code] = side


def _last_force(ctx: _ArticleContext) -> str | None:
    """The last force the article named before this sentence ("they", "de" point back to it). Sentences
    without a claim are looked at only when a pronoun asks (most never do)."""
    for index in range(ctx.read_until, ctx.last_force_sentence, -1):
        if 0 <= index < len(ctx.sentences):
            found = ctx.forces.find(ctx.sentences[index].text, ctx.language)
            if found:
                ctx.last_force, ctx.last_force_sentence = found[-1].code, index
                break
    return ctx.last_force


def _inside_force(hit: _Hit, forces: list[PhraseHit]) -> bool:
    """A trigger word inside a force's name ("Free Syrian Army"), except a force glued to it ("IS-held")."""
    if hit.trigger.form == "attribute":
        return False
    return any(f.start <= hit.start and hit.end <= f.end for f in forces)


def _spot(mention: Mention, offset: int, text: str, g: T.Grammar) -> _Spot:
    start, end = mention.start - offset, mention.end - offset
    after = text[end:end + 40]
    compound = _COMPOUND_PARTNER.match(after)
    if compound:
        after = after[compound.end():]  # "the Mosul-Baghdad highway", "the Tikrit–Baiji road": a road's ends
    facility = bool(g.facility_after_at.match(after)) \
        or bool(g.facility_before_end.search(text[max(0, start - 60):start]))
    landmark = not facility and (bool(g.landmark_after_at.match(after))
                                 or bool(g.landmark_before_end.search(text[max(0, start - 40):start])))
    region = bool(g.region_after_at.match(after)) or _named_as_region(text, start, g)
    located = bool(g.reference_end.search(text[max(0, start - 30):start]))
    return _Spot(mention, start, end, landmark=landmark, region=region, located=located,
                 battle_name=_in_battle_name(text, start, end, g), facility=facility)


#: A quarter's name this far from every other town of its sentence is a namesake of a quarter of that town.
_QUARTER_NAMESAKE_KM = 25.0


def _quarters_apart(spots: list[_Spot], text: str, g: T.Grammar) -> list[_Spot]:
    """A name before "neighborhoods" with no "of" after ("seizing control of the Old Raqqa and Daraiya
    neighborhoods") is a quarter of a town the sentence names, not a town of that name far away (Darayya near
    Damascus): a landmark. Not when no other town is named, or one lies near ("a Damascus neighborhood", "the
    Yarmouk and Hajar al-Aswad neighbourhoods … in Damascus": the place itself or a part of it)."""
    towns = [s.mention.place for s in spots if s.mention.place is not None and not (s.landmark or s.region)]
    result = []
    for spot in spots:
        place = spot.mention.place
        if place is not None and not spot.landmark and g.quarter_after_at.match(text, spot.end):
            distances = [distance_km(place, other) for other in towns if other.place_id != place.place_id]
            if distances and all(d is not None and d > _QUARTER_NAMESAKE_KM for d in distances):
                spot = replace(spot, landmark=True)
        result.append(spot)
    return result


def _named_as_region(text: str, start: int, g: T.Grammar) -> bool:
    """"the province of Aleppo", "provinsen Aleppo": the name at `start` is the province's."""
    return g.region_before_end.search(text[max(0, start - 30):start]) is not None


def _in_battle_name(text: str, start: int, end: int, g: T.Grammar) -> bool:
    return bool(g.event_name_end.search(text[max(0, start - 30):start]) or g.event_name_after_at.match(text, end))


def _another_towns_battle(place, text: str, start: int, ctx: _ArticleContext) -> bool:
    """A town named in the name of a battle (`_in_battle_name`) that stands in a fronted adjunct, in an article
    about another town ("During the 2016 Battle of Mosul the town was attacked", in an article on Hamam
    al-Alil): "the town" is not it."""
    if ctx.grammar is None or ctx.focus is None or ctx.focus.place == place:
        return False
    opening = max(text.rfind(mark, 0, start) for mark in ".!?\n:;") + 1
    return ctx.grammar.battle_adjunct_opening.fullmatch(text, opening, start) is not None


# A second name joined by a hyphen or dash right after a town's: "Mosul-Baghdad", "Deir ez-Zor–Palmyra".
_COMPOUND_PARTNER = re.compile(r"[-–‑](?:(?:al|el|ad|an|ar|as|ash|at|az)[-‑])?[A-Z][\w'’]*(?:[-‑ ](?:[a-z]{1,3}[-‑])?[A-Z][\w'’]*)*")


def _remember(ctx: _ArticleContext, towns: list[Mention], regions: list[Mention], index: int, force: str | None,
              text: str) -> None:
    spoken_of = [m for m in towns if ctx.grammar is None or not ctx.grammar.reference_end.search(
        ctx.article.text[max(0, m.start - 30):m.start])
        and not (_in_battle_name(ctx.article.text, m.start, m.end, ctx.grammar)
                 and _another_towns_battle(m.place, ctx.article.text, m.start, ctx))]
    ctx.towns_named = ctx.towns_named or bool(towns)
    if spoken_of:
        ctx.last_town, ctx.last_town_sentence = spoken_of[-1], index
        ctx.last_town_alone = len({m.place.place_id for m in towns if m.place is not None}) == 1
    if regions:
        ctx.last_region = regions[-1]
    if force is not None:
        ctx.last_force, ctx.last_force_sentence = force, index
    ctx.read_until = index


# --------------------------------------------------------------------------------------------------
# One predicate: what it claims
# --------------------------------------------------------------------------------------------------

@dataclass
class _Claim:
    kind: str  # capture | loss | contest | pressure | state | epithet
    hit: _Hit
    patient: _Patient | None
    force: str | None  # the taker / holder / attacker (a code of the catalogue, maybe GOVERNMENT)
    previous: str | None  # who had it before (the source, the loser)
    date: ResolvedDate | None
    background: bool
    evidence_only: bool = False
    confidence: float = 0.0  # an adjustment to the base confidence
    generic: bool = False  # the taker is named vaguely ("the group", "troops")


def _read_claim(hit: _Hit, r: _Reading, ctx: _ArticleContext, sentence: Sentence) -> list[_Claim]:
    g = ctx.grammar
    trigger = hit.trigger
    clause = _clause_at(r, hit.start)
    before = r.text[clause.start:hit.start]
    if trigger.form == "noun" and g.comparison_since_end.search(r.text, max(r.body, hit.start - 80), hit.start):
        return []  # "the largest land battle since the capture of Baghdad in 2003": a yardstick, not a claim
    if trigger.form == "epithet":
        holder = _inside_or_adjacent(hit, r)
        return [_Claim("epithet", hit, None, holder.code, None, None, False)] if holder else []
    holder_before = _holder_in_aside_before_taking(hit, r, clause, g)
    if holder_before is not None:
        # "Rawa, the last town held by ISIS, was recaptured on Friday": who held it until the change
        return [_Claim("epithet", hit, None, holder_before.code, None, None, False)]
    if _dismissed(hit, r, g) or _section_heading(hit, r) or trigger.entry and _civilian_subject(hit, r, clause, g):
        return []
    if _not_a_fact(hit, r, clause, before, g):
        _remember_intent(hit, r, clause, ctx)
        return []
    if _held_somewhere(hit, r, clause, g):
        return []

    kind = trigger.kind
    passive = trigger.passive or _passive(hit, r, clause, g) or _attributive(hit, r, g)
    source = _source(hit, r, clause, g)
    patients: list[_Patient]
    agent: PhraseHit | None = None
    agent_cost = 0.0
    previous = source.code if source else None

    if trigger.form == "drive":
        patients, expelled, agent_after = _driven(hit, r, clause, g, ctx, passive)
        if not patients:
            return []
        if expelled is not None:
            previous = expelled.code
        if passive or agent_after is not None:
            agent = agent_after
    elif trigger.form == "noun":
        patients, source_hit = _noun_patients(hit, r, clause, g, ctx)
        if source_hit is not None:
            previous = source_hit.code
        agent = _by_agent(hit, r, clause, g) or _praised(hit, r, g) or _possessor(hit, r, ctx)
    elif trigger.form in ("holder",):
        if _describes_noun(hit, r, g) and g.destination_noun_end.search(before):
            return []  # "fled Douma to areas under IS control": where they went, not who holds Douma
        agent = _inside_or_adjacent(hit, r)
        patients = _subject(hit, r, clause, g, ctx, passive=True) or _slot(hit.end, r, clause, g, ctx, hit).patients
        if all(p.spot.region for p in patients) and _region_held_including(hit, r, clause, g):
            patients = _named_as_included(hit, r, g, ctx)  # "70% of Anbar was under ISIS control, including …"
        if kind == CAPTURE and not (clause.opener and g.relative_word.match(clause.opener)):
            # "Police stations in Fallujah came under ISIS control", "soldiers at Tabqa fell into IS hands",
            # "Tal Afar's weapons depot …": what changed hands is what stands before or after the town.
            patients = [p for p in patients if p.spot.anaphor or not (
                _after_locative(p.spot.start, r, g) or r.text[p.spot.end:p.spot.end + 2] in ("'s", "’s"))]
    elif trigger.form == "attribute":
        if g.destination_end.search(before):
            return []  # "fled to the rebel-held town of Marea": a destination, not a report of who holds it
        agent = _inside_or_adjacent(hit, r)
        patients = _slot(hit.end, r, clause, g, ctx, hit).patients
    elif kind == FALL or passive:
        patients = _subject(hit, r, clause, g, ctx, passive=True)
        if kind != FALL:
            agent = _by_agent(hit, r, clause, g)
    else:
        slot = _slot(hit.end, r, clause, g, ctx, hit)
        patients = slot.patients
        if slot.unplaced:
            _unplaced(hit, r, clause, g, ctx)
        if not patients and clause.opener in ("som", "which", "that"):
            patients = _antecedent(clause, r, g, ctx)
        if not patients and not clause.opener:
            patients = _contact_antecedent(hit, r, clause, g)
        if not patients and not slot.unplaced and kind in (CAPTURE, STATE):
            patients = _named_as_included(hit, r, g, ctx)
        if not patients and not slot.unplaced and kind in (STATE, CONTEST):
            patients = _fronted_town_in_part(hit, r, clause, g)
        if g.verb_second and slot.forces and not _subject_force(hit, r, clause, g, ctx):
            agent = slot.forces[0]
    if passive and kind == CAPTURE:
        for patient in patients:
            if g.extent.search(r.text, patient.spot.end, hit.start):
                patient.partial = True  # "Raqqa is now more than 90 percent cleared": fought over still
    if not patients:
        if kind == PRESSURE:
            patients = _later_places(hit, r, clause) or _focus_patient(r, ctx)
        if not patients:
            return []
    if kind == PRESSURE and passive and _fighting_told(r, g):
        # "600 IS fighters are encircled and the fighting is fierce": fighting inside the ring.
        kind = CONTEST
        agent = agent or PhraseHit("", hit.start, hit.start, "")  # the attacker is not the encircled subject

    if kind == CAPTURE and _gerund(hit, g) and g.progressive_end.search(r.text, max(r.body, hit.start - 60), hit.start):
        kind = CONTEST  # "SDF fighters are now liberating Tabqa": under way, fought over

    if previous is None and kind in (FALL, LOSS):
        # "Rawa, den siste byen IS holdt i Irak, falt fredag": who held it is who lost it, never its taker.
        previous = next((f.code for f in r.forces if f.code and f.end <= hit.start and _holding_subject(f, r)), None)
    # Who: the taker, holder or attacker.
    if kind == FALL:
        # ("Trump Praises Syrian Democratic Forces for Fall of Raqqa": who is praised for a fall brought it about)
        # (one force and one fall in the sentence only: "praised the SDF for the fall of Raqqa and Russia for …")
        alone = len({f.code for f in r.forces if f.code}) == 1 and sum(h.trigger.kind == FALL for h in r.hits) == 1
        taker = _beneficiary(hit, r, clause, g) or (_praised(hit, r, g) if trigger.form == "noun" and alone else None)
        if taker is not None:
            kind, agent = CAPTURE, taker
        else:
            kind = LOSS
    elif kind == LOSS and not passive:
        # "IS's loss of Mosul": the noun's possessor lost it; a verb's subject did.
        # (a possessive that could be either of two forces names no loser: "Peshmerga commanders blamed IS
        # fighters for their loss of Sinjar")
        loser = agent if trigger.form == "noun" and agent is not None else _subject_force(hit, r, clause, g, ctx)
        agent = None
        previous = (loser.code if loser else None) or previous
        taker = _beneficiary(hit, r, clause, g) or _let_in(hit, r, g, loser)
        if taker is not None:
            kind, agent = CAPTURE, taker
    elif kind == LOSS and passive:
        taker = _beneficiary(hit, r, clause, g)
        if taker is None:
            return []
        kind, agent = CAPTURE, taker
    if kind != LOSS and agent is None and trigger.form not in ("holder", "attribute") and not passive:
        agent = _subject_force(hit, r, clause, g, ctx)  # a passive's subject is what was taken or driven out
        if agent is None and trigger.form == "verb":
            # "Tirsdag rykket irakiske styrker inn i Ramadi": after a fronted adverbial the subject stands
            # between the verb and its particle, inside the predicate's words.
            agent = next((f for f in r.forces if hit.start < f.start and f.end < hit.end), None)
        if agent is None and g.verb_second:
            agent = _subject_after_auxiliary(hit, r, g)
        if agent is None and g.verb_second and _pronoun_after_verb(hit, r, g) and ctx.last_taker \
                and r.index - ctx.last_taker_sentence <= 2 and not _forces_named_since(ctx, ctx.last_taker_sentence, r.index) \
                and ctx.last_taker not in {ctx.taken_by.get(p.spot.mention.place.place_id) for p in patients
                                           if p.spot.mention.place is not None}:
            # "… da opprørerne drev IS ut av Jarabulus. I oktober erobret de også Dabiq": the pronoun after the
            # verb is its subject, the force that took a town just before, when no other force was named since
            # and it does not hold this town already ("IS tok Sinjar. Peshmerga angrep. Fredag gjenerobret de
            # Sinjar": not IS)
            agent = PhraseHit(ctx.last_taker, hit.start, hit.start, "")
    agent_code = agent.code or None if agent else None
    if agent is not None and agent.code:
        agent_code = _side(agent, hit, r, clause, g, ctx)
    if kind in (CAPTURE, STATE, CONTEST) and not _acceptable_taker(agent_code, previous, trigger, ctx):
        agent_code = None
    implied = passive or trigger.form in ("noun", "drive") or _gerund(hit, g) or kind == FALL \
        or kind == CAPTURE and agent is None and trigger.form == "verb" and _unit_subject(hit, r, clause, g)
    if agent_code is None and (agent is None or agent.code) and kind in (CAPTURE, CONTEST, PRESSURE) and implied:
        # Only where the taker is left unsaid (a passive, a noun, a participle): an active verb whose subject
        # is not a force ("This threat secured …") names no taker.
        agent_code, agent_cost = _fallback_agent(hit, r, clause, g, ctx, patients, previous, trigger)
    elif agent_code is None and (agent is None or agent.code) and kind == CONTEST:
        # "The attackers had pushed into the eastern districts": those attacking it in this article.
        attacker = next((ctx.pressing.get(p.spot.mention.place.place_id) for p in patients
                         if p.spot.mention.place is not None), None)
        agent_code, agent_cost = attacker, 0.2
    if kind == FALL and agent_code is None:
        kind = LOSS
    if trigger.kind == FALL and kind == LOSS and not (
            clause.opener and g.relative_word.match(clause.opener)
            and any(d.date.year < ctx.article.published.year for d in _own_dates(r, clause))):
        # "Mosul, Iraq's second city, fell on Tuesday" in a story of IS taking towns: taken by that side; not
        # a fall of another year a relative clause recalls ("… and Shirqat, which fell in 2014").
        taker = _discourse_taker(patients, ctx, previous, r.index, fall=True)
        if taker is not None:
            kind, agent_code, agent_cost = CAPTURE, taker, 0.2

    background = _background(hit, r, clause, before, g, kind) or _undated_tally(hit, r, clause, g, patients)
    claims = []
    for patient in patients:
        claim_kind, evidence_only = _kind_for(kind, trigger, patient, r, clause, hit, g, ctx.forces)
        if claim_kind is None:
            continue
        if claim_kind == CAPTURE and _reversed_taking(hit, r, clause, g):
            evidence_only = True  # "briefly took over the town": no lasting change
        if claim_kind in (CAPTURE, STATE) and agent_code is None:
            continue
        when = patient.date or _date_for(hit, r, clause, ctx, g, background)
        relative = _relative_to_clause_before(hit, r, clause, g) if patient.date is None else False
        if relative is not False:
            # "IS erobret al-Sukhnah i mai 2015, bare dager før gruppen tok Palmyra": in May 2015 too; a
            # day-exact date shifted by days or weeks the text does not count is no date.
            when = relative
            background = background or relative is None
        if when is None and patient.date is None:
            when = _counted_back(r, clause, ctx, g)  # "comes nine months after militants were driven from"
        if patient.date is None and (when is None or when.precision == "unknown"):
            period = _period_in_which(r, clause, ctx, g)  # "comes after a week in which militants seized"
            if period is not None:
                when = period or None  # False: a span before the news with no date of its own (not today)
                background = background or period is False
        if patient.date is None and (when is None or when.precision != "day"):
            # "regained most of the town last week, two days after the army declared it liberated on Nov. 9"
            when = _counted_from_clause_after(r, clause, g, when) or when
        fought = _after_fighting_span(r, clause, g) if patient.date is None else False
        if fought is not False:
            when = fought  # "On 24 March … assaulted Idlib, and after four days of fighting captured the city"
        # "liberated Mosul and Raqqa, followed by Hajin last December": before that date; "captured Mosul on
        # the night of 9 June, and then Tikrit": later, not that night. Either way, no date of its own.
        undated_in_sequence = patient.date is None and not isinstance(fought, ResolvedDate) and (
            patient.closed or any(p.closed for p in patients[:patients.index(patient)])
            or _later_than_fronted_date(hit, r, clause, g) or _after_coordinated_fronted_phrase(r, clause, g))
        if undated_in_sequence:
            when = None
        if when is None and _fronted_phrase_before(r, clause, g) is not None:
            undated_in_sequence = True  # "After IS attacked, the army lost Palmyra and retook it in March"
        told_before = undated_in_sequence or when is None and claim_kind in (CAPTURE, LOSS, CONTEST) and (
            _told_in_the_past(hit, r, clause, ctx, g) or _taken_before_retaking(hit, r, clause, g))
        if claim_kind == LOSS and trigger.form == "noun" and when is None and agent_code is None:
            # "The group's loss of Mosul was a major blow": an undated loss named as a noun, nobody named
            # taking the place, points back to a change told elsewhere (or never), not one of today.
            told_before = True
        claims.append(_Claim(claim_kind, hit, patient, agent_code, previous, when, background or told_before, evidence_only,
                             -agent_cost, agent is not None and bool(g.generic_force.match(agent.text.lower()))))
        if claim_kind in (CAPTURE, CONTEST, LOSS, STATE):
            ctx.last_patient, ctx.last_patient_sentence = patient.spot.mention, r.index
        if agent_code is not None and patient.spot.mention.place is not None:
            place_id = patient.spot.mention.place.place_id
            if claim_kind in (CAPTURE, CONTEST, PRESSURE):
                ctx.pressing[place_id] = agent_code
                ctx.pressers.add(agent_code)
            if claim_kind == CAPTURE and not evidence_only:
                ctx.taken_by[place_id] = agent_code
                ctx.last_taker, ctx.last_taker_sentence, ctx.last_taker_paragraph = agent_code, r.index, ctx.paragraph
                ctx.takers.add(agent_code)
    if claims and trigger.kind == CAPTURE and (g.declaration.search(r.text[:hit.start]) or _reported(hit, r, g)):
        ctx.declared.append((sentence.index, claims[0].patient.spot.mention.place.place_id))
    return claims


def _unplaced(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar, ctx: _ArticleContext) -> None:
    """A claim about a town we cannot place: nothing to show, but "the town" after it is that town, not
    another one, and its taker is the article's taker."""
    ctx.last_patient, ctx.last_patient_sentence = None, r.index
    if hit.trigger.kind == CAPTURE:
        agent = _subject_force(hit, r, clause, g, ctx)
        if agent is not None and ctx.forces.holds_towns(agent.code):
            code = _side(agent, hit, r, clause, g, ctx)
            ctx.last_taker, ctx.last_taker_sentence, ctx.last_taker_paragraph = code, r.index, ctx.paragraph
            ctx.takers.add(code)


def _dismissed(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """A holding named inside another claim: "liberated from its long nightmare under the rule of ISIS"
    (the loser, not a holder), "collapse ISIL's control over it" (a noun, the object of another verb)."""
    if hit.trigger.kind != STATE:
        return False
    clause = _clause_at(r, hit.start)
    if _within_source(hit, r, clause, g) or _describes_loser(hit, r, clause, g):
        return True
    if g.struggle_end.search(r.text[max(clause.start, hit.start - 20):hit.start]):
        return True  # "IS and the SDF are fighting for control of Raqqa": fought over, held by neither
    if g.handover_end.search(r.text[max(clause.start, hit.start - 40):hit.start]):
        return True  # "continue to transition control of the city to the hold force": handed over, not held
    return hit.trigger.form == "verb" and _control_noun(hit, r, r.text[clause.start:hit.start])


def _describes_loser(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """A holding told as a description after a taking in the same sentence: "had retaken the town of Hawija,
    one of the last two areas held by Islamic State", "captured the IS-held town": it names who lost it, not
    who holds it now. Only a participle with its agent ("held by …") or an attribute ("IS-held") without an
    auxiliary of its own: "while Rawa is still held by IS" is a report of its own."""
    # An attribute names the holder before whatever the sentence says happened to the place, before it or
    # after it ("The IS-held town of Albu Kamal was captured on Sunday").
    takings = [h for h in r.hits if h.trigger.kind in (CAPTURE, FALL, LOSS) and h.trigger.form != "epithet"
               and r.body <= h.start and (h.start < hit.start or hit.trigger.form == "attribute" and h.start >= hit.end)]
    if not takings:
        return False
    if hit.trigger.form != "attribute":
        following = next((f for f in r.forces if hit.end <= f.start < clause.end), None)
        if following is None or not g.agent_end.search(r.text[hit.end:following.start]) \
                or len(r.text[hit.end:following.start].split()) > 2:
            return False
    for token in reversed(r.words(clause.start, hit.start)):
        if g.passive_aux_word.match(token.lower) or g.perfect_aux_word.match(token.lower):
            return False
        if not g.adverb_word.match(token.lower):
            break
    # "began an offensive to retake Hawija, one of the last areas held by IS": nothing was taken, so the
    # description is who holds it now.
    return any(not _not_a_fact(h, r, _clause_at(r, h.start), r.text[_clause_at(r, h.start).start:h.start], g)
               for h in takings)


def _holder_in_aside_before_taking(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> PhraseHit | None:
    """The agent of a holding participle in an aside before the sentence's own verb, when that verb says the town
    was taken or lost ("Rawa, the last town held by ISIS, was recaptured on Friday"): who held it before the
    change, not who holds it now. Not when the taking is no fact ("will be retaken soon")."""
    if hit.trigger.kind != STATE or hit.trigger.form != "verb" or not _describes_noun(hit, r, g):
        return None
    holder = next((f for f in r.forces if hit.end <= f.start < clause.end), None)
    if holder is None or not holder.code or not g.agent_end.search(r.text[hit.end:holder.start]) \
            or len(r.text[hit.end:holder.start].split()) > 2:
        return None
    for taking in r.hits:
        if taking.start < hit.end or taking.trigger.kind not in (CAPTURE, FALL, LOSS) or taking.trigger.form == "epithet" \
                or "," not in r.text[hit.end:taking.start]:
            continue
        own = _clause_at(r, taking.start)
        if not _not_a_fact(taking, r, own, r.text[own.start:taking.start], g):
            return holder
    return None


def _civilian_subject(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """Whether the subject right before an entry is no fighting force ("A United Nations-led aid convoy enters the
    besieged town of Madaya", "Journalists entered Raqqa"): no entry by force, and no attacker to borrow. Not
    when the clause names a force before the entry ("IS fighters in pickup trucks stormed Sinjar")."""
    if any(clause.start <= f.start < hit.start for f in r.forces):
        return False  # "Syrian Democratic Forces and civilians entered", "A Syrian army convoy entered"
    for token in reversed(r.words(clause.start, hit.start)):
        word = token.lower
        if g.adverb_word.match(word) or g.perfect_aux_word.match(word) or g.passive_aux_word.match(word):
            continue
        return bool(g.civilian_subject_word.match(word))
    return False


def _section_heading(hit: _Hit, r: _Reading) -> bool:
    """A line that is only a noun of taking and its town ("Capture of Ramadi", a story's subheading): it names
    what the paragraphs under it tell, with their own dates and takers, and tells nothing itself."""
    line = r.text[r.body:].strip()
    return hit.trigger.form == "noun" and hit.start == r.body and len(line.split()) <= 5 \
        and line[-1:].isalnum() and not r.forces and not r.dates


def _holder_before_change(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """A holder phrase describing a town ("the last village under IS control") that the sentence then says
    changed hands, in its main clause ("…, was liberated on Saturday"): who held it until then. Not when the
    change is told in a clause of its own ("since Iraqi forces recaptured Mosul") or is of another town."""
    if hit.trigger.form != "holder" or not _describes_noun(hit, r, g):
        return False
    if any(0 <= d.start - hit.end <= 8 for d in r.dates):
        return False  # "under IS control since 2014": a holding with its own date, history of its own
    before = [s for s in r.spots if s.end <= hit.start and not (s.landmark or s.region)]
    after = [s for s in r.spots if s.start >= hit.end and not (s.landmark or s.region)]
    described = before[-1] if before else after[0] if after else None
    for h in r.hits:
        if h.start < hit.end or h.trigger.kind not in (CAPTURE, FALL, LOSS) or h.trigger.form == "epithet":
            continue
        clause = _clause_at(r, h.start)
        if clause.opener and (g.background.match(clause.opener) or g.subordinator_at.match(clause.opener)):
            continue
        if _not_a_fact(h, r, clause, r.text[clause.start:h.start], g):
            continue
        objects = [s for s in r.spots if h.end <= s.start < clause.end and not s.anaphor and not s.located]
        if any(described is None or s.mention.place != described.mention.place for s in objects):
            continue
        return True
    return False


def _after_locative(start: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether the word before `start` is a preposition of place ("in", "at", "near", "i", "ved")."""
    before = r.words(r.body, start)
    return bool(before) and g.locative_word.match(before[-1].lower) is not None


def _describes_noun(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """A holder phrase right after a noun ("the last village under IS control", "byen under IS-kontroll"), not
    after a verb of its own ("is under IS control", "remained in IS hands")."""
    words = r.words(r.body, hit.start)
    if not words:
        return False
    last = words[-1].lower
    return not (g.passive_aux_word.match(last) or g.perfect_aux_word.match(last) or g.still.fullmatch(last))


def _held_somewhere(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """A participle of holding that says where something is kept, not who rules a town: "hostages held in
    Mosul", "talks held in Baghdad", "the referendum, held in Kirkuk". A bare participle (no auxiliary, no
    force or pronoun as its subject) followed by a locative names no holder."""
    if hit.trigger.kind != STATE or hit.trigger.form != "verb" or not g.participle_word.match(hit.text.lower()):
        return False
    if not g.state_locative_at.match(r.text, hit.end + _space(r.text, hit.end)):
        return False
    words = r.words(clause.start, hit.start)
    if not words:
        return False
    last = words[-1]
    if g.passive_aux_word.match(last.lower) or g.perfect_aux_word.match(last.lower) \
            or g.subject_pronoun_word.match(last.lower) or g.relative_word.match(last.lower) \
            or any(0 <= hit.start - f.end <= 1 for f in r.forces) or _in_force(last.start, r):
        return False
    return True


def _control_noun(hit: _Hit, r: _Reading, before: str) -> bool:
    """"ISIL's control over it", "ISIL control of the town", "their control of": a holding named as a
    noun, the object of another verb ("collapse", "secured"), not a report that someone holds a place."""
    if not re.match(r"\s+(?:of|over)\b", r.text[hit.end:hit.end + 6], re.IGNORECASE):
        return False
    return bool(re.search(r"(?:['’]s?|\b(?:its|their))\s*\Z", before)) or any(
        0 <= hit.start - f.end <= 1 for f in r.forces)


def _reversed_taking(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """A taking its verb says did not last: "briefly took over the town", "temporarily seized", "tok kortvarig
    kontroll over" (the word right before the verb, or inside its phrase). Not "paused briefly and took", and
    not what a later clause undid ("took Palmyra before being driven out of al-Qaryatain", "seized Palmyra in
    May 2015, only to lose it in March 2016" lasted ten months)."""
    before = r.words(clause.start, hit.start)[-1:]
    return any(g.brief_word.match(t.lower) for t in before + r.words(hit.start, hit.end))


def _kind_for(kind: str, trigger: T.Trigger, patient: _Patient, r: _Reading, clause: _Clause, hit: _Hit,
              g: T.Grammar, forces: ForceCatalogue) -> tuple[str | None, bool]:
    """The claim's kind for this place, and whether it is evidence only: part of a town is fought over,
    not taken; its outskirts are pressed, not entered; a landmark or region changes nothing."""
    spot = patient.spot
    if spot.facility and not spot.region:
        # "seized the Government Center in Ramadi": fighting inside the town, whoever holds the rest
        return (CONTEST, False) if kind in (CAPTURE, CONTEST) else (None, False)
    if spot.landmark or spot.region:
        return None, False
    if patient.outskirts and trigger.entry and kind in (CAPTURE, CONTEST) and not spot.anaphor \
            and g.inner_edge_at.match(r.text, hit.end):
        return CONTEST, False  # "entered the western edge of al-Bab": inside the town, fought over (its name, not
        # "the town", which may be another near it: "entered the western edge of the town, near al-Bab")
    if patient.outskirts and not (trigger.entry and g.beyond_outskirts.search(r.text, hit.end)):
        # "entered the city's outskirts" as "pushed into the outskirts": at its edge, not inside it (unless the
        # sentence goes on inside: "entered Fallujah's outskirts and then the city centre")
        return (PRESSURE, False) if kind in (CAPTURE, CONTEST, PRESSURE) else (None, False)
    if kind == STATE:
        if patient.partial or patient.half or patient.most:
            if trigger.form in ("attribute", "holder"):
                return None, False  # "the rebel-held districts of Deir ez-Zor": a description
            clause_text = r.text[clause.start:clause.end]
            if g.still.search(clause_text) or not (_own_dates(r, clause) or g.now.search(clause_text)):
                return None, False
            return CONTEST, False
        return STATE, False
    if trigger.entry and kind in (CAPTURE, CONTEST):
        whole = not (patient.partial or patient.half or patient.most or patient.outskirts)
        # "… raising their black flag, but troops kept a grip on parts of the town": still fought over.
        unopposed = whole and _unopposed_entry(hit, patient, r, g, forces) \
            and not g.contradiction_clause.search(r.text, hit.end)
        return (CAPTURE if unopposed else CONTEST), False
    if kind == CAPTURE and g.partial_adverb_end.search(r.text, max(0, hit.start - 20), hit.start):
        return CONTEST, False  # "partially conquered by ISIL": part of the town taken, the rest fought over
    if kind == CAPTURE and _other_side_keeps_part(hit, patient, r, g):
        return CONTEST, False
    if kind == CAPTURE:
        if patient.half:
            return CAPTURE, True  # "the eastern half of Mosul was retaken": kept as evidence, no change
        if (patient.partial or patient.most) and not _rest_of_town(hit, patient, r, g):
            return CONTEST, False  # "regained most of the town": the rest is still fought over
        return CAPTURE, False
    if kind == CONTEST:
        return CONTEST, False
    if kind == LOSS and (patient.partial or patient.half or patient.most):
        return None, False  # "Rebels withdrew from the Old City of Homs": the town was not all lost
    return kind, False


def _other_side_keeps_part(hit: _Hit, patient: _Patient, r: _Reading, g: T.Grammar) -> bool:
    """Whether the sentence goes on to say that the other side still keeps a part of this very town ("Militants had
    swept into Hit on Oct. 2, …, but troops and tribal fighters kept a grip on parts of the western edge of the
    town"; "… but IS still holds parts of Hit"): fought over, not taken. Not parts of a region or of another town
    ("but ISIS still holds parts of northern Iraq, including the town of Tal Afar"; "parts of the nearby town of
    Bartella"): "still" must come before the part, and nothing but the part's own words between it and "the town"
    or the town's name."""
    but = g.contradiction_clause.search(r.text, max(hit.end, patient.spot.end))
    if but is None:
        return False
    part = g.partial_any.search(r.text, but.end())
    if part is None or not g.still.search(r.text, but.end(), part.start()):
        return False
    # someone keeps it: a force in that clause before the part (not "but mines still contaminate parts of the city")
    if not any(but.end() <= f.start and f.end <= part.start() for f in r.forces):
        return False
    if any(part.end() <= start < part.end() + 60 for start, _ in r.region_spans):
        return False
    # the part's own words only between it and the town ("parts of the western edge of the town"; not "parts of the
    # countryside around the town", "the refinery north of the town")
    after = r.spot_at.get(part.end() + _space(r.text, part.end()))
    if after is not None:
        return after.mention.place == patient.spot.mention.place
    anaphor = g.town_anaphor_any.search(r.text, part.end(), min(len(r.text), part.end() + 60))
    return anaphor is not None and bool(g.part_words.fullmatch(r.text, part.end(), anaphor.start())) \
        and not g.of_at.match(r.text, anaphor.end())  # (not "the town of Bartella")


# -- is it a fact? -------------------------------------------------------------------------------------

def _not_a_fact(hit: _Hit, r: _Reading, clause: _Clause, before: str, g: T.Grammar) -> bool:
    """An intention, plan, possibility, condition, negation or denial: nothing happened (yet)."""
    word = hit.text.lower()
    if g.present_passive_word.match(word) and not _chronology_line(hit, r, g):
        return True  # "Det er ventet at Raqqa inntas av SDF", "Mosul gjenerobres trolig innen jul": not (yet) a fact
    if g.conditional_start.match(r.text[r.body:]) and hit.start - r.body < 40:
        return True
    if hit.start == r.body and _gerund(hit, g) and not _dated_gerund_subject(hit, r, g):
        return True  # "Losing the town … would cap a process": a gerund subject, not a report
    words = r.words(clause.start, hit.start)
    if _gerund(hit, g) and len(words) == 1 and g.complementizer_word.match(words[0].lower):
        return True  # "cautioned that retaking the city would take far longer": the same, after "that"
    if hit.trigger.kind == CAPTURE and _gerund(hit, g) and words and g.complementizer_word.match(words[-1].lower) \
            and _judged_in_present(hit, r, clause, g):
        return True  # "… said Tuesday that taking back Ramadi is more challenging": after "that" further on
    if _cue_before(words, g.modal_end, g) and not (g.factual_end.search(before) or g.ordinal_end.search(before)):
        return True
    factual = g.factual_end.search(before)
    if factual is not None and _cue_before(r.words(clause.start, clause.start + factual.start()), g.negation_end, g):
        return True  # "IS never managed to capture Kobani", "klarte ikke å"
    if factual is not None and _cue_before(r.words(clause.start, clause.start + factual.start()), g.modal_end, g):
        return True  # "could have helped the army retake Mosul": what did not happen
    if hit.trigger.kind == STATE and g.holding_ends.search(r.text[hit.end:clause.end]):
        return True  # "ISIS' brutal control of the city is coming to an end"
    if g.expectation_end.search(r.text, clause.start, hit.start):
        return True  # "do not expect a difficult battle in Hawija": foreseen, not fought
    if hit.trigger.form == "noun" and _modal_subject(hit, r, clause, words, g):
        return True  # "the liberation of Mosul will take months", "erobringen av Raqqa vil være …"
    if g.aims.search(before) and hit.trigger.kind in (CAPTURE, CONTEST, PRESSURE):
        return True  # "the next objective …, retaking Raqqa"
    if hit.trigger.form == "verb" and g.base_form_word.match(word) and not (g.factual_end.search(before) or g.ordinal_end.search(before)) \
            and not _present_tense_subject(hit, r, clause, g) and not _participle(hit, r, g):
        return True
    if g.conditional.search(before) or clause.opener and g.conditional.match(clause.opener):
        return True
    if _goal_of_future(hit, r, g):
        return True
    if _in_future_time_clause(r, clause, g):
        return True
    if _cue_before(words, g.negation_end, g):
        return True
    if hit.trigger.form == "noun" and len(words) > 1 and g.declaration.fullmatch(words[-1].lower) \
            and _cue_before(words[:-1], g.negation_end, g):
        return True  # "have not yet declared victory in Tal Afar": the negation is the verb's, the noun its object
    after = r.words(hit.end, hit.end + 40)[:2]
    if after and g.negation_after_word.match(after[0].lower):
        return True
    if _gerund(hit, g) and words and any(g.gerund_topic_word.match(w.lower) for w in
                                         (words[-4:-1] if g.coordinator_word.match(words[-1].lower) else words[-1:])):
        return True  # "it was all about Ramadi and taking Ramadi back": what was talked of, not what happened
    if hit.trigger.kind == CAPTURE and _gerund(hit, g) and any(0 <= hit.start - f.end <= 1 for f in r.forces):
        return True  # "in support of Iraqi forces retaking Fallujah": a description of what they are doing
    if hit.trigger.kind in (CONTEST, PRESSURE) and _repelled(hit, r, clause, g):
        return True
    return _denied(hit, r, clause, g)


def _judged_in_present(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """Whether the verb after a gerund subject is in the present or future ("taking back Ramadi is more
    challenging", "… will take months"), not the past or perfect ("capturing Raqqa was complete", "… had cost
    300 lives", "… has been completed"): a judgement of a taking, not a report of one."""
    for token in r.words(hit.end, clause.end):
        word = token.lower
        if g.perfect_aux_word.match(word) or g.passive_aux_word.match(word) and not g.present_aux_word.match(word):
            return False
        if g.present_aux_word.match(word) or g.modal_after.fullmatch(word):
            return True
    return False


def _in_future_time_clause(r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """"Their caliphate will be obliterated when Hajin has been captured", "Once the SDF captures Hajin, they will
    push to Baghuz": a clause of time told in the present or perfect, on a clause that tells the future, tells no
    fact either."""
    if not clause.opener or not g.temporal_opener_word.match(clause.opener) or _own_dates(r, clause):
        return False
    # told in the present or perfect ("has been captured", "captures"), not the past ("after fighters drove IS out")
    words = r.words(clause.start, clause.end)
    if not any(g.present_aux_word.match(t.lower) or g.present_verb_word.match(t.lower) for t in words[1:]):
        return False
    index = r.clauses.index(clause)
    host = [c for c in r.clauses[max(0, index - 1):index + 2] if c is not clause]
    # (the future, not a past "could" or "may have")
    return any(g.future_word.match(t.lower) for c in host for t in r.words(c.start, c.end))


def _taken_before_retaking(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """Whether a taking is told in a relative clause on a retaking ("retook Kirkuk on Monday, which the
    Peshmerga took when the army fled"): it came before, not on the retaking's day."""
    index = r.clauses.index(clause)
    if hit.trigger.kind != CAPTURE or index == 0 or not g.relative_word.match(clause.opener or " "):
        return False
    if any(g.later_word.match(t.lower) or g.time_shift_word.match(t.lower) for t in r.words(clause.start, hit.start)):
        return False  # "liberated Manbij, which Turkish-backed rebels later seized"
    before = r.clauses[index - 1]
    return any(before.start <= h.start < before.end and _retaking(h, r, g) for h in r.hits)


def _retaking(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """Whether the predicate takes a place back: its words ("recaptured", "gjenerobret"), or with the particle
    after them ("ble tatt tilbake", "took back")."""
    words = hit.text.lower().split()
    following = r.words(hit.end, hit.end + 16)[:1]
    return bool(g.retaking_word.match(" ".join(words))
                or following and g.retaking_word.match(" ".join([*words, following[0].lower])))


def _fighting_told(r: _Reading, g: T.Grammar) -> bool:
    """Whether the sentence tells of fighting, not of fighting negated, foreseen or possible ("do not expect a
    difficult battle")."""
    for match in g.combat.finditer(r.text, r.body):
        words = r.words(r.body, match.start())
        if not (_cue_before(words, g.negation_end, g) or _cue_before(words, g.modal_end, g)
                or g.expectation_end.search(r.text, r.body, match.start())):
            return True
    return False


def _participle(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """Whether a base form that is also a past participle ("overrun") is the participle: of a perfect ("IS
    fighters had overrun Ramadi"), or of a past passive said of the town itself (see `participle_forms` in
    geo/lang)."""
    if not g.participle_form_word.match(hit.text.lower()):
        return False
    before = r.words(r.body, hit.start)
    if before and g.adverb_word.match(before[-1].lower) and not g.negation_end.search(before[-1].lower):
        before = before[:-1]  # "was quickly overrun"
    if before and g.perfect_aux_word.match(before[-1].lower):
        return True
    auxiliary = g.participle_after_end.search(r.text, r.body, before[-1].end) if before else None
    if auxiliary is not None:
        return _town_subject(auxiliary.start(), r, g)
    after = r.words(hit.end, hit.end + 20)[:1]
    # "captured by rebels in 2012, overrun by IS in 2014"; "Rutba, overrun by IS in June 2014, was retaken"
    # (or set off by a dash: "life is returning to normal in Mosul -- captured by ISIS in 2014")
    return bool(after) and g.agent_word.match(after[0].lower) is not None \
        and _ASIDE_MARK_END.search(r.text[:hit.start]) is not None \
        and (any(h.end <= hit.start and h.trigger.kind == CAPTURE for h in r.hits)
             or any(_ASIDE_MARK.fullmatch(r.text[s.end:hit.start]) for s in r.spots))


def _town_subject(end: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether the subject ending at `end` is a town: it opens its clause ("The city of Manbij", "Sinjar and
    Zumar", "In May, Ramadi", "… said Ramadi"), perhaps with an aside after it ("Mosul, Iraq's second city,"),
    or is a relative pronoun right after one ("Bartella, which"); not a town named in what describes the
    subject ("An army convoy sent to relieve Samarra")."""
    text = r.text[:end].rstrip()
    words = r.words(r.body, end)
    if words and g.relative_word.match(words[-1].lower) and r.text[:words[-1].start].rstrip().endswith(","):
        text = r.text[:words[-1].start].rstrip()[:-1].rstrip()
    elif text.endswith(","):
        aside = text.rfind(",", 0, len(text) - 1)
        if aside > 0:
            text = text[:aside].rstrip()  # "Mosul, Iraq's second city, was overrun"
    spot = next((s for s in r.spots if s.end == len(text)), None)
    if spot is None:
        return False
    opening = max(_clause_at(r, spot.start).start, r.body, r.text.rfind(",", 0, spot.start) + 1)
    for token in reversed(r.words(opening, spot.start)):
        if g.saying_word.match(token.lower) or g.complementizer_word.match(token.lower):
            return True  # "said (that) Ramadi was overrun"
        if not (g.slot_word.match(token.lower) or g.place_noun_word.match(token.lower)
                or g.coordinator_word.match(token.lower) or token.start in r.spot_at):
            return False
    return True


# After a chronology line's date: a colon, or a dash set in spaces ("April 1 – Iraqi forces take Tikrit").
_CHRONOLOGY_MARK_AT = re.compile(r"\s*(?::|[–—-]\s)")
# A list item's mark: an infobox's outcomes ("• Kurdish forces take control of Kirkuk, …") are told in the
# present, with or without a full stop
_BULLET_AT = re.compile(r"\s*[•▪●*]\s")
#: At most this many words of a co-subject before "and" and the force of a headline's present tense.
_CO_SUBJECT_WORDS = 4


def _chronology_line(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """A line that opens with its date and a colon or a dash, told as a chronology tells it ("12. august 2016: Manbij
    erobres av SDF"); not a forecast or a report of one on such a line ("5. juni 2017: SDF sier Raqqa erobres
    innen få uker", "Tabqa erobres trolig av SDF"), and not a clause of expectation or condition."""
    first = r.dates[0] if r.dates else None
    if first is None or r.text[r.body:first.start].strip(" –-•*") or not _CHRONOLOGY_MARK_AT.match(r.text, first.end):
        return False
    clause = _clause_at(r, hit.start)
    if clause.opener and (g.complementizer_word.match(clause.opener) or g.subordinator_at.match(clause.opener)):
        return False
    return not (g.forecast.search(r.text, first.end) or g.unreal_cue.search(r.text, first.end)
                or any(g.saying_word.match(t.lower) for t in r.words(first.end, len(r.text))))


def _answered_by_denial(position: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether the rest of the sentence from `position` denies what came before: a verb of denial ("but the
    coalition denied it"), or someone saying the opposite ("but the coalition said it had seen no sign of
    it"), not the subject going on with a negated verb of its own ("but have not yet entered the city")."""
    if g.denial.search(r.text, position):
        return True
    said = next((t for t in r.words(position, len(r.text)) if g.saying_word.match(t.lower)), None)
    return said is not None and g.negation_any.search(r.text, said.end) is not None


def _modal_word(r: _Reading, g: T.Grammar, start: int, end: int) -> re.Match | None:
    """The first modal or future word between `start` and `end` that is no date's ("May" is a month)."""
    return next((m for m in g.modal_after.finditer(r.text, start, end) if not _in_dates(m.start(), r)), None)


def _goal_of_future(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """A predicate in an "until" clause after a future or modal verb: "Operasjonen vil fortsette til Baghuz er
    befridd", "we will fight until Raqqa is liberated". The end that is aimed at has not come; after a past
    verb it has ("fighting went on until the town was retaken")."""
    until = g.until_clause_end.search(r.text, r.body, hit.start)
    return until is not None and _modal_word(r, g, r.body, until.start()) is not None


def _modal_subject(hit: _Hit, r: _Reading, clause: _Clause, words: list[_Token], g: T.Grammar) -> bool:
    """A predicate noun that opens its clause as the subject of a modal or future verb: what it names has
    not happened (yet)."""
    if len(words) > 3 or any(f.start >= clause.start and f.end <= hit.start and hit.start - f.end > 3 for f in r.forces):
        return False
    modal = _modal_word(r, g, hit.end, clause.end) or (
        g.needed_for.search(r.text, hit.end, clause.end) if not _own_dates(r, clause) else None)  # (not "last week")
    if modal is None:
        return False
    # The first verb after the noun phrase: no other predicate before the modal.
    return not any(hit.end <= h.start < modal.start() and h.trigger.form != "epithet" for h in r.hits)


def _repelled(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """An attack that failed: "repelled an ISIS counterattack on Ramadi" (the attack is the object of a word
    of repelling in its clause), "attacked Haditha but were beaten back" (a passive of it later in the
    sentence). Nobody got in, so nothing changes."""
    if g.repelled.search(r.text, clause.start, hit.start):
        return True
    for m in g.repelled.finditer(r.text, hit.end):
        words = r.words(max(r.body, m.start() - 20), m.start())[-2:]
        if any(g.passive_aux_word.match(t.lower) for t in words):
            return True
    return False


def _cue_before(words: list[_Token], cue: re.Pattern, g: T.Grammar, reach: int = 4) -> bool:
    """Whether the words before a predicate end in `cue`, allowing a few adverbs between ("to fully encircle
    and subsequently retake")."""
    for skipped in range(reach + 1):
        end = len(words) - skipped
        if end <= 0:
            return False
        last = words[end - 1]
        if len(last.text) > 1 and last.text.isupper() or end > 1 and last.text[:1].isupper() \
                and words[end - 2].text.isdigit():
            # an acronym, or a capitalised word after a day's number, is a name ("On 15 May IS had taken
            # Ramadi": the month and the group, not "may" and "is")
            return False
        window = " ".join(t.text for t in words[max(0, end - 5):end])
        if cue.search(window):
            return True
        if cue is g.negation_end and g.focus_adverb_word.match(last.lower):
            return False  # "haven't only retaken Hit, they also …", "ikke bare": no negation of the taking
        # "would be retaken", "expected to have been captured": a modal before an auxiliary; so is a
        # negation ("at Ramadi ikke er gjenerobret", "had not been taken"): both reach over the verb group.
        if not (g.adverb_word.match(last.lower) or g.base_form_word.match(last.lower)
                or (cue is g.modal_end or cue is g.negation_end)
                and (g.passive_aux_word.match(last.lower) or g.perfect_aux_word.match(last.lower))):
            return False
    return False


def _denied(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """A denial earlier in the sentence whose complement reaches this predicate ("denied that Tikrit had
    also fallen, but said …": up to the "but")."""
    after = g.denied_after.search(r.text, hit.end)
    if after is not None and not g.contradiction_clause.search(r.text, hit.end, after.start()):
        return True  # "Reports that IS had captured Palmyra were denied by the army"
    if g.denial_back.search(r.text, hit.end) or g.denied_back_after.search(r.text, hit.end):
        return True  # "Kurdish forces said they had taken Tabqa, but IS denied it", "men dette er ikke bekreftet"
    if g.declaration.search(r.text, r.body, hit.start) or _reported(hit, r, g):
        but = g.contradiction_clause.search(r.text, hit.end)
        if but is not None and _answered_by_denial(but.end(), r, g):
            return True  # "the army claimed it had entered Manbij, but the coalition denies troops are in the town"
    for match in g.denial.finditer(r.text, r.body, hit.start):
        between = r.text[match.end():hit.start]
        if g.contradiction_clause.search(between) or g.said_after_and.search(between):
            continue
        return True
    return False


def _remember_intent(hit: _Hit, r: _Reading, clause: _Clause, ctx: _ArticleContext) -> None:
    """An aim or plan names who is after a place ("launched an offensive to retake Hawija")."""
    if hit.trigger.kind not in (CAPTURE, CONTEST, PRESSURE):
        return
    g = ctx.grammar
    agent = _subject_force(hit, r, clause, g, ctx)
    if agent is None:
        earlier = [f for f in r.forces if f.end <= hit.start and (
            not _complement(f, r, _clause_at(r, f.start), g) or g.agent_end.search(r.text[max(0, f.start - 20):f.start]))]
        agent = earlier[-1] if earlier else None
    if agent is None:
        return
    for patient in _slot(hit.end, r, clause, ctx.grammar, ctx, hit).patients:
        place = patient.spot.mention.place
        if place is not None:
            code = ctx.forces.resolve(agent.code, place.country)
            if code and ctx.forces.holds_towns(code):
                ctx.pressing[place.place_id] = code
                ctx.pressers.add(code)


def _within_source(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """A holding phrase after "from" that follows a predicate of taking: it names the loser."""
    if hit.trigger.kind != STATE:
        return False
    if not g.source_word.search(r.text, clause.start, hit.start):
        return False
    return any(h.trigger.kind == CAPTURE and clause.start <= h.start < hit.start for h in r.hits)


def _held_until(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """A holding told up to a dated end a few words on, with nothing between but its own words ("remained under
    ISIL control until the Second Battle of Tikrit in March and April 2015"): over by the time of telling. Not a
    holding in the future ("will hold Mosul until …") nor one joined to another verb first ("held Kirkuk and
    vowed to stay until …")."""
    until = g.until_word.search(r.text, hit.end, min(len(r.text), hit.end + 60))
    if until is None or "," in r.text[hit.end:until.start()] or _modal_word(r, g, r.body, hit.start) is not None:
        return False
    told = [t.lower for t in r.words(r.body, hit.start)[-3:] + r.words(hit.start, hit.end)[:1]]
    if not any(g.held_past_word.match(w) for w in told):
        return False  # "IS controls Hawija until the army arrives": held now
    end = next((d for d in r.dates if until.end() <= d.start <= until.end() + 60), None)
    if end is None or any(g.saying_word.match(t.lower) for t in r.words(until.end(), end.start)):
        return False  # (not "til tross for …, sa observatøriet fredag": the day of the telling)
    between = r.words(hit.end, until.start())
    return len(between) <= 8 and not any(g.coordinator_word.match(t.lower) for t in between)


def _background(hit: _Hit, r: _Reading, clause: _Clause, before: str, g: T.Grammar, kind: str) -> bool:
    """An earlier event the clause mentions in passing: "after IS took…", "had seized", "once ruled"."""
    if clause.opener and g.background.match(clause.opener):
        return True
    if g.ordinal_end.search(before):
        return True  # "Fallujah, the first Iraqi city to fall to IS": a description, dated only by its own date
    for cue in g.background.finditer(r.text, clause.start, hit.start):
        if _in_dates(cue.start(), r) or hit.start - cue.end() <= 1 and cue.group(0).lower() in ("since", "siden"):
            continue  # "the following day"; "have since pushed back"
        return True
    relative = g.relative_time.search(r.text, hit.end, min(len(r.text), clause.end + 40))
    if relative and relative.start() < clause.end:
        return True  # "recaptured a month after Mosul" (a clause starts at "after", so look past its end)
    if any(g.until_end.search(r.text[max(0, d.start - 12):d.start]) for d in _own_dates(r, clause) if d.start >= hit.end):
        return True  # "remained under ISIL control until July 2017": over by then
    if kind == STATE and _held_until(hit, r, g):
        return True  # "remained under ISIL control until the Second Battle of Tikrit in March and April 2015"
    words = [t.lower for t in r.words(clause.start, hit.start)][-4:]
    if any(g.pluperfect_word.match(w) for w in words) and not _reported(hit, r, g):
        return True  # "had seized" tells of before, unless it is what someone said ("said it had taken")
    if kind == STATE and g.duration.search(r.text, hit.end, clause.end) and not g.still.search(r.text, clause.start, clause.end) \
            and not any(g.perfect_aux_word.match(t.lower) for t in r.words(clause.start, hit.start)[-3:]):
        return True  # "ISIS held Mosul for three years": a span that is over ("has held … for" goes on)
    if kind == STATE:
        recent = [t.lower for t in r.words(clause.start, hit.start)][-8:]
        if g.past_aux.search(" ".join(recent)) and not _backshifted(r, clause, recent, g):
            return True  # "was the last town to have been under IS control", "som var under IS' kontroll"
        if hit.trigger.form == "verb" and g.past_holding_word.match(hit.text.lower()) \
                and not any((g.passive_aux_word.match(t.lower) or g.perfect_aux_word.match(t.lower)) and not _in_force(t.start, r)
                            for t in r.words(clause.start, hit.start)[-3:]) \
                and not _passive(hit, r, clause, g) and not _backshifted(r, clause, recent, g):
            return True  # "IS controlled the city and its oil fields": how it was, not how it is ("held by" is no past)
    return False


def _backshifted(r: _Reading, clause: _Clause, recent: list[str], g: T.Grammar) -> bool:
    """A simple past of holding that says how things stand now: the past of reported speech ("the army said
    it was in control of Baiji", "residents said the town was now under rebel control") or a past with
    "now". Not a pluperfect ("said it had been held by"), not a relative or background clause."""
    if any(g.pluperfect_word.match(w) for w in recent):
        return False
    if clause.opener and (g.relative_word.match(clause.opener) or g.background.match(clause.opener)):
        return False
    if g.background.search(r.text, clause.start):
        return False  # "said the town was under IS control before the offensive": then, not now
    if g.now.search(r.text, clause.start, clause.end):
        return True
    # The verb of saying governs this clause: it stands before the clause, or at its start ("said it was").
    clause_words = r.words(clause.start, clause.end)
    return any(g.saying_word.match(t.lower) for t in r.words(r.body, clause.start)[-6:] + clause_words[:4])


# -- who ---------------------------------------------------------------------------------------------

def _undated_tally(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar, patients: list[_Patient]) -> bool:
    """A perfect with a list of towns and no date: a tally of the campaign so far ("said Iraqi forces had
    liberated Tikrit, Ramadi and Hit", "have retaken Ramadi, Hit and Fallujah"), not news of the day; each
    was taken at its own, unsaid time. Two towns after "had", three after "have"/"has"."""
    if hit.trigger.kind not in (CAPTURE, FALL, LOSS) or _own_dates(r, clause):
        return False
    towns = {p.spot.mention.place.place_id for p in patients if p.spot.mention.place is not None}
    words = [t.lower for t in r.words(clause.start, hit.start)][-3:]
    if any(g.pluperfect_word.match(w) for w in words):
        return len(towns) >= 2
    # Three towns or more in one simple past with no date ("the terrorists also lost control of Tikrit,
    # Ramadi and Fallujah"): towns rarely change hands on one day, so a tally as well.
    return len(towns) >= 3


#: A narrative whose last date ended this long before the article was published is a story of the past.
_PAST_NARRATIVE = timedelta(days=60)
#: A date told this many sentences before (a heading between) still sets the year of a bare day and month.
_NARRATIVE_SENTENCES = 3


def _told_in_the_past(hit: _Hit, r: _Reading, clause: _Clause, ctx: _ArticleContext, g: T.Grammar) -> bool:
    """An undated taking told in a story of the past: the article's last date before this sentence ended
    months before it was published ("In June 2014 … . Kurdish forces later retook the town."), and the
    clause says nothing of now (no perfect, no "now"). It happened some time in that story, not on the day
    of publication: evidence only."""
    told = ctx.narrative
    if told is None or _window_end(told) > ctx.article.published - _PAST_NARRATIVE:
        return False
    if g.now.search(r.text, clause.start, clause.end):
        return False
    return not _present_perfect(hit, r, clause, g, reach=4)


def _present_perfect(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar, reach: int) -> bool:
    """Whether a present perfect's auxiliary ("has", "have"; not "had") stands among the `reach` words of the
    clause before the predicate."""
    return any(g.perfect_aux_word.match(t.lower) and not g.pluperfect_word.match(t.lower)
               for t in r.words(clause.start, hit.start)[-reach:])


def _window_end(resolved: ResolvedDate) -> date:
    """The last day a resolved date may mean (the end of its month, season or year)."""
    day = resolved.date
    if resolved.precision == "year":
        return date(day.year, 12, 31)
    if resolved.precision == "season":
        return day + timedelta(days=91)
    if resolved.precision == "month":
        return day + timedelta(days=30)
    if resolved.precision == "week":
        return day + timedelta(days=6)
    return day


def _reported(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """Whether the predicate is what someone said: a verb of saying before it in the sentence."""
    return any(g.saying_word.match(t.lower) for t in r.words(r.body, hit.start))


def _attributive(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """Whether a one-word participle stands after a determiner, as an adjective ("near the captured town of
    Jalawla"): what was taken is the noun after it, and the clause's subject is not its taker."""
    return hit.trigger.form == "verb" and " " not in hit.text.strip() \
        and bool(g.participle_article_end.search(r.text, max(r.body, hit.start - 8), hit.start))


def _gerund(hit: _Hit, g: T.Grammar) -> bool:
    return bool(g.gerund_word.match(hit.text.split()[0].lower()))


def _dated_gerund_subject(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """Whether a gerund subject tells a deed with its own day or weekend, and nothing modal or of aims follows
    ("Freeing Dabiq over the weekend holds military and symbolic significance"): a report, unlike "Losing the town
    in the coming weeks would cap a process" or "Recapturing Mosul in 2016 remains the government's goal"."""
    if hit.trigger.kind != CAPTURE or _modal_word(r, g, hit.end, len(r.text)) is not None \
            or g.aims.search(r.text, hit.end):
        return False  # (nor "Liberating Mosul this year is the aim of the government", "Losing Ramadi on Sunday was a
        # blow to the government")
    clause = _clause_at(r, hit.start)
    # a day or a weekend: a deed told, not a span it may still be done in ("this year", "in 2016")
    return any(hit.end <= d.start < clause.end and d.precision in ("day", "week") for d in r.dates)


def _declared_anaphor(words: list[_Token], r: _Reading, clause: _Clause, g: T.Grammar) -> re.Match | None:
    """The town anaphor a declaration names right before its predicate ("declared the city retaken",
    "erklærte byen befridd"), when `words` (the clause up to the predicate) ends with one."""
    if not words:
        return None
    anaphor = next((m for t in words[-4:] if (m := g.town_anaphor_at.match(r.text, t.start)) and m.end() == words[-1].end),
                   None)
    if anaphor is not None and g.declaration.search(r.text[max(clause.start, anaphor.start() - 30):anaphor.start()]):
        return anaphor
    return None


def _passive(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """A passive use of a verb: an auxiliary before it ("was captured", "ble inntatt"), or no subject
    before it and a comma-set name ("Tal Afar, recaptured a month after Mosul")."""
    first = hit.text.split()[0].lower()
    if hit.trigger.form not in ("verb", "drive") or not g.participle_word.match(first):
        return False
    following = next((f for f in r.forces if hit.end <= f.start < clause.end), None)
    if following is not None and g.agent_end.search(r.text[hit.end:following.start]) \
            and len(r.text[hit.end:following.start].split()) <= 2:
        return True  # "held by Islamic State militants"
    words = r.words(clause.start, hit.start)
    if hit.start == r.body and _date_starts_near(hit.end + _space(r.text, hit.end), r.dates):
        return True  # a sentence opening with the participle and its date, as a fact box's line does ("Rutba: IS tok
        # over ørkenbyen i juni 2014. Gjenerobret i mai 2016.")
    spot = next((s for s in r.spots if words and s.end == words[-1].end), None)
    if spot is not None and g.declaration.search(r.text[max(clause.start, spot.start - 30):spot.start]):
        return True  # "declared Mosul liberated", "erklærte Rawa befridd"
    if _declared_anaphor(words, r, clause, g) is not None:
        return True  # "declared the city retaken", "erklærte byen befridd"
    if words and g.declaration.match(words[-1].lower) and clause.opener and g.relative_word.match(clause.opener):
        return True  # "Mosul, which the prime minister declared liberated": the relative pronoun is the object
    # "lørdag kveld var Maskana ifølge hæren sikret": the source of the claim is no part of the verb phrase.
    sources = _attributions(r, clause.start, hit.start, g)
    # ("Raqqa is now more than 90 percent cleared": the share is no part of the verb phrase either)
    sources += [m.span() for m in g.extent.finditer(r.text, clause.start, hit.start)]
    words = [t for t in words if not any(a <= t.start < b for a, b in sources)]
    for token in reversed(words[-4:]):
        if g.passive_aux_word.match(token.lower) and not _in_force(token.start, r):
            return True  # (the Islamic State, "IS", is no auxiliary)
        if g.verb_second and any(s.start <= token.start < s.end for s in r.spots):
            continue  # "Lørdag ble Maskana sikret": the subject after the auxiliary
        if not (g.adverb_word.match(token.lower) or g.negation_word.match(token.lower)
                or g.declaration.match(token.lower) or _in_dates(token.start, r)):
            break  # "was (declared) (fully) liberated", "ble erklært frigjort"
    if words and words[-1].text == "," and len(words) >= 2 and not (
            g.verb_second and _after_fronted_subordinate(words[-1].start, r, g)):
        # (not "Før styrkene nådde Tikrit, gjenerobret de byen al-Dour": after a fronted subordinate clause the
        # verb is the main clause's, its subject after it)
        previous = words[-2]
        if any(s.end == previous.end or s.start <= previous.start < s.end for s in r.spots) and not any(
                f.end <= hit.start and f.start >= clause.start for f in r.forces):
            return True
    return False


def _after_fronted_subordinate(comma: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether the comma at `comma` closes a subordinate clause that opens the sentence ("Før styrkene nådde
    Tikrit, …")."""
    start = r.body + _space(r.text, r.body)
    return g.subordinator_at.match(r.text, start) is not None and "," not in r.text[start:comma]


def _attributions(r: _Reading, start: int, end: int, g: T.Grammar) -> list[tuple[int, int]]:
    """The spans of the sources named between `start` and `end` ("according to the army", "ifølge hæren"):
    from the word of attribution to the end of the force it names."""
    spans = []
    for f in r.forces:
        if start <= f.start and f.end <= end:
            low = max(start, f.start - 30)
            m = g.attribution_end.search(g.determiner_end.sub("", r.text[low:f.start]))
            if m is not None:
                spans.append((low + m.start(), f.end))
    return spans


def _in_force(position: int, r: _Reading) -> bool:
    return any(f.start <= position < f.end for f in r.forces)


def _in_dates(position: int, r: _Reading) -> bool:
    return any(d.start <= position < d.end for d in r.dates)


def _complement(force: PhraseHit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """A force named as an object, a source or a backer, not as a subject."""
    if g.member_of.fullmatch(r.text, max(clause.start, r.body), force.start):
        return False  # "Militiamen with the YPG took control": the subject is the force's men
    before = r.text[max(clause.start, force.start - 30):force.start]
    bare = g.determiner_end.sub("", before)
    if g.not_agent_end.search(bare) or (by := g.agent_end.search(before)) and not _by_date(by, force.start, r):
        return True
    for match in g.backed_by.finditer(r.text, clause.start, force.start):
        between = r.text[match.end():force.start]
        if "," not in between:
            return True
    # "the coalition's Syrian Democratic Forces partners": the possessor is not the subject.
    if force.text.endswith(("'s", "’s")) and any(0 <= f.start - force.end <= 3 for f in r.forces):
        return True
    return False


def _by_date(by: re.Match, end: int, r: _Reading) -> bool:
    """Whether the "by" ending the text before `end` opens a date ("By Friday afternoon the army had
    regained the city"): the force after it is the subject, no passive's agent."""
    words = r.words(end - len(by.string) + by.start(), end)
    return len(words) > 1 and _in_dates(words[1].start, r)


_HEAD_NOUN_GAP = re.compile(r"\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*,\s*")


def _subject_force(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar, ctx: _ArticleContext) -> PhraseHit | None:
    """The force that is the clause's subject: the nearest before the predicate that is not an object,
    back to the first of its coordinated group ("Kurdish fighters and allied Syrian rebels")."""
    inside = [f for f in r.forces if hit.start < f.start and f.end < hit.end and not _complement(f, r, clause, g)]
    if inside and g.verb_second and not any(clause.start <= f.start and f.end <= hit.start
                                            and not _complement(f, r, clause, g) for f in r.forces):
        # "Etter en avtale … rykket den syriske hæren mandag inn i Tall Tamr": verb-second puts the subject
        # between the verb and its particle (not "Syriske styrker rykket sammen med SDF inn i": a subject
        # before, a companion after).
        return inside[0]
    absolute = _absolute_subject(hit, r, g)
    if absolute is not None:
        return absolute  # "with government forces having just recaptured Beiji"
    opening = _subject_before_comma(hit, clause, r, g)
    if opening is not None:
        return opening  # "when Islamic State, exploiting the collapse of the army, seized Tal Afar": not the army
    resumed = _resumed_clause(hit, r, clause, g)
    if resumed is not None:
        # "Kurdish Peshmerga, who seized Kirkuk when the Iraqi army fled, withdrew from the city": the verb
        # after the asides goes on with the subject before them, not with the asides' own subjects.
        subjects = [f for f in r.forces if resumed.start <= f.start and f.end <= resumed.end
                    and not _complement(f, r, resumed, g) and f.start not in r.objects]
        return subjects[0] if subjects else None
    sources = _attributions(r, clause.start, hit.start, g)
    candidates = [f for f in r.forces if clause.start <= f.start and f.end <= hit.start
                  and not _complement(f, r, clause, g) and f.start not in r.objects
                  and not any(a <= f.start < b for a, b in sources)]  # "ifølge hæren": who says it
    if candidates:
        chosen = candidates[-1]
        for earlier in reversed(candidates[:-1]):
            between = r.text[earlier.end:chosen.start]
            # "Militants said the army had entered": a verb of saying between them is no coordination.
            if g.coordinated_force_gap.fullmatch(between) and not any(
                    g.saying_word.match(word.lower()) for word in re.findall(r"[\w'’]+", between)):
                chosen = earlier
            else:
                break
        return _elided_partner(chosen, r, ctx) or chosen
    words = r.words(clause.start, hit.start)
    index = r.clauses.index(clause)
    opener, before = clause.opener, r.clauses[index - 1] if index else None
    phrase = _fronted_phrase_before(r, clause, g)
    if phrase is not None and phrase >= 2 and g.coordinator_word.match(r.clauses[phrase - 1].opener or " ") \
            and len(r.words(r.clauses[phrase - 1].start, r.clauses[phrase - 1].end)) == 1:
        # "attacked the army on Thursday, and after three days of fighting, captured the city": past the
        # fronted phrase, the clause goes on as the coordinated one before it.
        opener, before = r.clauses[index - 2].opener, r.clauses[index - 3]
    if opener and g.coordinator_word.match(opener) and all(
            _in_dates(t.start, r) or g.adverb_word.match(t.lower) or g.date_preposition_word.match(t.lower)
            or not t.text[0].isalnum() for t in (words[1:] if opener == clause.opener else words)):
        # "seized al-Qaim on Saturday, and on Sunday took Rawa and Anah": the subject left out is the one
        # of the clause before.
        subjects = [f for f in r.forces if before is not None and before.start <= f.start and f.end <= before.end
                    and not _complement(f, r, before, g) and f.start not in r.objects]
        if subjects:
            return subjects[0]
    if any(g.subject_pronoun_word.match(t.lower) for t in words):
        earlier = [f for f in r.forces if f.end <= clause.start and not _complement(f, r, clause, g)]
        if earlier:
            return earlier[-1]
        pronoun = next(t for t in words if g.subject_pronoun_word.match(t.lower))
        if _named_sayer(r, clause, pronoun.start, g):
            return None  # "The 4th Brigade said it had retaken the town": "it" is the sayer, not a force named before
        if _last_force(ctx):
            return PhraseHit(_last_force(ctx), hit.start, hit.start, "")
    aside_subject = _subject_before_aside(phrase, r, clause, g)
    if aside_subject is not None and all(_in_dates(t.start, r) or g.adverb_word.match(t.lower)
                                         or not t.text[0].isalnum() for t in words):
        # "Syrian troops, invited in by the Kurds after Washington pulled out, entered Manbij on Tuesday": the
        # "after" phrase sits inside an aside; the verb after it goes on with the subject before the aside.
        return aside_subject
    if clause.opener and g.relative_word.match(clause.opener):
        # (a head noun may follow the force's name: "The Army of Conquest alliance, which took Idlib")
        antecedent = [f for f in r.forces if f.end <= clause.start and (
            clause.start - f.end <= 6 or _HEAD_NOUN_GAP.fullmatch(r.text, f.end, clause.start)
            or g.force_head_gap.fullmatch(r.text, f.end, clause.start))]
        if antecedent:
            return antecedent[-1]
    if _gerund(hit, g) or clause.opener and g.background.match(clause.opener):
        # A participle or an "after…" clause: its subject is the sentence's ("Iraqi forces are seen … after
        # retaking it"; "After seizing control of Manbij, the SDF are clearing it").
        earlier = [f for f in r.forces if f.end <= clause.start and not _complement(f, r, _clause_at(r, f.start), g)
                   and f.start not in r.objects]
        if earlier:
            return earlier[0]
        comma = r.text.find(",", hit.end, clause.end)
        start = comma if comma >= 0 and clause.opener and g.background.match(clause.opener) else clause.end
        # (the sentence's subject after the fronted phrase's comma, which may still be in its clause)
        later = [f for f in r.forces if f.start >= start and not _complement(f, r, _clause_at(r, f.start), g)]
        if later and r.text[start:later[0].start].count(",") <= 1:
            return later[0]
    return None


def _absolute_subject(hit: _Hit, r: _Reading, g: T.Grammar) -> PhraseHit | None:
    """The force of an absolute clause whose participle is this predicate: "with government forces having just
    recaptured Beiji", "began with ISIL attacking and capturing Sinjar". Only its own participle: in "With Iraqi
    forces having abandoned their positions, Ramadi was captured" the force is no one's taker."""
    for force in reversed([f for f in r.forces if f.end <= hit.start]):
        if not g.absolute_end.search(g.determiner_end.sub("", r.text[max(r.body, force.start - 30):force.start])):
            continue
        gap = r.words(force.end, hit.start)
        # the participle right after the force ("ISIL capturing"), or after "having", another participle and "and",
        # or an adverb ("having just recaptured", "attacking and capturing")
        opens = g.gerund_word.match(gap[0].lower) if gap else g.gerund_word.match(hit.text.split()[0].lower())
        rest = all(g.gerund_word.match(t.lower) or g.adverb_word.match(t.lower) or g.coordinator_word.match(t.lower)
                   for t in gap[1:])
        return force if opens and rest else None
    return None


def _subject_before_aside(phrase: int | None, r: _Reading, clause: _Clause, g: T.Grammar) -> PhraseHit | None:
    """The subject the sentence opens with, when an aside set off by a comma follows it and the aside ends in
    the fronted "after" phrase (`phrase`) the clause goes on from: "Syrian troops, invited in by the Kurds
    after Washington pulled out, entered Manbij". Only the sentence's first clause, with no predicate of its
    own, and the subject before the aside's comma."""
    if phrase != 1 or r.clauses.index(clause) != 2:
        return None
    first = r.clauses[0]
    comma = r.text.rfind(",", max(first.start, r.body), first.end)  # (after "Further west," too)
    if comma < 0 or any(first.start <= h.start < first.end for h in r.hits):
        return None
    subjects = [f for f in r.forces if max(first.start, r.body) <= f.start and f.end <= comma
                and not _complement(f, r, first, g) and f.start not in r.objects]
    if not subjects:
        return None
    # The head of the sentence's first noun phrase, after a fronted phrase's comma at most ("Further west,
    # Syrian troops, …"): not the force of an "of" ("Opponents of Islamic State, encouraged after …") or an
    # owner ("Kurdish forces' former allies in Baghdad, angered after …").
    opening = r.text[max(first.start, r.body):subjects[0].start]
    if not re.fullmatch(r"(?:[^,]*,)?\s*(?:\w+\s+)?", opening) or opening.strip() and not opening.rstrip().endswith(",") \
            and not g.determiner_end.search(opening):
        return None
    if not _side_by_side(subjects, r):
        return None
    tail = r.text[subjects[-1].end:comma]
    if len(tail.split()) > 1 or tail.lstrip().startswith(("'", "’")):
        return None
    return subjects[0]


def _side_by_side(forces: list[PhraseHit], r: _Reading) -> bool:
    """Whether the forces stand one after the other, joined by nothing but a comma or "and" ("Syrian Army and
    allies", "Iraqi forces, Kurdish Peshmerga"): one group."""
    return all(_LIST_GAP.fullmatch(r.text, a.end, b.start) for a, b in zip(forces, forces[1:]))


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|og))?\s*")


def _forces_named_since(ctx: _ArticleContext, after: int, before: int) -> bool:
    """Whether a sentence strictly between these two names a force."""
    return any(ctx.forces.find(ctx.sentences[i].text, ctx.language) for i in range(max(after + 1, 0), before)
               if i < len(ctx.sentences))


def _pronoun_after_verb(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """Whether a subject pronoun follows the verb, then an adverb, a date or a town ("erobret de også Dabiq"):
    the subject of a verb-second clause, not a determiner ("de andre opprørsgruppene")."""
    following = r.words(hit.end, min(len(r.text), hit.end + 40))[:2]
    if len(following) < 2 or not g.subject_pronoun_word.match(following[0].lower):
        return False
    after = following[1]
    return bool(g.adverb_word.match(after.lower) or _in_dates(after.start, r) or after.start in r.spot_at)


def _named_sayer(r: _Reading, clause: _Clause, pronoun: int, g: T.Grammar) -> bool:
    """Whether the pronoun at `pronoun` opens what someone named before a verb of saying said, and that
    someone is neither a force nor a pronoun ("The 4th Brigade said it had …", "Talsmannen sier at de har
    …"): the pronoun then stands for the sayer."""
    before = r.words(r.body, pronoun)
    saying = [i for i, t in enumerate(before) if g.saying_word.match(t.lower)]
    if not saying:
        return False
    index = r.clauses.index(clause)
    start = clause.start if before[saying[-1]].start >= clause.start else (r.clauses[index - 1].start if index else r.body)
    subject = [t for t in before[:saying[-1]] if t.start >= start and t.text[0].isalpha()
               and not _in_dates(t.start, r) and not g.adverb_word.match(t.lower)
               and not g.date_preposition_word.match(t.lower)]
    if not subject or any(g.subject_pronoun_word.match(t.lower) or g.pronoun_word.match(t.lower) for t in subject):
        return False
    return True


def _elided_partner(force: PhraseHit, r: _Reading, ctx: _ArticleContext) -> PhraseHit | None:
    """The first of two forces sharing one noun ("Iraqi and Kurdish forces", "irakiske og kurdiske styrker"):
    the subject's group starts with the force the adjective before "and" names with that noun."""
    m = re.search(r"([^\W\d_][\w-]*)\s+(?:and|og|&)\s+\Z", r.text[max(r.body, force.start - 30):force.start])
    words = force.text.split()
    if m is None or len(words) < 2:
        return None
    partner = f"{m.group(1)} {words[-1]}"
    found = ctx.forces.find(partner, ctx.language)
    if len(found) != 1 or found[0].end - found[0].start != len(partner) or found[0].code == force.code:
        return None
    start = force.start - len(r.text[max(r.body, force.start - 30):force.start]) + m.start()
    return PhraseHit(found[0].code, start, force.end, r.text[start:force.end])


def _other_side_acts(hit: _Hit, r: _Reading, entering: set[str | None]) -> bool:
    """Whether the predicate's own clause names before it a force other than `entering` ("…, and by nightfall
    IS had retaken half of it"; not "…, and by evening had taken the town centre")."""
    clause = _clause_at(r, hit.start)
    subject = next((f for f in reversed(r.forces) if clause.start <= f.start and f.end <= hit.start), None)
    return subject is not None and subject.code not in entering


def _in_time_phrase(token: _Token, r: _Reading, g: T.Grammar) -> bool:
    """A "later" that is part of a time phrase of its own ("later that month", "hours later"): not one that
    leaves the clause without a date."""
    following = r.words(token.end, min(len(r.text), token.end + 12))[:1]
    preceding = r.words(max(r.body, token.start - 12), token.start)[-1:]
    return bool(following and g.anaphoric_time_word.match(following[0].lower)
                or preceding and g.time_unit_word.match(preceding[0].lower))


def _gapped_after_but(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> _Clause | None:
    """The clause before "but" when the predicate after it has no subject of its own, only an auxiliary and
    adverbs ("Bashiqa was captured by ISIS in August 2014 but was recaptured by the Peshmerga in 2016",
    "… men ble gjenerobret"): the sentence's first clause, whose subject it shares."""
    index = r.clauses.index(clause)
    if index == 0 or not g.contradiction_at.match(clause.opener):
        return None
    before = r.clauses[index - 1]
    if before.opener and not g.coordinator_word.match(before.opener):
        return None
    # Only when the first clause is about the town, which opens it ("Bashiqa was captured …", "The town of
    # Bashiqa fell …"): not "A Jordanian pilot flew over Raqqa … but was captured by IS".
    start = before.start + _space(r.text, before.start)
    anaphor = g.town_anaphor_at.match(r.text, start)
    first = next((s for s in r.spots if before.start <= s.start < before.end), None)
    opens_with_anaphor = anaphor is not None and not g.of_at.match(r.text, anaphor.end())  # "The town was …"
    opens_with_town = first is not None and not first.located and (
        not r.text[start:first.start].strip()  # "Bashiqa was captured …"
        or anaphor is not None and len(r.text[anaphor.end():first.start].split()) <= 1)  # "The town of Bashiqa …"
    if not (opens_with_anaphor or opens_with_town):
        return None
    words = r.words(clause.start, hit.start)
    if not words or not g.contradiction_at.match(words[0].text):
        return None
    rest = words[1:]
    if not rest or not any(g.passive_aux_word.match(t.lower) or g.perfect_aux_word.match(t.lower) for t in rest) \
            or not all(g.passive_aux_word.match(t.lower) or g.perfect_aux_word.match(t.lower)
                       or g.adverb_word.match(t.lower) or g.time_shift_word.match(t.lower) or _in_dates(t.start, r)
                       for t in rest):
        return None
    return before


def _resumed_clause(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> _Clause | None:
    """The clause a predicate goes on with when it follows a comma that closes a relative or subordinate
    aside ("X, who …, when …, withdrew"): the first clause before the asides, or None when the predicate
    does not stand so."""
    if clause.opener in _DASHES and clause.resumes is not None:
        return r.clauses[clause.resumes]  # "The YPG - the armed wing of the PYD - took control of …"
    if clause.opener == ",":
        # "IS, som inntok Mosul sommeren 2014, holder fortsatt Tal Afar": the relative aside was closed at
        # its comma, and the predicate after it goes on with the clause before the aside.
        index = r.clauses.index(clause)
        if index >= 2 and r.clauses[index - 1].opener and g.relative_word.match(r.clauses[index - 1].opener):
            before = r.clauses[index - 2]
            # (or a restrictive one on the subject, with no comma before it: `_restrictive_subject_relative`)
            if (not before.opener or g.coordinator_word.match(before.opener)) \
                    and (r.text[before.start:before.end].rstrip().endswith(",") or clause.resumes == index - 2) \
                    and not _attributions(r, before.start, before.end, g):  # "Ifølge YPG, som …, har IS tatt"
                return before
        return None
    if not clause.opener or g.coordinator_word.match(clause.opener) or not clause.opener[0].isalpha():
        return None
    comma = r.text.rfind(",", clause.start, hit.start)
    if comma < 0 or any(not (g.adverb_word.match(t.lower) or _in_dates(t.start, r))
                        for t in r.words(comma + 1, hit.start)):
        return None
    if _subject_before_comma(hit, clause, r, g) is not None:
        return None  # "…, where Turkish-backed forces, supported by the coalition, liberated Dabiq": its own subject
    index = r.clauses.index(clause)
    while index > 0:
        index -= 1
        before = r.clauses[index]
        if not before.opener or g.coordinator_word.match(before.opener):
            return before if r.text[before.start:before.end].rstrip().endswith(",") else None
    return None


def _subject_before_comma(hit: _Hit, clause: _Clause, r: _Reading, g: T.Grammar) -> PhraseHit | None:
    """The force an adverbial clause opens with, when nothing but one aside set off by commas stands between it and
    this predicate ("where Turkish-backed forces, supported by the coalition, liberated"): the subject of the predicate,
    not a clause of its own ("when the army fled, withdrew"). Not after a relative pronoun ("whom the Peshmerga,
    backed by coalition jets, had supported …, retook": the force is the relative clause's), nor when more than the
    aside stands between ("while Iraqi troops, backed by U.S. aircraft, pushed into eastern Mosul, retook")."""
    if not clause.opener or g.relative_word.match(clause.opener) or g.complementizer_word.match(clause.opener):
        return None
    opened = clause.start + len(clause.opener)
    comma = r.text.find(",", opened, clause.end)
    subjects = [f for f in r.forces if opened <= f.start and f.end <= comma]
    if comma < 0 or not subjects or r.text[subjects[-1].end:comma].strip() or not _side_by_side(subjects, r):
        return None
    lead = r.text[opened:subjects[0].start].lstrip()
    if lead and not g.determiner_end.fullmatch(lead):
        return None
    if r.text.count(",", comma, hit.start) != 2 or any(comma < h.start < hit.start for h in r.hits):
        return None
    return subjects[0]


def _by_agent(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> PhraseHit | None:
    """The agent of a passive: the force after "by"/"av" ("was captured by the Islamic State")."""
    for force in r.forces:
        if hit.end <= force.start < clause.end and g.agent_end.search(r.text[max(hit.end, force.start - 40):force.start]):
            if any(h is not hit and hit.end <= h.start and h.end <= force.start
                   and len(r.text[h.end:force.start].split()) <= 2 for h in r.hits):
                return None  # "Rawa, the last town held by ISIL, on 17 November": the agent of "held"
            return force
    return None


def _praised(hit: _Hit, r: _Reading, g: T.Grammar) -> PhraseHit | None:
    """The first force praised for the taking a noun names: "commends Iraq, the Kurdish Regional Government and
    the Peshmerga for the successful liberation of Sinjar" (a statement's usual way of saying who took it)."""
    m = g.praise_end.search(r.text, r.body, hit.start)
    if m is None:
        return None
    return next((f for f in r.forces if m.start("objects") <= f.start and f.end <= m.end("objects") and f.code), None)


def _possessor(hit: _Hit, r: _Reading, ctx: _ArticleContext) -> PhraseHit | None:
    """"the SDF's capture of", "their liberation of": the force before the noun."""
    for force in r.forces:
        if 0 <= hit.start - force.end <= 12 and re.fullmatch(r"['’]?s?\s*(?:\w+\s+)?", r.text[force.end:hit.start]):
            return force
    words = r.text[max(0, hit.start - 30):hit.start].split()
    if not words or not ctx.grammar.possessive_word.match(words[-1].lower()):
        return None
    # "Iraqi forces are battle-hardened after their victories in Mosul": the force the sentence names before
    # the pronoun, not the one the article named last; with two or more before it ("IS blamed the SDF for
    # deaths during its capture of Manbij"), we cannot tell whose.
    g = ctx.grammar
    before = [f for f in r.forces if r.body <= f.start and f.end <= hit.start and f.start not in r.objects
              and not _complement(f, r, _clause_at(r, f.start), g)]
    coordinated = all(re.fullmatch(r"\s*(?:,|,?\s*(?:and|og))?\s*(?:(?:the|de|den|det)\s+)?", r.text[a.end:b.start])
                      for a, b in zip(before, before[1:]))
    if before and (coordinated or len({f.code for f in before}) == 1):
        return before[0]  # ("Iraqi forces and the Peshmerga completed their recapture of Mosul": the group's first)
    if before:
        return PhraseHit("", hit.start, hit.start, "")  # someone, but not sure who: no taker
    return PhraseHit(_last_force(ctx), hit.start, hit.start, "") if _last_force(ctx) else None


def _inside_or_adjacent(hit: _Hit, r: _Reading) -> PhraseHit | None:
    """The force written into the phrase ("under IS-kontroll", "IS-held", "in insurgent hands", "the
    Islamic State's last stronghold"), or right after it ("under the control of the Syrian Opposition")."""
    inside = [f for f in r.forces if f.start < hit.end and f.end > hit.start]
    if inside:
        return inside[0]
    before = [f for f in r.forces if f.end <= hit.start and hit.start - f.end <= 4]
    if before:
        return before[-1]
    before = [f for f in r.forces if f.end <= hit.start and re.fullmatch(r"['’]s?\s*(?:\w+\s+){0,1}", r.text[f.end:hit.start])]
    if before:
        return before[-1]
    after = [f for f in r.forces if f.start >= hit.end and f.start - hit.end <= 8]
    return after[0] if after else None


def _source(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> PhraseHit | None:
    """The loser: a force after "from"/"fra" following the predicate ("captured Dabiq from Islamic State",
    "liberated from the grasp of ISIS")."""
    for force in r.forces:
        if hit.end <= force.start < clause.end:
            window = r.text[hit.end:force.start]
            if g.verb_second and g.member_of.fullmatch(r.text, hit.end + _space(r.text, hit.end), force.start):
                continue  # "gjenerobret eliteenheter fra antiterrorstyrken Bartella": the subject, after the verb
            if g.source_end.search(r.text[max(hit.end, force.start - 60):force.start].split(",")[-1] + " ") or \
                    g.source_window_end.search(window):
                return force
    return None


def _beneficiary(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> PhraseHit | None:
    """Who a place fell or was lost to ("fell to insurgents", "falt til IS")."""
    for force in r.forces:
        if hit.end <= force.start < clause.end:
            window = r.text[hit.end:force.start]
            # from the predicate's start: "falt i hendene på" holds its own beneficiary marker
            if g.beneficiary_end.search(r.text, hit.start, force.start) and len(window.split()) <= 12:
                return force
    return None


def _let_in(hit: _Hit, r: _Reading, g: T.Grammar, loser: PhraseHit | None) -> PhraseHit | None:
    """Who a withdrawal let into the town: "the peshmerga withdrew from Sinjar, allowing fighters of the
    Popular Mobilisation Forces to enter the town" (the force right after the cue, not the one withdrawing)."""
    for force in r.forces:
        if force.start > hit.end and force.code and (loser is None or force.code != loser.code) \
                and g.let_in_end.search(r.text, hit.end, force.start) and g.let_in_after_at.match(r.text, force.end):
            return force
    return None


def _side(agent: PhraseHit, hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar, ctx: _ArticleContext) -> str:
    """The side the agent fights on: "rebels backed by Turkish troops" are Turkey's side, in this sentence
    and in the rest of the article."""
    code = ctx.sides.get(agent.code, agent.code)
    relative = re.match(r"\s*,?\s*([\w'’]+)\s+", r.text[agent.end:agent.end + 16])
    if relative is not None and g.relative_word.match(relative.group(1).lower()):
        # "opprørsgruppene som Ankara støtter": the subject of the relative clause backs the agent
        backer = ctx.forces.backer_span_at(r.text, agent.end + relative.end(), ctx.language)
        if backer is not None and g.backing_verb_after.match(r.text, backer[1]) \
                and ctx.forces.side_of(agent.code, backer[0]) != agent.code:
            ctx.sides[agent.code] = ctx.forces.side_of(agent.code, backer[0])
            return ctx.sides[agent.code]
    for match in g.backed_by.finditer(r.text, agent.end, max(agent.end, clause.end)):
        named = ctx.forces.backer_at(r.text, match.end(), ctx.language)  # "støttet av Tyrkia"
        if named is not None and ctx.forces.side_of(agent.code, named) != agent.code:
            ctx.sides[agent.code] = ctx.forces.side_of(agent.code, named)
            return ctx.sides[agent.code]
        backers = [f for f in r.forces if f.start >= match.end() and "," not in r.text[match.end():f.start]]
        for backer in backers[:3]:
            side = ctx.forces.side_of(agent.code, backer.code)
            if side != agent.code:
                ctx.sides[agent.code] = side
                return side
    return code


def _acceptable_taker(code: str | None, previous: str | None, trigger: T.Trigger, ctx: _ArticleContext) -> bool:
    if code is None:
        return True
    if not ctx.forces.holds_towns(code):
        return False
    if trigger.liberation and (code == previous or not ctx.forces.liberates(code)):
        return False
    return True


def _holder_of_antecedent(hit: _Hit, own: _Clause, r: _Reading, g: T.Grammar, ctx: _ArticleContext,
                          patients: list[_Patient]) -> str | None:
    """Who the main clause says holds the town now, when a taking with no agent is told in a relative clause on
    it ("Regjeringen har også kontroll over Ramadi, som ble gjenerobret fra IS i slutten av desember"): they
    took it. Not a holding in the past ("Rawa, den siste byen IS holdt i Irak, falt": the loser)."""
    if hit.trigger.kind != CAPTURE or not own.opener or not g.relative_word.match(own.opener) or not patients:
        return None
    place = patients[0].spot.mention.place
    for state in r.hits:
        if state.trigger.kind != STATE or state.trigger.form != "verb" or state.end > own.start \
                or g.past_holding_word.match(state.text.split()[0].lower()):
            continue
        held = [s for s in r.spots if state.end <= s.start < own.start]
        if len(held) != 1 or held[0].mention.place is not place or r.text[held[0].end:own.start].strip(" ,"):
            continue
        subject = _subject_force(state, r, _clause_at(r, state.start), g, ctx)
        if subject is not None:
            return ctx.sides.get(subject.code, subject.code)
    return None


def _fallback_agent(hit, r, clause, g, ctx, patients, previous, trigger) -> tuple[str | None, float]:
    """A taker the predicate's own clause does not name: another force of the sentence, the force that was
    pressing the place in this article, the last taker of the article, the claimant's side."""
    # Whoever is implied to take a town *back* ("Hīt was recaptured on 14 April") is a side that liberates
    # towns, never the one the article last saw taking them (ISIL, in a history of its losses).
    retaking = trigger.kind == CAPTURE and _retaking(hit, r, g)

    def acceptable(code: str | None) -> bool:
        return _acceptable_taker(code, previous, trigger, ctx) and (not retaking or ctx.forces.liberates(code))

    own = _clause_at(r, hit.start)
    holder = _holder_of_antecedent(hit, own, r, g, ctx, patients)
    if holder is not None and acceptable(holder):
        return holder, 0.1
    # A force the sentence names as driven out or otherwise acted on is not the one a subjectless predicate
    # beside it credits ("drove Islamic State out of Hajin, taking the largest town in the militants' pocket").
    acted_on = {f.code for f in r.forces if f.start in r.objects}
    others = [f for f in r.forces
              if not _complement(f, r, _clause_at(r, f.start), g) and f.code != previous and f.start not in r.objects
              and f.code not in acted_on
              and not _holder_attribute(f, r) and not _named_as_owner(f, r)
              and not (f.start < hit.start and _holding_subject(f, r))
              and (_clause_at(r, f.start) is own or _clause_at(r, f.start).opener in ("", ":", ".")
                   or g.coordinator_word.match(_clause_at(r, f.start).opener))]  # ":": "17. oktober 2017: SDF erklærer"
    candidates = {code for f in others if acceptable(code := ctx.sides.get(f.code, f.code))}
    if len({ctx.forces.resolve(c, _country_of(patients)) for c in candidates}) > 1:
        return None, 0.0  # two sides the sentence names and none its grammatical agent: we cannot tell who
    for force in sorted(others, key=lambda f: abs(f.start - hit.start)):
        code = ctx.sides.get(force.code, force.code)
        if acceptable(code):
            return code, 0.1
    if trigger.form in ("noun", "verb", "drive"):
        taker = _discourse_taker(patients, ctx, previous, r.index)
        if taker is not None and acceptable(taker):
            return taker, 0.2
        if retaking:
            # The one side the article has seen taking or attacking towns that takes towns back.
            # ("GOVERNMENT" in one sentence and "IRAQI_GOV" in another are one side in Iraq.)
            sides = {ctx.forces.resolve(code, _country_of(patients)) for code in (*ctx.takers, *ctx.pressers)
                     if code not in (None, previous) and acceptable(code)}
            if len(sides) == 1:
                return sides.pop(), 0.3
    claimant = ctx.claimants.claimant_of(r.text, ctx.language)
    code = ctx.claimants.force_of(claimant)
    if code is not None and acceptable(code):
        return code, 0.2
    return None, 0.0


def _subject_after_auxiliary(hit: _Hit, r: _Reading, g: T.Grammar) -> PhraseHit | None:
    """After a fronted adverbial the subject follows the auxiliary: "På irakisk side har IS kontrollert
    al-Qaim siden mai", "I juni hadde IS erobret Mosul"."""
    force = next((f for f in r.forces if 0 <= hit.start - f.end <= 1 and f.code), None)
    if force is None:
        return None
    before = r.words(r.body, force.start)
    return force if before and g.perfect_aux_word.match(before[-1].lower) else None


def _heading_spot(hit: _Hit, r: _Reading, ctx: _ArticleContext) -> _Spot | None:
    """The heading town of a fact box's entry (`_heading_of`), the subject of a predicate that names none: on
    its own line before the colon ("Falluja: Falt til IS i januar 2014"), or as its paragraph's for a later
    line that names no town ("Erklært befridd av regjeringsstyrkene 26. juni 2016.")."""
    if ctx.heading_town is None or ctx.heading_paragraph != ctx.paragraph:
        return None
    own = next((s for s in r.spots if s.mention is ctx.heading_town), None)
    if own is not None:
        return own if own.end < hit.start else None
    return None if r.spots else _Spot(ctx.heading_town, hit.start, hit.start, anaphor=True)


def _holding_subject(force: PhraseHit, r: _Reading) -> bool:
    """Whether the force is the subject of a verb of holding right after it ("Rawa, den siste byen IS holdt i
    Irak, falt fredag"): it names who held the place, not who took it."""
    return any(h.trigger.kind == STATE and h.trigger.form == "verb" and 0 <= h.start - force.end <= 1
               for h in r.hits)


def _holder_attribute(force: PhraseHit, r: _Reading) -> bool:
    """Whether the force is written into a holding attribute ("IS-held", "government-held"): the holder of a
    place, never the subject of another predicate of the sentence."""
    return any(h.trigger.form == "attribute" and h.start <= force.start < h.end for h in r.hits)


def _named_as_owner(force: PhraseHit, r: _Reading) -> bool:
    """Whether the force is named as an owner ("the militants' last pocket", "IS's last town"): a noun's
    attribute, not a predicate's subject."""
    return force.text.endswith(("'", "’")) or r.text[force.end:force.end + 1] in ("'", "’")


def _country_of(patients: list[_Patient]) -> str | None:
    return next((p.spot.mention.place.country for p in patients if p.spot.mention.place is not None), None)


def _discourse_taker(patients: list[_Patient], ctx: _ArticleContext, previous: str | None, index: int,
                     fall: bool = False) -> str | None:
    """Who took a place the sentence does not say who took: the force pressing it in this article; else
    the only force the article has seen taking towns; after "fell", the taker of the sentences just before."""
    # Never the force the article saw take the place last: that one holds it ("IS inntar Mosul … seier i Mosul").
    holders = {ctx.taken_by.get(p.spot.mention.place.place_id) for p in patients if p.spot.mention.place is not None}
    excluded = {None, previous} | holders
    for patient in patients:
        place = patient.spot.mention.place
        if place is not None and ctx.pressing.get(place.place_id) not in excluded:
            return ctx.pressing[place.place_id]
    if len(ctx.takers) == 1 and ctx.last_taker not in excluded:
        return ctx.last_taker
    headed_apart = ctx.heading_paragraph == ctx.paragraph and ctx.last_taker_paragraph != ctx.paragraph
    if fall and index - ctx.last_taker_sentence <= 2 and ctx.last_taker not in excluded and not headed_apart:
        # (not the taker of the fact box's entry before: "Falluja: … Erklært befridd av regjeringsstyrkene …
        # Hit: Falt i oktober 2014")
        return ctx.last_taker
    return None


# -- where ---------------------------------------------------------------------------------------------

@dataclass
class _Slot:
    patients: list[_Patient]
    forces: list[PhraseHit]
    unplaced: bool = False  # the object is a town we cannot place ("the town of Dabiq", "byen Shirqat")


def _fronted_town_in_part(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> list[_Patient]:
    """The town a sentence opens inside, when what the predicate holds or fights over is a part of a town
    and names none: "In Ramadi, IS now controls several districts", "I selve Mosul kjemper spesialstyrkene
    fortsatt mot IS i de østlige bydelene". A part of it: fought over."""
    opening = g.inside_town_at.match(r.text, r.body)
    if opening is None or r.clauses.index(clause) > 1:
        return []
    town = r.spot_at.get(opening.end())
    if town is None or town.region or town.landmark or town.located:
        return []
    part = g.subarea_any.search(r.text, hit.end, clause.end)
    if part is None or g.of_at.match(r.text, part.end()) \
            or g.state_locative_at.match(r.text, part.end() + _space(r.text, part.end())) \
            or g.whole_any.search(r.text, hit.end, part.end()):
        # "In Ramadi, IS controls the roads", "… several districts of the province", "… all districts"
        return []
    return [_Patient(town, True, False, False, False)]


def _region_held_including(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """A holder phrase said of its subject ("Much of Anbar is under IS control"), not describing a noun
    ("areas under IS control"), with its list of towns right after it (", including Fallujah"), and no
    negation or modal before it ("None of Anbar is …", "kan snart være under …")."""
    if _describes_noun(hit, r, g) or not g.including_list.match(r.text, hit.end):
        return False
    before = r.words(clause.start, hit.start)
    return not any(g.negation_word.match(t.lower) or g.none_word.match(t.lower) for t in before) \
        and not g.modal_end.search(r.text, max(clause.start, hit.start - 40), hit.start)


def _named_as_included(hit: _Hit, r: _Reading, g: T.Grammar, ctx: _ArticleContext) -> list[_Patient]:
    """The towns a predicate's object names as among it, when the object itself is no town: "IS still holds
    several towns along the Euphrates, including al-Qaim", "kontrollerer fortsatt store deler av provinsen,
    blant annet Tikrit". Only when nothing between says anything else (no other predicate, no town)."""
    listed = g.including_list.search(r.text, hit.end)
    if listed is None:
        return []
    if any(hit.end <= h.start < listed.start() for h in r.hits) \
            or any(hit.end <= s.start < listed.start() and not (s.region or s.landmark) for s in r.spots):
        return []
    if any(hit.end <= d.start < listed.start() for d in r.dates):
        return []  # "captured dozens of villages since November, including Tabqa": the group's date, not Tabqa's
    if g.state_locative_at.match(r.text, listed.end()):
        return []  # "flere oljefelt, blant annet ved Deir ez-Zor": a place near the town, not the town
    patients = _slot(listed.end(), r, _clause_at(r, listed.end()), g, ctx, hit).patients
    if g.partial_any.search(r.text, hit.end, listed.start()) and not any(
            hit.end <= start < listed.start() for start, _ in r.region_spans):
        # "holds parts of several cities, including Mosul": parts of each (of a province: its towns whole)
        patients = [replace(p, partial=True) for p in patients]
    return patients


def _included_towns(region_end: int, r: _Reading, g: T.Grammar, patients: list[_Patient]) -> int | None:
    """Where the towns a region names as part of it start ("seized much of Anbar province this year,
    including Fallujah in January"), when the region is the predicate's first place; else None."""
    listed = None if patients else g.including_after.match(r.text, region_end)
    return listed.end() if listed else None


def _slot(position: int, r: _Reading, clause: _Clause, g: T.Grammar, ctx: _ArticleContext, hit: _Hit | None,
          *, state: bool | None = None) -> _Slot:
    """The places a predicate is about, read from `position` on: its object ("retook the Christian town of
    Bartella"), and the names listed with it ("Anah, Rayhanah, and Akashat"), each with what the words
    before it say (part of it, half of it, its outskirts) and a date written after it."""
    text = r.text
    state = hit is not None and hit.trigger.kind == STATE if state is None else state
    patients: list[_Patient] = []
    forces: list[PhraseHit] = []
    flags = _Part()
    pos, words, end = position, 0, clause.end
    unplaced = False
    previous_word: str | None = None
    before_previous: str | None = None
    while pos < end and words <= _SLOT_WORDS:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            break
        spot = r.spot_at.get(pos)
        if spot is not None:
            if spot.landmark or spot.region:
                listed = _included_towns(spot.end, r, g, patients) if spot.region else None
                if listed is None:
                    break
                pos, flags, words = listed, _Part(), 0
                continue
            flags.half = flags.half or bool(g.half_adjective_end.search(text[position:pos]))
            after = text[spot.end:spot.end + 40]
            if (spot.mention.surface.endswith(("s", "'s", "’s")) or after[:2] in ("'s", "’s")) \
                    and g.subarea_after_at.match(after):
                if g.outskirts_after_at.match(after):
                    flags.outskirts = True  # "entered Fallujah's outskirts": its edge
                else:
                    flags.partial = True
            patients.append(_Patient.of(spot, flags))
            flags = _Part()
            pos, more = _list_continues(spot.end, r, clause, g, patients)
            if more < 0:
                break
            end = max(end, more)
            continue
        date = r.date_at.get(pos)
        if date is None and (m := g.date_preposition_at.match(text, pos)):
            date = r.date_at.get(m.end())
        if date is not None:
            if patients:
                for patient in patients:
                    if not patient.closed:
                        patient.date = patient.date or date
            pos = date.end
            continue
        m = g.source_at.match(text, pos)
        if m and not patients:
            shifted = r.force_at.get(m.end())
            if shifted is not None:
                pos = shifted.end
                words += 1
                continue
        member = next((f for f in r.forces if f.start > pos and g.verb_second and not patients
                       and g.member_of.fullmatch(text, pos, f.start)), None)
        if member is not None:
            pos = member.start  # "gjenerobret eliteenheter fra antiterrorstyrken nabobyen Bartella": the subject
        force = r.force_at.get(pos)
        if force is not None:
            forces.append(force)
            pos = force.end
            words += 1
            partner = g.subject_partner_at.match(text, pos) if g.verb_second and not patients else None
            if partner is not None and partner.group(0).islower():
                pos = partner.end()  # "tok IS og allierte stammemilitser kontroll over": the subject's partner
            continue
        region_end = next((stop for start, stop in r.region_spans if start == pos), None)
        if region_end is not None:
            listed = _included_towns(region_end, r, g, patients)
            if listed is None:
                break
            pos, flags, words = listed, _Part(), 0
            continue
        matched = False
        for name, pattern in (("partial", g.partial_at), ("half", g.half_at), ("most", g.most_at),
                              ("outskirts", g.outskirts_at)):
            m = pattern.match(text, pos)
            if m:
                if not (name == "partial" and previous_word and g.whole_any.fullmatch(previous_word)
                        and _whole_town_after(m.end(), r, g)):
                    setattr(flags, name, True)  # (not "all parts of Mosul": the whole town)
                pos, matched = m.end(), True
                break
        if matched:
            words += 1
            continue
        anaphor = g.town_anaphor_at.match(text, pos)
        if anaphor:
            rest = text[anaphor.end():anaphor.end() + 8]
            if g.of_at.match(rest) or any(s.start > anaphor.end() and s.start - anaphor.end() <= 2 for s in r.spots):
                pos = anaphor.end()
                words += 1
                previous_word = anaphor.group(0).split()[-1].lower()
                continue
            named = re.match(r"\s+(?:al-|el-|an-|ar-|as-)?[A-ZÆØÅ]", rest)
            if named and not _in_dates(anaphor.end() + named.end() - 1, r):  # (not "the town Tuesday")
                unplaced = True
                break  # "byen Shirqat": a town we cannot place, not one named before
            apposed = _apposed_town(anaphor.end(), r)
            if apposed is not None:
                pos = apposed  # "the second biggest city in Iraq, Mosul,": the town named, not one told of before
                words += 1
                continue
            owned = _GENITIVE_GAP_AT.match(text, anaphor.end())
            if owned and g.facility_after_at.match(text, anaphor.end()):
                flags.partial = True  # "overran the city's police stations": inside the town, fought over
            elif owned and g.landmark_after_at.match(text, owned.end()):
                break  # "seized the town's military airport": the airport, not the town
            if g.quarter_anaphor_at.match(text, anaphor.start()):
                flags.partial = True  # "seizing control of the Old City": a quarter of the town, fought over
            part = g.subarea_after_at.match(text, anaphor.end())
            if part and (owned or re.match(r"\s*(?:[.;]|$)", text[part.end():])
                         or any(_in_dates(w.start, r)
                                for w in r.words(part.end(), min(len(text), part.end() + 12))[:2])):
                # "the city's eastern districts"; "pushed IS out of the city center." or "… the town centre by
                # Thursday morning" (not "retook the city centre, then the whole city", "district by district",
                # "the city and suburbs"); "the city's outskirts": its edge
                if owned and g.outskirts_after_at.match(text, anaphor.end()):
                    flags.outskirts = True
                else:
                    flags.partial = True
            spot = _resolve_anaphor(anaphor.start(), anaphor.end(), r, ctx)
            if spot is not None:
                patients.append(_Patient.of(spot, flags))
                flags = _Part()
                pos, more = _list_continues(anaphor.end(), r, clause, g, patients)
                if more >= 0:
                    end = max(end, more)
                    continue
            break
        token = r.token_at.get(pos)
        if token is None:
            break
        if g.pronoun_word.match(token.lower) and _pronoun_alone(token, r, g):
            spot = _resolve_anaphor(token.start, token.end, r, ctx)
            if spot is not None:
                patients.append(_Patient.of(spot, flags))
                flags = _Part()
                pos, more = _list_continues(token.end, r, clause, g, patients)
                if more >= 0:
                    end = max(end, more)
                    continue
            break
        if state and (m := g.state_locative_at.match(text, pos)) and not patients and pos == position + _space(text, position):
            pos = m.end()
            words += 1
            continue
        if token.text[0].isupper() and previous_word is not None and (
                g.place_noun_word.match(previous_word) or g.of_at.match(" " + previous_word)
                and g.place_noun_word.match(before_previous or "")):
            unplaced = True
            break  # "the northern Syrian town of Dabiq": a town we cannot place
        if not patients and not forces and token.text[0].isupper() and pos == position + _space(text, position) \
                and (listed := _next_list_item(pos, r, g, need_name=True)) is not None:
            pos = listed  # "conquered Zumar, Sinjar, …": a first name we cannot place, then the list
            continue
        if _slot_token(token, g):
            if token.text[0].isupper() and not patients and token.text not in _QUOTES \
                    and re.match(r"\s*(?:[,.;]|$)", text[token.end:end]):
                unplaced = True  # "ISIL recaptured Dudyan, but lost it": the object is a name we cannot place
            pos = token.end
            words += 1
            before_previous, previous_word = previous_word, token.lower
            continue
        facility = g.landmark_after_at.match(text, token.start)
        joined = g.list_join_at.match(text, facility.end()) if facility is not None and not patients else None
        if joined is not None and not r.spot_at.get(token.start):
            # "captured both the refinery and the city": a facility named first, the town after it
            pos, flags = joined.end(), _Part()
            words += 1
            continue
        break
    if patients:
        r.objects.update(f.start for f in forces)
    return _Slot(patients, forces, unplaced and not patients)


# After "the city" (and where it lies: "in Iraq", "of the north"), a comma and the town's own name.
_APPOSED_NAME_AT = re.compile(r"(?:\s+(?:in|of|i)\s+(?P<where>(?:[\w'’-]+\s+){0,2}?[\w'’-]+))?,\s+")


def _apposed_town(end: int, r: _Reading) -> int | None:
    """Where the town named in apposition to "the city" ending at `end` starts ("captured the second biggest
    city in Iraq, Mosul, after …"), when the name closes the apposition; else None."""
    apposed = _APPOSED_NAME_AT.match(r.text, end)
    spot = r.spot_at.get(apposed.end()) if apposed else None
    if spot is None or spot.landmark or spot.region:
        return None
    where = apposed.group("where")
    if where and (not where[0].isupper() or _in_dates(apposed.start("where"), r)):
        return None  # "took the city in June, Tikrit, …": a date, then a list
    closing = re.match(r"\s*(?:[,.;]|$)", r.text[spot.end:])
    after = spot.end + closing.end() if closing else None
    if closing is None or re.match(r"\s*,?\s*(?:and|og)\b", r.text[spot.end:]) \
            or after + _space(r.text, after) in r.spot_at:
        return None  # "the city in Salahuddin, Baiji, Samarra and Dour were safer": a list, not a name in apposition
    return spot.start


def _space(text: str, position: int) -> int:
    return len(text[position:]) - len(text[position:].lstrip())


def _whole_town_after(position: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether the town itself follows "all parts of" right away, with no exception after it ("all parts of Mosul",
    not "all parts of the Old City in Mosul" nor "all parts of Raqqa apart from the stadium")."""
    start = position + _space(r.text, position)
    spot = r.spot_at.get(start)
    if spot is None or spot.landmark or spot.region:
        return False
    return not g.exception_at.match(r.text, spot.end)


def _slot_token(token: _Token, g: T.Grammar) -> bool:
    if token.text in _QUOTES:
        return True
    if not token.text[0].isalpha():
        return False
    if token.text[0].isupper():
        return True  # a nationality or a name: "the Christian town of", "the Syrian city"
    return bool(g.slot_word.match(token.lower) or g.place_noun_word.match(token.lower)
                or g.adjective_word.match(token.text) or g.adverb_word.match(token.lower) or g.still.match(token.lower))


def _pronoun_alone(token: _Token, r: _Reading, g: T.Grammar) -> bool:
    """"it", or Norwegian "den" standing alone ("mistet kontrollen over den i oktober"), not "den syriske byen"."""
    if g.pronoun_alone:
        return True
    following = r.words(token.end, token.end + 40)[:1]
    if not following:
        return True
    word = following[0]
    if not word.text[0].isalpha():
        return True
    if _in_dates(word.start, r):
        return True
    return not (word.text[0].isupper() or g.slot_word.match(word.lower) or g.place_noun_word.match(word.lower)
                or g.adjective_word.match(word.text) or len(word.text) > 3)


def _list_continues(position: int, r: _Reading, clause: _Clause, g: T.Grammar, patients: list[_Patient]) -> tuple[int, int]:
    """After a place: a date for it, then ", ", "and", "og", ", then" and perhaps a few words ("the nearby
    village of", "storbyene") before the next place of the list. Returns where the next place starts and
    where its clause ends, or (position, -1) when the list ends."""
    text = r.text
    pos = position
    aside = _APPOSITIVE.match(text, pos) or _DISTANCE_ASIDE.match(text, pos)
    if aside is not None and _more_places_at(pos, r, g):
        aside = None  # "the city of Dayr Hafir, the towns of Tadef and Al-Khafsah, and …": the list goes on
    located = g.locative_after_at.match(text, pos)
    if located is not None and _date_phrase_at(located.end(), r, g) is None:
        located = None
    if aside is not None and not any(aside.start() <= h.start < aside.end() and h.trigger.form != "epithet"
                                     for h in r.hits):
        pos = aside.end() - 1  # "Ramadi, the capital of Anbar province, in December and Hit in April"
        located = None
    elif located is not None:
        pos = located.end()  # "Haritan on the northern edge of Aleppo on Feb. 16 and Kafr Nubl …"
    while True:
        date = _date_phrase_at(pos, r, g, after_comma=True)
        if date is None:
            break
        for patient in patients:
            if not patient.closed:
                patient.date = patient.date or date
        pos = date.end
    interposed = g.interposed_at.match(text, pos)
    join = g.list_join_at.match(text, interposed.end() if interposed else pos)
    if join is None:
        return pos, -1
    sequel = g.sequel_at.match(text, interposed.end() if interposed else pos) is not None
    nxt, skipped = join.end(), 0
    while skipped <= 4:
        spot = r.spot_at.get(nxt)
        if spot is not None:
            if sequel:
                # "liberated Mosul and Raqqa, followed by Hajin (or the Hajin pocket) last December": the dates
                # after are not theirs
                for patient in patients:
                    patient.closed = True
            if spot.landmark or spot.region:
                # "Sinjar, Mosul Dam, Qaraqosh": a facility in the list is passed over, the list goes on
                after = _next_list_item(spot.end, r, g, need_name=False)
                if after is None:
                    return pos, -1
                nxt = after
                continue
            if any(clause.start <= h.start and h.end <= position and h.trigger.form == "verb" for h in r.hits) \
                    and _predicate_of_its_own(spot.end, r, g):
                return pos, -1  # "recaptured Tikrit in April 2015, and Baiji was retaken in October": a new clause
            own_place = g.locative_after_at.match(text, spot.end)
            if located is not None and not _dated_item_ends(own_place.end() if own_place else spot.end, r, g):
                return pos, -1  # "took Saraqeb on the outskirts of Idlib on Feb. 8 and Idlib remains …": no list
            return nxt, _clause_at(r, nxt).end
        unplaced = _next_list_item(nxt, r, g, need_name=True)
        if unplaced is not None:
            nxt = unplaced  # "Sinjar, Wana, Qaraqosh": a name we cannot place is passed over
            continue
        token = r.token_at.get(nxt)
        if token is None or not _slot_token(token, g) or token.text[0].isupper():
            return pos, -1
        nxt = token.end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        skipped += 1
    return pos, -1


def _predicate_of_its_own(end: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether the town ending at `end` is the subject of a predicate right after it ("Baiji was retaken", "and
    Qaryatayn fell", "og Tikrit falt"), with at most auxiliaries and adverbs between."""
    following = min((h.start for h in r.hits if h.start >= end), default=None)
    if following is None:
        return False
    between = r.words(end, following)
    # ("and al-Alam remains under IS control": "remains" as an auxiliary)
    return len(between) <= 3 and all(g.passive_aux_word.match(t.lower) or g.perfect_aux_word.match(t.lower)
                                     or g.adverb_word.match(t.lower) or g.still.fullmatch(t.lower) for t in between)


def _more_places_at(position: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether a plural of the place nouns names the list's next towns at `position` (", the towns of Tadef and
    Al-Khafsah,", ", byene Tadef og …,"), which no apposition of one town does; only names and joiners up to the
    closing comma ("…, the towns of Rawa and Anah next in line, …" is a remark on them)."""
    plural = g.plural_places_at.match(r.text, position)
    if plural is None or plural.end() not in r.spot_at:
        return False
    at = plural.end()
    while at in r.spot_at:
        at = r.spot_at[at].end
        join = g.list_join_at.match(r.text, at)
        if join is None or join.end() not in r.spot_at:
            return r.text[at:at + 1] == ","  # the comma that closes the names
        at = join.end()
    return False


def _dated_item_ends(position: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether a date starts at `position` and the list item ends with it ("… and Kafr Nubl in southern Idlib on
    Feb. 25."), not a new clause's subject ("… and Aleppo on Feb. 16 saw celebrations")."""
    date = _date_phrase_at(position, r, g)
    if date is None:
        return False
    return re.match(r"\s*(?:[,.;:]|$)", r.text[date.end:]) is not None or g.list_join_at.match(r.text, date.end) is not None


def _date_phrase_at(position: int, r: _Reading, g: T.Grammar, after_comma: bool = False) -> ResolvedDate | None:
    """The date phrase at `position`, after white space (and a comma, when allowed) and a preposition ("on
    Feb. 16"), or None."""
    text = r.text
    stripped = position + len(text[position:]) - len(text[position:].lstrip())
    date = r.date_at.get(stripped)
    if date is None:
        skip = stripped + (re.match(r",?\s*", text[stripped:stripped + 3]).end() if after_comma else 0)
        date = r.date_at.get(skip)
        preposition = g.date_preposition_at.match(text, skip)
        if preposition and date is None:
            date = r.date_at.get(preposition.end())
    return date


def _next_list_item(position: int, r: _Reading, g: T.Grammar, need_name: bool) -> int | None:
    """Where the next item of a list of names starts after `position`, past up to three capitalised words
    that name no place we know, no force and no date ("Wana", the "Dam" of "Mosul Dam"; at least one with
    `need_name`), when a list joiner follows; else None."""
    pos, look, words = position, position, 0
    while words < 3:
        while look < len(r.text) and r.text[look] == " ":
            look += 1
        token = r.token_at.get(look)
        if token is None or not token.text[0].isupper() or look in r.spot_at or look in r.force_at \
                or _in_dates(look, r):
            break
        pos = look = token.end
        words += 1
    if words == 0 and need_name:
        return None
    join = g.list_join_at.match(r.text, pos)
    if join is None:
        return None
    nxt = join.end()
    return nxt if nxt in r.spot_at or (r.token_at.get(nxt) is not None and r.token_at[nxt].text[0].isupper()) else None


def _dash_asides(r: _Reading) -> list[tuple[int, int]]:
    """The spans of the asides set in dashes ("Islamic State took Fallujah – six months before Mosul – and
    held the city"): a town named in one is not what "the city" after it points back to."""
    spans = []
    for index, clause in enumerate(r.clauses):
        if clause.opener in _DASHES and clause.resumes is not None and index >= 2:
            spans.append((r.clauses[clause.resumes + 1].start, clause.start))
    return spans


def _resolve_anaphor(start: int, end: int, r: _Reading, ctx: _ArticleContext) -> _Spot | None:
    """The town "the town", "byen", "it", "den" points back to: the last one named before it in the
    sentence, else the last one of the last three sentences, else the town the article is about."""
    # A town named only as a point of the map ("sørøst for Homs") is not the town spoken of.
    asides = _dash_asides(r)
    named = [s for s in r.spots if s.end <= start and not (s.landmark or s.region)
             and not any(a <= s.start < b and not a <= start < b for a, b in asides)
             and not (s.battle_name and _another_towns_battle(s.mention.place, r.text, s.start, ctx))]
    before = [s for s in named if not s.located]
    g = ctx.grammar
    if g is not None and not named and not g.town_anaphor_at.match(r.text, start):
        # "launched an offensive on the besieged oil refinery in the spring, capturing it entirely": a pronoun
        # after a facility, in a sentence that names no town (nor "the town" between them), is the facility.
        # ("entered Ramadi from the highway and retook it" names the town: it is the town.)
        since = max([t.end for t in r.words(r.body, start) if g.town_anaphor_at.match(r.text, t.start)] + [r.body])
        if any(g.landmark_after_at.match(r.text, t.start) for t in r.words(since, start)):
            return None
    if before:
        mention = before[-1].mention
    elif named:
        # "The base lies just outside Ain Issa and had been in IS hands since they overran it": the sentence
        # speaks of something located by the town, and "it" is that, not a town told of before.
        return None
    else:
        if ctx.last_patient is None and r.index - ctx.last_patient_sentence <= 3:
            return None  # the town last spoken of is one we cannot place
        patient = ctx.last_patient if r.index - ctx.last_patient_sentence <= 3 else None
        recent = ctx.last_town if r.index - ctx.last_town_sentence <= 3 else None
        if patient is not None and recent is not None and ctx.last_town_alone \
                and ctx.last_town_sentence > ctx.last_patient_sentence:
            # "… took back control of Ramadi. Iraq also plans to retake Mosul. The militants have held the city
            # for more than a year": the one town a later sentence named, not the one taken before (not a town
            # named beside others: "… mellom Raqqa i Syria og Mosul i Irak. IS inntok byen i februar 2014")
            patient = None
        mention = patient or recent or ctx.focus
        if mention is ctx.focus and not (patient or recent) and any(
                s.mention.place == getattr(mention, "place", None) and s.start > end
                and _clause_at(r, s.start) is not _clause_at(r, start) for s in r.spots) \
                and ctx.grammar.town_anaphor_at.match(r.text, start):
            # "entered the town Tuesday after fierce fighting near Kirkuk": not the town named after it ("Before
            # it fell to ISIS, Ramadi was …": a pronoun may point forward)
            return None
        if mention is ctx.focus and not (patient or recent) and mention is not None and ctx.towns_named \
                and r.index < len(ctx.sentences) and mention.start >= ctx.sentences[r.index].end:
            # "Al-Marashidah … is a Syrian town located in Abu Kamal District … The town fell under the control
            # of IS in early 2014": a town we cannot place, not the one the article names most, further on (an
            # article that named no town yet may point ahead to it: "Troops advanced on the town. On Saturday
            # Maskana was taken")
            return None
    if mention is None:
        return None
    if g is not None and g.village_anaphor_at.match(r.text, start) and (mention.place.population or 0) > _CITY_POPULATION:
        return None  # "the village was recaptured", in an article on a village we cannot place: not Fallujah
    return _Spot(mention, start, end, anaphor=True)


def _located_subject(start: int, r: _Reading, g: T.Grammar, ctx: _ArticleContext) -> _Spot | None:
    """"Qaryatayn lies on the road from Palmyra to Damascus; it fell to ISIL in August 2015": a pronoun opening
    a clause after one that says where a town lies (the sentence's first, its subject the town, "the town", or
    "the town of …") stands for that town, not for the towns named to say where (it had painted Damascus)."""
    clause = _clause_at(r, start)
    if clause is r.clauses[0] or not (clause.opener == ";" or g.coordinator_word.match(clause.opener or "")) \
            or any(not g.coordinator_word.match(t.lower) for t in r.words(clause.start, start)):
        return None
    first = r.clauses[0]
    verb = g.location_verb.search(r.text, first.start, first.end)
    if verb is None:
        return None
    if any(first.end <= c.start < clause.start and (c.start + _space(r.text, c.start)) in r.spot_at for c in r.clauses):
        return None  # "Tikrit lies north of Baghdad; Baiji is further north, and it was retaken": a town in between
    head_start = first.start + _space(r.text, first.start)
    head = r.text[head_start:verb.start()].rstrip()
    named = [s for s in r.spots if head_start <= s.start and s.end == head_start + len(head)]
    if named and not (named[0].landmark or named[0].region) and (
            named[0].start == head_start or g.town_anaphor_at.fullmatch(r.text[head_start:named[0].start].strip()
                                                                       .removesuffix(" of").strip())):
        return named[0]  # "Qaryatayn lies …", "The town of Qaryatayn lies …"
    anaphor = g.town_anaphor_at.fullmatch(head)
    if anaphor is not None and (not r.spots or r.spots[0].start > verb.start()):
        return _resolve_anaphor(head_start, head_start + len(head), r, ctx)  # "The town lies …"
    return None


def _subject(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar, ctx: _ArticleContext, passive: bool) -> list[_Patient]:
    """The place a passive or "fell" is about: the relative pronoun's antecedent, the clause's first town
    (after an auxiliary: "The city of Tikrit, located …, was lost"), or the town right before a reduced
    relative ("Tal Afar, recaptured a month after Mosul")."""
    if _after_span_between_towns(hit, r, g):
        return []
    if clause.opener and g.relative_word.match(clause.opener):
        antecedent = _antecedent(clause, r, g, ctx)
        if antecedent:
            return antecedent
    if clause.opener in _DASHES and passive and not r.words(clause.start, hit.start)[1:]:
        # "life is returning to normal in Mosul -- captured by ISIS in 2014": a reduced relative set off by a
        # dash is about the town right before the dash
        dashed = [s for s in r.spots if s.end <= clause.start and _ASIDE_MARK.fullmatch(r.text[s.end:clause.start + 1])
                  and not (s.landmark or s.region or s.located)]
        if dashed:
            return [_Patient(dashed[-1])]
    # A town named as a point of the map ("The town, 60 kilometers south of Mosul, fell") is not the subject.
    spots = [s for s in r.spots if clause.start <= s.start and s.end <= hit.start and not s.located]
    resumed = _resumed_clause(hit, r, clause, g) if not spots else None
    if resumed is None and not spots:
        resumed = _gapped_after_but(hit, r, clause, g)
    if resumed is not None:
        # "Hawija, som ligger i Kirkuk-provinsen, har vært i IS' hender": the town before the aside
        clause = resumed
        spots = [s for s in r.spots if resumed.start <= s.start and s.end <= resumed.end and not s.located][:1]
    words = r.words(clause.start, hit.start)
    has_aux = any(g.passive_aux_word.match(t.lower) and not _in_force(t.start, r) for t in words[-4:])
    chosen: _Spot | None = None
    declared = _declared_anaphor(words, r, clause, g)
    if declared is not None:
        # "raised the flag over the government complex in Ramadi and declared the city retaken": the town the
        # declaration points back to, all of it, not the building's town before it.
        chosen = _resolve_anaphor(declared.start(), declared.end(), r, ctx)
        clause = replace(clause, start=declared.start())
    elif spots:
        chosen = spots[0] if has_aux or hit.trigger.kind == FALL or hit.trigger.form == "holder" else spots[-1]
    else:
        # "The city was recaptured", "byen ble inntatt", "it was captured"
        for token in words:
            m = g.town_anaphor_at.match(r.text, token.start)
            if m and m.end() <= hit.start and not g.of_at.match(r.text, m.end()):
                chosen = _resolve_anaphor(m.start(), m.end(), r, ctx)
                break
            if g.pronoun_word.match(token.lower) and g.pronoun_alone:
                chosen = _located_subject(token.start, r, g, ctx) or _resolve_anaphor(token.start, token.end, r, ctx)
                break
    if chosen is None and g.verb_second and not spots and words and hit.trigger.kind == FALL \
            and not any(clause.start <= f.start < hit.start for f in r.forces):
        # "I juni 2014 falt Mosul til IS": after a fronted adverbial the subject follows the verb
        chosen = next((s for s in r.spots if s.start >= hit.end and all(
            g.adverb_word.match(t.lower) for t in r.words(hit.end, s.start))), None)
    if chosen is None:
        chosen = _heading_spot(hit, r, ctx)
    if chosen is None or chosen.landmark or chosen.region:
        return []
    np = r.text[clause.start:chosen.start]
    partial = bool(g.partial_any.search(np))
    half = bool(g.half_any.search(np)) \
        or bool(g.half_adjective_end.search(np))
    most = bool(g.most_any.search(np))
    comma = r.text.find(",", hit.end, clause.end)
    if hit.trigger.kind == STATE and g.partial_any.search(r.text, hit.end, min(clause.end, hit.end + 60,
                                                                              comma if comma >= 0 else clause.end)):
        # "I Ramadi kontrollerer IS deler av flere bydeler": what is held is a part of the town (not what the
        # sentence goes on to say after a comma: "…, its effective center of operations")
        partial = True
    if (chosen.mention.surface.endswith(("s", "'s", "’s")) or r.text[chosen.end:chosen.end + 2] in ("'s", "’s")) \
            and g.subarea_after_at.match(r.text[chosen.end:chosen.end + 40]):
        partial = True
    if _landmark_noun_before(np, g):
        return []
    patients = [_Patient(chosen, partial, half, most)]
    if len(spots) > 1 and chosen is spots[-1] and not has_aux and hit.trigger.form == "verb" \
            and g.collective_participle_gap.fullmatch(r.text, chosen.end, hit.start) \
            and not g.until_word.search(r.text, hit.end, clause.end) \
            and not r.text[clause.start:spots[0].start].strip() \
            and all(re.fullmatch(r"\s*(?:,|,?\s*(?:and|og))\s*", r.text[a.end:b.start]) for a, b in zip(spots, spots[1:])):
        # "Rawa and al-Qaim, both taken by the militants in the summer of 2014, are …": the participle after
        # the list holds for every town of it.
        patients = [_Patient(s) for s in spots[:-1]] + patients
    if chosen is (spots[0] if spots else None):
        patients += _listed_after(chosen, hit, r, clause, g, patients)
        if len(patients) == 1 and hit.trigger.form == "verb":
            patients += _gapped(hit, r, clause, g, patients)
    return patients


def _gapped(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar, patients: list[_Patient]) -> list[_Patient]:
    """Places that share a passive's verb, each with its own date: "Anah was retaken on 21 September,
    al-Qaim on 3 November and Rawa, the last town held by ISIL in Iraq, on 17 November 2017". Only when
    every place after the verb has a date of its own (else the list is something else)."""
    listed: list[_Patient] = []
    position = hit.end
    current = patients
    while True:
        following, _ = _list_continues(position, r, clause, g, current)
        if following == position or current[-1].date is None:
            break
        spot = r.spot_at.get(following)
        if spot is None or spot.landmark or spot.region:
            break
        patient = _Patient(spot)
        listed.append(patient)
        current = [patient]
        position = spot.end
        aside = _APPOSITIVE.match(r.text, position)
        if aside:
            position = aside.end() - 1  # before its closing comma, where the date follows
    if listed and listed[-1].date is None:
        # The last place needs its own date too: see whether one follows it.
        _list_continues(position, r, clause, g, current)
    return listed if listed and all(p.date is not None for p in listed) else []


def _listed_after(first: _Spot, hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar,
                  patients: list[_Patient]) -> list[_Patient]:
    """The other places of a list that opens with `first` and ends before the predicate: "al-Qaim, Anah
    and Rawa are still under IS control"."""
    listed: list[_Patient] = []
    position = first.end
    while True:
        following, _ = _list_continues(position, r, clause, g, patients + listed)
        spot = r.spot_at.get(following) if following != position else None
        if spot is None or spot.end > hit.start or spot.landmark or spot.region:
            return listed
        listed.append(_Patient(spot))
        position = spot.end


def _landmark_noun_before(np: str, g: T.Grammar) -> bool:
    return bool(g.landmark_before_end.search(np))


def _after_span_between_towns(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """"an area located between the capital, Baghdad, and … Mosul that has been controlled by IS since June":
    a relative clause right after a span between two towns may be about the area, either town or both."""
    opened = list(g.between.finditer(r.text, max(r.body, hit.start - 150), hit.start))
    if not opened:
        return False
    inside = [s for s in r.spots if opened[-1].end() <= s.start and s.end <= hit.start]
    if len(inside) != 2 or not any(g.coordinator_word.match(t.lower) for t in r.words(inside[0].end, inside[1].start)):
        return False
    # A comma before the pronoun sets the clause on the town before it ("between Raqqa and Tabqa, which was
    # captured by the SDF on May 10").
    after = r.words(inside[-1].end, hit.start)[:1]
    return bool(after) and g.relative_word.match(after[0].lower) is not None


def _where_said(spot: _Spot, clause: _Clause, r: _Reading, g: T.Grammar) -> bool:
    """Whether the town is named as where something was said, right before what was said: a verb of saying,
    a few words, a locative preposition, the town, and nothing but a date before the clause ("said in Baghdad
    that", "told reporters via video conference from Baghdad Thursday that")."""
    if any(t.text[0].isalnum() and not _in_dates(t.start, r) for t in r.words(spot.end, clause.start)):
        return False
    before = r.words(max(r.body, spot.start - 60), spot.start)
    return len(before) >= 2 and g.locative_word.match(before[-1].lower) is not None \
        and any(g.saying_word.match(t.lower) for t in before[-7:-1])


def _antecedent(clause: _Clause, r: _Reading, g: T.Grammar, ctx: _ArticleContext) -> list[_Patient]:
    """The town a relative pronoun stands for: the last one named just before it ("al-Qaim, som ble
    gjenerobret", "Fallujah ble … den første irakiske byen som falt til IS")."""
    before = [s for s in r.spots if s.end <= clause.start and not (s.landmark or s.region)]
    if not before:
        return []
    spot = before[-1]
    between = r.text[spot.end:clause.start]
    if g.complementizer_word.match(clause.opener) and _where_said(spot, clause, r, g):
        # "told reporters from Baghdad Thursday that Iraqi forces cleared 11 villages": "that" opens what was
        # said, and the town is where it was said
        return []
    head = r.words(max(r.body, clause.start - 40), clause.start)
    if head and g.place_noun_word.match(head[-1].lower) and not re.search(r"[;:()]", between):
        # "Falluja, som ligger …, ble den første irakiske byen som falt": a bare place noun before the
        # pronoun, predicated of the sentence's first town, not of the last one named.
        first = [s for s in before if s.start >= r.body and not s.located]
        return [_Patient(first[0])] if first else []
    # "Tel Keppe, a larger town a few kilometres to the south that …": an apposition that names a kind of
    # place may be longer.
    apposition = re.match(r",\s+(?:a|an|the|en|et|ei|den|det)\s+[^,;:()]*$", between) is not None and any(
        g.place_noun_word.match(t.lower()) for t in re.findall(r"[\w'’]+", between)) and not any(
        g.landmark_after_at.match(between, m.start()) for m in re.finditer(r"\s", between))  # "… to the airbase that"
    if len(between.split()) > (14 if apposition else 8) or re.search(r"[;:()]", between):
        return []
    if spot.located:
        # "Tal Afar vest for Mosul, som fortsatt er i IS' hender": a town named to say where another town lies
        # is not what the pronoun stands for, that other town is ("demningen sørøst for Manbij, som IS
        # kontrollerer": no town before it, so Manbij).
        head = before[-2] if len(before) > 1 else None
        gap = r.text[head.end:spot.start] if head is not None else ""
        # (or an apposition that places the first, with a restrictive relative right after: "Hawija, a pocket
        # south of Kirkuk that IS has held"; after a comma, ", which …" is as often about the second town)
        restrictive = not r.text[spot.end:spot.end + 3].lstrip().startswith(",")
        if head is not None and (len(gap.split()) <= 4 or restrictive and len(gap.split()) <= 7
                                 and re.match(r",\s+(?:a|an|the|en|et|ei)\s", gap)):
            spot = head
    listed = [spot]
    # "mot Rawa og al-Qaim lenger vest, som fortsatt er i ekstremistgruppens hender": the whole list
    for earlier in reversed(before[:-1]):
        join = g.list_join_at.match(r.text, earlier.end)
        if join is None or join.end() != listed[0].start or earlier.located:
            break  # (a town named to say where another lies, "Hawija, 50 km from Kirkuk, and Shirqat", is no item)
        listed.insert(0, earlier)
    return [_Patient(s) for s in listed]


def _contact_antecedent(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> list[_Patient]:
    """"Kobani, the border town the YPG retook from IS": the town of a relative clause that leaves out its
    pronoun, when an apposition naming a kind of place stands between the town and the clause's subject."""
    forces = [f for f in r.forces if clause.start <= f.start and f.end <= hit.start
              and len(r.text[f.end:hit.start].split()) <= 2]
    if not forces:
        return []
    subject = forces[0]
    spots = [s for s in r.spots if s.end <= subject.start and not (s.landmark or s.region)]
    if not spots:
        return []
    m = g.contact_apposition_end.match(r.text[spots[-1].end:subject.start])
    if m is None or not g.place_noun_word.match(m.group("noun").lower()):
        return []
    return [_Patient(spots[-1])]


def _focus_patient(r: _Reading, ctx: _ArticleContext) -> list[_Patient]:
    """"its last bastion", "sin siste høyborg", "lommen": the town the article is about."""
    match = ctx.grammar.focus_anaphor.search(r.text, r.body)
    if match is None or ctx.focus is None:
        return []
    return [_Patient(_Spot(ctx.focus, match.start(), match.end(), anaphor=True))]


def _later_places(hit: _Hit, r: _Reading, clause: _Clause) -> list[_Patient]:
    """Where an advance is headed when its own words do not say ("rykket fram for å erobre … ved Rawa og
    Rumana"): the towns later in the clause (evidence only, it changes no colour)."""
    return [_Patient(s) for s in r.spots if hit.end <= s.start < clause.end and not (s.landmark or s.region)]


def _driven(hit, r, clause, g, ctx, passive) -> tuple[list[_Patient], PhraseHit | None, PhraseHit | None]:
    """"drove Islamic State out of Manbij": the force driven out, then "out of"/"from", then the place;
    "[IS] ble drevet ut av [byen] av [hæren]": the place after "ut av", the taker after "av"."""
    text = r.text
    pos = hit.end
    expelled = None
    forces_after = [f for f in r.forces if hit.end <= f.start < clause.end]
    gap = r.words(hit.end, forces_after[0].start) if forces_after else []
    subject_after = _subject_then_expelled(hit, r, clause, g, forces_after, passive)
    if subject_after is not None:
        # "Etter fire måneders kamper driver den kurdiske YPG-militsen IS ut av Kobani": verb-second puts the
        # subject right after the verb, and the force driven out right after it
        expelled = forces_after[1]
    elif not passive and forces_after and (forces_after[0].start - hit.end <= 6 or len(gap) <= 3 and all(
            _in_dates(t.start, r) or g.adverb_word.match(t.lower) for t in gap)):
        # "drev IS ut av", and after a verb-second date or adverb: "drev torsdag IS ut av", "drove on Monday IS out"
        expelled = forces_after[0]
    elif not passive and forces_after and len(gap) <= 2 and all(t.text.islower() for t in gap) \
            and g.out_of_lead.match(text, forces_after[0].end):
        # "driver de andre opprørsgruppene ut av Raqqa": a determiner or adjective before the force driven out
        expelled = forces_after[0]
    if expelled is not None:
        pos = expelled.end
    m = g.out_of_lead.match(text, pos)
    if m is None and expelled is not None:
        # "drove Islamic State militants out of Shirqat", "drev IS-krigerne raskt ut av": the force's noun
        # or an adverb after its name
        skip = pos
        for _ in range(2):
            word = _LOWER_WORD.match(text, skip)
            if word is None:
                break
            skip = word.end()
            m = g.out_of_lead.match(text, skip)
            if m is not None:
                break
    if m is None:
        return [], None, None
    slot = _slot(m.end(), r, clause, g, ctx, hit)
    gapped = _gapped_sources(r, clause, g, ctx, hit) if slot.patients and not passive else []
    agent = None
    if passive:
        after = slot.patients[-1].spot.end if slot.patients else m.end()
        for force in r.forces:
            # (the "by" right after the place, not one of another verb further on: "… forced out of the city,
            # operations to clear IEDs left by ISIL continue")
            if force.start >= after and force.start < clause.end and g.agent_end.search(text[max(after, force.start - 20):force.start]) \
                    and "," not in text[after:force.start] and len(r.words(after, force.start)) <= 5:
                agent = force
                break
        if expelled is None:
            subject = [f for f in r.forces if clause.start <= f.start and f.end <= hit.start]
            if not subject and clause.opener and g.relative_word.match(clause.opener):
                # "IS fighters who were driven from Kobani": the antecedent was driven out
                subject = [f for f in r.forces if f.end <= clause.start and len(r.text[f.end:clause.start].split()) <= 1]
                subject = subject[-1:]
            expelled = subject[0] if subject else None
    elif expelled is not None and slot.patients:
        r.objects.add(expelled.start)  # "drove Islamic State out of Hajin, taking …": IS is not who took it
        agent = subject_after
    return slot.patients + gapped, expelled, agent


def _gapped_sources(r: _Reading, clause: _Clause, g: T.Grammar, ctx: _ArticleContext, hit: _Hit) -> list[_Patient]:
    """The places of a coordinated clause that leaves out the verb and its object and goes on with "out of"
    and a date of its own: "drove the militants out of Hajin in December, and then out of Susah and al-Shafa in
    January". Only places dated there: without a date of their own they may be of the first place's day."""
    index = r.clauses.index(clause)
    if index + 1 >= len(r.clauses):
        return []
    following = r.clauses[index + 1]
    words = r.words(following.start, following.end)
    if not (following.opener and g.coordinator_word.match(following.opener) and words
            and words[0].lower == following.opener):
        return []
    rest = words[1:]
    while rest and g.adverb_word.match(rest[0].lower):
        rest = rest[1:]  # "and then out of"
    lead = g.out_of_lead.match(r.text, rest[0].start) if rest else None
    if lead is None:
        return []
    patients = _slot(lead.end(), r, following, g, ctx, hit).patients
    return [p for p in patients if p.date is not None]


def _subject_then_expelled(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar, forces_after: list[PhraseHit],
                           passive: bool) -> PhraseHit | None:
    """In a verb-second clause with no force before the verb, the subject the verb is followed by when the force
    driven out comes right after it, then "ut av": "Etter fire måneders kamper driver YPG IS ut av Kobani"."""
    if passive or not g.verb_second or len(forces_after) < 2:
        return None
    first, second = forces_after[0], forces_after[1]
    lead = r.words(hit.end, first.start)
    if len(lead) > 3 or not all(t.text.islower() or _in_dates(t.start, r) for t in lead) \
            or r.text[first.end:second.start].strip() or not g.out_of_lead.match(r.text, second.end):
        return None
    if any(clause.start <= f.start and f.end <= hit.start for f in r.forces):
        return None  # "YPG drev IS ut av": the subject stands before the verb
    return first


def _noun_patients(hit, r, clause, g, ctx) -> tuple[list[_Patient], PhraseHit | None]:
    """"the liberation of Raqqa", "victory over the Islamic State in Baghuz", "erobringen av Shirqat", or
    the town right before the noun ("Mosul liberation")."""
    text = r.text
    pos = hit.end
    source = None
    m = g.against_at.match(text, pos)
    if m:
        after = [f for f in r.forces if f.start == m.end()]
        if after:
            source = after[0]
            pos = after[0].end
    day = next((d for d in r.dates if pos < d.start <= pos + 1 and d.precision == "day"), None)
    if day is not None and g.noun_link_lead.match(text, day.end):
        pos = day.end  # "the recapture Tuesday of Raqqa"
    link = g.noun_link_lead.match(text, pos)
    if link:
        slot = _slot(link.end(), r, clause, g, ctx, hit)
        if slot.patients:
            return slot.patients, source
    before = [s for s in r.spots if 0 <= hit.start - s.end <= 3 and not (s.landmark or s.region)]
    if before:
        return [_Patient(before[-1])], source
    # "announced the city's liberation": the town pointed back to, in the genitive
    for start in range(max(clause.start, hit.start - 40), hit.start):
        anaphor = g.town_anaphor_at.match(text, start)
        if anaphor and (start == 0 or not text[start - 1].isalnum()) \
                and _GENITIVE_GAP.fullmatch(text, anaphor.end(), hit.start):
            spot = _resolve_anaphor(anaphor.start(), anaphor.end(), r, ctx)
            if spot is not None and not (spot.landmark or spot.region):
                return [_Patient(spot)], source
            break
    return [], source


#: A genitive ending after a noun phrase, and the start of what it owns ("the town's military airport").
_GENITIVE_GAP_AT = re.compile(r"['’]s\s+")
#: Between a noun phrase in the genitive and the predicate noun it owns ("the city's liberation").
_GENITIVE_GAP = re.compile(r"['’]s\s+(?:\w+\s+)?")


# -- when ----------------------------------------------------------------------------------------------



def _own_dates(r: _Reading, clause: _Clause) -> list[ResolvedDate]:
    return [d for d in r.dates if clause.start <= d.start < clause.end]


def _date_for(hit: _Hit, r: _Reading, clause: _Clause, ctx: _ArticleContext, g: T.Grammar,
              background: bool = False) -> ResolvedDate | None:
    """The date phrase of the predicate's clause (the nearest, a date before it counting triple); else that
    of the clause it hangs on ("seized the town, but ISIL was able to recapture it within hours"); else the
    date heading its paragraph."""
    aside = _aside_around(hit, r)
    if aside is not None:
        # "to retake Fallujah, the first Iraqi city to fall to IS, on Sunday": a predicate inside an
        # apposition set in commas is dated only inside it.
        inside = [d for d in r.dates if aside[0] <= d.start and d.end <= aside[1]]
        return min(inside, key=lambda d: _distance(hit, d)) if inside else None
    current = clause
    while True:
        own = _own_dates(r, current)
        if current is clause:
            own = [d for d in own if not _in_participle_aside(d, hit, r, clause, g)]
            index = r.clauses.index(clause)
            # The clause that goes on after an aside closes ("tok kontroll over byen, som ligger ved
            # hovedveien, lørdag"), unless it has a predicate of its own ("lost Palmyra – … – and retook it
            # on Sunday"); and an aside in dashes that is only a date ("lost Palmyra – on May 20, 2015 –").
            own += [d for c in r.clauses if c.resumes == index
                    and not (c.opener in _DASHES and any(c.start <= h.start < c.end for h in r.hits))
                    for d in _own_dates(r, c)]
            following = r.clauses[index + 1] if index + 1 < len(r.clauses) else None
            if following is not None and following.resumes is not None and clause.opener \
                    and g.relative_word.match(clause.opener):
                # "has controlled Manbij, which it took from IS, since August": the holding's start dates the
                # taking the relative clause tells of.
                own += [d for d in _own_dates(r, following) if g.background.match(d.phrase)]
            if following is not None and following.opener in _DASHES and following.resumes is None:
                dates = _own_dates(r, following)
                rest = r.text[following.start:following.end]
                for d in dates:
                    rest = rest.replace(d.phrase, " ")
                if dates and len(re.findall(r"[^\W\d_]+", rest)) <= 1:  # at most its preposition ("on", "i")
                    own += dates
            # A date nearer another predicate of the clause is that one's ("punched back into the town
            # they had lost a day earlier").
            rivals = [h for h in r.hits if h is not hit and clause.start <= h.start < clause.end
                      and h.trigger.form != "epithet" and not _sums_up(h, r, g)
                      and (not _dismissed(h, r, g) or _holder_before_change(h, r, g))]  # its "since 2014"
            # A date before every predicate of the clause ("Iraqi forces on Monday raised the flag over … and
            # declared the city retaken") dates them all.
            own = [d for d in own if _coordinated_owner(d, hit, rivals, r, g) is hit
                   or _coordinated_owner(d, hit, rivals, r, g) is None
                   and (all(_distance(hit, d) <= _distance(h, d) or _participle_after_comma(h, d, r, g) for h in rivals)
                        or all(d.end <= h.start for h in (hit, *rivals)) and not _time_moves_on(d.end, clause.end, r, g))]
            # A date that ends the predicate before this one, joined to it by "and" alone ("gikk til motangrep i
            # vår og tok tilbake store deler av den"): the second follows the first, then, if it has none of its own.
            own = own or [d for d in _own_dates(r, clause) if d.end <= hit.start
                    and (gap := r.text[d.end:hit.start].split()) and len(gap) == 1
                    and g.coordinator_word.match(gap[0].lower())]
        if current is clause:
            own = [d for d in own if (_distance(hit, d) <= 3 * _DATE_REACH or _fronted_date(d, hit, r, g))
                   and not d.start - hit.end > _DATE_REACH]
        own = [d for d in own if not (background and _said_on(d, hit, r, g))
               and not (hit.trigger.kind == STATE and _ends_a_span(d, r, g))
               and not g.until_end.search(r.text[max(0, d.start - 12):d.start])
               and not g.reference_date_end.search(r.text[max(0, d.start - 30):d.start])]
        if own:
            return min(own, key=lambda d: _distance(hit, d))
        if current.opener in _DASHES and current.resumes is not None:
            current = r.clauses[current.resumes]  # past the aside in dashes, to the clause it interrupted
            continue
        phrase = _fronted_phrase_before(r, current, g)
        if phrase is not None and phrase >= 1 and not g.coordinator_word.match(r.clauses[phrase - 1].opener or " "):
            # "The next day, after four days of fighting, rebels captured …"; not "…on Thursday, and after three
            # days of fighting, the army retook the city": the days between move the date on
            current = r.clauses[phrase - 1]
            continue
        if not g.inheriting_word.match(current.opener):
            break
        if current is clause and hit.trigger.kind != STATE and any(
                g.later_word.match(t.lower) and not _in_time_phrase(t, r, g) for t in r.words(clause.start, hit.start)[1:]):
            break  # "IS took Bashiqa in August 2014, but the Peshmerga have since retaken it": not in August 2014
        if current is clause and _gapped_after_but(hit, r, clause, g) is not None:
            break  # "Bashiqa was captured by ISIS in August 2014 but was recaptured by the Peshmerga": not then
        index = r.clauses.index(current)
        if index == 0:
            break
        if current is clause and _taken_before_retaking(hit, r, clause, g):
            break
        if current is clause and g.perfect_is_undated and hit.trigger.kind != STATE \
                and _present_perfect(hit, r, clause, g, reach=3):
            break  # "recaptured Palmyra in March 2016, but IS fighters have overrun the city": not in March
        current = r.clauses[index - 1]
    if background and ctx.header_date is not None and ctx.header_date is ctx.section_date:
        return None  # "- Iraqi forces had captured Hawija earlier in the month", under "16 October 2017"
    return ctx.header_date


def _ends_a_span(resolved: ResolvedDate, r: _Reading, g: T.Grammar) -> bool:
    """Whether a date ends a span opened by the date before it ("From August to November 2014 the city was under
    the control of IS"): a holding told so began at the span's start."""
    before = [d for d in r.dates if d.end <= resolved.start]
    if not before or not g.range_gap.match(r.text, before[-1].end, resolved.start):
        return False
    opening = before[-1]
    return bool(g.range_opening.match(opening.phrase)
                or g.range_opening_end.search(r.text, max(0, opening.start - 12), opening.start))


def _fronted_date(resolved: ResolvedDate, hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """Whether a date opens the sentence, set off by its comma, with nothing between it and the predicate
    that moves the time on ("In August 2014, IS launched an offensive … and pushed into …, capturing the city
    of Sinjar"): it dates the whole sentence, however long."""
    if resolved.end > hit.start or len(r.words(r.body, resolved.start)) > 1:
        return False
    between = r.words(resolved.end, hit.start)
    # "On Monday, officials … recalled how IS had taken Palmyra": the day of the telling, not of the taking;
    # nor a perfect of the predicate itself ("… recaptured Palmyra, but IS fighters have overrun the city"), though
    # a perfect in an aside does not count ("fighters of the SDF, which had crossed …, captured Manbij")
    return r.text[resolved.end:resolved.end + 2].lstrip().startswith(",") and not _time_moves_on(resolved.end, hit.start, r, g) \
        and not any(g.saying_word.match(t.lower) for t in between) \
        and not any(g.perfect_aux_word.match(t.lower) for t in between[-2:])


def _part_named_after(end: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether a part of the town follows its name ending at `end`: a possessive ("Tal Afar's …") or a
    district word ("byens østlige bydeler", "Mosuls utkant")."""
    return r.text[end:end + 2] in ("'s", "’s") or bool(g.subarea_after_at.match(r.text[end:end + 40]))


def _rest_of_town(hit: _Hit, patient: _Patient, r: _Reading, g: T.Grammar) -> bool:
    """"captured the rest of Ramadi", "tok resten av byen": the remainder of the town itself is its object
    (the town within a few words after "the rest of"), not the rest of a district or a province."""
    if patient.spot.start <= hit.end:
        return False
    if patient.spot.anaphor and g.subarea_after_at.match(" " + r.text[patient.spot.start:patient.spot.end]):
        return False  # "resten av gamlebyen": the rest of the old town, a part of it
    rest = g.remainder.search(r.text, hit.end, patient.spot.start)
    if rest is None:
        return False
    if _part_named_after(patient.spot.end, r, g):
        return False  # "the rest of Sinjar's southern outskirts": a part of it
    between = r.text[rest.end():patient.spot.start].split()
    # Only words that name the town itself: "the rest of the city of Mosul", "resten av byen Ramadi".
    return len(between) <= 3 and all((g.slot_word.match(w.lower()) or g.place_noun_word.match(w.lower()))
                                     and not g.subarea_after_at.match(" " + w) for w in between)


def _unopposed_entry(hit: _Hit, patient: _Patient, r: _Reading, g: T.Grammar, forces: ForceCatalogue) -> bool:
    """Whether the sentence says nobody resisted this entry. Two shapes only, each a fact of the entry's own
    time: the manner in the entry's own clause ("entered the town without a fight", "under a surrender
    deal", "broke the siege and entered", "Etter en avtale … rykket … inn i"), or the holder's withdrawal
    from this very town told in a clause of its own ("X withdrew from Ras al-Ayn on Sunday, and Y entered
    it", "… after rebels withdrew from it"). A withdrawal of the entering force itself, a retreat inside the
    town, one months or years apart, a deal to come or that failed: still a fight."""
    own = _clause_at(r, hit.start)
    if g.combat.search(r.text, hit.end) or g.failed_cue.search(r.text, r.body):
        return False  # "…, after which clashes erupted again", "en avtale som opprørerne senere sa var brutt"
    if g.unopposed.search(r.text, own.start, own.end) and not g.unreal_cue.search(r.text, own.start, own.end):
        return True
    entering = {f.code for f in r.forces if own.start <= f.start < hit.start}
    little = g.little_resistance.search(r.text, hit.end, own.end)
    if little is not None and not any(hit.end <= x.start < little.start() and x.start != patient.spot.start
                                      for x in (*r.spots, *r.hits)) \
            and not g.holdout.search(r.text, hit.end) and not g.unreal_cue.search(r.text, own.start, own.end) \
            and not any(h.start > little.end() and h.trigger.kind in (CAPTURE, CONTEST, LOSS, FALL)
                        and _other_side_acts(h, r, entering)
                        for h in r.hits) \
            and not any(s.start >= little.end() and s.start - little.end() <= 4 for s in r.spots):
        return True  # "entered Jarabulus on Wednesday with little resistance" (not "… little resistance in Rutba")
    if _subject_before_aside(_fronted_phrase_before(r, own, g), r, own, g) is not None \
            and g.unopposed.search(r.text, r.clauses[0].start, r.clauses[0].end) \
            and not g.unreal_cue.search(r.text, r.clauses[0].start, r.clauses[0].end):
        return True  # "Syrian troops, invited in by the Kurds after …, entered Manbij": the aside tells how
    for cue in g.withdrawal.finditer(r.text, r.body):
        clause = _clause_at(r, cue.start())
        if clause is own or g.unreal_cue.search(r.text, clause.start, cue.start()):
            continue
        # Who withdrew: a force named in that clause (not "US advisers", "sivile", "de selv"), all of it
        # ("some Islamic State fighters", "en del IS-krigere" left a town still fought over), neither the
        # entering side nor one that holds no towns.
        withdrawer = next((f for f in r.forces if clause.start <= f.start < cue.end() and f.code), None)
        if withdrawer is None or g.some_end.search(r.text, clause.start, withdrawer.start) \
                or withdrawer.code in entering or not forces.holds_towns(withdrawer.code):
            continue
        if any(_YEAR_IN.search(d.phrase) or d.precision != "day" for d in _own_dates(r, clause)) \
                or g.relative_span.search(r.text, max(0, clause.start - 40), clause.start + 12):
            continue  # "over to år etter at hæren trakk seg ut av byen 10. juni 2014": long before
        source = g.cue_source_at.match(r.text, cue.end())
        if source is None:
            # "as IS fighters retreated deeper into the city": not out of it; and a withdrawal with no place
            # ("after the Peshmerga withdrew") may be from anywhere
            continue
        if _clause_right_after(own, clause, r) and g.entry_after_word.match(clause.opener) \
                and g.withdrawal_area_at.match(r.text, source.end()):
            return True  # "entered Kafr Zita after rebels withdrew from a pocket of northern Hama province"
        named = next((s for s in r.spots if source.end() <= s.start < clause.end), None)
        following = r.words(source.end(), min(len(r.text), source.end() + 20))[:1]
        anaphor = g.town_anaphor_at.match(r.text, source.end())
        if anaphor is not None and len(anaphor.group(0).split()) > 2:
            anaphor = None  # "pulled out of the nearby town": another one
        pointed = anaphor or (following and g.pronoun_word.match(following[0].lower))
        end = named.end if named is not None else anaphor.end() if anaphor else None
        if end is not None and (_part_named_after(end, r, g) or g.partial_any.search(r.text, source.end(), end)):
            continue  # "from Tal Afar's outskirts", "ut av byens østlige bydeler", "from parts of Tal Afar"
        if named is not None and named.mention.place == patient.spot.mention.place and not named.located \
                or named is None and pointed:
            return True
    return False


def _unit_subject(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """Whether the predicate's clause opens with a force's parts named without a side ("Forces advancing from
    the south took Akashat", "A second column … recaptured"): its taker is left unsaid, as in a passive."""
    words = r.words(clause.start, hit.start)
    # (not "Our armed forces … liberated the town", in a statement: the speaker's side, whoever spoke)
    return bool(words) and not any(clause.start <= f.start < hit.start for f in r.forces) \
        and not _QUOTE_MARK.search(r.text, clause.start, words[0].start) \
        and (m := g.unit_subject_at.match(r.text, words[0].start)) is not None and m.end() <= hit.start


_QUOTE_MARK = re.compile(r"[\"“”«»]")


def _clause_right_after(first: _Clause, second: _Clause, r: _Reading) -> bool:
    """Whether `second` is the clause that follows `first` in the sentence."""
    index = r.clauses.index(first)
    return index + 1 < len(r.clauses) and r.clauses[index + 1] is second


_YEAR_IN = re.compile(rf"\b{YEAR}\b")


def _sums_up(hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """A predicate noun in an apposition that sums up the clause before it (", a loss that cut the group's
    supply route", ", et tap som …"): it names that event again, and its date is that event's."""
    if hit.trigger.form != "noun" or not _SUMMING_UP.search(r.text, max(0, hit.start - 30), hit.start):
        return False
    following = r.words(hit.end, min(len(r.text), hit.end + 20))[:1]
    return bool(following) and bool(g.relative_word.match(following[0].lower))


_SUMMING_UP = re.compile(r",\s*(?:[\w'’-]+\s+){1,2}\Z")


def _aside_around(hit: _Hit, r: _Reading) -> tuple[int, int] | None:
    """The apposition set in commas the predicate stands in (", the last town held by ISIL in Iraq,"), if any."""
    start = max(r.body, hit.start - 70)
    comma = r.text.rfind(",", start, hit.start)
    if comma < 0:
        return None
    if not any(s.end <= comma and not r.text[s.end:comma].strip() for s in r.spots):
        return None  # an apposition describes the name right before it
    m = _APPOSITIVE.match(r.text, comma)
    if m is None or hit.end > m.end() or any(comma < f.start < hit.start for f in r.forces):
        return None  # ", the Syrian opposition took over the town,": a clause with its own subject
    return m.start(), m.end()


def _relative_to_clause_before(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar):
    """For a clause of "(days) before/after" ("bare dager før gruppen tok Palmyra"): the date a counted span
    ("dagen etter at", "two days after") counts to from the clause before (`_shifted_from`); else the date of
    the clause before when that is a month, season or year (days or weeks off stay inside it, near enough),
    None when it is finer or missing, or the span is months or years; False when the clause is no such clause."""
    index = r.clauses.index(clause)
    if index == 0:
        return False
    window = r.text[max(0, clause.start - 40):clause.start + 12]
    offset = max(0, clause.start - 40)
    counted = _clause_shift_at(r, clause, g)
    # (not a declaration recalled as what was reversed since: "regained full control of Albu Kamal …, two days
    # after the Syrian army declared the border town liberated")
    if counted is not None and not g.declaration.search(r.text, clause.start, hit.start):
        exact = _shifted_from(counted, _own_dates(r, r.clauses[index - 1]), g)
        if exact is not None:
            return exact
    span = next((m for m in g.relative_span.finditer(window) if m.start() + offset < clause.start < m.end() + offset), None)
    if span is None:
        return False
    dates = _own_dates(r, r.clauses[index - 1])
    if span.groupdict().get("hours"):
        # "retook Telskuf on Tuesday, hours after Islamic State militants … overran much of the town at dawn":
        # the same day as the clause before, when that is a day (hours counted, "36 hours after", may be days)
        if re.search(r"\d", span.group(0)):
            return None
        days = [d for d in dates if d.precision == "day"]
        return days[-1] if days and len(days) == len(dates) else None
    if not span.groupdict().get("short"):
        return None  # "et halvt år før gruppen inntok Mosul": months or years off, not inside the date before
    coarse = [d for d in dates if d.precision in ("month", "season", "year")]
    return coarse[-1] if coarse and len(coarse) == len(dates) else None


def _counted_back(r: _Reading, clause: _Clause, ctx: _ArticleContext, g: T.Grammar) -> ResolvedDate | None:
    """The month or year of an "after" clause that a present main clause counts back from today: "The push
    comes nine months after militants were driven from the city" (published in December 2016: March 2016); the
    day or week one the main clause counts back from the news the lede dates ("Erobringen kommer fem dager etter
    at SDF tok full kontroll over Raqqa", the lede's capture told on Sunday 22 October: 17 October). Not when the
    main clause has a date of its own, which the count would start from instead."""
    index = r.clauses.index(clause)
    if index == 0 or not clause.opener or not g.after_phrase_word.match(clause.opener):
        return None
    main = r.clauses[index - 1]
    count = g.counted_back_end.search(r.text, main.start, clause.start)
    if count is None or _own_dates(r, main):
        return None
    n, unit = count_of(count.group("n"), ctx.language), counted_unit(count)
    if n is None:
        return None
    if unit in ("days", "weeks"):
        # Days count from the day of the news, which may be days before the article ("Erobringen kommer fem
        # dager etter at SDF tok full kontroll over Raqqa", published a day after the capture): from the day
        # the lede tells ("erobret søndag al-Omar"), none when it tells no day, and only when the main clause
        # names no place (its subject is the news, not another event: "The capture of Raqqa was just five days
        # after Iraqi forces retook Hawija").
        if ctx.lede_day is None or any(main.start <= s.start < main.end for s in r.spots):
            return None
        day, precision = counted_back(ctx.lede_day.date, n, unit)
    elif count.groupdict().get("past"):
        return None  # "The attack came nine months after …": from a day the text does not give
    else:
        day, precision = counted_back(ctx.article.published, n, unit)  # a month or a year stays right
    return ResolvedDate(day, precision, count.group(0).strip(), count.start(), count.end())


def _weekday_phrase(resolved: ResolvedDate, language: str) -> bool:
    """Whether a date is told by its weekday ("on Sunday", "søndag", "tirsdag kveld")."""
    module = for_language(language)
    weekdays = module.dates.weekdays if module is not None and module.dates is not None else {}
    return any(word in weekdays for word in re.findall(r"[^\W\d_]+", resolved.phrase.lower()))


def _period_in_which(r: _Reading, clause: _Clause, ctx: _ArticleContext, g: T.Grammar) -> ResolvedDate | bool | None:
    """The span a relative clause after "after a week in which" happened in: that long before the day of the clause
    before it ("The seizure early Monday comes after a week in which militants seized Mosul and Tikrit": the week
    before that Monday). False for such a span with no date to give (the clause before tells no day, or the span is
    not one week: "after two months in which they retook Qayyara and Sharqat" is before the news, but no month);
    None when the clause follows no such span."""
    index = r.clauses.index(clause)
    if index < 2 or not clause.opener or not g.relative_word.match(clause.opener):
        return None
    span = g.period_in_which_at.match(r.text, r.clauses[index - 1].start)
    if span is None or span.end() != clause.start + len(clause.opener):
        return None
    main = r.clauses[index - 2]
    anchor = next((d for d in _own_dates(r, main) if d.precision == "day"), None)
    n = count_of(span.group("n"), ctx.language)
    if anchor is None or n != 1 or counted_unit(span) != "weeks":
        return False
    day, precision = counted_back(anchor.date, n, "weeks")
    return ResolvedDate(day, precision, span.group(0), span.start(), span.end())


def _after_fighting_span(r: _Reading, clause: _Clause, g: T.Grammar):
    """For a clause after a fronted span of fighting ("… assaulted Idlib on 24 March, and after four days of
    fighting the rebels captured the city"): that many days (or weeks) after the day of the event told in the
    clause before the span, None when that clause told no day; False when the clause follows no such span, has
    a date of its own, or the clause before tells no event ("The next day, after four days of fighting, …")."""
    if _own_dates(r, clause):
        return False
    phrase, index = _fronted_phrase_before(r, clause, g), r.clauses.index(clause)
    if phrase is not None:
        span = g.fighting_span_at.match(r.text, r.clauses[phrase].start)
    else:
        # where "etter" opens no clause: "…, og etter fire dager med kamper inntok opprørerne byen"
        words = r.words(clause.start, clause.end)
        span = g.fighting_span_at.match(r.text, words[1].start) if len(words) > 1 and clause.opener \
            and g.coordinator_word.match(clause.opener) and words[0].lower == clause.opener else None
        phrase = index if span is not None and any(span.end() <= h.start < clause.end for h in r.hits) else None
    if span is None or phrase is None or phrase == 0:
        return False
    before = r.clauses[phrase - 1]
    lone = r.words(before.start, before.end)
    if phrase >= 2 and len(lone) == 1 and g.coordinator_word.match(lone[0].lower):
        before = r.clauses[phrase - 2]  # "…, and after four days of fighting, they captured": past the "and"
    if all(_in_dates(t.start, r) or not t.text[0].isalnum() for t in r.words(before.start, before.end)):
        return False  # "The next day, after four days of fighting, rebels captured": the day is the taking's
    told = [d for d in r.dates if before.start <= d.start and d.end <= before.end]
    n = count_of(span.group("n"), g.code)
    if not told or told[-1].precision != "day" or n is None:
        return None
    if span.group("days"):
        return ResolvedDate(told[-1].date + timedelta(days=n), "day", span.group(0), span.start(), span.end())
    return ResolvedDate(told[-1].date + timedelta(weeks=n), "week", span.group(0), span.start(), span.end())


def _counted_from_clause_after(r: _Reading, clause: _Clause, g: T.Grammar,
                               coarse: ResolvedDate | None) -> ResolvedDate | None:
    """The day of a clause that a counted span in days ties to the day of the clause after it: "regained most of
    the town in a counterattack last week, two days after the army first declared it liberated on Nov. 9" is
    11 November. Only when that day lies inside the clause's own coarser date, if it has one."""
    index = r.clauses.index(clause)
    if index + 1 >= len(r.clauses):
        return None
    following = r.clauses[index + 1]
    counted = _clause_shift_at(r, following, g)
    n, unit = _shift_count(counted, g) if counted is not None else (None, "")
    days = [d for d in _own_dates(r, following) if d.precision == "day"]
    if unit != "days" or len(days) != 1 or n is None:
        return None
    day, _ = shifted(days[0].date, -n if counted.group("before") else n, "days")
    own = [coarse] if coarse is not None else _own_dates(r, clause)
    if any(not (d.date <= day <= _window_end(d)) for d in own):
        return None  # "last week, two days after … on Oct. 9": the count and the clause's own date disagree
    return ResolvedDate(day, "day", counted.group(0), days[0].start, days[0].end)


def _clause_shift_at(r: _Reading, clause: _Clause, g: T.Grammar) -> re.Match | None:
    """The counted span ("two days after", "dagen etter at") that runs into the start of `clause`, its match
    in the text around that start (offsets relative to that window)."""
    offset = max(0, clause.start - 40)
    window = r.text[offset:clause.start + 12]
    return next((m for m in g.clause_shift.finditer(window) if m.start() + offset < clause.start <= m.end() + offset),
                None)


def _shifted_from(counted: re.Match, dates: list[ResolvedDate], g: T.Grammar) -> ResolvedDate | None:
    """The date a counted span ("dagen etter at", "two days after", "et halvt år før") puts a clause at from the
    finest date of the clause before it ("on June 11 last year": the day), when that date is exact enough for the
    count: a day for days, a month or finer for months and half a year (a season then: "half a year" is not
    exact). Weeks are round figures ("two weeks after" may be twelve days or sixteen): no date from them."""
    order = ("day", "week", "month", "season", "year")
    finest = [d for d in dates if d.precision == min((d.precision for d in dates), key=order.index, default=None)]
    if len(finest) != 1:
        return None  # no date, or two of the same precision: which one the count starts from is unclear
    base = finest[0]
    sign = 1 if counted.group("before") else -1
    n, unit = _shift_count(counted, g)
    if counted.group("half"):
        if base.precision not in ("day", "week", "month"):
            return None
        day, _ = shifted(base.date, n * sign, unit)
        return ResolvedDate(_season_start(day), "season", counted.group(0), base.start, base.end)
    if unit == "weeks":
        return None  # "two weeks after" is a round figure, days either way: no week of its own
    allowed = {"days": ("day",), "months": ("day", "week", "month")}[unit]
    if n is None or base.precision not in allowed:
        return None
    day, precision = shifted(base.date, n * sign, unit)
    return ResolvedDate(day, precision, counted.group(0), base.start, base.end)


def _shift_count(counted: re.Match, g: T.Grammar) -> tuple[int | None, str]:
    """How many of which unit a counted span says: "dagen etter at" one day, "two days after" two, "et halvt år
    før" six months."""
    if counted.group("one_day"):
        return 1, "days"
    if counted.group("one_week"):
        return 1, "weeks"
    if counted.group("half"):
        return 6, "months"
    return count_of(counted.group("n"), g.code), counted_unit(counted)


def _fronted_phrase_before(r: _Reading, clause: _Clause, g: T.Grammar) -> int | None:
    """The index of the fronted "after" phrase the clause goes on from, when that phrase ended at its comma
    (`_end_background_phrases`); else None."""
    index = r.clauses.index(clause)
    if clause.opener == "," and index >= 1 and g.background.match(r.clauses[index - 1].opener or " "):
        return index - 1
    return None


def _after_coordinated_fronted_phrase(r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """Whether the clause goes on after "and" and a fronted "after" phrase ("attacked the army on Thursday, and
    after three days of fighting, the army retook the city"): later than the date before, by how much the
    text does not say."""
    phrase = _fronted_phrase_before(r, clause, g)
    return phrase is not None and phrase >= 1 and bool(g.coordinator_word.match(r.clauses[phrase - 1].opener or " ")) \
        and not _own_dates(r, clause)


def _present_tense_subject(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """Whether a base form is a present tense after the clause's own subject, as in a headline or an
    infobox's result ("Syrian Army and allies regain full control of the northern Homs pocket"): a line with
    no full stop (or a chronology's dated line: "April 1 – Iraqi forces capture Tikrit.") whose clause opens with
    forces (and their allies), the verb right after them."""
    forces = [f for f in r.forces if clause.start <= f.start and f.end <= hit.start]
    if not forces or r.text.rstrip()[-1:] in ".!?\"”'’)»" and not _chronology_line(hit, r, g) \
            and not (_BULLET_AT.match(r.text, r.body) and not g.forecast.search(r.text, r.body)
                     and not g.unreal_cue.search(r.text, r.body)) \
            or any(g.saying_word.match(t.lower) for t in r.words(r.body, len(r.text))):
        return False  # (a line with no full stop: "Iraqi forces retake Anah within weeks, commander predicts." is no fact)
    # From the line's start: a label before the forces ("Prediction: SDF forces capture Al-Hawl") makes the
    # line no report, unless it is an infobox's result ("- Result: SDF forces capture Al-Hawl").
    line_start = max(r.body, r.text.rfind("\n", 0, forces[0].start) + 1)
    lead = [t for t in r.words(line_start, forces[0].start) if t.text[0].isalnum()]
    if lead and g.result_label_word.match(lead[0].lower) and r.text[lead[0].end:lead[0].end + 1] in (":", " "):
        lead = lead[1:]
    if 1 < len(lead) <= _CO_SUBJECT_WORDS and g.coordinator_word.match(lead[-1].lower) \
            and ":" not in r.text[line_start:forces[0].start]:
        lead = []  # a group we do not know beside a force: "Anti-government tribesmen and ISIS capture Fallujah"
    tail = r.text[forces[-1].end:hit.start]
    return all(_in_dates(t.start, r) or not t.text[0].isalnum() for t in lead) \
        and g.force_tail.fullmatch(tail) is not None \
        and _side_by_side(forces, r)


def _later_than_fronted_date(hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """Whether a later predicate of a clause whose date stands before its first one is moved on from that
    date by a word the text does not count ("In mid-December, ISIL launched an assault on Palmyra, eventually
    taking the city"; "in July began an offensive and finally retook the city"): after it, no date of its
    own. "now" is the story's present, dated as such."""
    own = [h for h in r.hits if clause.start <= h.start < clause.end]
    first = min((h.start for h in own), default=hit.start)
    if first == hit.start:
        return False
    fronted = [d for d in _own_dates(r, clause) if d.end <= first]
    if not fronted:
        return False
    return any(g.time_shift_word.match(t.lower) and not g.now.fullmatch(t.lower)
               for t in r.words(fronted[-1].end, hit.start))


def _time_moves_on(start: int, end: int, r: _Reading, g: T.Grammar) -> bool:
    """Whether another date or a word that moves the time on stands between two points ("in May lost Ramadi
    and have now retaken it", "on Sunday took the hospital and on Monday declared …")."""
    return any(_in_dates(t.start, r) or g.time_shift_word.match(t.lower) for t in r.words(start, end))


def _coordinated_owner(resolved: ResolvedDate, hit: _Hit, rivals: list[_Hit], r: _Reading, g: T.Grammar) -> _Hit | None:
    """The predicate a date closes when "and" follows it and another predicate comes after: in "retook
    Ramadi in December and drove the militants out of Hit in April", December is the retaking's, however
    near the driving it stands; so when a comma and the next predicate follow it ("captured by rebels in
    2012, overrun by IS in 2014"). None when the date is not so placed."""
    after = re.match(r"\s*(,?)\s*([\w'’]+)", r.text[resolved.end:resolved.end + 20])
    predicates = [hit, *rivals]
    if after is None:
        return None
    if not g.coordinator_word.match(after.group(2).lower()) and not (
            # "captured by rebels in 2012, overrun by IS in 2014": a comma and the next predicate (not a
            # participle telling the same taking: "entered Ramadi in December 2015, recapturing the city")
            after.group(1) and any(h.start == resolved.end + after.start(2) and not _participle_after_comma(h, resolved, r, g)
                                   for h in predicates)):
        return None
    before = [h for h in predicates if h.end <= resolved.start]
    if not before or not any(h.start >= resolved.end for h in predicates):
        return None
    return max(before, key=lambda h: h.end)


def _participle_after_comma(hit: _Hit, resolved: ResolvedDate, r: _Reading, g: T.Grammar) -> bool:
    """Whether a participle follows the date right after its comma ("entered Ramadi in December 2015,
    recapturing the city"; "captured al-Rai later that day, taking … prisoners"): it shares the date of the
    predicate before, not takes it away."""
    between = r.text[resolved.end:hit.start]
    if between.strip() == ",":
        if not _gerund(hit, g):
            return False
    else:
        # "…, the army said on Sunday, extending a push into the desert": the participle's object is the
        # predicate, a few words on
        words = between.split()
        if not (between.lstrip().startswith(",") and 2 <= len(words) <= 4
                and g.gerund_word.match(words[1].lower() if words[0] == "," else words[0].lstrip(",").lower())):
            return False
    following = min((h.start for h in r.hits if h.start > hit.end), default=len(r.text))
    # not "losing it again in December"; "last month's capture of Palmyra" dates that capture
    return not any(hit.end <= d.start < following and r.text[d.end:following].strip() not in ("'s", "’s")
                   for d in r.dates)


def _in_participle_aside(resolved: ResolvedDate, hit: _Hit, r: _Reading, clause: _Clause, g: T.Grammar) -> bool:
    """Whether a date before the predicate stands in an aside in commas that a participle opens ("The
    Syrian Democratic Forces, formed last month, said …"): it dates the participle, not the predicate."""
    if resolved.end > hit.start:
        return False
    opening = r.text.rfind(",", clause.start, resolved.start)
    closing = r.text.find(",", resolved.end, hit.start)
    if opening < 0 or closing < 0:
        return False
    first = re.match(r"\s*([\w'’]+)", r.text[opening + 1:resolved.start])
    return first is not None and g.participle_word.match(first.group(1).lower()) is not None


def _said_on(resolved: ResolvedDate, hit: _Hit, r: _Reading, g: T.Grammar) -> bool:
    """The date of an attribution after the predicate (", opplyste hæren torsdag", ", a monitor said on
    Saturday"): when it was said, which dates a current report but not a background one."""
    if resolved.start < hit.end:
        return False
    segment = r.text[hit.end:resolved.start].rsplit(",", 1)[-1]
    return any(g.saying_word.match(word.lower()) for word in re.findall(r"[\w'’]+", segment))


def _distance(hit: _Hit, resolved: ResolvedDate) -> int:
    """How far a date phrase is from a trigger. Dates usually follow the verb and its object ("retook
    Raqqa last month", "mistet kontrollen over den i oktober"), so a date before the trigger counts triple."""
    if resolved.end <= hit.start:
        return 3 * (hit.start - resolved.end)
    if resolved.start >= hit.end:
        return resolved.start - hit.end
    return 0


# --------------------------------------------------------------------------------------------------
# Claims into events
# --------------------------------------------------------------------------------------------------

def _make_event(ctx: _ArticleContext, sentence: Sentence, claim: _Claim, claimant: str | None, number: int) -> Event | None:
    spot = claim.patient.spot
    place = spot.mention.place
    country = place.country
    force_code = ctx.forces.resolve(claim.force, country)
    previous_code = ctx.forces.resolve(claim.previous, country)
    kind = claim.kind
    contested_by = None
    if kind == CAPTURE:
        if force_code is None:
            return None
        new_force, status = force_code, "held"
    elif kind == LOSS:
        previous_code = previous_code or force_code
        new_force, status = UNKNOWN_FORCE, "held"
    elif kind == CONTEST:
        new_force, status, contested_by = UNKNOWN_FORCE, "contested", force_code
    elif kind == PRESSURE:
        new_force, status, contested_by = UNKNOWN_FORCE, "held", force_code
    else:  # state
        if force_code is None:
            return None
        new_force, status = force_code, "held"
    if previous_code == new_force or kind in (CONTEST, PRESSURE, STATE):
        previous_code = None
    if ctx.forces.foreign_government(new_force if kind in (CAPTURE, STATE) else contested_by, country):
        return None  # "Iraqi forces retook Garma" read as Garmeh in Iran: a misread place colours nothing
    if not ctx.forces.fights_in(new_force if kind in (CAPTURE, STATE) else contested_by, country):
        return None  # "Opprørsgruppene og IS tok Tikrit": Syria's rebels taking an Iraqi town is a misreading

    resolved = claim.date
    late = False
    past = claim.evidence_only or (claim.background and resolved is None) \
        or (resolved is None and ctx.grammar is not None and bool(ctx.grammar.summary_opening.match(sentence.text)
                                                              or ctx.grammar.era_opening.match(sentence.text)
                                                              or ctx.grammar.result_line.match(sentence.text)))
    if past:
        day, precision, phrase = None, "unknown", resolved.phrase if resolved else None
    elif resolved is not None:
        day, precision, phrase = resolved.date, resolved.precision, resolved.phrase
        late = precision == "day" and late_in_day(phrase, ctx.language)
    else:
        day, precision, phrase = ctx.article.published, "unknown", None

    confidence = _BASE_CONFIDENCE[kind] + claim.confidence
    if spot.anaphor:
        confidence -= 0.2
    if claim.generic:
        confidence -= 0.1
    if claimant:
        confidence += 0.1
    if claim.evidence_only:
        confidence = min(confidence, _EVIDENCE_CONFIDENCE)
    return Event(
        event_id=f"{ctx.article.article_id}-{sentence.index:03d}-{number:02d}",
        article_id=ctx.article.article_id,
        sentence_index=sentence.index,
        place_id=place.place_id,
        place_name=place.name,
        country=country,
        mention=spot.mention.surface,
        kind=kind,
        force=new_force,
        previous_force=previous_code,
        status=status,
        contested_by=contested_by,
        share_percent=None,
        date=day,
        date_precision=precision,
        date_phrase=phrase,
        claimant=claimant,
        confidence=round(min(max(confidence, 0.05), 1.0), 2),
        quote=_quote(ctx, sentence),
        past=past,
        late=late,
    )


def _share_event(text: str, r: _Reading, ctx: _ArticleContext, sentence: Sentence, claimant, number) -> Event | None:
    """"Syrian forces control 37 percent of the province": a share claim, kept for the reader beside our estimate."""
    g = ctx.grammar
    match = g.share.search(text)
    if match is None or _partial_of_town(text, g) or _share_of_named_town(match.end(), r):
        return None
    lost = g.share_lost.search(text)
    held = g.share_held.search(text)
    if not (lost or held):
        return None
    before = [f for f in r.forces if f.end <= match.start()]
    if not before:
        return None
    force = ctx.forces.resolve(before[-1].code, None)
    if force is None:
        return None
    if r.regions:
        region = r.regions[-1]
    elif not lost or g.region_anaphor.search(text):
        # "SDF kontrollerer 32 prosent" goes on about the province just named; a loss only with "provinsen".
        region = ctx.last_region
    else:
        region = None
    place = region.place if region else None
    percent = float(match["percent"].replace(",", "."))
    return Event(
        event_id=f"{ctx.article.article_id}-{sentence.index:03d}-{number:02d}",
        article_id=ctx.article.article_id,
        sentence_index=sentence.index,
        place_id=place.place_id if place else None,
        place_name=place.name if place else "",
        country=place.country if place else None,
        mention=region.surface if region else "",
        kind="share",
        force=UNKNOWN_FORCE if lost else force,
        previous_force=force if lost else None,
        status="held",
        contested_by=None,
        share_percent=percent,
        date=ctx.article.published,
        date_precision="unknown",
        date_phrase=None,
        claimant=claimant,
        confidence=round(_BASE_CONFIDENCE["share"] + (0.1 if claimant else 0.0), 2),
        quote=_quote(ctx, sentence),
    )


def _share_of_named_town(end: int, r: _Reading) -> bool:
    """"The SDF controls about 45 percent of Raqqa": the share named is of a town, not of a region; the predicate's
    own reading decides (a part held is a contest only when the sentence says it is so now)."""
    return any(s.start >= end and not (s.landmark or s.region) and re.fullmatch(r"\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?|\s+av\s+",
                                                                                 r.text[end:s.start]) for s in r.spots)


def _partial_of_town(text: str, g: T.Grammar) -> bool:
    """"40 prosent av byen": a share of a town (a fight over it), not of a region."""
    partial = re.compile(r"(?<![\w-])" + g.partial_at.pattern, g.partial_at.flags)
    return bool(partial.search(text)) and bool(re.search(r"(?<![\w-])" + g.town_anaphor_at.pattern, text, g.town_anaphor_at.flags))


# --------------------------------------------------------------------------------------------------
# The sentence's and the article's claims together
# --------------------------------------------------------------------------------------------------

def _with_epithets(events: list[Event], holders: list[str]) -> list[Event]:
    """"IS's last stronghold" beside "retook al-Qaim" names who held it before the change."""
    if not holders:
        return events
    result = []
    for event in events:
        if event.kind == CAPTURE and event.previous_force is None:
            holder = next((h for h in holders if h not in (event.force, None)), None)
            if holder is not None:
                resolved = holder if holder != "GOVERNMENT" else None
                if resolved:
                    event = replace(event, previous_force=resolved)
        result.append(event)
    return result


def _dated_before(holding: Event, taken: date | None) -> bool:
    """Whether a holding has a date of its own before the taking ("Raqqa, under IS control since 2014, fell on
    Tuesday"): since when the loser held the town, a change of its own."""
    return taken is not None and not holding.past and holding.date_precision != "unknown" \
        and holding.date is not None and holding.date < taken


def _merge_same_claims(events: list[Event]) -> list[Event]:
    """Two triggers of one claim are one event; a sentence that both enters and takes a town ("rykket inn
    i Sinjar og heiste flagget over byen") took it."""
    merged: dict[tuple, Event] = {}
    for event in events:
        key = (event.place_id, event.kind, event.force, event.contested_by, event.past)
        earlier = merged.get(key)
        if earlier is None:
            merged[key] = event
        elif earlier.date_precision == "unknown" and event.date_precision != "unknown":
            merged[key] = replace(event, event_id=earlier.event_id)
    kept = list(merged.values())
    # "retook Palmyra from ISIS in March, after losing it in December": lost to the one it was retaken from.
    taken_from = {e.place_id: e.previous_force for e in kept if e.kind == CAPTURE and e.previous_force}
    kept = [replace(e, kind=CAPTURE, force=taken_from[e.place_id], status="held")
            if e.kind == LOSS and taken_from.get(e.place_id) not in (None, e.previous_force, UNKNOWN_FORCE) else e
            for e in kept]
    # "Kurdish-led fighters withdrew from Ras al-Ayn on Sunday, and Turkish-backed rebels entered it hours
    # later": the loss is the other half of the taking the same sentence reports, not a change to nobody.
    captured = {e.place_id: e for e in kept if e.kind == CAPTURE and not e.past}
    lost = {e.place_id: e for e in kept if e.kind == LOSS and e.force == UNKNOWN_FORCE and not e.past
            and e.place_id in captured and captured[e.place_id].force != e.previous_force
            and captured[e.place_id].date == e.date}
    kept = [e for e in kept if not (e.place_id in lost and e is lost[e.place_id])]
    kept = [replace(e, previous_force=lost[e.place_id].previous_force)
            if e.kind == CAPTURE and e.place_id in lost and e.previous_force is None else e for e in kept]
    # "rykket inn i Amirli søndag, og mandag er byen under regjeringens kontroll": the way in to a taking or
    # a holding the same sentence reports, not a fight of its own.
    taken = {(e.place_id, e.force) for e in kept if e.kind in (CAPTURE, STATE) and not e.past}
    kept = [e for e in kept if not (e.kind == CONTEST and (e.place_id, e.contested_by) in taken)]
    # Who held a place before, said in passing ("Hawija, en av de siste byene som var under IS' kontroll"),
    # is the previous holder of the change the sentence reports, and no claim of its own.
    taken_by = {e.place_id: e.force for e in kept if e.kind == CAPTURE and not e.past}
    held_before = {e.place_id: e.force for e in kept if e.kind == STATE and (
        e.past or taken_by.get(e.place_id) not in (None, e.force))}
    taken_on = {e.place_id: e.date for e in kept if e.kind == CAPTURE and not e.past and e.date_precision != "unknown"}
    result = []
    for event in kept:
        if event.kind == STATE and event.place_id in held_before and held_before[event.place_id] == event.force \
                and not _dated_before(event, taken_on.get(event.place_id)):
            continue  # "Rawa, the last town held by ISIS, was recaptured": who held it before, no claim of its own
        holder = held_before.get(event.place_id)
        if event.kind in (CAPTURE, LOSS) and event.previous_force is None and holder not in (None, event.force):
            event = replace(event, previous_force=holder)
        result.append(event)
    return result


def _disputed(events: list[Event], ctx: _ArticleContext, sentences: list[Sentence]) -> list[Event]:
    """A declared victory the article itself contradicts ("the army declared victory in Albu Kamal last
    week. But IS fighters have since pushed back into parts of the town"; "erklærte seier i Fallujah
    17. juni, …, men kampene fortsatte"): kept as evidence, no change."""
    g = ctx.grammar
    if g is None or not ctx.declared:
        return events
    disputed: set[tuple[int, str]] = set()
    for index, place_id in ctx.declared:
        text = sentences[index].text
        following = sentences[index + 1].text if index + 1 < len(sentences) else ""
        # "Militants said they had seized Haditha, but officials said the town remained in government
        # hands": the rest of the sentence says it is still held or still fought over.
        but = g.contradiction_clause.search(text)
        # (not clearing up after the taking: "Bashiqa has been retaken, although some back clearing still continues")
        same = but and (g.combat.search(text[but.end():])
                        or g.still.search(text[but.end():]) and not g.mop_up.search(text[but.end():]))
        nxt = g.contradiction_at.match(following) and (g.combat.search(following) or any(
            t.trigger.kind in (CONTEST, CAPTURE) for t in _trigger_hits(following, g)))
        # "… troops had raised the Syrian flag over Manbij. A spokesman … said the claim was "incorrect"": the
        # next sentence calls the claim untrue.
        refuted = g.claim_refuted.search(following)
        nxt = nxt or refuted is not None and not g.negation_end.search(following[:refuted.start()])
        if same or nxt:
            disputed.add((index, place_id))
    result = []
    for event in events:
        if (event.sentence_index, event.place_id) in disputed and event.kind == CAPTURE and not event.past:
            event = replace(event, date=None, date_precision="unknown", past=True,
                            confidence=min(event.confidence, _EVIDENCE_CONFIDENCE))
        result.append(event)
    return result


def _tells_change_as_fact(text: str, kinds: tuple[str, ...], towns: list[tuple[int, int]], day: tuple[int, int],
                          g: T.Grammar) -> bool:
    """Whether a sentence has a predicate of one of `kinds` whose subject or object is one of `towns` (spans
    of the sentence; the town whole, not "part of", "most of" or "the town's centre"), that is no infinitive
    ("vowed to free", "lovet å frigjøre"), has no modal or negation about it ("will liberate", "had not
    fallen", "falt ikke"), after no verb of saying, and with no relative clause between it and its day (at
    `day`, its span), which would be another verb's."""
    words = _tokens(text)
    relatives = [t.start for t in words if g.relative_word.match(t.lower)]
    said = [t.start for t in words if g.saying_word.match(t.lower)]
    whole = []
    for start, end in towns:
        before = [t for t in words if t.end <= start][-1:]
        if before and g.of_at.match(text, max(0, before[0].start - 1)):
            continue  # "Part of the town fell", "Store deler av byen falt"
        if re.match(r"['’]s\b", text[end:end + 3]):
            continue
        whole.append((start, end))
    for hit in _trigger_hits(text, g):
        if hit.trigger.kind not in kinds or g.base_form_word.match(hit.text.lower()):
            continue
        before = [t for t in words if t.end <= hit.start]
        after = [t for t in words if t.start >= hit.end]
        if any(min(hit.start, day[0]) < at < max(hit.end, day[0]) for at in relatives):
            continue  # "Forces captured the town, which they had encircled on Sunday": the day is another verb's
        if any(at < hit.start for at in said):
            continue  # "IS denied on Sunday that the city had fallen": the day is the saying's ("…, skriver NTB" is not)
        if _cue_before(before, g.modal_end, g) or _cue_before(before, g.negation_end, g) \
                or after and g.negation_after_word.match(after[0].lower):
            continue
        subject = any(end <= hit.start and len([t for t in words if end <= t.start and t.end <= hit.start]) <= 2
                      for start, end in whole)
        # (the day between them counts for nothing: "tok fredag kveld kontroll over byen")
        patient = any(start >= hit.end and len([t for t in words if hit.end <= t.start and t.end <= start
                                                and not day[0] <= t.start < day[1]]) <= 2 for start, end in whole)
        if subject or patient:
            return True
    return False


def _restated(events: list[Event]) -> list[Event]:
    """An article that dates a change once and mentions it again without a date ("the liberation of
    Hawija", "the fall of Mosul") means that change, not a new one on the day it was published; a town
    lost without a named taker, that the article says someone took, was taken by them."""
    dated: dict[tuple, list[Event]] = {}
    for event in events:
        if event.kind in (CAPTURE, STATE, CONTEST) and not event.past and event.date_precision != "unknown":
            dated.setdefault((event.place_id, event.force, event.contested_by, event.status), []).append(event)
    taken = {(e.place_id, e.force) for e in events if e.kind == CAPTURE and not e.past}
    held_on = {(e.place_id, e.force, e.date) for e in events
               if e.kind in (CAPTURE, STATE) and e.status == "held" and not e.past and e.date_precision != "unknown"}
    taken_on_day: dict[tuple, list[date]] = {}
    for event in events:
        if event.kind == CAPTURE and not event.past and event.date_precision == "day":
            taken_on_day.setdefault((event.place_id, event.force), []).append(event.date)
    result = []
    for event in events:
        coarse = event.kind == CAPTURE and not event.past and event.date_precision in ("week", "month")
        window_end = _window_end(ResolvedDate(event.date, event.date_precision, "", 0, 0)) if coarse else None
        if coarse and any(event.date - _SAME_WEEK <= day <= window_end
                          and not _changed_hands(event.place_id, event.force, day, window_end, events)
                          for day in taken_on_day.get((event.place_id, event.force), ())):
            # "after their victory in Fallujah this week", in a story that dates the liberation to Sunday: the
            # same taking, told again at a coarser date, not a second one.
            event = replace(event, date=None, date_precision="unknown", past=True,
                            confidence=min(event.confidence, _EVIDENCE_CONFIDENCE))
        elif event.kind == CONTEST and not event.past and event.date_precision != "unknown" \
                and (event.place_id, event.contested_by, event.date) in held_on:
            # "took control of most of Mosul … entirely in insurgent hands as of 10 June": the fight ended in
            # a taking that day, one change
            event = replace(event, date=None, past=True, confidence=min(event.confidence, _EVIDENCE_CONFIDENCE))
        elif event.kind == CONTEST and not event.past and event.date_precision == "unknown" \
                and (event.place_id, event.contested_by) in taken:
            # "Rebels captured Dabiq on Sunday. … fighters entered the town in the morning": the way in to
            # a capture the article reports, not a fight of its own.
            event = replace(event, date=None, past=True, confidence=min(event.confidence, _EVIDENCE_CONFIDENCE))
        elif not event.past and event.date_precision == "unknown" and event.kind in (CAPTURE, STATE, CONTEST):
            same = dated.get((event.place_id, event.force, event.contested_by, event.status), [])
            first = same[0] if len({(e.date, e.date_precision) for e in same}) == 1 else None
            if first is not None and timedelta(0) <= event.date - first.date <= _RECENT:
                event = replace(event, date=first.date, date_precision=first.date_precision,
                                date_phrase=first.date_phrase, late=first.late)
        elif event.kind == LOSS and not event.past and event.date_precision == "unknown" and any(
                place == event.place_id and force != event.previous_force for place, force in taken):
            event = replace(event, date=None, past=True, confidence=min(event.confidence, _EVIDENCE_CONFIDENCE))
        elif event.kind == LOSS and not event.past and event.force == UNKNOWN_FORCE and any(
                e.kind == CAPTURE and not e.past and e.place_id == event.place_id
                and e.sentence_index == event.sentence_index and e.date == event.date for e in events):
            # "IS inntok Ramadi i midten av mai …, og tapet av byen var et hardt slag": the loss of the taking
            # the sentence tells, seen from the loser's side; nobody unknown took the town
            event = replace(event, date=None, past=True, confidence=min(event.confidence, _EVIDENCE_CONFIDENCE))
        result.append(event)
    return result


def _changed_hands(place_id: str, force: str, after: date, until: date, events: list[Event]) -> bool:
    """Whether the article has the place lost, or taken by another force, after `after` and by `until`: a
    taking by `force` in that time is a new one ("… Islamic State fighters recaptured the town on Wednesday.
    Kurdish forces retook Tal Abyad again this week")."""
    return any(e.place_id == place_id and not e.past and e.date_precision != "unknown" and after < e.date <= until
               and (e.kind == LOSS or e.kind == CAPTURE and e.force != force) for e in events)


def _lede_dated_by_next_sentence(events: list[Event], ctx: _ArticleContext, sentences: list[Sentence],
                                 by_sentence: dict[int, list[Mention]]) -> list[Event]:
    """A wire story's lede says what happened without a day ("Iraqi forces have taken full control of
    Anah, the joint command said") and its next sentence gives the day ("The town fell on Thursday after
    two days of fighting"): the lede's taking or fight happened that day, not on the day the story ran.
    Only a day of the last week, the only one the next sentence gives, when that sentence tells the same kind
    of change as a fact with that town as its subject or object (`_tells_change_as_fact`), names no other town
    and claims nothing of its own; otherwise the claim keeps the publication day, the latest it may mean."""
    g = ctx.grammar
    if g is None or not events or ctx.article.published_precision != "day":
        return events
    lede = min(e.sentence_index for e in events)
    undated = [e for e in events if e.sentence_index == lede and not e.past and e.date_precision == "unknown"
               and e.kind in (CAPTURE, CONTEST)]
    places = {e.place_id for e in undated}
    position = next((i for i, s in enumerate(sentences) if s.index == lede), None)
    if len(places) != 1 or position is None or position + 1 >= len(sentences):
        return events
    following = sentences[position + 1]
    if g.caption.search(following.text):
        return events  # a photo's day is when it was taken
    if g.onset.search(following.text) and any(e.kind == CAPTURE for e in undated):
        return events  # "The offensive began on Monday": when the fight for it began, not when it was taken
    if any(m.kind == "town" and m.place is not None and m.place.place_id not in places
           for m in by_sentence[following.index]):
        return events
    if any(e.sentence_index == following.index and not e.past for e in events):
        return events  # its date is its own claim's
    # It must tell, as a fact, a change of the same kind with that town (named again, or "the town", "byen")
    # as its subject or object: "The town fell on Thursday", "tok fredag kveld kontroll over byen". Not merely
    # give a day ("Abadi had promised on Wednesday to liberate it", "A photo taken on Tuesday", "Part of the
    # town fell on Sunday", "IS denied on Sunday that the city had fallen").
    text = following.text
    towns = [(m.start - following.start, m.end - following.start) for m in by_sentence[following.index]
             if m.place is not None and m.place.place_id in places]
    for t in _tokens(text):
        m = g.town_anaphor_at.match(text, t.start)
        if m:
            towns.append((t.start, m.end()))
    published = ctx.article.published
    days = [d for d in find_dates(text, ctx.language, published)
            if d.precision in ("day", "week") and d.date <= published and _window_end(d) >= published - _LAST_WEEK
            and not g.until_end.search(text[max(0, d.start - 12):d.start])
            and not g.reference_date_end.search(text[max(0, d.start - 30):d.start])]
    if not days:
        return events
    # "torsdag i forrige uke" is one day, written as a day and its week
    best = min(days, key=lambda d: PRECISION_ORDER.index(d.precision))
    if any(not d.date <= best.date <= _window_end(d) for d in days):
        return events
    if not _tells_change_as_fact(text, (CAPTURE, LOSS, FALL) if any(e.kind == CAPTURE for e in undated) else (CONTEST,),
                                 towns, (best.start, best.end), g):
        return events
    day, precision, phrase = best.date, best.precision, best.phrase
    late = precision == "day" and late_in_day(phrase, ctx.language)
    return [replace(e, date=day, date_precision=precision, date_phrase=phrase, late=late) if e in undated else e
            for e in events]


def _unattacked(events: list[Event]) -> list[Event]:
    """A fight nobody is named fighting ("partner forces had cleared 80 percent of Raqqa"), a fall nobody is
    named losing or winning ("the fall of Mosul in June 2014"): the town changed or is fought over, but the
    text does not say who; evidence only."""
    return [replace(e, date=None, date_precision="unknown", past=True, confidence=min(e.confidence, _EVIDENCE_CONFIDENCE))
            if not e.past and (e.kind == CONTEST and e.contested_by is None or e.kind == LOSS and e.previous_force is None)
            else e for e in events]


def _adopt_attackers(events: list[Event]) -> list[Event]:
    """A fight whose attacker the sentence leaves out is fought by the force pressing that place in the article."""
    pressing = {(e.place_id, e.date): e.contested_by for e in events if e.kind == "pressure" and e.contested_by}
    adopted = []
    for event in events:
        if event.kind == "contest" and event.contested_by is None:
            attacker = pressing.get((event.place_id, event.date))
            if attacker:
                event = replace(event, contested_by=attacker)
        adopted.append(event)
    return adopted
