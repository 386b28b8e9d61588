"""From articles, places, events and periods to the layer's records, each validated against the contract."""

from __future__ import annotations

from collections import defaultdict

from geo.articles import Article
from geo.events import Event
from geo.gazetteer import Place
from geo.io.write import point_feature
from geo.schema import ControlPeriodProperties, EventRow, Evidence, PlaceProperties
from geo.timeline import Period
from geo.toponyms import Mention


def _article_fields(article: Article) -> dict:
    """What every quote carries of its article, in evidence and in events.csv alike."""
    return {"source": article.source, "published": article.published_label,
            "language": article.language or "und", "url": article.url}


def _evidence(event: Event, article: Article) -> Evidence:
    return Evidence(
        article_id=event.article_id,
        quote=event.quote,
        claimant=event.claimant,
        **_article_fields(article),
        event_kind=event.kind,
        event_force=event.contested_by if event.kind in ("contest", "pressure") and event.contested_by else (
            event.previous_force if event.kind == "loss" and event.previous_force else event.force),
        date=event.date.isoformat() if event.date else None,
        date_precision=event.date_precision,
        review=event.review,
        review_reason=event.review_reason,
        decision_key=event.decision_key,
        occurrence=event.occurrence,
    )


def control_features(
    timelines: dict[str, list[Period]], places: dict[str, Place], articles: dict[str, Article]
) -> list[dict]:
    features = []
    for place_id in sorted(timelines):
        place = places[place_id]
        if place.lat is None or place.lon is None:
            continue
        for period in timelines[place_id]:
            properties = ControlPeriodProperties(
                place_id=place.place_id,
                name=place.name,
                country=place.country,
                geonames_id=place.geonames_id,
                force=period.force,
                status=period.status,
                contested_by=period.contested_by,
                valid_from=period.valid_from,
                valid_to=period.valid_to,
                date_precision=period.date_precision,
                evidence=[_evidence(e, articles[e.article_id]) for e in period.evidence],
            )
            features.append(point_feature(place.lon, place.lat, properties.model_dump(mode="json")))
    return features


def place_features(
    mentions: dict[str, list[Mention]], places: dict[str, Place], place_ids_with_events: set[str]
) -> list[dict]:
    """Every resolved place with how often and how the articles named it."""
    counts: dict[str, int] = defaultdict(int)
    spellings: dict[str, set[str]] = defaultdict(set)
    in_articles: dict[str, set[str]] = defaultdict(set)
    for article_id, article_mentions in mentions.items():
        for mention in article_mentions:
            if mention.place is None:
                continue
            pid = mention.place.place_id
            counts[pid] += 1
            spellings[pid].add(mention.surface)
            in_articles[pid].add(article_id)
    features = []
    for pid in sorted(counts):
        place = places[pid]
        if place.lat is None or place.lon is None:
            continue
        properties = PlaceProperties(
            place_id=pid,
            name=place.name,
            country=place.country,
            geonames_id=place.geonames_id,
            kind=place.kind,
            location_precision=place.location_precision,
            population=place.population,
            mentions=counts[pid],
            spellings=sorted(spellings[pid]),
            articles=sorted(in_articles[pid]),
            has_control_events=pid in place_ids_with_events,
            alternate_names=[n for n in dict.fromkeys(place.names) if n != place.name]
            if pid in place_ids_with_events else [],
        )
        features.append(point_feature(place.lon, place.lat, properties.model_dump(mode="json")))
    return features


def event_rows(events: list[Event], articles: dict[str, Article]) -> list[dict]:
    rows = []
    for event in sorted(events, key=lambda e: e.event_id):
        article = articles[event.article_id]
        row = EventRow(
            event_id=event.event_id,
            article_id=event.article_id,
            place_id=event.place_id or "",
            place_name=event.place_name,
            mention=event.mention,
            kind=event.kind,
            force=event.force,
            previous_force=event.previous_force,
            status=event.status,
            contested_by=event.contested_by,
            share_percent=event.share_percent,
            date=event.date,
            date_precision=event.date_precision,
            date_phrase=event.date_phrase,
            claimant=event.claimant,
            confidence=event.confidence,
            quote=event.quote,
            review=event.review,
            review_reason=event.review_reason,
            decision_key=event.decision_key,
            occurrence=event.occurrence,
            **_article_fields(article),
        )
        rows.append(row.model_dump(mode="json"))
    return rows
