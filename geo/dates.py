"""Date phrases in one sentence, resolved against the article's publication date, with a precision.

News copy dates events relative to the day it was written ("fredag", "torsdag kveld", "i går",
"last month", "i forrige uke", "a day earlier"). dateparser parses isolated explicit dates well but
fails on most of these in Norwegian (../shared/notes/anchors-geoparsing.md §3(b)), so the rules here
are our own; dateparser is only used for explicit numeric spans ("10.02.19", "2017-11-03").

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
from dataclasses import dataclass
from typing import Callable

import dateparser

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


# --------------------------------------------------------------------------------------------------
# Vocabulary, per language
# --------------------------------------------------------------------------------------------------

WEEKDAYS: dict[str, dict[str, int]] = {
    "nb": {"mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lørdag": 5, "søndag": 6},
    "en": {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6},
}
MONTHS: dict[str, dict[str, int]] = {
    "nb": {
        "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
        "september": 9, "oktober": 10, "november": 11, "desember": 12,
    },
    "en": {
        "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
        "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    },
}
#: Abbreviations accepted only next to a day number ("2. nov.", "Nov. 4").
MONTH_ABBREVIATIONS: dict[str, dict[str, int]] = {
    "nb": {"jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
           "nov": 11, "des": 12},
    "en": {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
           "Oct": 10, "Nov": 11, "Dec": 12},
}
#: First month of each meteorological season.
SEASONS: dict[str, dict[str, int]] = {
    "nb": {"våren": 3, "sommeren": 6, "høsten": 9, "vinteren": 12},
    "en": {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12},
}
#: "i sommer", "i fjor høst": the season word without the article.
SEASONS_BARE_NB = {"vår": 3, "sommer": 6, "høst": 9, "vinter": 12}
NUMBERS: dict[str, dict[str, int]] = {
    "nb": {"en": 1, "ett": 1, "én": 1, "et": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
           "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12},
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12},
}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# --------------------------------------------------------------------------------------------------
# Patterns (compiled once)
# --------------------------------------------------------------------------------------------------

_I = re.IGNORECASE
_YEAR = r"(?:19\d\d|20\d\d)"
# Not a year when glued to more digits, a thousands separator or a decimal ("3.400", "2.000", "99,5").
_NUM_LEFT = r"(?<![\d.,])"
_NUM_RIGHT = r"(?![\d]|[.,]\d)"
# "i 2000 landsbyer", "of 2014 fighters": a count, not a year.
_COUNTED = (
    r"(?!\s+(?:[A-ZÆØÅ]{2,}-)?(?:prosent|percent|per\s+cent|%|km|kilometer\w*|meter\w*|mil|miles?|mennesker|"
    r"personer|people|persons|sivile|civilians|soldater|soldiers|krigere|fighters|militants|tropper|troops|"
    r"familier|families|innbyggere|inhabitants|residents|døde|dead|drepte|killed|dollar|dollars|kroner|"
    r"landsby\w*|villages?|byer|towns?|hus|houses|boliger|fly|planes|aircraft|stridsvogner|tanks)\b)"
)
# A year that is not part of a decade or compound ("1990-tallet", "2014-grensene"); a range is allowed.
_YEAR_TAIL = rf"(?:\s*[–-]\s*(?:{_YEAR}|\d\d)\b)?(?![–-]\w)"

_NB_MONTH = _alt(MONTHS["nb"])
_EN_MONTH = _alt(MONTHS["en"])
_NB_MONTH_ABBR = _alt(MONTH_ABBREVIATIONS["nb"])
_EN_MONTH_ABBR = _alt(MONTH_ABBREVIATIONS["en"])
_NB_NUM = _alt(NUMBERS["nb"])
_EN_NUM = _alt(NUMBERS["en"])

# Pointing forward: whatever follows is a deadline or a plan, not a date an event happened on.
_FUTURE_BEFORE = re.compile(
    r"(?:\b(?:innen|neste|kommende|fram\s+til|frem\s+til|by|until|till|next|coming|before|før)\s+)$", _I
)

# -- explicit dates -------------------------------------------------------------------------------------
_ISO = re.compile(rf"{_NUM_LEFT}\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b(?![-\d])")
_NUMERIC = re.compile(
    rf"{_NUM_LEFT}\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d{{4}}|\d\d)\b{_NUM_RIGHT}(?!\.\d)"
)
_NB_DAY_MONTH = re.compile(
    rf"\b(?P<d>[0-3]?\d)\.\s?(?P<mon>(?:{_NB_MONTH})\b|(?:{_NB_MONTH_ABBR})\b\.?)"
    rf"(?:\s+(?P<y>{_YEAR})\b{_NUM_RIGHT}|\s+(?P<lastyear>i\s+fjor)\b)?",
    _I,
)
_EN_MONTH_DAY = re.compile(
    rf"\b(?P<mon>(?:{_EN_MONTH})\b|(?:{_EN_MONTH_ABBR})\b\.?)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<y>{_YEAR})\b{_NUM_RIGHT})?"
)
_EN_DAY_MONTH = re.compile(
    rf"{_NUM_LEFT}\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>(?:{_EN_MONTH})\b|(?:{_EN_MONTH_ABBR})\b\.?)"
    rf"(?:,?\s+(?P<y>{_YEAR})\b{_NUM_RIGHT})?"
)

# -- months -------------------------------------------------------------------------------------------
_NB_MONTH_CUE = r"(?:i|fra|siden|gjennom|under|(?:i\s+)?(?:begynnelsen|starten|midten|slutten|utgangen|løpet)\s+av|tidlig\s+i|sent\s+i)"
_NB_MONTH_PHRASE = re.compile(
    rf"\b(?:(?P<cue>{_NB_MONTH_CUE})\s+(?:(?P<last>forrige|sist)\s+)?(?P<mon>{_NB_MONTH})\b"
    rf"(?:\s+(?P<y>{_YEAR})\b{_NUM_RIGHT}|\s+(?P<lastyear>i\s+fjor)\b)?"
    rf"|(?P<mon2>{_NB_MONTH})\s+(?P<y2>{_YEAR})\b{_NUM_RIGHT})",
    _I,
)
_EN_MONTH_CUE = r"(?:[Ii]n|[Ss]ince|[Ff]rom|[Dd]uring|[Tt]hroughout|(?:in\s+)?(?:early|late|mid-?)|(?:[Aa]t\s+)?the\s+(?:start|beginning|middle|end)\s+of)"
_EN_MONTH_PHRASE = re.compile(
    rf"(?:\b(?P<cue>{_EN_MONTH_CUE})(?:\s+|(?<=-))(?:(?P<last>last)\s+)?|\b(?P<lastonly>[Ll]ast)\s+)(?P<mon>{_EN_MONTH})\b"
    rf"(?:,?\s+(?P<y>{_YEAR})\b{_NUM_RIGHT}|\s+(?P<lastyear>last\s+year)\b)?"
    rf"|\b(?P<mon2>{_EN_MONTH})(?:\s+of)?,?\s+(?P<y2>{_YEAR})\b{_NUM_RIGHT}"
)

# -- seasons ------------------------------------------------------------------------------------------
_NB_SEASON = re.compile(
    rf"\b(?:(?P<season>{_alt(SEASONS['nb'])})\s+(?P<y>{_YEAR})\b(?:\s*[/–-]\s*(?P<y_to>{_YEAR}|\d\d)\b)?{_NUM_RIGHT}"
    rf"|(?P<lastyear>i\s+fjor)\s+(?P<bare_ly>{_alt(SEASONS_BARE_NB)})\b"
    rf"|i\s+(?P<bare>{_alt(SEASONS_BARE_NB)})\b(?!\s*[-–])"
    rf"|(?P<last>forrige|sist)\s+(?P<bare_last>{_alt(SEASONS_BARE_NB)})\b)",
    _I,
)
_EN_SEASON = re.compile(
    rf"\b(?:(?:the\s+)?(?P<season>{_alt(SEASONS['en'])})\s+(?:of\s+)?(?P<y>{_YEAR})\b(?:\s*[/–-]\s*(?P<y_to>{_YEAR}|\d\d)\b)?{_NUM_RIGHT}"
    rf"|(?P<last>last)\s+(?P<bare_last>{_alt(SEASONS['en'])})\b"
    rf"|(?:this|in\s+the)\s+(?P<bare>{_alt(SEASONS['en'])})\b(?!\s+of\b)"
    rf"|(?P<bare_ly>{_alt(SEASONS['en'])})\s+(?P<lastyear>last\s+year)\b)",
    _I,
)

# -- years --------------------------------------------------------------------------------------------
_NB_YEAR = re.compile(
    rf"\b(?:i|fra|siden|året|år|(?:begynnelsen|starten|midten|slutten|utgangen|løpet)\s+av|tidlig\s+i|sent\s+i)\s+"
    rf"{_NUM_LEFT}(?P<y>{_YEAR})\b{_NUM_RIGHT}{_YEAR_TAIL}{_COUNTED}",
    _I,
)
_EN_YEAR = re.compile(
    rf"\b(?:in|since|from|during|throughout|the\s+year|(?:the\s+)?(?:start|beginning|middle|end|course|first\s+half|second\s+half)\s+of|early|late|mid-?)\s*"
    rf"{_NUM_LEFT}(?<=\s|-)(?P<y>{_YEAR})\b{_NUM_RIGHT}{_YEAR_TAIL}{_COUNTED}",
    _I,
)
_NB_REL_YEAR = re.compile(r"\b(?P<which>i\s+fjor|i\s+år)\b(?!\s*[-–])", _I)
_EN_REL_YEAR = re.compile(r"\b(?P<which>last\s+year|this\s+year|earlier\s+this\s+year)\b", _I)

# -- weeks and months relative to publication ------------------------------------------------------------
_NB_WEEK = re.compile(
    r"\b(?:(?P<last>(?:i\s+)?(?:forrige|sist)\s+uk(?:e|en|a)|(?:i\s+)?uk(?:a|en)\s+som\s+gikk)"
    r"|(?P<this>(?:tidligere\s+)?denne\s+uk(?:en|a)|tidligere\s+i\s+uk(?:en|a|e))"
    r"|(?P<weekend>i\s+helgen|i\s+helga))\b",
    _I,
)
_EN_WEEK = re.compile(
    r"\b(?:(?P<last>last\s+week)|(?P<this>(?:earlier\s+)?this\s+week|earlier\s+in\s+the\s+week)"
    r"|(?P<weekend>(?:over|at|this)\s+the\s+weekend|this\s+weekend))\b",
    _I,
)
_NB_REL_MONTH = re.compile(
    r"\b(?:(?P<last>(?:i\s+)?(?:forrige|sist)\s+måned(?:en)?)|(?P<this>(?:tidligere\s+)?denne\s+måneden))\b", _I
)
_EN_REL_MONTH = re.compile(r"\b(?:(?P<last>last\s+month)|(?P<this>(?:earlier\s+)?this\s+month))\b", _I)

# -- days relative to publication ---------------------------------------------------------------------
_NB_DAY = re.compile(
    r"\b(?:(?P<yesterday>i\s+går)(?:\s+(?:morges|kveld|ettermiddag|formiddag|natt))?"
    r"|(?P<before_yesterday>i\s+forgårs)"
    r"|(?P<today>i\s+dag|i\s+morges|i\s+kveld|i\s+natt|i\s+ettermiddag|tidligere\s+i\s+dag))\b(?!s)",
    _I,
)
_EN_DAY = re.compile(
    r"\b(?:(?P<yesterday>yesterday|last\s+night)(?:\s+(?:morning|afternoon|evening))?"
    r"|(?P<today>(?:earlier\s+)?today|this\s+morning|tonight|this\s+afternoon|this\s+evening))\b"
)
_NB_WEEKDAY = re.compile(
    # "i fredags" is colloquial for last Friday
    rf"\b(?:(?P<last>i)\s+(?P<wd_s>{_alt(WEEKDAYS['nb'])})s\b"
    rf"|(?:(?P<night>natt(?:en)?\s+til)\s+|(?P<last2>sist|forrige)\s+|på\s+)?"
    rf"(?P<wd>{_alt(WEEKDAYS['nb'])})\b(?![-–]\w))"
    r"(?:\s+(?P<tod>morgen|formiddag|ettermiddag|kveld|natt)\b)?",
    _I,
)
_EN_WEEKDAY = re.compile(
    rf"\b(?:(?P<last>[Ll]ast)\s+|(?:[Oo]n|[Ll]ate|[Ee]arly)\s+(?:on\s+)?)?(?P<wd>{_alt(WEEKDAYS['en'])})\b"
    r"(?:\s+(?P<tod>morning|afternoon|evening|night)\b)?"
)
_NB_AGO = re.compile(
    rf"\bfor\s+(?P<n>\d{{1,2}}|{_NB_NUM})\s+(?P<unit>dager|dag|døgn|uker|uke|måneder|måned|år)\s+siden\b", _I
)
_EN_AGO = re.compile(rf"\b(?P<n>\d{{1,2}}|{_EN_NUM})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _I)

# -- days relative to the anchor ------------------------------------------------------------------------
_NB_ANCHORED = re.compile(
    rf"\b(?:(?P<next>dagen\s+etter|dagen\s+derpå|neste\s+dag)(?!\s+(?:at|som)\b)"
    rf"|(?P<prev>dagen\s+(?:før|i\s+forveien))(?=\s*[,.;:!?)]|\s*$|\s+(?:hadde|var|ble|har|er)\b)"
    rf"|(?P<n>\d{{1,2}}|{_NB_NUM})\s+(?:dager|dag|døgn)\s+(?:(?P<later>senere|seinere)|(?P<earlier>tidligere)))\b",
    _I,
)
_EN_ANCHORED = re.compile(
    rf"\b(?:(?P<next>the\s+(?:next|following)\s+day|the\s+day\s+after(?=\s*[,.;:!?)]|\s*$))"
    rf"|(?P<prev>the\s+(?:previous|preceding)\s+day|the\s+day\s+before(?=\s*[,.;:!?)]|\s*$))"
    rf"|(?P<n>\d{{1,2}}|{_EN_NUM})\s+days?\s+(?:(?P<later>later|afterwards)|(?P<earlier>earlier|before(?=\s*[,.;:!?)]|\s*$))))\b",
    _I,
)

_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
_DATEPARSER_LANGUAGE = {"nb": "nb", "en": "en"}


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

@dataclass
class _Context:
    language: str
    published: datetime.date
    precision: str
    latest: datetime.date
    anchor: tuple[datetime.date, str] | None

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


def _number(token: str, language: str) -> int:
    return int(token) if token.isdigit() else NUMBERS[language][token.lower()]


def _month_number(token: str, language: str) -> int:
    token = token.rstrip(".")
    table = {k.lower(): v for k, v in (MONTHS[language] | MONTH_ABBREVIATIONS[language]).items()}
    return table[token.lower()]


def _explicit_day(ctx: _Context, day: int, month: int, year: str | None, last_year: bool) -> _Result:
    if year:
        resolved = _safe_date(int(year), month, day)
    elif last_year:
        resolved = _safe_date(ctx.published.year - 1, month, day)
    else:
        resolved = ctx.recent(month, day)
    return (resolved, "day") if resolved else None


def _day_month(m: re.Match, ctx: _Context) -> _Result:
    return _explicit_day(ctx, int(m.group("d")), _month_number(m.group("mon"), ctx.language), m.group("y"),
                         bool(m.groupdict().get("lastyear")))


def _numeric(m: re.Match, ctx: _Context) -> _Result:
    parsed = dateparser.parse(m.group(0), languages=[_DATEPARSER_LANGUAGE[ctx.language]], settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        return None
    resolved = parsed.date()
    # Guard against dateparser reading the span differently from its shape (e.g. month/day swapped).
    if (resolved.day, resolved.month) != (int(m.group("d")), int(m.group("m"))):
        return None
    return resolved, "day"


def _month(m: re.Match, ctx: _Context) -> _Result:
    name = m.group("mon") or m.group("mon2")
    month = _month_number(name, ctx.language)
    year = m.group("y") or m.group("y2")
    if year:
        return datetime.date(int(year), month, 1), "month"
    if m.groupdict().get("lastyear"):
        return datetime.date(ctx.published.year - 1, month, 1), "month"
    strict = bool(m.group("last") or m.groupdict().get("lastonly"))
    resolved = ctx.recent(month, 1, strict=strict)
    return (resolved, "month") if resolved else None


def _season(m: re.Match, ctx: _Context) -> _Result:
    table = SEASONS[ctx.language] | (SEASONS_BARE_NB if ctx.language == "nb" else {})
    lower = {k.lower(): v for k, v in table.items()}
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


def _relative_year(m: re.Match, ctx: _Context) -> _Result:
    which = m.group("which").lower()
    back = 1 if ("fjor" in which or which.startswith("last")) else 0
    return ctx.relative(datetime.date(ctx.published.year - back, 1, 1), "year")


def _week(m: re.Match, ctx: _Context) -> _Result:
    if m.group("last"):
        return ctx.relative(_monday(ctx.published) - datetime.timedelta(days=7), "week")
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
    target = {k.lower(): v for k, v in WEEKDAYS[ctx.language].items()}[name.lower()]
    back = (ctx.published.weekday() - target) % 7
    if (groups.get("last") or groups.get("last2")) and back == 0:
        back = 7
    return ctx.relative(ctx.published - datetime.timedelta(days=back), "day")


def _ago(m: re.Match, ctx: _Context) -> _Result:
    n = _number(m.group("n"), ctx.language)
    unit = m.group("unit").lower()
    if unit.startswith(("dag", "døgn", "day")):
        return ctx.relative(ctx.published - datetime.timedelta(days=n), "day")
    if unit.startswith(("uke", "week")):
        return ctx.relative(_monday(ctx.published - datetime.timedelta(days=7 * n)), "week")
    if unit.startswith(("måned", "month")):
        return ctx.relative(_add_months(ctx.published.replace(day=1), -n), "month")
    return ctx.relative(datetime.date(ctx.published.year - n, 1, 1), "year")


def _anchored(m: re.Match, ctx: _Context) -> _Result:
    if m.group("next"):
        shift = 1
    elif m.group("prev"):
        shift = -1
    else:
        n = _number(m.group("n"), ctx.language)
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


_LATE_IN_DAY = {"nb": ("kveld", "natt"), "en": ("night", "evening")}
_NIGHT_BEFORE = {"nb": re.compile(r"\bnatt(?:en)?\s+til\b", re.IGNORECASE)}


def late_in_day(phrase: str | None, language: str) -> bool:
    """Whether a day phrase puts an event in the evening or night of its day ("torsdag kveld", "Thursday
    night"): the map shows it from the next day. "natt til fredag" is the night before Friday, already put
    on Friday."""
    if not phrase:
        return False
    night_before = _NIGHT_BEFORE.get(language)
    if night_before is not None and night_before.search(phrase):
        return False
    lowered = phrase.lower()
    return any(word in lowered for word in _LATE_IN_DAY.get(language, ()))


def _past_year(phrase: str, published: datetime.date) -> bool:
    """A phrase naming a year before publication ("By January 2014" in a 2016 text) looks back, not ahead."""
    return any(int(y) < published.year for y in re.findall(r"\b(?:19|20)\d\d\b", phrase))


_Handler = Callable[[re.Match, _Context], _Result]

#: Rules per language, most specific first (that order only breaks ties between equal spans).
_RULES: dict[str, tuple[tuple[re.Pattern, _Handler, bool], ...]] = {
    # (pattern, handler, may point forward: check the words before it for "innen"/"by"/"next")
    "nb": (
        (_ISO, _numeric, False),
        (_NUMERIC, _numeric, False),
        (_NB_DAY_MONTH, _day_month, True),
        (_NB_SEASON, _season, True),
        (_NB_MONTH_PHRASE, _month, True),
        (_NB_YEAR, _year, True),
        (_NB_REL_YEAR, _relative_year, False),
        (_NB_REL_MONTH, _relative_month, False),
        (_NB_WEEK, _week, False),
        (_NB_AGO, _ago, False),
        (_NB_ANCHORED, _anchored, False),
        (_NB_DAY, _day, False),
        (_NB_WEEKDAY, _weekday, True),
    ),
    "en": (
        (_ISO, _numeric, False),
        (_NUMERIC, _numeric, False),
        (_EN_MONTH_DAY, _day_month, True),
        (_EN_DAY_MONTH, _day_month, True),
        (_EN_SEASON, _season, True),
        (_EN_MONTH_PHRASE, _month, True),
        (_EN_YEAR, _year, True),
        (_EN_REL_YEAR, _relative_year, False),
        (_EN_REL_MONTH, _relative_month, False),
        (_EN_WEEK, _week, False),
        (_EN_AGO, _ago, False),
        (_EN_ANCHORED, _anchored, False),
        (_EN_DAY, _day, False),
        (_EN_WEEKDAY, _weekday, True),
    ),
}


_FILTERS: dict[str, LiteralFilter] = {language: LiteralFilter(p for p, _, _ in rules) for language, rules in _RULES.items()}


def find_dates(
    sentence: str,
    language: str,
    published: datetime.date,
    published_precision: str = "day",
    anchor: datetime.date | ResolvedDate | None = None,
) -> list[ResolvedDate]:
    """All date expressions in one sentence, resolved relative to the article's publication date, in text order.

    `language` is "nb" or "en" (anything else finds nothing). `published_precision` is "day" or
    "month" (then `published` is the 1st). `anchor` is the latest date the article gave before this
    sentence, for "dagen etter"/"the next day"/"a day earlier"; a plain date counts as a day, a
    `ResolvedDate` keeps its precision. No result lies after the publication date.
    """
    rules = _RULES.get(language)
    if rules is None:
        return []
    candidates: list[tuple[int, int, int, re.Match, _Handler, bool]] = []
    # Most sentences hold no date: skip the patterns whose required words (a month, a weekday, a
    # digit…) the sentence lacks; `_FILTERS` says so exactly, so the result is the same.
    for order, ((pattern, handler, forward), possible) in enumerate(zip(rules, _FILTERS[language].possible(sentence))):
        if not possible:
            continue
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
    ctx = _Context(language, published, published_precision, latest, anchor_pair)

    results: list[ResolvedDate] = []
    taken_until = -1
    for start, neg_end, _order, m, handler, forward in candidates:
        if start < taken_until:
            continue
        taken_until = -neg_end
        future_cue = forward and _FUTURE_BEFORE.search(sentence[max(0, start - 30):start])
        if future_cue and not _past_year(m.group(0), published):
            continue  # "innen utgangen av april", "by the end of April": a deadline, not a date things happened
        resolved = handler(m, ctx)
        if resolved is None:
            continue
        day, precision = resolved
        if day > latest or day.year < _MIN_YEAR:
            continue
        results.append(ResolvedDate(day, precision, m.group(0), start, -neg_end))
        ctx.anchor = (day, precision)
    return results
