#!/usr/bin/env python3
"""End to end: stapled stacks, one record per filing, through every output.

Text inputs (tests/golden/stacks/: stack.txt is a fax cover, a motion with its
proposed order and a court order in another case; single.txt one filing):
  * run --out --csv --db: the stack gives parts 1 and 2 of 2 with their pages,
    boundary and fields, page 1 recorded as a fax cover; the single filing is
    part 1 of 1; the CSV has a row per part; SQLite a documents row per
    (sha256, part) and each part's fields;
  * merge keeps every part;
  * duplex.txt, a filing whose caption and title come again after a blank
    sheet, stays one filing;
  * ocr_damaged.txt, a stack read with OCR's misreads: a repeated caption with
    one A-number digit and one title letter misread stays with its filing, a
    TELECOPY cover sheet is a fax cover, the next filing opens on a damaged
    heading, label and "Page I of 1";
  * respondents.txt: two respondents' motions with one title and unreadable
    A-numbers split on the new respondent; a repeated caption with the name
    misread does not;
  * --no-split: one record per file;
  * --skip-known: one skipped record per file, the database unchanged;
  * a database written before stapled stacks (sqlite_v3.sql, schema version 3)
    is migrated to version 4: its documents become part 1 of 1, and a new run
    replaces the stack's old row with its two parts.
Scanned inputs (tools/gen_evalset2.py --stacks, two stacks, a free seed):
  * run: the parts start on the pages the truth gives;
  * watch: the daemon writes every part to records.jsonl, the CSV and SQLite;
  * audit: a page per part, each naming its pages and its boundary's cues.

usage: e2e_stacks.py MOTIONSCAN SOURCE_DIR WORKDIR
"""
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from watch_common import Daemon, fail, read_jsonl, wait_until  # noqa: E402


def run(exe, *args, ok=(0,), cwd=None):
    p = subprocess.run([exe] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       cwd=cwd)
    if p.returncode not in ok:
        fail("%s exited %d: %s" % (" ".join(args), p.returncode, p.stderr[-2000:]))
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


def check(cond, msg):
    if not cond:
        fail(msg)


def by_file(records):
    out = {}
    for r in records:
        out.setdefault(os.path.basename(r["file"]), []).append(r)
    return out


def text_run(exe, gold, work):
    csv_path, db = os.path.join(work, "t.csv"), os.path.join(work, "t.db")
    stack, single = os.path.join(gold, "stack.txt"), os.path.join(gold, "single.txt")
    recs = by_file(run(exe, "run", "--text", "-q", "--csv", csv_path, "--db", db, stack, single))
    parts = recs["stack.txt"]
    check([r["part"] for r in parts] == [{"index": 1, "count": 2, "pages": [2, 3]},
                                         {"index": 2, "count": 2, "pages": [4, 4]}],
          "stack parts: %s" % [r["part"] for r in parts])
    check([(r["motion_type"], r["a_number"]) for r in parts] ==
          [("pretermit", "212345678"), ("order", "201520310")],
          "stack fields: %s" % [(r["motion_type"], r["a_number"]) for r in parts])
    check([c["code"] for c in parts[0]["removal_countries"]] == ["EC"] and
          not parts[1]["removal_countries"], "each part's countries are its own")
    check(all(e["page"] in (None, 4) for e in parts[1]["evidence"]), "part 2's evidence is on page 4")
    check(all(p["number"] == 4 for p in parts[1]["pages"]), "part 2 lists its own pages")
    check(parts[0]["non_filing_pages"] == [{"page": 1, "kind": "fax_cover"}], "the fax cover")
    b = parts[1]["boundary"]
    check(b["page"] == 4 and "caption" in b["cues"] and "new_a_number" in b["cues"] and
          0 < b["confidence"] <= 1 and b["review"] is False, "part 2's boundary: %s" % b)
    one = recs["single.txt"]
    check(len(one) == 1 and one[0]["part"] == {"index": 1, "count": 1, "pages": [1, 1]},
          "a single filing is part 1 of 1: %s" % [r["part"] for r in one])
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    check([(os.path.basename(r["file"]), r["part_index"], r["part_count"], r["part_first_page"],
            r["part_last_page"]) for r in rows] ==
          [("single.txt", "1", "1", "1", "1"), ("stack.txt", "1", "2", "2", "3"),
           ("stack.txt", "2", "2", "4", "4")], "CSV rows: %s" % rows)
    check(rows[1]["non_filing_pages"] == "1:fax_cover", "CSV non_filing_pages")
    con = sqlite3.connect(db)
    got = con.execute("SELECT file, part, part_count, first_page, last_page, a_number FROM documents"
                      " ORDER BY file, part").fetchall()
    check([(os.path.basename(g[0]),) + g[1:] for g in got] ==
          [("single.txt", 1, 1, 1, 1, "201520310"), ("stack.txt", 1, 2, 2, 3, "212345678"),
           ("stack.txt", 2, 2, 4, 4, "201520310")], "documents rows: %s" % got)
    check(con.execute("SELECT value FROM fields f JOIN documents d USING (sha256, part)"
                      " WHERE d.file LIKE '%stack.txt' AND d.part = 2 AND f.field = 'motion_type'")
          .fetchall() == [("order",)], "part 2's fields")
    check(con.execute("PRAGMA foreign_key_check").fetchall() == [], "foreign keys")
    con.close()
    # merge (of shard outputs) keeps every part, in order, and an input named twice once
    out, merged = os.path.join(work, "t.jsonl"), os.path.join(work, "m.jsonl")
    run(exe, "run", "--text", "-q", "--out", out, stack, single)
    run(exe, "merge", "--out", merged, out, out)
    with open(out, encoding="utf-8") as a, open(merged, encoding="utf-8") as b:
        check(a.read() == b.read(), "merge changed the parts")
    return db


