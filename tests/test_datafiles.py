"""Organizers' data files are laid over the built-in ones key by key (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.cli import cli
from followup.datafiles import load_overlay, metadata
from followup.errors import RecordError
from followup.wording import honorific

DRAFT = ["draft", "--accept-suggestions", "--date", "2016-11-24", "--format", "md", "--no-next-record"]


def _templates(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "tpl"
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_letter_file_that_sets_only_the_title_keeps_everything_else(runner, tmp_path: Path):
    folder = _templates(tmp_path, "document/letter.yaml", "title: 再質問書(第二回)\n")
    out = tmp_path / "x.md"
    result = runner.invoke(cli, [*DRAFT, "--templates", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "# 再質問書（第二回）" in text  # full-width parentheses in the letter
    assert "（以下「前回回答」という。）" in text  # the built-in opening is still there


def test_an_unknown_key_names_the_file_the_line_and_the_key(runner, tmp_path: Path):
    folder = _templates(tmp_path, "document/letter.yaml", "title: 再質問書\n\ntitel: 綴りの誤り\n")
    result = runner.invoke(cli, [*DRAFT, "--templates", str(folder), "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 1 and not (tmp_path / "x.md").exists()
    assert f"{folder / 'document' / 'letter.yaml'}:3: titel: 知らない項目です" in result.output


def test_a_value_of_the_wrong_kind_is_named(tmp_path: Path):
    folder = _templates(tmp_path, "document/letter.yaml", "appendix_columns: 番号\n")
    with pytest.raises(RecordError, match=r"letter.yaml:1: appendix_columns: リストを書いてください"):
        load_overlay("document/letter.yaml", folder)


def test_an_organizers_metadata_adds_to_the_built_in_words(tmp_path: Path):
    folder = _templates(tmp_path, "metadata.yaml", "honorifics:\n  - [協議会, 貴協議会]\n")
    assert honorific("〇〇地域協議会", folder) == "貴協議会"
    assert metadata(folder)["head_titles"] == metadata()["head_titles"]  # the other keys stay
