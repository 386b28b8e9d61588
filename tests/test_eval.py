"""`python -m geo.eval`: the matcher, the intervals, the gold checks, and a smoke run on a corpus of three
hand-written articles built with the real pipeline."""

import json
from datetime import date
from pathlib import Path

import pytest

from geo.eval.cli import main
from geo.eval.corpus import EvalArticle, read_corpus
from geo.eval.gold import GoldChange, GoldError, GoldTrap, read_gold
from geo.eval.map_check import AFTER_CHANGE, BEFORE_NEXT, check_map, probe_days
from geo.eval.match import date_agrees, haversine_km, match_changes, precision_window
from geo.eval.predictions import Predicted
from geo.eval.report import results
from geo.eval.run import build_corpus, evaluate, load_inputs
from geo.eval.score import quotes_overlap, score_article, trap_violations
from geo.eval.stats import Rate, f1_rate, wilson_interval

D = date.fromisoformat
TODAY = date(2026, 11, 23)
RAQQA = (35.9528, 39.0079)
MOSUL = (36.335, 43.1189)
AL_QAIM = (34.3925, 40.9895)

# --- the matcher --------------------------------------------------------------------------------------

KM_PER_DEGREE_LAT = 111.195  # on the 6371.0088 km sphere


def test_haversine_is_the_great_circle_distance():
    assert haversine_km(0, 0, 1, 0) == pytest.approx(KM_PER_DEGREE_LAT, abs=0.01)
    assert haversine_km(*RAQQA, *RAQQA) == 0
    # Rosetta Code's Nashville–Los Angeles example: 2887.26 km on a 6372.8 km sphere
    assert haversine_km(36.12, -86.67, 33.94, -118.40) == pytest.approx(2887.2600 * 6371.0088 / 6372.8, abs=0.01)


def _gold(lat=RAQQA[0], lon=RAQQA[1], force="SDF", status="held", day="2017-10-17", precision="day", line=2,
          article_id="a"):
    return GoldChange("gold.csv", line, article_id, "Raqqa", None, lat, lon, force, status, D(day), precision, None,
                      "quote")


def _predicted(lat=RAQQA[0], lon=RAQQA[1], force="SDF", status="held", day="2017-10-17", precision="day",
               event_id="e1", kind="capture", quote="quote", article_id="a"):
    return Predicted(event_id, article_id, "raqqa", "Raqqa", lat, lon, kind, force, status,
                     None if day is None else D(day), precision, quote)


@pytest.mark.parametrize("km, matches", [(4.9, True), (5.1, False)])
def test_a_place_matches_within_5_km(km, matches):
    north = RAQQA[0] + km / KM_PER_DEGREE_LAT
    assert bool(match_changes([_gold()], [_predicted(lat=north)])) is matches


@pytest.mark.parametrize("field, value", [("force", "IS"), ("status", "contested")])
def test_force_and_status_must_be_the_same(field, value):
    assert match_changes([_gold()], [_predicted(**{field: value})]) == []


@pytest.mark.parametrize("gold_day, precision, predicted, agrees", [
    ("2017-10-17", "day", "2017-10-17", True),
    ("2017-10-17", "day", "2017-10-16", False),        # a day off at day precision is wrong
    ("2017-10-20", "week", "2017-10-16", True),        # Monday of the ISO week of Friday 20 October
    ("2017-10-20", "week", "2017-10-15", False),       # the Sunday before
    ("2017-10-01", "month", "2017-10-31", True),
    ("2017-10-01", "month", "2017-11-01", False),
    ("2013-12-01", "season", "2014-02-28", True),      # "winter 2014": December 2013 to February 2014
    ("2013-12-01", "season", "2014-03-01", False),
    ("2014-01-01", "year", "2014-12-31", True),
    ("2014-01-01", "year", "2015-01-01", False),
])
def test_a_date_agrees_inside_the_window_of_the_gold_precision(gold_day, precision, predicted, agrees):
    assert date_agrees(D(predicted), D(gold_day), precision) is agrees


def test_an_undated_prediction_never_agrees_on_the_date():
    assert date_agrees(None, D("2017-10-17"), "year") is False


