"""Writing the letter as a .docx that opens cleanly in Word and LibreOffice.

python-docx covers paragraphs, tables and page setup; the East Asian font, the ja-JP
language and real footnotes need OOXML by hand (see shared notes on Japanese .docx).
Numbers are literal text with hanging indents, never Word auto-numbering.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from followup.draft.content import Letter

DEFAULT_FONT = "IPAex明朝"
# Word on Windows and macOS lacks IPAex明朝; the font table names ＭＳ 明朝 as its stand-in
# (and marks it a Shift_JIS serif), so Word shows 明朝 too instead of a gothic fallback.
WORD_ALT_FONT = "ＭＳ 明朝"
_COLUMN_MM = (22, 68, 30, 40)  # the appendix: ref, question, state, words of the answer (160 mm)

_FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _set_east_asian(rpr: Any, font: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "ja-JP")
    lang.set(qn("w:eastAsia"), "ja-JP")


def _setup_fonts(document: Any, font: str) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    styles_el = document.styles.element
    rpr = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_east_asian(rpr, font)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    _set_east_asian(normal.element.get_or_add_rPr(), font)


def _declare_font(document: Any, font: str) -> None:
    """Describe `font` in fontTable.xml with an altName Word can substitute."""
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    for old in root.findall(f"{{{w}}}font"):
        if old.get(f"{{{w}}}name") == font:
            root.remove(old)
    entry = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": font})
    if font != WORD_ALT_FONT:
        etree.SubElement(entry, f"{{{w}}}altName", {f"{{{w}}}val": WORD_ALT_FONT})
    for tag, value in (
        ("panose1", "02020609040205080304"),
        ("charset", "80"),
        ("family", "roman"),
        ("pitch", "fixed"),
    ):
        etree.SubElement(entry, f"{{{w}}}{tag}", {f"{{{w}}}val": value})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_styles_with_effects(document: Any) -> None:
    """python-docx's template carries a Word 2010 `stylesWithEffects` copy of the styles;
    once the defaults change it disagrees with styles.xml, which Word may "repair"."""
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rel_id)


def _add_footnote_styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    styles = document.styles
    if "Footnote Text" not in [s.name for s in styles]:
        text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        text.base_style = styles["Normal"]
        text.font.size = Pt(9)
    if "Footnote Reference" not in [s.name for s in styles]:
        ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        ref.font.superscript = True


class _Footnotes:
    """A /word/footnotes.xml part and the references that point into it."""

    def __init__(self, document: Any) -> None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml import parse_xml

        self.document = document
        main = document.part
        self.part = XmlPart(
            PackURI("/word/footnotes.xml"),
            _FOOTNOTES_CT,
            parse_xml(_FOOTNOTES_XML.encode("utf-8")),
            main.package,
        )
        main.relate_to(self.part, _FOOTNOTES_RT)
        self.next_id = 1
        style_ids = {s.name: s.style_id for s in document.styles}
        self.text_style = style_ids["Footnote Text"]
        self.ref_style = style_ids["Footnote Reference"]

    def _styled_run(self, child: Any) -> Any:
        """A `w:r` in the footnote-reference style holding `child` (the mark, both ends)."""
        return _el("w:r", _el("w:rPr", _el("w:rStyle", val=self.ref_style)), child)

    def add(self, paragraph: Any, text: str) -> None:
        note_id = str(self.next_id)
        self.next_id += 1
        paragraph._p.append(self._styled_run(_el("w:footnoteReference", id=note_id)))
        body = _el("w:t", text=" " + text)
        body.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        paragraph_xml = _el(
            "w:p",
            _el("w:pPr", _el("w:pStyle", val=self.text_style)),
            self._styled_run(_el("w:footnoteRef")),
            _el("w:r", body),
        )
        self.part.element.append(_el("w:footnote", paragraph_xml, id=note_id))


def _el(
    tag: str, *children: Any, val: str | None = None, id: str | None = None, text: str | None = None
) -> Any:
    """An OOXML element with its `w:val` / `w:id` attribute, children and text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    if val is not None:
        element.set(qn("w:val"), val)
    if id is not None:
        element.set(qn("w:id"), id)
    if text is not None:
        element.text = text
    for child in children:
        element.append(child)
    return element


