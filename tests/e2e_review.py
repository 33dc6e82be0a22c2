#!/usr/bin/env python3
"""End to end: `motionscan review import` and `review stats` on verdict files
with known answers.

File A (reviewer ana, two documents, six verdicts: four correct, a missed
removal country, a wrong A-number) is imported twice: the second import stores
nothing new.  File B replaces one of ana's verdicts with a later one, carries
an older one that must not replace the stored verdict, and adds reviewer ben.
The stats after each step are compared with counts worked out by hand, per
field and per rule (worst first).  Bad files are refused whole with the entry
and member named, and a database at schema version 1 is migrated.

usage: e2e_review.py MOTIONSCAN WORKDIR
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys

FAILURES = []
D1 = "1140fbb50d97d3ae47ede39f6b6401fb481cc0d190f285e54d105136eeb19090"
D2 = "07e74bccbc8bf7af0ac9995ec0770d73a8c0146001eeb0c03254495a36492cce"


def check(ok, msg):
    if not ok:
        FAILURES.append(msg)
        print("FAIL:", msg)
    return ok


def v(sha, field, value, verdict, rule, time, correct=None, reviewer="ana"):
    return {"sha256": sha, "file": "samples/x.pdf", "field": field, "value": value,
            "verdict": verdict, "correct_value": correct, "rule": rule,
            "rule_source": rule and "rules/x.rules:1", "reviewer": reviewer, "time": time}


FILE_A = [
    v(D1, "motion_type", "pretermit", "correct", "motion.pretermit.title", "2026-01-10T10:00:00.000Z"),
    v(D1, "removal_countries", "HN", "correct", "role.removal.aca", "2026-01-10T10:00:01.000Z"),
    v(D1, "a_number", "212345678", "correct", "anumber.file_no", "2026-01-10T10:00:02.000Z"),
    v(D2, "motion_type", "pretermit", "correct", "motion.pretermit.title", "2026-01-10T10:01:00.000Z"),
    v(D2, "removal_countries", None, "wrong", None, "2026-01-10T10:01:01.000Z", correct="GT"),
    v(D2, "a_number", "218440391", "wrong", "anumber.file_no", "2026-01-10T10:01:02.000Z",
      correct="218440392"),
]
FILE_B = [
    # later: replaces ana's "correct" on D1's HN (a time in another zone, 11:00Z)
    v(D1, "removal_countries", "HN", "wrong", "role.removal.aca", "2026-01-10T12:00:00+01:00",
      correct="GT"),
    # older than the stored verdict: ignored
    v(D1, "motion_type", "pretermit", "wrong", "motion.pretermit.title", "2026-01-09T10:00:00Z"),
    v(D1, "motion_type", "pretermit", "correct", "motion.pretermit.title", "2026-01-11T09:00:00Z",
      reviewer="ben"),
]


def write(path, verdicts, **top):
    doc = {"format": "motionscan-verdicts", "version": 1, "exported_at": "2026-01-10T10:05:00Z",
           "verdicts": verdicts}
    doc.update(top)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return path


def run(*cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def stats(exe, db):
    code, out, err = run(exe, "review", "stats", "--db", db, "--json")
    check(code == 0, f"stats: exit {code} {err}")
    s = json.loads(out)
    fields = {f["field"]: (f["verdicts"], f["correct"], f["wrong"], f["missed"]) for f in s["fields"]}
    rules = [(r["rule"], r["verdicts"], r["correct"], round(r["accuracy"], 3)) for r in s["rules"]]
    return s, fields, rules


def main():
    exe, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db = os.path.join(work, "r.db")
    a = write(os.path.join(work, "a.json"), FILE_A)
    b = write(os.path.join(work, "b.json"), FILE_B)

    code, out, err = run(exe, "review", "stats", "--db", db)
    check(code == 2 and "no such database" in err, f"stats on a missing database: {code} {err}")
    code, out, err = run(exe, "review", "import", a, "--db", db)
    check(code == 0 and out.strip() == f"{a}: 6 verdicts: 6 new, 0 updated, 0 already stored",
          f"import A: {code} {out!r} {err}")
    code, out, err = run(exe, "review", "import", a, "--db", db)
    check(code == 0 and out.strip() == f"{a}: 6 verdicts: 0 new, 0 updated, 6 already stored",
          f"import A again: {code} {out!r} {err}")
    s, fields, rules = stats(exe, db)
    check((s["verdicts"], s["correct"], s["wrong"], s["missed"], s["reviewers"], s["documents"]) ==
          (6, 4, 2, 1, 1, 2), f"totals after A: {s}")
    check(fields == {"a_number": (2, 1, 1, 0), "motion_type": (2, 2, 0, 0),
                     "removal_countries": (2, 1, 1, 1)}, f"fields after A: {fields}")
    check(rules == [(None, 1, 0, 0.0), ("anumber.file_no", 2, 1, 0.5),
                    ("motion.pretermit.title", 2, 2, 1.0), ("role.removal.aca", 1, 1, 1.0)],
          f"rules after A (worst first): {rules}")

    code, out, err = run(exe, "review", "import", b, "--db", db)
    check(code == 0 and out.strip() == f"{b}: 3 verdicts: 1 new, 1 updated, 1 already stored",
          f"import B: {code} {out!r} {err}")
    s, fields, rules = stats(exe, db)
    check((s["verdicts"], s["correct"], s["wrong"], s["reviewers"]) == (7, 4, 3, 2),
          f"totals after B: {s}")
    check(fields["removal_countries"] == (2, 0, 2, 1) and fields["motion_type"] == (3, 3, 0, 0),
          f"fields after B: {fields}")
    check(rules[:2] == [(None, 1, 0, 0.0), ("role.removal.aca", 1, 0, 0.0)],
          f"rules after B: {rules}")
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT verdict, correct_value, reviewed_at FROM reviews WHERE sha256 = ?"
                       " AND field = 'removal_countries' AND reviewer = 'ana'", (D1,)).fetchone()
    missed = conn.execute("SELECT value, correct_value, rule FROM reviews WHERE sha256 = ?"
                          " AND field = 'removal_countries'", (D2,)).fetchone()
    conn.close()
    check(row == ("wrong", "GT", "2026-01-10T11:00:00.000000Z"), f"the later verdict: {row}")
    check(missed == ("", "GT", None), f"a missed value is stored as '': {missed}")

    code, out, err = run(exe, "review", "stats", "--db", db)
    lines = out.splitlines()
    check(code == 0 and lines[0] == "7 verdicts by 2 reviewers on 2 documents", f"stats text: {out}")
    hdr = next(i for i, l in enumerate(lines) if l.startswith("rule (worst first)"))
    check(lines[hdr + 1].startswith("(no rule) ") and
          lines[hdr + 2].startswith("role.removal.aca "), f"worst rules first: {lines[hdr:]}")
    check(any(l.split()[:6] == ["all", "7", "4", "3", "1", "0.571"] for l in lines), f"all row: {out}")
    print(out)

    # Bad files are refused whole, naming the entry and the member.
    bad = [
        (FILE_A[:1] + [dict(FILE_A[1], verdict="maybe")], {}, "verdicts[1]: verdict must be"),
        ([dict(FILE_A[0], sha256="ABC")], {}, "verdicts[0]: sha256 must be"),
        ([dict(FILE_A[0], time="yesterday")], {}, "verdicts[0]: time must be"),
        ([dict(FILE_A[0], field="<script>")], {}, "verdicts[0]: field must be"),
        ([dict(FILE_A[0], value=12)], {}, "verdicts[0]: value must be a string"),
        ([{k: x for k, x in FILE_A[0].items() if k != "verdict"}], {}, "verdicts[0]: verdict is missing"),
        (FILE_A, {"format": "something-else"}, "not a motionscan verdict file"),
        (FILE_A, {"version": 2}, "version must be 1"),
    ]
    for i, (verdicts, top, msg) in enumerate(bad):
        path = write(os.path.join(work, f"bad{i}.json"), verdicts, **top)
        code, out, err = run(exe, "review", "import", path, "--db", db)
        check(code == 1 and msg in err and "nothing imported" in err, f"bad file {i}: {code} {err!r}")
    notjson = os.path.join(work, "notjson.json")
    with open(notjson, "w") as f:
        f.write("{\"format\": ")
    code, out, err = run(exe, "review", "import", notjson, a, "--db", db)
    check(code == 1 and "not JSON" in err and "6 already stored" in out,
          f"a bad file among good ones: {code} {out} {err}")
    s, _, _ = stats(exe, db)
    check(s["verdicts"] == 7, f"bad files changed the reviews: {s['verdicts']} verdicts")
    code, _, err = run(exe, "review", "import", a)
    check(code == 2 and "usage" in err, f"import without --db: {code} {err}")

    # A database at schema version 1 gets the reviews table (and the calendar's).
    old = os.path.join(work, "old.db")
    shutil.copy(db, old)
    conn = sqlite3.connect(old)
    conn.executescript("DROP TABLE reviews; DROP TABLE calendar_events; PRAGMA user_version = 1;")
    conn.close()
    code, out, err = run(exe, "review", "import", a, "--db", old)
    conn = sqlite3.connect(old)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    n = conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    conn.close()
    check(code == 0 and version == 4 and n == 6, f"migration from 1: {code} {err} v{version} n{n}")

    if FAILURES:
        print(f"{len(FAILURES)} failures")
        return 1
    print("review import and stats: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
