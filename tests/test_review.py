from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from conftest import JLIS_RECORD, WALK
from followup.case import open_case
from followup.cli import cli
from followup.decisions import load_session
from followup.display import width
from followup.errors import RecordError, UsageProblem
from followup.records import load_record
from followup.review import prompts
from followup.review.walk import View, build_queue, run_review, screen

ENTER, UP, DOWN, ESC = "\r", "\x1b[A", "\x1b[B", "\x1b"


@pytest.fixture
def record_copy(tmp_path: Path) -> Path:
    target = tmp_path / "jlis.yaml"
    shutil.copy(JLIS_RECORD, target)
    return target


class Recording:
    """The real prompts, with every page shown kept (its header and body go to `lines`)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.pages: list[prompts.Page] = []

    def menu(self, page: prompts.Page) -> str:
        self.pages.append(page)
        self.lines.extend([*page.header, *page.body])
        return prompts.menu(page)

    def __getattr__(self, name: str):
        return getattr(prompts, name)


def drive(record: Path, keys: str, recording: Recording | None = None, **kwargs) -> list[str]:
    """Run the real prompts in-process, fed from a prompt_toolkit pipe."""
    lines: list[str] = recording.lines if recording else []
    ask = recording or Recording(lines)
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        with create_app_session(input=pipe, output=DummyOutput()):
            run_review(record, echo=lines.append, view=View(80, 24, False), ask=ask, **kwargs)
    return lines


def session_of(record: Path):
    return load_session(record.with_name("jlis.session.yaml"), load_record(record))


def test_queue_holds_the_flagged_items_in_order():
    queue = build_queue(open_case(JLIS_RECORD), include_all=False)
    refs = [e.item.ref for e in queue]
    assert refs[0] == "[1](1)3)" and "[4]7)" in refs and "[1](1)1)" not in refs
    assert len(build_queue(open_case(JLIS_RECORD), include_all=True)) == 36


def test_screen_shows_progress_trigger_and_pages_long_answers():
    queue = build_queue(open_case(JLIS_RECORD), include_all=True)
    entry = next(e for e in queue if e.item.ref == "[4]6)")
    lines, more = screen(entry, 4, 36, None, View(80, 24, False), 0)
    text = "\n".join(lines)
    assert lines[0].startswith("── 5/36 ── [4]6)") and "【転嫁】当機構が実施した調達ではありません。" in text
    assert not more
    long_entry = next(e for e in queue if e.item.ref == "[1](2)1)")
    narrow = View(40, 24, False)
    first, more = screen(long_entry, 0, 36, None, narrow, 0, reserve=9)
    assert more and all(width(line) <= 40 for line in first) and len(first) + 9 <= 24
    second, _ = screen(long_entry, 0, 36, None, narrow, 1, reserve=9)
    assert "【回答】2/2 ページ" in "\n".join(second) and second[0] == first[0]  # the header stays
    dropped = next(e for e in queue if e.item.ref == "[1](3)1)")
    assert "「それは解決したのか」" in "\n".join(screen(dropped, 0, 36, None, View(), 0)[0])


def test_decide_two_quit_and_resume_with_pipe_input(record_copy: Path):
    out = drive(record_copy, ENTER + ENTER + UP + ENTER)
    assert any("中断しました" in line for line in out)
    session = session_of(record_copy)
    assert [d.ref for d in session.data.decisions] == ["[1](1)3)", "[1](2)2)"]
    assert session.decisions["[1](1)3)"].text.startswith("前回回答[1](1)3)では")
    out = drive(record_copy, UP + ENTER)
    assert any(f"前回の続きから再開します(3/{WALK} 件目" in line for line in out)
    assert any(line.startswith(f"── 3/{WALK} ── [1](3)1)") for line in out)


def test_skip_back_priority_and_label_change(record_copy: Path):
    # main menu: 文案1-3, 見送り, その他, 中断; その他: (前の項目に戻る,) 編集, 自分で, 判定, 優先度 …
    keys = DOWN * 3 + ENTER  # item 1: 見送り
    keys += UP * 2 + ENTER + ENTER  # item 2: その他 → 前の項目に戻る
    keys += UP * 2 + ENTER + DOWN * 3 + ENTER + UP + ENTER  # item 1: その他 → 優先度 → 高
    keys += DOWN + ENTER  # item 1: 文案2
    keys += UP + ENTER  # item 2: 中断
    drive(record_copy, keys)
    decision = session_of(record_copy).decisions["[1](1)3)"]
    assert decision.action == "followup" and decision.priority == "high"
    assert "責任を負う機関" not in decision.text  # the second variant, not the first


def test_label_change_is_saved_and_wins_in_triage(record_copy: Path, runner):
    keys = (
        UP * 2 + ENTER + DOWN * 2 + ENTER + DOWN + ENTER
    )  # その他 → 判定を変える → deflected の次 (evasive)
    keys += ENTER + UP + ENTER  # 文案1 with the new label; item 2: 中断
    drive(record_copy, keys)
    decision = session_of(record_copy).decisions["[1](1)3)"]
    assert decision.label == "evasive" and "質問に対する回答になっていない" in decision.text
    result = runner.invoke(cli, ["triage", str(record_copy), "--format", "json"])
    row = next(r for r in json.loads(result.output) if r["ref"] == "[1](1)3)")
    assert row["label"] == "evasive" and row["auto_label"] == "deflected"


def test_edit_a_suggestion_in_the_multiline_field(record_copy: Path, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    keys = "e" + "(追記)" + ESC + ENTER + UP + ENTER  # e on 文案1: edit it
    drive(record_copy, keys)
    text = session_of(record_copy).decisions["[1](1)3)"].text
    assert text.startswith("前回回答[1](1)3)") and text.endswith("(追記)")


def test_add_a_new_question(record_copy: Path, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    keys = UP * 2 + ENTER + DOWN * 5 + ENTER + "新しい質問です。" + ESC + ENTER + UP + ENTER
    drive(record_copy, keys)
    added = session_of(record_copy).data.added
    assert [(q.text, q.section) for q in added] == [("新しい質問です。", "[1]")]


def test_restart_keeps_a_backup(record_copy: Path):
    drive(record_copy, ENTER + UP + ENTER)
    drive(record_copy, "y" + UP + ENTER, restart=True)
    backups = list(record_copy.parent.glob("jlis.session.yaml.*.bak"))
    assert len(backups) == 1 and "[1](1)3)" in backups[0].read_text(encoding="utf-8")
    assert session_of(record_copy).data.decisions == []


def test_edited_record_makes_decisions_stale(record_copy: Path):
    drive(record_copy, ENTER + UP + ENTER)
    text = record_copy.read_text(encoding="utf-8").replace("上記1)のとおり、", "上記のとおり、")
    record_copy.write_text(text, encoding="utf-8")
    out = drive(record_copy, UP + ENTER)
    assert any("[1](1)3): 判断の後で質問か回答の文章が変わりました" in line for line in out)
    assert any(line.startswith(f"── 1/{WALK} ── [1](1)3)") for line in out)  # asked again


def test_non_interactive_accepts_first_suggestions(record_copy: Path, runner):
    result = runner.invoke(cli, ["review", str(record_copy), "--non-interactive", "--accept-suggestions"])
    assert result.exit_code == 0, result.output
    session = session_of(record_copy)
    assert len(session.data.decisions) == 17 and all(d.action == "followup" for d in session.data.decisions)


def test_without_a_terminal_it_fails_at_once_with_the_option_to_use(record_copy: Path, runner):
    result = runner.invoke(cli, ["review", str(record_copy)])
    assert result.exit_code == 2
    assert "--non-interactive --accept-suggestions" in result.output
    assert not record_copy.with_name("jlis.session.yaml").exists()
    with pytest.raises(UsageProblem):
        run_review(record_copy, interactive=False)


@pytest.mark.parametrize(
    ("decisions", "message"),
    [
        (
            [{"ref": "[4]6)", "action": "followup", "label": "rude", "text": "x"}],
            "decisions[0].label: 使えない値です",
        ),
        (
            [{"ref": "[4]6)", "action": "followup", "text": ["x"]}],
            "decisions[0].text: 文字列を書いてください",
        ),
        ([{"ref": "[4]6)", "action": "followup"}], "text(質問文)が必要です"),
        ([{"ref": "[4]6)", "action": "later"}], "decisions[0].action: 使えない値です"),
    ],
)
def test_bad_decisions_file_is_refused(tmp_path: Path, decisions, message: str):
    path = tmp_path / "d.yaml"
    path.write_text(
        yaml.safe_dump({"format": 1, "decisions": decisions}, allow_unicode=True), encoding="utf-8"
    )
    with pytest.raises(RecordError) as info:
        load_session(path, load_record(JLIS_RECORD))
    assert message in info.value.message and f"{path}:" in info.value.message


@pytest.mark.slow
def test_real_pty_ctrl_c_then_resume(record_copy: Path):
    env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8", "PROMPT_TOOLKIT_NO_CPR": "1"}
    command = f"{sys.executable} -m followup review {record_copy.name}"

    def spawn():
        return pexpect.spawn(
            command, cwd=str(record_copy.parent), encoding="utf-8", dimensions=(24, 80), timeout=30, env=env
        )

    child = spawn()
    for n in (1, 2):
        child.expect(f"{n}/{WALK}")
        child.expect("どうしますか")
        child.send(ENTER)
    child.expect(f"3/{WALK}")
    child.expect("どうしますか")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert [d.ref for d in session_of(record_copy).data.decisions] == ["[1](1)3)", "[1](2)2)"]

    child = spawn()
    child.expect("前回の続きから再開します")
    for n in range(3, WALK + 1):
        child.expect(f"{n}/{WALK}")
        child.expect("どうしますか")
        child.send(ENTER)
    child.expect("すべての項目を確認しました")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    session = session_of(record_copy)
    assert len(session.data.decisions) == WALK
    assert session.decisions["[1](1)3)"].text.startswith("前回回答[1](1)3)")
