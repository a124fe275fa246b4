"""Bad input, faults and hostile files: each row of docs/robustness.md has its test here
(or names the test elsewhere that covers it)."""

from __future__ import annotations

import errno
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pexpect
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import JLIS_DIR, JLIS_RECORD
from followup.errors import FollowupError, InputError, OutputError, RecordError
from followup.importer import import_exchange
from followup.outputs import atomic_write
from followup.records import dump_record, load_record

CLEAN_REPLY = JLIS_DIR / "reply-clean.txt"


def followup(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "followup", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=120,
    )


def assert_clean_failure(proc: subprocess.CompletedProcess, code: int, words: str) -> None:
    assert proc.returncode == code, proc.stderr
    assert words in proc.stderr
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert proc.stderr.startswith("エラー: ")


# ---- inputs to import -------------------------------------------------------------


def _docx_with(document_xml: bytes, tmp_path: Path, name: str = "x.docx") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("word/document.xml", document_xml)
    return path


@pytest.mark.slow
def test_zip_bomb_docx_is_refused(tmp_path: Path):
    bomb = _docx_with(b"<w:document>" + b" " * (8 * 1024 * 1024) + b"</w:document>", tmp_path)
    assert bomb.stat().st_size < 100_000
    proc = followup("import", "-q", str(bomb), "-o", str(tmp_path / "o.yaml"))
    assert_clean_failure(proc, 1, "zip 爆弾")
    assert not (tmp_path / "o.yaml").exists()


@pytest.mark.slow
def test_docx_with_external_entity_is_refused(tmp_path: Path):
    xxe = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>'
    proc = followup("import", "-q", str(_docx_with(xxe, tmp_path)), "-o", str(tmp_path / "o.yaml"))
    assert_clean_failure(proc, 1, "DTD・外部実体")


def test_text_whose_bom_lies_is_still_read(tmp_path: Path):
    path = tmp_path / "q.txt"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + (JLIS_DIR / "questions.txt").read_text(encoding="utf-8").replace("~", "〜").encode("cp932")
    )
    record, _ = import_exchange(path, CLEAN_REPLY)
    assert len(record.items) == 36


@pytest.mark.slow
def test_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    proc = followup("import", "-q", str(huge), "-o", str(tmp_path / "o.yaml"))
    assert_clean_failure(proc, 1, "ファイルが大きすぎます")


@pytest.mark.slow
def test_megabyte_lines_import_and_triage(tmp_path: Path):
    q = tmp_path / "q.txt"
    r = tmp_path / "r.txt"
    q.write_text(
        "質問書\n\n[1] 事項\n1) " + "あ" * 1_000_000 + "か、いか。\n2) 件数は何件か。\n", encoding="utf-8"
    )
    r.write_text(
        "回答書\n\n[1] 事項\n1) "
        + "あ" * 1_000_000
        + "か。\n【回答】"
        + "い" * 1_000_000
        + "。\n2) 件数は何件か。\n【回答】3件です。\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.yaml"
    assert followup("import", "-q", str(q), "-r", str(r), "-o", str(out)).returncode == 0
    proc = followup("triage", str(out), "--format", "jsonl")
    assert proc.returncode == 0 and proc.stdout.count("\n") == 2


def test_control_characters_and_surrogates_are_cleaned(tmp_path: Path):
    q = tmp_path / "q.txt"
    q.write_bytes(
        "質問書\n\n[1] 事項\n1) 件数は\x01何件か\x07。\n".encode()
        + b"2) \xed\xa0\x80\xe4\xbd\x95\xe4\xbb\xb6\xe3\x81\x8b\n"
    )
    try:
        record, _ = import_exchange(q, None)
    except InputError as exc:
        assert "文字コード" in exc.message
        return
    text = dump_record(record)
    assert "\x01" not in text and "\x07" not in text
    assert all(not 0xD800 <= ord(ch) <= 0xDFFF for ch in text)
    again = tmp_path / "r.yaml"
    again.write_text(text, encoding="utf-8")
    assert load_record(again) == record


_JAPANESE = st.sampled_from(
    [
        *list("質問回答件数理由ですかいつなぜ。、「」"),
        "[1]",
        "(2)",
        "1)",
        "一\u3000",
        "【回答】",
        "\n",
        "以上",
        "記",
        "について",
        "差し控え",
        "ア\u3000",
        "①",
        "第1\u3000",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    questions=st.lists(_JAPANESE, max_size=60).map("".join),
    reply=st.lists(_JAPANESE, max_size=60).map("".join),
    raw=st.binary(max_size=200),
)
def test_importer_returns_a_record_or_its_own_error(tmp_path: Path, questions: str, reply: str, raw: bytes):
    q, r, b = tmp_path / "q.txt", tmp_path / "r.txt", tmp_path / "b.txt"
    q.write_text(questions, encoding="utf-8")
    r.write_text(reply, encoding="utf-8")
    b.write_bytes(raw)
    for pair in ((q, r), (q, None), (None, r), (b, None), (b, r)):
        try:
            record, summary = import_exchange(*pair)
        except FollowupError:
            continue
        assert summary.items == len(record.items)
        path = tmp_path / "rec.yaml"
        path.write_text(dump_record(record), encoding="utf-8")
        assert load_record(path) == record


_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=10) | st.dates()
_trees = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=_trees
    | st.fixed_dictionaries(
        {"format": st.just(1), "questions": _trees, "asker": _trees, "respondent": _trees, "items": _trees}
    )
)
def test_loader_returns_a_record_or_its_own_error(tmp_path: Path, data):
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_record(path)
    except RecordError as exc:
        assert exc.message.startswith(str(path) + ":")


