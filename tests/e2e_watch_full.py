#!/usr/bin/env python3
"""watch (and run) with the output on a file system that fills up.

The output folder (records.jsonl, known.tsv, journal/, done/, failed/), the
inbox, the CSV and the SQLite database live on a small tmpfs, mounted in a
private mount namespace (unshare --mount, with --map-root-user when not
root).  A test that cannot mount fails; it never skips.

Each round stages its inputs on the tmpfs, fills the rest of it with a filler
file except ROOM bytes, then moves the inputs into the inbox.  While the disk
is full: records.jsonl holds whole lines only, the CSV whole rows only, the
database passes its integrity check, every file in done/ and failed/ has its
record in each sink and every record its file, the log says "No space left
on device" (or SQLite's "database or disk is full"), and the daemon keeps running.  Then the filler is removed: every
input ends as exactly one record (watch_common.check).  One round stops the
daemon with SIGTERM while full (exit status 1, the files stay in
processing/) and starts it again once space is back.

Last, `run` writes its JSONL and CSV onto a full tmpfs: a clear error, a
non-zero exit status, and whole lines only in what it wrote.

usage: e2e_watch_full.py MOTIONSCAN SAMPLES_DIR WORKDIR
"""
import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from watch_common import BORN_DIGITAL, Daemon, check, fail, outputs, read_jsonl, variant, wait_until, write  # noqa: E402

SIZE = "16m"  # room for the database's WAL (up to 4 MB before a checkpoint) once space is back
# (bytes left free, stop the daemon while full)
ROUNDS = [(48 << 10, False), (0, False), (20 << 10, True)]


def enter_namespace():
    """Re-run this script in a private mount namespace, where it may mount."""
    if os.environ.get("MS_FULL_DISK_NS"):
        return
    cmd = ["unshare", "--mount"] + ([] if os.getuid() == 0 else ["--map-root-user"])
    env = dict(os.environ, MS_FULL_DISK_NS="1")
    shutil.rmtree(sys.argv[3], ignore_errors=True)
    try:
        rc = subprocess.call(cmd + [sys.executable] + sys.argv, env=env)
    except OSError as e:
        fail("cannot run unshare (util-linux) to get a mount namespace: %s" % e)
    if rc == 1 and not os.path.exists(os.path.join(sys.argv[3], "entered")):
        fail("unshare --mount failed: this test needs root or user namespaces to mount a tmpfs")
    sys.exit(rc)


def mount(disk):
    os.makedirs(disk, exist_ok=True)
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", disk],
                       capture_output=True, text=True)
    if p.returncode != 0:
        fail("cannot mount a tmpfs on %s (%s): the full-disk test needs it" % (disk, p.stderr.strip()))


def fill(disk, room):
    """A filler file takes all the space but `room` bytes."""
    path = os.path.join(disk, "filler")
    # unbuffered: a buffered file keeps the bytes the full disk refused and
    # fails again when it is closed (seen in a fresh clone's suite)
    with open(path, "ab", buffering=0) as f:
        block = b"\0" * (64 << 10)
        try:
            while True:
                f.write(block)
        except OSError:
            pass
    size = os.path.getsize(path)
    os.truncate(path, max(0, size - room))
    return path


def full_said(text):
    """The log names the cause (the C library's or SQLite's words)."""
    return "No space left on device" in text or "database or disk is full" in text


