from datetime import date
from itertools import count

from geo.events import Event
from geo.timeline import build_timelines

_ids = count()
PUBLISHED = {"a": date(2017, 11, 9), "b": date(2017, 11, 10), "c": date(2017, 11, 11)}


def event(kind, force="UNKNOWN", day=None, precision="day", article="a", previous=None, contested_by=None,
          past=False, place="albu-kamal"):
    status = "contested" if kind == "contest" else "held"
    return Event(
        event_id=f"{article}-{next(_ids):04d}", article_id=article, sentence_index=0, place_id=place,
        place_name=place, country="SY", mention=place, kind=kind, force=force, previous_force=previous,
        status=status, contested_by=contested_by, share_percent=None, date=day, date_precision=precision,
        date_phrase=None, claimant=None, confidence=0.8, quote=f"quote {kind} {force}", past=past,
    )


def summary(periods):
    return [(p.force, p.status, p.contested_by, p.valid_from, p.valid_to, p.date_precision) for p in periods]


def test_capture_from_a_named_holder_opens_a_period_with_unknown_start_before_it():
    periods = build_timelines([event("capture", "IRAQI_GOV", date(2017, 11, 3), previous="IS", place="al-qaim")],
                              PUBLISHED)["al-qaim"]
    assert summary(periods) == [
        ("IS", "held", [], None, date(2017, 11, 3), "unknown"),
        ("IRAQI_GOV", "held", [], date(2017, 11, 3), None, "day"),
    ]


def test_capture_then_counterattack_then_recapture_gives_held_contested_held():
    events = [
        event("state", "IS", None, "unknown", past=True),
        event("capture", "SYRIAN_GOV", date(2017, 11, 9), "unknown"),
        event("contest", day=date(2017, 11, 10), article="b", contested_by="IS"),
        event("capture", "IS", date(2017, 11, 11), "unknown", article="c"),
    ]
    periods = build_timelines(events, PUBLISHED)["albu-kamal"]
    assert summary(periods) == [
        ("IS", "held", [], None, date(2017, 11, 9), "unknown"),
        ("SYRIAN_GOV", "held", [], date(2017, 11, 9), date(2017, 11, 10), "unknown"),
        ("SYRIAN_GOV", "contested", ["IS"], date(2017, 11, 10), date(2017, 11, 11), "day"),
        ("IS", "held", [], date(2017, 11, 11), None, "unknown"),
    ]
    assert [e.quote for e in periods[0].evidence] == ["quote state IS"]


def test_one_article_telling_a_taking_and_a_retaking_the_same_month_shows_the_last():
    # "By January 2014, rebels seized the town, but ISIL was able to recapture it within hours": a sequence
    # one source tells, not two sources that disagree.
    # (event ids follow the order the article tells them in)
    fought_before = event("contest", day=date(2014, 1, 1), precision="month", contested_by="REBELS",
                          place="jarabulus")
    seized = event("capture", "REBELS", date(2014, 1, 1), "month", previous="IS", place="jarabulus")
    retaken = event("capture", "IS", date(2014, 1, 1), "month", previous="REBELS", place="jarabulus")
    for told in ([seized, retaken], [fought_before, seized, retaken]):
        periods = build_timelines(told, PUBLISHED)["jarabulus"]
        assert summary(periods)[-1] == ("IS", "held", [], date(2014, 1, 1), None, "month")
        assert {e.force for e in periods[-1].evidence} >= {"REBELS", "IS"}  # both quotes stay behind the colour
    # told the other way round, the rebels' taking is the last
    retaken_first = event("capture", "IS", date(2014, 1, 1), "month", previous="REBELS", place="jarabulus")
    seized_last = event("capture", "REBELS", date(2014, 1, 1), "month", previous="IS", place="jarabulus")
    periods = build_timelines([seized_last, retaken_first], PUBLISHED)["jarabulus"]
    assert summary(periods)[-1][:2] == ("REBELS", "held")
    # a fight told after the last taking contests it
    fought_after = event("contest", day=date(2014, 1, 1), precision="month", contested_by="REBELS",
                         place="jarabulus")
    periods = build_timelines([seized, retaken, fought_after], PUBLISHED)["jarabulus"]
    assert summary(periods)[-1][:3] == ("IS", "contested", ["REBELS"])


def test_sources_naming_different_holders_on_the_same_day_are_both_kept_as_contested():
    events = [
        event("capture", "SYRIAN_GOV", date(2017, 11, 9)),
        event("capture", "IS", date(2017, 11, 9), article="b"),
    ]
    (period,) = build_timelines(events, PUBLISHED)["albu-kamal"]
    assert (period.status, period.force, period.contested_by) == ("contested", "IS", ["SYRIAN_GOV"])
    assert {e.force for e in period.evidence} == {"SYRIAN_GOV", "IS"}


