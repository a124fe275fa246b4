from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import JLIS_DIR, ROOT
from followup import __version__
from followup.cli import cli


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("command", sorted(cli.commands))
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_and_is_in_the_readme(runner, command: str, flag: str):
    result = runner.invoke(cli, [command, flag])
    assert result.exit_code == 0
    assert "例:" in result.output
    assert f"followup {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_show_default_record(runner):
    result = runner.invoke(cli, ["show"])
    assert result.exit_code == 0
    assert "マイナンバー関連システムについての質問書(2016-05-25)" in result.output
    assert "[3](1)2)" in result.output and "とまとめて回答" in result.output


def test_import_refuses_to_overwrite_without_force(runner, tmp_path: Path):
    out = tmp_path / "x.yaml"
    out.write_text("大事な記録", encoding="utf-8")
    args = [
        "import",
        "-q",
        str(JLIS_DIR / "questions.txt"),
        "-r",
        str(JLIS_DIR / "reply-clean.txt"),
        "-o",
        str(out),
    ]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert "--force" in result.output and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "大事な記録"
    result = runner.invoke(cli, [*args, "--force"])
    assert result.exit_code == 0, result.output
    assert "質問項目: 36 件" in result.output
    assert out.read_text(encoding="utf-8").startswith("format: 1")


def test_import_bad_input_leaves_no_output(runner, tmp_path: Path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "x.yaml"
    result = runner.invoke(cli, ["import", "-q", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "ファイルが空です" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


USAGE_ERRORS = [
    # (what the organizer typed, the Japanese line expected on stderr)
    (["import", "-q", "q.txt"], "エラー: --output(-o) を指定してください。使い方: followup import -h"),
    (
        ["import", "-o", "x.yaml"],
        "エラー: --questions(質問書)か --reply(回答書)を指定してください。使い方: followup import -h",
    ),
    (
        ["shw"],
        "エラー: shw というコマンドはありません(もしかして show?)。"
        "コマンド: draft、import、report、review、show、status、triage。使い方: followup -h",
    ),
    (["no-such-command"], "エラー: no-such-command というコマンドはありません。"),
    (["--bogus"], "エラー: --bogus というオプションはありません。使い方: followup -h"),
    (["--debug"], "エラー: コマンドを指定してください。コマンド: draft、import"),
    (
        ["triage", "--form", "csv"],
        "エラー: --form というオプションはありません(もしかして --format?)。使い方: followup triage -h",
    ),
    (["triage", "--format"], "エラー: --format には値が必要です。使い方: followup triage -h"),
    (
        ["triage", "--only-flagged=1"],
        "エラー: --only-flagged は値をとりません(付けるだけで働きます)。使い方: followup triage -h",
    ),
    (
        ["triage", "--format", "xml"],
        "エラー: --format には table、json、jsonl、csv のどれかを指定してください(指定: xml)。使い方: followup triage -h",
    ),
    (["triage", "a.yaml", "b.yaml"], "エラー: 余分な引数があります: b.yaml。使い方: followup triage -h"),
    (
        ["triage", "--pairs", "p.jsonl", "r.yaml"],
        "エラー: RECORD と --pairs は同時に指定できません。使い方: followup triage -h",
    ),
    (
        ["draft", "-o", "x.docx", "--deadline-days", "0"],
        "エラー: --deadline-days には 1〜365 の整数を指定してください(指定: 0)。使い方: followup draft -h",
    ),
    (
        ["draft", "-o", "x.docx", "--deadline-days", "ten"],
        "エラー: --deadline-days には 1〜365 の整数を指定してください(指定: ten)。使い方: followup draft -h",
    ),
    (["status", "--min-rounds", "x"], "エラー: --min-rounds には 1〜99 の整数を指定してください(指定: x)"),
    (
        ["status", "--today", "someday"],
        "エラー: --today: 日付として読めません: someday(例: 2016-10-13、平成28年10月13日)。使い方: followup status -h",
    ),
    (
        ["import", "--record", "nope.yaml", "-r", "x.txt", "-o", "y.yaml"],
        "エラー: --record: nope.yaml がありません。使い方: followup import -h",
    ),
    (["show", "."], "エラー: RECORD: . はフォルダです(ファイルを指定してください)。使い方: followup show -h"),
    (["review", "--non-interactive"], "エラー: --non-interactive には --accept-suggestions が必要です"),
]


@pytest.mark.parametrize(
    ("args", "expected"), USAGE_ERRORS, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_usage_errors_are_one_japanese_line_exit_2(runner, args: list[str], expected: str):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), lines
    assert lines[0].endswith(" -h")
    for english in ("Error", "Usage", "Missing", "No such", "Try ", "is not", "Got unexpected", "Aborted"):
        assert english not in result.stderr


def test_no_arguments_shows_the_help(runner):
    result = runner.invoke(cli, [])
    assert result.exit_code == 0 and "例:" in result.stdout


@pytest.mark.slow
def test_usage_error_from_the_real_command_line():
    proc = subprocess.run(
        [sys.executable, "-m", "followup", "draft", "--accept-suggestions"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "エラー: --output(-o) を指定してください。使い方: followup draft -h\n"


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_a_reader_that_goes_away_is_no_error(tmp_path: Path, fmt: str):
    """`followup triage | head`: the table (drawn by rich) ends with 0 and no message, as CSV does."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "followup", "triage", "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # gone before the first line is written
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""


PAIRS = [
    {"id": 1, "question": "重複付番の有無は調査したか", "answer": "お見込みのとおりです。"},
    {
        "id": "b",
        "question": "原因はなにか",
        "answer": "システムの詳細に関わる事項となりますので、回答は差し控えさせていただきます。",
    },
]


@pytest.fixture
def pairs_file(tmp_path: Path) -> Path:
    import json

    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PAIRS), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_triage_pairs_honours_format_and_only_flagged(runner, pairs_file: Path, fmt: str):
    import json

    every = runner.invoke(cli, ["triage", "--pairs", str(pairs_file), "--format", fmt])
    flagged = runner.invoke(cli, ["triage", "--pairs", str(pairs_file), "--format", fmt, "--only-flagged"])
    assert every.exit_code == 0 and flagged.exit_code == 0, every.output + flagged.output
    assert "declined" in flagged.output or "回答拒否" in flagged.output
    assert "お見込みのとおり" not in flagged.output and '"id": 1' not in flagged.output
    if fmt == "jsonl":
        rows = [json.loads(line) for line in every.stdout.splitlines()]
        assert [(r["id"], r["label"]) for r in rows] == [(1, "answered"), ("b", "declined")]
        assert [json.loads(line)["id"] for line in flagged.stdout.splitlines()] == ["b"]
    elif fmt == "json":
        assert [r["label"] for r in json.loads(every.stdout)] == ["answered", "declined"]
        assert [r["label"] for r in json.loads(flagged.stdout)] == ["declined"]
    elif fmt == "csv":
        assert len(every.stdout.splitlines()) == 3 and len(flagged.stdout.splitlines()) == 2


def test_readme_jsonl_line_is_accepted(runner, tmp_path: Path):
    """The input line the README shows is one `triage --pairs` reads."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(ln for ln in readme.splitlines() if ln.startswith('{"id"'))
    path = tmp_path / "p.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["triage", "--pairs", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_malformed_record_is_one_line_no_traceback(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nitems: 3\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "followup", "show", str(bad)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert f"{bad}:2: items: リスト" in proc.stderr
    assert proc.stdout == ""
