"""Triage on pages the rules had not yet seen: each corpus wave's tuning files, scored with the
code as it stood just before that wave was added.

The evaluation part is the honest test, but it is small (about 960 pairs) and may only be
looked at as a whole.  Every wave's *tuning* files were also unseen once: the commit that
added them was made before anyone read them.  Scoring them with the parent commit's code
gives a second, larger unseen measure (about 1,900 pairs) that may be studied item by item
without touching the evaluation part.  It is what the confidence levels in `classify.py`
are calibrated on: the table at the end says, for each label and confidence the old code
gave, how often that label was right on pages it had never seen.  With `--by-reason N`, a
second table groups the same verdicts by their kind of reason ("evasive: 方法を答えていません"),
which names the rules that carry worst to new pages.

The current code's figures on the same files are printed beside, to show how much of the
tuning score is hindsight.

Usage:
    PYTHONPATH=src python benchmarks/triage_unseen.py            # every wave
    PYTHONPATH=src python benchmarks/triage_unseen.py --last 6   # the six latest waves
    PYTHONPATH=src python benchmarks/triage_unseen.py --by-reason 5   # and the weakest rules

Needs the git history (a full clone) and about a minute.  Labels are read from the files as
they are now, so later label corrections count; files moved to eval since are left out.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from triage_accuracy import Scored, flag_scores

ROOT = Path(__file__).resolve().parent.parent
TUNE = "benchmarks/corpus/tune"

# Run inside the old code's tree: it must work with every version's API since the corpus began.
SCORER = r"""
import json, sys
from pathlib import Path
import yaml
from followup.records import Item
from followup.triage.classify import classify
from followup.triage.lexicon import load_lexicon
lexicon = load_lexicon()
for name in sys.stdin.read().split():
    data = yaml.safe_load(Path(name).read_text(encoding="utf-8")) or {}
    for raw in data.get("items") or []:
        if raw.get("ambiguous"):
            continue
        item = Item(ref=str(raw.get("id", "?")), question=raw.get("question") or "", answer=raw.get("answer"))
        verdict = classify(item, lexicon)
        print(json.dumps({"file": name, "ref": item.ref, "gold": raw["label"],
                          "also": list(raw.get("also") or ()), "got": verdict.label,
                          "confidence": getattr(verdict, "confidence", 1.0),
                          "reason": (getattr(verdict, "reasons", None) or ["-"])[0],
                          "trigger": bool(getattr(verdict, "trigger", None))}, ensure_ascii=False))
"""


@dataclass(frozen=True)
class Judged(Scored):
    """A scored item with the first reason the code gave and whether a phrase set it off."""

    reason: str = "-"
    triggered: bool = False


@dataclass(frozen=True)
class Wave:
    commit: str
    files: list[str]


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout


def waves() -> list[Wave]:
    """Commits that added tuning files, newest first, with the files still in tune today."""
    out = []
    for commit in git("log", "--diff-filter=A", "--format=%H", "--", TUNE).split():
        added = git("show", "--name-only", "--diff-filter=A", "--format=", commit, "--", TUNE).split()
        files = [str(ROOT / f) for f in added if (ROOT / f).is_file()]
        if files:
            out.append(Wave(commit, files))
    return out


def score(code: Path, files: list[str]) -> list[Judged]:
    """Classify the files' items with the code tree at `code`, in a separate interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", SCORER],
        input="\n".join(files),
        capture_output=True,
        text=True,
        cwd=code,
        env={"PYTHONPATH": str(code / "src"), "PATH": "/usr/bin:/bin"},
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "scorer failed")
    rows = []
    for line in done.stdout.splitlines():
        raw = json.loads(line)
        exchange, confidence = Path(raw["file"]).stem, float(raw["confidence"])
        rows.append(
            Judged(
                exchange,
                "",
                raw["ref"],
                raw["gold"],
                tuple(raw["also"]),
                raw["got"],
                confidence,
                raw.get("reason", "-"),
                bool(raw.get("trigger")),
            )
        )
    return rows


