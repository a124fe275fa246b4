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


def test_usage_errors_exit_2(runner):
    assert runner.invoke(cli, ["import", "-o", "x.yaml"]).exit_code == 2
    assert runner.invoke(cli, ["no-such-command"]).exit_code == 2


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
