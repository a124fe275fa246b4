"""Import speed of a PDF reply: a synthetic exchange rendered to about 100 A4 pages by
LibreOffice, then imported against its 質問書 (the target is under 3 s).

Usage: python benchmarks/import_pdf.py [PAGES]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write

from followup.importer import import_exchange
from followup.office import convert, soffice

TARGET_SECONDS = 3.0
ITEMS_PER_PAGE = 19.0  # measured: LibreOffice sets 18 to 19 synthetic items on an A4 page


def render_pdf(source: Path, folder: Path) -> Path:
    if soffice() is None:
        sys.exit("LibreOffice (soffice) is needed to make the PDF")
    return convert(source, "pdf", folder, timeout=300)


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def main() -> None:
    pages_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        questions, reply = write(round(pages_wanted * ITEMS_PER_PAGE), folder)
        pdf = render_pdf(reply, folder)
        pages = page_count(pdf)
        start = time.perf_counter()
        record, summary = import_exchange(questions, pdf)
        elapsed = time.perf_counter() - start
        text_record, _ = import_exchange(questions, reply)
    same = sum(1 for a, b in zip(record.items, text_record.items, strict=True) if a.answer == b.answer)
    verdict = "OK" if elapsed < TARGET_SECONDS else "TOO SLOW"
    print(f"PDF reply: {pages} pages, {len(record.items)} items ({summary.answered} answered)")
    print(f"import: {elapsed:.2f} s (target < {TARGET_SECONDS:.0f} s) {verdict}")
    print(f"answers identical to the text import: {same}/{len(record.items)}")


if __name__ == "__main__":
    main()
