#!/usr/bin/env python3
"""watch: killed with SIGKILL at every step of recording a file, and at random
moments, then restarted: nothing lost, nothing doubled.

Part 1 kills the daemon at each gap of the journal: after the journal entry,
after known.tsv, in the middle of a JSON line, after records.jsonl, after the
CSV, after the database, after the error record, after the move; for a good
file, a broken one and a duplicate.  The kill comes from the test-only preload
library FAULTLIB (MS_KILL_AT: after the rename, fsync or SQLite COMMIT of that
step; MS_KILL_ARM: only once the case's own file has its journal entry), so
the shipped binary holds no crash hook.  The
next start finishes the file left behind before it reads the next one.
Part 2 runs cycles of: drop files (some while the daemon is down), start it,
SIGKILL it after a random 0.3-4 s, restart.  Part 3 drops a file on which
Poppler crashes (the test-only preload library FAULTLIB raises SIGSEGV inside
poppler_document_new_from_stream): its worker process dies, the file is one
worker_crashed record, and the daemon goes on.  In the end every input is once
in done/ or failed/, and records.jsonl, the CSV and the database hold exactly
one record per input.

usage: e2e_watch_crash.py MOTIONSCAN SAMPLES_DIR WORKDIR FAULTLIB [CYCLES] [SEED]
"""
import os
import random
import shutil
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from watch_common import BORN_DIGITAL, Daemon, check, count_outputs, fail, variant, wait_until, write  # noqa: E402
from e2e_faults import preload_env  # noqa: E402


