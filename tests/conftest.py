from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
JLIS_DIR = ROOT / "answers" / "jlis-2016"
JLIS_RECORD = ROOT / "answers" / "jlis-2016.yaml"
FIXTURES = ROOT / "tests" / "fixtures"
GOLD = ROOT.parent / "shared" / "gold" / "jlis-2016.yaml"
GOLD_COPY = FIXTURES / "gold" / "jlis-2016.yaml"

# Subprocesses (the CLI in a pty, kill -9 tests) run this checkout's sources too.
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p
)


def gold_items() -> list[dict]:
    path = GOLD if GOLD.exists() else GOLD_COPY
    return yaml.safe_load(path.read_text(encoding="utf-8"))["items"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def jlis_record():
    from followup.records import load_record

    return load_record(JLIS_RECORD)


def _walk_length() -> int:
    """Items `review` walks on the bundled example: the flagged ones, then the uncertain."""
    from followup.case import open_case
    from followup.review.walk import build_queue

    return len(build_queue(open_case(JLIS_RECORD), include_all=False))


WALK = _walk_length()
