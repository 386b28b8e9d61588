import pytest


@pytest.fixture(scope="session")
def gazetteer():
    """The real gazetteer (GeoNames cities500 + data/gazetteer.csv), loaded once: loading takes ~4 s."""
    from geo.gazetteer import Gazetteer

    return Gazetteer.load()
