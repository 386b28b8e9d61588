"""Date phrases in one sentence, resolved against the article's publication date, with a precision.

News copy dates events relative to the day it was written ("fredag", "torsdag kveld", "i går",
"last month", "i forrige uke", "a day earlier"). dateparser parses isolated explicit dates well but
fails on most of these in Norwegian (../shared/notes/anchors-geoparsing.md §3(b)), so the rules here
are our own; dateparser is only used for explicit numeric spans ("10.02.19", "2017-11-03").

The words and phrase shapes of each language (month and weekday names, "i fjor", "last week", "dagen
etter") are in its `geo/lang/<code>.py` (`DateWords`); this module only resolves them, so a new language
brings its own date words.

Every result is the *first day* of the span it denotes, with a precision: the day itself ("day"),
the Monday of the week ("week"), the 1st of the month ("month"), the first day of the
meteorological season ("season": Mar 1, Jun 1, Sep 1, Dec 1 — "winter 2014" starts Dec 1 2013) or
Jan 1 ("year").

Rules that hold throughout:
- Nothing after publication. A day or month without a year is its most recent occurrence on or before
  publication; an explicit date after publication is dropped, as are phrases that point forward
  ("innen utgangen av april", "by the end of April", "next week" is never matched).
- A weekday is the most recent such day on or before publication, the publication day included
  ("fredag" in a Friday article is that Friday); "last Friday"/"sist fredag" excludes the publication
  day. "natt til fredag" (the night before Friday) is placed on Friday.
- When the article is dated only to the month (`published_precision == "month"`, `published` the 1st),
  phrases that need the publication day ("fredag", "i går", "denne uken", "for to dager siden") are
  returned at month precision with the publication month — never a made-up day.
- "N years/months/weeks later/earlier" ("tre år senere") count from the same anchor at the span's own
  precision, and are dropped without one or when the anchor is too coarse ("two months after" a year). A
  second span in a sentence, or "the same day" after one, is dropped too: it may count from either.
- "dagen etter", "the next day", "a day later", "a day earlier", "N days later/earlier" count from the
  latest date already found in the same sentence, else from `anchor` (the last date the article gave
  before this sentence). Without either, "a day earlier"/"dagen før" counts back from publication
  (a story about Friday's events saying "lost a day earlier" means Thursday); "the next day" without an
  anchor is dropped (it would point past publication or be a guess). When the anchor is coarser than a
  day (a `ResolvedDate` with precision "month", say), the result keeps the anchor's span and precision.
- Numbers are dates only in a date shape (day + month name, numeric dd.mm.yy(yy), ISO) or as a year in
  1900..publication year with a cue before it ("i 2014", "in 2014", "fra 2013", "siden 2014",
  "the end of 2014"). "37 prosent", "2500 og 3500", "3.400", "600 IS-krigere" are not dates.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

import dateparser

from geo import lang as L
from geo.text import LiteralFilter


_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "unknown": 5}
_MIN_YEAR = 1900


@dataclass(frozen=True)
class ResolvedDate:
    date: datetime.date
    precision: str
    phrase: str
    start: int
    end: int


_I = re.IGNORECASE

# -- explicit dates, the same in every language ------------------------------------------------------------
_ISO = re.compile(rf"{L.NUM_LEFT}\b(?P<y>{L.YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b(?![-\d])")
_NUMERIC = re.compile(
    rf"{L.NUM_LEFT}\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d{{4}}|\d\d)\b{L.NUM_RIGHT}(?!\.\d)"
)

_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


# --------------------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------------------

def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _add_months(first: datetime.date, months: int) -> datetime.date:
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def span_end(start: datetime.date, precision: str) -> datetime.date:
    """The last day of the span a (start, precision) pair denotes."""
    if precision == "week":
        return start + datetime.timedelta(days=6)
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "season":
        return _add_months(start, 3) - datetime.timedelta(days=1)
    if precision == "year":
        return datetime.date(start.year, 12, 31)
    return start


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------------

#: How far after the last day told a day and month without a year may fall and still be of its year.
_NARRATIVE_DAYS = 92


@dataclass
class _Context:
    language: str
    words: L.DateWords
    published: datetime.date
    precision: str
    latest: datetime.date
    anchor: tuple[datetime.date, str] | None
    #: The last date with a written year found earlier in the same sentence: a day or month without a
    #: year after it follows it ("recaptured on 14 April 2016, followed by Rutba on 19 May": May 2016).
    explicit: datetime.date | None = None
    #: Which dates without a year take the anchor's: "" none, "day" a day and month, "month" a month alone too.
    anchor_year: str = ""

    def after_explicit(self, month: int, day: int = 1) -> datetime.date | None:
        """The first `day` of `month` on or after the sentence's explicitly dated day, within a year and not
        after publication; None when the sentence has no such date."""
        if self.explicit is None:
            return None
        for year in (self.explicit.year, self.explicit.year + 1):
            candidate = _safe_date(year, month, day)
            if candidate is not None and candidate >= self.explicit.replace(day=1):
                return candidate if candidate <= self.latest else None
        return None

    def after_anchor(self, month: int, day: int | None) -> datetime.date | None:
        """The first `day` of `month` (the month itself when `day` is None) on or after the article's last
        day- or month-exact date, when it comes within a quarter of it and not after publication: a narrative
        goes on in its year ("ISIL captured Mosul on 10 June 2014. … On 11 June, ISIL vehicles entered Baiji",
        in an encyclopedia of 2015). None otherwise: "IS took the town in August 2014 … Iraqi forces entered
        it on 11 June" is this June."""
        if not self.anchor_year or day is None and self.anchor_year != "month" \
                or self.anchor is None or self.anchor[1] not in ("day", "month") \
                or day is not None and self.anchor[1] != "day":
            return None
        told = self.anchor[0] if day is not None else self.anchor[0].replace(day=1)
        day = day or 1
        for year in (told.year, told.year + 1):
            candidate = _safe_date(year, month, day)
            if candidate is not None and candidate >= told:
                if (candidate - told).days <= _NARRATIVE_DAYS and candidate <= self.latest:
                    return candidate
                return None
        return None

    def relative(self, day: datetime.date, precision: str) -> tuple[datetime.date, str]:
        """A date counted from publication; never finer than the publication date itself."""
        if _RANK[precision] < _RANK[self.precision]:
            return self.published, self.precision
        return day, precision

    def recent(self, month: int, day: int = 1, strict: bool = False) -> datetime.date | None:
        """Most recent `day` of `month` on or before the end of the publication span."""
        for year in range(self.latest.year, self.latest.year - 9, -1):
            candidate = _safe_date(year, month, day)
            if candidate is None or candidate > self.latest:
                continue
            if strict and candidate.year == self.published.year and candidate.month == self.published.month:
                continue
            return candidate
        return None

    def recent_season(self, first_month: int, strict: bool = False) -> datetime.date:
        start = datetime.date(self.published.year, first_month, 1)
        if start > self.published:
            start = datetime.date(self.published.year - 1, first_month, 1)
        if strict and self.published <= span_end(start, "season"):
            start = datetime.date(start.year - 1, first_month, 1)
        return start


