"""An analyst's decisions on extracted events: confirm, reject, correct, or add one the machine missed.

Machine extraction proposes; an analyst disposes. A decision names the event it is about by what stays
the same when the articles are read again: the article, the quote, the place and the kind of claim
(`DecisionKey`), never the event's number, which changes when the extractor does. The build applies the
decisions to what it extracted (`apply_decisions`):

- a rejected event is kept and marked `rejected`: it is listed with the events, but colours nothing;
- a corrected one takes the analyst's force, status, date, precision and place;
- a confirmed one is marked as such, so the map can tell it from a claim only the machine read;
- an added one is an event in its own right, made from a quote that must be in the article;
- a decision that matches nothing any more (the article changed, the extractor reads the quote otherwise)
  is listed as unmatched, never dropped without a word.

Everything here is pure: the database (`geo.store`) keeps the decisions, the build applies them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime

from geo.events import Event
from geo.schema import PRECISION_ORDER

ACTIONS = ("confirm", "reject", "correct", "add")
STATUSES = ("held", "contested")
#: What the map says of an event: read by the machine only, or as an analyst decided.
REVIEW_STATES = ("machine", "confirmed", "corrected", "added", "rejected")
_REVIEW_OF_ACTION = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected", "add": "added"}
#: Kinds an analyst can correct: `share` (a share of territory) colours no town, so there is nothing to fix.
CORRECTABLE_KINDS = ("capture", "loss", "contest", "pressure", "state")
MAX_REASON_CHARS = 1000
MAX_QUOTE_CHARS = 2000


class ReviewError(ValueError):
    """A decision that cannot be taken; the message says why, in words an analyst can act on."""


@dataclass(frozen=True)
class DecisionKey:
    """What a decision is about, in terms that survive a new extraction of the same articles."""

    article_id: str
    quote: str
    place_id: str
    kind: str
    #: Which of the events with the same four the sentence makes, in order: "IS captured Mosul in 2014, and
    #: Iraqi forces recaptured Mosul in 2017" is two captures of Mosul in one quote (see `number_occurrences`).
    occurrence: int = 0

    @property
    def digest(self) -> str:
        """A fixed-length key for the database's unique index (a quote can be long)."""
        parts = [self.article_id, " ".join(self.quote.split()), self.place_id, self.kind]
        if self.occurrence:
            parts.append(str(self.occurrence))
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Correction:
    """The analyst's reading of a quote: who holds the place (and who contests it), from when, where."""

    force: str
    status: str  # held | contested
    place_id: str
    date: date | None = None
    date_precision: str = "unknown"
    contested_by: str | None = None


@dataclass(frozen=True)
class Decision:
    key: DecisionKey
    action: str
    reason: str
    editor: str
    correction: Correction | None = None
    decided_at: datetime | None = None
    version: int = 0  # 0 until stored; each change stored makes it one more


def event_key(event: Event) -> DecisionKey:
    return DecisionKey(event.article_id, event.quote, event.place_id or "", event.kind, event.occurrence)


def number_occurrences(events: list[Event]) -> list[Event]:
    """`events` (in the order the articles make them) with `occurrence` set: the how-manyeth event with the
    same article, quote, place and kind each is, so a decision names one of them, never all."""
    seen: dict[tuple, int] = {}
    numbered = []
    for event in events:
        group = (event.article_id, " ".join(event.quote.split()), event.place_id or "", event.kind)
        count = seen.get(group, 0)
        seen[group] = count + 1
        numbered.append(event if event.occurrence == count else replace(event, occurrence=count))
    return numbered


def review_state(decision: Decision | None) -> str:
    return "machine" if decision is None else _REVIEW_OF_ACTION[decision.action]


