"""`followup review` in a real pty at 80×24 (pexpect), read back as the screen shows it.

prompt_toolkit redraws only the cells that change, so the raw output is replayed into a
small terminal model (`Term`: the cursor moves, erases and the alternate screen that
prompt_toolkit uses) and the tests read its 24 rows."""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from pathlib import Path

import pexpect
import pytest

from conftest import JLIS_RECORD, WALK
from followup.case import open_case
from followup.decisions import load_session
from followup.display import char_width, width
from followup.records import dump_record, load_record
from followup.review.prompts import EDIT_INSTRUCTION
from followup.review.walk import LABEL_MEANING

pytestmark = pytest.mark.slow

ROWS, COLS = 24, 80
ENTER, UP, DOWN, ESC = "\r", "\x1b[A", "\x1b[B", "\x1b"
_CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z@])")


class Term:
    """Just enough of a VT100 for prompt_toolkit's output: text, CR/LF/BS, cursor moves,
    erase, and the alternate screen."""

    def __init__(self, rows: int = ROWS, cols: int = COLS) -> None:
        self.rows, self.cols = rows, cols
        self.main, self.alt = self._blank(), self._blank()
        self.grid = self.main
        self.y = self.x = 0
        self.saved = (0, 0)

    def _blank(self) -> list[list[str]]:
        return [[" "] * self.cols for _ in range(self.rows)]

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.grid]

    def text(self) -> str:
        return "\n".join(self.lines())

    def feed(self, data: str) -> None:
        pos = 0
        while pos < len(data):
            match = _CSI.match(data, pos)
            if match:
                self._csi(match.group(1), match.group(2))
                pos = match.end()
                continue
            ch = data[pos]
            pos += 2 if ch == "\x1b" else 1  # other escapes (ESC x) carry nothing we show
            if ch != "\x1b":
                self._char(ch)

    def _newline(self) -> None:
        self.y += 1
        if self.y >= self.rows:
            self.grid.pop(0)
            self.grid.append([" "] * self.cols)
            self.y = self.rows - 1

    def _char(self, ch: str) -> None:
        if ch == "\r":
            self.x = 0
        elif ch == "\n":
            self._newline()
        elif ch == "\b":
            self.x = max(self.x - 1, 0)
        elif ord(ch) >= 32:
            w = char_width(ch)
            if self.x + w > self.cols:
                self.x = 0
                self._newline()
            self.grid[self.y][self.x] = ch
            if w == 2:
                self.grid[self.y][self.x + 1] = ""
            self.x += w

    def _csi(self, params: str, final: str) -> None:
        if params.startswith("?"):
            if params[1:] == "1049":
                self._alternate(final == "h")
            return
        nums = [int(p) if p else 0 for p in params.split(";")] if params else []
        n = nums[0] if nums and nums[0] else 1
        if final in "ABCD":
            dy, dx = {"A": (-n, 0), "B": (n, 0), "C": (0, n), "D": (0, -n)}[final]
            self.y = min(max(self.y + dy, 0), self.rows - 1)
            self.x = min(max(self.x + dx, 0), self.cols - 1)
        elif final in "Hf":
            row, col = [*nums, 1, 1][:2]
            self.y, self.x = max(row, 1) - 1, max(col, 1) - 1
        elif final == "J":
            self._erase_down(nums[0] if nums else 0)
        elif final == "K":
            self.grid[self.y][self.x :] = [" "] * (self.cols - self.x)

    def _erase_down(self, mode: int) -> None:
        if mode == 2:
            self.grid[:] = self._blank()
            return
        self.grid[self.y][self.x :] = [" "] * (self.cols - self.x)
        for row in range(self.y + 1, self.rows):
            self.grid[row] = [" "] * self.cols

    def _alternate(self, on: bool) -> None:
        if on and self.grid is self.main:
            self.saved = (self.y, self.x)
            self.alt = self._blank()
            self.grid = self.alt
        elif not on and self.grid is self.alt:
            self.grid = self.main
            self.y, self.x = self.saved


class Session:
    """`followup review` in a pexpect pty, its output replayed into a `Term`."""

    def __init__(self, record: Path) -> None:
        env = {
            **os.environ,
            "TERM": "xterm",
            "NO_COLOR": "1",
            "LANG": "C.UTF-8",
            "PROMPT_TOOLKIT_NO_CPR": "1",
        }
        env.pop("EDITOR", None)
        env.pop("VISUAL", None)
        self.term = Term()
        self.child = pexpect.spawn(
            f"{sys.executable} -m followup review {record.name}",
            cwd=str(record.parent),
            encoding="utf-8",
            dimensions=(ROWS, COLS),
            timeout=30,
            env=env,
        )

    def _read(self, timeout: float) -> bool:
        try:
            self.term.feed(self.child.read_nonblocking(100_000, timeout=timeout))
        except pexpect.TIMEOUT:
            return False
        except pexpect.EOF:
            return False
        return True

    def wait_for(self, text: str, timeout: float = 20) -> list[str]:
        """Read until `text` is on the screen and the output has settled; the screen."""
        end = time.monotonic() + timeout
        while text not in self.term.text():
            if time.monotonic() > end or (not self._read(0.2) and not self.child.isalive()):
                raise AssertionError(f"{text!r} not on the screen:\n{self.term.text()}")
        while self._read(0.3):
            pass
        return self.term.lines()

    def send(self, keys: str) -> None:
        for key in re.findall(r"\x1b\[[A-D]|.", keys, flags=re.S):
            self.child.send(key)
            time.sleep(0.05)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return int(self.child.exitstatus or 0)


