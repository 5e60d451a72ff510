#!/usr/bin/env python3
"""Recounts the repository activity's figures from data/activity.json, without the exporter's code.

The browser tests (tests/repositories.rs) expect these figures for the committed export, which
`export --activity data/activity.json` builds: `python3 scripts/recount-activity.py`.
"""
import collections
import json
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "data/activity.json"
with open(path, encoding="utf-8") as f:
    records = json.load(f)["activity"]

print("records", len(records))
print("repositories (distinct URLs)", len({r["url"] for r in records}))
defis = collections.defaultdict(list)
for r in records:
    defis[r["defi_id"]].append(r)
print("défis with a scanned repository", len(defis))
licensed = sum(any(r["openness"]["license_file"] for r in rs) for rs in defis.values())
print("défis with a licence file", licensed, "of", len(defis))
# Every commit lands in one week: the weeks' commits add up to each record's total.
print("commits", sum(w["commits"] for r in records for w in r["weeks"]),
      "(records' totals:", sum(r["commits"] for r in records), ")")
print("copies taken", min(r["copied_at"] for r in records), "to", max(r["copied_at"] for r in records))
