#!/usr/bin/env python3
"""Write a roster with the same content in another form: data rows shuffled
(fixed seed), columns in reverse order, every field quoted, ';' delimiter,
CRLF line ends. raci must find the same findings in it, by rule and entity.

usage: shuffle.py IN.csv OUT.csv [SEED]

When a row is ragged (more or fewer fields than the header), the columns
keep their order: reversing would move its fields to other columns."""
import csv
import random
import sys

src, dst = sys.argv[1], sys.argv[2]
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 4
with open(src, newline='', encoding='utf-8-sig') as f:
    rows = [r for r in csv.reader(f) if r]
header, data = rows[0], rows[1:]
random.Random(seed).shuffle(data)
reverse = all(len(r) == len(header) for r in data)
with open(dst, 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, delimiter=';', quoting=csv.QUOTE_ALL, lineterminator='\r\n')
    for r in [header] + data:
        w.writerow(list(reversed(r)) if reverse else r)
