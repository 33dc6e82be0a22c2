#!/usr/bin/env python3
"""End to end: JSON Lines, CSV and SQLite from one pass, three runs.

Inputs: samples/ plus, in a scratch folder, a text file whose name starts
with "=" and holds a comma, a quote and a newline (an error record with a
sha256, and a test of CSV quoting and the formula guard) and a path that does
not exist (an error record without a sha256).

Run 1 (--out --csv --db): the CSV, read with Python's csv module, has one row
per record with the same values; the database has one documents row per
distinct sha256 with the record's values, its fields, pages, evidence and
country mentions, and an errors row per error record.
Run 2, the same: documents/pages/fields/evidence/country_mentions unchanged
(but for last_run_id), the CSV byte for byte the same, one more runs row.
Run 3, --skip-known: every file read ok before is skipped, none is OCRed.
Then the README's example queries, checked against the records and printed.

usage: e2e_outputs.py MOTIONSCAN SAMPLES_DIR WORKDIR
"""
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time

CSV_COLUMNS = ["file", "sha256", "status", "error_code", "error_message", "filer", "motion_type",
               "removal_countries", "removal_country_names", "nationality", "a_number",
               "respondent", "court", "detained", "title", "pages", "ocr_pages",
               "min_ocr_confidence", "schema_version", "proceeding_type", "judge",
               "hearing_date", "hearing_time", "filed_date", "response_due", "response_basis",
               "a_numbers", "authorities", "filed_date_kind", "date_candidates", "part_index",
               "part_count", "part_first_page", "part_last_page", "boundary_confidence",
               "boundary_review", "boundary_cues", "non_filing_pages"]
# The record members that go to the fields table, and the member of an
# object value that is stored (pipeline/sinks/sink_sqlite.c, field_values).
FIELDS = {"filer": None, "motion_type": None, "removal_countries": "code", "nationality": "code",
          "a_number": None, "a_numbers": None, "respondent": None, "court": None,
          "detained": None, "proceeding_type": None, "judge": None, "hearing_date": None,
          "hearing_time": None, "filed_date": None, "authorities": None, "response_due": "date"}
DATA_TABLES = {
    "documents": "SELECT sha256, file, size, format, status, error_code, error_message, filer,"
                 " motion_type, nationality_code, a_number, respondent, court, detained, title,"
                 " record_json, first_run_id FROM documents ORDER BY sha256",
    "pages": "SELECT * FROM pages ORDER BY sha256, number",
    "fields": "SELECT * FROM fields ORDER BY sha256, field, position",
    "evidence": "SELECT * FROM evidence ORDER BY sha256, idx",
    "country_mentions": "SELECT * FROM country_mentions ORDER BY sha256, idx",
}

QUERIES = [
    ("Every pretermit motion proposing Honduras", """
SELECT d.file, d.a_number, d.respondent, d.court
FROM documents AS d
JOIN fields AS f ON f.sha256 = d.sha256 AND f.part = d.part
WHERE d.motion_type = 'pretermit'
  AND f.field = 'removal_countries' AND f.value = 'HN'
ORDER BY d.file;"""),
    ("Documents with an OCRed page below 80 confidence", """
SELECT d.file, MIN(p.ocr_confidence) AS min_confidence, COUNT(*) AS ocr_pages
FROM documents AS d
JOIN pages AS p ON p.sha256 = d.sha256 AND p.part = d.part
WHERE p.source = 'ocr'
GROUP BY d.sha256, d.part
HAVING MIN(p.ocr_confidence) < 80
ORDER BY min_confidence, d.file;"""),
    ("Motions by type and proposed country", """
SELECT d.motion_type, COALESCE(f.value, '-') AS country, COUNT(*) AS documents
FROM documents AS d
LEFT JOIN fields AS f ON f.sha256 = d.sha256 AND f.part = d.part AND f.field = 'removal_countries'
WHERE d.status = 'ok'
GROUP BY d.motion_type, country
ORDER BY documents DESC, d.motion_type, country;"""),
]

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def run(exe, args, cwd):
    t0 = time.monotonic()
    p = subprocess.run([exe, "run"] + args, capture_output=True, text=True, cwd=cwd)
    wall = time.monotonic() - t0
    records = [json.loads(line) for line in p.stdout.splitlines()] if "--out" not in args else None
    return p.returncode, p.stderr, wall, records


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def guard(v):
    """The CSV formula guard (pipeline/sinks/sink_csv.c)."""
    return "'" + v if v and v[0] in "=+-@\t\r" else v


