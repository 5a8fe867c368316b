#!/usr/bin/env python3
"""Write a large synthetic roster for the benchmarks.

gen.py PRODUCTS PEOPLE_PER_PRODUCT > roster.csv

Each product has a PO, a PM, a tech lead and developers; every person gets
letters on every task of the default table, as a real long-format roster
would. The output is the same for the same arguments.
"""
import csv
import random
import sys

TASKS = ["Market research", "Customer feedback", "Product vision", "Roadmap", "KPIs",
         "Customer relationship", "Go-to-market", "Budget and schedule", "Product goal",
         "Product backlog", "User stories", "Acceptance criteria", "Sprint review acceptance",
         "Requirements clarification", "Sprint backlog", "Delivery process",
         "Progress reporting", "Architecture"]
TITLES = ["Product Owner", "Product Manager", "Tech Lead"]

def main():
    products, per = int(sys.argv[1]), int(sys.argv[2])
    rnd = random.Random(42)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["person", "title", "product", "task", "raci", "id", "reports_to"])
    for p in range(products):
        product = "Product %04d" % p
        for k in range(per):
            title = TITLES[k] if k < len(TITLES) else "Software Engineer"
            name = "Person %04d-%02d" % (p, k)
            manager = "Person %04d-02" % p if k > 2 else ""
            for t, task in enumerate(TASKS):
                if k == t % per:
                    letters = "A/R"
                else:
                    letters = rnd.choice(["C", "I", "R", "", "I"])
                if letters:
                    w.writerow([name, title, product, task, letters,
                                "p%04d%02d@example.com" % (p, k), manager])

main()
