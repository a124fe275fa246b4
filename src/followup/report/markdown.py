"""The report as Markdown, for groups that post Markdown: the same marking as plain
markers (【回答】【拒否】…).  Every text is escaped, so a reply can neither add a link nor
raw HTML to the page a Markdown renderer makes of it."""

from __future__ import annotations

import re

from followup.clauses import ROLE_JA
from followup.report.model import ROLE_HELP, Earlier, Report, ReportItem, Segment

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
_LEADING = re.compile(r"^(\s*)([#=+-]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """Text a Markdown renderer shows as is: no emphasis, links, raw HTML or entities."""
    text = text.replace("&", "&amp;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _LEADING.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def _paragraph(text: str) -> str:
    """Lines kept as lines (a trailing backslash is a hard break in CommonMark)."""
    lines = [md_escape(line) for line in text.split("\n")]
    return "\\\n".join(lines)


def _marker(name: str) -> str:
    """【**回答**】: bold inside the brackets, so CommonMark closes it before Japanese text."""
    return f"【**{md_escape(name)}**】"


def _marked(segments: list[Segment]) -> str:
    out = []
    for segment in segments:
        text = _paragraph(segment.text)
        out.append(f"{_marker(segment.tag)}{text}" if segment.role else text)
    return "".join(out) or "(回答なし)"


def _header(report: Report) -> list[str]:
    lines = [
        f"# {md_escape(report.title)}",
        "",
        f"{md_escape(report.asker)} → {md_escape(report.respondent)}",
        "",
    ]
    lines += [f"- {name}: {md_escape(text)}" for name, text in report.documents if text]
    lines += [f"- {md_escape(d.name)}: {md_escape(d.wareki)}" for d in report.dates]
    return [*lines, ""]


def _summary(report: Report) -> list[str]:
    if report.awaiting:
        return ["## 回答状況のまとめ", "", md_escape(report.summary_sentence), ""]
    lines = [
        "## 回答状況のまとめ",
        "",
        md_escape(report.summary_sentence),
        "",
        "| 判定 | 件数 | 割合 |",
        "|---|---:|---:|",
    ]
    lines += [f"| {b.label_ja} | {b.count} | {b.share:.0f}% |" for b in report.bars]
    lines += [f"| **合計** | **{report.total}** | 100% |", ""]
    legend = "".join(f"【{name}】{ROLE_HELP[role]}。" for role, name in ROLE_JA.items())
    return [*lines, f"回答の印: {legend}", ""]


def _earlier(earlier: list[Earlier], labels: bool) -> list[str]:
    if not earlier:
        return []
    lines = ["**これまでの経過**", ""]
    for e in earlier:
        label = f" 〔{e.label_ja}〕" if labels else ""
        lines.append(f"- 第{e.round}回 {md_escape(e.ref)} {md_escape(e.date)}{label}")
        lines.append(f"  - 問: {_paragraph(e.question)}")
        lines.append(f"  - 答: {_marked(e.answer)}")
    return [*lines, ""]


def _verdict(item: ReportItem) -> list[str]:
    lines: list[str] = []
    if len(item.subs) > 1 or (item.flagged and item.subs):
        lines += ["**小問ごとの回答**", ""]
        for sub in item.subs:
            clause = f" {_paragraph(sub.clause)}" if sub.clause and sub.treatment != "nothing" else ""
            lines.append(f"{sub.number}\\. {_paragraph(sub.text)} → {_marker(sub.treatment_ja)}{clause}  ")
        lines.append("")
    if item.flagged:
        lines += ["**判定の理由**", ""]
        if item.trigger:
            lines.append(f"- きっかけ: 「{_paragraph(item.trigger)}」")
        lines += [f"- {_paragraph(reason)}" for reason in item.reasons]
        lines.append("")
    return lines


def _item(item: ReportItem, labels: bool, awaiting: bool) -> list[str]:
    lines = [f"{'#' * min(h.depth + 2, 4)} {md_escape(h.ref)} {md_escape(h.title)}\n" for h in item.headings]
    label = f" 〔{item.label_ja}〕" if labels else ""
    lines += [f"##### {md_escape(item.ref)}{label}", ""]
    if item.merged:
        lines += [f"※ {md_escape('・'.join(item.merged))} とまとめて回答されています。", ""]
    lines += ["**質問**", "", _paragraph(item.question or item.restated), ""]
    if item.question and item.restated and item.restated != item.question:
        lines += ["**回答書での質問の引用**", "", _paragraph(item.restated), ""]
    none = "(回答待ち)" if awaiting else "(回答なし)"
    lines += ["**回答**", "", _marked(item.answer) if item.answer else none, ""]
    if labels:
        lines += _verdict(item)
    return lines + _earlier(item.earlier, labels)


def render_markdown(report: Report) -> str:
    labels = report.options.labels
    lines = _header(report)
    if labels:
        lines += _summary(report)
    lines += ["## 答えていない質問と回答" if report.options.only_flagged else "## 質問と回答", ""]
    for item in report.items:
        lines += _item(item, labels, report.awaiting)
    lines.append(f"{report.made.name}: {report.made.wareki}")
    return "\n".join(lines) + "\n"