def check_whole(out, csv_path, db_path):
    """The sinks hold whole records only, and every file in done/ and failed/
    has its record in each (listed first: a record is written before its file
    moves, so one being recorded meanwhile may have a record and no file yet)."""
    done, failed = outputs(out)
    placed = sorted([os.path.join(out, "done", n) for n in done] +
                    [os.path.join(out, "failed", n) for n in failed])
    records = read_jsonl(os.path.join(out, "records.jsonl"))  # fails on a torn line
    by_file = {r["file"]: r for r in records}
    if len(by_file) != len(records) or not set(placed) <= set(by_file):
        fail("while full: files in done/ or failed/ without their record (or a record twice): %s" %
             sorted(set(placed) - set(by_file))[:3])
    with open(csv_path, "rb") as f:
        raw = f.read()
    if raw and not raw.endswith(b"\r\n"):
        fail("while full: the CSV ends with a half row: %r" % raw[-80:])
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    if any(len(r) != len(rows[0]) for r in rows[1:]):
        fail("while full: a CSV row has another number of cells than the header")
    in_csv = [r[0] for r in rows[1:]]
    if len(set(in_csv)) != len(in_csv) or not set(placed) <= set(in_csv):
        fail("while full: the CSV lacks a recorded file's row (or has one twice)")
    db = sqlite3.connect(db_path)
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        fail("while full: the database fails its integrity check")
    docs = {sha for (sha,) in db.execute("SELECT sha256 FROM documents")}
    errs = [f for (f,) in db.execute("SELECT file FROM errors")]
    db.close()
    for path in placed:
        r = by_file[path]
        if (r["sha256"] and r["sha256"] not in docs) or (r["status"] == "error") != (path in errs):
            fail("while full: %s is in done/ or failed/ without its row in the database" % path)
    if len(set(errs)) != len(errs):
        fail("while full: an error row twice in the database")
    processing = set(os.listdir(os.path.join(out, "processing")))
    for f in set(by_file) - set(placed):
        if os.path.basename(f) not in processing and not os.path.exists(f):
            fail("while full: a record for %s, which is nowhere" % f)
    return len(placed)


DAEMONS = []  # every daemon started, killed at the end if a check failed midway


def daemon(binary, inbox, out, log, args):
    d = Daemon(binary, inbox, out, log, args)
    DAEMONS.append(d)
    return d


def started(binary, inbox, out, log, args):
    """A daemon that has opened its sinks (before the disk fills)."""
    d = daemon(binary, inbox, out, log, args)
    wait_until(lambda: d.text().count("motionscan watch: watching") > d.started_before, 60,
               "the daemon to start", d)
    return d


def watch_rounds(binary, samples, work, disk):
    inbox, out, stage, sinks = (os.path.join(disk, d) for d in ("inbox", "out", "stage", "sinks"))
    for d in (inbox, out, stage, sinks):
        os.makedirs(d)
    csv_path, db_path = os.path.join(sinks, "r.csv"), os.path.join(sinks, "r.db")
    log = os.path.join(work, "watch.log")  # off the tmpfs: the daemon can always say why
    args = ["--csv", csv_path, "--db", db_path, "--settle", "200", "--jobs", "2"]
    with open(os.path.join(samples, BORN_DIGITAL), "rb") as f:
        pdf = f.read()
    inputs, n = [], 0
    d = started(binary, inbox, out, log, args)
    for r, (room, stop) in enumerate(ROUNDS):
        names = []
        for i in range(14):
            n += 1
            data = variant(pdf, n) if i % 7 else b"not a filing %d\n" % n
            names.append(("r%d-%02d.pdf" % (r, i), data))
        names.append(("r%d-dup.pdf" % r, names[1][1]))
        for name, data in names:
            write(os.path.join(stage, name), data)
            inputs.append(data)
        filler = fill(disk, room)
        for name, _ in names:
            os.rename(os.path.join(stage, name), os.path.join(inbox, name))
        t0 = time.time()
        while not full_said(d.text()[-20000:]) or time.time() - t0 < 6:
            if d.proc.poll() is not None:
                fail("round %d: the daemon exited on a full disk (%s):\n%s" %
                     (r, d.proc.returncode, d.text()[-3000:]))
            if time.time() - t0 > 120:
                fail("round %d: the disk filled but the log never says so:\n%s" % (r, d.text()[-3000:]))
            time.sleep(0.2)
        recorded = check_whole(out, csv_path, db_path)
        if recorded >= len(inputs):
            fail("round %d: every file was recorded with %d bytes free; the disk never filled" % (r, room))
        print("round %d (%d KB free): %d of %d inputs recorded while full, the sinks whole, the "
              "daemon running" % (r, room >> 10, recorded, len(inputs)))
        if stop:
            rc = d.stop()
            if rc != 1 or "could not be recorded" not in d.text()[-3000:]:
                fail("round %d: SIGTERM on a full disk: exit status %s, want 1 and why:\n%s" %
                     (r, rc, d.text()[-2000:]))
            check_whole(out, csv_path, db_path)
        os.unlink(filler)
        if stop:
            d = daemon(binary, inbox, out, log, args)
        t0 = time.time()
        while len(read_jsonl(os.path.join(out, "records.jsonl"))) < len(inputs) or os.listdir(inbox):
            if d.proc.poll() is not None:
                fail("round %d: the daemon exited (%s):\n%s" % (r, d.proc.returncode, d.text()[-3000:]))
            if time.time() - t0 > 300:
                fail("round %d: not every input was recorded once space was back:\n%s" % (r, d.text()[-3000:]))
            time.sleep(0.2)
        if not stop and "reading resumes" not in d.text()[-20000:]:
            fail("round %d: the log does not say that reading resumed" % r)
        time.sleep(0.5)
        check(out, inputs, csv_path, db_path)
        print("round %d: space back; %d inputs, one record each" % (r, len(inputs)))
    if d.stop() != 0:
        fail("SIGTERM with nothing waiting: exit status %s:\n%s" % (d.proc.returncode, d.text()[-2000:]))


