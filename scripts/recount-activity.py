#!/usr/bin/env python3
"""Recounts the repository activity's figures from data/activity.json, without the exporter's code.

The browser tests (tests/repositories.rs) expect these figures for the committed export, which
`export --activity data/activity.json` builds: `python3 scripts/recount-activity.py`.

Per repository it checks, from the JSON alone, that each week's human, bot and merge commits add
up to its commits and that the people's weeks add up to the human commits, and prints commits,
merges, bots (by name), people and distinct e-mails, tags and whether it holds code.

`--copies DIR` recounts from the copies themselves (a folder of clones, as `eig-pulse scan
--repos` reads them), with `git log` and `git for-each-ref` and its own reading of
data/bots.yml: per ISO week (author dates, UTC) the commits, merges, bots' and people's commits,
each person's human commits (identities folded: e-mail case aside, name with case, accents and
spacing aside, GitHub noreply logins, a one-word name equal to such a login), the bots, every
tag's day (tagger's for an annotated tag, else its commit author's); every difference is printed
and the exit status is 1.

Usage: python3 scripts/recount-activity.py [ACTIVITY_JSON] [--copies DIR]
"""
import argparse
import collections
import datetime as dt
import json
import os
import re
import subprocess
import sys
import unicodedata

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def monday(ts):
    day = dt.datetime.fromtimestamp(int(ts), dt.timezone.utc).date()
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def utc_day(ts):
    return dt.datetime.fromtimestamp(int(ts), dt.timezone.utc).date().isoformat()


# --- from the JSON alone ------------------------------------------------------------------
def check_record(r):
    """Problems of one record, read alone."""
    problems = []
    for w in r["weeks"]:
        parts = [w.get("human"), w.get("bots"), w.get("merges")]
        if None in parts:
            problems.append(f"week {w['monday']}: human/bots/merges missing")
        elif sum(parts) != w["commits"]:
            problems.append(f"week {w['monday']}: {parts} do not add up to {w['commits']}")
    if sum(w["commits"] for w in r["weeks"]) != r["commits"]:
        problems.append("weeks do not add up to the commits")
    human = collections.Counter()
    for w in r["weeks"]:
        human[w["monday"]] += w.get("human") or 0
    people = collections.Counter()
    for p in r.get("people", []):
        for w in p["weeks"]:
            people[w["monday"]] += w["commits"]
    if +human != +people:
        problems.append("the people's weeks do not add up to the human commits")
    bots = sum(w.get("bots") or 0 for w in r["weeks"])
    if bots != sum(b["commits"] for b in r.get("bots", [])):
        problems.append("the bots' commits do not add up to the weeks' bot commits")
    return problems


def summary(r):
    weeks = r["weeks"]
    return {
        "commits": r["commits"],
        "human": sum(w.get("human") or 0 for w in weeks),
        "bots": sum(w.get("bots") or 0 for w in weeks),
        "merges": sum(w.get("merges") or 0 for w in weeks),
        "people": len(r.get("people", [])),
        "authors": r["authors"],
        "tags": len(r.get("tags", [])),
        "holds_code": r.get("holds_code"),
        "bot_names": {b["name"]: b["commits"] for b in r.get("bots", [])},
    }


# --- from the copies ------------------------------------------------------------------------
def fold(name):
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.split())


NOREPLY = re.compile(r"^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$")


def noreply_login(email):
    m = NOREPLY.match(email.strip().lower())
    return m.group(1) if m else None


