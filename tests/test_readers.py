"""Each format read end to end: PDF, HTML, Q&A tables, and the formats refused with advice."""

from __future__ import annotations

import html
import io
import shutil
from pathlib import Path

import pytest

from conftest import JLIS_DIR
from followup.errors import InputError
from followup.importer import import_exchange
from followup.office import convert, soffice
from followup.readers.pdf import PdfLine, assemble, drop_running_lines
from followup.records import dump_record

QUESTIONS = JLIS_DIR / "questions.txt"
CLEAN_REPLY = JLIS_DIR / "reply-clean.txt"


@pytest.fixture(scope="module")
def text_import():
    return import_exchange(QUESTIONS, CLEAN_REPLY)


def soffice_convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert with LibreOffice in a profile of its own (no clash with a running office)."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return convert(source, target_format, out_dir, timeout=180)


def _same(text: str | None, spaces: bool) -> str | None:
    return text if spaces or text is None else text.replace(" ", "")


def assert_same_exchange(record, expected, *, spaces: bool = True) -> None:
    """Same refs, answers, restatements and merges; `spaces=False` ignores half-width spaces
    (a PDF does not say whether 「C S から」 had a typed space or a wide gap)."""
    assert [it.ref for it in record.items] == [it.ref for it in expected.items]
    for got, want in zip(record.items, expected.items, strict=True):
        assert _same(got.answer, spaces) == _same(want.answer, spaces), got.ref
        assert _same(got.restated, spaces) == _same(want.restated, spaces), got.ref
        assert sorted(got.merged) == sorted(want.merged), got.ref
    assert record.reply.date == expected.reply.date
    assert record.respondent == expected.respondent


# ---- PDF --------------------------------------------------------------------------------


