#!/usr/bin/env python3
"""The figures of README "Beyond one machine", measured on this machine.

1. The scanned samples (samples/, OCR): one process with --jobs 2 against
   two shards with --jobs 1 each, run at once by GNU parallel
   (tools/cluster/parallel-shards.sh, merge included); wall time of each,
   --repeat times, medians and pages per second.
2. motionscan merge of 10,000 generated records in 4 shard files.
3. Rows per second into PostgreSQL from 4 writers at once (merge --db of
   2,500 records each), on a server started here (tests/pg_server.py).

usage: tools/bench_scale.py [--repeat N] MOTIONSCAN WORKDIR
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(SRC, "tests"))
from pg_server import PgServer  # noqa: E402


def timed(cmd, cwd, env=None):
    t = time.monotonic()
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    secs = time.monotonic() - t
    if p.returncode not in (0, 1):
        sys.exit("%s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stderr))
    return secs


def pages_of(path):
    with open(path) as f:
        return sum(len(json.loads(line)["pages"]) for line in f if line.strip())


def shards_against_jobs(exe, work, repeat):
    samples = os.path.join(SRC, "samples")
    one, two = [], []
    env = dict(os.environ, MOTIONSCAN=exe, OMP_THREAD_LIMIT="1")
    for _ in range(repeat):
        one.append(timed([exe, "run", "-q", "-j", "2", "--out", "one.jsonl", samples], work, env))
        two.append(timed([os.path.join(HERE, "cluster", "parallel-shards.sh"), "2", "par", "-j",
                          "1", samples], work, env))
    pages = pages_of(os.path.join(work, "one.jsonl"))
    check = pages_of(os.path.join(work, "par", "records.jsonl"))
    assert pages == check, (pages, check)
    for name, t in (("1 process, --jobs 2", one), ("2 shards, --jobs 1 each", two)):
        m = statistics.median(t)
        print("%-26s %d pages: median %.1f s (runs %s), %.2f pages/s" %
              (name, pages, m, ", ".join("%.1f" % x for x in t), pages / m))


def make_records(work, n, parts):
    with open(os.path.join(work, "one.jsonl")) as f:
        base = [json.loads(line) for line in f if line.strip()]
    base = [r for r in base if r["status"] == "ok"]
    outs = [open(os.path.join(work, "w%d.jsonl" % k), "w") for k in range(parts)]
    for i in range(n):
        r = dict(base[i % len(base)])
        r["file"] = "batch/%05d-%s" % (i, os.path.basename(r["file"]))
        r["sha256"] = "%064x" % (i * 7919 + 1)
        outs[i % parts].write(json.dumps(r) + "\n")
    for f in outs:
        f.close()
    return ["w%d.jsonl" % k for k in range(parts)]


def merge_10000(exe, work, repeat):
    files = make_records(work, 10000, 4)
    t = [timed([exe, "merge", "--out", "big.jsonl"] + files, work) for _ in range(repeat)]
    print("merge of 10,000 records from 4 files: median %.2f s (runs %s)" %
          (statistics.median(t), ", ".join("%.2f" % x for x in t)))


def pg_rows(exe, work, repeat):
    files = make_records(work, 10000, 4)
    with PgServer() as pg:
        rates = []
        for r in range(repeat):
            url = pg.createdb("bench%d" % r)
            procs = []
            t = time.monotonic()
            for f in files:
                procs.append(subprocess.Popen([exe, "merge", "--out", "/dev/null", "--db", url, f],
                                              cwd=work, stderr=subprocess.DEVNULL))
            for p in procs:
                assert p.wait() == 0
            secs = time.monotonic() - t
            rows = 0
            for table in ("documents", "pages", "fields", "evidence", "country_mentions"):
                rows += int(pg.psql("SELECT count(*) FROM %s" % table, "bench%d" % r)[0][0])
            rates.append((rows / secs, 10000 / secs, secs, rows))
        rates.sort()
        m = rates[len(rates) // 2]
        print("PostgreSQL, 4 writers, 10,000 documents (%d rows): median %.1f s, %.0f rows/s, "
              "%.0f documents/s (runs %s rows/s)" %
              (m[3], m[2], m[0], m[1], ", ".join("%.0f" % x[0] for x in rates)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-ocr", action="store_true", help="leave out part 1 (needs one.jsonl)")
    ap.add_argument("motionscan")
    ap.add_argument("work")
    a = ap.parse_args()
    exe, work = os.path.abspath(a.motionscan), os.path.abspath(a.work)
    os.makedirs(work, exist_ok=True)
    print("load average at start: %.1f %.1f %.1f" % os.getloadavg())
    if not a.skip_ocr:
        shards_against_jobs(exe, work, a.repeat)
    merge_10000(exe, work, a.repeat)
    pg_rows(exe, work, a.repeat)
    print("load average at end: %.1f %.1f %.1f" % os.getloadavg())


if __name__ == "__main__":
    main()
