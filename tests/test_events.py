"""Event extraction on single sentences, in Norwegian and English."""

from datetime import date
from pathlib import Path

import pytest

from geo.articles import Article
from geo.build import not_places
from geo.events import extract_events
from geo.forces import load_claimants, load_forces
from geo.timeline import build_timelines
from geo.toponyms import find_mentions


def events_of(text, gazetteer, language="nb", published=date(2017, 11, 10)):
    article = Article("t", Path("t.md"), "t", "NTB", None, published, "day", language, text)
    mentions = find_mentions(text, language, gazetteer, exclude=not_places())
    return extract_events(article, mentions, load_forces(), load_claimants(), language)


def one(events):
    assert len(events) == 1, events
    return events[0]


def test_capture_with_date_and_subject(gazetteer):
    e = one(events_of("Syriske regjeringsstyrker og militssoldater gjenerobret 2. november byen Deir ez-Zor "
                      "med støtte fra russiske fly.", gazetteer, published=date(2017, 11, 9)))
    assert (e.place_id, e.kind, e.force, e.date, e.date_precision) == (
        "deir-ez-zor", "capture", "SYRIAN_GOV", date(2017, 11, 2), "day")


def test_government_forces_are_the_government_of_the_places_country(gazetteer):
    e = one(events_of("Regjeringsstyrkene dro utenom disse områdene da de i forrige uke gjenerobret grensebyen al-Qaim.",
                      gazetteer, published=date(2017, 11, 11)))
    assert (e.force, e.date, e.date_precision) == ("IRAQI_GOV", date(2017, 10, 30), "week")


def test_captured_from_names_the_previous_holder(gazetteer):
    e = one(events_of("Iraqi forces are seen on November 4, 2017 in the centre of the city of al-Qaim after "
                      "retaking it from Daesh group a day earlier.", gazetteer, language="en"))
    assert (e.force, e.previous_force, e.date) == ("IRAQI_GOV", "IS", date(2017, 11, 3))


def test_partial_retake_is_a_contest_attributed_to_its_claimant(gazetteer):
    e = one(events_of("IS har i dag tatt tilbake kontrollen over 40 prosent av Albu Kamal, opplyser SOHR.", gazetteer))
    assert (e.kind, e.status, e.contested_by) == ("contest", "contested", "IS")
    assert "SOHR" in e.claimant


def test_loss_without_a_taker_goes_to_unknown(gazetteer):
    events = events_of("De siste månedene har IS mistet kontrollen over både Mosul og Raqqa.", gazetteer)
    assert {(e.place_id, e.kind, e.force, e.previous_force) for e in events} == {
        ("mosul", "loss", "UNKNOWN", "IS"), ("raqqa", "loss", "UNKNOWN", "IS")}
    assert all(e.date_precision == "unknown" and e.date == date(2017, 11, 10) for e in events)


def test_evening_event_keeps_its_day_and_shows_from_the_next_day(gazetteer):
    # The event is dated to the day the text gives (Thursday); the map shows it from Friday morning.
    e = one(events_of("IS startet torsdag kveld et kraftig motangrep i Albu Kamal.", gazetteer))
    assert (e.kind, e.date, e.date_phrase, e.late) == ("contest", date(2017, 11, 9), "torsdag kveld", True)
    (period,) = build_timelines([e], {"t": date(2017, 11, 10)})["albu-kamal"]
    assert period.valid_from == date(2017, 11, 10)


@pytest.mark.parametrize("phrase", ["natt til fredag", "natten til fredag"])
def test_the_night_to_friday_shows_from_friday_not_a_day_later(gazetteer, phrase):
    # "natt til fredag" is the night before Friday: geo.dates puts it on Friday, which is already the day
    # it shows from (it was moved to Saturday as if it were "fredag natt").
    e = one(events_of(f"IS startet {phrase} et kraftig motangrep i Albu Kamal.", gazetteer, published=date(2017, 11, 11)))
    assert (e.kind, e.date, e.date_precision, e.date_phrase) == ("contest", date(2017, 11, 10), "day", phrase)


def test_friday_night_still_shows_from_saturday(gazetteer):
    e = one(events_of("IS startet fredag natt et kraftig motangrep i Albu Kamal.", gazetteer, published=date(2017, 11, 11)))
    assert (e.date, e.date_phrase, e.late) == (date(2017, 11, 10), "fredag natt", True)
    (period,) = build_timelines([e], {"t": date(2017, 11, 11)})["albu-kamal"]
    assert period.valid_from == date(2017, 11, 11)


def test_advance_is_pressure_not_capture(gazetteer):
    events = events_of("Regjeringsstyrkene rykket lørdag fram for å erobre de siste områdene ekstremistgruppa "
                       "kontrollerer i områdene ved Rawa og Rumana.", gazetteer, published=date(2017, 11, 11))
    kinds = {(e.place_id, e.kind, e.force if e.kind == "state" else e.contested_by) for e in events}
    assert kinds == {("rawa", "pressure", "IRAQI_GOV"), ("rumana", "pressure", "IRAQI_GOV"),
                     ("rawa", "state", "IS"), ("rumana", "state", "IS")}


@pytest.mark.parametrize("sentence, language", [
    ("Observers have predicted the regime may seek to retake towns such as Raqqa.", "en"),
    ("Faller Deir ez-Zor vil kalifatet være utslettet.", "nb"),
    ("Den syriske hæren har ikke erobret Albu Kamal.", "nb"),
])
def test_hypothetical_and_negated_claims_are_not_events(gazetteer, sentence, language):
    assert [e for e in events_of(sentence, gazetteer, language=language) if e.kind == "capture" or e.kind == "loss"] == []


def test_the_town_points_back_to_the_last_named_town(gazetteer):
    events = events_of("Albu Kamal ligger ved grensen. IS iverksatte i dag et motangrep i byen.", gazetteer)
    assert [(e.place_id, e.kind) for e in events] == [("albu-kamal", "contest")]


def test_share_claim_keeps_the_percentage_and_region(gazetteer):
    events = events_of("Ifølge SOHR er mange i Deir ez-Zor-provinsen. Syriske styrker kontrollerer nå anslagsvis "
                       "37 prosent av provinsen, ifølge SOHR-leder Rami Abdulrahman.", gazetteer)
    share = [e for e in events if e.kind == "share"]
    assert [(e.force, e.share_percent) for e in share] == [("SYRIAN_GOV", 37.0)]
    assert share[0].place_id and "governorate" in share[0].place_id