def main():
    binary, samples, work, faultlib = sys.argv[1:5]
    cycles = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else int(time.time())
    print("seed %d (rerun with: e2e_watch_crash.py ... FAULTLIB %d %d)" % (seed, cycles, seed))
    rng = random.Random(seed)
    shutil.rmtree(work, ignore_errors=True)
    inbox, out, sinks = (os.path.join(work, d) for d in ("inbox", "out", "sinks"))
    for d in (inbox, sinks):
        os.makedirs(d)
    csv_path, db_path = os.path.join(sinks, "r.csv"), os.path.join(sinks, "r.db")
    log = os.path.join(work, "watch.log")
    sink_args = ["--csv", csv_path, "--db", db_path, "--settle", "200"]
    with open(os.path.join(samples, BORN_DIGITAL), "rb") as f:
        pdf = f.read()
    with open(os.path.join(samples, "04-designate-uganda-alternative-atlanta.png"), "rb") as f:
        png = f.read()
    inputs = []
    n = 0

    def drop(name, data):
        write(os.path.join(inbox, name), data)
        inputs.append(data)

    def fresh():
        nonlocal n
        n += 1
        return variant(pdf, n)

    # Part 1: every crash point, one file at a time: the call of the journal's
    # step after which the daemon is killed (see tests/faultinject.c).
    points = ["journal", "index", "torn", "jsonl", "csv", "db", "error_json", "move"]

    def kill_at(point, name, dest):
        return {"journal": "rename:/journal/" + name, "index": "fsync:/known.tsv",
                "torn": "torn:/records.jsonl", "jsonl": "fsync:/records.jsonl",
                "csv": "fsync:/r.csv", "db": "commit:", "error_json": "rename:/failed/%s.error.json" % name,
                "move": "rename:/%s/%s" % (dest, name)}[point]
    cases = [(p, "good") for p in points if p != "error_json"] + \
            [(p, "broken") for p in points] + [("jsonl", "duplicate"), ("move", "duplicate")]
    for i, (point, kind) in enumerate(cases):
        data = {"good": fresh, "broken": lambda: b"not a filing %d\n" % i,
                "duplicate": lambda: inputs[0]}[kind]()
        name = "point-%02d-%s-%s.pdf" % (i, point, kind)
        drop(name, data)
        env = dict(preload_env(faultlib), MS_KILL_ARM="/journal/" + name,
                   MS_KILL_AT=kill_at(point, name, "failed" if kind == "broken" else "done"))
        d = Daemon(binary, inbox, out, log, sink_args + ["--jobs", "1"], env=env)
        try:
            rc = d.wait(60)
        except Exception:
            fail("the daemon did not reach crash point %s for a %s file" % (point, kind))
        if rc != -signal.SIGKILL:
            fail("crash point %s (%s): exit status %s, want SIGKILL:\n%s" % (point, kind, rc, d.text()[-2000:]))
        # the kill came inside this file's commit: its journal entry is
        # written, and it is still in processing/ until the move
        dest = "failed" if kind == "broken" else "done"
        where = dest if point == "move" else "processing"
        if not os.path.exists(os.path.join(out, where, name)) or \
                not os.path.exists(os.path.join(out, "journal", name)):
            fail("crash point %s (%s): %s is not in %s/ with its journal entry" % (point, kind, name, where))
        if point == "torn":
            with open(os.path.join(out, "records.jsonl"), "rb") as f:
                if f.read().endswith(b"\n"):
                    fail("the torn crash point left no torn line")
    print("part 1: killed at %d crash points" % len(cases))

    # Part 2: random kills.
    survived = 0
    for c in range(cycles):
        for i in range(18):
            drop("c%d-%02d.pdf" % (c, i), fresh())
        drop("c%d-dup.pdf" % c, rng.choice(inputs))
        drop("c%d-broken.pdf" % c, b"%PDF-1.4\n" + os.urandom(500))
        if c % 2 == 0:
            drop("c%d-scan.png" % c, png + b"\0" * (c + 1))  # other bytes, still a PNG
        d = Daemon(binary, inbox, out, log, sink_args + ["--jobs", "2"])
        time.sleep(rng.uniform(0.3, 4.0))
        if d.proc.poll() is not None:
            fail("the daemon exited by itself (%s):\n%s" % (d.proc.returncode, d.text()[-2000:]))
        d.kill()
        survived += 1
        if c == 2:  # a torn line as a kill in mid-write leaves it
            with open(os.path.join(out, "records.jsonl"), "ab") as f:
                f.write(b'{"schema_version": 1, "file": "half')
        for i in range(3):  # files arriving while the daemon is down
            drop("down%d-%d.pdf" % (c, i), fresh())
    print("part 2: %d kill/restart cycles" % survived)

    # Part 3: a file that crashes the library reading it (a decoder bug:
    # SIGSEGV inside Poppler, injected by the test-only preload library)
    # costs its worker process, not the daemon: one worker_crashed record,
    # the other files go through and the daemon keeps running.
    drop("poison.pdf", fresh() + b"%MS-FAULT-MARK\n")
    time.sleep(0.05)
    for i in range(3):
        drop("later-%d.pdf" % i, fresh())
    d = Daemon(binary, inbox, out, log, sink_args + ["--jobs", "2"],
               env=dict(preload_env(faultlib), MS_FAULT="crash:poppler_document_new_from_stream"))
    wait_until(lambda: count_outputs(out) >= len(inputs) and not os.listdir(inbox), 600,
               "the poison file and the others to be recorded", d)
    if d.stop() != 0:
        fail("part 3: SIGTERM did not stop the daemon cleanly")
    r = check(out, inputs, csv_path, db_path).get(os.path.join(out, "failed", "poison.pdf"))
    if not r or r["error"]["code"] != "worker_crashed" or "poison.pdf" not in r["error"]["message"]:
        fail("the poison file is not a worker_crashed record: %s" % (r and r["error"]))
    print("part 3: a file that crashes its worker is one worker_crashed record; the daemon ran on")

    d = Daemon(binary, inbox, out, log, sink_args + ["--jobs", "2"])
    wait_until(lambda: count_outputs(out) >= len(inputs) and not os.listdir(inbox), 600,
               "all %d files to be recorded" % len(inputs), d)
    rc = d.stop()
    if rc != 0:
        fail("SIGTERM: exit status %d" % rc)
    text = d.text()
    if "recorded after a restart" not in text or "removed" not in text:
        fail("the log shows no recovery")
    by_file = check(out, inputs, csv_path, db_path)
    print("%d inputs, %d records in each sink after %d crash points and %d random kills" %
          (len(inputs), len(by_file), len(cases), survived))
    print("ok")


if __name__ == "__main__":
    main()