def one_filing(exe, gold):
    """A filing whose caption and title come again after a blank sheet (a
    duplex scan's empty back) stays one filing."""
    recs = run(exe, "run", "--text", "-q", os.path.join(gold, "duplex.txt"))
    check([r["part"] for r in recs] == [{"index": 1, "count": 1, "pages": [1, 3]}] and
          recs[0]["non_filing_pages"] == [{"page": 2, "kind": "blank"}],
          "a repeated caption after a blank page split the filing: %s" % [r["part"] for r in recs])


def ocr_damaged(exe, gold):
    """OCR's misreads neither split a filing nor hide a boundary: a second
    page repeating the caption with one A-number digit and one title letter
    misread stays with its filing; a cover sheet headed TELECOPY is a fax
    cover; the next filing opens on a damaged EOIR heading, a "Rcspondent;"
    label and "Page I of 1"."""
    recs = run(exe, "run", "--text", "-q", os.path.join(gold, "ocr_damaged.txt"))
    check([r["part"]["pages"] for r in recs] == [[1, 2], [4, 4]] and
          recs[0]["non_filing_pages"] == [{"page": 3, "kind": "fax_cover"}],
          "the OCR-damaged stack: parts %s, non-filing pages %s"
          % ([r["part"]["pages"] for r in recs], recs[0]["non_filing_pages"]))
    check("page_1" in recs[1]["boundary"]["cues"] and "caption" in recs[1]["boundary"]["cues"],
          "the damaged caption and page number were not cues: %s" % recs[1]["boundary"]["cues"])


def respondents(exe, gold):
    """Two DHS motions with the same title for two respondents, every A-number
    unreadable: the second respondent's caption opens a filing (new_respondent),
    while a page repeating the first's caption with the name misread
    ("OKAF0R, Denls") stays with it."""
    recs = run(exe, "run", "--text", "-q", os.path.join(gold, "respondents.txt"))
    check([r["part"]["pages"] for r in recs] == [[1, 2], [3, 3]],
          "respondents.txt: parts %s" % [r["part"]["pages"] for r in recs])
    check("new_respondent" in recs[1]["boundary"]["cues"] and
          [r["respondent"] for r in recs] == ["OKAFOR, Denis", "MENDOZA LOPEZ, Carlos"],
          "respondents.txt: cues %s, respondents %s" % (recs[1]["boundary"]["cues"], [r["respondent"] for r in recs]))


def no_split_and_skip(exe, gold, db):
    stack = os.path.join(gold, "stack.txt")
    recs = run(exe, "run", "--text", "-q", "--no-split", stack)
    check(len(recs) == 1 and recs[0]["part"] == {"index": 1, "count": 1, "pages": [1, 4]} and
          recs[0]["boundary"]["cues"] == ["whole_file"], "--no-split: %s" % recs)
    con = sqlite3.connect(db)
    before = con.execute("SELECT sha256, part, record_json FROM documents ORDER BY 1, 2").fetchall()
    con.close()
    recs = run(exe, "run", "--text", "-q", "--skip-known", "--db", db, stack)
    check([r["status"] for r in recs] == ["skipped"], "--skip-known: %s" % [r["status"] for r in recs])
    con = sqlite3.connect(db)
    after = con.execute("SELECT sha256, part, record_json FROM documents ORDER BY 1, 2").fetchall()
    con.close()
    check(before == after, "--skip-known changed the documents")


