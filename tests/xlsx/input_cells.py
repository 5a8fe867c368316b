#!/usr/bin/env python3
"""Expected matrix cells of a roster, worked out from the CSV itself.

input_cells.py [--all] ROSTER.csv RULESET.yaml > cells.json

The test oracle for "every letter of the input is in the right cell": it
reads a long-format roster (person, title, product, task, raci columns by
their plain names) with Python's csv module, reads the letter grammar's words
and the ruleset's aliases and canonical task names, and prints
{"cells": [{"product", "task", "person", "letters"}]} for
check_workbook.py. It is deliberately written apart from raci's C code, so
that the two can disagree. Cells whose text is no letter are left out (the
workbook shows them as written); rosters in other shapes print no cells.

With --all, every other field too, cell for cell: "rows" gives each
person's row of the Roster sheet (name, id, titles, products, manager and
the extra columns, as read: a person is one id, or one name when there is
none; their titles and products once each, in the order first met; the
first value of each extra column), and "heads" the titles under each
person's name on their products' sheets. Names are matched as raci matches
them (ASCII letters without case, runs of other characters as one space),
so a roster whose names differ only in the case of other letters is not
for this oracle.
"""
import csv
import json
import os
import re
import sys

import yaml

WORDS = {"responsible": "R", "responsibility": "R", "accountable": "A",
         "accountability": "A", "consulted": "C", "consult": "C",
         "informed": "I", "inform": "I"}
ORDER = "ARCI"


def fold(s):
    """Without case over all of Unicode, one character to one (simple case
    folding), as raci's matching keys compare names."""
    out = []
    for c in s:
        f = c.casefold()
        if len(f) != 1:
            f = c.lower() if len(c.lower()) == 1 else c
        out.append(f)
    return "".join(out)


def norm(s):
    s = fold(re.sub(r"[*`]", "", s))
    return " ".join(re.sub(r"[^a-z0-9\x80-\U0010ffff]+", " ", s).split())


def letters_of(text, aliases):
    """(letters, conditional letters) of a cell, None when unreadable, ("", "")
    when blank."""
    text = text.strip().strip("*`").strip()
    if text in ("", "-", "\u2013", "\u2014", ".") or text.lower() in ("n/a", "na"):
        return "", ""
    if text.lower() in aliases:
        return aliases[text.lower()], ""
    got, cond = set(), set()
    for m in re.finditer(r"\(([^()]*)\)|\[([^\[\]]*)\]|([^\s/,+&;|()\[\]]+)", text):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        bracketed = inner is not None
        tokens = re.split(r"[\s/,+&;|]+", inner) if bracketed else [m.group(3)]
        for tok in tokens:
            tok = tok.strip("*`_")
            if not tok or tok.lower() == "and":
                continue
            t = tok.lower()
            if t in aliases:
                found = aliases[t]
            elif t in WORDS:
                found = WORDS[t]
            elif re.fullmatch(r"[raci]{1,4}", t) and len(set(t)) == len(t):
                found = t.upper()
            else:
                return None
            got.update(found)
            if bracketed:
                cond.update(found)
    if not got:
        return None
    return "".join(got), "".join(cond)


# The columns raci knows by name; any other is an extra column.
KNOWN = {"person", "name", "employee", "member", "title", "job title", "role", "position",
         "product", "team", "squad", "project", "task", "activity", "responsibility",
         "deliverable", "raci", "letter", "letters", "assignment", "id", "email", "employee id",
         "reports to", "manager"}
ALIAS = {"name": "person", "employee": "person", "member": "person", "job title": "title",
         "role": "title", "position": "title", "team": "product", "squad": "product",
         "project": "product", "activity": "task", "responsibility": "task",
         "deliverable": "task", "letter": "raci", "letters": "raci", "assignment": "raci",
         "email": "id", "employee id": "id", "manager": "reports to"}


