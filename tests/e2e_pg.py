#!/usr/bin/env python3
"""PostgreSQL as the store: a real server, started and stopped here.

The server is initdb'd in a temporary folder and listens only on a Unix
socket there (tests/pg_server.py); if it cannot start, the test fails.

1. The same inputs (the samples' transcripts, the born-digital PDFs, an empty
   file and a missing one) into SQLite and into PostgreSQL: the same rows in
   documents, pages, fields, evidence, country_mentions and errors.  Again
   into PostgreSQL: the document tables unchanged, one more run.
2. 4 shards at once (run --shard K/4) into one database, and then 4 runs of
   the whole batch at once into another: every document once, no row lost
   or doubled, the same rows as one process writes.  The migrations ran once.
3. 4 concurrent writers (merge --db of 2,500 generated records each): rows
   per second printed.
4. The watch daemon with --db: the server stopped while files arrive, the
   daemon keeps their records (says so on stderr, in DIR/pg-spool.jsonl),
   stopped and started again while the server is down, then the server is
   back: every record is stored, once, and the spool is gone.

usage: e2e_pg.py MOTIONSCAN SAMPLES_DIR WORKDIR
"""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pg_server import PgServer  # noqa: E402
from scale_common import BORN_DIGITAL, check, make_text_tree, read_jsonl, run  # noqa: E402
import watch_common  # noqa: E402

TABLES = {
    "documents": "SELECT sha256, file, size, format, status, error_code, error_message, filer,"
                 " motion_type, nationality_code, a_number, respondent, court, detained, title,"
                 " record_json FROM documents ORDER BY sha256",
    # columns named: PostgreSQL's migration appends `part`, SQLite's rebuild puts it second
    "pages": "SELECT sha256, part, number, source, dpi, width, height, words, ocr_confidence,"
             " skew_degrees, error_code, error_message FROM pages ORDER BY sha256, part, number",
    "fields": "SELECT sha256, part, field, position, value FROM fields"
              " ORDER BY sha256, part, field, position",
    "evidence": "SELECT sha256, part, idx, field, value, text, page, x0, y0, x1, y1, dpi, confidence, rule, rule_source FROM evidence"
                " ORDER BY sha256, part, idx",
    "country_mentions": "SELECT sha256, part, idx, code, name, text, role, page, x0, y0, x1, y1, dpi, confidence, rule, rule_source"
                        " FROM country_mentions ORDER BY sha256, part, idx",
    "errors": "SELECT file, sha256, error_code, error_message FROM errors ORDER BY file",
}


def norm(v):
    """One spelling for both stores: NULL as \\N, numbers as floats (PostgreSQL
    prints a double 0 as 0, Python's sqlite3 as 0.0)."""
    if v is None or v == "\\N":
        return "\\N"
    try:
        return repr(float(v))
    except ValueError:
        return str(v)


def sqlite_rows(path, table):
    c = sqlite3.connect(path)
    rows = [[norm(v) for v in r] for r in c.execute(TABLES[table])]
    c.close()
    return rows


def pg_rows(pg, db, table):
    return [[norm(v) for v in r] for r in pg.psql(TABLES[table], db)]


def first_difference(a, b):
    for x, y in zip(a, b):
        if list(x) != list(y):
            return "\n  SQLite:     %s\n  PostgreSQL: %s" % (str(x)[:600], str(y)[:600])
    return ""


def count(pg, db, table):
    return int(pg.psql("SELECT count(*) FROM %s" % table, db)[0][0])


def inputs(samples, work):
    for name in BORN_DIGITAL:
        shutil.copy(os.path.join(samples, name), work)
    shutil.copytree(os.path.join(samples, "truth"), os.path.join(work, "truth"))
    open(os.path.join(work, "truth", "empty.txt"), "w").close()


