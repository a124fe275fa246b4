from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import FIXTURES, JLIS_DIR, JLIS_RECORD, gold_items
from followup.align import similarity
from followup.errors import InputError
from followup.importer import import_exchange
from followup.records import dump_record, load_record

QUESTIONS = JLIS_DIR / "questions.txt"


@pytest.fixture(scope="module")
def clean():
    return import_exchange(QUESTIONS, JLIS_DIR / "reply-clean.txt", answered_date=dt.date(2016, 10, 13))


@pytest.fixture(scope="module")
def ocr():
    return import_exchange(QUESTIONS, JLIS_DIR / "reply-ocr.txt")


def test_jlis_clean_has_the_36_gold_refs_in_order(clean):
    record, summary = clean
    assert [it.ref for it in record.items] == [g["ref"] for g in gold_items()]
    assert summary.items == 36 and summary.missing_in_reply == [] and summary.unmatched_reply == []


def test_jlis_merged_answers_match_gold(clean):
    record, _ = clean
    for g in gold_items():
        item = record.item(g["ref"])
        assert sorted(item.merged) == sorted(g.get("merged", [])), g["ref"]
    assert record.item("[3](2)1)").answer == record.item("[3](2)3)").answer
    assert record.item("[3](2)1)").answer.startswith("当機構は、地方公共団体に対して")


def test_jlis_question_text_is_the_original_in_full(clean):
    record, _ = clean
    item = record.item("[1](3)1)")
    assert item.question == "2月22日のトラブルの原因はなにか。それは解決したのか。"
    assert item.restated == "2月22日のトラブルの原因はなにか"
    # the reply shortened [1](5)4) with (中略); the record keeps the full original
    long_item = record.item("[1](5)4)")
    assert "しかし住民異動の多い3~4月" in long_item.question
    assert "(中略)" in long_item.restated


def test_jlis_hard_wraps_are_joined_without_spaces(clean):
    record, _ = clean
    assert "極力影響がでないよう努めたところです" in record.item("[1](2)2)").answer
    assert "原因によるものであれば、ご理解のとおりです" in record.item("[1](5)1)").answer
    # a sentence broken by a page break is one sentence again
    assert "提供する立場であり、地方公共団体の" in record.item("[3](2)3)").answer
    # a real second paragraph stays a second line
    assert "\nなお、当機構全体で" in record.item("[4]7)").answer


def test_jlis_context_enumeration_is_not_a_question(clean):
    record, _ = clean
    section = next(s for s in record.sections if s.ref == "[1]")
    assert section.title == "カード交付に関わるシステムトラブルについて"
    assert "(7) 2016年4月5日に佐賀新聞が報じた" in section.context
    assert section.context.endswith("これらについて、以下の点を明らかにしてください。")
    assert record.item("[1](7)1)").question == "トラブルの内容について説明されたい"


def test_jlis_metadata(clean):
    record, _ = clean
    assert record.questions.title == "マイナンバー関連システムについての質問書"
    assert record.questions.date == dt.date(2016, 5, 25)
    assert record.questions.deadline == dt.date(2016, 6, 15)
    assert record.reply.date == dt.date(2016, 10, 13)
    assert record.reply.title == "マイナンバー関連システムの質問書に対する回答"
    assert record.asker.name == "共通番号・カードの廃止をめざす市民連絡会"
    assert record.asker.short_name == "共通番号いらないネット"
    assert record.respondent.body == "地方公共団体情報システム機構"
    assert record.respondent.head_title == "理事長"
    assert "情報化支援戦略部" in record.reply.contact


def test_committed_jlis_record_is_what_the_importer_builds(clean):
    record, _ = clean
    assert load_record(JLIS_RECORD) == record
    assert JLIS_RECORD.read_text(encoding="utf-8") == dump_record(record)


