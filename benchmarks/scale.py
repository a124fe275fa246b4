"""import / triage / draft at 200 … 2,000 items: wall time and peak memory per command,
each in a fresh process (as a user runs them).  Usage: python benchmarks/scale.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write

SIZES = [200, 500, 1000, 2000]


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `followup` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "followup", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {args}: {proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    print(f"{'items':>6} | {'import s':>8} {'MB':>5} | {'triage s':>8} {'MB':>5} | {'draft s':>8} {'MB':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in SIZES:
            qp, rp = write(n, folder)
            record = folder / f"rec{n}.yaml"
            row = [run(["import", "-q", str(qp), "-r", str(rp), "-o", str(record)])]
            row.append(run(["triage", str(record), "--format", "json"]))
            row.append(run(["draft", str(record), "--accept-suggestions", "-o", str(folder / f"d{n}.docx")]))
            print(f"{n:>6} | " + " | ".join(f"{t:>8.2f} {m:>5.0f}" for t, m in row))
        start = time.perf_counter()
        run(["draft", "--accept-suggestions", "-o", str(folder / "jlis.docx")])
        print(f"J-LIS draft end to end: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
