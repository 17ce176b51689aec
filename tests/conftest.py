"""Shared fixtures: the bundled samples, extracted once, and access to ../shared.

Tests marked ``shared`` read the project's shared evaluation material in ``../shared`` (beside the
repository; ``KHABAR_SHARED=DIR`` points elsewhere, for a checkout that has it in another place).
They are skipped when it is absent, unless ``KHABAR_REQUIRE_SHARED=1`` is set (as CI does), in
which case its absence is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import khabar

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KHABAR_SHARED") or REPO.parent / "shared")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "shared: needs ../shared; skipped when absent unless KHABAR_REQUIRE_SHARED=1, then it fails",
    )


def shared_missing_reason() -> str | None:
    needed = [SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds", SHARED / "tools" / "score.py"]
    missing = [p for p in needed if not p.exists()]
    if not missing:
        return None
    return f"the shared evaluation material is absent ({', '.join(str(p) for p in missing)})"


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("shared") is None:
        return
    reason = shared_missing_reason()
    if reason is None:
        return
    if os.environ.get("KHABAR_REQUIRE_SHARED") == "1":
        pytest.fail(f"{reason}, and KHABAR_REQUIRE_SHARED=1 requires it", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def sample_texts() -> dict[str, str]:
    return khabar.samples()


@pytest.fixture(scope="session")
def sample_docs(sample_texts: dict[str, str]) -> dict[str, khabar.Document]:
    docs = khabar.extract(list(sample_texts.values()), ids=list(sample_texts))
    return {d.id: d for d in docs}