def test_precision_windows():
    assert precision_window(D("2017-10-20"), "week") == (D("2017-10-16"), D("2017-10-22"))
    assert precision_window(D("2017-02-10"), "month") == (D("2017-02-01"), D("2017-02-28"))
    assert precision_window(D("2017-12-05"), "season") == (D("2017-12-01"), D("2018-02-28"))
    assert precision_window(D("2017-04-30"), "season") == (D("2017-03-01"), D("2017-05-31"))


def test_matching_is_one_to_one_nearest_first_then_closest_date():
    golds = [_gold(precision="month", day="2017-10-01")]
    far = _predicted(lat=RAQQA[0] + 3 / KM_PER_DEGREE_LAT, day="2017-10-01", event_id="far")
    late = _predicted(day="2017-10-30", event_id="late")
    early = _predicted(day="2017-10-02", event_id="early")
    [pair] = match_changes(golds, [far, late, early])
    assert pair.predicted == 2  # as near as "late", closer in date

    two_golds = [_gold(line=2), _gold(line=3)]
    assert len(match_changes(two_golds, [_predicted()])) == 1


# --- intervals ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("successes, n, low, high", [
    (8, 10, 0.4902, 0.9433),
    (0, 10, 0.0, 0.2775),
    (5, 10, 0.2366, 0.7634),
    (10, 10, 0.7225, 1.0),
    (81, 100, 0.7222, 0.8749),
])
def test_wilson_interval_known_values(successes, n, low, high):
    assert wilson_interval(successes, n) == pytest.approx((low, high), abs=1e-4)


def test_rates_and_f1():
    assert Rate(0, 0).value is None and Rate(0, 0).as_dict()["low"] is None
    f1 = f1_rate(true_positives=6, predicted=8, gold=10)
    assert f1.value == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))
    assert f1.as_dict() == {"value": 0.6667, "low": pytest.approx(0.4, abs=0.1), "high": pytest.approx(0.86, abs=0.05),
                            "successes": 6, "n": 9}


# --- traps and the assembled map -------------------------------------------------------------------

TEXT = "BAGHDAD (Reuters) - Iraqi forces retook Mosul from IS. IS vowed to retake the city."


def _trap(force="IS", kind="polarity", quote="Iraqi forces retook Mosul from IS."):
    return GoldTrap("gold.csv", 5, "a", "Mosul", None, *MOSUL, force, kind, quote)


def test_quotes_overlap_by_their_place_in_the_text():
    assert quotes_overlap(TEXT, "Iraqi forces retook Mosul from IS.", "retook Mosul")
    assert not quotes_overlap(TEXT, "Iraqi forces retook Mosul from IS.", "IS vowed to retake the city.")


def test_a_trap_is_violated_by_a_change_of_its_force_at_its_place_from_its_sentence():
    held_by_is = _predicted(*MOSUL, force="IS", quote="BAGHDAD (Reuters) - Iraqi forces retook Mosul from IS.")
    assert trap_violations(_trap(), TEXT, [held_by_is]) == (held_by_is,)
    liberated = _predicted(*MOSUL, force="IRAQI_GOV", quote="BAGHDAD (Reuters) - Iraqi forces retook Mosul from IS.")
    assert trap_violations(_trap(), TEXT, [liberated]) == ()
    assert trap_violations(_trap(force=None), TEXT, [liberated]) == (liberated,)  # no force: any change
    other_sentence = _predicted(*MOSUL, force="IS", quote="IS vowed to retake the city.")
    assert trap_violations(_trap(), TEXT, [other_sentence]) == ()
    elsewhere = _predicted(*RAQQA, force="IS", quote="BAGHDAD (Reuters) - Iraqi forces retook Mosul from IS.")
    assert trap_violations(_trap(), TEXT, [elsewhere]) == ()


