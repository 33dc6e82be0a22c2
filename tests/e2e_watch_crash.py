#!/usr/bin/env python3
"""watch: killed with SIGKILL at every step of recording a file, and at random
moments, then restarted: nothing lost, nothing doubled.

Part 1 kills the daemon (MOTIONSCAN_WATCH_CRASH=POINT:1) at each gap of the
journal: after the journal entry, after known.tsv, in the middle of a JSON
line, after records.jsonl, after the CSV, after the database, after the error
record, after the move; for a good file, a broken one and a duplicate.  The
next start finishes the file left behind before it reads the next one.
Part 2 runs cycles of: drop files (some while the daemon is down), start it,
SIGKILL it after a random 0.3-4 s, restart.  Part 3 drops a file that crashes
the daemon whenever it is read (MOTIONSCAN_WATCH_CRASH=read:poison raises
SIGSEGV): after two crashes it is set aside in failed/ and the other files go
through; files in flight at a SIGKILL are never set aside.  In the end every input is once
in done/ or failed/, and records.jsonl, the CSV and the database hold exactly
one record per input.

usage: e2e_watch_crash.py MOTIONSCAN SAMPLES_DIR WORKDIR [CYCLES] [SEED]
"""
import os
import random
import shutil
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from watch_common import BORN_DIGITAL, Daemon, check, count_outputs, fail, variant, wait_until, write  # noqa: E402


def main():
    binary, samples, work = sys.argv[1:4]
    cycles = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else int(time.time())
    print("seed %d (rerun with: e2e_watch_crash.py ... %d %d)" % (seed, cycles, seed))
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

    # Part 1: every crash point, one file at a time.
    points = ["journal", "index", "torn", "jsonl", "csv", "db", "error_json", "move"]
    cases = [(p, "good") for p in points if p != "error_json"] + \
            [(p, "broken") for p in points] + [("jsonl", "duplicate"), ("move", "duplicate")]
    for i, (point, kind) in enumerate(cases):
        data = {"good": fresh, "broken": lambda: b"not a filing %d\n" % i,
                "duplicate": lambda: inputs[0]}[kind]()
        drop("point-%02d-%s-%s.pdf" % (i, point, kind), data)
        d = Daemon(binary, inbox, out, log, sink_args + ["--jobs", "1"],
                   env={"MOTIONSCAN_WATCH_CRASH": "%s:1" % point})
        try:
            rc = d.wait(60)
        except Exception:
            fail("the daemon did not reach crash point %s for a %s file" % (point, kind))
        if rc != -signal.SIGKILL:
            fail("crash point %s (%s): exit status %s, want SIGKILL:\n%s" % (point, kind, rc, d.text()[-2000:]))
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

    # Part 3: a file that crashes the daemon each time it is read (a decoder
    # bug: SIGSEGV) is read alone after the first crash and set aside in
    # failed/ after the second, so the restarts make progress.
    drop("poison.pdf", fresh())
    time.sleep(0.05)
    for i in range(3):
        drop("later-%d.pdf" % i, fresh())
    kills = 0
    for start in range(6):
        d = Daemon(binary, inbox, out, log, sink_args + ["--jobs", "2"],
                   env={"MOTIONSCAN_WATCH_CRASH": "read:poison"})
        while d.proc.poll() is None and not (count_outputs(out) >= len(inputs) and not os.listdir(inbox)):
            time.sleep(0.1)
        if d.proc.poll() is None:
            if d.stop() != 0:
                fail("part 3: SIGTERM did not stop the daemon cleanly")
            break
        if d.proc.returncode != -signal.SIGSEGV:
            fail("part 3: exit status %s, want SIGSEGV:\n%s" % (d.proc.returncode, d.text()[-2000:]))
        d.wait(10)
        kills += 1
    if kills != 2:
        fail("the poison file crashed the daemon %d times, want 2 (then set aside)" % kills)
    r = check(out, inputs, csv_path, db_path).get(os.path.join(out, "failed", "poison.pdf"))
    if not r or r["error"]["code"] != "internal" or "set aside" not in r["error"]["message"]:
        fail("the poison file was not set aside: %s" % (r and r["error"]))
    print("part 3: a file that crashes the daemon was set aside after %d crashes" % kills)

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
