"""Reading the documents an organizer is given: typed-up or OCR'd text, or Word files.

Text arrives in whatever encoding the sender's machine used (UTF-8 with or without BOM,
CP932/Shift_JIS, EUC-JP) and with CRLF or LF; Word files are zip archives from outside
and are opened defensively (size and compression limits, no DTDs) before python-docx sees
them.  What comes out is a list of lines of clean Unicode text.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from followup.errors import InputError

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a real exchange is well under 1 MB
MAX_DOCX_PART_BYTES = 50 * 1024 * 1024
MAX_DOCX_RATIO = 200

# Characters XML 1.0 cannot hold (and so neither YAML output nor a .docx): C0 controls but
# tab and newline, DEL-adjacent C1 controls, lone surrogates and the two non-characters.
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n|\r|\x0c|\x85|\u2028|\u2029")


def clean_text(text: str) -> str:
    """Unify newlines to LF and drop characters no XML or YAML consumer can hold."""
    return _INVALID_CHARS.sub("", _NEWLINES.sub("\n", text))


def decode_bytes(data: bytes, name: str) -> str:
    """Decode Japanese text whose encoding is not declared.

    Strict UTF-8 first (it rarely decodes anything else by accident); then the legacy
    Japanese encodings, letting charset-normalizer choose when several decode cleanly.
    """
    if not data.strip():
        raise InputError(f"{name}: ファイルが空です。")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: UTF-16 として読めません。") from exc
    if b"\x00" in data:
        raise InputError(f"{name}: テキストではないファイル(バイナリ)のようです。")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("cp932", "euc_jp"):
        try:
            candidates.append((encoding, data.decode(encoding)))
        except UnicodeDecodeError:
            continue
    if len(candidates) == 1:
        return candidates[0][1]
    if candidates:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=[c[0] for c in candidates]).best()
        chosen = best.encoding if best else candidates[0][0]
        for encoding, text in candidates:
            if encoding.replace("_", "") == chosen.replace("_", ""):
                return text
        return candidates[0][1]
    raise InputError(f"{name}: 文字コードを判別できません(UTF-8、Shift_JIS、EUC-JP のいずれでもありません)。")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    odd = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\x0c"))
    return odd / len(sample) > 0.05


def read_text_file(path: Path) -> str:
    data = _read_bytes(path, MAX_TEXT_BYTES)
    if data[:4] == b"PK\x03\x04":
        raise InputError(f"{path}: Word などの zip 形式のファイルです。拡張子を .docx にしてください。")
    text = decode_bytes(data, str(path))
    if _looks_binary(text):
        raise InputError(f"{path}: テキストではないファイル(バイナリ)のようです。")
    return clean_text(text)


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"{path}: ファイルが大きすぎます({size // (1024 * 1024)} MB、上限 {limit // (1024 * 1024)} MB)。"
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: ファイルが見つかりません。") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: ファイルではなくフォルダです。") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: 読み取る権限がありません。") from exc
    except OSError as exc:
        raise InputError(f"{path}: 読み込めません({exc.strerror})。") from exc


def _check_docx_archive(path: Path) -> None:
    """Refuse what python-docx would choke on or be abused by: non-zips, bombs, DTDs."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path}: .docx(Word 文書)として開けません(zip 形式ではありません)。") from exc
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise InputError(f"{path}: Word 文書の本文(word/document.xml)がありません。")
        total = 0
        for info in archive.infolist():
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if (
                info.file_size > MAX_DOCX_PART_BYTES
                or total > 4 * MAX_DOCX_PART_BYTES
                or (info.file_size > 1024 * 1024 and ratio > MAX_DOCX_RATIO)
            ):
                raise InputError(
                    f"{path}: 展開後の大きさが異常な .docx です(zip 爆弾の疑い)。読み込みを中止しました。"
                )
        for name in names:
            if name.endswith((".xml", ".rels")):
                with archive.open(name) as part:
                    head = part.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise InputError(f"{path}: DTD・外部実体を含む .docx は読み込めません({name})。")


def read_docx_file(path: Path) -> str:
    _read_bytes(path, MAX_TEXT_BYTES)  # existence, permissions and size, with clear messages
    _check_docx_archive(path)
    import docx  # heavy: only when a Word file is actually read
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError(f"{path}: .docx を読み込めません({type(exc).__name__})。") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(block.text)
    return clean_text("\n".join(lines))


def read_document(path: Path) -> list[str]:
    """Lines of a text or .docx document, decoded and cleaned; raises InputError."""
    text = read_docx_file(path) if path.suffix.lower() in {".docx", ".docm"} else read_text_file(path)
    if not text.strip():
        raise InputError(f"{path}: 文書に文字がありません。")
    return text.split("\n")