def test_the_map_is_probed_after_the_precision_window_and_before_the_next_change():
    october = _gold(precision="month", day="2017-10-01")
    assert probe_days(october, [october]) == [(D("2017-11-01"), AFTER_CHANGE)]
    day = _gold(day="2017-10-17")
    retaken = _gold(force="IS", day="2017-12-01", line=3)
    assert probe_days(day, [day, retaken]) == [(D("2017-10-17"), AFTER_CHANGE), (D("2017-11-30"), BEFORE_NEXT)]
    # the next change falls inside the month: the dates do not say which came first, so nothing is probed
    early = _gold(force="IS", day="2017-10-20", line=3)
    assert probe_days(october, [october, early]) == []
    assert probe_days(early, [october, early]) == [(D("2017-10-20"), AFTER_CHANGE)]


class _Period:
    def __init__(self, force, status, valid_from, valid_to, contested_by=(), where=RAQQA):
        self.force, self.status, self.contested_by = force, status, list(contested_by)
        self.valid_from, self.valid_to = valid_from and D(valid_from), valid_to and D(valid_to)
        self.lat, self.lon = where


def test_the_map_shows_the_gold_state_or_says_what_it_shows_instead():
    periods = [_Period("IS", "held", None, "2017-10-20"), _Period("SDF", "held", "2017-10-20", None)]
    right = _gold(day="2017-10-01", precision="month")
    late = _gold(day="2017-10-17")
    [month, day] = check_map([right, late], [right], periods)
    assert month.ok and month.probes[0].shown == ("SDF held",)
    assert not day.ok and day.probes[0].shown == ("IS held",)
    contested = _gold(force="SDF", status="contested", day="2017-10-10")
    fight = [_Period("IS", "contested", "2017-10-01", None, contested_by=["SDF"])]
    assert check_map([contested], [contested], fight)[0].ok


# --- gold checks ----------------------------------------------------------------------------------------

HEADER = "article_id,row,place,geonames_id,lat,lon,force,status,date,date_precision,claimant,trap_kind,quote,note\n"
ARTICLE = EvalArticle("en-x-raqqa-20171020", "en-x-raqqa-20171020.md", D("2017-10-20"), "en", "dev", "written",
                      "SDF fighters took Raqqa on Tuesday.\n\nIS vowed to return.")


def _problems(tmp_path, *rows):
    gold = tmp_path / "gold"
    gold.mkdir(exist_ok=True)
    (gold / "batch.csv").write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return read_gold(gold, {ARTICLE.article_id: ARTICLE})


GOOD = "en-x-raqqa-20171020,change,Raqqa,163915,35.9528,39.0079,SDF,held,2017-10-17,day,,,SDF fighters took Raqqa on Tuesday.,"


def test_good_rows_are_read(tmp_path):
    gold, problems = _problems(tmp_path, GOOD, "en-x-raqqa-20171020,trap,Raqqa,,35.9528,39.0079,IS,,,,,intention,IS vowed to return.,")
    assert problems == []
    [change], [trap] = gold.changes, gold.traps
    assert (change.force, change.date, change.line, change.source) == ("SDF", D("2017-10-17"), 2, "batch.csv:2")
    assert (trap.kind, trap.force, trap.line) == ("intention", "IS", 3)


@pytest.mark.parametrize("row, message", [
    (GOOD.replace("took Raqqa", "captured Raqqa"), "not a verbatim substring of the text of en-x-raqqa-20171020"),
    (GOOD.replace("en-x-raqqa-20171020", "en-nope", 1), "unknown article 'en-nope'"),
    (GOOD.replace(",SDF,", ",YPG,"), "unknown force 'YPG'"),
    (GOOD.replace(",held,", ",taken,"), "'status' must be one of held, contested"),
    (GOOD.replace(",day,", ",hour,"), "'date_precision' must be one of day, week, month, season, year"),
    (GOOD.replace("35.9528", "95.9528"), "'lat' 95.9528 is outside -90..90"),
    (GOOD.replace("39.0079", "east"), "'lon' must be decimal degrees"),
    (GOOD.replace("2017-10-17,day", "2017-10-17,month"), "a month is written as its first day: 2017-10-01"),
    (GOOD.replace("2017-10-17", "2017-10-27"), "after the article's publication"),
    ("en-x-raqqa-20171020,trap,Raqqa,,35.9528,39.0079,IS,,,,,rumour,IS vowed to return.,", "'trap_kind' must be one of"),
    ("en-x-raqqa-20171020,changed,Raqqa,,35.9528,39.0079,IS,,,,,,IS vowed to return.,", "'row' must be 'change' or 'trap'"),
])
def test_each_bad_row_is_named_by_file_and_line_with_the_reason(tmp_path, row, message):
    _, problems = _problems(tmp_path, GOOD, row)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{tmp_path / 'gold' / 'batch.csv'}, line 3: ")
    assert message in problems[0]