class _Writer:
    """Paragraph by paragraph, in the order a Japanese formal letter reads."""

    def __init__(self, document: Any) -> None:
        self.document = document

    def para(
        self,
        text: str = "",
        align: Any = None,
        *,
        indent_mm: float = 0,
        hanging_mm: float = 0,
        bold: bool = False,
        size: float | None = None,
        space_after: float = 0,
    ) -> Any:
        from docx.shared import Mm, Pt

        p = self.document.add_paragraph()
        if text:
            run = p.add_run(text)
            run.bold = bold
            if size:
                run.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        fmt = p.paragraph_format
        fmt.space_after = Pt(space_after)
        if indent_mm or hanging_mm:
            fmt.left_indent = Mm(indent_mm + hanging_mm)
            fmt.first_line_indent = Mm(-hanging_mm)
        return p

    def opening(self, letter: Letter) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Mm, Pt

        self.para(letter.date, WD_ALIGN_PARAGRAPH.RIGHT)
        self.para()
        self.para(letter.addressee)
        self.para()
        for line in letter.sender:
            self.para(line, WD_ALIGN_PARAGRAPH.RIGHT)
        self.para()
        title = self.para("", WD_ALIGN_PARAGRAPH.CENTER, space_after=12)
        for i, line in enumerate(letter.title_lines):
            run = title.add_run(line)
            run.bold = True
            run.font.size = Pt(14)
            if i < len(letter.title_lines) - 1:
                run.add_break(WD_BREAK.LINE)
        for paragraph in letter.opening:
            self.para(paragraph, space_after=3).paragraph_format.first_line_indent = Mm(3.7)
        self.para("記", WD_ALIGN_PARAGRAPH.CENTER, space_after=6)

    def body(self, letter: Letter, notes: _Footnotes | None) -> None:
        """The numbered follow-ups, each with its footnote when footnotes were asked for."""
        for heading in letter.headings:
            line = "　".join(part for part in (heading.number, heading.title) if part)
            if line:
                self.para(line, bold=True, hanging_mm=8 if heading.number else 0, space_after=3)
            indent = 4 if heading.number else 0
            for q in heading.questions:
                mark = letter.high_mark if q.high else ""
                p = self.para(f"{q.number}　{mark}{q.text}", indent_mm=indent, hanging_mm=8, space_after=6)
                if q.citation and notes is not None:
                    notes.add(p, q.citation)

    def closing(self, letter: Letter) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm

        for paragraph in letter.closing:
            self.para(paragraph, space_after=3).paragraph_format.first_line_indent = Mm(3.7)
        self.para("以上", WD_ALIGN_PARAGRAPH.RIGHT, space_after=6)
        if letter.contact:
            self.para()
            for line in letter.contact.split("\n"):
                self.para(line)

    def appendix(self, letter: Letter) -> None:
        """The 別紙 on a page of its own: header row repeated, rows never split."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_BREAK
        from docx.shared import Mm, Pt

        self.para().add_run().add_break(WD_BREAK.PAGE)
        self.para(letter.appendix_heading, space_after=3)
        self.para(letter.appendix_title, bold=True, space_after=6)
        table = self.document.add_table(rows=1, cols=len(letter.appendix_columns))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, name in zip(table.rows[0].cells, letter.appendix_columns, strict=True):
            cell.text = name
        self.document.styles["Table Grid"].font.size = Pt(8)  # the appendix is the only table
        for row in letter.appendix:
            cells = table.add_row().cells
            for cell, value in zip(cells, (row.ref, row.gist, row.label, row.trigger), strict=True):
                cell.text = value
        for i, row in enumerate(table.rows):
            for cell, width in zip(row.cells, _COLUMN_MM, strict=False):
                cell.width = Mm(width)
            properties = row._tr.get_or_add_trPr()
            properties.append(_el("w:cantSplit"))
            if i == 0:
                properties.append(_el("w:tblHeader"))
        self.para(letter.appendix_note, size=8)


def _page_numbers(document: Any) -> None:
    """「- 1 -」 centred in the footer of every page (a PAGE field)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("- ")
    field = _el("w:fldSimple", _el("w:r", _el("w:t", text="1")))
    field.set(qn("w:instr"), " PAGE ")
    paragraph._p.append(field)
    paragraph.add_run(" -")


def _new_document(reference: Path | bytes | None) -> Any:
    """A blank A4 document, or the reference document emptied of its text (styles kept).
    The reference comes as the bytes `ooxml.sanitize_reference_docx` made of it."""
    import docx
    from docx.shared import Mm

    source = (
        io.BytesIO(reference) if isinstance(reference, bytes) else (str(reference) if reference else None)
    )
    document = docx.Document(source)
    if reference:
        body = document.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
        return document
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(30)
    section.left_margin = section.right_margin = Mm(25)
    return document


def _set_properties(document: Any, letter: Letter, created: dt.datetime | None) -> None:
    props = document.core_properties
    props.title = letter.title
    props.author = letter.author
    props.last_modified_by = letter.author
    props.created = props.modified = created or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.comments = ""


def build_docx(
    letter: Letter,
    *,
    font: str = DEFAULT_FONT,
    footnotes: bool = False,
    appendix: bool = False,
    reference: Path | bytes | None = None,
    created: dt.datetime | None = None,
) -> bytes:
    document = _new_document(reference)
    _drop_styles_with_effects(document)
    _setup_fonts(document, font)
    _declare_font(document, font)
    _add_footnote_styles(document)
    writer = _Writer(document)
    writer.opening(letter)
    writer.body(letter, _Footnotes(document) if footnotes else None)
    writer.closing(letter)
    if appendix:
        writer.appendix(letter)
    _page_numbers(document)
    _set_properties(document, letter, created)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