def run_full(binary, samples, disk):
    """`run` onto a full disk: an error, a non-zero status, whole lines only."""
    out = os.path.join(disk, "run")
    os.makedirs(out)
    jsonl, csv_path = os.path.join(out, "r.jsonl"), os.path.join(out, "r.csv")
    src = os.path.join(disk, "..", "run-inputs")
    os.makedirs(src)
    with open(os.path.join(samples, BORN_DIGITAL), "rb") as f:
        pdf = f.read()
    files = []
    for i in range(40):
        files.append(os.path.join(src, "f%02d.pdf" % i))
        write(files[-1], variant(pdf, 1000 + i))
    for room, sink in ((12 << 10, ["--out", jsonl]), (12 << 10, ["--csv", csv_path, "--out", "/dev/null"])):
        filler = fill(disk, room)
        p = subprocess.run([binary, "run", "--quiet", "--jobs", "2"] + sink + files,
                           capture_output=True, text=True, timeout=600)
        path = sink[1]
        if p.returncode == 0:
            fail("run onto a full disk (%s) exited 0" % os.path.basename(path))
        if not full_said(p.stderr):
            fail("run onto a full disk: the error does not say why: %r" % p.stderr[-500:])
        with open(path, "rb") as f:
            raw = f.read()
        end = b"\r\n" if path.endswith(".csv") else b"\n"
        if raw and not raw.endswith(end):
            fail("run onto a full disk left a half record at the end of %s: %r" % (path, raw[-80:]))
        if path.endswith(".jsonl"):
            read_jsonl(path)
        print("run, %s onto a full disk: exit %d, %r, %d whole bytes" %
              (os.path.basename(path), p.returncode, p.stderr.strip().splitlines()[-1][:120], len(raw)))
        os.unlink(filler)
        os.unlink(path)


def main():
    binary, samples, work = sys.argv[1:4]
    enter_namespace()
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    write(os.path.join(work, "entered"), b"")
    disk = os.path.join(work, "disk")
    mount(disk)
    try:
        watch_rounds(binary, samples, work, disk)
        run_full(binary, samples, disk)
    finally:
        for d in DAEMONS:
            if d.proc.poll() is None:
                d.kill()
        subprocess.call(["umount", "-l", disk])
    print("ok")


if __name__ == "__main__":
    main()
