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
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