def test_a_quote_that_is_not_in_the_text_says_where_it_departs(tmp_path):
    _, [problem] = _problems(tmp_path, GOOD.replace("took Raqqa", "took  Raqqa"))
    assert "then the quote has ' Raqqa on Tuesday.' where the text has 'Raqqa on Tuesday." in problem


def test_a_change_annotated_twice_is_a_problem(tmp_path):
    _, [problem] = _problems(tmp_path, GOOD, GOOD)
    assert "line 3: the same change as batch.csv line 2" in problem


def test_an_article_without_split_or_origin_is_a_problem(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "en-x-raqqa-20171020.md").write_text(
        "---\npublished: 2017-10-20\nlanguage: en\nsplit: train\n---\nSDF fighters took Raqqa on Tuesday.\n",
        encoding="utf-8")
    corpus, problems = read_corpus(articles, today=TODAY)
    assert corpus.articles == {}
    assert [p.split(": ", 1)[1] for p in problems] == [
        "front matter 'split' must be one of dev, test, got 'train'",
        "front matter has no 'origin' (one of real, written)",
    ]
    assert all(p.startswith(str(articles / "en-x-raqqa-20171020.md")) for p in problems)


# --- a smoke run: three hand-written articles through the real pipeline ----------------------------

RAQQA_CAPTURE = "Syrian Democratic Forces captured Raqqa on Tuesday, the coalition said."
TABQA_VOW = "Islamic State fighters vowed to retake Tabqa."
MOSUL_RETAKEN = "Irakiske regjeringsstyrker gjenerobret mandag Mosul fra IS."
QAIM_RETAKEN = "Iraqi forces recaptured al-Qaim on Friday, the Iraqi military said."

ARTICLES = {
    "en-wire-raqqa-20171020": ("2017-10-20", "en", "dev", "real", f"{RAQQA_CAPTURE}\n\n{TABQA_VOW}"),
    "nb-ntb-mosul-20170711": ("2017-07-11", "nb", "test", "written", MOSUL_RETAKEN),
    "en-wire-qaim-20171104": ("2017-11-04", "en", "test", "real", QAIM_RETAKEN),
}


def _row(article_id, row, place, where, force, status="", day="", precision="", trap_kind="", quote="", note=""):
    return ",".join([article_id, row, place, "", f"{where[0]}", f"{where[1]}", force, status, day, precision, "",
                     trap_kind, f'"{quote}"', note])


GOLD_ROWS = [
    _row("en-wire-raqqa-20171020", "change", "Raqqa", RAQQA, "SDF", "held", "2017-10-17", "day", quote=RAQQA_CAPTURE),
    _row("en-wire-raqqa-20171020", "trap", "Tabqa", (35.8367, 38.5481), "IS", trap_kind="intention", quote=TABQA_VOW),
    # "mandag" in a story of Tuesday 11 July is the 10th: the 9th, at day precision, must not match
    _row("nb-ntb-mosul-20170711", "change", "Mosul", MOSUL, "IRAQI_GOV", "held", "2017-07-09", "day",
         quote=MOSUL_RETAKEN, note="a wrong date on purpose"),
    _row("en-wire-qaim-20171104", "change", "al-Qaim", AL_QAIM, "IRAQI_GOV", "held", "2017-11-03", "day",
         quote=QAIM_RETAKEN),
    # a trap annotated on a plain capture (as if the text disputed it), so that any extractor violates it
    _row("en-wire-qaim-20171104", "trap", "al-Qaim", AL_QAIM, "IRAQI_GOV", trap_kind="disputed", quote=QAIM_RETAKEN),
]


