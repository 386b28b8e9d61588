"""Control events: who took, lost, fights over, presses or holds which place, on what date, per whom.

One article at a time, one sentence at a time: find the triggers of `geo.triggers`, the places they are
about (named, or pointed back to with "byen"/"the town"), the force behind each, the date phrase closest
to it and the claimant the sentence attributes it to. What the text does not say stays unknown: a place
lost to nobody named goes to `UNKNOWN`, an undated claim keeps precision `unknown` and the article's
publication date as the latest day it can describe.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from geo import triggers as T
from geo.articles import Article
from geo.dates import find_dates
from geo.forces import GOVERNMENT, ClaimantCatalogue, ForceCatalogue, PhraseHit
from geo.schema import UNKNOWN_FORCE
from geo.text import LiteralFilter, Sentence, split_sentences
from geo.toponyms import Mention

_BASE_CONFIDENCE = {"capture": 0.8, "loss": 0.7, "contest": 0.7, "pressure": 0.6, "state": 0.6, "share": 0.6}
_GENERIC_FORCE_WORDS = {"gruppen", "gruppa", "the group", "kalifatet", "the terrorists", "terrorists"}
_LATE_IN_DAY = ("kveld", "natt", "night", "evening")
# "natt til fredag", "natten til fredag": the night that ends on the day named.
_NIGHT_BEFORE = re.compile(r"\bnatt(?:en)?\s+til\b", re.IGNORECASE)


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


@dataclass(frozen=True)
class _Target:
    mention: Mention
    position: int
    via_anaphor: bool


@dataclass(frozen=True)
class _Hit:
    trigger: T.Trigger
    start: int
    end: int
    text: str


# Which trigger patterns a sentence could match at all (most sentences have none of their words).
_TRIGGER_FILTERS = {language: LiteralFilter(t.pattern for t in triggers) for language, triggers in T.TRIGGERS.items()}


def _trigger_hits(sentence: str, language: str) -> list[_Hit]:
    triggers = T.TRIGGERS.get(language, ())
    if not triggers:
        return []
    hits = [
        _Hit(trigger, m.start(), m.end(), m.group(0))
        for trigger, possible in zip(triggers, _TRIGGER_FILTERS[language].possible(sentence)) if possible
        for m in trigger.pattern.finditer(sentence)
    ]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def _is_hypothetical(sentence: str, hit: _Hit) -> bool:
    return bool(T.HYPOTHETICAL_BEFORE.search(sentence[: hit.start]) or T.CONDITIONAL_START.match(sentence))


def _force_for(hit: _Hit, forces: list[PhraseHit], sentence: str) -> PhraseHit | None:
    """The force a trigger names: its subject, its agent, or the force written into the phrase."""
    if hit.trigger.actor == "agent":
        after = [f for f in forces if f.start >= hit.end]
        return after[0] if after else None
    inside = [f for f in forces if f.start < hit.end and f.end > hit.start]
    if hit.trigger.actor == "inside":
        if inside:
            return inside[0]
        adjacent_before = [f for f in forces if f.end <= hit.start and hit.start - f.end <= 3]
        if adjacent_before:
            return adjacent_before[-1]
        after = [f for f in forces if f.start >= hit.end and f.start - hit.end <= 25]
        if after:
            return after[0]
    before = [f for f in forces if f.end <= hit.start and not T.PREVIOUS_HOLDER.search(sentence[: f.start][-70:])]
    if before:
        return before[-1]
    return inside[0] if inside else None


def _previous_force(hit: _Hit, forces: list[PhraseHit], sentence: str) -> PhraseHit | None:
    """A holder the sentence says the place was taken from ("erobret fra IS", "retaking it from Daesh")."""
    for force in forces:
        if force.start >= hit.end and T.PREVIOUS_HOLDER.match(sentence[hit.end:force.start]):
            return force
    return None


def _targets_for(hit: _Hit, targets: list[_Target], next_trigger_start: int) -> list[_Target]:
    """The places a trigger is about: those after it up to the next trigger, else after it, else the nearest before."""
    after = [t for t in targets if hit.end <= t.position < next_trigger_start]
    if after:
        return after
    after = [t for t in targets if t.position >= hit.end]
    if after:
        return after
    before = [t for t in targets if t.position < hit.start]
    return before[-1:] if before else []


def _resolve_force(code: str | None, country: str | None, catalogue: ForceCatalogue) -> str | None:
    if code == GOVERNMENT:
        return catalogue.government_of(country)
    return code


def _late_in_day(phrase: str) -> bool:
    if _NIGHT_BEFORE.search(phrase):
        # "natt til fredag" is the night before Friday, and `geo.dates` already puts it on Friday.
        return False
    return any(word in phrase.lower() for word in _LATE_IN_DAY)


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


@dataclass
class _ArticleContext:
    article: Article
    language: str
    forces: ForceCatalogue
    claimants: ClaimantCatalogue
    focus: Mention | None
    last_town: Mention | None = None
    last_town_sentence: int = -10
    last_region: Mention | None = None
    anchor: object = None  # the last ResolvedDate of the article, keeping its precision


def extract_events(
    article: Article,
    mentions: list[Mention],
    forces: ForceCatalogue,
    claimants: ClaimantCatalogue,
    language: str,
) -> list[Event]:
    """Every control event of one article, in text order."""
    return extract_events_in(article, split_sentences(article.text), mentions, forces, claimants, language)


def extract_events_in(
    article: Article,
    sentences: list[Sentence],
    mentions: list[Mention],
    forces: ForceCatalogue,
    claimants: ClaimantCatalogue,
    language: str,
) -> list[Event]:
    """`extract_events` on the article already split into `sentences` (`split_sentences(article.text)`)."""
    by_sentence: dict[int, list[Mention]] = {s.index: [] for s in sentences}
    starts = [s.start for s in sentences]
    for mention in mentions:
        # The sentence the mention starts in: the last one starting at or before it, if it reaches that far.
        i = bisect_right(starts, mention.start) - 1
        if i >= 0 and mention.start < sentences[i].end:
            by_sentence[sentences[i].index].append(mention)
    # The triggers of each sentence that claim something happened (not "may", "will", "not"), found once.
    claims = [[h for h in _trigger_hits(s.text, language) if not _is_hypothetical(s.text, h)] for s in sentences]
    claimed = {
        m.place.place_id
        for s, hits in zip(sentences, claims)
        if hits
        for m in by_sentence[s.index]
        if m.place is not None
    }
    context = _ArticleContext(article, language, forces, claimants, focus_town(mentions, claimed))
    events: list[Event] = []
    for sentence, hits in zip(sentences, claims):
        events.extend(_sentence_events(sentence, by_sentence[sentence.index], hits, context, len(events)))
    return _adopt_attackers(events)


def _sentence_events(sentence: Sentence, mentions: list[Mention], hits: list[_Hit], ctx: _ArticleContext,
                     numbered: int) -> list[Event]:
    text = sentence.text
    published_precision = ctx.article.published_precision
    dates = find_dates(text, ctx.language, ctx.article.published, published_precision, anchor=ctx.anchor)
    if dates:
        ctx.anchor = dates[-1]
    towns = [m for m in mentions if m.kind == "town" and m.place is not None]
    regions = [m for m in mentions if m.kind == "region" and m.place is not None]
    if not hits and T.SHARE.search(text) is None:
        # No claim in this sentence (most sentences): only its dates and places matter to the next ones.
        _remember_places(ctx, towns, regions, sentence.index)
        return []
    # Positions in the sentence (the mentions keep their offsets in the article).
    targets = [_Target(m, m.start - sentence.start, False) for m in towns]
    if not towns:
        targets = _anaphoric_targets(text, ctx, sentence.index)
    force_hits = ctx.forces.find(text, ctx.language)
    claimant = ctx.claimants.claimant_of(text, ctx.language)

    events: list[Event] = []
    share = _share_event(text, force_hits, regions, ctx, sentence, claimant, numbered)
    if share is not None:
        events.append(share)
    date_for_hit = _bind_dates(hits, dates)
    combat = bool(T.COMBAT.search(text))
    for i, hit in enumerate(hits):
        kind = hit.trigger.kind
        if share is not None and kind in ("loss", "state"):
            continue
        if kind == "capture" and T.PARTIAL_OBJECT.match(text[hit.end:]) and not T.WHOLE_OBJECT.match(text[hit.end:]):
            kind = "contest"
        if kind == "pressure" and combat and hit.trigger.actor == "agent":
            # "600 IS fighters are encircled and the fighting is fierce": fighting inside the ring.
            kind = "contest"
        next_start = hits[i + 1].start if i + 1 < len(hits) else len(text)
        actor = _force_for(hit, force_hits, text)
        previous = _previous_force(hit, force_hits, text) if kind == "capture" else None
        background = bool(T.BACKGROUND_BEFORE.search(text[: hit.start]))
        for target in _targets_for(hit, targets, next_start):
            event = _make_event(
                ctx, sentence, target, kind, hit, actor, previous, date_for_hit.get(i), claimant,
                background, numbered + len(events),
            )
            if event is not None:
                events.append(event)
    _remember_places(ctx, towns, regions, sentence.index)
    return _merge_same_claims(_fold_states_into_changes(events))


def _anaphoric_targets(text: str, ctx: _ArticleContext, index: int) -> list[_Target]:
    focus = T.FOCUS_ANAPHOR.search(text)
    if focus and ctx.focus is not None:
        return [_Target(ctx.focus, focus.start(), True)]
    town = T.TOWN_ANAPHOR.search(text)
    if town:
        recent = ctx.last_town if index - ctx.last_town_sentence <= 3 else None
        chosen = recent or ctx.focus
        if chosen is not None:
            return [_Target(chosen, town.start(), True)]
    return []


def _remember_places(ctx: _ArticleContext, towns: list[Mention], regions: list[Mention], index: int) -> None:
    if towns:
        ctx.last_town, ctx.last_town_sentence = towns[-1], index
    if regions:
        ctx.last_region = regions[-1]


def _bind_dates(hits: list[_Hit], dates) -> dict[int, object]:
    """Give each date phrase to the trigger it most likely dates; a trigger with none stays undated."""
    bound: dict[int, object] = {}
    for resolved in dates:
        if not hits:
            break
        nearest = min(range(len(hits)), key=lambda i: _distance(hits[i], resolved))
        current = bound.get(nearest)
        if current is None or _distance(hits[nearest], resolved) < _distance(hits[nearest], current):
            bound[nearest] = resolved
    return bound


def _distance(hit: _Hit, resolved) -> int:
    """How far a date phrase is from a trigger. Dates usually follow the verb and its object ("retook
    Raqqa last month", "mistet kontrollen over den i oktober"), so a date before the trigger counts triple."""
    if resolved.end <= hit.start:
        return 3 * (hit.start - resolved.end)
    if resolved.start >= hit.end:
        return resolved.start - hit.end
    return 0


def _make_event(ctx, sentence, target, kind, hit, actor, previous, resolved, claimant, background, number):
    place = target.mention.place
    country = place.country
    force_code = _resolve_force(actor.code if actor else None, country, ctx.forces)
    previous_code = _resolve_force(previous.code if previous else None, country, ctx.forces)
    contested_by = None
    if kind == "capture":
        if force_code is None:
            return None
        new_force, status = force_code, "held"
    elif kind == "loss":
        previous_code = force_code or previous_code
        new_force, status = UNKNOWN_FORCE, "held"
    elif kind == "contest":
        new_force, status, contested_by = UNKNOWN_FORCE, "contested", force_code
    elif kind == "pressure":
        new_force, status, contested_by = UNKNOWN_FORCE, "held", force_code
    else:  # state
        if force_code is None:
            return None
        new_force, status = force_code, "held"
    if previous_code == new_force:
        previous_code = None

    past = hit.trigger.past or (background and resolved is None)
    if past:
        day, precision, phrase = None, "unknown", resolved.phrase if resolved else None
    elif resolved is not None:
        day, precision, phrase = resolved.date, resolved.precision, resolved.phrase
        if precision == "day" and _late_in_day(phrase):
            # The map shows each day's state as reported by day: what starts in the evening or the night
            # ("torsdag kveld", "Thursday night") shows from the next morning.
            day = min(day + timedelta(days=1), ctx.article.published)
    else:
        day, precision, phrase = ctx.article.published, "unknown", None

    confidence = _BASE_CONFIDENCE[kind]
    if target.via_anaphor:
        confidence -= 0.2
    if actor is not None and actor.text.lower() in _GENERIC_FORCE_WORDS:
        confidence -= 0.1
    if claimant:
        confidence += 0.1
    return Event(
        event_id=f"{ctx.article.article_id}-{sentence.index:03d}-{number:02d}",
        article_id=ctx.article.article_id,
        sentence_index=sentence.index,
        place_id=place.place_id,
        place_name=place.name,
        country=country,
        mention=target.mention.surface,
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
        quote=sentence.text,
        past=past,
    )


def _share_event(text, force_hits, regions, ctx, sentence, claimant, number) -> Event | None:
    """"Syrian forces control 37 percent of the province": a share claim, kept for the reader beside our estimate."""
    match = T.SHARE.search(text)
    if match is None or T.PARTIAL_OBJECT.search(text) and T.TOWN_ANAPHOR.search(text):
        return None
    lost = T.SHARE_LOST.search(text)
    held = T.SHARE_HELD.search(text)
    if not (lost or held):
        return None
    before = [f for f in force_hits if f.end <= match.start()]
    if not before:
        return None
    force = _resolve_force(before[-1].code, None, ctx.forces)
    if force is None:
        return None
    if regions:
        region = regions[-1]
    elif not lost or T.REGION_ANAPHOR.search(text):
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
        quote=sentence.text,
    )


def _fold_states_into_changes(events: list[Event]) -> list[Event]:
    """A "last bastion of IS" beside "retook al-Qaim" names who held it before: fold it into the change."""
    stated_holder: dict[str | None, str] = {}
    for event in events:
        if event.kind == "state":
            stated_holder.setdefault(event.place_id, event.force)
    changed = {e.place_id for e in events if e.kind in ("capture", "loss")}
    folded = []
    for event in events:
        if event.kind == "state" and event.place_id in changed:
            continue
        holder = stated_holder.get(event.place_id)
        if event.kind == "capture" and event.previous_force is None and holder not in (None, event.force):
            event = replace(event, previous_force=holder)
        folded.append(event)
    return folded


def _merge_same_claims(events: list[Event]) -> list[Event]:
    """Two triggers of one claim ("counterattacking … and retook 40 percent") are one event."""
    merged: dict[tuple, Event] = {}
    for event in events:
        key = (event.place_id, event.kind, event.force, event.contested_by, event.past)
        earlier = merged.get(key)
        if earlier is None:
            merged[key] = event
        elif earlier.date_precision == "unknown" and event.date_precision != "unknown":
            merged[key] = replace(event, event_id=earlier.event_id)
    return list(merged.values())


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