def everything(rows, stem):
    """The Roster's rows and the product sheets' heads of a long roster."""
    head = [norm(h) for h in rows[0]]
    col = {}
    for i, h in enumerate(head):
        if h in KNOWN:
            col.setdefault(ALIAS.get(h, h), i)
    extra = [i for i, h in enumerate(head) if h not in KNOWN]
    people, order = {}, []
    products = {}  # key -> name as first written
    for row in rows[1:]:
        def cell(h):
            i = col.get(h)
            return row[i].strip() if i is not None and i < len(row) else ""
        name, pid = cell("person"), cell("id")
        if not name:
            continue
        key = ("id", pid) if pid else ("name", norm(name))
        p = people.get(key)
        if p is None:
            p = people[key] = {"name": name, "id": pid, "titles": [], "products": [],
                               "manager": "", "extra": {}}
            order.append(key)
        title, manager = cell("title"), cell("reports to")
        if title and title not in p["titles"]:
            p["titles"].append(title)
        if manager and not p["manager"]:
            p["manager"] = manager
        for i in extra:
            if i < len(row) and i not in p["extra"]:
                p["extra"][i] = row[i]
        product, task = cell("product"), cell("task")
        if not product and ("product" in col or not task):
            continue
        product = product or stem
        products.setdefault(norm(product), product)
        if norm(product) not in p["products"]:
            p["products"].append(norm(product))
    out_rows, heads = [], []
    for key in order:
        p = people[key]
        r = {"Name": p["name"], "ID": p["id"], "Titles": "; ".join(p["titles"]),
             "Products": "; ".join(products[k] for k in p["products"]), "Manager": p["manager"]}
        for i in extra:
            r[rows[0][i].strip()] = p["extra"].get(i, "")
        out_rows.append(r)
        for k in p["products"]:
            heads.append({"product": products[k], "person": p["name"], "titles": "; ".join(p["titles"])})
    return {"rows": {"Roster": out_rows}, "heads": heads}


def main():
    args = [a for a in sys.argv[1:] if a != "--all"]
    every = "--all" in sys.argv[1:]
    roster, ruleset = args[0], args[1]
    stem = os.path.splitext(os.path.basename(roster))[0]
    with open(ruleset, encoding="utf-8") as f:
        rules = yaml.safe_load(f)
    aliases = {k.lower(): v.replace("/", "") for k, v in (rules.get("letters") or {}).items()}
    canonical = {}
    for t in rules.get("tasks") or []:
        for name in [t["name"]] + list(t.get("aliases") or []):
            canonical[norm(name)] = t["name"]

    with open(roster, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    head = [norm(h) for h in rows[0]]
    need = ("person", "title", "task", "raci")
    if not all(h in head for h in need):
        result = {"cells": []}
        if every and "person" in head and "title" in head:
            result.update(everything(rows, stem))
        print(json.dumps(result, indent=1))
        return
    col = {h: head.index(h) for h in need + ("product",) if h in head}

    cells, names, products, tasks, bad = {}, {}, {}, {}, set()
    for row in rows[1:]:
        def cell(h):
            i = col.get(h)
            return row[i].strip() if i is not None and i < len(row) else ""
        person, task, text = cell("person"), cell("task"), cell("raci")
        if not person or not task:
            continue
        product = cell("product") or stem
        pkey, tkey = norm(person), norm(task)
        names.setdefault(pkey, person)
        products.setdefault(norm(product), product)
        tasks.setdefault((norm(product), tkey), canonical.get(tkey, task))
        key = (norm(product), tkey, pkey)
        parsed = letters_of(text, aliases)
        if parsed is None:
            bad.add(key)
            continue
        got, cond = parsed
        if not got:
            continue
        entry = cells.setdefault(key, {"product": product, "letters": set(), "plain": set()})
        entry["letters"].update(got)
        entry["plain"].update(set(got) - set(cond))

    out = []
    for key, e in sorted(cells.items()):
        if key in bad:
            continue
        shown = ["(%s)" % x if x not in e["plain"] else x for x in ORDER if x in e["letters"]]
        out.append({"product": products[key[0]], "task": tasks[(key[0], key[1])],
                    "person": names[key[2]], "letters": "/".join(shown)})
    result = {"cells": out}
    if every:
        result.update(everything(rows, stem))
    print(json.dumps(result, indent=1))


main()
