import math
import re

import pytest

from geo.gazetteer import DEFAULT_CSV, Gazetteer, GazetteerDataError, Place
from geo.region import DEFAULT_COUNTRIES

# (place_id, country, lat, lon): GeoNames' coordinates, or the product owner's for Baghuz and Rumana.
EXPECTED = {
    "albu-kamal": ("SY", 34.452, 40.919),
    "deir-ez-zor": ("SY", 35.336, 40.141),
    "al-qaim": ("IQ", 34.393, 40.989),
    "raqqa": ("SY", 35.953, 39.008),
    "baghuz": ("SY", 34.4667, 40.9500),
    "mayadin": ("SY", 35.020, 40.452),
    "mosul": ("IQ", 36.335, 43.119),
    "rawa": ("IQ", 34.482, 41.919),
    "hajin": ("SY", 34.695, 40.831),
    "rumana": ("IQ", 34.4466, 41.0779),
}
SPELLINGS = {
    "albu-kamal": ["Albu Kamal", "Abu Kamal", "Al-Bukamal", "Boukamal", "Ālbū Kamāl"],
    "deir-ez-zor": ["Deir ez-Zor", "Deir al-Zor", "Deir Ezzor", "Dayr az Zawr"],
    "al-qaim": ["al-Qaim", "Al Qa'im", "Qaim", "Al Qā’im"],
    "raqqa": ["Raqqa", "Ar Raqqah", "Rakka"],
    "baghuz": ["al-Bagouz", "Baghuz", "Baghouz", "Bagoz", "Baghuz Fawqani", "Al-Baghuz Fawqani"],
    "mayadin": ["Mayadin", "al-Mayadeen", "Al Mayādīn"],
    "mosul": ["Mosul", "Al Mawsil"],
    "rawa": ["Rawa", "Rawah"],
    "hajin": ["Hajin", "Hajīn"],
    "rumana": ["Rumana", "Rummana", "Rummanah", "al-Rumana"],
}


def km(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("place_id, spelling", [(p, s) for p, spellings in SPELLINGS.items() for s in spellings])
def test_every_press_spelling_looks_up_the_right_place_first(gazetteer, place_id, spelling):
    best = gazetteer.lookup(spelling)[0]
    country, lat, lon = EXPECTED[place_id]
    assert (best.place_id, best.country) == (place_id, country)
    assert km(best.lat, best.lon, lat, lon) < 3


def test_display_names_are_the_forms_the_press_uses(gazetteer):
    names = {pid: gazetteer.get(pid).name for pid in EXPECTED}
    assert names["albu-kamal"] == "Albu Kamal"
    assert names["al-qaim"] == "al-Qaim"
    assert names["raqqa"] == "Raqqa"
    assert names["deir-ez-zor"] == "Deir ez-Zor"
    assert names["baghuz"] == "Baghuz"


def test_geonames_places_keep_their_id_and_population_and_curated_ones_their_source(gazetteer):
    albu_kamal = gazetteer.get("albu-kamal")
    assert albu_kamal.geonames_id == 174448 and albu_kamal.population > 10_000
    assert albu_kamal.kind == "town" and albu_kamal.location_precision == "settlement"
    assert "Abou Kemal" in albu_kamal.names  # GeoNames alternates are kept alongside the curated ones
    baghuz = gazetteer.get("baghuz")
    assert baghuz.geonames_id is None and "product owner" in baghuz.source
    assert gazetteer.get("mosul").source == "geonames"


def test_regions_have_no_invented_point(gazetteer):
    for place_id in ("deir-ez-zor-governorate", "anbar-governorate", "euphrates", "badia", "raqqa-governorate"):
        region = gazetteer.get(place_id)
        assert region.kind == "region" and region.location_precision == "approximate"
        assert region.lat is None and region.lon is None


def test_a_town_comes_before_the_region_named_after_it(gazetteer):
    ranked = [p.place_id for p in gazetteer.lookup("Deir ez-Zor")]
    assert ranked[0] == "deir-ez-zor" and "deir-ez-zor-governorate" in ranked
    assert gazetteer.lookup("Anbar")[0].place_id == "anbar-governorate"
    assert gazetteer.lookup("Eufrat")[0].place_id == "euphrates"
    assert [p.place_id for p in gazetteer.regions_named_after(gazetteer.get("deir-ez-zor"))] == [
        "deir-ez-zor-governorate"]


def test_lookup_accepts_a_place_id_and_returns_nothing_for_unknown_names(gazetteer):
    assert gazetteer.lookup("albu-kamal")[0].place_id == "albu-kamal"
    assert gazetteer.lookup("Al-Sukkariyah") == []


def test_get_unknown_place_id_says_what_to_do(gazetteer):
    with pytest.raises(KeyError, match="no place with place_id 'atlantis'.*lookup"):
        gazetteer.get("atlantis")


def test_place_ids_are_unique_url_safe_slugs_and_places_stay_in_the_region(gazetteer):
    ids = [p.place_id for p in gazetteer]
    assert len(ids) == len(set(ids)) == len(gazetteer) > 5000
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)
    assert {p.country for p in gazetteer} <= set(DEFAULT_COUNTRIES)
    assert "albu-kamal" in gazetteer and "atlantis" not in gazetteer


