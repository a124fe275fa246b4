"""Opening Word packages from outside safely, for import and for `--reference-docx`.

A .docx is a zip of XML parts.  Before python-docx (or anything else) sees one, `open_docx`
reads every part with caps on what is actually decompressed (each part, the total, the
compression ratio, the number of parts), refuses DTDs and entity declarations anywhere in
any XML part (the whole part is scanned, in every encoding XML allows), and parses each
XML part so that a malformed one is named in a Japanese message instead of a traceback.

`sanitize_reference_docx` builds, from a checked package, a new package that keeps only
what a reference document is for (styles, numbering, fonts, theme, headers and footers,
page setup) and reports in Japanese everything it dropped: external relationships (an
`attachedTemplate` on a remote server), macros, ActiveX, embedded objects and fonts.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from followup.errors import InputError
from followup.textio import MB, read_bytes_capped

MAX_DOCX_BYTES = 20 * MB  # the package file itself
MAX_PART_BYTES = 50 * MB  # one decompressed part
MAX_TOTAL_BYTES = 200 * MB  # all decompressed parts together
MAX_RATIO = 200  # decompressed / compressed, for parts over 1 MB
MAX_PARTS = 2000
_READ_CHUNK = 256 * 1024

# "<!DOCTYPE" or "<!ENTITY" as UTF-8/ASCII and as UTF-16 in either byte order.
_DTD_MARKERS = tuple(
    enc
    for word in ("<!DOCTYPE", "<!ENTITY")
    for enc in (word.encode("ascii"), word.encode("utf-16-le"), word.encode("utf-16-be"))
)
_MARKER_OVERLAP = max(len(m) for m in _DTD_MARKERS)

MAIN_PART = "word/document.xml"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = NS_R + "/"
_MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass
class DocxPackage:
    """The checked parts of a .docx, by zip name (no leading slash)."""

    path: Path
    parts: dict[str, bytes] = field(default_factory=dict)

    def is_xml(self, name: str) -> bool:
        return _is_xml_name(name)


def _is_xml_name(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml")) or name == "[Content_Types].xml"


def open_docx(path: Path, data: bytes | None = None, *, what: str = ".docx(Word 文書)") -> DocxPackage:
    """Read and check a Word package; raises InputError naming the file (and part)."""
    if data is None:
        data = read_bytes_capped(path, MAX_DOCX_BYTES)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(f"{path}: {what}として開けません(zip 形式ではありません)。") from exc
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > MAX_PARTS:
            raise InputError(
                f"{path}: 部品の数が多すぎる {what}です({len(infos)} 個)。読み込みを中止しました。"
            )
        package = DocxPackage(path)
        total = 0
        for info in infos:
            content = _read_part(path, archive, info, MAX_TOTAL_BYTES - total)
            total += len(content)
            package.parts[info.filename] = content
    if MAIN_PART not in package.parts:
        raise InputError(f"{path}: Word 文書の本文(word/document.xml)がありません。")
    for name, content in package.parts.items():
        if _is_xml_name(name):
            check_xml_part(path, name, content)
    return package


def _bomb(path: Path) -> InputError:
    return InputError(f"{path}: 展開後の大きさが異常な .docx です(zip 爆弾の疑い)。読み込みを中止しました。")


def _read_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """One part, decompressed in chunks and counted as it comes (headers can lie)."""
    limit = min(MAX_PART_BYTES, budget)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as part:
            while chunk := part.read(_READ_CHUNK):
                size += len(chunk)
                if size > limit or (size > MB and size / max(info.compress_size, 1) > MAX_RATIO):
                    raise _bomb(path)
                chunks.append(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise InputError(f"{path}: 壊れた .docx です({info.filename} を展開できません)。") from exc
    return b"".join(chunks)


def check_xml_part(path: Path, name: str, content: bytes) -> None:
    """Refuse DTDs/entities anywhere in the part; refuse malformed XML, naming the part."""
    if any(marker in content for marker in _DTD_MARKERS):
        raise InputError(f"{path}: DTD・外部実体を含む .docx は読み込めません({name})。")
    from lxml import etree  # lazily: only when a package is opened

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: {name} の XML が壊れています({exc.msg}、{exc.lineno} 行目)。") from exc


# ---- reference documents ---------------------------------------------------------------


class Sanitized(NamedTuple):
    data: bytes
    dropped: list[str]


_KEEP_REL_TYPES = {
    _REL + "styles",
    _REL + "numbering",
    _REL + "fontTable",
    _REL + "theme",
    _REL + "header",
    _REL + "footer",
    _REL + "image",  # pictures in headers and footers (a logo)
    _REL + "settings",  # required by Word; reduced to layout settings below
}
# Settings that point outside, carry data or lock the document: removed from settings.xml
_SETTINGS_DROP = {
    "attachedTemplate",
    "mailMerge",
    "docVars",
    "documentProtection",
    "writeProtection",
    "attachedSchema",
    "saveThroughXslt",
    "linkStyles",
    "rsids",
    "hdrShapeDefaults",
}
_DANGEROUS = {
    "vbaProject": "マクロ(VBA)",
    "control": "ActiveX コントロール",
    "oleObject": "埋め込みオブジェクト(OLE)",
    "package": "埋め込みファイル",
    "attachedTemplate": "テンプレートへの参照",
    "font": "埋め込みフォント",
}
_SILENT_DROPS = {"rsids", "hdrShapeDefaults", "linkStyles"}  # bookkeeping, not worth a line
_ACTIVE_ELEMENTS = ("object", "control", "embedRegular", "embedBold", "embedItalic", "embedBoldItalic")


def sanitize_reference_docx(path: Path, data: bytes | None = None) -> Sanitized:
    """A new .docx holding only what a reference document is for, and what was dropped.

    Kept: the main document reduced to its page setup (the last `w:sectPr`), styles,
    numbering, font table (without embedded fonts), theme, headers and footers (with their
    internal pictures), and the layout settings (without template, mail merge, variables,
    protection).  Dropped, each reported in Japanese: external relationships (a remote
    `attachedTemplate`), macros, ActiveX, embedded objects and fonts, document properties,
    the body text.
    """
    package = open_docx(path, data, what="参照用の .docx")
    dropped: list[str] = []
    kept: dict[str, bytes] = {}
    queue = [MAIN_PART]
    while queue:
        name = queue.pop()
        if name in kept:
            continue
        rels_name = _rels_name(name)
        targets, rels_xml = _filter_rels(package, name, dropped)
        kept[name] = _strip_part(package.parts[name], name, targets.keys(), dropped)
        if rels_xml is not None:
            kept[rels_name] = rels_xml
        queue.extend(t for t in targets.values() if t in package.parts)
    _report_unreached(package, kept, dropped)
    kept["_rels/.rels"] = _root_rels()
    kept["[Content_Types].xml"] = _content_types(package, kept)
    return Sanitized(_zip(kept), dropped)


def _rels_name(name: str) -> str:
    p = PurePosixPath(name)
    return str(p.parent / "_rels" / (p.name + ".rels"))


def _rels_source(rels_name: str) -> str:
    """「word/_rels/settings.xml.rels」 → 「word/settings.xml」."""
    p = PurePosixPath(rels_name)
    return str(p.parent.parent / p.name.removesuffix(".rels"))


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in (str(PurePosixPath(source).parent) + "/" + target).split("/"):
        if piece in {"", "."}:
            continue
        if piece == "..":
            if parts:
                parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts)


def _filter_rels(package: DocxPackage, name: str, dropped: list[str]) -> tuple[dict[str, str], bytes | None]:
    """Relationships of `name` that are kept (id → internal target), and the new .rels XML."""
    from lxml import etree

    raw = package.parts.get(_rels_name(name))
    if raw is None:
        return {}, None
    root = etree.fromstring(raw)
    kept: dict[str, str] = {}
    for rel in list(root):
        rel_type = rel.get("Type", "")
        target = rel.get("Target", "")
        short = rel_type.rsplit("/", 1)[-1]
        if rel.get("TargetMode") == "External":
            label = "テンプレートへの外部参照" if short == "attachedTemplate" else "外部への参照"
            dropped.append(f"{label}を削除しました({short} → {target})")
        elif rel_type in _KEEP_REL_TYPES and not (short == "image" and name == MAIN_PART):
            kept[rel.get("Id", "")] = _resolve(name, target)
            continue
        elif short in _DANGEROUS or "vbaProject" in target:
            label = _DANGEROUS.get(short, "マクロ(VBA)")
            dropped.append(f"{label}を削除しました({_resolve(name, target)})")
        root.remove(rel)
    if len(root) == 0:
        return kept, None  # nothing left to point at: no .rels part at all
    return kept, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _strip_part(content: bytes, name: str, kept_ids: Collection[str], dropped: list[str]) -> bytes:
    """Remove active content and dangling references from an XML part; reduce the body."""
    if not _is_xml_name(name):
        return content
    from lxml import etree

    root = etree.fromstring(content)
    if name == MAIN_PART:
        _reduce_body(root, dropped)
    removed: list[str] = []
    for element in list(root.iter()):
        local = etree.QName(element).localname if isinstance(element.tag, str) else ""
        parent = element.getparent()
        if parent is not None and _drops(element, local, name, kept_ids):
            parent.remove(element)
            removed.append(local)
    notable = sorted({n for n in removed if n not in _SILENT_DROPS})
    if notable:
        dropped.append(f"{name} から次の要素を削除しました: {'、'.join(notable)}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drops(element: Any, local: str, name: str, kept_ids: Collection[str]) -> bool:
    """Active content, settings that reach outside, and references to dropped parts."""
    if local in _ACTIVE_ELEMENTS or (name.endswith("settings.xml") and local in _SETTINGS_DROP):
        return True
    refs = [v for k, v in element.attrib.items() if k.startswith("{" + NS_R + "}")]
    return any(r not in kept_ids for r in refs)


def _reduce_body(root: object, dropped: list[str]) -> None:
    """Keep only the body's own page setup (its last `w:sectPr`)."""
    body = root.find(f"{{{NS_W}}}body")  # type: ignore[attr-defined]
    if body is None:
        return
    children = list(body)
    setups = [c for c in children if str(c.tag).endswith("}sectPr")]
    keep = setups[-1] if setups else None
    if any(c is not keep for c in children):
        dropped.append("本文を削除しました(参照用の .docx からは書式だけを使います)")
    for child in children:
        if child is not keep:
            body.remove(child)


