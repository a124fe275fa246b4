"""The review screens as data and through the real prompts fed from a pipe (80×24).

The pty tests (a real terminal) are in test_screens_pty.py."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from conftest import JLIS_RECORD, WALK
from followup.case import open_case
from followup.display import fold, width
from followup.records import dump_record, load_record
from followup.review import prompts
from followup.review.prompts import EDIT_INSTRUCTION, Page, page_lines
from followup.review.walk import (
    LABEL_MEANING,
    View,
    Walk,
    actions,
    build_queue,
    run_review,
    suggestion_titles,
)

ENTER, UP, DOWN, ESC = "\r", "\x1b[A", "\x1b[B", "\x1b"
ROWS, COLS = 24, 80


# -- fold: numbers, words and short quotations are never cut ----------------------------


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("当初は" + "あ" * 33 + "1000万枚の交付を予定していた。", "1000万枚"),
        ("あ" * 36 + "平成28年4月1日現在", "28年"),
        ("あ" * 37 + "1,234,567件", "1,234,567件"),
        ("あ" * 37 + "3カ月かかった", "3カ月"),
        ("あ" * 37 + "3~4月の繁忙期", "3~4月"),
        ("あ" * 37 + "ICチップの不具合", "IC"),
        ("あ" * 30 + "「障害発生の背景要因等について」のとおり", "「障害発生の背景要因等について」"),
    ],
)
def test_fold_never_breaks_a_number_word_or_short_quote(text: str, whole: str):
    lines = fold(text, 78)
    assert "".join(lines) == text
    assert all(width(line) <= 78 for line in lines)
    assert any(whole in line for line in lines), lines


def test_fold_cuts_only_what_is_longer_than_a_line():
    quote = "「" + "あ" * 50 + "」"
    lines = fold("前置き" + quote, 40)
    assert "".join(lines) == "前置き" + quote and all(width(line) <= 40 for line in lines)
    digits = "1" * 50
    assert "".join(fold(digits, 20)) == digits and all(len(line) <= 20 for line in fold(digits, 20))


# -- the menu: suggestions by what tells them apart, the highlighted one in full ------


def test_suggestions_are_listed_by_what_tells_them_apart():
    case = open_case(JLIS_RECORD)
    variants = case.suggestions("[1](1)3)")
    titles = suggestion_titles(variants)
    assert titles[0].startswith("しかし、質問は市民に対し説明できる事項はないのか否かを尋ねたもの")
    assert len({t[:20] for t in titles}) == len(titles)
    assert all(not t.startswith("前回質問") for t in titles)
    menu = actions(variants, COLS)
    assert [c.title[:4] for c in menu[:3]] == ["文案1:", "文案2:", "文案3:"]
    assert all(width(c.title) <= COLS - 4 for c in menu)


def test_escalating_suggestions_say_they_open_with_the_history():
    lead = "本件については、平成28年10月13日付け回答でも「検討中」とされ、再三にわたり回答を求めている。"
    cite = "前回質問[1](6)に対する貴機構回答(平成29年1月20日付け)では「取りまとめ中です」とされている"
    variants = [f"{lead}{cite}が、結果を示されたい。", f"{lead}{cite}。時期を示されたい。"]
    variants += [f"{cite}が、結果を示されたい。", f"{cite}。時期を示されたい。"]
    assert suggestion_titles(variants) == [
        "経緯を添えて: 結果を示されたい。",
        "経緯を添えて: 時期を示されたい。",
        "結果を示されたい。",
        "時期を示されたい。",
    ]


def test_preview_shows_the_highlighted_suggestion_in_full():
    case = open_case(JLIS_RECORD)
    variants = case.suggestions("[1](1)3)")
    choices = actions(variants, COLS)
    page = Page(["── 1/17 ── [1](1)3)"], ["【質問】…"], "どうしますか", choices, preview_rows=8)
    for index, text in enumerate(variants):
        shown = [line for _, line in page_lines(page, index, ROWS)]
        assert shown[0] == "── 1/17 ── [1](1)3)"
        assert f"» 文案{index + 1}:" in "\n".join(shown)
        preview = "".join(
            line.strip() for line in shown[shown.index(next(s for s in shown if "全文" in s)) + 1 :]
        )
        assert preview == text
        assert len(shown) <= ROWS and all(width(line) <= COLS for line in shown)


# -- a Walk driven by a script: the pages it builds --------------------------------------


class Script:
    """Answers the walk's questions from a list, keeping every page it was shown."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = answers
        self.pages: list[Page] = []
        self.edits: list[tuple[str, str, str]] = []

    def menu(self, page: Page) -> str:
        self.pages.append(page)
        return self.answers.pop(0)

    def edit_text(self, message: str, initial: str, header: str = "") -> str:
        self.edits.append((message, initial, header))
        return self.answers.pop(0)

    def press_enter(self) -> None:
        return None


