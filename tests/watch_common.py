"""Helpers for the watch-folder tests: inputs, the daemon, and the invariants.

The invariant every test ends with (issue 6): every input is exactly once in
done/ or failed/ with its bytes intact, nothing is left in processing/ or the
journal, and each sink holds exactly one record per input (the database one
document per distinct content and one error row per failed input).
"""
import csv
import hashlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time

BORN_DIGITAL = "02-pretermit-incomplete-i589-born-digital.pdf"


def sha(data):
    return hashlib.sha256(data).hexdigest()


def variant(pdf, i):
    """The born-digital sample with a comment after %%EOF: other bytes, same
    document (poppler ignores what follows the last %%EOF)."""
    return pdf + b"%% motionscan watch test variant %d\n" % i


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


_running = []  # daemons to kill if the test fails


def fail(msg):
    print("FAIL: " + msg)
    for d in _running:
        if d.proc.poll() is None:
            d.proc.kill()
            d.proc.wait()
    sys.exit(1)


def no_core():
    """The crash test makes the daemon crash on purpose: no core files."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


class Daemon:
    def __init__(self, binary, inbox, out, log_path, extra=(), env=None):
        self.log_path = log_path
        self.started_before = self.text().count("motionscan watch: watching") if os.path.exists(log_path) else 0
        self.log = open(log_path, "ab")
        e = dict(os.environ)
        e.update(env or {})
        self.args = [binary, "watch", inbox, "--out", out] + list(extra)
        self.proc = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=self.log, env=e,
                                     preexec_fn=no_core)
        _running.append(self)

    def signal(self, sig):
        self.proc.send_signal(sig)

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.log.close()

    def stop(self, timeout=300):
        """SIGTERM once it has started; returns the exit status."""
        wait_until(lambda: self.text().count("motionscan watch: watching") > self.started_before,
                   60, "the daemon to start", self)
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout)
        self.log.close()
        return rc

    def wait(self, timeout):
        try:
            return self.proc.wait(timeout)
        finally:
            self.log.close()

    def text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")


def wait_until(pred, timeout, what, daemon=None):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if pred():
            return time.time() - t0
        if daemon and daemon.proc.poll() is not None:
            fail("the daemon exited (%s) while waiting for %s:\n%s"
                 % (daemon.proc.returncode, what, daemon.text()[-3000:]))
        time.sleep(0.1)
    fail("timed out after %d s waiting for %s" % (timeout, what))


def outputs(out):
    """Names in done/ and failed/ (error records apart)."""
    done = sorted(os.listdir(os.path.join(out, "done")))
    failed = sorted(n for n in os.listdir(os.path.join(out, "failed"))
                    if not n.endswith(".error.json"))
    return done, failed


def count_outputs(out):
    done, failed = outputs(out)
    return len(done) + len(failed)


def read_jsonl(path):
    records = []
    with open(path, "rb") as f:
        data = f.read()
    if data and not data.endswith(b"\n"):
        fail("%s ends with a torn line" % path)
    for n, line in enumerate(data.decode("utf-8").splitlines(), 1):
        try:
            records.append(json.loads(line))
        except ValueError as e:
            fail("%s:%d is not JSON (%s): %r" % (path, n, e, line[:200]))
    return records


def check(out, inputs, csv_path=None, db_path=None):
    """inputs: list of the byte strings dropped (duplicates included).
    Returns the records, keyed by the path in the record's `file`."""
    for d in ("processing", "journal"):
        left = os.listdir(os.path.join(out, d))
        if left:
            fail("%s/ is not empty: %s" % (d, left))
    done, failed = outputs(out)
    placed = {}
    for d, names in (("done", done), ("failed", failed)):
        for n in names:
            with open(os.path.join(out, d, n), "rb") as f:
                placed[os.path.join(out, d, n)] = f.read()
    want = sorted(sha(b) for b in inputs)
    got = sorted(sha(b) for b in placed.values())
    if want != got:
        missing = set(want) - set(got)
        extra = set(got) - set(want)
        fail("done/ + failed/ hold %d files, %d inputs were dropped; missing %d contents, "
             "%d unexpected (half-written?) contents" % (len(got), len(want), len(missing), len(extra)))

    records = read_jsonl(os.path.join(out, "records.jsonl"))
    by_file = {}
    for r in records:
        if r["file"] in by_file:
            fail("two records for %s" % r["file"])
        by_file[r["file"]] = r
    if set(by_file) != set(placed):
        fail("records and files differ: no record for %s; record without file %s"
             % (sorted(set(placed) - set(by_file))[:5], sorted(set(by_file) - set(placed))[:5]))
    first = {}
    for path, r in sorted(by_file.items()):
        data = placed[path]
        if r["size"] > 0 and r["sha256"] != sha(data):
            fail("%s: record sha256 %s, file %s" % (path, r["sha256"], sha(data)))
        in_failed = "/failed/" in path
        if in_failed != (r["status"] == "error"):
            fail("%s has status %s" % (path, r["status"]))
        if in_failed and not os.path.exists(path + ".error.json"):
            fail("%s has no error record beside it" % path)
        if in_failed:
            with open(path + ".error.json") as f:
                if json.load(f)["error"] != r["error"]:
                    fail("%s.error.json differs from its record" % path)
        if r["status"] != "skipped" and r["size"] > 0:
            if r["sha256"] in first:
                fail("%s and %s have the same bytes and were both read" % (first[r["sha256"]], path))
            first[r["sha256"]] = path
    for path, r in by_file.items():
        if r["status"] == "skipped":
            if r["sha256"] not in first:
                fail("%s is a duplicate of nothing recorded" % path)
            if r["pages"] or r["motion_type"]:
                fail("%s: a duplicate has pages or fields" % path)

    if csv_path:
        with open(csv_path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        files = [row["file"] for row in rows]
        if sorted(files) != sorted(by_file):
            fail("the CSV has %d rows for %d records (or other files)" % (len(files), len(by_file)))
        if len(set(files)) != len(files):
            fail("the CSV has a file twice")
        with open(csv_path, "rb") as f:
            if f.read().count(b"\xef\xbb\xbffile,") != 1:
                fail("the CSV has its header more than once")

    if db_path:
        db = sqlite3.connect(db_path)
        docs = dict(db.execute("SELECT sha256, status FROM documents"))
        want_docs = {r["sha256"] for r in by_file.values() if r["sha256"]}
        if set(docs) != want_docs:
            fail("the database holds %d documents for %d distinct contents" % (len(docs), len(want_docs)))
        errs = db.execute("SELECT file, COUNT(*) FROM errors GROUP BY file").fetchall()
        want_errs = sorted(p for p, r in by_file.items() if r["status"] == "error")
        if sorted(f for f, _ in errs) != want_errs or any(n != 1 for _, n in errs):
            fail("the errors table does not hold one row per failed file: %s" % errs[:5])
        db.close()
    return by_file
