#!/usr/bin/python3
"""Compare raci's findings on the published tables with the hand counts.

check.py RACI TABLE.csv TABLE.expect [RULES.yaml]
    runs raci on TABLE.csv and prints one line, PASS or FAIL with what
    differs; exit status 1 on FAIL.
check.py --same RACI DIR
    the equivalence check of tests/published/same (see README.md).

Run by check.sh; uses /usr/bin/python3 for openpyxl.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROLE_RULES = {
    "product-without-po", "multiple-po", "po-multiple-products", "pm-owns-strategy",
    "po-owns-backlog", "director-owns-people", "split-po-pm", "scrum-contact-po", "pm-span",
}
NOT_PRODUCT_SHEETS = {"Summary", "Findings", "Roster"}


def norm(name):
    """A task name as compared: no markdown bold, spaces collapsed, folded."""
    name = name.replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", name).strip().casefold()


def read_expect(path):
    exp = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, _, rest = line.partition(":")
            rest = rest.strip()
            m = re.match(r"(\d+)\s*(.*)$", rest)
            if m:
                names = [n.strip() for n in m.group(2).split(" | ")] if m.group(2) else []
                exp[key.strip()] = (int(m.group(1)), names)
            else:
                exp[key.strip()] = (None, rest.split())
    return exp


def run_raci(raci, csv_path, rules, extra):
    cmd = [raci, "--no-xlsx", "--format", "json", "--fail-on", "never"]
    if rules:
        cmd += ["--rules", rules]
    cmd += extra + [csv_path]
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p


def workbook_counts(raci, csv_path, rules, tmp):
    """Tasks, role columns and people as raci's own workbook shows them."""
    out = os.path.join(tmp, "book.xlsx")
    cmd = [raci, "-o", out, "--format", "json", "--fail-on", "never"]
    if rules:
        cmd += ["--rules", rules]
    p = subprocess.run(cmd + [csv_path], capture_output=True, text=True)
    if p.returncode > 1 or not os.path.exists(out):
        return None
    import openpyxl

    wb = openpyxl.load_workbook(out, read_only=True)
    tasks, roles, people = 0, set(), 0
    for name in wb.sheetnames:
        ws = wb[name]
        if name == "Roster":
            people = sum(1 for r in ws.iter_rows(min_row=2, values_only=True) if r and r[0])
            continue
        if name in NOT_PRODUCT_SHEETS:
            continue
        rows = list(ws.iter_rows(values_only=True))
        if len(rows) < 2:
            continue
        for h in rows[1][1:]:
            if h and h != "Findings":
                roles.add(h)
        tasks += sum(1 for r in rows[2:] if r and r[0])
    return tasks, len(roles), people


def accountable_kind(f):
    msg = f.get("message", "")
    if re.search(r"no accountable", msg):
        return "none"
    if re.search(r"has \d+ accountable", msg):
        return "many"
    return "other"


def task_of(f):
    return norm((f.get("subject") or {}).get("task") or "")


def compare_names(label, want_n, want_names, got, diffs):
    if want_n != len(got):
        diffs.append(f"{label}: want {want_n}, got {len(got)}")
    if want_names:
        w = sorted(norm(n) for n in want_names)
        g = sorted(got)
        if w != g:
            missing = [n for n in w if n not in g]
            extra = [n for n in g if n not in w]
            if missing:
                diffs.append(f"{label}: missing {missing[:4]}")
            if extra:
                diffs.append(f"{label}: unexpected {extra[:4]}")