def migration(exe, gold, work):
    db = os.path.abspath(os.path.join(work, "v3.db"))
    con = sqlite3.connect(db)
    with open(os.path.join(gold, "sqlite_v3.sql"), encoding="utf-8") as f:
        con.executescript(f.read())
    check(con.execute("PRAGMA user_version").fetchone() == (3,), "the fixture is schema 3")
    con.close()
    run(os.path.abspath(exe), "run", "--text", "-q", "--db", db, "stack.txt", cwd=gold)
    con = sqlite3.connect(db)
    check(con.execute("PRAGMA user_version").fetchone() == (4,), "not migrated to 4")
    check(con.execute("PRAGMA integrity_check").fetchone() == ("ok",), "integrity")
    check(con.execute("PRAGMA foreign_key_check").fetchall() == [], "foreign keys after migration")
    got = con.execute("SELECT file, part, part_count, first_page, last_page, motion_type"
                      " FROM documents ORDER BY file, part").fetchall()
    check(got == [("single.txt", 1, 1, 1, 1, "order"), ("stack.txt", 1, 2, 2, 3, "pretermit"),
                  ("stack.txt", 2, 2, 4, 4, "order")], "migrated documents: %s" % got)
    pages = con.execute("SELECT part, number FROM pages p JOIN documents d USING (sha256, part)"
                        " WHERE d.file = 'stack.txt' ORDER BY part, number").fetchall()
    check(pages == [(1, 2), (1, 3), (2, 4)], "the stack's old pages were replaced: %s" % pages)
    check(con.execute("SELECT count(*) FROM runs").fetchone() == (2,), "the old run is kept")
    con.close()


def scanned(exe, src, work):
    sets = os.path.join(work, "stacks")
    subprocess.run([sys.executable, os.path.join(src, "tools", "gen_evalset2.py"), "--out", sets,
                    "--seed", "e2e", "--stacks", "--count", "2", "--quiet"], check=True)
    out = os.path.join(work, "scan.jsonl")
    run(exe, "run", "-q", "--jobs", "2", "--out", out, sets)
    recs = by_file(read_jsonl(out))
    truth = {}
    for name in sorted(os.listdir(os.path.join(sets, "expected"))):
        with open(os.path.join(sets, "expected", name), encoding="utf-8") as f:
            e = json.load(f)
        truth[e["file"]] = e
        got = [r["part"]["pages"][0] for r in recs.get(e["file"], [])]
        want = [p["pages"][0] for p in e["parts"]]
        check(got == want, "%s: parts start on %s, the truth on %s" % (e["file"], got, want))
    return sets, out, truth


def watch(exe, sets, work, truth):
    inbox, out = os.path.join(work, "inbox"), os.path.join(work, "watch")
    os.makedirs(inbox)
    csv_path, db = os.path.join(work, "watch.csv"), os.path.join(work, "watch.db")
    name = sorted(truth)[0]
    d = Daemon(exe, inbox, out, os.path.join(work, "watch.log"),
               ["--csv", csv_path, "--db", db, "--settle", "300", "--jobs", "2"])
    wait_until(lambda: "watching" in d.text(), 30, "the daemon to start", d)
    shutil.copy(os.path.join(sets, name), os.path.join(inbox, name))
    wait_until(lambda: os.path.exists(os.path.join(out, "done", name)), 300, "the stack to be read", d)
    d.stop()
    n = len(truth[name]["parts"])
    recs = read_jsonl(os.path.join(out, "records.jsonl"))
    check([r["part"]["index"] for r in recs] == list(range(1, n + 1)) and
          all(r["part"]["count"] == n for r in recs), "watch wrote %d records for %d parts"
          % (len(recs), n))
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        check(len(list(csv.DictReader(f))) == n, "watch's CSV has a row per part")
    con = sqlite3.connect(db)
    check(con.execute("SELECT count(*) FROM documents").fetchone() == (n,), "watch's SQLite rows")
    con.close()


def audit(exe, sets, records, work, truth):
    rep = os.path.join(work, "report")
    p = subprocess.run([exe, "audit", "--records", records, "--out", rep, "--source-dir", sets],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(p.returncode == 0, "audit: %s" % p.stderr[-2000:])
    with open(os.path.join(rep, "index.html"), encoding="utf-8") as f:
        index = f.read()
    parts = sum(len(e["parts"]) for e in truth.values())
    docs = [n for n in os.listdir(rep) if n.startswith("doc-") and n.endswith(".html")]
    check(len(docs) == parts, "audit: %d document pages for %d parts" % (len(docs), parts))
    check(index.count('class="part">part ') == parts, "the index names each part")
    for n in docs:
        with open(os.path.join(rep, n), encoding="utf-8") as f:
            html = f.read()
        check('class="part">part ' in html and "boundary on page" in html,
              "%s does not show its part and boundary" % n)


def main():
    exe, src, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    gold = os.path.join(src, "tests", "golden", "stacks")
    db = text_run(exe, gold, work)
    one_filing(exe, gold)
    ocr_damaged(exe, gold)
    respondents(exe, gold)
    no_split_and_skip(exe, gold, db)
    migration(exe, gold, work)
    sets, records, truth = scanned(exe, src, work)
    watch(exe, sets, work, truth)
    audit(exe, sets, records, work, truth)
    print("e2e_stacks: ok")


if __name__ == "__main__":
    main()