def check_decision(
    decision: Decision,
    article_text: str | None,
    forces: Iterable[str],
    known_place: Callable[[str], bool],
) -> Decision:
    """`decision` if it can be taken, else `ReviewError` saying why. Whatever a page sent, this runs on the
    server before anything is stored: the article must exist, an added event's quote must be in it, a
    correction must name known forces and a known place, and every decision must give its reason."""
    forces = set(forces)
    if decision.action not in ACTIONS:
        raise ReviewError(f"unknown action {decision.action!r}: one of {', '.join(ACTIONS)}")
    if not decision.editor.strip():
        raise ReviewError("a decision needs the name of the analyst who took it")
    reason = decision.reason.strip()
    if not reason:
        raise ReviewError("give a reason: the next analyst reads it to know why the map says what it says")
    if len(reason) > MAX_REASON_CHARS:
        raise ReviewError(f"the reason is {len(reason):,} characters; at most {MAX_REASON_CHARS:,}")
    key = decision.key
    if article_text is None:
        raise ReviewError(f"no article {key.article_id!r} in the corpus or the database")
    quote = key.quote.strip()
    if not quote:
        raise ReviewError("the quote is empty")
    if len(quote) > MAX_QUOTE_CHARS:
        raise ReviewError(f"the quote is {len(quote):,} characters; at most {MAX_QUOTE_CHARS:,}")
    if decision.action == "add" and " ".join(quote.split()) not in " ".join(article_text.split()):
        raise ReviewError("the quote is not in the article: copy it from the article's text, word for word")
    # A share claim may name no place at all (its event's place_id is None): it can still be confirmed or
    # rejected, the only decisions a share claim takes.
    if (key.place_id or decision.action in ("correct", "add")) and not known_place(key.place_id):
        raise ReviewError(f"unknown place {key.place_id!r}")
    if decision.action in ("correct", "add"):
        if key.kind not in CORRECTABLE_KINDS:
            raise ReviewError(f"a {key.kind!r} claim colours no town and cannot be corrected; reject it instead")
        _check_correction(decision.correction, forces, known_place)
    elif decision.correction is not None:
        raise ReviewError(f"a {decision.action} decision takes no corrected values")
    return replace(decision, reason=reason, key=replace(key, quote=quote) if decision.action == "add" else key)


def _check_correction(correction: Correction | None, forces: set[str], known_place) -> None:
    if correction is None:
        raise ReviewError("a correction needs the corrected force, status and place")
    if correction.force not in forces:
        raise ReviewError(f"unknown force {correction.force!r}: one of {', '.join(sorted(forces))}")
    if correction.status not in STATUSES:
        raise ReviewError(f"status must be held or contested, not {correction.status!r}")
    if correction.status == "contested":
        if correction.contested_by not in forces:
            raise ReviewError("a contested place needs the force contesting it")
        if correction.contested_by == correction.force:
            raise ReviewError("a force cannot contest a place it holds")
    elif correction.contested_by is not None:
        raise ReviewError("only a contested place has a force contesting it")
    if correction.date_precision not in PRECISION_ORDER:
        raise ReviewError(f"date precision must be one of {', '.join(PRECISION_ORDER)}")
    if (correction.date is None) != (correction.date_precision == "unknown"):
        raise ReviewError("give a date with its precision, or neither (precision 'unknown')")
    if not known_place(correction.place_id):
        raise ReviewError(f"unknown place {correction.place_id!r}")


@dataclass(frozen=True)
class PlaceInfo:
    name: str
    country: str | None


@dataclass
class Reviewed:
    #: Every event, rejected ones included, each marked with its review state (events.csv lists them all).
    events: list[Event]
    #: Decisions that matched no event of this build (an `add` whose article is gone, or whose quote is no
    #: longer in it, among them).
    unmatched: list[Decision]

    @property
    def mapped(self) -> list[Event]:
        """The events that may colour the map: all but the rejected."""
        return [e for e in self.events if e.review != "rejected"]


