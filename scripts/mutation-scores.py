#!/usr/bin/env python3
"""Prints the per-file table of a Stryker.NET JSON report (mutation-report.json) as Markdown, for docs/quality.md.

Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it; files with no tested
mutant (all ignored or compile errors) are left out. Usage: scripts/mutation-scores.py <mutation-report.json>
"""
import json
import sys
from collections import Counter

COLUMNS = ["Killed", "Survived", "NoCoverage", "Timeout"]


def main(path: str) -> None:
    with open(path, encoding="utf-8") as report:
        files = json.load(report)["files"]
    rows, total = [], Counter()
    for name in sorted(files):
        counts = Counter(m["status"] for m in files[name]["mutants"])
        if sum(counts[c] for c in COLUMNS) == 0:
            continue
        total.update({c: counts[c] for c in COLUMNS})
        rows.append((name.split("src/Reconnect.Core/")[-1], counts))
    rows.append(("**all measured files**", total))
    print("| file | killed | survived | no coverage | timeout | score |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, c in rows:
        detected = c["Killed"] + c["Timeout"]
        valid = detected + c["Survived"] + c["NoCoverage"]
        print(f"| {name} | {c['Killed']} | {c['Survived']} | {c['NoCoverage']} | {c['Timeout']} | {100 * detected / valid:.1f} % |")


if __name__ == "__main__":
    main(sys.argv[1])
