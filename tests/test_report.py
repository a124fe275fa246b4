"""`followup report`: the page a group publishes — every text escaped, no scripts, a strict
CSP, the clause marking, the counts, the history across rounds; Markdown with the same
marking; written atomically and never over an input.  (The rendering in a real browser is
in test_report_browser.py, which uses the hostile record and the parser defined here.)"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, JLIS_RECORD, ROOT
from followup.case import open_case
from followup.cli import cli
from followup.report import ReportOptions, build_report
from followup.report.html import render_html
from followup.report.markdown import md_escape

PWN_TITLE = "document.title='PWNED'"
HOSTILE = {
    "title": f"質問書<script>{PWN_TITLE}</script>",
    "asker": "市民の会<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
    "section": "<style>body{display:none}</style>交通について",
    "question": "<a href=\"javascript:document.body.setAttribute('data-pwned','2')\">リンク</a>の件数は何件か。",
    "answer": (
        "</p></span><script>document.body.setAttribute('data-pwned','3')</script>12件です。"
        "<svg onload=\"document.body.setAttribute('data-pwned','4')\"></svg>"
        "javascript:alert(1) &amp; &lt;b&gt;"
    ),
}


def write_hostile_record(folder: Path) -> Path:
    data = {
        "format": 1,
        "questions": {"title": HOSTILE["title"], "date": "2024-04-01"},
        "asker": {"name": HOSTILE["asker"]},
        "respondent": {"body": "〇〇市<b onmouseover=alert(1)>長</b>"},
        "reply": {"title": "回答", "date": "2024-05-01"},
        "sections": [{"ref": "1", "title": HOSTILE["section"]}],
        "items": [
            {"ref": "1(1)", "question": HOSTILE["question"], "answer": HOSTILE["answer"]},
            {
                "ref": "1(2)",
                "question": "<script>alert(2)</script>理由は何か。",
                "answer": "回答は差し控えます。",
            },
        ],
    }
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class Page(HTMLParser):
    """Tags, attributes and text of a page, for checks that do not depend on formatting."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


R2 = ROOT / "answers" / "jlis-2016-r2.yaml"
REPLY_R2 = FIXTURES / "rounds" / "reply-r2-INVENTED.txt"
TODAY = dt.date(2026, 11, 30)


def jlis_html(**options) -> str:
    return render_html(build_report(open_case(JLIS_RECORD), ReportOptions(today=TODAY, **options)))


@pytest.fixture(scope="module")
def jlis_page() -> str:
    return jlis_html()


def test_every_item_in_order_with_its_label_and_the_counts(jlis_page: str):
    case = open_case(JLIS_RECORD)
    refs = [attrs["data-ref"] for attrs in Page(jlis_page).named("article")]
    assert refs == [it.ref for it in case.record.items]
    page = Page(jlis_page)
    counts = {attrs["data-label"]: None for attrs in page.named("tr") if attrs.get("data-label")}
    labels = [v.label for v, _ in case.rows()]
    assert set(counts) == set(labels)
    for label in set(labels):
        row = re.search(rf'<tr data-label="{label}">.*?<td class="count">(\d+)</td>', jlis_page)
        assert row and int(row.group(1)) == labels.count(label)
    assert f"全 {len(labels)} 件のうち、回答あり {labels.count('answered')} 件" in page.all_text


def test_self_contained_no_scripts_no_handlers_no_external_anything(jlis_page: str):
    page = Page(jlis_page)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "form", "base"}
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for key in ("href", "src", "action", "xlink:href"):
            value = attrs.get(key)
            assert value is None or value.startswith("#"), (tag, key, value)
    assert "http://" not in jlis_page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in jlis_page and "url(" not in jlis_page and "@import" not in jlis_page


