"""Input safety (issue 11): caps on bytes read (#9) and encoding detection (#11)."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

import pytest

from conftest import JLIS_DIR
from followup.errors import InputError
from followup.importer import import_exchange
from followup.textio import decode_bytes, read_bytes_capped

QUESTIONS = JLIS_DIR / "questions.txt"
CLEAN_REPLY = JLIS_DIR / "reply-clean.txt"


# ---- #9: caps checked on bytes read, pipes and devices included ---------------------------


def test_dev_zero_stops_at_the_cap():
    with pytest.raises(InputError) as info:
        read_bytes_capped(Path("/dev/zero"), 1024 * 1024, "質問書")
    assert "質問書が大きすぎます" in info.value.message and "/dev/zero" in info.value.message


def test_dev_zero_as_questions_is_refused_not_read_forever():
    with pytest.raises(InputError, match="大きすぎます"):
        import_exchange(Path("/dev/zero"), None)


def _fifo_with(tmp_path: Path, payload: bytes) -> Path:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        try:
            with open(fifo, "wb") as handle:
                handle.write(payload)
        except BrokenPipeError:
            pass  # the reader stopped at its cap

    threading.Thread(target=write, daemon=True).start()
    return fifo


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_over_the_cap_is_refused(tmp_path: Path):
    fifo = _fifo_with(tmp_path, b"x" * 300_000)
    with pytest.raises(InputError, match="大きすぎます"):
        read_bytes_capped(fifo, 100_000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_under_the_cap_is_read_like_a_file(tmp_path: Path):
    fifo = _fifo_with(tmp_path, QUESTIONS.read_bytes())
    record, _ = import_exchange(fifo, CLEAN_REPLY)
    assert len(record.items) == 36


def test_directory_and_missing_file_messages(tmp_path: Path):
    with pytest.raises(InputError, match="フォルダ"):
        read_bytes_capped(tmp_path, 10)
    with pytest.raises(InputError, match="見つかりません"):
        read_bytes_capped(tmp_path / "none.txt", 10)


# ---- #11: encodings -------------------------------------------------------------------


def _fragments(count: int, seed: int = 11) -> list[str]:
    text = "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in (QUESTIONS, CLEAN_REPLY))
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        n = rng.randint(3, 40)
        i = rng.randrange(len(text) - n)
        out.append(text[i : i + n].strip() or "回答")
    return out


@pytest.mark.parametrize("encoding", ["euc_jp", "cp932"])
def test_short_legacy_strings_are_never_misread(encoding: str):
    """3,000 short strings: each decoded right, or refused asking for --encoding; none wrong."""
    wrong, asked = [], 0
    for fragment in _fragments(3000):
        try:
            data = fragment.encode(encoding)
        except UnicodeEncodeError:
            continue
        try:
            decoded = decode_bytes(data, "x.txt")
        except InputError as exc:
            assert "--encoding" in exc.message
            asked += 1
            continue
        if decoded != fragment:
            wrong.append((fragment, decoded))
    assert wrong == []
    assert asked < 30


def test_one_line_euc_jp_reply_is_read_as_euc_jp(tmp_path: Path):
    path = tmp_path / "r.txt"
    path.write_bytes("(1) 検討します。\n".encode("euc_jp"))
    record, _ = import_exchange(None, path)
    assert record.items[0].answer == "検討します。"


def test_unsure_encoding_asks_for_the_option_and_the_option_works(tmp_path: Path):
    path = tmp_path / "q.txt"
    path.write_bytes("ｶﾞｲ\n".encode("cp932"))  # half-width kana only: too little to be sure
    with pytest.raises(InputError, match="--encoding"):
        decode_bytes(path.read_bytes(), str(path))
    assert decode_bytes(path.read_bytes(), str(path), "cp932") == "ｶﾞｲ\n"


@pytest.mark.parametrize(
    "encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-32", "iso2022_jp", "utf-16"]
)
def test_utf16_utf32_and_iso2022jp_are_read(tmp_path: Path, encoding: str):
    """UTF-16/32 without a BOM (and UTF-32 with one) and ISO-2022-JP used to be called binary."""
    text = QUESTIONS.read_text(encoding="utf-8").replace("~", "〜")
    path = tmp_path / "q.txt"
    path.write_bytes(text.encode(encoding))
    record, _ = import_exchange(path, CLEAN_REPLY)
    assert len(record.items) == 36
    assert record.item("[1](1)1)").question == "葛飾区に対して、いつ、どのような説明を行ったか"


def test_binary_is_still_called_binary(tmp_path: Path):
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match=r"バイナリ|文字コード"):
        import_exchange(path, None)


@pytest.mark.parametrize("suffix", [".pdf", ".html", ".docx", ".txt"])
def test_any_bytes_under_any_name_give_a_record_or_a_japanese_error(tmp_path: Path, suffix: str):
    """No format reader lets a traceback through (random, truncated and spliced inputs)."""
    rng = random.Random(suffix)
    seeds = [
        b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(400)),
        b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(400)),
        b"<html><body><p>(1) \x82\xa0\x82\xa2</p><p>\xe3\x81\x82"
        + bytes(rng.randrange(256) for _ in range(50)),
        bytes(rng.randrange(256) for _ in range(300)),
        b"",
    ]
    for index, data in enumerate(seeds):
        path = tmp_path / f"in{index}{suffix}"
        path.write_bytes(data)
        try:
            import_exchange(None, path)
        except InputError as exc:
            assert str(path) in exc.message
