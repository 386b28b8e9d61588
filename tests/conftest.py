import os

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    """The real gazetteer (GeoNames cities500 + data/gazetteer.csv), loaded once: loading takes ~4 s."""
    from geo.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the test run (one per xdist worker), started on first use and
    stopped at the end, whatever happened. Fails, never skips, when PostgreSQL is not installed: the
    store's PostgreSQL code would otherwise go untested without a word."""
    from tests.postgres import PostgresServer, missing

    if reason := missing():
        pytest.fail(reason, pytrace=False)
    server = PostgresServer(label=os.environ.get("PYTEST_XDIST_WORKER", "")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_database(postgres_server):
    """Makes a fresh empty database on the test run's server and gives its URL, as many as a test asks
    for; they are dropped after the test."""
    made = []

    def make() -> str:
        made.append(postgres_server.create_database())
        return made[-1]

    yield make
    for url in made:
        postgres_server.drop_database(url)