def write_corpus(root: Path, gold_rows=GOLD_ROWS) -> tuple[Path, Path]:
    articles, gold = root / "articles", root / "gold"
    articles.mkdir(parents=True)
    gold.mkdir()
    for article_id, (published, language, split, origin, text) in ARTICLES.items():
        (articles / f"{article_id}.md").write_text(
            f"---\ntitle: {article_id}\nsource: Test Wire\npublished: {published}\nlanguage: {language}\n"
            f"split: {split}\norigin: {origin}\nlicence: CC0\ngenre: wire\n---\n{text}\n", encoding="utf-8")
    (gold / "smoke.csv").write_text(HEADER + "".join(r + "\n" for r in gold_rows), encoding="utf-8")
    return articles, gold


@pytest.fixture(scope="module")
def smoke(tmp_path_factory, gazetteer):
    root = tmp_path_factory.mktemp("eval")
    articles, gold_dir = write_corpus(root)
    corpus, gold = load_inputs(articles, gold_dir, today=TODAY)
    layer = build_corpus(articles, root / "layer", today=TODAY, jobs=1)
    return root, corpus, gold, layer


@pytest.fixture(scope="module")
def scored(smoke):
    _, corpus, gold, layer = smoke
    return evaluate(corpus, gold, layer)


def _outcome(evaluation, article_id):
    return next(o for o in evaluation.outcomes if o.article.article_id == article_id)


def test_a_correct_change_is_a_true_positive(scored):
    raqqa = _outcome(scored, "en-wire-raqqa-20171020")
    [(gold, predicted)] = raqqa.matches
    assert (gold.place, predicted.place_id, predicted.force, predicted.date) == ("Raqqa", "raqqa", "SDF", D("2017-10-17"))
    assert scored.groups["split:dev"].recall.value == 1.0


def test_a_wrong_date_at_day_precision_is_a_miss_and_a_false_change(scored):
    mosul = _outcome(scored, "nb-ntb-mosul-20170711")
    assert [c.place for c in mosul.misses] == ["Mosul"]
    assert [(p.place_id, p.date) for p in mosul.false_changes] == [("mosul", D("2017-07-10"))]
    assert (mosul.same_place_force_status, mosul.dated_right, mosul.places_found) == (1, 0, 1)
    data = results(scored)
    [miss] = [m for m in data["misses"] if m["place"] == "Mosul"]
    assert miss["gold"] == "smoke.csv:4" and miss["quote"] == MOSUL_RETAKEN
    assert miss["reason"] == "date: the build says 2017-07-10 (day), the gold's day is 2017-07-09"


def test_a_violated_trap_is_reported_by_kind(scored):
    data = results(scored)
    assert data["scores"]["all"]["traps_by_kind"]["disputed"]["successes"] == 0
    [violation] = [v for v in data["trap_violations"] if v["trap_kind"] == "disputed"]
    assert (violation["place"], violation["trap_force"], violation["gold"]) == ("al-Qaim", "IRAQI_GOV", "smoke.csv:6")
    assert [e["force"] for e in violation["events"]] == ["IRAQI_GOV"]
    [false_change] = [f for f in data["false_changes"] if f["article_id"] == "en-wire-qaim-20171104"] or [None]
    assert false_change is None  # it matches the gold change all the same


def test_scores_per_split_language_and_origin(scored):
    groups = scored.groups
    assert list(groups)[:3] == ["all", "split:dev", "split:test"]
    assert {"language:en", "language:nb", "origin:real", "origin:written", "split:test/language:nb"} <= set(groups)
    assert (groups["all"].gold_changes, groups["all"].true_positives) == (3, 2)
    assert groups["language:nb"].recall.value == 0.0
    assert groups["all"].date_accuracy.value == pytest.approx(2 / 3)
    assert groups["all"].place_accuracy.value == groups["all"].place_resolved.value == 1.0


def test_the_assembled_map_is_scored_per_gold_change(scored):
    by_place = {m.change.place: m for m in scored.map_outcomes}
    assert by_place["Raqqa"].ok and by_place["al-Qaim"].ok
    assert not by_place["Mosul"].ok  # on the 9th the map still shows IS (retaken "from IS" on the 10th)
    assert by_place["Mosul"].probes[0].shown == ("IS held",)