@pytest.fixture
def record_copy(tmp_path: Path) -> Path:
    target = tmp_path / "jlis.yaml"
    shutil.copy(JLIS_RECORD, target)
    return target


def _rows(page: Page) -> list[str]:
    return [line for _, line in page_lines(page, 0, ROWS)]


def test_every_first_page_fits_80x24_with_nothing_cut_from_the_item(record_copy: Path):
    script = Script(["use:0"] * WALK)
    run_review(record_copy, ask=script, view=View(COLS, ROWS, False), echo=lambda _: None)
    assert len(script.pages) == WALK
    for page in script.pages:
        used = len(page.header) + len(page.body) + 1 + len(page.choices) + page.preview_rows
        assert used <= ROWS, page.header
        assert all(width(line) <= COLS for line in _rows(page))
        assert page.header[0].startswith("── ") and f"/{WALK} ── [" in page.header[0]


def test_header_stays_on_top_while_paging_a_long_answer(tmp_path: Path):
    record = load_record(JLIS_RECORD)
    item = record.item("[1](1)3)")
    assert item is not None and item.answer
    item.answer = "。".join([item.answer] * 40)
    path = tmp_path / "long.yaml"
    path.write_text(dump_record(record), encoding="utf-8")
    script = Script(["more:use:1", "more:use:1", "less:use:2", "quit"])
    run_review(path, ask=script, view=View(COLS, ROWS, False), echo=lambda _: None)
    heads = [p.header[0] for p in script.pages]
    assert len(set(heads)) == 1 and heads[0].startswith(f"── 1/{WALK} ── [1](1)3) ── 他機関へ転嫁")
    pages = [next(line for line in p.body if line.startswith("【回答】")) for p in script.pages]
    total = pages[0].split("/")[1].split(" ")[0]
    assert int(total) >= 3
    assert [p.split(" ページ")[0] for p in pages] == [f"【回答】{n}/{total}" for n in (1, 2, 3, 2)]
    assert all(len(_rows(p)) <= ROWS for p in script.pages)
    assert [p.default for p in script.pages] == ["use:0", "use:1", "use:1", "use:2"]  # highlight kept


def test_label_change_recomputes_reasons_and_suggestions(record_copy: Path):
    script = Script(["other", "label", "evasive", "use:0", "quit"])
    run_review(record_copy, ask=script, view=View(COLS, ROWS, False), echo=lambda _: None)
    before, after = script.pages[0], script.pages[3]
    assert "他機関へ転嫁" in before.header[0] and "担当者" not in before.header[0]
    assert "論点回避(担当者の判定)" in after.header[0]
    body = "\n".join(after.body)
    assert "担当者の判定です(自動判定は「他機関へ転嫁」)" in body
    assert f"「論点回避」= {LABEL_MEANING['evasive']}" in body
    assert "他の機関への説明・対応に振り替え" not in body  # the old label's reason is gone
    assert "これは質問とは別の事柄を述べたもので" in after.choices[0].title
    label_page = script.pages[2]
    assert label_page.header == before.header  # the item stays in view while choosing
    meaning = next(c for c in label_page.choices if c.value == "evasive").preview
    assert LABEL_MEANING["evasive"] in "".join(meaning)


def test_back_to_the_automatic_label_brings_back_its_reasons(record_copy: Path):
    script = Script(["other", "label", "evasive", "other", "label", "deflected", "quit"])
    run_review(record_copy, ask=script, view=View(COLS, ROWS, False), echo=lambda _: None)
    last = script.pages[-1]
    assert "担当者" not in last.header[0] and "他の機関への説明・対応に振り替え" in "\n".join(last.body)


def test_edit_keeps_the_header_and_one_japanese_instruction_line(record_copy: Path):
    script = Script(["edit:1", "書き直した質問文。", "quit"])
    run_review(record_copy, ask=script, view=View(COLS, ROWS, False), echo=lambda _: None)
    message, initial, header = script.edits[0]
    assert message == "質問文を書いてください"
    assert header.startswith(f"── 1/{WALK} ── [1](1)3)") and initial.startswith("前回回答[1](1)3)")
    assert width(EDIT_INSTRUCTION) + 2 <= COLS and EDIT_INSTRUCTION.isascii() is False
    assert "Finish" not in EDIT_INSTRUCTION