@pytest.mark.slow
def test_pdf_of_the_jlis_reply_gives_the_same_36_answers(tmp_path: Path, text_import):
    source = tmp_path / "reply.txt"
    shutil.copy(CLEAN_REPLY, source)
    pdf = soffice_convert(source, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    record, summary = import_exchange(QUESTIONS, pdf)
    expected, _ = text_import
    assert len(record.items) == 36 and summary.answered == 36
    assert_same_exchange(record, expected)
    assert dump_record(record) == dump_record(expected)  # header, contact, every text: identical


@pytest.mark.slow
def test_pdf_running_header_footer_and_page_numbers_are_dropped(tmp_path: Path, text_import):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "マイナンバー関連システム 回答(写し)"
    footer = section.footer.paragraphs[0]
    footer._p.append(
        parse_xml(
            '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    for line in CLEAN_REPLY.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    source = tmp_path / "reply.docx"
    document.save(str(source))
    pdf = soffice_convert(source, "pdf", tmp_path)
    record, _ = import_exchange(QUESTIONS, pdf)
    expected, _ = text_import
    assert_same_exchange(record, expected, spaces=False)
    everything = "\n".join(
        filter(None, [*(it.answer or "" for it in record.items), record.reply.contact or ""])
    )
    assert "回答(写し)" not in everything


def _line(text: str, top: float, page: int, right: float = 500.0) -> PdfLine:
    return PdfLine(text, top, top - 10, right, page)


def test_running_lines_are_told_from_body_lines():
    pages = [
        [
            _line("○○市 回答書", 800, p),
            _line(["はじめに、", "次に、", "最後に、"][p] + f"{p + 1}件について述べる。", 700 - 15 * p, p),
            _line(f"- {p + 1} -", 40, p),
        ]
        for p in range(3)
    ]
    kept = drop_running_lines(pages)
    assert [line.text for page in kept for line in page] == [
        "はじめに、1件について述べる。",
        "次に、2件について述べる。",
        "最後に、3件について述べる。",
    ]


def test_wrapped_lines_rejoin_and_line_gaps_make_paragraphs():
    page0 = [
        _line("一行目の文が", 700, 0),
        _line("続きます。", 685, 0, right=200),
        _line("次の段落は", 655, 0),
        _line("ページを", 640, 0),
        _line("またいで", 625, 0),
    ]
    page1 = [
        _line("続きます。", 800, 1, right=200),
        _line("まだ続く。", 785, 1, right=200),
        _line("最後。", 755, 1),
    ]
    assert assemble([page0, page1]) == [
        "一行目の文が続きます。",  # a full line continues on the next
        "",
        "次の段落はページをまたいで続きます。",  # across the page break too
        "まだ続く。",
        "",
        "最後。",
    ]


def _blank_pdf(path: Path, pages: int = 2) -> Path:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_scanned_pdf_without_text_layer_says_how_to_ocr(tmp_path: Path):
    path = _blank_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError) as info:
        import_exchange(None, path)
    message = info.value.message
    assert "テキスト層" in message and "ocrmypdf -l jpn" in message and str(path) in message
    assert "\n" not in message


def test_broken_pdf_is_refused_in_japanese(tmp_path: Path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage " * 100)
    with pytest.raises(InputError, match="PDF を開けません"):
        import_exchange(None, path)


# ---- HTML -------------------------------------------------------------------------------


def _html_page(text: str, charset: str) -> str:
    """A saved web page of a reply: site chrome around it, paragraphs as <p> with <br>."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "\n".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    )
    return (
        f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="{charset}"><title>回答</title>'
        "<style>p { margin: 0 }</style><script>var x = '1) 偽の項目';</script></head><body>"
        '<header><a href="/">○○機構トップ</a></header>'
        "<nav><ul><li>(1) メニュー</li><li>お知らせ</li></ul></nav>"
        f'<div id="main">\n{body}\n</div>'
        "<footer>Copyright &copy; 2016 ○○機構</footer></body></html>"
    )


def test_shift_jis_html_of_the_jlis_reply_gives_the_same_36_answers(tmp_path: Path, text_import):
    text = CLEAN_REPLY.read_text(encoding="utf-8")
    page = tmp_path / "reply.html"
    page.write_bytes(_html_page(text, "Shift_JIS").encode("cp932"))
    record, summary = import_exchange(QUESTIONS, page)
    expected, _ = text_import
    assert summary.answered == 36
    assert_same_exchange(record, expected)
    assert dump_record(record) == dump_record(expected)  # no menu, script or footer text anywhere


def test_html_entities_br_blocks_and_undeclared_utf8(tmp_path: Path):
    page = tmp_path / "r.html"
    page.write_text(
        "<html><body><nav>(9) 目次</nav><main><h1>回答書</h1><p>記</p>"
        "<p>(1) 費用は&lt;いくら&gt;か。<br>【回答】&nbsp;約&#49;億円です。</p>"
        "<div>(2) 期間はどれだけか。</div><div>【回答】3年&amp;半年です。</div>"
        "<p>以上</p></main><script>document.write('(3) 偽')</script></body></html>",
        encoding="utf-8",
    )
    record, _ = import_exchange(None, page)
    assert [it.ref for it in record.items] == ["(1)", "(2)"]
    assert record.item("(1)").restated == "費用は<いくら>か。"
    assert record.item("(1)").answer == "約1億円です。"
    assert record.item("(2)").answer == "3年&半年です。"


def test_html_declared_euc_jp(tmp_path: Path):
    page = tmp_path / "r.htm"
    page.write_bytes(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=EUC-JP"></head>'
        "<body><p>(1) 名簿を公開するか。</p><p>【回答】公開しません。</p></body></html>".encode("euc_jp")
    )
    record, _ = import_exchange(None, page)
    assert record.item("(1)").answer == "公開しません。"


# ---- Q&A tables -------------------------------------------------------------------------

QA_ROWS = [
    ("1", "窓口の開設時間を延長する考えはあるか。", "来年度から平日は午後7時まで延長します。"),
    ("2", "手数料の減免の対象を示されたい。", "生活保護受給世帯を対象としています。"),
    ("3", "オンライン申請の件数は。", "令和5年度は1,204件です。"),
]


def test_docx_qa_table_pairs_each_row(tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_paragraph("○○市長")
    document.add_paragraph("質問に対する回答")
    table = document.add_table(rows=1, cols=3)
    for cell, head in zip(table.rows[0].cells, ["番号", "質問事項", "回答"], strict=True):
        cell.text = head
    for row in QA_ROWS:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    path = tmp_path / "qa.docx"
    document.save(str(path))
    record, _ = import_exchange(None, path)
    assert [it.ref for it in record.items] == ["1", "2", "3"]  # the table's own numbers
    for item, (_n, question, answer) in zip(record.items, QA_ROWS, strict=True):
        assert item.restated == question and item.answer == answer


def test_html_qa_table_pairs_with_a_numbered_question_file(tmp_path: Path):
    rows = "".join(f"<tr><td>{q}</td><td>{a}</td></tr>" for _n, q, a in QA_ROWS)
    page = tmp_path / "qa.html"
    page.write_text(
        f"<html><body><table><tr><th>ご質問</th><th>市の回答</th></tr>{rows}</table></body></html>",
        encoding="utf-8",
    )
    questions = tmp_path / "q.txt"
    questions.write_text(
        "質問書\n\n記\n\n" + "".join(f"問{n}　{q}\n" for n, q, _a in QA_ROWS) + "\n以上\n", encoding="utf-8"
    )
    record, summary = import_exchange(questions, page)
    assert [it.answer for it in record.items] == [a for _n, _q, a in QA_ROWS]
    assert summary.unmatched_reply == []


# ---- formats refused with advice ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("reply.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "古い Word 形式(.doc)"),
        ("reply.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", "RTF 形式"),
        ("renamed.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "古い Word 形式(.doc)"),
    ],
)
def test_doc_and_rtf_suggest_converting(tmp_path: Path, name: str, content: bytes, words: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        import_exchange(None, path)
    assert words in info.value.message
    assert "soffice --headless --convert-to docx" in info.value.message


def test_encoding_errors_name_file_and_line(tmp_path: Path):
    path = tmp_path / "q.txt"
    path.write_bytes("質問書\n\n記\n".encode() + b"(1) \xff\xfe bad\n")
    with pytest.raises(InputError) as info:
        import_exchange(path, None, encoding="utf-8")
    assert f"{path}:4:" in info.value.message


def test_unknown_encoding_name_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "q.txt"
    path.write_text("(1) 質問。\n", encoding="utf-8")
    with pytest.raises(InputError, match="知りません"):
        import_exchange(path, None, encoding="no-such-codec")


def test_ocr_without_ocrmypdf_says_what_to_install(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    path = _blank_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match="ocrmypdf が必要です"):
        import_exchange(None, path, ocr=True)


@pytest.mark.slow
def test_ocr_option_runs_ocrmypdf_and_reads_its_text_layer(tmp_path: Path, monkeypatch, text_import):
    """A stand-in `ocrmypdf` on PATH that 'recognizes' the page as the J-LIS reply."""
    import sys

    source = tmp_path / "reply.txt"
    shutil.copy(CLEAN_REPLY, source)
    recognized = soffice_convert(source, "pdf", tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "ocrmypdf"
    fake.write_text(
        f"#!{sys.executable}\nimport shutil, sys\n"
        f"assert sys.argv[1:4] == ['-l', 'jpn', '--skip-text'], sys.argv\n"
        f"shutil.copy({str(recognized)!r}, sys.argv[5])\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    scan = _blank_pdf(tmp_path / "scan.pdf")
    record, _ = import_exchange(QUESTIONS, scan, ocr=True)
    expected, _ = text_import
    assert_same_exchange(record, expected)


def test_html_with_entity_declarations_is_refused(tmp_path: Path):
    page = tmp_path / "lol.html"
    page.write_text(
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        "<html><body><p>(1) &b;</p></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="実体宣言"):
        import_exchange(None, page)


def test_pdf_page_whose_font_has_no_unicode_map_is_named():
    from followup.readers.pdf import _check_readable

    with pytest.raises(InputError) as info:
        _check_readable(Path("fax.pdf"), 2, [0xE001] * 50 + [ord("あ")] * 5)
    assert "fax.pdf: 3 ページ目" in info.value.message


def test_html_declaring_utf8_over_shift_jis_bytes_is_still_read(tmp_path: Path):
    page = tmp_path / "r.html"
    page.write_bytes(
        '<html><head><meta charset="utf-8"></head><body><p>(1) 名簿を公開するか。</p>'
        "<p>【回答】公開しません。</p></body></html>".encode("cp932")
    )
    record, _ = import_exchange(None, page)
    assert record.item("(1)").answer == "公開しません。"
