#!/usr/bin/env python3
"""Recounts whether each promotion's code lived on, and who carried it, from an export alone,
without the project's code: défis alive among those observed 6, 12 and 24 months after their end,
the Kaplan–Meier survival estimate at those months with the défis still followed, and the human
commits after the end split between founding teams, newcomers and earlier contributors, and the
défis whose people are told apart, with human commits after their end, taken over by newcomers.

It follows the README's « Définitions » written out again here, independently of the Rust:
`python3 scripts/recount-lived-on.py [public/data/export.json] [--json]`. A test
(crates/core/tests/real_export.rs) runs it with `--json` and compares with the core's figures.
"""
import calendar
import datetime
import json
import sys

HORIZONS = (6, 12, 24)
SURVIVAL_MONTHS = 36
args = [a for a in sys.argv[1:] if not a.startswith("--")]
path = args[0] if args else "public/data/export.json"
with open(path, encoding="utf-8") as f:
    export = json.load(f)


def day(text):
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def shift(date, months):
    """The same day `months` later (or earlier), clamped to the month's last day."""
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, min(date.day, calendar.monthrange(year, month + 1)[1]))


def thursday(monday):
    return day(monday) + datetime.timedelta(days=3)


promotions = {p["id"]: p for p in export["promotions"]}


def window(defi):
    """(start, the day after the end), from the défi's own window, else its promotion's."""
    own = defi.get("window")
    if own:
        return day(own["start"]), day(own["end"]) + datetime.timedelta(days=1)
    p = promotions.get(defi["promotion_id"], {})
    start = day(p.get("start"))
    if not start:
        return None
    if p.get("end"):
        return start, day(p["end"]) + datetime.timedelta(days=1)
    if p.get("months"):
        return start, shift(start, p["months"])
    return None


records = {}
for r in export["activity"]:
    records.setdefault(r["defi_id"], []).append(r)

result = {}
for p in export["promotions"]:
    result[p["id"]] = {
        "alive": {str(h): [0, 0, 0] for h in HORIZONS},
        "times": [],
        "handover": [0, 0, 0],
        "defis": [0, 0, 0],
    }

for defi in export["defis"]:
    code = [r for r in records.get(defi["id"], []) if r.get("holds_code") is not False]
    w = window(defi)
    if not code or not w:
        continue
    start, end = w
    until = min(day(r.get("copied_at")) or day(r.get("last_commit")) for r in code)
    human = {}
    for r in code:
        for week in r["weeks"]:
            count = week.get("human", week["commits"])
            human[thursday(week["monday"])] = human.get(thursday(week["monday"]), 0) + count

    def commits_between(a, b):
        return sum(n for t, n in human.items() if a <= t < b)

    def status(at):
        if until < at:
            return "not observed"
        active = sum(1 for j in range(1, 7) if commits_between(shift(at, -j), shift(at, -j + 1)) >= 1)
        return "alive" if active >= 2 else "inactive"

    entry = result[defi["promotion_id"]]
    for h in HORIZONS:
        s = status(shift(end, h))
        counts = entry["alive"][str(h)]
        counts[2] += 1
        if s != "not observed":
            counts[1] += 1
        if s == "alive":
            counts[0] += 1
    last_alive, died = None, None
    for month in range(SURVIVAL_MONTHS + 1):
        s = status(shift(end, month))
        if s == "alive":
            last_alive = month
        elif s == "inactive":
            died = month
            break
        else:
            break
    if died is not None:
        entry["times"].append((died, True))
    elif last_alive is not None:
        entry["times"].append((last_alive, False))
    mine = [0, 0, 0]
    people = [person for r in code for person in r.get("people", [])] if until > end else []
    for person in people:
        weeks = [(thursday(x["monday"]), x["commits"]) for x in person["weeks"]]
        after = sum(n for t, n in weeks if t >= end)
        if any(start <= t < end for t, _ in weeks):
            mine[0] += after
        elif min(t for t, _ in weeks) >= end:
            mine[1] += after
        else:
            mine[2] += after
    entry["handover"] = [a + b for a, b in zip(entry["handover"], mine)]
    # Défis whose people are told apart and whose copy goes past the end (else nothing after it is
    # seen); with human commits after the end; with newcomers' ones.
    if people and until > end:
        entry["defis"][0] += 1
        entry["defis"][1] += sum(mine) > 0
        entry["defis"][2] += mine[1] > 0

output = {}
for pid, entry in result.items():
    survival, points = 1.0, {}
    for month in range(SURVIVAL_MONTHS + 1):
        at_risk = sum(1 for t, _ in entry["times"] if t >= month)
        if at_risk == 0:
            break
        deaths = sum(1 for t, d in entry["times"] if t == month and d)
        survival *= 1 - deaths / at_risk
        points[month] = (survival, at_risk)
    output[pid] = {
        "alive": entry["alive"],
        "survival": {str(h): (list(points[h]) if h in points else None) for h in HORIZONS},
        "handover": entry["handover"],
        "handed_defis": entry["defis"],
        "followed": len(entry["times"]),
    }

if "--json" in sys.argv:
    print(json.dumps(output, indent=1, sort_keys=True))
else:
    for pid, o in output.items():
        label = promotions[pid]["label"]
        alive = ", ".join(f"{h} mois {a}/{obs} observés (sur {c})" for h, (a, obs, c) in
                          ((h, o["alive"][str(h)]) for h in HORIZONS))
        survival = ", ".join(f"{h} mois " + (f"{s:.0%} ({n} suivis)" if v else "non suivi")
                             for h in HORIZONS for v in [o["survival"][str(h)]]
                             for s, n in [v or (0, 0)])
        founders, newcomers, earlier = o["handover"]
        print(f"{label}: vivants {alive}")
        print(f"   survie (Kaplan–Meier, {o['followed']} défis suivis) {survival}")
        print(f"   commits humains après la fin : équipe fondatrice {founders}, "
              f"nouvelles personnes {newcomers}, plus anciens {earlier}")
        told, after, taken = o["handed_defis"]
        print(f"   défis aux personnes distinguées {told}, dont avec des commits humains après "
              f"la fin {after}, repris par de nouvelles personnes {taken}")
