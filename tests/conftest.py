"""Shared test settings: hypothesis profiles, and the register's two databases.

``PAXBILL_POSTGRES_URL`` names a PostgreSQL database the register's tests
may use (``.ci/run`` starts a server and sets it); without it their
PostgreSQL cases skip, unless ``PAXBILL_REQUIRE_POSTGRES`` is set: then
they fail.
"""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

# "ci" is thorough and the same on every run; "dev" is quick for editing.
settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# "versions" runs every property on the other Pythons at hypothesis's own
# default depth, the same on every run: "ci" explores once, on one Python.
settings.register_profile(
    "versions",
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None)
# Mutation testing runs the tests hundreds of times, through mutmut's
# trampolines (which hypothesis sees as another executor): fewer examples,
# the same every run, and no shrinking: a failure kills the mutant, and the
# smallest failing example is never read.
settings.register_profile(
    "mutants",
    max_examples=25,
    derandomize=True,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def _uncached() -> None:
    """Under mutation testing, forget what paxbill's caches hold before a test.

    mutmut forks each mutant's run from a process that has already formatted
    and looked up currencies: a mutant in a cached function would be hidden
    behind the original's cached result, and survive for that alone.
    """
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("paxbill"):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
    from paxbill.core import formatting

    formatting._FORMATS.clear()


def pytest_report_header() -> str:
    """Say how UBL is checked in this run: the official rules, or read back."""
    from tests.official_rules import ubl_check

    return f"UBL e-invoices: {ubl_check()}"


def _postgres_url() -> Iterator[str]:
    """A schema of its own in the PostgreSQL database, for one test: its URL."""
    url = os.environ.get("PAXBILL_POSTGRES_URL")
    if not url:
        if os.environ.get("PAXBILL_REQUIRE_POSTGRES"):
            pytest.fail("PAXBILL_REQUIRE_POSTGRES is set, PAXBILL_POSTGRES_URL is not")
        pytest.skip("no PostgreSQL: set PAXBILL_POSTGRES_URL to run these")
    import psycopg

    schema = f"test_{uuid.uuid4().hex}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def where(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty register's address: an SQLite file, or a PostgreSQL schema."""
    if request.param == "postgres":
        yield from _postgres_url()
    else:
        yield str(tmp_path / "billing.sqlite")