def same_as_sqlite(exe, pg, work):
    url = pg.createdb("same")
    for db in ("same.db", url, url):
        run(exe, ["run", "-q", "-j", "2", "--text", "--db", db, "truth", "missing.txt"], work)
        run(exe, ["run", "-q", "-j", "2", "--db", db] + BORN_DIGITAL, work)
    for t in TABLES:
        a, b = sqlite_rows(os.path.join(work, "same.db"), t), pg_rows(pg, "same", t)
        if t == "errors":  # SQLite holds one run's errors, PostgreSQL two runs'
            b = sorted(set(tuple(r) for r in b))
            a = sorted(set(tuple(r) for r in a))
        check(a == b, "%s: PostgreSQL holds SQLite's rows (%d against %d)%s" %
              (t, len(a), len(b), first_difference(a, b)))
        print("same rows as SQLite: %s (%d)" % (t, len(a)))
    check(count(pg, "same", "runs") == 4, "one runs row per run")
    # trust authentication ignores the password; it must not be stored or shown
    secret = url.replace("postgresql:///", "postgresql://ms:s3cret@/")
    p = run(exe, ["run", "--text", "--db", secret, "truth/01-pretermit-aca-honduras-venezuelan.txt"], work)
    options = pg.psql("SELECT options FROM runs ORDER BY id DESC LIMIT 1", "same")[0][0]
    check("s3cret" not in options and "ms:(hidden)@" in options,
          "the password is hidden in runs.options: " + options)
    check("s3cret" not in p.stderr, "the password is not shown on stderr")
    run(exe, ["run", "-q", "--text", "--db", url, "truth/01-pretermit-aca-honduras-venezuelan.txt"], work)
    check(pg.psql("SELECT version FROM motionscan_schema", "same") == [["4"]], "schema version 4")
    check(count(pg, "same", "runs WHERE finished_at IS NULL") == 0, "every run finished")
    check(count(pg, "same", "runs") == 6, "a runs row for each run")


