from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from followup.cli import cli
from followup.dates import add_business_days
from followup.office import convert


def make(runner, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "再質問書.docx"
    result = runner.invoke(
        cli,
        [
            "draft",
            "--accept-suggestions",
            "-o",
            str(out),
            "--date",
            "2026-11-26",
            "--deadline-days",
            "10",
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return out


def test_draft_content_order_fonts_and_footnotes(runner, tmp_path: Path):
    import docx
    from docx.shared import Mm
    from docx2python import docx2python

    out = make(runner, tmp_path, "--citations", "footnotes", "--appendix")
    document = docx.Document(str(out))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "2026年11月26日"  # the J-LIS group wrote 西暦
    assert "地方公共団体情報システム機構 理事長 西尾勝 様" in texts
    title = texts.index("マイナンバー関連システムについての再質問書")
    ki = texts.index("記")
    ijo = texts.index("以上")
    assert title < ki < ijo
    body = "\n".join(texts[ki:ijo])
    assert "「当機構が実施した調達ではありません」" in body
    assert (
        "2016年10月13日付けで「マイナンバー関連システムの質問書に対する回答」（以下「前回回答」という。）"
        in texts[title + 1]
    )
    deadline = add_business_days(dt.date(2026, 11, 26), 10)
    assert any(f"{deadline.year}年{deadline.month}月{deadline.day}日までに" in t for t in texts[ki:ijo])
    with zipfile.ZipFile(out) as z:
        styles_xml = z.read("word/styles.xml").decode()
        footnotes_xml = z.read("word/footnotes.xml").decode()
        font_table = z.read("word/fontTable.xml").decode()
    assert '<w:font w:name="IPAex明朝"><w:altName w:val="ＭＳ 明朝"/>' in font_table  # Word's stand-in
    assert 'w:eastAsia="IPAex明朝"' in styles_xml and "eastAsiaTheme" not in styles_xml.split("<w:style ")[0]
    assert 'w:eastAsia="ja-JP"' in styles_xml
    assert "前回質問書[4]6)の質問の全文" in footnotes_xml  # what the text itself does not say
    notes = str(docx2python(str(out)).footnotes_runs)
    assert "当機構が実施した調達ではありません" in notes
    assert document.core_properties.author == "共通番号・カードの廃止をめざす市民連絡会"
    assert document.core_properties.title == "マイナンバー関連システムについての再質問書"
    assert "followup" not in (document.core_properties.comments or "")
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["番号", "質問の要旨", "回答の状況", "回答の該当箇所"]
    assert len(table.rows) == 37
    assert any(r.cells[2].text == "回答を差し控えるとの回答" for r in table.rows)


def test_existing_output_is_not_overwritten(runner, tmp_path: Path):
    out = make(runner, tmp_path)
    before = out.read_bytes()
    result = runner.invoke(cli, ["draft", "--accept-suggestions", "-o", str(out)])
    assert result.exit_code == 1 and "--force" in result.output
    assert out.read_bytes() == before


def test_markdown_preview(runner, tmp_path: Path):
    out = tmp_path / "x.md"
    result = runner.invoke(
        cli, ["draft", "--accept-suggestions", "--format", "md", "-o", str(out), "--citations", "footnotes"]
    )
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "# マイナンバー関連システムについての再質問書" in text and "[^1]:" in text


def test_no_decisions_says_which_option(runner, tmp_path: Path):
    result = runner.invoke(cli, ["draft", "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert "--accept-suggestions" in result.output and "--decisions" in result.output


def test_business_days_golden_week_and_new_year():
    assert add_business_days(dt.date(2026, 4, 28), 5) == dt.date(2026, 5, 11)
    assert add_business_days(dt.date(2026, 12, 25), 3) == dt.date(2027, 1, 5)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
def test_libreoffice_renders_the_jlis_draft(runner, tmp_path: Path):
    out = make(runner, tmp_path)
    pdf = convert(out, "pdf", out.parent)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.replace(" ", "")
    assert (
        text.index("再質問書")
        < text.index("記")
        < text.index("[1](1)3)")
        < text.index("[4]6)")
        < text.index("以上")
    )
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "IPAexMincho" in fonts


def test_schema_check_finds_no_errors(runner, tmp_path: Path):
    from openxml_audit import OpenXmlValidator

    out = make(runner, tmp_path)
    result = OpenXmlValidator(max_errors=0).validate(str(out))
    schema = [
        e
        for e in result.errors
        if str(getattr(e, "type", getattr(e, "error_type", ""))).lower().endswith("schema")
    ]
    assert schema == []
    assert result.is_valid, [str(e) for e in result.errors]


def test_draft_from_a_hand_written_decisions_file(runner, tmp_path: Path):
    import docx
    import yaml

    decisions = tmp_path / "判断.yaml"
    decisions.write_text(
        yaml.safe_dump(
            {
                "format": 1,
                "decisions": [
                    {
                        "ref": "[4]6)",
                        "action": "followup",
                        "text": "辞退の理由を\x0b改めて明らかにされたい。\r\n以上。",
                    },
                    {"ref": "[1](5)2)", "action": "skip"},
                ],
                "added": [{"text": "交付枚数の最新の数を明らかにされたい。"}],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    out = tmp_path / "x.docx"
    refused = runner.invoke(cli, ["draft", "--decisions", str(decisions), "-o", str(out)])
    assert refused.exit_code == 2 and not out.exists()
    assert "まだ判断していない項目が 15 件あります" in refused.output and "--only-decided" in refused.output
    result = runner.invoke(
        cli,
        [
            "draft",
            "--decisions",
            str(decisions),
            "--only-decided",
            "-o",
            str(out),
            "--numbering",
            "formal",
            "--era",
            "wareki",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "判断していない 15 件は入れていません" in result.output
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "第1　貴機構の情報公開について" in texts
    assert (
        "1　辞退の理由を改めて明らかにされたい。\n以上。" in texts
    )  # control character gone, one line break
    assert "第2　新たな質問" in texts and "1　交付枚数の最新の数を明らかにされたい。" in texts
    assert not any("[1](5)2)" in t for t in texts)
    assert any("平成28年10月13日付けで" in t for t in texts)  # --era wareki


def test_reference_docx_lends_its_styles(runner, tmp_path: Path):
    import docx
    from docx.shared import Mm

    reference = docx.Document()
    reference.sections[0].left_margin = Mm(40)
    reference.add_paragraph("この文は使われません")
    ref_path = tmp_path / "ref.docx"
    reference.save(str(ref_path))
    out = make(runner, tmp_path, "--reference-docx", str(ref_path))
    document = docx.Document(str(out))
    assert abs(document.sections[0].left_margin - Mm(40)) < Mm(1)
    assert "この文は使われません" not in [p.text for p in document.paragraphs]


def test_bad_template_folder_is_a_clear_error(runner, tmp_path: Path):
    own = tmp_path / "mine" / "followups"
    own.mkdir(parents=True)
    (own / "deflected.j2").write_text("{% block v1 %}{{ no_such_variable }}{% endblock %}", encoding="utf-8")
    result = runner.invoke(
        cli,
        [
            "draft",
            "--accept-suggestions",
            "-o",
            str(tmp_path / "x.docx"),
            "--templates",
            str(tmp_path / "mine"),
        ],
    )
    assert result.exit_code == 1 and "未定義の変数" in result.output and "no_such_variable" in result.output
    assert not (tmp_path / "x.docx").exists()