def check_table(raci, csv_path, expect_path, rules):
    name = os.path.basename(csv_path)
    exp = read_expect(expect_path)
    p = run_raci(raci, csv_path, rules, [])
    if p.returncode > 1:
        err = (p.stderr.strip().splitlines() or ["?"])[0]
        return f"FAIL {name}: exit {p.returncode}: {err}"
    try:
        findings = json.loads(p.stdout)["findings"]
    except (ValueError, KeyError) as e:
        return f"FAIL {name}: no JSON findings ({e})"
    diffs = []
    single = [f for f in findings if f["rule"] == "single-accountable"]
    if "no-accountable" in exp:
        n, names = exp["no-accountable"]
        compare_names("no-accountable", n, names,
                      [task_of(f) for f in single if accountable_kind(f) == "none"], diffs)
    if "two-accountable" in exp:
        n, names = exp["two-accountable"]
        compare_names("two-accountable", n, names,
                      [task_of(f) for f in single if accountable_kind(f) == "many"], diffs)
    if "no-responsible" in exp:
        n, names = exp["no-responsible"]
        compare_names("no-responsible", n, names,
                      [task_of(f) for f in findings if f["rule"] == "missing-responsible"], diffs)
    vocab = [f for f in findings if "vocabulary" in f["rule"]]
    if "unreadable" in exp:
        n, _ = exp["unreadable"]
        got = sum(1 for f in findings if f["rule"] == "unknown-letter")
        if got != n:
            diffs.append(f"unknown-letter: want {n}, got {got}")
    want_vocab = exp.get("vocabulary", (None, []))[1]
    if "vocabulary" in exp:
        if len(vocab) != 1:
            diffs.append(f"vocabulary finding: want 1, got {len(vocab)}")
        else:
            msg = vocab[0]["message"].casefold()
            lost = [w for w in want_vocab if w.casefold() not in msg]
            if lost:
                diffs.append(f"vocabulary finding does not name {lost}")
    elif vocab:
        diffs.append(f"vocabulary finding: want 0, got {len(vocab)}")
    if "role-rule-findings" in exp:
        n, _ = exp["role-rule-findings"]
        got = [f for f in findings if f["rule"] in ROLE_RULES and f["severity"] in ("error", "warning")]
        if len(got) != n:
            rules_seen = sorted({f["rule"] for f in got})
            diffs.append(f"role-rule errors/warnings: want {n}, got {len(got)} {rules_seen}")
    for key, rule in (("unknown-title", "unknown-title"), ("idle-person", "idle-person")):
        if key in exp:
            got = sum(1 for f in findings if f["rule"] == rule)
            if got != exp[key][0]:
                diffs.append(f"{key}: want {exp[key][0]}, got {got}")
    if any(k in exp for k in ("tasks", "roles", "people")):
        with tempfile.TemporaryDirectory() as tmp:
            counts = workbook_counts(raci, csv_path, rules, tmp)
        if counts is None:
            diffs.append("tasks: no workbook to count them in")
        else:
            for key, got in zip(("tasks", "roles", "people"), counts):
                if key in exp and exp[key][0] != got:
                    diffs.append(f"{key}: want {exp[key][0]}, got {got}")
    if diffs:
        return f"FAIL {name}: " + "; ".join(diffs)
    return f"PASS {name}"


LOCATION = re.compile(r"\s*\((?:line|lines|row|cell|sheet)[^)]*\)|\S+:\d+(?::\d+)?|\b\w+![A-Z]+\d+\b")


def stripped(findings):
    """Findings without their locations, as sorted JSON strings."""
    out = []
    for f in findings:
        g = {k: v for k, v in f.items() if k not in ("location", "related", "fingerprint")}
        g["message"] = LOCATION.sub("", g.get("message", ""))
        out.append(json.dumps(g, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def check_same(raci, same_dir):
    """Every form of the same data gives the same findings, locations aside."""
    stem = "algosup-vp7"
    results, lines, failed = {}, [], False
    with tempfile.TemporaryDirectory() as tmp:
        forms = {}
        for form in ("long", "matrix", "transposed"):
            d = os.path.join(tmp, form)
            os.makedirs(d)
            dst = os.path.join(d, stem + ".csv")
            shutil.copy(os.path.join(same_dir, f"{stem}-{form}.csv"), dst)
            forms[form] = dst
        d = os.path.join(tmp, "xlsx")
        os.makedirs(d)
        xlsx = os.path.join(d, stem + ".xlsx")
        subprocess.run(["/usr/bin/python3", os.path.join(same_dir, "make_xlsx.py"),
                        os.path.join(same_dir, f"{stem}-matrix.csv"), xlsx], check=True)
        forms["xlsx"] = xlsx
        d = os.path.join(tmp, "export")
        os.makedirs(d)
        exported = os.path.join(d, stem + ".csv")
        p = run_raci(raci, forms["matrix"], None, ["--export-roster", exported])
        if p.returncode <= 1 and os.path.exists(exported):
            forms["export"] = exported
        else:
            err = (p.stderr.strip().splitlines() or ["?"])[0]
            lines.append(f"FAIL same/export: raci could not export the roster: {err}")
            failed = True
        for form, path in forms.items():
            p = run_raci(raci, path, None, [])
            if p.returncode > 1:
                err = (p.stderr.strip().splitlines() or ["?"])[0]
                results[form] = None
                lines.append(f"FAIL same/{form}: exit {p.returncode}: {err}")
                failed = True
                continue
            results[form] = stripped(json.loads(p.stdout)["findings"])
    ref = results.get("long")
    if ref is not None:
        lines.append(f"PASS same/long: {len(ref)} findings, the reference")
    for form, got in results.items():
        if got is None or form == "long":
            continue
        if ref is None:
            lines.append(f"FAIL same/{form}: no long form to compare with")
            failed = True
        elif got != ref:
            only = [x for x in got if x not in ref][:2]
            lost = [x for x in ref if x not in got][:2]
            lines.append(f"FAIL same/{form}: differs from the long roster: "
                         f"{len(got)} vs {len(ref)} findings; only here {only}; missing {lost}")
            failed = True
        else:
            lines.append(f"PASS same/{form}: {len(got)} findings, as the long roster")
    print("\n".join(lines))
    return 1 if failed else 0


def main(argv):
    if len(argv) >= 3 and argv[0] == "--same":
        return check_same(argv[1], argv[2])
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    line = check_table(argv[0], argv[1], argv[2], argv[3] if len(argv) == 4 else None)
    print(line)
    return 0 if line.startswith("PASS") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