def csv_expected(r):
    err = r["error"] or {}
    pages = r["pages"]
    ocr = [p for p in pages if p["source"] == "ocr"]
    confs = [p["ocr_confidence"] for p in ocr if p["ocr_confidence"] is not None]
    det = r["detained"]
    return {
        "file": r["file"], "sha256": r["sha256"] or "", "status": r["status"],
        "error_code": err.get("code") or "", "error_message": err.get("message") or "",
        "filer": r["filer"] or "", "motion_type": r["motion_type"] or "",
        "removal_countries": ";".join(c["code"] for c in r["removal_countries"]),
        "removal_country_names": ";".join(c["name"] for c in r["removal_countries"]),
        "nationality": (r["nationality"] or {}).get("code") or "",
        "a_number": r["a_number"] or "", "respondent": r["respondent"] or "",
        "court": r["court"] or "", "detained": "" if det is None else str(det).lower(),
        "title": r["title"] or "", "pages": str(len(pages)), "ocr_pages": str(len(ocr)),
        "min_ocr_confidence": min(confs) if confs else "",
        "schema_version": str(r["schema_version"]),
        "proceeding_type": r["proceeding_type"] or "", "judge": r["judge"] or "",
        "hearing_date": r["hearing_date"] or "", "hearing_time": r["hearing_time"] or "",
        "filed_date": r["filed_date"] or "",
        "response_due": (r["response_due"] or {}).get("date") or "",
        "response_basis": (r["response_due"] or {}).get("basis") or "",
        "a_numbers": ";".join(r["a_numbers"]), "authorities": ";".join(r["authorities"]),
        "filed_date_kind": r["filed_date_kind"] or "",
        "date_candidates": ";".join(f"{c['kind']}:{c['date']}" for c in r["date_candidates"]),
    }


def check_csv(path, records):
    with open(path, "rb") as f:
        raw = f.read()
    check(raw.startswith(b"\xef\xbb\xbf" + ",".join(CSV_COLUMNS).encode() + b"\r\n"),
          "CSV: no BOM or wrong header")
    check(raw.endswith(b"\r\n"), "CSV: last row not ended by CRLF")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    check(rows[0] == CSV_COLUMNS, f"CSV header {rows[0]}")
    rows = rows[1:]
    if not check(len(rows) == len(records), f"CSV: {len(rows)} rows for {len(records)} records"):
        return
    for row, r in zip(rows, records):
        got = dict(zip(CSV_COLUMNS, row))
        for col, want in csv_expected(r).items():
            if col == "min_ocr_confidence" and want != "":
                ok = got[col] != "" and float(got[col]) == want
            else:
                ok = got[col] == guard(want)
            check(ok, f"CSV {r['file']!r} {col}: {got[col]!r}, record says {want!r}")


def strip_timings(r):
    r = dict(r)
    r.pop("timings_ms", None)
    r["pages"] = [{k: v for k, v in p.items() if k != "ms"} for p in r["pages"]]
    return r


def field_rows(r):
    rows = []
    for name, sub in FIELDS.items():
        if name not in r or r[name] is None:
            continue
        values = r[name] if isinstance(r[name], list) else [r[name]]
        for i, v in enumerate(values, 1):
            if sub is not None:
                v = v.get(sub) if isinstance(v, dict) else None
            if v is None:
                continue
            rows.append((name, str(v).lower() if isinstance(v, bool) else v, i))
    return sorted(rows)


def location(o):
    box = o.get("bbox") or [None] * 4
    return (o["page"], *box, o.get("dpi"), o["confidence"], o["rule"], o["rule_source"])