def test_ocr_reply_pairs_all_36_items_like_the_clean_one(clean, ocr):
    clean_record, _ = clean
    ocr_record, summary = ocr
    assert [it.ref for it in ocr_record.items] == [it.ref for it in clean_record.items]
    assert ocr_record.reply.date == dt.date(2016, 10, 13)  # the fax kept its date line
    for a, b in zip(clean_record.items, ocr_record.items, strict=True):
        assert b.answer is not None, b.ref
        assert similarity(a.answer, b.answer) > 0.9, b.ref
        assert sorted(a.merged) == sorted(b.merged), b.ref
    # the OCR lost the restatement of [3](1)1); the importer says what it assumed
    assert any("[3](1)1)" in w and "要確認" in w for w in summary.warnings)
    assert ocr_record.unmatched == []


def test_ocr_garbled_group_heading_still_pairs_its_items(ocr):
    record, _ = ocr
    assert record.item("[1](5)2)").answer.startswith("システムの詳細に関わる事項となりますので")
    assert record.item("[1](4)2)").answer.endswith("連絡しております。")


def test_diet_style_answers_cover_several_questions():
    record, summary = import_exchange(FIXTURES / "diet" / "questions.txt", FIXTURES / "diet" / "reply.txt")
    assert [it.ref for it in record.items] == ["一", "二", "三", "四", "五", "六"]
    assert record.item("二").merged == ["三"]
    assert record.item("五").merged == ["四", "六"]
    assert record.item("六").answer.startswith("御指摘の点については")
    assert record.questions.title == "地方自治体のシステム標準化に関する質問主意書"
    assert record.asker.name == "山田花子"
    assert record.respondent.head_name == "岸田文雄"
    assert record.questions.date == dt.date(2024, 3, 1)
    assert record.reply.date == dt.date(2024, 3, 12)
    assert summary.missing_in_reply == []


def test_city_style_with_dai_numbering_circled_and_a_skipped_question():
    record, summary = import_exchange(FIXTURES / "city" / "questions.txt", FIXTURES / "city" / "reply.txt")
    assert [it.ref for it in record.items] == ["第1の1", "第1の2", "第2の1", "第2の2", "第3①", "第3②"]
    assert record.item("第1の2").answer is None
    assert summary.missing_in_reply == ["第1の2"]
    assert record.item("第2の2").answer.endswith("8.5%です。")
    assert record.respondent.body == "○○市" and record.respondent.head_title == "市長"
    assert record.questions.deadline == dt.date(2023, 7, 31)


def test_reply_only_import_takes_items_from_the_reply():
    record, _ = import_exchange(None, JLIS_DIR / "reply-clean.txt")
    assert len(record.items) == 36
    item = record.item("[1](3)1)")
    assert item.question is None and item.restated == "2月22日のトラブルの原因はなにか"


def test_fullwidth_brackets_and_digits(tmp_path: Path):
    q = tmp_path / "q.txt"
    q.write_text(
        "質問書\n\n［１］ 予算について\n（１）総額はいくらか。\n（２）内訳を示されたい。\n［２］ 人員について\n（１）職員は何名か。\n",
        encoding="utf-8",
    )
    r = tmp_path / "r.txt"
    r.write_text(
        "回答書\n\n［１］ 予算について\n（１）総額はいくらか。\n【回答】10億円です。\n（２）内訳を示されたい。\n【回答】別紙のとおりです。\n［２］\n（１）職員は何名か。\n【回答】12名です。\n",
        encoding="utf-8",
    )
    record, _ = import_exchange(q, r)
    assert [it.ref for it in record.items] == ["[1](1)", "[1](2)", "[2](1)"]
    assert record.item("[2](1)").answer == "12名です。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "euc_jp"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_and_newlines_are_detected(tmp_path: Path, encoding: str, newline: str):
    src = QUESTIONS.read_text(encoding="utf-8").replace("~", "〜")
    target = tmp_path / "q.txt"
    target.write_bytes(src.replace("\n", newline).encode(encoding, errors="replace"))
    record, _ = import_exchange(target, JLIS_DIR / "reply-clean.txt")
    assert len(record.items) == 36
    assert record.item("[1](1)1)").question == "葛飾区に対して、いつ、どのような説明を行ったか"