def test_csp_allows_only_the_stylesheet_by_its_hash(jlis_page: str):
    csp = Page(jlis_page).named("meta")
    policy = next(m["content"] for m in csp if m.get("http-equiv") == "Content-Security-Policy")
    assert policy and "default-src 'none'" in policy and "script-src 'none'" in policy
    assert "unsafe" not in policy
    css = re.search(r"<style>(.*?)</style>", jlis_page, re.S)
    assert css and len(re.findall("<style>", jlis_page)) == 1
    digest = base64.b64encode(hashlib.sha256(css.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert " style=" not in jlis_page  # inline style attributes would be blocked by the policy


def test_japanese_phone_and_print(jlis_page: str):
    assert jlis_page.startswith('<!DOCTYPE html>\n<html lang="ja">')
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in jlis_page
    assert "@page { size: A4;" in jlis_page and "@media print" in jlis_page
    assert '<meta charset="utf-8">' in jlis_page


def test_clause_marking_and_sub_questions(jlis_page: str):
    assert '<span class="c c-refuses"><span class="tag">拒否</span>システムの詳細に関わる事項' in jlis_page
    assert '<span class="c c-conditional"><span class="tag">条件</span>' in jlis_page
    assert '<span class="st st-nothing">回答なし</span>' in jlis_page  # [1](3)1): それは解決したのか
    assert "<svg" in jlis_page and '<rect class="bar-answered"' in jlis_page


def test_hostile_record_is_shown_as_text(tmp_path: Path, runner):
    record = write_hostile_record(tmp_path)
    out = tmp_path / "page.html"
    result = runner.invoke(
        cli, ["report", str(record), "-o", str(out), "--title", "<b>題</b><script>x()</script>"]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    assert not {tag for tag, _ in page.tags} & {"script", "img", "b", "iframe"}
    assert [a.get("href", "") for a in page.named("a")] == ["#q2"]  # only the page's own link
    assert len(page.named("script")) == 0 and len(page.named("img")) == 0 and len(page.named("style")) == 1
    assert len(page.named("svg")) == 1  # the chart, not the one in the answer
    assert not [attrs for _, attrs in page.tags if any(k.startswith("on") for k in attrs)]
    assert "<svg onload" not in html and "&lt;svg onload=" in html
    assert "&lt;script&gt;" in html and "onerror=&#34;" in html
    text = page.all_text
    for raw in HOSTILE.values():
        assert raw in text.replace("\n", "") or raw.split("<")[0] in text
    assert "javascript:alert(1) &amp;amp; &amp;lt;b&amp;gt;" in html  # entities in the text stay text
    assert "<title>&lt;b&gt;題&lt;/b&gt;&lt;script&gt;x()&lt;/script&gt;</title>" in html


def test_only_flagged_no_labels_and_title(tmp_path: Path):
    flagged = jlis_html(only_flagged=True)
    refs = [a["data-ref"] for a in Page(flagged).named("article")]
    rows = open_case(JLIS_RECORD).rows()
    assert refs == [it.ref for v, it in rows if v.label != "answered"]
    assert "全 36 件のうち" in flagged  # the summary still counts every item
    plain = jlis_html(labels=False, title="公開用")
    assert "<title>公開用</title>" in plain
    assert "回答状況のまとめ" not in plain and 'class="label' not in plain and 'class="c ' not in plain
    assert "<svg" not in plain
    assert "システムの詳細に関わる事項となりますので回答は差し控えさせていただきますが" in plain


def test_history_across_rounds(tmp_path: Path, runner):
    shutil.copy(JLIS_RECORD, tmp_path / "jlis-2016.yaml")
    shutil.copy(R2, tmp_path / "jlis-2016-r2.yaml")
    answered = tmp_path / "r2.yaml"
    args = [
        "import",
        "--record",
        str(tmp_path / "jlis-2016-r2.yaml"),
        "-r",
        str(REPLY_R2),
        "-o",
        str(answered),
    ]
    assert runner.invoke(cli, args).exit_code == 0
    out = tmp_path / "経過.html"
    assert runner.invoke(cli, ["report", str(answered), "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    item = html[html.index('data-ref="[1](6)"') :]
    item = item[: item.index("</article>")]
    assert "これまでの経過" in item and "第1回 [1](5)4) 平成28年10月13日" in item
    assert "総点検を行っているところですので" in item
    assert "第2回 質問" in html and "平成28年11月24日" in html


def test_markdown_has_the_same_marking_and_is_escaped(tmp_path: Path, runner):
    out = tmp_path / "回答状況.md"
    result = runner.invoke(cli, ["report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# 「マイナンバー関連システムについての質問書」への回答状況")
    assert "【**拒否**】システムの詳細に関わる事項" in md
    assert "| 回答あり | 19 |" in md or "| 回答あり |" in md
    assert "##### \\[1\\](5)2) 〔回答拒否〕" in md
    hostile = write_hostile_record(tmp_path)
    out2 = tmp_path / "h.md"
    assert runner.invoke(cli, ["report", str(hostile), "--format", "md", "-o", str(out2)]).exit_code == 0
    text = out2.read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)[<>]", text.replace(" → ", " ")), "a raw < or > in the Markdown"
    assert "](javascript" not in text
    assert "\\<script\\>" in text


def test_md_escape():
    assert md_escape("[1](2) *強調* <b> & `x` | ~") == "\\[1\\](2) \\*強調\\* \\<b\\> &amp; \\`x\\` \\| \\~"
    assert md_escape("# 見出し\n- 箇条\n1. 番号") == "\\# 見出し\n\\- 箇条\n1\\. 番号"


def test_written_atomically_never_over_an_input_nor_an_existing_file(tmp_path: Path, runner):
    record = tmp_path / "rec.yaml"
    shutil.copy(JLIS_RECORD, record)
    before = record.read_bytes()
    result = runner.invoke(cli, ["report", str(record), "-o", str(record), "--force"])
    assert result.exit_code == 2 and "入力を上書きすることはできません" in result.output
    assert record.read_bytes() == before
    out = tmp_path / "p.html"
    out.write_text("前の版", encoding="utf-8")
    result = runner.invoke(cli, ["report", str(record), "-o", str(out)])
    assert result.exit_code == 1 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "前の版"
    assert runner.invoke(cli, ["report", str(record), "-o", str(out), "--force"]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in tmp_path.iterdir() if "followup-tmp" in p.name]


def test_same_page_for_the_same_case():
    assert jlis_html() == jlis_html()


def test_a_round_awaiting_its_reply_is_not_called_unanswered():
    case = open_case(R2)
    html = render_html(build_report(case, ReportOptions(today=TODAY)))
    waiting = len(case.record.items)
    assert f"全 {waiting} 件について、回答を待っています" in html
    assert "無回答" not in html and "(回答待ち)" in html and "<svg" not in html
    assert html.count('<span class="label lab-unanswered">回答待ち</span>') == waiting
    assert "これまでの経過" in html  # the first round's answers, with their labels