def apply_decisions(
    events: list[Event],
    decisions: Iterable[Decision],
    article_texts: Mapping[str, str],
    place_info: Callable[[str], PlaceInfo | None],
    published: Mapping[str, date] | None = None,
) -> Reviewed:
    """`events` as the analysts decided (see the module's text). `place_info` names a corrected place;
    a decision about a place it does not know is unmatched. A correction or addition the analyst gave no
    date is placed as the extractor places an undated claim: on its article's `published` date, with
    precision `unknown` (true by then, since when unknown)."""
    published = published or {}
    by_key: dict[str, Decision] = {}
    additions: list[Decision] = []
    for decision in decisions:
        if decision.action == "add":
            additions.append(decision)
        else:
            by_key[decision.key.digest] = decision
    matched: set[str] = set()
    unmatched: list[Decision] = []
    reviewed: list[Event] = []
    for event in number_occurrences(events):
        decision = by_key.get(event_key(event).digest)
        if decision is None:
            reviewed.append(event)
            continue
        changed = _decided(event, decision, place_info, published.get(event.article_id))
        if changed is None:
            reviewed.append(event)
            continue
        matched.add(decision.key.digest)
        reviewed.append(changed)
    unmatched.extend(d for digest, d in by_key.items() if digest not in matched)
    for number, decision in enumerate(sorted(additions, key=lambda d: d.key.digest)):
        added = _added(decision, article_texts.get(decision.key.article_id), place_info, number,
                       published.get(decision.key.article_id))
        if added is None:
            unmatched.append(decision)
        else:
            reviewed.append(added)
    unmatched.sort(key=lambda d: (d.key.article_id, d.key.place_id, d.key.kind, d.key.digest))
    return Reviewed(reviewed, unmatched)


def _decided(event: Event, decision: Decision, place_info, published: date | None) -> Event | None:
    review = review_state(decision)
    if decision.action in ("confirm", "reject"):
        return replace(event, review=review, review_reason=decision.reason, decision_key=decision.key.digest)
    correction = decision.correction
    info = place_info(correction.place_id)
    if info is None:
        return None
    return replace(event, **_corrected_fields(event.kind, correction, info, published), review=review,
                   review_reason=decision.reason, decision_key=decision.key.digest)


def _corrected_fields(kind: str, correction: Correction, info: PlaceInfo, published: date | None) -> dict:
    """The event fields of the analyst's reading. A claim of a change (a capture, a loss) stays a change
    of holder; a place fought over is a `contest`; anything else says who held it. Undated, it stands on
    the publication date with precision `unknown`, as an undated claim the machine reads does."""
    if correction.status == "contested":
        new_kind = "contest"
    elif kind in ("capture", "loss"):
        new_kind = "capture"
    else:
        new_kind = "state"
    return {
        "kind": new_kind,
        "force": correction.force,
        "previous_force": None,
        "status": correction.status,
        "contested_by": correction.contested_by,
        "place_id": correction.place_id,
        "place_name": info.name,
        "country": info.country,
        "date": correction.date or published,
        "date_precision": correction.date_precision if correction.date else "unknown",
        # With no date at all (no article to take it from), the quote supports the holder's period only.
        "past": correction.date is None and published is None,
        "late": False,
        "confidence": 1.0,
    }


def _added(decision: Decision, article_text: str | None, place_info, number: int,
           published: date | None) -> Event | None:
    key, correction = decision.key, decision.correction
    if article_text is None or correction is None:
        return None
    if " ".join(key.quote.split()) not in " ".join(article_text.split()):
        return None
    info = place_info(correction.place_id)
    if info is None:
        return None
    base = Event(
        event_id=f"{key.article_id}-added-{number:03d}",
        article_id=key.article_id,
        sentence_index=-1,
        place_id=correction.place_id,
        place_name=info.name,
        country=info.country,
        mention=info.name,
        kind=key.kind,
        force=correction.force,
        previous_force=None,
        status=correction.status,
        contested_by=None,
        share_percent=None,
        date=None,
        date_precision="unknown",
        date_phrase=None,
        claimant=None,
        confidence=1.0,
        quote=key.quote,
    )
    return replace(base, **_corrected_fields(key.kind, correction, info, published), review="added",
                   review_reason=decision.reason, decision_key=key.digest)
