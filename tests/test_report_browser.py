"""The J-LIS report rendered by a real browser (headless Chromium from the system packages):
a screenshot, the DOM checked for every question and the counts, and nothing run from a
hostile record — neither through the page's escaping nor, were that to fail, past its CSP."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import JLIS_RECORD
from followup.case import open_case
from followup.cli import cli
from test_report import HOSTILE, Page, write_hostile_record

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium がありません(Debian: apt-get install chromium)。ブラウザでの表示テストを省きます。",
    ),
]


def chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--virtual-time-budget=3000",  # time for anything that would run to have run
        *args,
        page.resolve().as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def dom(tmp_path: Path, page: Path) -> str:
    return chromium(tmp_path, page, "--dump-dom").stdout


def report(runner, tmp_path: Path, record: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    result = runner.invoke(cli, ["report", str(record), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def test_jlis_page_screenshot_every_question_and_the_counts(runner, tmp_path: Path):
    page = report(runner, tmp_path, JLIS_RECORD, "jlis.html")
    shot = tmp_path / "jlis.png"
    chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=800,1400")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 30_000  # a blank page is a few kB
    rendered = Page(dom(tmp_path, page))
    text = rendered.all_text
    case = open_case(JLIS_RECORD)
    assert [a["data-ref"] for a in rendered.named("article")] == [it.ref for it in case.record.items]
    for item in case.record.items:
        assert item.asked.replace("\n", "")[:40] in text.replace("\n", ""), item.ref
    labels = [v.label for v, _ in case.rows()]
    assert f"全 {len(labels)} 件のうち、回答あり {labels.count('answered')} 件" in text
    assert len(rendered.named("rect")) == len(set(labels))


def test_hostile_record_runs_nothing(runner, tmp_path: Path):
    page = report(runner, tmp_path, write_hostile_record(tmp_path), "hostile.html")
    html = dom(tmp_path, page)
    rendered = Page(html)
    title = html[html.index("<title>") + 7 : html.index("</title>")]
    assert title == "「質問書&lt;script&gt;document.title='PWNED'&lt;/script&gt;」への回答状況"
    assert "data-pwned" not in html.split("<body", 1)[1].split(">", 1)[0]
    assert not rendered.named("script") and not rendered.named("img") and len(rendered.named("svg")) == 1
    assert not [attrs for _, attrs in rendered.tags if any(k.startswith("on") for k in attrs)]
    text = rendered.all_text
    assert HOSTILE["answer"].split("12件です。")[1] in text  # shown as text, entities and all
    assert "javascript:alert(1)" in text


def test_csp_stops_a_script_even_if_one_got_into_the_page(runner, tmp_path: Path):
    page = report(runner, tmp_path, JLIS_RECORD, "jlis.html")
    html = page.read_text(encoding="utf-8")
    injected = (
        "<body><script>document.title='PWNED'</script>"
        "<img src=x onerror=\"document.title='PWNED'\">"
        "<a id=j href=\"javascript:document.title='PWNED'\">x</a>"
    )
    page.write_text(html.replace("<body>", injected, 1), encoding="utf-8")
    out = dom(tmp_path, page)
    assert "<title>「マイナンバー関連システムについての質問書」への回答状況</title>" in out
    assert "PWNED</title>" not in out


def test_prints_on_a4(runner, tmp_path: Path):
    page = report(runner, tmp_path, JLIS_RECORD, "jlis.html")
    pdf = tmp_path / "jlis.pdf"
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf.read_bytes()))
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes)