@pytest.fixture
def record_copy(tmp_path: Path) -> Path:
    target = tmp_path / "jlis.yaml"
    shutil.copy(JLIS_RECORD, target)
    return target


def _preview(lines: list[str], title: str) -> str:
    start = next(i for i, line in enumerate(lines) if title in line) + 1
    return "".join(line.strip() for line in lines[start:])


def _fits(lines: list[str]) -> None:
    assert len(lines) == ROWS and all(width(line) <= COLS for line in lines)


def test_menu_lists_what_differs_and_previews_the_highlighted_suggestion(record_copy: Path):
    variants = open_case(record_copy).suggestions("[1](1)3)")
    run = Session(record_copy)
    screen = run.wait_for("文案1の全文")
    _fits(screen)
    assert screen[0].startswith(f"── 1/{WALK} ── [1](1)3) ── 他機関へ転嫁")
    assert any(
        line.startswith("» 文案1: しかし、質問は市民に対し説明できる事項はないのか否かを") for line in screen
    )
    assert any(line.startswith("  文案2: 貴機構は本件にどのように関与しているのか") for line in screen)
    assert _preview(screen, "文案1の全文") == variants[0]
    run.send(DOWN)
    screen = run.wait_for("文案2の全文")
    _fits(screen)
    assert any(line.startswith("» 文案2: ") for line in screen)
    assert _preview(screen, "文案2の全文") == variants[1]
    assert screen[0].startswith(f"── 1/{WALK} ── [1](1)3)")
    run.send(UP + UP + ENTER)  # 中断
    assert run.finish() == 0


def test_header_stays_on_top_after_paging(tmp_path: Path):
    record = load_record(JLIS_RECORD)
    item = record.item("[1](1)3)")
    assert item is not None and item.answer
    item.answer = "。".join([item.answer] * 40)
    path = tmp_path / "long.yaml"
    path.write_text(dump_record(record), encoding="utf-8")
    run = Session(path)
    screen = run.wait_for("【回答】1/")
    total = next(line for line in screen if line.startswith("【回答】1/")).split("/")[1].split(" ")[0]
    for n in (2, 3):
        run.send(" ")
        screen = run.wait_for(f"【回答】{n}/{total}")
        _fits(screen)
        assert screen[0].startswith(f"── 1/{WALK} ── [1](1)3) ── 他機関へ転嫁")
        assert screen[1].startswith("【質問】トラブルの原因は公表されていないが")
        assert any(line.startswith("» 文案1:") for line in screen)
    run.send(UP + ENTER)
    assert run.finish() == 0


def test_edit_prompt_is_one_japanese_line_under_the_header(record_copy: Path):
    run = Session(record_copy)
    run.wait_for("文案1の全文")
    run.send(DOWN + "e")
    screen = run.wait_for(EDIT_INSTRUCTION)
    _fits(screen)
    top = next(i for i, line in enumerate(screen) if line.startswith(f"── 1/{WALK} ── [1](1)3)"))
    assert screen[top + 1] == "? 質問文を書いてください"
    assert screen[top + 2] == EDIT_INSTRUCTION
    assert screen[top + 3].startswith("前回回答[1](1)3)では")
    assert "Finish" not in "\n".join(screen) and "Alt+Enter' or" not in "\n".join(screen)
    run.send("(追記)")
    run.child.send(ESC)
    time.sleep(0.1)
    run.child.send(ENTER)
    run.wait_for(f"── 2/{WALK} ── [1](2)2)")
    run.send(UP + ENTER)
    assert run.finish() == 0
    session = load_session(record_copy.with_name("jlis.session.yaml"), load_record(record_copy))
    text = session.decisions["[1](1)3)"].text
    assert (
        text.startswith("前回回答[1](1)3)")
        and "との間でどのような情報共有" in text
        and text.endswith("(追記)")
    )


def test_label_change_shows_the_new_label_its_meaning_and_suggestions(record_copy: Path):
    run = Session(record_copy)
    run.wait_for("文案1の全文")
    run.send(UP + UP + ENTER)  # その他の操作
    run.wait_for("判定を変える")
    run.send(DOWN + DOWN + ENTER)  # 判定を変える
    screen = run.wait_for("判定を選んでください")
    assert screen[0].startswith(f"── 1/{WALK} ── [1](1)3)")  # the item stays in view
    run.send(DOWN)  # 他機関へ転嫁 → 論点回避
    screen = run.wait_for("「論点回避」とは")
    assert LABEL_MEANING["evasive"] in "\n".join(screen)
    run.send(ENTER)
    screen = run.wait_for("論点回避(担当者の判定)")
    _fits(screen)
    text = "\n".join(screen)
    assert screen[0].startswith(f"── 1/{WALK} ── [1](1)3) ── 論点回避(担当者の判定)")
    assert "【理由】担当者の判定です(自動判定は「他機関へ転嫁」)。" in text
    assert "「論点回避」= 質問とずれたことを答え" in text
    assert "他の機関への説明・対応に振り替え" not in text
    assert "» 文案1: しかし、これは質問とは別の事柄を述べたもので" in text
    run.send(ENTER)  # 文案1 with the new label
    run.wait_for(f"── 2/{WALK} ──")
    run.send(UP + ENTER)
    assert run.finish() == 0
    decision = load_session(record_copy.with_name("jlis.session.yaml"), load_record(record_copy)).decisions[
        "[1](1)3)"
    ]
    assert decision.label == "evasive" and "質問に対する回答になっていない" in decision.text
