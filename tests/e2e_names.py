#!/usr/bin/env python3
"""A file name that is not UTF-8 (Latin-1 "r\\xe9sum\\xe9.pdf"): every output
stays valid UTF-8 and the original name can be recovered.

JSON Lines, CSV and SQLite get `file` with U+FFFD for the bad bytes; the JSON
record also carries `file_bytes`, the exact bytes percent-encoded, which
decode back to the name on disk.  The record is valid against the schema.

usage: e2e_names.py MOTIONSCAN SAMPLES_DIR SCHEMA VALIDATOR WORKDIR
"""
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.parse


def main():
    exe, samples, schema, validator, work = sys.argv[1:6]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    src = os.path.join(samples, "02-pretermit-incomplete-i589-born-digital.pdf")
    raw = os.path.join(os.fsencode(work), b"r\xe9sum\xe9.pdf")
    shutil.copyfile(src, raw)
    out, csv_path, db = (os.path.join(work, n) for n in ("r.jsonl", "r.csv", "r.db"))
    p = subprocess.run([os.fsencode(exe), b"run", b"--quiet", b"--out", out.encode(), b"--csv",
                        csv_path.encode(), b"--db", db.encode(), raw], capture_output=True)
    failures = []
    if p.returncode != 0:
        failures.append("exit %d: %r" % (p.returncode, p.stderr[-500:]))
    data = open(out, "rb").read()
    try:
        rec = json.loads(data.decode("utf-8"))  # strict: invalid UTF-8 fails here
    except (UnicodeDecodeError, ValueError) as e:
        sys.exit("FAIL: the JSON record is not valid UTF-8 JSON: %s" % e)
    if "\ufffd" not in rec["file"] or rec["status"] != "ok":
        failures.append("file %r, status %s" % (rec["file"], rec["status"]))
    if urllib.parse.unquote_to_bytes(rec.get("file_bytes", "")) != raw:
        failures.append("file_bytes %r does not decode to %r" % (rec.get("file_bytes"), raw))
    try:
        rows = list(csv.reader(io.StringIO(open(csv_path, "rb").read().decode("utf-8-sig"), newline="")))
        if "\ufffd" not in rows[1][0]:
            failures.append("CSV file cell %r" % rows[1][0])
    except UnicodeDecodeError as e:
        failures.append("the CSV is not valid UTF-8: %s" % e)
    con = sqlite3.connect(db)
    con.text_factory = bytes
    (name,) = con.execute("SELECT file FROM documents").fetchone()
    try:
        if "\ufffd" not in name.decode("utf-8"):
            failures.append("database file %r" % name)
    except UnicodeDecodeError as e:
        failures.append("the database holds invalid UTF-8: %s" % e)
    v = subprocess.run([sys.executable, validator, schema, "--records", out], capture_output=True)
    if v.returncode != 0:
        failures.append("schema: %s" % v.stdout.decode()[-1000:])
    for f in failures:
        print("FAIL " + f)
    if failures:
        sys.exit(1)
    print("ok: %r recorded as %r, file_bytes %s" % (raw, rec["file"], rec["file_bytes"]))


if __name__ == "__main__":
    main()
