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
    read = list(csv.DictReader(f))

# A row identical, cell for cell (trimmed), to an earlier one is the same entry pasted twice in
# the source: counted once, as the exporter does.
rows, seen = [], set()
for row in read:
    cells = tuple(v.strip() for v in row.values())
    if cells not in seen:
        seen.add(cells)
        rows.append(row)
print("rows read", len(read), "repeated", len(read) - len(rows))
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

# Journal entries per dashboard filter (crates/core/tests/real_export.rs, KEY_FIGURES and the
# busiest week). The défis' administration, promotion and skills are the export's inputs; the
# rows, their dates and their labels come from the CSV above. A label names its défi by this
# table (the spellings the fidelity report lists); EIG Node is no défi.
import datetime
import json

LABELS = {
    "Archifiltre": "archifiltre",
    "b@liseNAV": "b-lisenav",
    "BrigadeNumérique": "brigade-numerique",
    "CoachÉlève": "coacheleves",
    "CoachÉlèves": "coacheleves",
    "DataESR": "dataesr",
    "EIG Link": "eig-link-2018",
    "EIG Node": None,
    "Gobelins": "gobelins",
    "Hopkins": "hopkins",
    "Lab Santé": "lab-sante",
    "Prédisauvetage": "predisauvetage",
    "Prévisecours": "previsecours",
    "Signaux Faibles": "signaux-faibles",
    "SocialConnect": "social-connect",
}
export_path = sys.argv[2] if len(sys.argv) > 2 else "public/data/export.json"
with open(export_path, encoding="utf-8") as f:
    export = json.load(f)
parent = {a["id"]: a["parent_id"] for a in export["administrations"]}


def within(admin, ancestor):
    while admin is not None:
        if admin == ancestor:
            return True
        admin = parent.get(admin)
    return False


def day(row):
    return row["Fait le"][1:11]


def entries(admin=None, promo=None, skill=None, start=None, end=None):
    """Rows kept by the filters: a row of a kept défi, or of no défi when only dates filter."""
    kept = {
        d["id"]
        for d in export["defis"]
        if (admin is None or within(d["administration_id"], admin))
        and (promo is None or d["promotion_id"] == promo)
        and (skill is None or skill in d["skills"])
        and (start is None or d["year"] >= int(start[:4]))
        and (end is None or d["year"] <= int(end[:4]))
    }
    narrows = admin or promo or skill
    n = 0
    for row in rows:
        defi = LABELS[row["Défi"].strip()]
        if (start is None or day(row) >= start) and (end is None or day(row) <= end):
            n += defi in kept if defi else not narrows
    return n


print("entries, all", entries())
print("entries, admin=ministere-de-l-interieur", entries(admin="ministere-de-l-interieur"))
print("entries, promo=2", entries(promo="2"))
print("entries, promo=2&skill=design", entries(promo="2", skill="design"))
print("entries, March 2018", entries(start="2018-03-01", end="2018-03-31"))
print("entries, admin=ministere-de-l-interieur&promo=dig",
      entries(admin="ministere-de-l-interieur", promo="dig"))

# Weeks by Monday: entries, and those whose category letters include P.
weeks = collections.Counter()
production = collections.Counter()
for row in rows:
    d = datetime.date.fromisoformat(day(row))
    monday = (d - datetime.timedelta(days=d.weekday())).isoformat()
    weeks[monday] += 1
    production[monday] += "P" in row["Cat"]
print("weeks", len(weeks), min(weeks), max(weeks))
busiest = max(weeks, key=weeks.get)
print("busiest week", busiest, weeks[busiest], "entries,", production[busiest], "in production")

# Task mix per défi: mentions (each legend letter of a row once, or one « other » mention),
# the production letter's share; the largest share first.
mentions = collections.Counter()
made = collections.Counter()
for row in rows:
    defi = LABELS[row["Défi"].strip()]
    if defi:
        found = set(row["Cat"]) & set("ACDIMPSTU")
        mentions[defi] += max(1, len(found))
        made[defi] += "P" in found
mix = sorted(mentions, key=lambda d: -made[d] / mentions[d])
print("mix", len(mix), "défis; first", mix[0], made[mix[0]], "of", mentions[mix[0]], "mentions in production;",
      "next", mix[1], made[mix[1]], "of", mentions[mix[1]])
print("weeks by Monday", sorted(weeks.items()))
# Défis with at least one row of each letter (tests/components.rs keeps one series on the
# 100 % bars: the bars of défis without it vanish).
having = collections.defaultdict(set)
for row in rows:
    defi = LABELS[row["Défi"].strip()]
    for letter in set(row["Cat"]) & set("ACDIMPSTU") if defi else ():
        having[letter].add(defi)
print("défis per letter", {letter: len(having[letter]) for letter in "ACDIMPSTU"})

# `eig-pulse synth --scale 2` copies every row twice, renaming copy 1's labels « S1 … »: the rows
# of no défi are EIG Node's, twice (crates/cli/tests/real_sources.rs).
print("synthetic ×2: rows read", 2 * len(read), "of no défi", 2 * labels["EIG Node"],
      "défis with rows", 2 * len({d for d in LABELS.values() if d}))