def concurrent(exe, pg, work, dbname, args_for):
    url = pg.createdb(dbname)
    procs = [subprocess.Popen([exe] + args_for(k, url), cwd=work, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for k in range(4)]
    t = time.monotonic()
    errs = [p.communicate()[1] for p in procs]
    secs = time.monotonic() - t
    for p, e in zip(procs, errs):
        check(p.returncode == 0, "a concurrent writer failed (%d): %s" % (p.returncode, e))
        check("kept in" not in e, "a concurrent writer spooled: %s" % e)
    return secs


def check_concurrent(exe, pg, work):
    make_text_tree(os.environ["MS_SAMPLES"], os.path.join(work, "tree"), 8)
    run(exe, ["run", "-q", "--text", "-j", "2", "--db", "single.db", "tree"], work)
    concurrent(exe, pg, work, "shards", lambda k, url: [
        "run", "-q", "--text", "-j", "1", "--shard", "%d/4" % k, "--db", url, "tree"])
    concurrent(exe, pg, work, "racing", lambda k, url: [
        "run", "-q", "--text", "-j", "1", "--db", url, "tree"])
    for db in ("shards", "racing"):
        for t in TABLES:
            if t == "errors":
                continue
            a, b = sqlite_rows(os.path.join(work, "single.db"), t), pg_rows(pg, db, t)
            check(a == b, "%s, %s: the rows one process writes (%d against %d)%s" %
                  (db, t, len(a), len(b), first_difference(a, b)))
        check(count(pg, db, "runs") == 4, "%s: 4 runs" % db)
        check(pg.psql("SELECT count(*) FROM motionscan_schema", db) == [["1"]],
              "%s: the schema was made once" % db)
    print("4 concurrent shards and 4 racing runs: %d documents, none lost or doubled" %
          count(pg, "shards", "documents"))


def rows_per_second(exe, pg, work):
    base = [r for r in read_jsonl(os.path.join(work, "base.jsonl")) if r["status"] == "ok"]
    for k in range(4):
        with open(os.path.join(work, "w%d.jsonl" % k), "w") as f:
            for i in range(k, 10000, 4):
                r = dict(base[i % len(base)])
                r["file"] = "batch/%05d-%s" % (i, os.path.basename(r["file"]))
                r["sha256"] = "%064x" % (i * 7919 + 1)
                f.write(json.dumps(r) + "\n")
    secs = concurrent(exe, pg, work, "speed", lambda k, url: [
        "merge", "--out", "/dev/null", "--db", url, "w%d.jsonl" % k])
    tables = ["documents", "pages", "fields", "evidence", "country_mentions"]
    rows = sum(count(pg, "speed", t) for t in tables)
    check(count(pg, "speed", "documents") == 10000, "10,000 documents from 4 writers")
    print("4 concurrent writers: 10,000 documents, %d rows in %.1f s: %.0f rows/s, %.0f documents/s"
          % (rows, secs, rows / secs, 10000 / secs))


def check_watch(exe, pg, samples, work):
    """Runs the scenario; a daemon still running when a check fails is killed,
    so it cannot go on claiming files from the next run's INBOX."""
    try:
        watch_scenario(exe, pg, samples, work)
    finally:
        for d in watch_common._running:
            if d.proc.poll() is None:
                d.proc.kill()
                d.proc.wait()


def watch_scenario(exe, pg, samples, work):
    url = pg.createdb("watch")
    inbox, out = os.path.join(work, "inbox"), os.path.join(work, "wout")
    os.makedirs(inbox)
    with open(os.path.join(samples, BORN_DIGITAL[0]), "rb") as f:
        pdf = f.read()
    log = os.path.join(work, "watch.log")
    args = ["--db", url, "--settle", "100", "-j", "2"]
    n = [0]

    def drop(k):
        for _ in range(k):
            watch_common.write(os.path.join(inbox, "f%03d.pdf" % n[0]), watch_common.variant(pdf, n[0]))
            n[0] += 1

    def recorded(d, want):
        path = os.path.join(out, "records.jsonl")
        watch_common.wait_until(lambda: os.path.exists(path) and len(read_jsonl(path)) >= want,
                                120, "%d records" % want, d)

    d = watch_common.Daemon(exe, inbox, out, log, args)
    drop(5)
    recorded(d, 5)
    # records.jsonl is written before the database: wait for the database
    watch_common.wait_until(lambda: count(pg, "watch", "documents") == 5, 60,
                            "5 records stored while the server is up", d)
    pg.stop()
    drop(5)
    recorded(d, 10)
    spool = os.path.join(out, "pg-spool.jsonl")
    watch_common.wait_until(lambda: os.path.exists(spool) and len(read_jsonl(spool)) == 5, 60,
                            "5 records kept in the spool", d)
    check(d.stop() == 0, "the daemon stops cleanly with records kept")
    said = d.text()
    check("kept in " + spool in said, "the daemon says a record is kept:\n" + said[-2000:])
    check("could not take every record" in said, "at exit the daemon says records wait")
    pg.start()
    d = watch_common.Daemon(exe, inbox, out, log, args)
    drop(3)
    recorded(d, 13)
    watch_common.wait_until(lambda: count(pg, "watch", "documents") == 13, 60,
                            "every record stored once the server is back", d)
    check(d.stop() == 0, "the daemon stops cleanly")
    check(not os.path.exists(spool), "the spool is gone once stored")
    files = sorted(r["file"] for r in read_jsonl(os.path.join(out, "records.jsonl")))
    stored = sorted(r[0] for r in pg.psql("SELECT file FROM documents", "watch"))
    check(files == stored, "the database holds exactly the daemon's records")
    print("watch: 13 records, 5 kept while the server was down, all stored once")


def main():
    exe, samples, work = (os.path.abspath(a) for a in sys.argv[1:4])
    os.environ["MS_SAMPLES"] = samples
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    inputs(samples, work)
    with PgServer() as pg:
        same_as_sqlite(exe, pg, work)
        check_concurrent(exe, pg, work)
        run(exe, ["run", "-q", "--text", "--out", "base.jsonl", "truth"], work)
        rows_per_second(exe, pg, work)
        check_watch(exe, pg, samples, work)
        p = run(exe, ["run", "-q", "--text", "--db", pg.url("nosuchdb"), "truth"], work, want=(2,))
        check("nosuchdb" in p.stderr, "a database that does not exist is named: " + p.stderr)
    p = run(exe, ["run", "-q", "--text", "--db", pg.url(), "truth"], work, want=(2,))
    check("cannot connect" in p.stderr, "no server: exit 2, said: " + p.stderr)
    print("ok")


if __name__ == "__main__":
    main()