def check_db(path, records, run_id):
    db = sqlite3.connect(path)
    docs = {row[0]: row for row in db.execute(
        "SELECT sha256, file, size, format, status, error_code, error_message, filer, motion_type,"
        " nationality_code, a_number, respondent, court, detained, title, record_json,"
        " last_run_id FROM documents")}
    with_sha = {r["sha256"] for r in records if r["sha256"]}
    check(set(docs) == with_sha, f"db: documents {len(docs)} rows for {len(with_sha)} sha256s")
    for r in records:
        sha = r["sha256"]
        if r["status"] == "error":
            n = db.execute("SELECT count(*) FROM errors WHERE run_id = ? AND file = ?",
                           (run_id, r["file"])).fetchone()[0]
            check(n == 1, f"db: no errors row for {r['file']!r} in run {run_id}")
        if not sha or sha not in docs:
            continue
        d = docs[sha]
        err = r["error"] or {}
        det = r["detained"]
        want = (sha, r["file"], r["size"], r["format"], r["status"], err.get("code"),
                err.get("message"), r["filer"], r["motion_type"],
                (r["nationality"] or {}).get("code"), r["a_number"], r["respondent"], r["court"],
                None if det is None else int(det), r["title"])
        check(d[:15] == want, f"db: documents row of {r['file']}: {d[:15]} != {want}")
        check(json.loads(d[15]) == strip_timings(r), f"db: record_json of {r['file']}")
        check(d[16] == run_id, f"db: last_run_id of {r['file']} is {d[16]}, not {run_id}")
        got = sorted(db.execute("SELECT field, value, position FROM fields WHERE sha256 = ?",
                                (sha,)))
        check(got == field_rows(r), f"db: fields of {r['file']}: {got} != {field_rows(r)}")
        pages = list(db.execute("SELECT number, source, dpi, width, height, words, ocr_confidence,"
                                " skew_degrees FROM pages WHERE sha256 = ? ORDER BY number",
                                (sha,)))
        want_pages = [(p["number"], p["source"], p["dpi"], p["width"], p["height"], p["words"],
                       p["ocr_confidence"], p["skew_degrees"]) for p in r["pages"]]
        check(pages == want_pages, f"db: pages of {r['file']}")
        ev = list(db.execute("SELECT field, value, text, page, x0, y0, x1, y1, dpi, confidence,"
                             " rule, rule_source FROM evidence WHERE sha256 = ? ORDER BY idx",
                             (sha,)))
        want_ev = [(e["field"], e["value"], e["text"], *location(e)) for e in r["evidence"]]
        check(ev == want_ev, f"db: evidence of {r['file']}")
        ms = list(db.execute("SELECT code, name, text, role, page, x0, y0, x1, y1, dpi,"
                             " confidence, rule, rule_source FROM country_mentions"
                             " WHERE sha256 = ? ORDER BY idx", (sha,)))
        want_ms = [(m["code"], m["name"], m["text"], m["role"], *location(m))
                   for m in r["country_mentions"]]
        check(ms == want_ms, f"db: country mentions of {r['file']}")
    db.close()


def dump(path):
    db = sqlite3.connect(path)
    out = {t: list(db.execute(q)) for t, q in DATA_TABLES.items()}
    db.close()
    return out


def runs(path):
    db = sqlite3.connect(path)
    rows = list(db.execute("SELECT id, files, ok, failed, skipped, finished_at IS NOT NULL"
                           " FROM runs ORDER BY id"))
    db.close()
    return rows


def check_queries(path, records):
    ok = [r for r in records if r["status"] == "ok"]
    codes = lambda r: [c["code"] for c in r["removal_countries"]]
    want = [
        sorted((r["file"], r["a_number"], r["respondent"], r["court"]) for r in ok
               if r["motion_type"] == "pretermit" and "HN" in codes(r)),
        sorted(((r["file"], min(c), len(c)) for r in ok
                for c in [[p["ocr_confidence"] for p in r["pages"] if p["source"] == "ocr"]]
                if c and min(c) < 80), key=lambda t: (t[1], t[0])),
        None,
    ]
    counts = {}
    for r in ok:
        for code in codes(r) or ["-"]:
            counts[(r["motion_type"], code)] = counts.get((r["motion_type"], code), 0) + 1
    want[2] = sorted(((t, c, n) for (t, c), n in counts.items()), key=lambda x: (-x[2], x[0], x[1]))
    # No sample has a page below 80, so the second query is also run at 92,
    # where some do, to show it finds them.
    title, sql = QUERIES[1]
    QUERIES.append((title.replace("80", "92") + " (the samples have none below 80)",
                    sql.replace("< 80", "< 92")))
    want.append(sorted(((r["file"], min(c), len(c)) for r in ok
                        for c in [[p["ocr_confidence"] for p in r["pages"] if p["source"] == "ocr"]]
                        if c and min(c) < 92), key=lambda t: (t[1], t[0])))
    check(want[3], "no sample below 92: the confidence query proves nothing")
    db = sqlite3.connect(path)
    for (title, sql), expected in zip(QUERIES, want):
        cur = db.execute(sql)
        rows = cur.fetchall()
        print(f"\n-- {title}{sql}")
        print(" | ".join(d[0] for d in cur.description))
        for row in rows:
            print(" | ".join("" if v is None else str(v) for v in row))
        print(f"({len(rows)} rows)")
        check(rows == expected, f"query '{title}': {rows} != {expected}")
    db.close()
    check(want[0], "no pretermit motion proposing Honduras in the samples: query 1 proves nothing")


