#!/usr/bin/env python3
"""Recounts the journal's figures from the raw CSV, without the exporter's code.

The native tests (crates/cli/tests/real_sources.rs) expect these figures; run this script to
see where they come from: `python3 scripts/recount-journal.py`.
"""
import collections
import csv
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "data/sources/eig-link-journal/journal-2018-full.csv"
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))

print("rows", len(rows))
letters = collections.Counter()
for row in rows:
    # A letter counts once per row, whatever its case or repetition; only the legend's letters.
    for letter in set(row["Cat"]) & set("ACDIMPSTU"):
        letters[letter] += 1
print("letters", dict(sorted(letters.items())))
labels = collections.Counter(row["Défi"].strip() for row in rows)
for label, n in sorted(labels.items()):
    print(f"label {label!r}: {n}")
moods = collections.Counter(row["OK"].strip() for row in rows)
print("moods", dict(moods))
dates = [row["Fait le"][1:11] for row in rows if row["Fait le"].startswith("<")]
print("dates", min(dates), max(dates))
odd = collections.Counter(c for row in rows for c in row["Cat"] if c not in "ACDIMPSTU")
print("letters outside the legend", dict(odd))
print("first", rows[0]["Fait le"], rows[0]["Tâche"])