def test_docx_input(tmp_path: Path):
    import docx

    document = docx.Document()
    for line in QUESTIONS.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "質問書.docx"
    document.save(str(path))
    record, _ = import_exchange(path, JLIS_DIR / "reply-clean.txt")
    assert len(record.items) == 36
    assert record.questions.title == "マイナンバー関連システムについての質問書"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空です"),
        (b"   \n\n", "空です"),
        (b"\x00\x01\x02\x03PNG\x00\x00", "バイナリ"),
        (bytes(range(128, 256)) * 4, "文字コードを判別できません"),
        ("ただの文章です。番号はありません。\n".encode(), "番号付きの項目が見つかりません"),
        (b"PK\x03\x04rest", "zip"),
    ],
)
def test_bad_inputs_are_refused_with_a_japanese_message(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        import_exchange(path, None)
    assert message in info.value.message
    assert str(path) in info.value.message


def test_docx_that_is_not_a_zip_is_refused(tmp_path: Path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(InputError, match="zip 形式ではありません"):
        import_exchange(path, None)


# ---- numbering styles and layouts seen in published exchanges ---------------------------

SHAPES = FIXTURES / "import"


def _answers(record) -> dict[str, str | None]:
    return {it.ref: it.answer for it in record.items}


def test_toi_numbering_with_toi_headings_pairs_each_answer():
    record, summary = import_exchange(SHAPES / "toi-questions.txt", SHAPES / "toi-reply.txt")
    assert [it.ref for it in record.items] == ["問1", "問2", "問3", "問4"]
    assert record.item("問1").question == "指定管理者制度を導入した理由は何か。"
    assert record.item("問1").answer.startswith("民間の知見を活用し")
    assert record.item("問2").answer.startswith("令和5年度は約32万人")
    assert record.item("問3").merged == ["問4"] and record.item("問4").merged == ["問3"]
    assert record.questions.deadline == dt.date(2025, 5, 9)
    assert summary.missing_in_reply == [] and summary.unmatched_reply == []


@pytest.mark.parametrize(
    ("question_marker", "heading"),
    [
        ("問1、", "問1について"),
        ("問１．", "問１について"),
        ("質問1", "質問１について"),
        ("質問１\u3000", "回答(質問1について)"),
        ("問1 ", "(問1への回答)"),
        ("Q1.", "Q1について"),
        ("1、", "1について"),
        ("１．", "１について"),
        ("1\u3000", "1について"),
    ],
)
def test_each_numbering_style_pairs_with_its_answer_heading(
    tmp_path: Path, question_marker: str, heading: str
):
    def q(n: int) -> str:
        return question_marker.replace("1", str(n)).replace("１", "１２３"[n - 1])

    def h(n: int) -> str:
        return heading.replace("1", str(n)).replace("１", "１２３"[n - 1])

    questions = tmp_path / "q.txt"
    questions.write_text(
        "質問書\n\n記\n\n"
        + "".join(
            f"{q(n)}{text}\n"
            for n, text in enumerate(["予算は足りているか。", "人員は何名か。", "期限はいつか。"], 1)
        )
        + "\n以上\n",
        encoding="utf-8",
    )
    reply = tmp_path / "r.txt"
    reply.write_text(
        "回答書\n\n記\n\n" + "".join(f"{h(n)}\n\u3000回答{n}の本文です。\n\n" for n in (1, 2, 3)) + "以上\n",
        encoding="utf-8",
    )
    record, summary = import_exchange(questions, reply)
    assert len(record.items) == 3, [it.ref for it in record.items]
    for n, item in enumerate(record.items, 1):
        assert item.answer == f"回答{n}の本文です。", item.ref
    assert summary.unmatched_reply == []


def test_diet_sub_items_under_kanji_headings():
    record, summary = import_exchange(SHAPES / "diet-sub-questions.txt", SHAPES / "diet-sub-reply.txt")
    assert [it.ref for it in record.items] == ["一の1", "一の2", "一の3", "二の1", "二の2"]
    assert [s.title for s in record.sections] == ["電子決裁について", "文書の保存について"]
    assert record.item("一の1").answer.startswith("令和五年度の電子決裁率")
    assert record.item("一の2").merged == ["一の3"]
    assert record.item("一の3").answer.endswith("努めてまいりたい。")
    assert record.item("二の2").answer.startswith("お尋ねの手順は")
    assert summary.missing_in_reply == [] and summary.unmatched_reply == []


def test_ranges_and_lists_in_headings():
    record, summary = import_exchange(SHAPES / "ranges-questions.txt", SHAPES / "ranges-reply.txt")
    answers = _answers(record)
    assert answers["1"] == answers["4"] == answers["5"] == answers["6"]
    assert answers["1"].startswith("水道事業の経営戦略")
    assert answers["2"] == "町内3か所で開催する予定です。"
    assert answers["3"] == "現時点では考えておりません。"
    assert sorted(record.item("5").merged) == ["1", "4", "6"]
    assert summary.missing_in_reply == [] and summary.unmatched_reply == []


@pytest.mark.parametrize(
    ("heading", "refs"),
    [
        ("1、4~6について", ("1", "4", "5", "6")),
        ("1, 4〜6について", ("1", "4", "5", "6")),
        ("四から六までについて", ("四", "五", "六")),
        ("二及び三について", ("二", "三")),
        ("一の2及び3について", ("一の2", "一の3")),
        ("問4~6について", ("問4", "問5", "問6")),
        ("回答(質問1について)", ("問1",)),
        ("(問1への回答)", ("問1",)),
    ],
)
def test_answer_heading_refs(heading: str, refs: tuple[str, ...]):
    from followup.numbering import match_diet_heading

    found = match_diet_heading(heading)
    assert found is not None and found.refs == refs


def test_interleaved_reply_alone_carries_the_pairs():
    record, _ = import_exchange(None, SHAPES / "interleaved-reply.txt")
    assert [it.ref for it in record.items] == ["問1", "問2", "問3"]
    assert record.item("問1").restated.startswith("県の公用車の台数と")
    assert record.item("問1").answer == "公用車は412台で、令和5年度の維持費は約2億1千万円です。"  # (答)
    assert record.item("問2").answer.startswith("令和12年度までに")  # 【回答】
    assert record.item("問3").answer == "公用車管理規程で禁止しています。"  # 回答:
    assert record.respondent.body == "○○県" and record.asker.name == "市民オンブズ○○"


def test_unnumbered_question_labels_are_numbered_in_order():
    record, _ = import_exchange(None, SHAPES / "labelled-reply.txt")
    assert [it.ref for it in record.items] == ["問1", "問2"]
    assert record.item("問2").restated == "傍聴の定員は何名ですか。"
    assert record.item("問2").answer == "原則として10名です。"


def test_circled_items_under_comma_numbering():
    record, summary = import_exchange(SHAPES / "circled-questions.txt", SHAPES / "circled-reply.txt")
    assert [it.ref for it in record.items] == ["1①", "1②", "2①"]
    assert record.item("1②").answer == "国の定義に基づき、87人と把握しています。"
    assert record.item("2①").answer.startswith("月額1万円")
    assert summary.missing_in_reply == []


def test_library_import_returns_a_record_and_writes_nothing(tmp_path: Path, monkeypatch):
    from followup.importer import ImportSummary, import_record
    from followup.records import Record

    monkeypatch.chdir(tmp_path)
    summary = ImportSummary()
    record = import_record(SHAPES / "toi-questions.txt", SHAPES / "toi-reply.txt", summary=summary)
    assert isinstance(record, Record) and summary.items == 4
    assert list(tmp_path.iterdir()) == []