_Result = tuple[datetime.date, str] | None


def _number(token: str, words: L.DateWords) -> int:
    return int(token) if token.isdigit() else words.numbers[token.lower()]


def _month_number(token: str, words: L.DateWords) -> int:
    token = token.rstrip(".")
    table = words.months | words.month_abbreviations
    return table[token.lower()]


def _explicit_day(ctx: _Context, day: int, month: int, year: str | None, last_year: bool) -> _Result:
    if year:
        resolved = _safe_date(int(year), month, day)
    elif last_year:
        resolved = _safe_date(ctx.published.year - 1, month, day)
    else:
        resolved = ctx.after_explicit(month, day) or ctx.after_anchor(month, day) or ctx.recent(month, day)
    return (resolved, "day") if resolved else None


def _day_month(m: re.Match, ctx: _Context) -> _Result:
    if m.groupdict().get("sameyear"):
        # "11. desember samme år", "on 11 December that year": the year of the date told before, if any
        year = ctx.explicit.year if ctx.explicit is not None else ctx.anchor[0].year if ctx.anchor else None
        if year is None:
            return None
        return _explicit_day(ctx, int(m.group("d")), _month_number(m.group("mon"), ctx.words), str(year), False)
    return _explicit_day(ctx, int(m.group("d")), _month_number(m.group("mon"), ctx.words), m.group("y"),
                         bool(m.groupdict().get("lastyear")))


