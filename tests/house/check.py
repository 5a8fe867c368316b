#!/usr/bin/env python3
"""The house rules of raci's source tree, checked on the real code.

    tests/house/check.py [BUILD_DIR]

- every src/<stage>/<file>.c is in one of the pipeline's stages;
- no source file is over MAX_FILE_LINES lines, no function over
  MAX_FUNCTION_LINES (from its opening line to its closing brace);
- every public function of src/<stage>/foo.c carries the prefix raci_foo
  (read from the compiled objects with nm, so nothing is guessed);
- no static function name is used in two files: one name, one meaning;
- a stage uses only its own modules and those of the layers below it;
- every row of include/raci/rules.def has its check, raci_<family>_<sym>,
  in its family's module src/checks/<family>.c (the build fails without
  it; this says where it must be);
- only src/cli/main.c calls exit();
- only the modules that own a library include its header: csv.h in the
  reader and the CSV writer, yaml.h in the ruleset loader, xlsxwriter.h in
  the workbook writer.

Prints what breaks a rule, one line each, and exits 1 if anything does.
"""
import os
import re
import subprocess
import sys

STAGES = ["base", "read", "model", "rules", "checks", "findings", "write", "cli"]
# The layers of the house, bottom up: a stage may use its own modules and
# those of the layers below it, never a stage beside it or above it (the
# README's Developing section draws them).
LAYERS = [["base"], ["rules"], ["model"], ["read", "findings"], ["checks", "write"], ["cli"]]
LAYER = {stage: i for i, layer in enumerate(LAYERS) for stage in layer}
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80
# Which files may include a library's header (a prefix of the file's path).
OWNERS = {
    # The reader parses with libcsv; csvout quotes the fields of the exports
    # with it (csv_fwrite), so that no CSV quoting is written by hand.
    "csv.h": ("src/read/reader.c", "src/write/csvout.c"),
    "yaml.h": ("src/rules/ruleset_load", "src/rules/yamldoc", "src/rules/section_"),
    "xlsxwriter.h": ("src/write/xlsx", "include/raci/xlsx"),
    "gvc.h": ("src/write/orgchart",),
    # The xlsx reader's plumbing alone knows the zip library and the XML
    # reader: xlsx_read.c and xlsx_roster.c see parts as nodes (xlsx_part.h).
    "zip.h": ("src/read/xlsx_part.c",),
    "libxml/xmlreader.h": ("src/read/xlsx_part.c",),
}

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
os.chdir(root)
problems = []


