"""The example in docs/api.md runs as written (in a temporary folder)."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from conftest import ROOT


def test_the_api_example_runs(tmp_path: Path, monkeypatch, capsys):
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S)
    assert code is not None
    monkeypatch.chdir(ROOT)
    exec(compile(code.group(1), "docs/api.md", "exec"), {"OUT": tmp_path})
    printed = capsys.readouterr().out.split()
    assert printed[0] == "17" and printed[1] == "マイナンバー関連システムについての再質問書"
    assert (tmp_path / "kaito.yaml").exists()
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "再質問書.docx")).paragraphs]
    assert "マイナンバー関連システムについての再質問書" in paragraphs
