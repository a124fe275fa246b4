"""Bare question/answer pairs from elsewhere (`triage --pairs FILE.jsonl`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followup.errors import InputError
from followup.records import Item


def read_pairs(path: Path) -> Iterator[tuple[Any, Item]]:
    """Yield (id, item) per line; a malformed line stops with its line number."""
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: 開けません({exc.strerror})。") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
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
