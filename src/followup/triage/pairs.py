"""Bare question/answer pairs from elsewhere (`triage --pairs FILE.jsonl`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followup.errors import InputError
from followup.records import Item
from followup.textio import read_bytes_capped

MAX_PAIRS_BYTES = 200 * 1024 * 1024  # about 500,000 pairs of a few hundred characters


def read_pairs(path: Path) -> Iterator[tuple[Any, Item]]:
    """Yield (id, item) per line; a malformed line stops with its line number."""
    raw = read_bytes_capped(path, MAX_PAIRS_BYTES, "質問と回答の組のファイル")  # pipes too
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{at}: UTF-8 として読めません。") from exc
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 may stand in JSON
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: JSON として読めません({exc.msg})。") from exc
        if not isinstance(data, dict):
            raise InputError(
                f'{path}:{number}: 各行は {{"id": …, "question": …, "answer": …}} の形にしてください。'
            )
        for key in ("id", "question", "answer"):
            if key not in data:
                raise InputError(f"{path}:{number}: {key} がありません。")
        for key in ("question", "answer"):
            if data[key] is not None and not isinstance(data[key], str):
                raise InputError(f"{path}:{number}: {key} は文字列(または null)にしてください。")
        yield data["id"], Item(ref=str(data["id"]), question=data["question"], answer=data["answer"])
