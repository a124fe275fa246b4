from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, JLIS_RECORD, ROOT
from followup.case import open_case
from followup.cli import cli
from followup.errors import RecordError
from followup.records import dump_record, load_record
from followup.rounds import load_thread
from followup.status import build_status, render_status

R2 = ROOT / "answers" / "jlis-2016-r2.yaml"
REPLY_R2 = FIXTURES / "rounds" / "reply-r2-INVENTED.txt"


@pytest.fixture
def thread_dir(tmp_path: Path) -> Path:
    shutil.copy(JLIS_RECORD, tmp_path / "jlis-2016.yaml")
    shutil.copy(R2, tmp_path / "jlis-2016-r2.yaml")
    return tmp_path


@pytest.fixture
def answered_r2(thread_dir: Path, runner) -> Path:
    out = thread_dir / "r2-answered.yaml"
    result = runner.invoke(
        cli,
        ["import", "--record", str(thread_dir / "jlis-2016-r2.yaml"), "-r", str(REPLY_R2), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    return out


def test_draft_saves_the_next_round_linked_to_the_first(runner, tmp_path: Path):
    shutil.copy(JLIS_RECORD, tmp_path / "jlis-2016.yaml")
    out = tmp_path / "再質問書.docx"
    args = ["draft", str(tmp_path / "jlis-2016.yaml"), "--accept-suggestions", "-o", str(out)]
    result = runner.invoke(cli, [*args, "--date", "2016-11-24", "--deadline-days", "15"])
    assert result.exit_code == 0, result.output
    record = load_record(tmp_path / "再質問書.r2.yaml")
    assert record.round == 2 and record.previous == "jlis-2016.yaml"
    assert record.questions.date == dt.date(2016, 11, 24) and record.questions.deadline == dt.date(
        2016, 12, 15
    )
    assert all(it.answer is None and it.follows for it in record.items)
    item = next(it for it in record.items if it.follows == ["[4]6)"])
    assert "「当機構が実施した調達ではありません」" in item.question
    assert [t.record.round for t in load_thread(tmp_path / "再質問書.r2.yaml")] == [1, 2]


def test_committed_round_two_is_what_draft_produces(runner, tmp_path: Path):
    shutil.copy(JLIS_RECORD, tmp_path / "jlis-2016.yaml")
    target = tmp_path / "jlis-2016-r2.yaml"
    result = runner.invoke(
        cli,
        [
            "draft",
            str(tmp_path / "jlis-2016.yaml"),
            "--accept-suggestions",
            "--date",
            "2016-11-24",
            "--deadline-days",
            "15",
            "-o",
            str(tmp_path / "r2.docx"),
            "--next-record",
            str(target),
        ],
    )
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == R2.read_text(encoding="utf-8")


def test_importing_the_round_two_reply_keeps_the_links(answered_r2: Path):
    record = load_record(answered_r2)
    assert record.reply.date == dt.date(2017, 1, 20)
    assert all(it.answer for it in record.items)
    assert record.item("[1](6)").follows == ["[1](5)4)", "[1](6)2)"]  # one answer, one follow-up
    assert record.item("[3](2)").follows == ["[3](2)1)", "[3](2)2)", "[3](2)3)"]
    assert record.item("[2](1)").answer.startswith("平成28年3月に全国の住民票コードを調査し")
    assert [t.record.round for t in load_thread(answered_r2)] == [1, 2]


def test_status_shows_chains_and_what_is_still_open(answered_r2: Path):
    status = build_status(open_case(answered_r2), dt.date(2017, 2, 1))
    chain = next(c for c in status.chains if c.ref == "[1](5)4)")
    assert [(link.round, link.ref, link.label) for link in chain.links] == [
        (1, "[1](5)4)", "deferred"),
        (2, "[1](6)", "deferred"),
    ]
    assert next(c for c in status.chains if c.ref == "[2]3)").still_open is False  # answered in round 2
    lines = render_status(status, 100, only_open=True, min_rounds=2)
    text = "\n".join(lines)
    assert "第2回: 質問 平成28年11月24日、回答 平成29年1月20日" in text
    assert "[1](3)1)" not in text  # answered in round 2
    assert status.overdue_days is None


def test_overdue_reply_is_counted_in_business_days(thread_dir: Path):
    status = build_status(open_case(thread_dir / "jlis-2016-r2.yaml"), dt.date(2017, 1, 10))
    # 12/16–1/10: 12 business days (weekends, 天皇誕生日 12/23, the 12/29–1/3 closure and 成人の日 1/9 skipped)
    assert status.overdue_days == 12
    text = "\n".join(render_status(status, 100, only_open=False, min_rounds=1))
    assert "回答期限超過: 期限 平成28年12月15日 を 12 開庁日過ぎています。" in text
    waiting = build_status(open_case(thread_dir / "jlis-2016-r2.yaml"), dt.date(2016, 12, 1))
    assert waiting.overdue_days is None and waiting.waiting_deadline == dt.date(2016, 12, 15)


def test_status_on_the_bundled_thread(runner):
    result = runner.invoke(cli, ["status", "--today", "2017-01-10"])
    assert result.exit_code == 0, result.output
    assert "1 回のやりとり(第2回は回答待ち)" in result.output and "回答期限超過" in result.output


def test_escalation_wording_and_reasons(answered_r2: Path):
    view = open_case(answered_r2)
    verdict = view.verdicts["[1](6)"]
    assert verdict.label == "deferred"
    assert any("平成28年10月13日付けの回答に続き" in r for r in verdict.reasons)
    first = view.suggestions("[1](6)")[0]
    assert "再三にわたり回答を求めているにもかかわらず" in first
    assert "平成28年10月13日付け回答でも「" in first and "前回回答[1](6)では「" in first
    assert first.count("平成28年10月13日付け回答でも") == 1  # two earlier items, one answer: cited once
    assert view.earlier_for_wording("[2](1)") == []  # answered now: no escalation


def test_round_two_draft_cites_every_round(answered_r2: Path, runner):
    from docx2python import docx2python

    out = answered_r2.parent / "第3回.docx"
    args = ["--citations", "footnotes", "--appendix", "--era", "wareki"]
    result = runner.invoke(cli, ["draft", str(answered_r2), "--accept-suggestions", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    notes = str(docx2python(str(out)).footnotes_runs)
    assert (
        "前回回答の該当部分の全文" in notes
        and "同じ事項についての平成28年10月13日付け回答（[1](5)4)）" in notes
    )
    import docx

    table = docx.Document(str(out)).tables[0]
    assert any("（以前の回:" in row.cells[2].text for row in table.rows)
    assert load_record(answered_r2.parent / "第3回.r3.yaml").round == 3


def test_review_shows_earlier_rounds(answered_r2: Path):
    from followup.review.walk import View, build_queue, screen

    queue = build_queue(open_case(answered_r2), include_all=False)
    entry = next(e for e in queue if e.item.ref == "[1](6)")
    text = "\n".join(screen(entry, 0, len(queue), None, View(100, 40, False), 0)[0])
    assert "【第1回 [1](5)4)】先送り 平成28年10月13日" in text


def test_broken_link_is_a_clear_error(thread_dir: Path):
    (thread_dir / "jlis-2016.yaml").unlink()
    with pytest.raises(RecordError, match="前回の記録ファイル"):
        load_thread(thread_dir / "jlis-2016-r2.yaml")


def test_round_two_record_round_trips(answered_r2: Path):
    record = load_record(answered_r2)
    copy = answered_r2.with_name("copy.yaml")
    copy.write_text(dump_record(record), encoding="utf-8")
    assert load_record(copy) == record
