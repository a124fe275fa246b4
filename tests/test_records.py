from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import JLIS_RECORD
from followup.errors import RecordError
from followup.records import Item, Party, QuestionsMeta, Record, Respondent, dump_record, load_record

MINIMAL = """\
format: 1
questions:
  title: 質問書
asker:
  name: 市民の会
respondent:
  body: ○○省
items:
- ref: '1'
  question: 何件か。
  answer: 3件です。
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "record.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(RecordError) as info:
        load_record(write(tmp_path, text))
    return info.value.message


def test_minimal_record_loads(tmp_path: Path):
    record = load_record(write(tmp_path, MINIMAL))
    assert record.items[0].answer == "3件です。"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda t: t.replace("  answer: 3件です。", "  answr: 3件です。"),
            ":11: items[0].answr: 知らない項目です",
        ),
        (lambda t: t.replace("asker:\n  name: 市民の会\n", ""), ":1: asker: 必須の項目がありません"),
        (lambda t: t.replace("- ref: '1'", "- ref: [1]"), ":9: items[0].ref: 文字列を書いてください"),
        (lambda t: t + "- ref: '1'\n  question: 重複\n", ":12: items[1].ref: ref「1」が重複しています"),
        (lambda t: t + "  merged: ['9']\n", ":12: items[0].merged[0]: merged に存在しない ref「9」"),
        (
            lambda t: t.replace("  title: 質問書", "  title: 質問書\n  date: 2016-13-45"),
            ":4: questions.date: 日付を",
        ),
        (lambda t: t.replace("format: 1\n", "format: 1\nformat: 2\n"), ":2: format: キーが重複しています"),
        (lambda t: t.replace("  title: 質問書", "  title: [質問書"), "YAML の書式が正しくありません"),
        (
            lambda t: t.replace("  title: 質問書", "  title: !!python/object/apply:os.system ['echo x']"),
            "使えない YAML タグです",
        ),
        (lambda t: "- a\n- b\n", ":1: ファイルの最上位は"),
        (lambda t: "", ":1: ファイルが空です"),
    ],
)
def test_loader_errors_name_file_line_and_field(tmp_path: Path, edit, expected: str):
    message = error_of(tmp_path, edit(MINIMAL))
    assert str(tmp_path / "record.yaml") in message
    assert expected in message


def test_alias_bomb_is_refused(tmp_path: Path):
    bomb = "a: &a ['x','x','x','x','x','x','x','x','x']\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    assert "エイリアス" in error_of(tmp_path, bomb)


def test_jlis_record_round_trips(tmp_path: Path):
    record = load_record(JLIS_RECORD)
    again = load_record(write(tmp_path, dump_record(record)))
    assert again == record


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\u2028\u2029\x85"),
    max_size=40,
)
_optional = st.none() | _text.filter(bool)


@st.composite
def records(draw) -> Record:
    refs = draw(st.lists(_text.filter(bool), min_size=1, max_size=6, unique=True))
    items = []
    for ref in refs:
        merged = draw(st.lists(st.sampled_from(refs), max_size=2, unique=True))
        items.append(
            Item(
                ref=ref,
                question=draw(_optional | st.just("一行目\n二行目 ")),
                restated=draw(_optional),
                answer=draw(_optional),
                merged=[m for m in merged if m != ref],
            )
        )
    return Record(
        questions=QuestionsMeta(title=draw(_text), date=draw(st.none() | st.dates(dt.date(1900, 1, 1)))),
        asker=Party(name=draw(_text), short_name=draw(_optional)),
        respondent=Respondent(body=draw(_text)),
        items=items,
    )


# Each example writes a file; a slow disk must not turn that into a flaky deadline error.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=records())
def test_save_load_round_trip_property(tmp_path: Path, record: Record):
    path = write(tmp_path, dump_record(record))
    assert load_record(path) == record


def test_sections_enclose_by_whole_numbers():
    from followup.records import Section, ref_within

    assert ref_within("第1の2", "第1") and ref_within("[1](3)1)", "[1](3)") and ref_within("一の1", "一")
    assert not ref_within("第10の1", "第1") and not ref_within("十一", "十") and not ref_within("[1]", "[1]")
    record = Record(
        questions=QuestionsMeta(title="t"),
        asker=Party(name="a"),
        respondent=Respondent(body="b"),
        sections=[Section(ref="第1", title="一つ目"), Section(ref="第10", title="十番目")],
        items=[Item(ref="第10の1", question="q")],
    )
    assert [s.title for s in record.section_for("第10の1")] == ["十番目"]