def test_a_split_scores_only_its_articles(smoke):
    _, corpus, gold, layer = smoke
    test = evaluate(corpus, gold, layer, "test")
    assert {o.article.split for o in test.outcomes} == {"test"}
    assert "split:dev" not in test.groups and test.groups["all"].gold_changes == 2
    assert set(results(test)["targets"]["test"]) == {"split:test", "split:test/language:en", "split:test/language:nb"}


def test_results_are_deterministic_and_hold_no_paths(smoke, scored):
    root, corpus, gold, layer = smoke
    again = evaluate(corpus, gold, layer)
    first, second = (json.dumps(results(e), sort_keys=True) for e in (scored, again))
    assert first == second
    assert str(root) not in first and "timing" not in first


def test_cli_prints_the_tables_and_writes_results(smoke, tmp_path, capsys):
    root = smoke[0]
    out = tmp_path / "results.json"
    assert main(["--articles", str(root / "articles"), "--gold", str(root / "gold"), "--out", str(out),
                 "--jobs", "1"]) == 0
    printed = capsys.readouterr().out
    assert "Control changes" in printed and "Targets on the test split" in printed
    assert "1 missed changes" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["scores"]["all"]["true_positives"] == 2


def test_cli_refuses_gold_with_problems_naming_file_and_line(tmp_path, capsys):
    bad = GOLD_ROWS[:2] + [GOLD_ROWS[2].replace("gjenerobret mandag", "gjenerobret tirsdag")]
    articles, gold = write_corpus(tmp_path, bad)
    assert main(["--articles", str(articles), "--gold", str(gold), "--out", str(tmp_path / "r.json")]) == 2
    error = capsys.readouterr().err
    # The console may wrap the message anywhere, a long temporary path included: compare without the breaks.
    assert "".join(f"{gold / 'smoke.csv'}, line 4: the quote is not a verbatim substring".split()) in "".join(error.split())
    assert not (tmp_path / "r.json").exists()


def test_cli_refuses_to_score_when_the_extractor_fails_on_an_article(tmp_path, capsys, monkeypatch):
    import geo.build

    real = geo.build.process_article

    def failing(article, gazetteer):
        if article.article_id == "en-wire-qaim-20171104":
            raise RuntimeError("boom")
        return real(article, gazetteer)

    monkeypatch.setattr(geo.build, "process_article", failing)
    articles, gold = write_corpus(tmp_path)
    out = tmp_path / "r.json"
    assert main(["--articles", str(articles), "--gold", str(gold), "--out", str(out), "--jobs", "1"]) == 1
    error = "".join(capsys.readouterr().err.split())
    assert "couldnotextract1evalarticle(s);nothingwasscored" in error
    assert "en-wire-qaim-20171104.md" in error and "boom" in error
    assert not out.exists()


def test_load_inputs_raises_with_every_problem(tmp_path):
    bad = [GOLD_ROWS[0].replace(",SDF,", ",YPG,"), GOLD_ROWS[1].replace("intention", "wish")]
    articles, gold = write_corpus(tmp_path, bad)
    with pytest.raises(GoldError) as error:
        load_inputs(articles, gold, today=TODAY)
    assert [p.split(": ", 1)[0].rsplit(", ", 1)[1] for p in error.value.problems] == ["line 2", "line 3"]


def test_a_trap_sees_a_change_the_article_states_twice():
    article = EvalArticle("a", "a.md", D("2017-07-10"), "en", "dev", "real", TEXT)
    first = _predicted(*MOSUL, force="IS", kind="state", event_id="e1", quote="IS vowed to retake the city.")
    again = _predicted(*MOSUL, force="IS", kind="state", event_id="e2",
                       quote="BAGHDAD (Reuters) - Iraqi forces retook Mosul from IS.")
    outcome = score_article(article, [], [_trap()], [first], [first, again])  # `predicted` holds the change once
    assert outcome.traps[0].violations == (again,)