def test_a_later_present_tense_claim_of_another_holder_marks_the_period_contested():
    events = [event("capture", "SDF", date(2017, 10, 1), "month", place="raqqa"),
              event("state", "IS", date(2017, 11, 10), "unknown", article="b", place="raqqa")]
    periods = build_timelines(events, PUBLISHED)["raqqa"]
    assert summary(periods)[-1] == ("SDF", "contested", ["IS"], date(2017, 11, 10), None, "unknown")


def test_loss_without_a_named_taker_goes_to_unknown_not_a_guess():
    events = [event("loss", "UNKNOWN", date(2017, 11, 9), "unknown", previous="IS", place="mosul")]
    periods = build_timelines(events, PUBLISHED)["mosul"]
    assert summary(periods) == [
        ("IS", "held", [], None, date(2017, 11, 9), "unknown"),
        ("UNKNOWN", "held", [], date(2017, 11, 9), None, "unknown"),
    ]


def test_loss_by_a_force_that_no_longer_holds_the_place_corroborates_the_current_holder():
    events = [event("capture", "SYRIAN_GOV", date(2017, 11, 2), place="deir-ez-zor"),
              event("loss", "UNKNOWN", date(2017, 11, 10), "unknown", article="b", previous="IS", place="deir-ez-zor")]
    periods = build_timelines(events, PUBLISHED)["deir-ez-zor"]
    assert summary(periods) == [("SYRIAN_GOV", "held", [], date(2017, 11, 2), None, "day")]
    assert len(periods[0].evidence) == 2


def test_exact_day_inside_an_earlier_weekly_report_moves_the_start_to_that_day():
    events = [event("capture", "IRAQI_GOV", date(2017, 10, 30), "week", article="c", place="al-qaim"),
              event("capture", "IRAQI_GOV", date(2017, 11, 3), "day", previous="IS", place="al-qaim")]
    periods = build_timelines(events, PUBLISHED)["al-qaim"]
    assert summary(periods)[-1] == ("IRAQI_GOV", "held", [], date(2017, 11, 3), None, "day")
    assert len(periods[-1].evidence) == 2


def test_month_precision_capture_keeps_month_precision_and_an_unknown_loss_the_same_month_corroborates():
    events = [event("loss", "UNKNOWN", date(2017, 10, 1), "month", previous="IS", place="raqqa"),
              event("capture", "SDF", date(2017, 10, 1), "month", article="b", place="raqqa")]
    periods = build_timelines(events, PUBLISHED)["raqqa"]
    assert summary(periods) == [
        ("IS", "held", [], None, date(2017, 10, 1), "unknown"),
        ("SDF", "held", [], date(2017, 10, 1), None, "month"),
    ]


def test_pressure_alone_does_not_change_the_holder_but_is_kept_as_evidence():
    events = [event("state", "IS", date(2017, 11, 11), "day", article="c", place="rawa"),
              event("pressure", day=date(2017, 11, 11), article="c", contested_by="IRAQI_GOV", place="rawa")]
    (period,) = build_timelines(events, PUBLISHED)["rawa"]
    assert (period.force, period.status, period.valid_from) == ("IS", "held", None)
    assert {e.kind for e in period.evidence} == {"state", "pressure"}


def test_a_taking_told_only_by_its_year_is_the_one_another_source_dates_inside_that_year():
    # "The Iraqi government recaptured it three years later" (2017) and "declared victory on 10 July 2017":
    # the town is not shown retaken from 1 January, through the months of the battle.
    coarse = event("capture", "IRAQI_GOV", date(2017, 1, 1), "year", article="b", place="mosul")
    events = [
        event("capture", "IS", date(2014, 6, 10), place="mosul"),
        event("contest", "IS", date(2016, 11, 1), place="mosul", contested_by="IRAQI_GOV"),
        coarse,
        # IS fighting back in the west of the city: the year's period would be contested, not refined
        event("contest", "IRAQI_GOV", date(2017, 3, 15), place="mosul", contested_by="IS"),
        event("capture", "IRAQI_GOV", date(2017, 7, 10), article="c", place="mosul"),
    ]
    periods = build_timelines(events, {"a": date(2017, 7, 20), "b": date(2017, 7, 20), "c": date(2017, 7, 20)})["mosul"]
    assert summary(periods)[-2:] == [
        ("IS", "contested", ["IRAQI_GOV"], date(2016, 11, 1), date(2017, 7, 10), "day"),
        ("IRAQI_GOV", "held", [], date(2017, 7, 10), None, "day"),
    ]
    assert coarse in periods[-1].evidence
    # Alone, the year is all the map has.
    alone = build_timelines([coarse], {"b": date(2017, 7, 20)})["mosul"]
    assert summary(alone) == [("IRAQI_GOV", "held", [], date(2017, 1, 1), None, "year")]
