"""The letter, rule by rule (issue 14), on three exchanges of different shapes: J-LIS
(answers/jlis-2016.yaml), a Diet-style 質問主意書 and a city's thread (tests/fixtures/letter)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from followup.cli import cli
from followup.draft.content import summary, title_lines
from followup.office import convert

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "tests" / "fixtures" / "letter"
JLIS = ROOT / "answers" / "jlis-2016.yaml"
DIET = LETTERS / "diet.yaml"
CITY = LETTERS / "city-r1.yaml"
CITY2 = LETTERS / "city-r2.yaml"


def draft(runner, tmp_path: Path, record: Path, *extra: str, fmt: str = "md") -> tuple[Path, str]:
    """Draft `record` with the suggestions; returns the file and what the CLI printed."""
    out = tmp_path / f"{record.stem}.{fmt}"
    args = ["draft", str(record), "--accept-suggestions", "-o", str(out), "--no-next-record", "--force"]
    args += ["--format", fmt, "--date", "2026-11-26", "--deadline-days", "10", *extra]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    return out, result.output


def body(text: str) -> str:
    return text[text.index("記") : text.index("以上")]


def followups(text: str) -> list[str]:
    """The numbered paragraphs of the letter (「(1) …」「1 …」「一 …」)."""
    return [p for p in body(text).split("\n\n") if re.match(r"^(\(\d+\)|\d+|[一二三四五六七八九十]+) ", p)]


@pytest.fixture
def jlis(runner, tmp_path: Path) -> str:
    return draft(runner, tmp_path, JLIS)[0].read_text(encoding="utf-8")


# 1. Opening
def test_opening_names_the_letters_once_with_the_late_reply_and_the_verdict(jlis: str):
    opening = jlis[: jlis.index("記")]
    assert (
        "2016年5月25日付け「マイナンバー関連システムについての質問書」（以下「前回質問書」という。）"
        in opening
    )
    assert (
        "2016年10月13日付けで「マイナンバー関連システムの質問書に対する回答」（以下「前回回答」という。）"
        in opening
    )
    assert "2016年6月15日までの回答をお願いしていましたが、前回回答は2016年10月13日付けでした。" in opening
    assert "36問のうち17問については、質問に対する回答とは言えない内容でした。" in opening


# 2. Each follow-up
def test_each_followup_cites_by_number_quotes_says_why_and_asks_again(jlis: str):
    text = body(jlis)
    assert "2016年10月13日" not in text and "付け)" not in text  # no repeated source or date
    paragraphs = followups(jlis)
    assert all(p.split(" ", 1)[1].startswith("前回回答[") for p in paragraphs)
    evasive = next(p for p in paragraphs if "前回回答[1](2)2)では「" in p)
    assert "一般的な方針を述べるのみで" in evasive  # why it does not answer
    assert evasive.endswith(
        "原因不明な状態でカード発行業務を停止せずに継続した理由を具体的に明らかにされたい。"
    )
    assert "重複付番の有無は調査したのか否か" in next(p for p in paragraphs if "[2]3)" in p)


# 3. One follow-up for one answer
def test_items_sharing_an_answer_get_one_followup_and_repeated_dodges_vary(jlis: str):
    paragraphs = followups(jlis)
    assert len(paragraphs) == 13  # 16 items followed up, three answers shared
    assert sum("前回回答[3](2)1)から3)までは、いずれも「" in p for p in paragraphs) == 1
    assert sum("前回回答[1](5)4)及び[1](6)2)では、いずれも「" in p for p in paragraphs) == 1
    assert not any(p.split(" ", 1)[1].startswith("前回回答[3](2)2)") for p in paragraphs)
    reasons = [p.split("とされている。", 1)[1].split("。")[0] for p in paragraphs if "とされている。" in p]
    assert len(reasons) == len(set(reasons))  # never the same reason twice


# 4. Deflection
def test_deflection_asks_the_basis_what_the_body_itself_does_and_who_only_if_unnamed(jlis: str):
    paragraphs = followups(jlis)
    katsushika = next(p for p in paragraphs if "[1](1)3)" in p)
    assert "葛飾区において扱うべき事項とする根拠" in katsushika and "責任を負う機関" not in katsushika
    assert "市民に対し説明できる事項はないのか否か" in katsushika
    named = next(p for p in paragraphs if "[3](2)1)から3)まで" in p)
    assert "各地方公共団体において扱うべき事項とする根拠" in named and "責任を負う機関" not in named
    unnamed = next(p for p in paragraphs if "[4]6)" in p)
    assert "責任を負う機関はどこか" in unnamed and "貴機構自身が本件について把握している事実" in unnamed


# 5. Partial
def test_partial_quotes_what_was_given_and_asks_for_exactly_the_rest(jlis: str):
    staff = next(p for p in followups(jlis) if "[4]7)" in p)
    assert "当機構全体で182名の職員がおり" in staff and "民間企業からの出向は37名です" in staff
    assert "回答がない" not in staff
    assert staff.endswith(
        "それぞれについてその職員の内訳（機構採用、省庁や自治体からの出向、企業からの出向等の内訳）を明確に示されたい。"
    )


# 6. Before 以上
def test_deadline_meeting_publication_and_new_questions_come_before_ijo(runner, tmp_path: Path):
    out, _ = draft(runner, tmp_path, DIET, "--publish")
    text = out.read_text(encoding="utf-8")
    ijo = text.index("以上")
    assert text.index("令和8年12月10日までに文書にて") < ijo and text.index("公表させていただく予定") < ijo
    assert "お会いして" not in text  # the 質問主意書 did not ask to meet
    out, _ = draft(runner, tmp_path, DIET, "--meeting")
    assert out.read_text(encoding="utf-8").index("お会いして") < out.read_text(encoding="utf-8").index("以上")


def test_jlis_asked_to_meet_so_the_followup_does(jlis: str):
    assert jlis.index("直接お会いしてお話を伺う機会") < jlis.index("以上")


def _decisions(tmp_path: Path, record: Path, chosen: dict[str, str], added: list[dict]) -> Path:
    from followup.case import open_case

    case = open_case(record)
    decisions = [
        {"ref": ref, "action": "followup", "text": case.suggestions(ref)[0], "priority": priority}
        for ref, priority in chosen.items()
    ]
    path = tmp_path / "判断.yaml"
    data = {"format": 1, "decisions": decisions, "added": added}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_priorities_order_a_section_and_mark_the_high_ones(runner, tmp_path: Path):
    decisions = _decisions(
        tmp_path,
        JLIS,
        {"[4]2)": "normal", "[4]6)": "low", "[4]7)": "high"},
        [
            {"text": "交付枚数の最新の数を明らかにされたい。", "priority": "high"},
            {"text": "補足の質問です。"},
        ],
    )
    out = tmp_path / "x.md"
    args = ["draft", str(JLIS), "--decisions", str(decisions), "--only-decided", "-o", str(out)]
    result = runner.invoke(
        cli, [*args, "--format", "md", "--no-next-record", "--date", "2026-11-26", "--appendix"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    order = [text.index(ref) for ref in ("前回回答[4]7)", "前回回答[4]2)", "前回回答[4]6)")]
    assert order == sorted(order) and "(1) 【重点】前回回答[4]7)" in text
    assert (
        "## [2] 新たな質問" in text
        and "(1) 【重点】交付枚数の最新の数" in text
        and "(2) 補足の質問です。" in text
    )
    assert text.index("新たな質問") < text.index("以上")
    assert "当方で前回回答を一問ずつ検討して整理したもの" in text  # the organizer decided: reviewed


# 7. Sender and addressee
def test_sender_block_as_the_record_gives_it_and_no_placeholder(runner, tmp_path: Path):
    out, printed = draft(runner, tmp_path, CITY)
    text = out.read_text(encoding="utf-8")
    assert "○○市 市長 佐藤一郎 様" in text
    assert "代表　鈴木二郎" in text and "○○市中央一丁目2番3号" in text
    assert "事務局　電話 000-0000-0000　メール info@example.org" in text[text.index("以上") :]
    assert "略）" not in text.replace("（略）」", "") and "連絡先" not in printed
    out, printed = draft(runner, tmp_path, JLIS)
    assert "(略)" not in out.read_text(encoding="utf-8") and "事務局連絡先" not in out.read_text(
        encoding="utf-8"
    )
    assert "差出人の連絡先がありません" in printed


def test_no_sections_no_invented_heading(runner, tmp_path: Path):
    text = draft(runner, tmp_path, DIET)[0].read_text(encoding="utf-8")
    assert "その他" not in text and "## " not in body(text)
    assert [p.split(" ")[0] for p in followups(text)] == ["一", "二", "三", "四"]
    assert "前回答弁書二及び三では、いずれも「" in text and "前回答弁書四から六までは、いずれも「" in text
    assert "（以下「前回質問主意書」という。）" in text and text.startswith(
        "<div align=right>令和8年11月26日"
    )


# 8. Citations
def test_citations_are_short_names_by_default_and_footnotes_on_request(runner, tmp_path: Path):
    plain, _ = draft(runner, tmp_path, JLIS, fmt="docx")
    with zipfile.ZipFile(plain) as z:
        assert "w:footnoteReference" not in z.read("word/document.xml").decode()
    notes, _ = draft(runner, tmp_path, CITY2, "--citations", "footnotes", fmt="docx")
    with zipfile.ZipFile(notes) as z:
        xml = z.read("word/footnotes.xml").decode()
    assert "質問の全文" in xml and "同じ事項についての令和5年7月28日付け回答" in xml


# 9. The status table
def test_appendix_only_on_request_on_its_own_page_in_neutral_words(runner, tmp_path: Path):
    import docx

    plain, _ = draft(runner, tmp_path, JLIS, fmt="docx")
    assert docx.Document(str(plain)).tables == []
    out, _ = draft(runner, tmp_path, JLIS, "--appendix", fmt="docx")
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert texts.index("以上") < texts.index("別紙") < texts.index("前回回答の状況")
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert 'w:type="page"' in xml[: xml.index("別紙")][-400:]
    assert xml.count("<w:tblHeader/>") == 1 and xml.count("<w:cantSplit/>") == 37
    cells = {c.text for row in document.tables[0].rows for c in row.cells}
    assert not cells & {"論点回避", "他機関へ転嫁", "回答拒否", "先送り"}
    all_text = "\n".join(texts) + "\n".join(cells)
    assert "followup" not in all_text and "担当者の確認" not in all_text
    assert "前回回答の文言に基づいて整理したもの" in all_text  # nobody reviewed: no claim that anybody did


def test_summaries_are_cut_at_a_word_boundary():
    text = "1月に2回(19日、25日)原因と対処を公表されているが、結果的にそれで解消せずトラブルは続いた。原因不明な状態で、なぜカード発行業務を停止せずに継続したのか"
    cut = summary(text)
    assert cut.endswith("…") and len(cut) <= 61
    assert cut[:-1].endswith(("、", "。", "」", "を", "に", "が", "は", "で", "と", "の", "た"))


# 10. Typography and layout
def test_page_numbers_title_quotes_parentheses_spaces_and_era(runner, tmp_path: Path, jlis: str):
    out, _ = draft(runner, tmp_path, JLIS, fmt="docx")
    with zipfile.ZipFile(out) as z:
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert 'w:instr=" PAGE "' in footer
    assert "『参考資料』の2(1)状況であれば" in jlis  # 『』 inside 「」
    assert "（外部インターフェース等）" in jlis and "(外部インターフェース等)" not in jlis
    assert "平成28年4月1日現在で" in jlis and "市区町村CSから" in jlis
    assert "平成 28 年 4 月 1 日" in JLIS.read_text(encoding="utf-8")  # the record keeps the original
    wareki, _ = draft(runner, tmp_path, JLIS, "--era", "wareki")
    assert "平成28年10月13日付けで「" in wareki.read_text(encoding="utf-8")
    assert title_lines("マイナンバー関連システムについての再質問書", ["について"]) == [
        "マイナンバー関連システムについての再質問書"
    ]
    long = "「地方公共団体情報システム機構が管理する個人情報の取扱い」についての再質問書"
    assert title_lines(long, ["」", "についての"]) == [
        "「地方公共団体情報システム機構が管理する個人情報の取扱い」",
        "についての再質問書",
    ]


# 11. Later rounds
def test_later_rounds_quote_the_respondents_latest_answer_never_the_groups_own(runner, tmp_path: Path):
    text = draft(runner, tmp_path, CITY2)[0].read_text(encoding="utf-8")
    assert "# 保育所の待機児童対策についての再々質問状" in text
    first = followups(text)[0]
    assert first.startswith("1 前回質問状第1の1で改めて質問したが、前回回答にはこれに対する回答がない。")
    assert "2023年" not in first and "令和5年7月28日付けの回答では「保育士の処遇改善については" in first
    assert first.endswith("市独自の加算を行う考えはあるのか否か、明らかにされたい。")
    assert "その検討の結果も、結果が示される時期も" not in first  # the group's round-2 text
    again = followups(text)[1]
    assert "再三にわたり回答を求めているにもかかわらず" in again and "検討資料の写しを提供されたい" in again


# 12. The letters themselves pass the grammar guard
@pytest.mark.parametrize("record", [JLIS, DIET, CITY, CITY2], ids=lambda p: p.stem)
def test_every_followup_of_the_three_exchanges_reads_right(runner, tmp_path: Path, record: Path):
    from test_letter_grammar import broken

    text = draft(runner, tmp_path, record)[0].read_text(encoding="utf-8")
    for paragraph in followups(text):
        assert broken(paragraph.split(" ", 1)[1]) == [], paragraph
    assert "「「" not in text and "。。" not in text


def _pdf(docx: Path, tmp_path: Path) -> Path:
    return convert(docx, "pdf", docx.parent)


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [page.replace(" ", "") for page in text.stdout.split("\f") if page.strip()]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
@pytest.mark.parametrize(("record", "extra"), [(JLIS, ["--appendix"]), (DIET, []), (CITY2, ["--publish"])])
def test_libreoffice_renders_the_three_exchanges(runner, tmp_path: Path, record: Path, extra: list[str]):
    out, _ = draft(runner, tmp_path, record, *extra, fmt="docx")
    pdf = _pdf(out, tmp_path)
    pages = _pages(pdf)
    for number, page in enumerate(pages, start=1):
        assert f"-{number}-" in page.splitlines()[-1] or f"-{number}-" in page[-40:]  # page numbers
    text = "".join(pages)
    assert text.index("記") < text.index("以上") and text.index("までに文書にて") < text.index("以上")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "IPAexMincho" in fonts
    if "--appendix" in extra:
        annex = next(i for i, page in enumerate(pages) if "別紙" in page)
        assert "以上" not in pages[annex] and "前回回答の状況" in pages[annex]


def test_an_edited_group_followup_stands_for_the_group(runner, tmp_path: Path):
    """The organizer edited the group's suggestion on one item and took it on the others:
    the letter has the edited text once, following up all three items."""
    from followup.case import open_case

    case = open_case(JLIS)
    edited = case.suggestions("[3](2)1)")[0] + "(追記)"
    decisions = [
        {"ref": "[3](2)1)", "action": "followup", "text": edited},
        {"ref": "[3](2)2)", "action": "followup", "text": case.suggestions("[3](2)2)")[0]},
        {"ref": "[3](2)3)", "action": "followup", "text": case.suggestions("[3](2)3)")[0]},
    ]
    path = tmp_path / "d.yaml"
    path.write_text(
        yaml.safe_dump({"format": 1, "decisions": decisions}, allow_unicode=True), encoding="utf-8"
    )
    out = tmp_path / "x.md"
    args = ["draft", str(JLIS), "--decisions", str(path), "--only-decided", "-o", str(out), "--format", "md"]
    result = runner.invoke(cli, [*args, "--next-record", str(tmp_path / "x.r2.yaml")])
    assert result.exit_code == 0, result.output
    paragraphs = followups(out.read_text(encoding="utf-8"))
    assert len(paragraphs) == 1 and paragraphs[0].endswith("（追記）")
    from followup.records import load_record

    assert load_record(tmp_path / "x.r2.yaml").items[0].follows == ["[3](2)1)", "[3](2)2)", "[3](2)3)"]
