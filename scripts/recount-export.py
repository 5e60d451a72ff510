#!/usr/bin/env python3
"""Recounts the dashboard's key figures from the export, without the project's code.

The tests expect these figures (crates/core/tests/real_export.rs, KEY_FIGURES; tests/e2e.rs,
the Ministry of the Interior's figures); run this script to see where they come from:
`python3 scripts/recount-export.py [export.json]`. One line per query: défis, administrations
(distinct hosts of the kept défis), EIG, mentors (distinct), journal entries, défis with code.

Rules, as the dashboard states them: an administration keeps the défis of its directorates and
services too (the parent chain); a period keeps the défis whose year lies within the period's
years and the journal rows dated within it; journal rows of no défi count only while no filter
on administration, promotion, skill or technology narrows the défis.
"""
import json
import sys
import urllib.parse

path = sys.argv[1] if len(sys.argv) > 1 else "public/data/export.json"
with open(path, encoding="utf-8") as f:
    export = json.load(f)

parent = {a["id"]: a.get("parent_id") for a in export["administrations"]}


def under(admin, chosen):
    """True when `admin` is `chosen` or lies under it (at most 17 steps, as the contract)."""
    for _ in range(17):
        if admin is None:
            return False
        if admin == chosen:
            return True
        admin = parent.get(admin)
    return False


def figures(query):
    q = dict(urllib.parse.parse_qsl(query))
    first = int(q["from"][:4]) if "from" in q else None
    last = int(q["to"][:4]) if "to" in q else None
    defis = [
        d
        for d in export["defis"]
        if ("admin" not in q or under(d["administration_id"], q["admin"]))
        and ("promo" not in q or d["promotion_id"] == q["promo"])
        and ("skill" not in q or q["skill"] in d["skills"])
        and (first is None or d["year"] >= first)
        and (last is None or d["year"] <= last)
    ]
    kept = {d["id"] for d in defis}
    # A period keeps défis by year but does not narrow the défis for rows that name none.
    narrows = any(k in q for k in ("admin", "promo", "skill", "tech"))
    journal = [
        e
        for e in export["journal"]
        if ("from" not in q or e["date"] >= q["from"])
        and ("to" not in q or e["date"] <= q["to"])
        and (e["defi_id"] in kept if e["defi_id"] is not None else not narrows)
    ]
    return (
        len(defis),
        len({d["administration_id"] for d in defis}),
        sum(len(d["eigs"]) for d in defis),
        len({m for d in defis for m in d["mentors"]}),
        len(journal),
        sum(1 for d in defis if d["source_code"]),
    )


for query in [
    "",
    "admin=ministere-de-l-interieur",
    "promo=2",
    "promo=2&skill=design",
    "from=2018-03-01&to=2018-03-31",
    "admin=ministere-de-l-interieur&promo=dig",
]:
    print(f"{query or '(aucun filtre)'}: {figures(query)}")
