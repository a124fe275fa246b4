"""Writing outputs so that the organizer's work is never lost.

- Nothing half-written: each file goes to a temp file in its folder, is fsynced, then
  renamed over the target.
- Several outputs of one command (a letter, the next round's record, a PDF) are written
  together: every temp file first, and the renames only when all of them succeeded.
- An existing output is replaced only with `force`, and keeps its permission bits; a new
  one gets the user's umask.
- An output is never an input: `refuse_clashes` compares the paths a command reads and
  the paths it writes (through symlinks and hard links) before anything is written,
  with or without `--force`.
- Temp files carry the writer's pid: a sweep removes only those of processes that are
  gone, never another live process's nor a user's own `.NAME.x.tmp`.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from followup.errors import OutputError, UsageProblem

_TMP_TAG = "followup-tmp"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{_TMP_TAG}-{os.getpid()}-{secrets.token_hex(4)}")


def sweep_leftovers(path: Path) -> None:
    """Remove temp files of `path` left by writers that were killed (kill -9, power cut)."""
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.{_TMP_TAG}-(\d+)-[0-9a-f]{{8}}$")
    folder = path.parent
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            m = pattern.match(entry.name)
            if m and not _pid_alive(int(m.group(1))):
                Path(entry.path).unlink(missing_ok=True)


def refuse_existing(path: Path, force: bool) -> None:
    """An existing output is replaced only with --force."""
    if not force and os.path.lexists(path):
        raise OutputError(f"{path}: すでにファイルがあります。上書きするには --force を付けてください。")


def _same_file(a: Path, b: Path) -> bool:
    if os.path.abspath(a) == os.path.abspath(b):
        return True
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def refuse_clashes(reads: Iterable[Path], writes: Sequence[Path]) -> None:
    """No output may be an input, nor two outputs one file (checked before any write)."""
    read_list = [p for p in reads if p is not None]
    for i, out in enumerate(writes):
        for other in writes[:i]:
            if _same_file(out, other):
                raise UsageProblem(f"{out}: 二つの出力が同じファイルになります。別の名前を指定してください。")
        for source in read_list:
            if _same_file(out, source):
                raise UsageProblem(
                    f"{out}: 読み込むファイル({source})と同じです。入力を上書きすることはできません"
                    "(--force でも)。別の名前を指定してください。"
                )


@dataclass(frozen=True)
class Output:
    path: Path
    payload: bytes


def _prepare(path: Path, force: bool) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: 保存先のフォルダがありません({folder})。")
    if path.is_dir():
        raise OutputError(f"{path}: 同じ名前のフォルダがあります。")
    refuse_existing(path, force)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)  # --force keeps the existing file's mode
    except OSError:
        return 0o666 & ~_umask()


def _write_temp(output: Output) -> Path:
    sweep_leftovers(output.path)
    tmp = _temp_name(output.path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise OutputError(f"{output.path}: 保存できません({exc.strerror})。") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(output.payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(output.path))
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(
                f"{output.path}: 保存できません({exc.strerror})。以前のファイルはそのままです。"
            ) from exc
        raise
    return tmp


def write_all(outputs: Sequence[Output], *, force: bool = False) -> None:
    """Write every output, or none: temp files first, renames only when all were written."""
    for output in outputs:
        _prepare(output.path, force)
    temps: list[Path] = []
    try:
        for output in outputs:
            temps.append(_write_temp(output))
            _pause_for_tests()
        for output, tmp in zip(outputs, temps, strict=True):
            os.replace(tmp, output.path)
    except OSError as exc:
        raise OutputError(f"保存できません({exc.strerror})。以前のファイルはそのままです。") from exc
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


def atomic_write(path: Path, data: bytes | str, *, force: bool = False) -> None:
    """One output, written whole or not at all; an existing file only with `force`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    write_all([Output(path, payload)], force=force)


def _pause_for_tests() -> None:
    """With FOLLOWUP_TEST_PAUSE_IN_WRITE=FILE, say so in FILE and wait: a test kills the
    process here, between writing the temp files and renaming them."""
    marker = os.environ.get("FOLLOWUP_TEST_PAUSE_IN_WRITE")
    if marker:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(30)