def test_edit_text_through_the_real_prompt(monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    with create_pipe_input() as pipe:
        pipe.send_text("を追記" + ESC + ENTER)
        with create_app_session(input=pipe, output=DummyOutput()):
            text = prompts.edit_text("質問文を書いてください", "文案", "── 1/17 ── [1](1)3)")
    assert text == "文案を追記"


def test_menu_through_the_real_prompt_keys():
    choices = [
        prompts.Choice("文案1: a", "use:0", ("── 文案1", "  a"), (("e", "edit:0"),)),
        prompts.Choice("文案2: b", "use:1", ("── 文案2", "  b"), (("e", "edit:1"),)),
        prompts.Choice("中断", "quit"),
    ]
    page = Page(["── 1/1 ── [1]"], [], "どうしますか", choices, "use:0", {" ": "more"}, 2)
    answers = []
    for keys in (ENTER, DOWN + ENTER, UP + ENTER, DOWN + "e", " ", DOWN + DOWN + "e" + ENTER):
        with create_pipe_input() as pipe:
            pipe.send_text(keys)
            with create_app_session(input=pipe, output=DummyOutput()):
                answers.append(prompts.menu(page))
    assert answers == ["use:0", "use:1", "quit", "edit:1", "more:use:0", "quit"]


# -- review --all: flagged, then uncertain, then the rest --------------------------------


def test_review_all_order_flagged_uncertain_rest():
    case = open_case(JLIS_RECORD)
    for ref, verdict in case.automatic.items():  # only [2]1) uncertain, made so here
        case.automatic[ref] = replace(verdict, confidence=0.3 if ref == "[2]1)" else 0.9)
    unsure = "[2]1)"
    refs = [e.item.ref for e in build_queue(case, include_all=True)]
    flagged = [it.ref for it in case.flagged()]
    assert refs[: len(flagged)] == flagged
    assert refs[len(flagged)] == unsure
    assert len(refs) == 36 and len(set(refs)) == 36
    rest = [it.ref for it in case.record.items if it.ref not in flagged and it.ref != unsure]
    assert refs[len(flagged) + 1 :] == rest
    assert [e.item.ref for e in build_queue(case, include_all=False)] == [*flagged, unsure]
    assert [e.item.ref for e in build_queue(case, include_all=False, unsure=False)] == flagged


def test_walk_is_a_dataclass_with_one_handler_per_action():
    from followup.review.walk import HANDLERS

    kinds = {c.value.partition(":")[0] for c in actions(["a", "b"], COLS)}
    assert kinds - {"other"} <= set(HANDLERS) and {"more", "less", "view", "label"} <= set(HANDLERS)
    assert Walk.__dataclass_fields__["label"].default is None


def test_coloured_answer_lines_become_styles_not_raw_codes():
    from followup.display import fold_highlight

    text = "総点検を行っているところです。"
    coloured = fold_highlight(text, 78, (0, 3), True)
    assert "\x1b[1;31m" in coloured[0]
    shown = prompts.fragments([("", "── 1/1 ── [1]"), ("", coloured[0])])
    assert all("\x1b" not in t for _, t in shown)
    assert "".join(t for _, t in shown) == "── 1/1 ── [1]\n" + text
    assert [t for s, t in shown if "red" in s] == list("総点検")


def test_fold_never_starts_a_line_with_a_comma_or_closing_bracket():
    text = "あ" * 78 + "、次の行。" + "い" * 77 + "」と。"
    lines = fold(text, 78)
    assert "".join(lines) == text and all(width(line) <= 78 for line in lines)
    assert not any(line[:1] in "、。」" for line in lines), lines


@pytest.mark.parametrize("cols", [10, 20, 40, 78])
def test_fold_keeps_every_line_within_the_width(cols: int):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("あ漢「」、。0123456789万枚年月ABCab ~"))

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=300))
    def check(text: str) -> None:
        lines = fold(text, cols)
        assert "".join(lines) == text.replace("\n", "")
        assert all(width(line) <= cols for line in lines)

    check()


def test_full_text_views_open_with_the_header(record_copy: Path):
    out: list[str] = []
    script = Script(["view:1", "other", "context", "quit"])
    run_review(record_copy, ask=script, view=View(COLS, ROWS, False), echo=out.append)
    variants = open_case(record_copy).suggestions("[1](1)3)")
    first = out.index(next(line for line in out if line.startswith("── 文案2の全文")))
    assert out[first - 1].startswith(f"── 1/{WALK} ── [1](1)3)")
    assert "".join(line.strip() for line in out[first + 1 : first + 6]).startswith(variants[1][:60])
    context = out.index("【質問(全文)】")
    assert out[context - 1].startswith(f"── 1/{WALK} ── [1](1)3)") and "【回答(全文)】" in out
    shown = out[first - 1 :]
    assert all(width(line) <= COLS for line in shown if line.startswith(("  ", "──", "【", "■")))
