"""Parsing what a shared link carries (`?date=YYYY-MM-DD&place=...`). Pure: no Streamlit import.

Each parser returns the value to use and, when the URL held something unusable, a short notice for the
reader; it never raises on user input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

_MAX_SHOWN = 40


def _shown(raw: str) -> str:
    raw = " ".join(str(raw).split())
    return raw if len(raw) <= _MAX_SHOWN else raw[: _MAX_SHOWN - 1] + "…"


def parse_date(raw: str | None, lo: date, hi: date) -> tuple[date | None, str | None]:
    """A `YYYY-MM-DD` within [lo, hi] → (date, None); anything else → (None, notice); absent → (None, None)."""
    if raw is None or str(raw).strip() == "":
        return None, None
    text = str(raw).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        return None, f"The link's date “{_shown(text)}” is not a date in YYYY-MM-DD form; showing the default date."
    if not lo <= day <= hi:
        return None, (f"The link's date {day.isoformat()} is outside the evidence ({lo.isoformat()} to "
                      f"{hi.isoformat()}); showing the default date.")
    return day, None


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|az|ash|an|at)[\s'’-]+")


def name_key(name: str) -> str:
    """A loose key for matching a place name: no accents, case, article prefix, spaces or punctuation."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower().strip()
    text = _ARTICLE.sub("", text)
    text = re.sub(r"[^a-z0-9]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


@dataclass(frozen=True)
class PlaceName:
    place_id: str
    name: str
    spellings: tuple[str, ...] = ()  # how the articles wrote it
    alternates: tuple[str, ...] = ()  # the gazetteer's other names of it, from the build (places.geojson)

    def names(self) -> tuple[str, ...]:
        """Every name a reader may know the place by: its own, the articles' spellings, the alternates."""
        return (self.name, *self.spellings, *self.alternates)


def _folded(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


@dataclass(frozen=True)
class LinkIndex:
    """What a link's `?place=` may say, made once per layer (`link_index`): the place ids, and each name's
    `name_key` (loose, for Latin script) and case-folded text (exact but for case, for names without one)
    → the place it opens, with its rank (the lowest wins)."""

    ids: frozenset[str]
    names: dict[str, tuple[int, str]]


def link_index(places: Iterable[PlaceName]) -> LinkIndex:
    """The places' ids and names, ranked: every place's id, name and the articles' spellings (in the order
    given) before any gazetteer alternate, since an alternate may be shared by two places."""
    places = list(places)
    names: dict[str, tuple[int, str]] = {}
    ranked = [(p, (p.place_id, p.name, *p.spellings)) for p in places] + [(p, p.alternates) for p in places]
    for rank, (place, texts) in enumerate(ranked):
        for text in texts:
            for key in (name_key(text), _folded(text)):
                if key:
                    names.setdefault(key, (rank, place.place_id))
    return LinkIndex(frozenset(p.place_id for p in places), names)


def resolve_place(raw: str | None, index: LinkIndex) -> tuple[str | None, str | None]:
    """The place a link names → (place_id, None), or (None, notice) when nothing in the layer matches.

    Tries the place id, then every name of the layer's places (see `link_index`): the build wrote the
    gazetteer's alternates of each town, so the server never loads the gazetteer (seconds and hundreds of
    MB) for a link.
    """
    if raw is None or str(raw).strip() == "":
        return None, None
    text = str(raw).strip()
    if text in index.ids:
        return text, None
    found = [index.names[k] for k in (name_key(text), _folded(text)) if k and k in index.names]
    if found:
        return min(found)[1], None
    return None, f"No place in the layer matches the link's place “{_shown(text)}”; showing no town."


def place_keys(places: Iterable[PlaceName]) -> list[tuple[PlaceName, tuple[str, ...]]]:
    """Each place with the `name_key` of its name and spellings: what `search_places` compares."""
    return [(p, tuple(dict.fromkeys(name_key(n) for n in p.names()))) for p in places]


def search_places(query: str, keyed: Sequence[tuple[PlaceName, tuple[str, ...]]], limit: int = 12) -> list[PlaceName]:
    """The places whose name or a spelling matches `query` loosely (see `name_key`): those that start with
    it first, then those that contain it, each group in the given order; at most `limit`."""
    key = name_key(query)
    if not key:
        return []
    starts, contains = [], []
    for place, keys in keyed:
        if any(k.startswith(key) for k in keys):
            starts.append(place)
        elif len(contains) < limit and any(key in k for k in keys):
            contains.append(place)
    return (starts + contains)[:limit]