# ---- outputs ---------------------------------------------------------------------


@pytest.mark.slow
def test_missing_output_folder(tmp_path: Path):
    proc = followup("draft", "--accept-suggestions", "-o", str(tmp_path / "no" / "x.docx"))
    assert_clean_failure(proc, 1, "保存先のフォルダがありません")


def test_unwritable_folder_and_full_disk_keep_the_old_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "x.yaml"
    target.write_text("前の内容", encoding="utf-8")

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError, match="以前のファイルはそのままです"):
        atomic_write(target, "新しい内容", force=True)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "前の内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]

    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(OutputError, match="保存できません"):
        atomic_write(target, "新しい内容", force=True)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "前の内容"


@pytest.mark.slow
def test_kill_9_during_the_write_leaves_every_old_file(tmp_path: Path):
    """The draft is killed after its first temp file is written and before any rename
    (the writer pauses there when FOLLOWUP_TEST_PAUSE_IN_WRITE names a marker file): the
    old letter and the old next record must both be there, whole."""
    shutil.copy(JLIS_RECORD, tmp_path / "jlis.yaml")
    out, following = tmp_path / "out.docx", tmp_path / "out.r2.yaml"
    out.write_bytes(b"old letter")
    following.write_bytes(b"old record")
    marker = tmp_path / "paused"
    args = ["draft", "jlis.yaml", "--accept-suggestions", "-o", "out.docx", "--force", "--date", "2016-11-24"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "followup", *args],
        cwd=tmp_path,
        env={**os.environ, "FOLLOWUP_TEST_PAUSE_IN_WRITE": str(marker)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert marker.exists(), "the writer never reached the pause"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert out.read_bytes() == b"old letter" and following.read_bytes() == b"old record"
    leftovers = [p.name for p in tmp_path.iterdir() if ".followup-tmp-" in p.name]
    assert leftovers  # killed mid-write: its temp file is still there ...
    done = followup(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None and "word/document.xml" in z.namelist()
    assert load_record(following).round == 2
    assert not [p.name for p in tmp_path.iterdir() if ".followup-tmp-" in p.name]  # ... and swept


def test_a_users_own_dot_tmp_file_is_never_swept(tmp_path: Path):
    target = tmp_path / "x.yaml"
    mine = tmp_path / ".x.yaml.notes.tmp"
    mine.write_text("大事なメモ", encoding="utf-8")
    live = tmp_path / f".x.yaml.followup-tmp-{os.getpid()}-0123abcd"  # another live writer's
    live.write_text("書きかけ", encoding="utf-8")
    atomic_write(target, "内容")
    assert mine.read_text(encoding="utf-8") == "大事なメモ" and live.exists()


def _wait_for_decisions(session_file: Path, count: int, timeout: float = 20.0) -> None:
    """Until the session on disk holds `count` decisions (it is replaced whole, never half-written)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if session_file.exists():
            session = yaml.safe_load(session_file.read_text(encoding="utf-8")) or {}
            if len(session.get("decisions") or []) >= count:
                return
        time.sleep(0.01)
    raise AssertionError(f"{session_file.name}: {count} decisions not saved within {timeout} s")


@pytest.mark.slow
def test_kill_9_during_review_never_loses_a_saved_decision(tmp_path: Path):
    record = tmp_path / "jlis.yaml"
    shutil.copy(JLIS_RECORD, record)
    session_file = tmp_path / "jlis.session.yaml"
    env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}
    rng = random.Random(11)
    confirmed = 0
    for _round in range(8):
        child = pexpect.spawn(
            f"{sys.executable} -m followup review {record.name}",
            cwd=str(tmp_path),
            encoding="utf-8",
            dimensions=(24, 80),
            timeout=30,
            env=env,
        )
        child.expect("どうしますか")
        for _ in range(rng.randint(0, 2)):
            child.send("\r")
            # counted once it is on disk: the menu's own redraw on Enter also shows 「どうしますか」,
            # so the screen alone cannot tell that the decision was saved
            _wait_for_decisions(session_file, confirmed + 1)
            child.expect("どうしますか")
            confirmed += 1
        child.send("\r")  # one more decision, killed at a random moment around its save
        time.sleep(rng.uniform(0, 0.05))
        child.kill(signal.SIGKILL)
        child.close(force=True)
        session = yaml.safe_load(session_file.read_text(encoding="utf-8"))
        saved = len(session["decisions"])
        assert confirmed <= saved <= confirmed + 1
        confirmed = saved
        load_record(record)  # the record itself is never touched by review
    assert confirmed >= 8


# ---- terminals and locales --------------------------------------------------------


@pytest.mark.slow
def test_no_color_and_pipes_print_plain_text(monkeypatch):
    proc = followup("triage", env={"NO_COLOR": "1"})
    assert proc.returncode == 0 and "\x1b[" not in proc.stdout
    from followup.display import use_color

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(Tty())
    monkeypatch.delenv("NO_COLOR")
    assert use_color(Tty())


@pytest.mark.slow
def test_forty_columns():
    from followup.display import width

    for command in (["show"], ["triage", "--only-flagged"]):
        proc = followup(*command, env={"COLUMNS": "40"})
        assert proc.returncode == 0, proc.stderr
        assert all(width(line) <= 40 for line in proc.stdout.splitlines()), command


@pytest.mark.slow
def test_c_locale_still_reads_and_writes_japanese(tmp_path: Path):
    env = {"LANG": "C", "LC_ALL": "C"}
    out = tmp_path / "rec.yaml"
    proc = followup(
        "import", "-q", str(JLIS_DIR / "questions.txt"), "-r", str(CLEAN_REPLY), "-o", str(out), env=env
    )
    assert proc.returncode == 0 and "質問項目: 36 件" in proc.stdout
    proc = followup("show", str(out), env=env)
    assert "マイナンバー関連システムについての質問書" in proc.stdout
    bad = followup("show", str(tmp_path / "なし.yaml"), env=env)
    assert_clean_failure(bad, 1, "ファイルが見つかりません")


# ---- nothing written outside the paths given --------------------------------------


def _tree(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_commands_write_only_where_they_were_told(tmp_path: Path):
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(JLIS_RECORD, work / "jlis.yaml")
    home = tmp_path / "home"
    home.mkdir()
    repo = Path(__file__).parent.parent
    before_repo = _tree(repo / "answers")
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    steps = [
        (["show", "jlis.yaml"], set()),
        (["triage", "jlis.yaml", "--format", "csv"], set()),
        (
            ["import", "-q", str(JLIS_DIR / "questions.txt"), "-r", str(CLEAN_REPLY), "-o", "new.yaml"],
            {"new.yaml"},
        ),
        (["review", "jlis.yaml", "--non-interactive", "--accept-suggestions"], {"jlis.session.yaml"}),
        (["draft", "jlis.yaml", "-o", "out.docx"], {"out.docx", "out.r2.yaml"}),
        (
            ["draft", "--accept-suggestions", "--format", "md", "-o", "default.md", "--no-next-record"],
            {"default.md"},
        ),
        (["status", "out.r2.yaml"], set()),
    ]
    for args, expected in steps:
        before = _tree(work)
        proc = followup(*args, cwd=work, env=env)
        assert proc.returncode == 0, (args, proc.stderr)
        after = _tree(work)
        changed = {k for k in after if before.get(k) != after[k]}
        assert changed == expected, args
    assert _tree(home) == {}
    assert _tree(repo / "answers") == before_repo