def _report_unreached(package: DocxPackage, kept: dict[str, bytes], dropped: list[str]) -> None:
    """Name what was left behind that matters: macros, ActiveX, embedded objects, and the
    external references of parts not kept (settings' remote `attachedTemplate`)."""
    _report_external_links(package, kept, dropped)
    for name in sorted(package.parts):
        if name in kept or name.endswith(".rels") or name == "[Content_Types].xml":
            continue
        if "vbaProject" in name or (name.endswith(".bin") and "vba" in name.lower()):
            label = "マクロ(VBA)"
        elif name.startswith("word/activeX/"):
            label = "ActiveX コントロール"
        elif name.startswith("word/embeddings/"):
            label = "埋め込みオブジェクト"
        else:
            continue
        message = f"{label}を削除しました({name})"
        if not any(name in d for d in dropped):
            dropped.append(message)


def _report_external_links(package: DocxPackage, kept: dict[str, bytes], dropped: list[str]) -> None:
    from lxml import etree

    for name in sorted(package.parts):
        if not name.endswith(".rels") or _rels_source(name) in kept or name == "_rels/.rels":
            continue  # the relationships of kept parts were reported as they were filtered
        for rel in etree.fromstring(package.parts[name]):
            if rel.get("TargetMode") != "External":
                continue
            short = rel.get("Type", "").rsplit("/", 1)[-1]
            label = "テンプレートへの外部参照" if short == "attachedTemplate" else "外部への参照"
            dropped.append(f"{label}を削除しました({short} → {rel.get('Target', '')})")