def main():
    exe, samples, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    work = os.path.abspath(work)
    shutil.rmtree(work, ignore_errors=True)
    inbox = os.path.join(work, "inbox")
    os.makedirs(inbox)
    hostile = '=SUM(1+1),"quoted"\nname.pdf'
    with open(os.path.join(inbox, hostile), "w", encoding="utf-8") as f:
        f.write("not a PDF, but a note: Perú, Côte d’Ivoire\n")
    inputs = ["--jobs", "2", samples, hostile, "missing.pdf"]
    out = lambda n: ["--out", os.path.join(work, f"r{n}.jsonl"),
                     "--csv", os.path.join(work, f"r{n}.csv"), "--db", os.path.join(work, "r.db")]
    db = os.path.join(work, "r.db")

    code, err, wall1, _ = run(exe, out(1) + inputs, inbox)
    check(code == 1, f"run 1: exit {code} (expected 1: two inputs fail)\n{err}")
    recs1 = read_jsonl(os.path.join(work, "r1.jsonl"))
    statuses = [r["status"] for r in recs1]
    n_samples = len([f for f in os.listdir(samples) if f.endswith((".pdf", ".tif", ".png", ".jpg"))])
    check(statuses.count("ok") == n_samples and statuses.count("error") == 2,
          f"run 1: {statuses.count('ok')} ok, {statuses.count('error')} errors")
    hostile_rec = [r for r in recs1 if r["file"] == hostile]
    check(hostile_rec and hostile_rec[0]["sha256"] and hostile_rec[0]["status"] == "error",
          "the hostile name has no error record with a sha256")
    check_csv(os.path.join(work, "r1.csv"), recs1)
    check_db(db, recs1, 1)
    dump1 = dump(db)
    print(f"run 1: {len(recs1)} records in {wall1:.1f} s; db: " +
          ", ".join(f"{t} {len(rows)}" for t, rows in dump1.items()))

    code, err, wall2, _ = run(exe, out(2) + inputs, inbox)
    check(code == 1, f"run 2: exit {code}\n{err}")
    recs2 = read_jsonl(os.path.join(work, "r2.jsonl"))
    check([strip_timings(r) for r in recs2] == [strip_timings(r) for r in recs1],
          "run 2: records differ from run 1 (beyond timings)")
    with open(os.path.join(work, "r1.csv"), "rb") as a, open(os.path.join(work, "r2.csv"), "rb") as b:
        check(a.read() == b.read(), "run 2: the CSV differs from run 1")
    dump2 = dump(db)
    for t in DATA_TABLES:
        check(dump1[t] == dump2[t], f"run 2 changed table {t}")
    check_db(db, recs2, 2)
    print(f"run 2: {len(recs2)} records in {wall2:.1f} s; data tables unchanged: "
          f"{all(dump1[t] == dump2[t] for t in DATA_TABLES)}")

    code, err, wall3, _ = run(exe, out(3) + ["--skip-known"] + inputs, inbox)
    check(code == 1, f"run 3: exit {code}\n{err}")
    recs3 = read_jsonl(os.path.join(work, "r3.jsonl"))
    for r1, r3 in zip(recs1, recs3):
        want = "skipped" if r1["status"] == "ok" else r1["status"]
        check(r3["status"] == want, f"run 3: {r3['file']} is {r3['status']}, not {want}")
        if r3["status"] == "skipped":
            check(r3["sha256"] == r1["sha256"] and not r3["pages"] and r3["motion_type"] is None
                  and r3["timings_ms"]["pages"] == 0,
                  f"run 3: skipped {r3['file']} was processed: {r3['timings_ms']}")
    check(not any(p["source"] == "ocr" for r in recs3 for p in r["pages"]), "run 3 OCRed a page")
    total_ms = sum(r["timings_ms"]["total"] for r in recs3)
    check(total_ms < 3000 and wall3 < 20, f"run 3 took {wall3:.1f} s ({total_ms} ms in documents)")
    check("skipped" in err, f"run 3: the summary does not count skipped files: {err!r}")
    dump3 = dump(db)
    for t in DATA_TABLES:
        check(dump1[t] == dump3[t], f"run 3 changed table {t}")
    check_csv(os.path.join(work, "r3.csv"), recs3)
    print(f"run 3 (--skip-known): {statuses.count('ok')} skipped, {len(recs3)} records in "
          f"{wall3:.1f} s ({total_ms} ms in documents)")

    rr = runs(db)
    n = len(recs1)
    want_runs = [(1, n, n - 2, 2, 0, 1), (2, n, n - 2, 2, 0, 1), (3, n, 0, 2, n - 2, 1)]
    check(rr == want_runs, f"runs table {rr} != {want_runs}")
    conn = sqlite3.connect(db)
    integrity = conn.execute("PRAGMA integrity_check").fetchall()
    check(integrity == [("ok",)], f"integrity_check: {integrity[:3]}")
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    check(not fk, f"foreign_key_check: {fk[:3]}")
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    opts = json.loads(conn.execute("SELECT options FROM runs WHERE id = 3").fetchone()[0])
    conn.close()
    check(mode == "wal" and version == 4, f"journal_mode {mode}, user_version {version}")
    check("--skip-known" in opts and hostile in opts, f"runs.options: {opts}")

    check_queries(db, recs1)

    code, err, _, _ = run(exe, ["--skip-known", samples], inbox)
    check(code == 2 and "--db" in err, f"--skip-known without --db: exit {code} {err!r}")

    for f in failures:
        print("FAIL", f)
    print(f"\n{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
