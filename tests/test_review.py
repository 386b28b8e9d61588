"""geo/review.py: what an analyst's decisions do to the events the machine extracted, and which
decisions are refused before anything is stored."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from geo.events import Event
from geo.review import (
    Correction, Decision, DecisionKey, PlaceInfo, ReviewError, apply_decisions, check_decision, event_key,
)

TEXT = ("Raqqa was captured by the SDF on 17 October after a four-month battle. "
        "Government troops were still fighting IS near Tabqa.")
TEXTS = {"a1": TEXT}
PLACES = {"raqqa": PlaceInfo("Raqqa", "SY"), "tabqa": PlaceInfo("Tabqa", "SY"), "manbij": PlaceInfo("Manbij", "SY")}
FORCES = ("IS", "SDF", "SYRIAN_GOV")

CAPTURE = Event(
    event_id="a1-000", article_id="a1", sentence_index=0, place_id="raqqa", place_name="Raqqa", country="SY",
    mention="Raqqa", kind="capture", force="SDF", previous_force="IS", status="held", contested_by=None,
    share_percent=None, date=date(2017, 10, 17), date_precision="day", date_phrase="on 17 October",
    claimant=None, confidence=0.8,
    quote="Raqqa was captured by the SDF on 17 October after a four-month battle.")
FIGHT = Event(
    event_id="a1-001", article_id="a1", sentence_index=1, place_id="tabqa", place_name="Tabqa", country="SY",
    mention="Tabqa", kind="contest", force="SYRIAN_GOV", previous_force=None, status="contested",
    contested_by="IS", share_percent=None, date=None, date_precision="unknown", date_phrase=None,
    claimant=None, confidence=0.6, quote="Government troops were still fighting IS near Tabqa.")


def decision(about: Event | DecisionKey, action: str, correction: Correction | None = None,
             reason: str = "read it again", editor: str = "kari") -> Decision:
    key = event_key(about) if isinstance(about, Event) else about
    return Decision(key, action, reason, editor, correction)


def apply(*decisions: Decision, events: tuple[Event, ...] = (CAPTURE, FIGHT)):
    return apply_decisions(list(events), decisions, TEXTS, PLACES.get)


# --- applying decisions ------------------------------------------------------------------------------

def test_events_nobody_decided_on_stay_as_the_machine_read_them():
    reviewed = apply()
    assert reviewed.events == [CAPTURE, FIGHT]
    assert reviewed.mapped == [CAPTURE, FIGHT]
    assert reviewed.unmatched == []


def test_a_rejected_event_is_listed_but_colours_nothing():
    reviewed = apply(decision(CAPTURE, "reject", reason="denied the next day"))
    rejected = replace(CAPTURE, review="rejected", review_reason="denied the next day",
                       decision_key=event_key(CAPTURE).digest)
    assert reviewed.events == [rejected, FIGHT]
    assert reviewed.mapped == [FIGHT]
    assert reviewed.unmatched == []


def test_a_confirmed_event_is_marked_and_otherwise_unchanged():
    reviewed = apply(decision(CAPTURE, "confirm", reason="the SDF's statement says so too"))
    assert reviewed.events[0] == replace(CAPTURE, review="confirmed", review_reason="the SDF's statement says so too",
                                         decision_key=event_key(CAPTURE).digest)
    assert reviewed.mapped == reviewed.events


def test_a_corrected_event_takes_the_analysts_place_force_and_date():
    correction = Correction(force="SYRIAN_GOV", status="held", place_id="manbij", date=date(2017, 10, 1),
                            date_precision="month")
    [corrected, fight] = apply(decision(CAPTURE, "correct", correction, reason="the town is Manbij")).events
    assert fight == FIGHT
    assert (corrected.place_id, corrected.place_name, corrected.country) == ("manbij", "Manbij", "SY")
    assert (corrected.force, corrected.status, corrected.contested_by) == ("SYRIAN_GOV", "held", None)
    assert (corrected.date, corrected.date_precision) == (date(2017, 10, 1), "month")
    assert (corrected.kind, corrected.review, corrected.review_reason) == ("capture", "corrected", "the town is Manbij")
    assert corrected.confidence == 1.0
    assert (corrected.event_id, corrected.quote) == (CAPTURE.event_id, CAPTURE.quote)
    # Its own key now names Manbij: the page changing the decision again finds it by the decision's key.
    assert event_key(corrected) != event_key(CAPTURE)
    assert corrected.decision_key == event_key(CAPTURE).digest


def test_a_capture_corrected_to_contested_becomes_a_contest():
    correction = Correction(force="IS", status="contested", place_id="raqqa", contested_by="SDF")
    [corrected, _] = apply(decision(CAPTURE, "correct", correction)).events
    assert (corrected.kind, corrected.force, corrected.status, corrected.contested_by) == (
        "contest", "IS", "contested", "SDF")
    # With no date of the analyst's, the quote supports who held the place, not since when.
    assert (corrected.date, corrected.date_precision, corrected.past) == (None, "unknown", True)


def test_a_contest_corrected_to_held_says_who_held_the_place():
    correction = Correction(force="SYRIAN_GOV", status="held", place_id="tabqa")
    [_, corrected] = apply(decision(FIGHT, "correct", correction)).events
    assert (corrected.kind, corrected.force, corrected.status, corrected.contested_by) == (
        "state", "SYRIAN_GOV", "held", None)


def test_an_added_quote_from_the_article_becomes_an_event():
    key = DecisionKey("a1", "Government troops were still fighting IS near Tabqa.", "tabqa", "state")
    added = decision(key, "add", Correction("SYRIAN_GOV", "contested", "tabqa", date=date(2017, 10, 18),
                                            date_precision="day", contested_by="IS"), reason="missed")
    reviewed = apply(added)
    assert reviewed.events[:2] == [CAPTURE, FIGHT]
    [new] = reviewed.events[2:]
    assert (new.article_id, new.quote, new.place_id, new.place_name) == ("a1", key.quote, "tabqa", "Tabqa")
    assert (new.kind, new.force, new.status, new.contested_by) == ("contest", "SYRIAN_GOV", "contested", "IS")
    assert (new.date, new.review, new.review_reason, new.confidence) == (date(2017, 10, 18), "added", "missed", 1.0)
    assert new.event_id not in (CAPTURE.event_id, FIGHT.event_id)
    assert new.decision_key == key.digest
    assert reviewed.mapped == reviewed.events
    assert reviewed.unmatched == []


def test_an_added_quote_no_longer_in_the_article_is_unmatched():
    key = DecisionKey("a1", "Raqqa fell to the army on 3 June.", "raqqa", "capture")
    added = decision(key, "add", Correction("SYRIAN_GOV", "held", "raqqa"))
    reviewed = apply(added)
    assert reviewed.events == [CAPTURE, FIGHT]
    assert reviewed.unmatched == [added]


def test_an_added_event_whose_article_is_gone_is_unmatched():
    key = DecisionKey("a2", "Raqqa fell to the army.", "raqqa", "capture")
    added = decision(key, "add", Correction("SYRIAN_GOV", "held", "raqqa"))
    assert apply(added).unmatched == [added]


def test_a_decision_about_no_event_of_this_build_is_unmatched():
    # The extractor no longer reads Tabqa's sentence as a claim: the decision is listed, not lost.
    rejected = decision(FIGHT, "reject")
    reviewed = apply(rejected, events=(CAPTURE,))
    assert reviewed.events == [CAPTURE]
    assert reviewed.unmatched == [rejected]


def test_a_correction_to_a_place_the_build_does_not_know_is_unmatched_and_the_event_kept():
    wrong = decision(CAPTURE, "correct", Correction("IS", "held", "atlantis"))
    reviewed = apply(wrong)
    assert reviewed.events == [CAPTURE, FIGHT]
    assert reviewed.unmatched == [wrong]


def test_a_decision_still_applies_when_a_new_extraction_renumbers_the_events():
    rejected = decision(CAPTURE, "reject")
    renumbered = replace(CAPTURE, event_id="a1-007", sentence_index=3, confidence=0.7)
    reviewed = apply(rejected, events=(renumbered,))
    assert reviewed.events == [replace(renumbered, review="rejected", review_reason="read it again",
                                       decision_key=event_key(CAPTURE).digest)]
    assert reviewed.unmatched == []


def test_a_decision_still_applies_when_the_quote_is_spaced_otherwise():
    respaced = replace(CAPTURE, quote="Raqqa was captured  by the SDF\non 17 October after a four-month battle. ")
    reviewed = apply(decision(CAPTURE, "reject"), events=(respaced,))
    assert reviewed.events[0].review == "rejected"
    assert reviewed.unmatched == []


def test_an_added_quote_matches_the_article_whatever_its_spacing():
    key = DecisionKey("a1", "Government troops were still\n fighting IS  near Tabqa.", "tabqa", "state")
    reviewed = apply(decision(key, "add", Correction("SYRIAN_GOV", "held", "tabqa")))
    assert reviewed.events[-1].review == "added"


def test_a_decision_about_another_place_or_kind_of_claim_in_the_same_quote_does_not_apply():
    other_place = decision(replace(event_key(CAPTURE), place_id="tabqa"), "reject")
    other_kind = decision(replace(event_key(CAPTURE), kind="loss"), "reject")
    reviewed = apply(other_place, other_kind)
    assert reviewed.events == [CAPTURE, FIGHT]
    assert len(reviewed.unmatched) == 2


# --- refusals before anything is stored --------------------------------------------------------------

def check(taken: Decision, text: str | None = TEXT) -> Decision:
    return check_decision(taken, text, FORCES, PLACES.__contains__)


HELD = Correction(force="IS", status="held", place_id="raqqa")


def test_a_valid_decision_comes_back_with_its_reason_trimmed():
    assert check(decision(CAPTURE, "reject", reason="  denied the next day \n")).reason == "denied the next day"
    assert check(decision(CAPTURE, "correct", HELD)).correction == HELD


@pytest.mark.parametrize("refused, message", [
    (decision(CAPTURE, "shrug"), "unknown action 'shrug': one of confirm, reject, correct, add"),
    (decision(CAPTURE, "reject", editor=" "), "a decision needs the name of the analyst"),
    (decision(CAPTURE, "reject", reason=" \n"), "give a reason"),
    (decision(CAPTURE, "reject", reason="x" * 1001), "the reason is 1,001 characters; at most 1,000"),
    (decision(replace(event_key(CAPTURE), quote="  "), "reject"), "the quote is empty"),
    (decision(replace(event_key(CAPTURE), quote="x" * 2001), "reject"),
     "the quote is 2,001 characters; at most 2,000"),
    (decision(replace(event_key(CAPTURE), quote="Raqqa fell to the army."), "add", HELD),
     "the quote is not in the article"),
    (decision(replace(event_key(CAPTURE), place_id="atlantis"), "reject"), "unknown place 'atlantis'"),
    (decision(replace(event_key(CAPTURE), kind="share"), "correct", HELD),
     "a 'share' claim colours no town and cannot be corrected; reject it instead"),
    (decision(CAPTURE, "correct"), "a correction needs the corrected force, status and place"),
    (decision(CAPTURE, "reject", HELD), "a reject decision takes no corrected values"),
    (decision(CAPTURE, "correct", replace(HELD, force="Rebels")), "unknown force 'Rebels': one of IS, SDF, SYRIAN_GOV"),
    (decision(CAPTURE, "correct", replace(HELD, status="lost")), "status must be held or contested, not 'lost'"),
    (decision(CAPTURE, "correct", replace(HELD, status="contested")), "a contested place needs the force contesting it"),
    (decision(CAPTURE, "correct", replace(HELD, status="contested", contested_by="IS")),
     "a force cannot contest a place it holds"),
    (decision(CAPTURE, "correct", replace(HELD, contested_by="SDF")), "only a contested place has a force contesting it"),
    (decision(CAPTURE, "correct", replace(HELD, date_precision="fortnight")), "date precision must be one of day, "),
    (decision(CAPTURE, "correct", replace(HELD, date=date(2017, 10, 17))),
     "give a date with its precision, or neither"),
    (decision(CAPTURE, "correct", replace(HELD, date_precision="day")), "give a date with its precision, or neither"),
    (decision(CAPTURE, "correct", replace(HELD, place_id="atlantis")), "unknown place 'atlantis'"),
], ids=lambda value: value if isinstance(value, str) else "")
def test_a_decision_that_cannot_be_taken_is_refused_saying_why(refused, message):
    with pytest.raises(ReviewError, match=re.escape(message)):
        check(refused)


def test_a_decision_about_an_article_that_is_not_there_is_refused():
    with pytest.raises(ReviewError, match="no article 'a1' in the corpus or the database"):
        check(decision(CAPTURE, "reject"), text=None)


def test_a_share_claim_that_names_no_place_can_be_rejected():
    # No town and no region to name, yet an analyst told "reject it instead" when correcting it must be able to.
    share = replace(FIGHT, event_id="a1-002", place_id=None, place_name="", country=None, mention="",
                    kind="share", share_percent=60.0, status="held", contested_by=None,
                    quote="Government forces hold 60 percent of the country.")
    rejected = check(decision(share, "reject", reason="the figure is the ministry's boast"))
    reviewed = apply(rejected, events=(CAPTURE, share))
    assert reviewed.events[1].review == "rejected"
    assert reviewed.mapped == [CAPTURE]
    assert reviewed.unmatched == []


# --- one quote, several events of one place and kind; undated corrections ------------------------------

TWICE = "Islamic State fighters captured Mosul in June 2014, and Iraqi forces recaptured Mosul in July 2017."
IS_TAKES = Event(
    event_id="a2-000-00", article_id="a2", sentence_index=0, place_id="mosul", place_name="Mosul", country="IQ",
    mention="Mosul", kind="capture", force="IS", previous_force=None, status="held", contested_by=None,
    share_percent=None, date=date(2014, 6, 1), date_precision="month", date_phrase="in June 2014", claimant=None,
    confidence=0.8, quote=TWICE)
IRAQ_RETAKES = replace(IS_TAKES, event_id="a2-000-01", force="IRAQI_GOV", previous_force="IS", date=date(2017, 7, 1),
                       date_phrase="in July 2017")


def test_a_decision_names_one_of_the_events_a_quote_makes_about_one_place_and_kind():
    from geo.review import number_occurrences

    first, second = number_occurrences([IS_TAKES, IRAQ_RETAKES])
    assert (first.occurrence, second.occurrence) == (0, 1) and event_key(first) != event_key(second)
    reviewed = apply_decisions([IS_TAKES, IRAQ_RETAKES], [decision(second, "reject", reason="wrong year")],
                               {"a2": TWICE}, {"mosul": PlaceInfo("Mosul", "IQ")}.get)
    assert [(e.force, e.review) for e in reviewed.events] == [("IS", "machine"), ("IRAQI_GOV", "rejected")]
    assert [e.force for e in reviewed.mapped] == ["IS"]


def test_an_undated_correction_stands_on_the_publication_date_with_unknown_precision_and_colours():
    from geo.timeline import build_timelines

    undated = Correction(force="SDF", status="contested", place_id="tabqa", contested_by="IS")
    reviewed = apply_decisions([CAPTURE, FIGHT], [decision(FIGHT, "correct", undated)], TEXTS, PLACES.get,
                               {"a1": date(2017, 10, 20)})
    corrected = reviewed.events[1]
    assert (corrected.kind, corrected.date, corrected.date_precision, corrected.past) == (
        "contest", date(2017, 10, 20), "unknown", False)
    periods = build_timelines(reviewed.mapped, {"a1": date(2017, 10, 20)})["tabqa"]
    assert [(p.force, p.status, p.contested_by) for p in periods] == [("SDF", "contested", ["IS"])]


def test_an_undated_addition_colours_its_town_from_the_publication_date():
    from geo.timeline import build_timelines

    key = DecisionKey("a1", "Raqqa was captured by the SDF", "manbij", "capture")
    added = Decision(key, "add", "the SDF also holds Manbij, says the text", "kari",
                     Correction(force="SDF", status="held", place_id="manbij"))
    reviewed = apply_decisions([CAPTURE], [added], TEXTS, PLACES.get, {"a1": date(2017, 10, 20)})
    periods = build_timelines(reviewed.mapped, {"a1": date(2017, 10, 20)})
    assert [(p.force, p.valid_from, p.date_precision) for p in periods["manbij"]] == [
        ("SDF", date(2017, 10, 20), "unknown")]
