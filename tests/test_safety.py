"""The organizer's work is never lost, overwritten or silently dropped (issue 11).

One test per finding, each reproducing what went wrong before; docs/robustness.md names
them. Findings about reading files (encodings, caps, .docx checks) are in
tests/test_importer.py and tests/test_robustness.py.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import JLIS_RECORD
from followup.case import open_case
from followup.cli import cli
from followup.decisions import Decision, load_session, lock_session, new_session
from followup.errors import UsageProblem
from followup.outputs import atomic_write
from followup.records import load_record
from followup.review.walk import run_review
from followup.rounds import load_thread

DRAFT = ["--accept-suggestions", "--date", "2016-11-24"]


@pytest.fixture
def work(tmp_path: Path, monkeypatch) -> Path:
    shutil.copy(JLIS_RECORD, tmp_path / "rec.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# 1. Outputs over inputs ----------------------------------------------------------------


def test_draft_next_to_its_record_gets_a_next_record_of_its_own(runner, work: Path):
    before = (work / "rec.yaml").read_bytes()
    result = runner.invoke(cli, ["draft", "rec.yaml", *DRAFT, "-o", "rec.docx"])
    assert result.exit_code == 0, result.output
    assert (work / "rec.yaml").read_bytes() == before
    following = load_record(work / "rec.r2.yaml")
    assert following.round == 2 and following.previous == "rec.yaml"


@pytest.mark.parametrize(
    "args",
    [
        ["--next-record", "rec.yaml"],
        ["-o", "rec.yaml", "--no-next-record", "--format", "md"],
        ["--next-record", "rec.session.yaml"],
        ["--next-record", "same.docx", "-o", "same.docx"],
    ],
)
def test_an_output_over_an_input_is_refused_even_with_force(runner, work: Path, args: list[str]):
    (work / "rec.session.yaml").write_text("format: 1\ndecisions: []\n", encoding="utf-8")
    before = _files(work)
    full = ["draft", "rec.yaml", "--only-decided", "--date", "2016-11-24", "--force"]
    if "-o" not in args:
        full += ["-o", "out.docx"]
    result = runner.invoke(cli, full + args)
    assert result.exit_code == 2, result.output
    assert "入力を上書きすることはできません" in result.output or "同じファイル" in result.output
    assert _files(work) == before


def test_decisions_file_cannot_be_the_output(runner, work: Path):
    (work / "d.yaml").write_text("format: 1\ndecisions: []\n", encoding="utf-8")
    result = runner.invoke(cli, ["draft", "rec.yaml", "--decisions", "d.yaml", "-o", "d.yaml", "--force"])
    assert result.exit_code == 2 and (work / "d.yaml").read_text(encoding="utf-8").startswith("format: 1")


def test_output_suffix_must_fit_the_format(runner, work: Path):
    result = runner.invoke(cli, ["draft", "rec.yaml", *DRAFT, "-o", "out.yaml"])
    assert result.exit_code == 2 and ".docx で終わる名前" in result.output
    assert not (work / "out.yaml").exists()


def test_hard_link_to_the_record_is_still_the_record(runner, work: Path):
    os.link(work / "rec.yaml", work / "alias.md")
    result = runner.invoke(
        cli, ["draft", "rec.yaml", *DRAFT, "--format", "md", "-o", "alias.md", "--no-next-record", "--force"]
    )
    assert result.exit_code == 2 and "入力を上書き" in result.output


def test_import_never_writes_over_its_own_input(runner, work: Path):
    result = runner.invoke(
        cli, ["import", "--record", "rec.yaml", "-r", "rec.yaml", "-o", "rec.yaml", "--force"]
    )
    assert result.exit_code == 2 and "入力を上書き" in result.output


def test_review_session_cannot_be_the_record(work: Path):
    before = (work / "rec.yaml").read_bytes()
    with pytest.raises(UsageProblem, match="入力を上書き"):
        run_review(
            work / "rec.yaml",
            interactive=False,
            accept_suggestions=True,
            session_file=work / "rec.yaml",
            echo=str,
        )
    assert (work / "rec.yaml").read_bytes() == before


_commands = st.sampled_from(
    [
        ["draft", "rec.yaml", *DRAFT, "-o", "{out}.docx"],
        ["draft", "rec.yaml", *DRAFT, "--format", "md", "-o", "{out}.md", "--no-next-record"],
        ["draft", "rec.yaml", *DRAFT, "-o", "x.docx", "--next-record", "{out}.yaml"],
        ["import", "--record", "rec.yaml", "-r", "reply.txt", "-o", "{out}.yaml"],
    ]
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=_commands, out=st.sampled_from(["rec", "reply", "rec.session", "x", "new", "x.r2"]))
def test_paths_written_never_meet_paths_read(tmp_path_factory, command: list[str], out: str):
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("p")
    shutil.copy(JLIS_RECORD, folder / "rec.yaml")
    (folder / "reply.txt").write_text("[1] 回答\n(1) 回答します。\n", encoding="utf-8")
    args = [a.replace("{out}", out) for a in command] + ["--force"]
    inputs = {"rec.yaml", "reply.txt"}
    before = {name: (folder / name).read_bytes() for name in inputs}
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        CliRunner().invoke(cli, args)
    finally:
        os.chdir(cwd)
    assert {name: (folder / name).read_bytes() for name in inputs} == before, args


# 2. Two reviews of one record at once --------------------------------------------------


def test_a_second_review_is_refused_while_the_first_holds_the_lock(work: Path):
    path = work / "rec.session.yaml"
    lock = lock_session(path)
    try:
        with pytest.raises(UsageProblem, match=f"pid {os.getpid()}"):
            run_review(work / "rec.yaml", interactive=False, accept_suggestions=True, echo=str)
    finally:
        lock.release()
    run_review(work / "rec.yaml", interactive=False, accept_suggestions=True, echo=str)
    assert len(yaml.safe_load(path.read_text(encoding="utf-8"))["decisions"]) == 17


def test_a_lock_left_by_a_dead_process_is_taken_over_with_a_note(work: Path):
    (work / "rec.session.yaml.lock").write_text("pid 999999、開始 2026-01-01 00:00:00", encoding="utf-8")
    said: list[str] = []
    run_review(work / "rec.yaml", interactive=False, accept_suggestions=True, echo=said.append)
    assert any("引き継ぎました" in line for line in said)
    assert not (work / "rec.session.yaml.lock").exists()


def test_saves_merge_instead_of_erasing_another_runs_decisions(work: Path):
    record = load_record(work / "rec.yaml")
    path = work / "rec.session.yaml"
    first = new_session(path, record, work / "rec.yaml")
    second = load_session(path, record) if path.exists() else new_session(path, record, work / "rec.yaml")
    first.decide(Decision(ref="[4]6)", action="skip"))
    first.decide(Decision(ref="[4]2)", action="skip"))
    second.decide(Decision(ref="[1](5)2)", action="followup", text="改めて回答されたい。"))
    saved = {d["ref"] for d in yaml.safe_load(path.read_text(encoding="utf-8"))["decisions"]}
    assert saved == {"[4]6)", "[4]2)", "[1](5)2)"}


# 3. Backups named per second -------------------------------------------------------------


def test_two_restarts_in_one_second_keep_both_backups(work: Path):
    record = load_record(work / "rec.yaml")
    session = new_session(work / "rec.session.yaml", record, work / "rec.yaml")
    session.decide(Decision(ref="[4]6)", action="skip"))
    first = session.backup()
    session.decide(Decision(ref="[4]2)", action="skip"))
    second = session.backup()
    assert first is not None and second is not None and first != second
    assert "[4]2)" not in first.read_text(encoding="utf-8") and "[4]2)" in second.read_text(encoding="utf-8")


# 4. A half-done review, then draft --------------------------------------------------------


def test_draft_after_a_half_done_review_names_what_is_missing(runner, work: Path):
    record = load_record(work / "rec.yaml")
    session = new_session(work / "rec.session.yaml", record, work / "rec.yaml")
    session.decide(Decision(ref="[4]6)", action="followup", text="根拠を示されたい。"))
    session.decide(Decision(ref="[4]2)", action="skip"))
    result = runner.invoke(cli, ["draft", "rec.yaml", "-o", "x.docx", "--date", "2016-11-24"])
    assert result.exit_code == 2 and not (work / "x.docx").exists()
    assert "15 件" in result.output and "[1](1)3)" in result.output
    filled = runner.invoke(cli, ["draft", "rec.yaml", *DRAFT, "-o", "x.docx"])
    assert filled.exit_code == 0, filled.output
    assert "判断していない 15 件には最初の文案を使いました" in filled.output
    nxt = load_record(work / "x.r2.yaml")
    followed = {ref for it in nxt.items for ref in it.follows}
    flagged = {it.ref for it in open_case(work / "rec.yaml").flagged()}
    assert followed == flagged - {"[4]2)"}  # every flagged item but the one skipped
    assert any(it.question == "根拠を示されたい。" for it in nxt.items)


def test_a_decision_made_stale_by_an_edit_is_not_dropped_silently(runner, work: Path):
    record = load_record(work / "rec.yaml")
    session = new_session(work / "rec.session.yaml", record, work / "rec.yaml")
    run_review(work / "rec.yaml", interactive=False, accept_suggestions=True, echo=str)
    text = (work / "rec.yaml").read_text(encoding="utf-8")
    (work / "rec.yaml").write_text(
        text.replace("セキュリティ上情報提供していません", "情報提供していません"), encoding="utf-8"
    )
    del session
    result = runner.invoke(cli, ["draft", "rec.yaml", "-o", "x.docx", "--date", "2016-11-24"])
    assert (
        result.exit_code == 2
        and "判断の後で文章が変わったもの 1 件" in result.output
        and "[4]2)" in result.output
    )


# 5. --pdf over an existing .pdf ----------------------------------------------------------


def test_pdf_is_not_overwritten_without_force(runner, work: Path):
    (work / "x.pdf").write_bytes(b"old pdf")
    result = runner.invoke(cli, ["draft", "rec.yaml", *DRAFT, "-o", "x.docx", "--pdf"])
    assert result.exit_code == 1 and "x.pdf: すでにファイルがあります" in result.output
    assert (work / "x.pdf").read_bytes() == b"old pdf" and not (work / "x.docx").exists()


# 7 and 12. Escapes and control characters in a record -------------------------------------


def test_terminal_escapes_and_controls_never_reach_the_terminal_or_the_letter(runner, work: Path):
    text = (work / "rec.yaml").read_text(encoding="utf-8")
    hostile = "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31m赤\\0\\x0b"
    text = text.replace("title: マイナンバー関連システムについての質問書", f'title: "質問書{hostile}"', 1)
    text = text.replace(
        "セキュリティ上情報提供していません", "セキュリティ上情報提供していません\\x1b[31m", 1
    )
    (work / "rec.yaml").write_text(text, encoding="utf-8")
    for args in (["show", "rec.yaml"], ["triage", "rec.yaml"], ["triage", "rec.yaml", "--format", "json"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x00" not in result.output, args
    shown = runner.invoke(cli, ["show", "rec.yaml"]).output
    assert "質問書\ufffd" in shown  # visible where something was
    drafted = runner.invoke(cli, ["draft", "rec.yaml", *DRAFT, "-o", "x.docx"])
    assert drafted.exit_code == 0, drafted.output
    import docx

    body = "\n".join(p.text for p in docx.Document(str(work / "x.docx")).paragraphs)
    assert "\ufffd" not in body and "\x1b" not in body


# 10. Templates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("{{ 'あ' * 50000000 }}", "繰り返しが長すぎます"),
        (
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            "秒を超えました",
        ),
        ("{% for a in range(100000) %}ああああああ{% endfor %}", "文字を超えました"),
    ],
)
def test_a_runaway_template_is_stopped_with_its_name(
    runner, work: Path, template: str, words: str, monkeypatch
):
    folder = work / "tpl" / "followups"
    folder.mkdir(parents=True)
    (folder / "declined.j2").write_text("{% block v1 %}" + template + "{% endblock %}", encoding="utf-8")
    import followup.templating as templating

    templating.MAX_SECONDS = 1.0
    try:
        result = runner.invoke(
            cli, ["draft", "rec.yaml", *DRAFT, "-o", "x.docx", "--templates", str(work / "tpl")]
        )
    finally:
        templating.MAX_SECONDS = 5.0
    assert result.exit_code == 1 and "followups/declined.j2" in result.output and words in result.output
    assert not (work / "x.docx").exists()


# 14. One draft, one commit ---------------------------------------------------------------


def test_a_failed_second_write_leaves_neither(runner, work: Path, monkeypatch):
    import followup.outputs as outputs

    real = outputs._write_temp
    calls = {"n": 0}

    def fail_second(output):
        calls["n"] += 1
        if calls["n"] == 2:
            raise outputs.OutputError(f"{output.path}: 保存できません(テスト)。")
        return real(output)

    monkeypatch.setattr(outputs, "_write_temp", fail_second)
    result = runner.invoke(cli, ["draft", "rec.yaml", *DRAFT, "-o", "x.docx"])
    assert result.exit_code == 1
    assert sorted(p.name for p in work.iterdir()) == ["rec.yaml"]


# 15. A next record through a symlink ------------------------------------------------------


def test_next_record_through_a_symlink_links_back_from_where_it_was_named(runner, work: Path):
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    (work / "link.yaml").symlink_to(elsewhere / "target.yaml")
    result = runner.invoke(
        cli, ["draft", "rec.yaml", *DRAFT, "-o", "x.docx", "--next-record", "link.yaml", "--force"]
    )
    assert result.exit_code == 0, result.output
    assert load_record(work / "link.yaml").previous == "rec.yaml"
    assert [r.record.round for r in load_thread(work / "link.yaml")] == [1, 2]


# 16. A ref renamed in the record ---------------------------------------------------------


def test_a_renamed_ref_does_not_lock_the_organizer_out(runner, work: Path):
    run_review(work / "rec.yaml", interactive=False, accept_suggestions=True, echo=str)
    text = (work / "rec.yaml").read_text(encoding="utf-8").replace("ref: '[4]6)'", "ref: '[4]六)'")
    (work / "rec.yaml").write_text(text, encoding="utf-8")
    said: list[str] = []
    run_review(work / "rec.yaml", interactive=False, accept_suggestions=True, echo=said.append)
    assert any("[4]6)" in line and "ありません" in line for line in said)
    run_review(work / "rec.yaml", restart=True, interactive=False, accept_suggestions=True, echo=said.append)
    result = runner.invoke(cli, ["draft", "rec.yaml", "-o", "x.docx", "--date", "2016-11-24"])
    assert result.exit_code == 0, result.output


def test_a_stale_decision_can_be_reattached(work: Path):
    record = load_record(work / "rec.yaml")
    session = new_session(work / "rec.session.yaml", record, work / "rec.yaml")
    session.decide(Decision(ref="[4]6)", action="followup", text="根拠を示されたい。"))
    session.data.decisions[0].ref = "[4]9)"  # as if the record had renamed the item
    session.reattach("[4]9)", "[4]6)")
    assert session.valid_decisions()["[4]6)"].text == "根拠を示されたい。"


# 17. Permissions ---------------------------------------------------------------------------


def test_new_files_follow_the_umask_and_force_keeps_the_mode(work: Path):
    old = os.umask(0o022)
    try:
        atomic_write(work / "new.txt", "x")
        assert stat.S_IMODE((work / "new.txt").stat().st_mode) == 0o644
        (work / "kept.txt").write_text("x", encoding="utf-8")
        os.chmod(work / "kept.txt", 0o640)
        atomic_write(work / "kept.txt", "y", force=True)
        assert stat.S_IMODE((work / "kept.txt").stat().st_mode) == 0o640
    finally:
        os.umask(old)


# 9. Size caps on every file read (records, previous rounds, lexicons, decisions) ---------------


@pytest.mark.slow
def test_a_device_as_a_record_or_lexicon_stops_at_the_cap(runner, work: Path, monkeypatch):
    import followup.triage.pairs as pairs

    monkeypatch.setattr(pairs, "MAX_PAIRS_BYTES", 1024 * 1024)  # the real cap, 200 MB, is slow to read
    result = runner.invoke(cli, ["triage", "--pairs", "/dev/zero"])
    assert result.exit_code == 1 and "大きすぎます" in result.output
    for args in (["show", "/dev/zero"], ["triage", "rec.yaml", "--lexicon", "/dev/zero"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1 and "大きすぎます" in result.output, args
    text = (work / "rec.yaml").read_text(encoding="utf-8")
    (work / "r2.yaml").write_text(
        "previous: /dev/zero\n" + text.replace("round: 1\n", "round: 2\n"), encoding="utf-8"
    )
    status = runner.invoke(cli, ["status", "r2.yaml"])
    assert status.exit_code == 1 and "大きすぎます" in status.output


# 13. Numbering converters total over the counts a letter may hold ---------------------------


def test_kanji_numbers_for_any_count():
    from followup.draft.content import Numbering
    from followup.numbering import int_to_kanji

    assert [int_to_kanji(n) for n in (1, 10, 19, 100, 999, 1000, 1001, 12345)] == [
        "一", "十", "十九", "百", "九百九十九", "千", "千一", "一万二千三百四十五",
    ]  # fmt: skip
    assert Numbering("{kanji}", "({n})").heading(1500) == "千五百"
