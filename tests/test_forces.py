"""geo/forces.py: finding the forces a text names."""

import pytest

from geo.forces import FORCES_FILE, ConfigError, load_forces


def test_a_longer_force_name_starting_inside_a_generic_one_wins():
    forces = load_forces()
    # (The army of "The Army of Conquest" made the rebels who took Idlib the Syrian government)
    assert [(h.code, h.text) for h in forces.find("The Army of Conquest took Idlib on March 28.", "en")] == [
        ("REBELS", "Army of Conquest")]
    assert [h.code for h in forces.find("Further west, Syrian government troops entered Manbij.", "en")] == [
        "SYRIAN_GOV", "GOVERNMENT"]


def test_a_phrase_of_no_side_is_the_one_side_an_article_names(tmp_path):
    forces = load_forces()
    assert forces.article_side("MILITANT", {"IS", "IRAQI_GOV"}) == "IS"
    assert forces.article_side("MILITANT", {"IS", "REBELS"}) is None
    assert forces.article_side("MILITANT", {"IS", "SDF"}) is None  # the YPG, whom some call militants too
    assert forces.article_side("MILITANT", set()) is None
    assert forces.article_side("SDF", set()) == "SDF"
    broken = tmp_path / "forces.yaml"
    broken.write_text(FORCES_FILE.read_text(encoding="utf-8").replace("sides: [IS, REBELS]", "sides: [IS, NUSRA]"),
                      encoding="utf-8")
    with pytest.raises(ConfigError, match="by_article MILITANT.*NUSRA"):
        load_forces.__wrapped__(broken)
