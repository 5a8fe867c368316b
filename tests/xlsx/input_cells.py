#!/usr/bin/env python3
"""Expected matrix cells of a roster, worked out from the CSV itself.

input_cells.py ROSTER.csv RULESET.yaml > cells.json

The test oracle for "every letter of the input is in the right cell": it
reads a long-format roster (person, title, product, task, raci columns by
their plain names) with Python's csv module, reads the letter grammar's words
and the ruleset's aliases and canonical task names, and prints
{"cells": [{"product", "task", "person", "letters"}]} for
check_workbook.py. It is deliberately written apart from raci's C code, so
that the two can disagree. Cells whose text is no letter are left out (the
workbook shows them as written); rosters in other shapes print no cells.
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


def main():
    roster, ruleset = sys.argv[1], sys.argv[2]
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
        print(json.dumps({"cells": []}))
        return
    col = {h: head.index(h) for h in need + ("product",) if h in head}
    stem = os.path.splitext(os.path.basename(roster))[0]

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
    print(json.dumps({"cells": out}, indent=1))


main()
