"""Speed of `followup report`: a synthetic 2,000-item exchange, imported once, then the
report written (the case opened and judged, the page built and written) as HTML and as
Markdown.  Target: under 2 s each.

Usage: python benchmarks/report_speed.py [ITEMS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write

from followup.importer import import_exchange
from followup.records import save_record
from followup.report import ReportOptions
from followup.report.service import ReportRequest, run_report

TARGET_SECONDS = 2.0


def timed(record: Path, output: Path) -> float:
    start = time.perf_counter()
    run_report(ReportRequest(record=record, output=output, options=ReportOptions()))
    return time.perf_counter() - start


def main() -> int:
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        qp, rp = write(items, folder)
        record, _ = import_exchange(qp, rp)
        path = folder / "exchange.yaml"
        save_record(record, path)
        slowest = 0.0
        for name in ("report.html", "report.md"):
            seconds = timed(path, folder / name)
            size = (folder / name).stat().st_size
            print(f"report {len(record.items)} items → {name}: {seconds:.2f} s, {size / 1e6:.1f} MB")
            slowest = max(slowest, seconds)
    ok = slowest < TARGET_SECONDS
    print(f"{'ok' if ok else 'TOO SLOW'}: slowest {slowest:.2f} s (target {TARGET_SECONDS:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
