"""`followup status` at 80 columns: later rounds' refs beside the original, replies
counted, the open list wrapped between refs, overdue time in days or years."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, JLIS_RECORD, ROOT
from followup.case import open_case
from followup.cli import cli
from followup.display import width
from followup.status import build_status, elapsed, render_status, wrap_refs

R2 = ROOT / "answers" / "jlis-2016-r2.yaml"
REPLY_R2 = FIXTURES / "rounds" / "reply-r2-INVENTED.txt"
COLS = 80


@pytest.fixture
def thread_dir(tmp_path: Path) -> Path:
    shutil.copy(JLIS_RECORD, tmp_path / "jlis-2016.yaml")
    shutil.copy(R2, tmp_path / "jlis-2016-r2.yaml")
    return tmp_path


def _render(path: Path, today: dt.date, only_open: bool = False) -> list[str]:
    return render_status(build_status(open_case(path), today), COLS, only_open, 1)


def test_round_two_awaiting_counts_one_reply(thread_dir: Path):
    lines = _render(thread_dir / "jlis-2016-r2.yaml", dt.date(2017, 1, 10))
    text = "\n".join(lines)
    assert lines[0] == "マイナンバー関連システムについての質問書 — 1 回のやりとり(第2回は回答待ち)"
    assert "2 回のやりとり" not in text
    assert "第1回の回答で答えの得られていない項目: 17 件(第2回は回答待ち)" in text
    assert all(width(line) <= COLS for line in lines)


def test_later_rounds_show_the_original_ref(thread_dir: Path):
    text = "\n".join(_render(thread_dir / "jlis-2016-r2.yaml", dt.date(2017, 1, 10)))
    assert "  第2回 [1](4)(元 [1](5)1)) 回答期限超過(質問 平成28年11月24日)" in text
    assert "  第2回 [1](6)(元 [1](5)4))" in text
    assert "  第1回 [1](5)4) 先送り 平成28年10月13日 「" in text


def test_open_refs_wrap_between_refs_never_inside_one(thread_dir: Path):
    lines = _render(thread_dir / "jlis-2016-r2.yaml", dt.date(2017, 1, 10))
    start = next(i for i, line in enumerate(lines) if "答えの得られていない項目" in line) + 1
    listed = lines[start:]
    assert len(listed) > 1 and all(width(line) <= COLS for line in listed)
    refs = "".join(line.strip() for line in listed).split("、")
    assert refs[0] == "[1](1)3)" and refs[-1] == "[4]7)" and len(refs) == 17
    assert all(line.startswith("  [") for line in listed)
    assert "…" not in "".join(listed)


def test_wrap_refs_fits_any_width():
    refs = [f"[{n}](1)2)" for n in range(1, 30)]
    for cols in (20, 40, 80):
        lines = wrap_refs(refs, cols)
        assert all(width(line) <= cols for line in lines)
        assert "".join(line.strip() for line in lines).split("、") == refs


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2017, 1, 10), "回答期限超過: 期限 平成28年12月15日 を 12 開庁日過ぎています。"),
        (dt.date(2017, 4, 1), "回答期限超過: 期限 平成28年12月15日 から 107 日が過ぎています。"),
        (dt.date(2026, 11, 30), "回答期限超過: 期限 平成28年12月15日 から 9 年 11 か月が過ぎています。"),
        (dt.date(2018, 12, 20), "回答期限超過: 期限 平成28年12月15日 から 2 年が過ぎています。"),
    ],
)
def test_overdue_in_business_days_then_days_then_years(thread_dir: Path, today: dt.date, expected: str):
    lines = _render(thread_dir / "jlis-2016-r2.yaml", today)
    assert expected in lines
    assert not any("開庁日" in line for line in lines if line != expected or "から" in expected)


def test_elapsed():
    assert elapsed(dt.date(2016, 12, 15), dt.date(2016, 12, 16)) == "1 日"
    assert elapsed(dt.date(2016, 12, 15), dt.date(2017, 12, 14)) == "364 日"
    assert elapsed(dt.date(2016, 12, 15), dt.date(2017, 12, 15)) == "1 年"
    assert elapsed(dt.date(2016, 12, 15), dt.date(2019, 3, 14)) == "2 年 2 か月"


def test_two_replies_make_two_exchanges(thread_dir: Path, runner):
    out = thread_dir / "r2-answered.yaml"
    args = ["import", "--record", str(thread_dir / "jlis-2016-r2.yaml"), "-r", str(REPLY_R2), "-o", str(out)]
    assert runner.invoke(cli, args).exit_code == 0
    lines = _render(out, dt.date(2017, 2, 1), only_open=True)
    assert lines[0] == "マイナンバー関連システムについての質問書 — 2 回のやりとり"
    line = next(line for line in lines if "答えの得られていない項目" in line)
    assert line.startswith("2 回のやりとりを経ても答えの得られていない項目: ") and "回答待ち" not in line
    assert all(width(line) <= COLS for line in lines)


def test_status_command_at_80_columns(runner, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(cli, ["status", "--today", "2026-11-30"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(width(line) <= COLS for line in lines)
    assert "回答期限超過: 期限 平成28年12月15日 から 9 年 11 か月が過ぎています。" in lines
    assert "2414 開庁日" not in result.output and "2 回のやりとり" not in result.output
