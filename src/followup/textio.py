"""Reading the documents an organizer is given, as lines of clean Unicode text.

Text arrives in whatever encoding the sender's machine used (UTF-8 with or without BOM,
CP932/Shift_JIS, EUC-JP, ISO-2022-JP from old mail, UTF-16/32 from Windows tools) and with
CRLF or LF.  Everything read from outside goes through `read_bytes_capped`, which counts
the bytes actually read (a pipe or a device has no meaningful size), and through one
dispatcher, `read_document`, that picks a reader by content and extension.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from pathlib import Path

from followup.errors import InputError

MB = 1024 * 1024
MAX_TEXT_BYTES = 20 * MB  # a real exchange is well under 1 MB
MAX_PDF_BYTES = 50 * MB  # scanned-and-OCR'd PDFs carry their page images
_CHUNK = 1024 * 1024

# Characters XML 1.0 cannot hold (and so neither YAML output nor a .docx): C0 controls but
# tab and newline, DEL-adjacent C1 controls, lone surrogates and the two non-characters.
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n|\r|\x0c|\x85|\u2028|\u2029")


def clean_text(text: str) -> str:
    """Unify newlines to LF and drop characters no XML or YAML consumer can hold."""
    return _INVALID_CHARS.sub("", _NEWLINES.sub("\n", text))


# ---- bytes ------------------------------------------------------------------------------


def read_bytes_capped(path: Path, limit: int, what: str = "ファイル") -> bytes:
    """The bytes of `path`, refusing with InputError once more than `limit` bytes were read.

    The cap is checked on what is read, not on `stat`, so a FIFO, `/dev/zero` or a
    process substitution stops at the cap too.  `what` names the input in the message
    (「質問書」「語彙ファイル」…).
    """
    try:
        with open(path, "rb") as handle:
            if stat.S_ISDIR(os.fstat(handle.fileno()).st_mode):
                raise InputError(f"{path}: ファイルではなくフォルダです。")
            chunks: list[bytes] = []
            total = 0
            while chunk := handle.read(min(_CHUNK, limit + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise InputError(
                        f"{path}: {what}が大きすぎます(上限 {_size(limit)})。読み込みを中止しました。"
                    )
            return b"".join(chunks)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: ファイルが見つかりません。") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: ファイルではなくフォルダです。") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: 読み取る権限がありません。") from exc
    except OSError as exc:
        raise InputError(f"{path}: 読み込めません({exc.strerror})。") from exc


def _size(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB else f"{limit} バイト"


# ---- decoding ---------------------------------------------------------------------------

_BOMS: list[tuple[bytes, str]] = [
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(B", b"\x1b$(D", b"\x1b(I")
MIN_SCORE = 0.6  # per character: real Japanese prose scores 1.5 and more
MIN_MARGIN = 0.35  # the best reading must beat the next by this much per character


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode Japanese text; `encoding` (as given by `--encoding`) overrides detection.

    Order: a byte-order mark; ISO-2022-JP (7-bit with its escapes); strict UTF-8 (it rarely
    decodes anything else by accident) unless NUL bytes say UTF-16/32; then every legacy
    or BOM-less candidate that decodes cleanly is scored on how Japanese it reads.  When no
    reading is clearly best, stop and ask for `--encoding` rather than guess.
    """
    if not data.strip(b" \t\r\n\x00"):
        raise InputError(f"{name}: ファイルが空です。")
    if encoding:
        return _decode_as(data, name, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                data = data[len(bom) :]  # a BOM that lies (a CP932 file saved by a confused tool)
                break
    if data.isascii() and any(esc in data for esc in _ISO2022_ESCAPES):
        return _decode_as(data, name, "iso2022_jp_ext")
    if data.isascii() and all(_printable_ascii(b) for b in data) and not _kana_in_utf16(data):
        return data.decode("ascii")
    return _decode_by_score(data, name)


def _kana_in_utf16(data: bytes) -> bool:
    """「について」 in BOM-less UTF-16 is the ASCII 「k0d0D0f0」: every other byte is 0x30."""
    if len(data) < 4 or len(data) % 2:
        return False
    return any(sum(1 for b in data[i::2] if b == 0x30) >= 0.9 * (len(data) // 2) for i in (0, 1))


def _printable_ascii(byte: int) -> bool:
    return 32 <= byte < 127 or byte in (9, 10, 12, 13)


def _decode_as(data: bytes, name: str, encoding: str) -> str:

    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise InputError(f"{name}: 文字コード「{encoding}」を知りません(例: utf-8、cp932、euc_jp)。") from exc
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: {encoding} として読めない文字があります。") from exc


def _candidates(data: bytes) -> list[str]:
    if b"\x00" in data:
        # NUL bytes in text mean UTF-16 or UTF-32 without a BOM
        out = ["utf-32-le", "utf-32-be"] if len(data) % 4 == 0 else []
        return [*out, "utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else out
    out = ["utf-8", "cp932", "euc_jp"]
    return [*out, "utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else out


UTF8_BONUS = 0.5  # valid multi-byte UTF-8 seldom happens by accident


def _decode_by_score(data: bytes, name: str) -> str:
    readings: list[tuple[float, str, str]] = []
    for codec in _candidates(data):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        bonus = UTF8_BONUS if codec == "utf-8" else 0.0
        readings.append((japanese_score(text) + bonus, codec, text))
    if not readings:
        if b"\x00" in data:
            raise InputError(f"{name}: テキストではないファイル(バイナリ)のようです。")
        raise InputError(
            f"{name}: 文字コードを判別できません(UTF-8、Shift_JIS、EUC-JP のいずれでもありません)。"
            "--encoding で指定してください。"
        )
    readings.sort(key=lambda r: r[0], reverse=True)
    best_score, codec, text = readings[0]
    margin = best_score - readings[1][0] if len(readings) > 1 else 10.0
    if codec == "utf-8" and margin >= MIN_MARGIN:
        return text
    if best_score >= MIN_SCORE and margin >= MIN_MARGIN:
        return text
    if b"\x00" in data and best_score < 0:
        raise InputError(f"{name}: テキストではないファイル(バイナリ)のようです。")
    names = "、".join(c for _s, c, _t in readings[:2])
    raise InputError(
        f"{name}: 文字コードを判別できません(候補: {names})。--encoding cp932 のように指定してください。"
    )


def japanese_score(text: str) -> float:
    """How much `text` reads like Japanese, per non-ASCII character (higher is better).

    Kana, Japanese punctuation and JIS level-1 kanji count for; half-width katakana (what
    EUC-JP becomes when read as CP932), level-2 and non-JIS kanji, Hangul, symbols,
    private-use and control characters count against.  Printable ASCII is not counted.
    """
    total = 0.0
    counted = 0
    for ch in text[:20000]:
        if _printable_ascii(ord(ch)) if ord(ch) < 128 else False:
            continue
        counted += 1
        total += _char_score(ch)
    return total / counted if counted else 0.0


_JA_PUNCTUATION = set("、。「」『』【】〔〕〈〉《》・ー々〆〜\u3000（）！？：；，．")


def _char_score(ch: str) -> float:
    code = ord(ch)
    if code < 0x80:
        return -4.0  # a control character
    if 0x3041 <= code <= 0x309F:  # hiragana: the backbone of Japanese prose
        return 3.0
    if ch in _JA_PUNCTUATION or 0x30A0 <= code <= 0x30FF:
        return 2.0
    if 0xFF10 <= code <= 0xFF5A:  # full-width digits and letters
        return 1.0
    if 0xFF61 <= code <= 0xFF9F:  # half-width katakana: rare in prose, typical of mojibake
        return -3.0
    if 0x4E00 <= code <= 0x9FFF:
        return _kanji_score(ch)
    if unicodedata.category(ch) in {"Co", "Cn", "Cc", "Cs", "Mn"}:
        return -4.0
    return -1.0


def _kanji_score(ch: str) -> float:
    try:
        raw = ch.encode("cp932")
    except UnicodeEncodeError:
        return -3.0  # not in JIS X 0208 at all: JIS X 0212 or a misread
    return 1.5 if raw[0] <= 0x98 else -0.5  # level 1 (common) vs level 2 (rare)


# ---- text files -------------------------------------------------------------------------


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    odd = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\x0c"))
    return odd / len(sample) > 0.05


def read_text_file(path: Path, encoding: str | None = None, data: bytes | None = None) -> str:
    if data is None:
        data = read_bytes_capped(path, MAX_TEXT_BYTES)
    text = decode_bytes(data, str(path), encoding)
    if _looks_binary(text):
        raise InputError(f"{path}: テキストではないファイル(バイナリ)のようです。")
    return clean_text(text)


def read_document(path: Path, encoding: str | None = None, *, ocr: bool = False) -> list[str]:
    """Lines of a text, .docx, PDF or HTML document, decoded and cleaned; raises InputError."""
    from followup.readers import read_any  # the readers import their heavy libraries lazily

    text = read_any(path, encoding, ocr=ocr)
    if not text.strip():
        raise InputError(f"{path}: 文書に文字がありません。")
    return text.split("\n")