def test_a_shared_name_gives_the_more_prominent_place_the_bare_slug(gazetteer):
    # Sinjar (Iraq, the city) and a Syrian village of the same name.
    assert gazetteer.get("sinjar").country == "IQ"
    assert gazetteer.get("sinjar-sy").country == "SY"


def test_load_is_memoised_per_argument_set(gazetteer):
    assert Gazetteer.load() is gazetteer
    assert Gazetteer.load(countries=list(DEFAULT_COUNTRIES), extra_csv=DEFAULT_CSV) is gazetteer


# --- the curated CSV -------------------------------------------------------------------------------

HEADER = "place_id,name,country,lat,lon,kind,location_precision,alternate_names,geonames_id,source\n"


def write_csv(tmp_path, *rows):
    path = tmp_path / "gazetteer.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = "tanf,al-Tanf,SY,33.5,38.6,town,settlement,At Tanf,,test row"


@pytest.mark.parametrize("row, line, field", [
    ("tanf,al-Tanf,SY,north,38.6,town,settlement,,,test", 3, "lat"),
    ("tanf,al-Tanf,SY,95,38.6,town,settlement,,,test", 3, "lat"),
    ("tanf,al-Tanf,SY,33.5,,town,settlement,,,test", 3, "lon"),
    ("tanf,al-Tanf,Syria,33.5,38.6,town,settlement,,,test", 3, "country"),
    ("tanf,al-Tanf,SY,33.5,38.6,village,settlement,,,test", 3, "kind"),
    ("tanf,al-Tanf,SY,33.5,38.6,town,exact,,,test", 3, "location_precision"),
    ("tanf,al-Tanf,SY,33.5,38.6,town,settlement,,abc,test", 3, "geonames_id"),
    ("tanf,al-Tanf,SY,33.5,38.6,town,settlement,,,", 3, "source"),
    ("Tanf Base,al-Tanf,SY,33.5,38.6,town,settlement,,,test", 3, "place_id"),
    ("tanf,al-Tanf,SY,,,town,settlement,,,test", 3, "lat"),
    (",,SY,33.5,38.6,town,settlement,,,test", 3, "name"),
    ("rumana,Rumana,IQ,34.4,41.0,town,settlement,,,test,extra", 3, "source"),
    ("tanf,Tanf again,SY,33.5,38.6,town,settlement,,,test", 3, "place_id"),  # duplicate of line 2
])
def test_a_malformed_csv_row_names_the_file_line_and_field(tmp_path, row, line, field):
    path = write_csv(tmp_path, GOOD, row)
    with pytest.raises(GazetteerDataError) as error:
        Gazetteer.load(extra_csv=path)
    message = str(error.value)
    assert message.startswith(f"{path}:{line}: field '{field}'"), message