def strip(text):
    """C text with comments, strings and character literals blanked (line
    breaks kept, so line numbers stay right)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + re.sub(r"[^\n]", " ", text[i + 1:j]) + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(path):
    """(name, first line, last line) of each function defined in path."""
    text = strip(open(path, encoding="utf-8").read())
    found, depth, start, name = [], 0, None, None
    lines = text.split("\n")
    # A definition: at depth 0, "name(...)" followed (maybe after a line
    # break) by "{".
    head = re.compile(r"^[A-Za-z_][\w \*]*?\b(\w+)\s*\(")
    pending = None
    for no, line in enumerate(lines, 1):
        if depth == 0:
            m = head.match(line)
            if m and not line.rstrip().endswith(";") and not line.startswith(("typedef", "#")):
                pending = (m.group(1), no)
        for ch in line:
            if ch == "{":
                if depth == 0 and pending:
                    start, name = pending[1], pending[0]
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0 and start is not None:
                    found.append((name, start, no))
                    start, name, pending = None, None, None
        if depth == 0 and line.rstrip().endswith(";"):
            pending = None
    return found


sources = []
for dirpath, _, files in os.walk("src"):
    for f in files:
        if f.endswith(".c"):
            sources.append(os.path.join(dirpath, f))
sources.sort()

# What each of our headers brings in, following our own includes: a header
# that includes a library's header stands for it.
def reached(header, seen=None):
    seen = set() if seen is None else seen
    if header in seen:
        return set()
    seen.add(header)
    try:
        text = open(os.path.join("include", header), encoding="utf-8").read()
    except OSError:
        return set()
    libs = {h for h in OWNERS if re.search(r"#include\s*<" + re.escape(h) + ">", text)}
    for inc in re.findall(r'#include\s*"(raci/[^"]+)"', text):
        libs |= reached(inc, seen)
    return libs


statics = {}
for path in sources:
    parts = path.split(os.sep)
    if len(parts) != 3 or parts[1] not in STAGES:
        problems.append(f"{path}: not in a stage folder (src/<stage>/, stages: {' '.join(STAGES)})")
        continue
    text = open(path, encoding="utf-8").read()
    n = text.count("\n")
    if n > MAX_FILE_LINES:
        problems.append(f"{path}: {n} lines (at most {MAX_FILE_LINES}): split it at a seam")
    for name, first, last in functions(path):
        if last - first + 1 > MAX_FUNCTION_LINES:
            problems.append(f"{path}:{first}: function '{name}' is {last - first + 1} lines "
                            f"(at most {MAX_FUNCTION_LINES})")
    for m in re.finditer(r"^static\s+(?:inline\s+)?[\w\s\*]*?\b(\w+)\s*\(", strip(text), re.M):
        statics.setdefault(m.group(1), set()).add(path)
    for header, owners in OWNERS.items():
        direct = re.search(r"#include\s*<" + re.escape(header) + ">", text)
        through = [inc for inc in re.findall(r'#include\s*"(raci/[^"]+)"', text)
                   if header in reached(inc)]
        if (direct or through) and not path.startswith(owners):
            via = f" (through {through[0]})" if through and not direct else ""
            problems.append(f"{path}: includes <{header}>{via}, which only {', '.join(owners)} may")

# Which stage each of our headers belongs to: that of its .c file.
stage_of = {}
for path in sources:
    parts = path.split(os.sep)
    if len(parts) == 3:
        stage_of["raci/" + os.path.basename(path)[:-2] + ".h"] = parts[1]
for path in sources:
    parts = path.split(os.sep)
    if len(parts) != 3 or parts[1] not in LAYER:
        continue
    here = parts[1]
    for inc in re.findall(r'#include\s*"(raci/[^"]+)"', open(path, encoding="utf-8").read()):
        there = stage_of.get(inc)
        if there is None or there == here:
            continue
        if LAYER[there] >= LAYER[here]:
            problems.append(f"{path}: uses {inc} of stage '{there}', which is not below '{here}'")

for header, here in sorted(stage_of.items()):
    try:
        text = open(os.path.join("include", header), encoding="utf-8").read()
    except OSError:
        continue
    for inc in re.findall(r'#include\s*"(raci/[^"]+)"', text):
        there = stage_of.get(inc)
        if there is not None and there != here and LAYER[there] >= LAYER[here]:
            problems.append(f"include/{header}: uses {inc} of stage '{there}', which is not "
                            f"below '{here}'")

for name, paths in sorted(statics.items()):
    if len(paths) > 1:
        problems.append(f"static '{name}' is defined in {len(paths)} files ({', '.join(sorted(paths))}): "
                        "one name, one meaning; rename or share it")

for path in sources:
    stage, base = path.split(os.sep)[1], os.path.basename(path)[:-2]
    obj = os.path.join(build, stage, base + ".o")
    if not os.path.exists(obj):
        problems.append(f"{obj}: not built (run make first)")
        continue
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in "TDBR" and path != "src/cli/main.c":
            sym = fields[2]
            if not (sym == "raci_" + base or sym.startswith("raci_" + base + "_")):
                problems.append(f"{path}: public '{sym}' lacks the file's prefix raci_{base}")
        if len(fields) == 2 and fields[0] == "U" and fields[1] == "exit" and path != "src/cli/main.c":
            problems.append(f"{path}: calls exit(); only src/cli/main.c may")

rows = re.findall(r"^RACI_RULE\((\w+), (\w+), \"([\w-]+)\"", open("include/raci/rules.def",
                  encoding="utf-8").read(), re.M)
for family, sym, rid in rows:
    obj = os.path.join(build, "checks", family + ".o")
    fn = f"raci_{family}_{sym}"
    out = subprocess.run(["nm", obj], capture_output=True, text=True).stdout if os.path.exists(obj) else ""
    if not re.search(r"\sT " + fn + r"$", out, re.M):
        problems.append(f"include/raci/rules.def: rule '{rid}' has no check {fn} in src/checks/{family}.c")
if not rows:
    problems.append("include/raci/rules.def: no RACI_RULE rows found")

for p in problems:
    print("house: " + p)
print(f"house: {len(sources)} files, {len(problems)} problem{'s' if len(problems) != 1 else ''}")
sys.exit(1 if problems else 0)