def unpack(commit: str, into: Path) -> Path:
    """The code (not the corpus) as it stood at `commit`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "src", "templates"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def line(rows: list[Scored]) -> str:
    p, r, f1 = flag_scores(rows, lenient=False)
    right = sum(r_.right for r_ in rows)
    return f"P {p:.2f} R {r:.2f} F1 {f1:.2f}  label {right:>3}/{len(rows):<3}"


def reliability(rows: list[Scored]) -> None:
    """How often each (label, confidence) of the old code was right on unseen pages."""
    cells: dict[tuple[str, float], list[Scored]] = defaultdict(list)
    for r in rows:
        cells[(r.got, round(r.confidence, 2))].append(r)
    print(f"{'label':<12}{'conf':>6}{'n':>5}{'label right':>13}{'flag right':>12}  gold labels")
    for (label, conf), group in sorted(cells.items()):
        right = sum(r.right for r in group)
        flag_right = sum((r.gold != "answered") == (r.got != "answered") for r in group)
        golds = ", ".join(f"{g} {n}" for g, n in Counter(r.gold for r in group).most_common(4))
        print(
            f"{label:<12}{conf:>6.2f}{len(group):>5}{right / len(group):>13.2f}"
            f"{flag_right / len(group):>12.2f}  {golds}"
        )


QUOTED = re.compile(r"「[^「」]*(?:「[^」]*」[^「」]*)*」")


def reason_type(row: Judged) -> str:
    """The verdict's kind of reason, with the quoted words and the sub-question left out, so
    that verdicts given for the same reason group together ("evasive: 方法を答えていません")."""
    text = QUOTED.sub("「…」", row.reason)
    text = re.sub(r"^.*?について、", "", text)
    text = re.sub(r"[(（].*", "", text)
    return f"{row.got:<11} {'phrase' if row.triggered else '-':<6} {text[:48]}"


def by_reason(rows: list[Judged], least: int) -> None:
    """How often each kind of verdict was right on first sight: the weakest rules show here."""
    groups: dict[str, list[Judged]] = defaultdict(list)
    for r in rows:
        groups[reason_type(r)].append(r)
    print(f"{'n':>5}{'right':>7}  {'label, phrase, reason':<68}gold labels of the wrong ones")
    for key, group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(group) < least:
            continue
        right = sum(r.right for r in group)
        wrong = Counter(r.gold for r in group if not r.right)
        golds = ", ".join(f"{g} {n}" for g, n in wrong.most_common(4))
        print(f"{len(group):>5}{right / len(group):>7.2f}  {key:<68}{golds}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--last", type=int, default=0, help="only the N latest waves")
    parser.add_argument(
        "--by-reason",
        type=int,
        default=0,
        metavar="N",
        help="also group the first-sight verdicts by their reason (groups of N or more)",
    )
    args = parser.parse_args(argv)
    found = waves()[: args.last or None]
    unseen: list[Judged] = []
    now: list[Judged] = []
    print(f"{'wave':<9}{'pairs':>6}  {'unseen (code before the wave)':<40}{'now (current code)'}")
    with tempfile.TemporaryDirectory() as tmp:
        for wave in found:
            try:
                before = score(unpack(f"{wave.commit}^", Path(tmp) / wave.commit), wave.files)
            except (RuntimeError, subprocess.CalledProcessError) as error:
                print(f"{wave.commit[:7]:<9} skipped: the code before it does not run here ({error})")
                continue
            after = score(ROOT, wave.files)
            unseen += before
            now += after
            print(f"{wave.commit[:7]:<9}{len(before):>6}  {line(before):<40}{line(after)}")
    if not unseen:
        print("no wave could be scored")
        return
    print(f"{'all':<9}{len(unseen):>6}  {line(unseen):<40}{line(now)}")
    print()
    print("How often the old code's label was right, by the confidence it gave (unseen pages):")
    reliability(unseen)
    if args.by_reason:
        print()
        print("How often each kind of verdict was right on first sight (unseen pages):")
        by_reason(unseen, args.by_reason)


if __name__ == "__main__":
    main(sys.argv[1:])
