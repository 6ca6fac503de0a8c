"""Shared test settings: hypothesis profiles."""

import os

from hypothesis import HealthCheck, settings

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
# the same every run.
settings.register_profile(
    "mutants",
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_report_header() -> str:
    """Say how UBL is checked in this run: the official rules, or read back."""
    from tests.official_rules import ubl_check

    return f"UBL e-invoices: {ubl_check()}"