def test_a_csv_without_a_required_column_is_refused(tmp_path):
    path = tmp_path / "gazetteer.csv"
    path.write_text("place_id,name,country\nx,X,SY\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=r"gazetteer.csv:1: header lacks the column\(s\) lat, lon"):
        Gazetteer.load(extra_csv=path)


def test_the_project_csv_has_a_source_on_every_row():
    text = DEFAULT_CSV.read_text(encoding="utf-8")
    import csv

    rows = list(csv.DictReader(text.splitlines()))
    assert rows and all(r["source"].strip() for r in rows)


def test_csv_rows_add_places_rename_geonames_places_and_ids_never_collide(tmp_path):
    path = write_csv(
        tmp_path,
        GOOD,
        # Renames GeoNames' Hajīn and adds a spelling; coordinates stay GeoNames'.
        "hajin-town,Hajin Town,SY,,,town,settlement,Hadjin,174506,test rename",
        # Two new places with one name: the core-country one keeps the bare slug.
        ",Qasr Test,JO,31.0,36.0,town,settlement,,,test",
        ",Qasr Test,SY,35.0,39.0,town,settlement,,,test",
        # A place outside the configured countries is left out.
        ",Cairo Test,EG,30.0,31.2,town,settlement,,,test",
    )
    gazetteer = Gazetteer.load(countries=("SY", "IQ", "JO"), extra_csv=path)
    assert gazetteer.get("tanf").name == "al-Tanf" and gazetteer.get("tanf").source == "test row"
    hajin = gazetteer.get("hajin-town")
    assert hajin.geonames_id == 174506 and abs(hajin.lat - 34.695) < 0.01 and hajin.source.startswith("geonames;")
    assert gazetteer.lookup("Hadjin")[0] == hajin
    assert gazetteer.get("qasr-test").country == "SY" and gazetteer.get("qasr-test-jo").country == "JO"
    assert not gazetteer.lookup("Cairo Test")
    assert {p.country for p in gazetteer} == {"SY", "IQ", "JO"}


def test_a_gazetteer_can_be_built_from_places_directly():
    place = Place("x-town", "X Town", "SY", 35.0, 40.0, None, None, "town", "settlement", "test", ("X Town",))
    gazetteer = Gazetteer([place])
    assert list(gazetteer) == [place] and len(gazetteer) == 1
    with pytest.raises(ValueError, match="share the place_id"):
        Gazetteer([place, place])


# Towns of the war as the press spells them → where they are (GeoNames' coordinates; Wikipedia's for the
# three GeoNames' cities file lacks, Amirli, Akashat and Dabiq). Each must look up a place within 5 km.
WAR_TOWNS = [
    (("Amirli", "Amerli"), 34.725, 44.5875),
    (("Akashat",), 33.80, 40.60),
    (("Dabiq",), 36.5372, 37.2681),
    (("Shirqat", "al-Shirqat", "Sharqat", "Ash Sharqat"), 35.517, 43.228),
    (("al-Shaddadi", "Shaddadi", "Shadadi", "Ash Shaddadah"), 36.058, 40.735),
    (("al-Bab", "Al-Bab", "Al Bab", "el-Bab"), 36.371, 37.516),
    (("Rayhanah", "Anah", "Ana"), 34.369, 41.982),
    (("Hajin",), 34.695, 40.831),
    (("Baghuz", "al-Baghouz"), 34.4667, 40.95),
    (("Tabqa", "al-Tabqa"), 35.838, 38.548),
    (("Jarabulus", "Jarablus"), 36.818, 38.011),
    (("Rawa", "Rawah"), 34.482, 41.919),
    (("al-Qaim", "Qaim", "Al-Qa'im"), 34.393, 40.989),
    (("Mayadin", "al-Mayadeen", "Mayadeen"), 35.020, 40.452),
    (("Albu Kamal", "Abu Kamal", "Boukamal"), 34.452, 40.919),
    (("Tal Afar", "Tall Afar", "Tel Afar"), 36.379, 42.448),
    (("Hawija", "Hawijah", "al-Hawija"), 35.326, 43.773),
    (("Manbij", "Menbij"), 36.528, 37.955),
    (("Kobani", "Kobane", "Ain al-Arab", "Ayn al-Arab"), 36.891, 38.353),
    (("Sinjar",), 36.321, 41.877),
    (("Tikrit",), 34.616, 43.679),
    (("Mosul",), 36.335, 43.119),
    (("Ramadi",), 33.421, 43.308),
    (("Fallujah", "Falluja"), 33.349, 43.786),
    (("Palmyra", "Tadmur"), 34.562, 38.284),
    (("Raqqa", "Raqqah"), 35.953, 39.008),
    (("Deir ez-Zor", "Deir al-Zor"), 35.336, 40.141),
    (("Tal Abyad", "Tell Abyad"), 36.696, 38.954),
    (("Ain Issa", "Ayn Issa", "Ain Isa"), 36.386, 38.862),
    (("Jindires", "Jinderes", "Jindayris"), 36.395, 36.689),
]


@pytest.mark.parametrize("spelling, lat, lon", [(s, lat, lon) for spellings, lat, lon in WAR_TOWNS for s in spellings])
def test_every_town_of_the_war_resolves_within_5_km_of_where_it_is(gazetteer, spelling, lat, lon):
    found = gazetteer.lookup(spelling)
    assert found, f"{spelling!r} is not in the gazetteer"
    assert found[0].kind == "town" and km(found[0].lat, found[0].lon, lat, lon) <= 5, (spelling, found[0])


def test_a_province_named_like_its_capital_is_the_region_only_with_its_noun(gazetteer):
    assert gazetteer.lookup("Kirkuk province")[0].kind == "region"
    assert gazetteer.lookup("Kirkuk")[0].kind == "town"
    assert gazetteer.lookup("Salahuddin")[0].place_id == "salah-ad-din-governorate"