def _numeric(m: re.Match, ctx: _Context) -> _Result:
    parsed = dateparser.parse(m.group(0), languages=[ctx.language], settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        return None
    resolved = parsed.date()
    # Guard against dateparser reading the span differently from its shape (e.g. month/day swapped).
    if (resolved.day, resolved.month) != (int(m.group("d")), int(m.group("m"))):
        return None
    return resolved, "day"


# "the July liberation of Mosul" names a recent month: the press writes the year for one further back.
_RECENT_EVENT_MONTH_DAYS = 92


def _month(m: re.Match, ctx: _Context) -> _Result:
    name = m.group("mon") or m.group("mon2") or m.groupdict().get("mon3")
    month = _month_number(name, ctx.words)
    year = m.group("y") or m.group("y2")
    if year:
        return datetime.date(int(year), month, 1), "month"
    if m.groupdict().get("lastyear"):
        return datetime.date(ctx.published.year - 1, month, 1), "month"
    strict = bool(m.group("last") or m.groupdict().get("lastonly"))
    resolved = (None if strict else ctx.after_explicit(month) or ctx.after_anchor(month, None)) \
        or ctx.recent(month, 1, strict=strict)
    if resolved and m.groupdict().get("mon3") and (ctx.published - resolved).days > _RECENT_EVENT_MONTH_DAYS:
        return None  # "After the August capture of Sinjar" in May: which August the text does not say
    return (resolved, "month") if resolved else None


def _season(m: re.Match, ctx: _Context) -> _Result:
    lower = ctx.words.seasons
    if m.group("season"):
        first = lower[m.group("season").lower()]
        year = int(m.group("y"))
        if first == 12 and not m.group("y_to"):
            year -= 1  # "vinteren 2014" / "winter 2014": December 2013 to February 2014
        return datetime.date(year, first, 1), "season"
    if m.group("bare_ly"):
        first = lower[m.group("bare_ly").lower()]
        year = ctx.published.year - 1 - (1 if first == 12 else 0)
        return datetime.date(year, first, 1), "season"
    if m.group("bare_last"):
        return ctx.recent_season(lower[m.group("bare_last").lower()], strict=True), "season"
    return ctx.recent_season(lower[m.group("bare").lower()]), "season"


def _year(m: re.Match, ctx: _Context) -> _Result:
    return datetime.date(int(m.group("y")), 1, 1), "year"


def _earlier_year(m: re.Match, ctx: _Context) -> _Result:
    """A year before the year of publication, or nothing: "During the 2014 ISIL crisis, …" in a page of 2017 is
    history of 2014; "Amid the 2017 referendum crisis, …" in a story of that October is today's news, better
    dated by the story than by 1 January."""
    year = int(m.group("y"))
    return (datetime.date(year, 1, 1), "year") if year < ctx.published.year else None


def _relative_year(m: re.Match, ctx: _Context) -> _Result:
    if m.groupdict().get("start"):
        # "since the start of the year", "siden starten av året": its first month
        return ctx.relative(datetime.date(ctx.published.year, 1, 1), "month")
    back = 1 if m.group("last") else 0
    return ctx.relative(datetime.date(ctx.published.year - back, 1, 1), "year")


def _week(m: re.Match, ctx: _Context) -> _Result:
    if m.group("last"):
        return ctx.relative(_monday(ctx.published) - datetime.timedelta(days=7), "week")
    if m.groupdict().get("last_weekend"):
        # the weekend before the week of publication's (a Saturday or Sunday story's own weekend is "this")
        return ctx.relative(_monday(_monday(ctx.published) - datetime.timedelta(days=2)), "week")
    if m.group("weekend"):
        saturday = ctx.published - datetime.timedelta(days=(ctx.published.weekday() - 5) % 7)
        return ctx.relative(_monday(saturday), "week")
    return ctx.relative(_monday(ctx.published), "week")


def _relative_month(m: re.Match, ctx: _Context) -> _Result:
    first = ctx.published.replace(day=1)
    if m.group("last"):
        first = _add_months(first, -1)
    return ctx.relative(first, "month")


def _day(m: re.Match, ctx: _Context) -> _Result:
    back = 0
    if m.group("yesterday"):
        back = 1
    elif m.groupdict().get("before_yesterday"):
        back = 2
    return ctx.relative(ctx.published - datetime.timedelta(days=back), "day")


def _weekday(m: re.Match, ctx: _Context) -> _Result:
    groups = m.groupdict()
    name = groups.get("wd") or groups["wd_s"]
    target = ctx.words.weekdays[name.lower()]
    if groups.get("lastweek"):
        return ctx.relative(_monday(ctx.published) - datetime.timedelta(days=7 - target), "day")
    back = (ctx.published.weekday() - target) % 7
    if (groups.get("last") or groups.get("last2")) and back == 0:
        back = 7
    return ctx.relative(ctx.published - datetime.timedelta(days=back), "day")


def _ago(m: re.Match, ctx: _Context) -> _Result:
    return ctx.relative(*counted_back(ctx.published, _number(m.group("n"), ctx.words), counted_unit(m)))


def counted_unit(m: re.Match) -> str:
    """Which of the groups `days`, `weeks`, `months` a count's match filled; "years" when none."""
    return next((unit for unit in ("days", "weeks", "months") if m.groupdict().get(unit)), "years")


def counted_back(day: datetime.date, n: int, unit: str) -> tuple[datetime.date, str]:
    """The day, ISO week, month or year `n` `unit`s ("days", "weeks", "months", "years") before `day`, with
    that precision: "nine months ago" said on 11 December 2016 is March 2016."""
    if unit == "years":
        return datetime.date(day.year - n, 1, 1), "year"
    return shifted(day, -n, unit)


def shifted(day: datetime.date, n: int, unit: str) -> tuple[datetime.date, str]:
    """The day, ISO week or month `n` `unit`s ("days", "weeks", "months") after `day` (before it when `n` is
    negative), with that precision: two days after 9 November is 11 November, a week after it that week."""
    if unit == "days":
        return day + datetime.timedelta(days=n), "day"
    if unit == "weeks":
        return _monday(day + datetime.timedelta(days=7 * n)), "week"
    return _add_months(day.replace(day=1), n), "month"


def count_of(token: str, language: str) -> int | None:
    """A count written in digits or as a word of `language` ("nine", "ni"), or None."""
    module = L.for_language(language)
    if module is None or module.dates is None:
        return int(token) if token.isdigit() else None
    try:
        return _number(token, module.dates)
    except KeyError:
        return None


def _anchored(m: re.Match, ctx: _Context) -> _Result:
    if m.groupdict().get("same"):
        shift = 0  # "samme dag": the day of the date just told
    elif m.group("next"):
        shift = 1
    elif m.group("prev"):
        shift = -1
    else:
        n = _number(m.group("n"), ctx.words)
        shift = n if m.group("later") else -n
    if ctx.anchor is not None:
        day, precision = ctx.anchor
        if precision != "day":
            return day, precision  # a day after "i oktober" is still only known to be in October
        return day + datetime.timedelta(days=shift), "day"
    if shift < 0:
        # No earlier date in the article: "lost a day earlier" in a story dated Friday means Thursday.
        return ctx.relative(ctx.published + datetime.timedelta(days=shift), "day")
    return None


def _anchored_span(m: re.Match, ctx: _Context) -> _Result:
    """"three years later", "two months earlier", "tre år senere": counted from the date just told, at the
    span's own precision; never from publication (that would be a guess), never finer than the anchor."""
    if ctx.anchor is None:
        return None
    day, precision = ctx.anchor
    n = _number(m.group("n"), ctx.words)
    n = n if m.group("later") else -n
    if m.group("years"):
        return datetime.date(day.year + n, 1, 1), "year"
    if m.group("months"):
        if precision not in ("day", "week", "month"):
            return None  # two months after "in 2014" may be in 2014 or 2015
        return _add_months(day.replace(day=1), n), "month"
    if precision not in ("day", "week"):
        return None
    return _monday(day + datetime.timedelta(days=7 * n)), "week"


def late_in_day(phrase: str | None, language: str) -> bool:
    """Whether a day phrase puts an event in the evening or night of its day ("torsdag kveld", "Thursday
    night"): the map shows it from the next day. "natt til fredag" is the night before Friday, already put
    on Friday."""
    words = _words(language)
    if not phrase or words is None:
        return False
    if re.search(words.night_before, phrase, re.IGNORECASE):
        return False
    lowered = phrase.lower()
    return any(word in lowered for word in words.late_in_day)


def _words(language: str | None) -> L.DateWords | None:
    found = L.for_language(language)
    return found.dates if found is not None else None


_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")


def _by_then(m: re.Match, sentence: str, resolved: tuple[datetime.date, str], published: datetime.date) -> bool:
    """"By late June 2014, …" opening a sentence, its year told and its whole span before publication: the
    state of things by then, not a deadline ("vowed to retake Anbar by the end of January 2015")."""
    return (bool(_YEAR_WRITTEN.search(m.group(0))) and len(sentence[:m.start()].split()) == 1
            and span_end(resolved[0], resolved[1]) < published)


def _past_year(phrase: str, published: datetime.date) -> bool:
    """A phrase naming a year before publication ("By January 2014" in a 2016 text) looks back, not ahead."""
    return any(int(y.group(0)) < published.year for y in _YEAR_WRITTEN.finditer(phrase))


_Handler = Callable[[re.Match, _Context], _Result]

_HANDLERS: dict[str, _Handler] = {
    "day_month": _day_month, "season": _season, "month": _month, "year": _year, "earlier_year": _earlier_year,
    "relative_year": _relative_year,
    "relative_month": _relative_month, "week": _week, "ago": _ago, "anchored": _anchored,
    "anchored_span": _anchored_span, "day": _day,
    "weekday": _weekday,
}


def _rules(words: L.DateWords) -> tuple[tuple[re.Pattern, _Handler, bool], ...]:
    """(pattern, handler, may point forward) for a language, the shared numeric shapes first."""
    rules = [(_ISO, _numeric, False), (_NUMERIC, _numeric, False)]
    for rule in words.rules:
        rules.append((re.compile(rule.pattern, _I if rule.ignore_case else 0), _HANDLERS[rule.handler], rule.forward))
    return tuple(rules)


#: Rules per language, most specific first (that order only breaks ties between equal spans).
_RULES: dict[str, tuple[tuple[re.Pattern, _Handler, bool], ...]] = {
    language.code: _rules(language.dates) for language in L.languages() if language.dates is not None
}
_FUTURE_BEFORE: dict[str, re.Pattern] = {
    language.code: re.compile(r"(?:\b(?:" + language.dates.forward_before + r")\s+)$", _I)
    for language in L.languages() if language.dates is not None
}


_FILTERS: dict[str, LiteralFilter] = {language: LiteralFilter(p for p, _, _ in rules) for language, rules in _RULES.items()}


def find_dates(
    sentence: str,
    language: str,
    published: datetime.date,
    published_precision: str = "day",
    anchor: datetime.date | ResolvedDate | None = None,
    anchor_year: str = "",
) -> list[ResolvedDate]:
    """All date expressions in one sentence, resolved relative to the article's publication date, in text order.

    `language` is the code of a `geo.lang` module with date words ("nb", "en"; anything else finds
    nothing). `published_precision` is "day" or
    "month" (then `published` is the 1st). `anchor` is the latest date the article gave before this
    sentence, for "dagen etter"/"the next day"/"a day earlier"; a plain date counts as a day, a
    `ResolvedDate` keeps its precision. With `anchor_year` "day" (the anchor was told a sentence or three before),
    a day and month without a year soon after the anchor are of its year; with "month" (and in the same
    paragraph) a month alone too. No result lies after the publication date.
    """
    rules = _RULES.get(language)
    if rules is None:
        return []
    candidates: list[tuple[int, int, int, re.Match, _Handler, bool]] = []
    # Most sentences hold no date: skip the patterns whose required words (a month, a weekday, a
    # digit…) the sentence lacks; `_FILTERS` says so exactly, so the result is the same.
    for order in _FILTERS[language].candidates(sentence):
        pattern, handler, forward = rules[order]
        for m in pattern.finditer(sentence):
            candidates.append((m.start(), -m.end(), order, m, handler, forward))
    if not candidates:
        return []
    candidates.sort(key=lambda c: c[:3])

    latest = span_end(published, published_precision)
    if isinstance(anchor, ResolvedDate):
        anchor_pair = (anchor.date, anchor.precision)
    elif anchor is not None:
        anchor_pair = (anchor, "day")
    else:
        anchor_pair = None
    ctx = _Context(language, L.for_language(language).dates, published, published_precision, latest, anchor_pair,
                   anchor_year=anchor_year)

    results: list[ResolvedDate] = []
    taken_until = -1
    span_told = False
    for start, neg_end, _order, m, handler, forward in candidates:
        if start < taken_until:
            continue
        taken_until = -neg_end
        if span_told and (handler is _anchored_span or handler is _anchored and m.groupdict().get("same")):
            # "Five years later, it lost Baghouz; four years earlier, it had seized Raqqa", "Three years later,
            # on the same day": counted from the first span or from what it counts from? Say nothing.
            continue
        span_told = span_told or handler is _anchored_span
        future_cue = forward and _FUTURE_BEFORE[language].search(sentence[max(0, start - 30):start])
        resolved = handler(m, ctx)
        # (the day of publication itself is no deadline: "By Friday afternoon the army had regained the city",
        # "By 15 May IS had taken control", in a story of that day, tell what was done by then)
        if future_cue and not _past_year(m.group(0), published) and (
                resolved is None or resolved[0] > published or resolved[0] == published and resolved[1] != "day"
                or m.group(0)[:1].islower() and not _by_then(m, sentence, resolved, published)):
            # "innen utgangen av april", "by the end of April": a deadline, not a date things happened. A day
            # before publication is no deadline: "By 4 April, the city was fully secured" (by then), nor a month
            # with its year ("By late June 2014, Anbar was under ISIS control", in a story of July 2014).
            continue
        if resolved is None:
            continue
        day, precision = resolved
        if day > latest or day.year < _MIN_YEAR:
            continue
        results.append(ResolvedDate(day, precision, m.group(0), start, -neg_end))
        if handler is not _anchored_span:
            # "Three years earlier, IS had seized the city; two years earlier, it had lost Tikrit": spans told
            # side by side count from the same date, not one from the other.
            ctx.anchor = (day, precision)
        if precision in ("day", "month") and any(m.groupdict().get(name) for name in ("y", "y2")):
            ctx.explicit = day  # (a bare year says too little: "seized in 2014, … declared liberated in July")
    return _span_starts_in_year_of_end(results, sentence, ctx.words.range_join)


def _span_starts_in_year_of_end(results: list[ResolvedDate], sentence: str, join: str) -> list[ResolvedDate]:
    """"From August to November 2014": the month that opens a span, told without a year, is in the year of the
    span's end (the year before, when its month comes later in the year)."""
    if len(results) < 2:
        return results  # (most sentences: no span, and no pattern to look up)
    joined = _span_gap(join)
    for index in range(len(results) - 1):
        first, end = results[index], results[index + 1]
        if first.precision != "month" or re.search(L.YEAR, first.phrase) or not re.search(L.YEAR, end.phrase) \
                or end.precision not in ("month", "day") or not joined.match(sentence[first.end:end.start]):
            continue
        year = end.date.year - (1 if first.date.month > end.date.month else 0)
        results[index] = replace(first, date=first.date.replace(year=year))
    return results


@lru_cache(maxsize=8)
def _span_gap(join: str) -> re.Pattern:
    """What stands between the two dates of a span, as a language's `range_join` words say it."""
    return re.compile(rf"\s*(?:{join})\s*\Z", _I)