class BotTable:
    """data/bots.yml read again: names folded, logins, e-mails, domains, then the App suffix."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            table = yaml.safe_load(f)
        self.suffix = (table.get("app_suffix") or "").lower()
        self.entries = []
        for bot, entry in table["bots"].items():
            self.entries.append((bot, entry or {}))

    def bot_of(self, name, email):
        login = noreply_login(email)
        email = email.strip().lower()
        domain = email.rsplit("@", 1)[1] if "@" in email else None
        # Each way of matching in turn, over the whole table (names first).
        for bot, e in self.entries:
            if fold(name) in {fold(n) for n in e.get("names", [])}:
                return bot
        for bot, e in self.entries:
            if login and login in {l.lower() for l in e.get("logins", [])}:
                return bot
        for bot, e in self.entries:
            if email in {m.lower() for m in e.get("emails", [])}:
                return bot
        for bot, e in self.entries:
            for d in e.get("domains", []):
                d = d.lower()
                if domain and (domain == d or domain.endswith("." + d)):
                    return bot
        if self.suffix:
            if login and login.endswith(self.suffix):
                return login
            if name.strip().lower().endswith(self.suffix):
                return name.strip()
        return None


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def people_of(identities, is_bot):
    """Union of identities (name, email) that are no bot: same e-mail, folded name, login,
    one-word name equal to a login. Returns identity → representative."""
    parent = {i: i for i in identities}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a, b):
        a, b = find(a), find(b)
        if a != b:
            parent[b] = a

    people = [i for i in identities if not is_bot[i]]
    for key in (lambda n, e: e.strip().lower(), lambda n, e: fold(n),
                lambda n, e: noreply_login(e) or ""):
        first = {}
        for i in people:
            k = key(*i)
            if k:
                if k in first:
                    join(first[k], i)
                else:
                    first[k] = i
    logins = {}
    for i in people:
        login = noreply_login(i[1])
        if login:
            logins.setdefault(login, i)
    for i in people:
        n = fold(i[0])
        if " " not in n and n in logins:
            join(logins[n], i)
    return {i: find(i) for i in identities}


def recount(repo, bots):
    log = git(repo, "log", "HEAD", "-z", "--format=%P%x1f%an%x1f%ae%x1f%at")
    commits = []
    for rec in log.split("\0"):
        if rec:
            parents, name, email, at = rec.split("\x1f")
            commits.append((len(parents.split()), name, email, int(at)))
    identities = sorted({(n, e) for _, n, e, _ in commits})
    bot = {i: bots.bot_of(*i) for i in identities}
    person = people_of(identities, {i: bot[i] is not None for i in identities})
    weeks = collections.defaultdict(lambda: [0, 0, 0, 0])  # commits, human, bots, merges
    per_person = collections.defaultdict(collections.Counter)
    bot_commits = collections.Counter()
    emails = set()
    for parents, name, email, at in commits:
        w = weeks[monday(at)]
        w[0] += 1
        emails.add(email.strip().lower())
        if parents > 1:
            w[3] += 1
        elif bot[(name, email)]:
            w[2] += 1
            bot_commits[bot[(name, email)]] += 1
        else:
            w[1] += 1
            per_person[person[(name, email)]][monday(at)] += 1
    tags = []
    fmt = "%(refname:short)%1f%(objecttype)%1f%(taggerdate:unix)"
    for line in git(repo, "for-each-ref", "refs/tags", f"--format={fmt}").splitlines():
        name, kind, tagged = line.split("\x1f")
        if kind == "tag" and tagged:
            tags.append((name, utc_day(tagged)))
            continue
        try:
            at = git(repo, "log", "-1", "--format=%at", f"refs/tags/{name}^{{commit}}", "--").strip()
        except subprocess.CalledProcessError:
            continue  # a lightweight tag of a tree or a blob dates nothing
        tags.append((name, utc_day(at)))
    return {
        "weeks": {m: tuple(v) for m, v in weeks.items()},
        "people": sorted(sorted(c.items()) for c in per_person.values()),
        "bots": dict(bot_commits),
        "authors": len(emails),
        "tags": sorted(tags),
        "e-mails of people": len({e.strip().lower() for (n, e), b in bot.items() if b is None}),
    }


def key(url):
    """A repository URL made comparable: host and path, lower case, no `.git`, no slash."""
    url = url.strip().lower()
    url = re.sub(r"^git@([^:]+):", r"https://\1/", url)
    url = re.sub(r"^[a-z+]+://(www\.)?", "", url)
    return re.sub(r"(\.git)?/*$", "", url)


def compare(records, copies, bots):
    by_url = {}
    for r in records:
        by_url.setdefault(key(r["url"]), r)
    differences = 0
    checked = 0
    for folder in sorted(os.listdir(copies)):
        repo = os.path.join(copies, folder)
        if not os.path.isfile(os.path.join(repo, "HEAD")):
            continue
        try:
            remote = git(repo, "remote", "get-url", "origin").strip()
        except subprocess.CalledProcessError:
            remote = ""
        record = by_url.get(key(remote))
        if record is None:
            print(f"{folder}: no record of {remote}")
            differences += 1
            continue
        found = recount(repo, bots)
        expected = {
            "weeks": {w["monday"]: (w["commits"], w["human"], w["bots"], w["merges"])
                      for w in record["weeks"]},
            "people": sorted(sorted((w["monday"], w["commits"]) for w in p["weeks"])
                             for p in record.get("people", [])),
            "bots": {b["name"]: b["commits"] for b in record.get("bots", [])},
            "authors": record["authors"],
            "tags": sorted((t["name"], t["date"]) for t in record.get("tags", [])),
        }
        for part, value in expected.items():
            if found[part] != value:
                differences += 1
                print(f"{folder}: {part} differ")
        checked += 1
        s = summary(record)
        print(f"{folder}: git log agrees on {len(found['weeks'])} weeks "
              f"({s['commits']} commits = {s['human']} human + {s['bots']} bots + {s['merges']} merges), "
              f"{s['people']} people for {found['e-mails of people']} e-mails, "
              f"{len(found['tags'])} tags" if all(found[p] == v for p, v in expected.items())
              else f"{folder}: see above")
    print("copies recounted", checked, "differences", differences)
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("activity", nargs="?", default=os.path.join(ROOT, "data/activity.json"))
    parser.add_argument("--copies", help="a folder of clones to recount with git")
    parser.add_argument("--bots", default=os.path.join(ROOT, "data/bots.yml"))
    args = parser.parse_args()
    with open(args.activity, encoding="utf-8") as f:
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

    problems = 0
    seen = set()
    for r in records:
        if r["url"] in seen:
            continue
        seen.add(r["url"])
        s = summary(r)
        bots = ", ".join(f"{n} {c}" for n, c in sorted(s["bot_names"].items(), key=lambda x: -x[1]))
        print(f"  {r['defi_id']:<28} {s['commits']:>6} = {s['human']:>5} human + {s['bots']:>4} bots"
              f" + {s['merges']:>4} merges; {s['people']:>3} people ({s['authors']} e-mails);"
              f" {s['tags']:>3} tags; code {s['holds_code']}; bots: {bots or '-'}")
        for problem in check_record(r):
            problems += 1
            print(f"    {r['defi_id']} {r['url']}: {problem}")
    print("records whose parts do not add up", problems)

    differences = 0
    if args.copies:
        differences = compare(records, args.copies, BotTable(args.bots))
    sys.exit(1 if problems or differences else 0)


if __name__ == "__main__":
    main()
