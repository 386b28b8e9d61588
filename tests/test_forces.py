"""geo/forces.py: finding the forces a text names."""

from geo.forces import load_forces


def test_a_longer_force_name_starting_inside_a_generic_one_wins():
    forces = load_forces()
    # (The army of "The Army of Conquest" made the rebels who took Idlib the Syrian government)
    assert [(h.code, h.text) for h in forces.find("The Army of Conquest took Idlib on March 28.", "en")] == [
        ("REBELS", "Army of Conquest")]
    assert [h.code for h in forces.find("Further west, Syrian government troops entered Manbij.", "en")] == [
        "SYRIAN_GOV", "GOVERNMENT"]
