"""Shared fixtures: the shipped seed articles and the optional ../shared corpus."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "examples" / "articles"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "corpus" / "gold"

# A fixed, derandomized profile in CI so a red build is reproducible; more examples locally on demand.
settings.register_profile(
    "ci", max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=150, deadline=None)
settings.register_profile("long", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# The real console script of this environment (``python -m arnewsparse`` where it is missing),
# for the tests that run the command line in a subprocess.
_SCRIPT = Path(sys.executable).with_name("arnewsparse")
SCRIPT = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "arnewsparse"]

needs_shared = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/corpus is not beside this checkout")


def seed_paths() -> list[Path]:
    return sorted(ARTICLES.glob("*.txt"))


def seed_text(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")