def _root_rels() -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{NS_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    ).encode()


def _content_types(package: DocxPackage, kept: dict[str, bytes]) -> bytes:
    """Content types for the kept parts only; a macro-enabled or template main part becomes a document."""
    from lxml import etree

    source = package.parts.get("[Content_Types].xml")
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {
        "rels": "application/vnd.openxmlformats-package.relationships+xml",
        "xml": "application/xml",
    }
    if source is not None:
        for el in etree.fromstring(source):
            local = etree.QName(el).localname
            if local == "Default" and el.get("Extension", "").lower() not in {"bin"}:
                defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
            elif local == "Override":
                overrides[el.get("PartName", "").lstrip("/")] = el.get("ContentType", "")
    overrides[MAIN_PART] = _MAIN_CT
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{NS_CT}">']
    out += [f'<Default Extension="{ext}" ContentType="{ct}"/>' for ext, ct in sorted(defaults.items())]
    out += [
        f'<Override PartName="/{name}" ContentType="{ct}"/>'
        for name, ct in sorted(overrides.items())
        if name in kept
    ]
    out.append("</Types>")
    return "".join(out).encode()


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", parts["[Content_Types].xml"])
        for name, content in parts.items():
            if name != "[Content_Types].xml":
                archive.writestr(name, content)
    return buffer.getvalue()
