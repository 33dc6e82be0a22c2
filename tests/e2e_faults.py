#!/usr/bin/env python3
"""Isolation (issue 14): faults injected into Poppler, Leptonica and Tesseract
from outside, through the test-only preload library (tests/faultinject.c).

1. Each fault (crash, abort, hang, runaway allocation) in each wrapped library
   call, through `run` and through `watch`: the marked input is one error
   record with its code (worker_crashed, timeout, out_of_memory) naming the
   file; every other record is the same as in a clean run; the batch finishes
   within its time limits; the daemon is still running afterwards.
2. A 100-file batch with one crasher: 99 ok records and 1 error.  And a
   hang on a born-digital file, which its worker opens while the thread
   extracts the file before it (scheduler.h): one timeout record for that
   file, every other record ok, within the document's time limit.
3. A batch with one hostile slow page (a render that hangs): the other
   documents are read meanwhile by the other worker, and the batch ends at the
   hostile document's time limit.

In a sanitizer build (MS_SANITIZED set) the workers have no RLIMIT_AS, so a
runaway allocation cannot end at the limit: there it is capped by the
injector and the worker's abort is a worker_crashed record.

Every record of the test (each error code among them) is then validated
against the schema.

usage: e2e_faults.py MOTIONSCAN FAULTLIB SAMPLES_DIR WORKDIR SCHEMA VALIDATOR
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from watch_common import BORN_DIGITAL, Daemon, fail, read_jsonl, variant, wait_until, write  # noqa: E402

MARK = b"MS-FAULT-MARK"
SCAN_PDF = "10-mpp-returned-to-mexico.pdf"
SCAN_PNG = "04-designate-uganda-alternative-atlanta.png"
DOC_TIMEOUT = 15  # s: how long a hang may hold a document (an OCR page on a loaded machine fits)
SANITIZED = bool(os.environ.get("MS_SANITIZED"))
# (function, the input it runs on)
CALLS = [("poppler_document_new_from_stream", "pdf"), ("poppler_page_render_for_printing", "pdf"),
         ("pixReadMem", "png"), ("pixConvertTo8", "png"), ("TessBaseAPIRecognize", "pdf")]
KINDS = {"crash": "worker_crashed", "abort": "worker_crashed", "hang": "timeout",
         "alloc": "worker_crashed" if SANITIZED else "out_of_memory"}
ENGINE = ["--jobs", "2", "--doc-timeout", str(DOC_TIMEOUT), "--worker-memory-mb", "512"]


def preload_env(lib):
    """LD_PRELOAD of the injector; under ASan its runtime must be told that
    another library comes first in the list."""
    env = {"LD_PRELOAD": lib}
    if SANITIZED:
        env["ASAN_OPTIONS"] = os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"
    return env


def fault_env(lib, spec):
    env = preload_env(lib)
    env.update({"MS_FAULT": spec, "MS_FAULT_ALLOC_CAP_MB": "800" if SANITIZED else "4096"})
    return env


def stable(rec):
    """A record without what varies from run to run (times, the path)."""
    r = dict(rec)
    r.pop("timings_ms", None)
    r.pop("file", None)
    r["pages"] = [{k: v for k, v in p.items() if k != "ms"} for p in r.get("pages", [])]
    return json.dumps(r, sort_keys=True)


ALL = []  # every record, for the schema


def run(binary, inputs, env=None, extra=()):
    e = dict(os.environ)
    e.update(env or {})
    t0 = time.time()
    p = subprocess.run([binary, "run", "--quiet"] + ENGINE + list(extra) + inputs,
                       capture_output=True, env=e, timeout=600)
    if p.returncode not in (0, 1):
        fail("run exited %d:\n%s" % (p.returncode, p.stderr.decode()[-2000:]))
    recs = [json.loads(line) for line in p.stdout.decode("utf-8").splitlines()]
    if len(recs) != len(inputs):
        fail("%d records for %d inputs" % (len(recs), len(inputs)))
    ALL.extend(recs)
    return recs, time.time() - t0


def make_inputs(samples, work):
    """Clean inputs (a born-digital PDF, a scanned PNG) and marked copies of a
    scanned PDF and a PNG (the marker after the data, which readers ignore)."""
    src = {k: open(os.path.join(samples, n), "rb").read()
           for k, n in (("bd", BORN_DIGITAL), ("pdf", SCAN_PDF), ("png", SCAN_PNG))}
    files = {"a-clean.pdf": src["bd"], "c-clean.png": src["png"],
             "b-marked.pdf": src["pdf"] + b"\n%" + MARK + b"\n", "b-marked.png": src["png"] + MARK}
    os.makedirs(work)
    for name, data in files.items():
        write(os.path.join(work, name), data)
    return files


def check_fault(recs, marked, code, spec, clean, limit, took):
    by = {os.path.basename(r["file"]): r for r in recs}
    m = by[marked]
    if m["status"] != "error" or m["error"]["code"] != code or marked not in m["error"]["message"]:
        fail("%s: %s is %s %s, want error %s naming it" % (spec, marked, m["status"], m.get("error"), code))
    for name, want in clean.items():
        if stable(by[name]) != want:
            got, was = json.loads(stable(by[name])), json.loads(want)
            diff = {k: (was.get(k), got.get(k)) for k in set(got) | set(was) if got.get(k) != was.get(k)}
            fail("%s: the record of %s differs from the clean run: %s" % (spec, name, str(diff)[:1500]))
    if took > limit:
        fail("%s: took %.1f s, over %.0f s" % (spec, took, limit))


def part1_run(binary, lib, work, clean_recs):
    d = os.path.join(work, "in")
    n = 0
    for fn, kind_input in CALLS:
        marked = "b-marked." + kind_input
        inputs = [os.path.join(d, x) for x in ("a-clean.pdf", marked, "c-clean.png")]
        for kind, code in KINDS.items():
            spec = "%s:%s" % (kind, fn)
            recs, took = run(binary, inputs, fault_env(lib, spec))
            check_fault(recs, marked, code, "run " + spec, clean_recs, 60 + DOC_TIMEOUT, took)
            n += 1
            print("run   %-42s %-15s %.1f s" % (spec, code, took))
    return n


def part1_watch(binary, lib, work, files, clean_recs):
    n = 0
    for fn, kind_input in CALLS:
        marked = "b-marked." + kind_input
        names = ("a-clean.pdf", marked, "c-clean.png")
        for kind, code in KINDS.items():
            spec = "%s:%s" % (kind, fn)
            base = os.path.join(work, "watch-%d" % n)
            inbox, out = os.path.join(base, "inbox"), os.path.join(base, "out")
            os.makedirs(inbox)
            t0 = time.time()
            dmn = Daemon(binary, inbox, out, os.path.join(base, "log"),
                         ENGINE + ["--settle", "100"], env=fault_env(lib, spec))
            for name in names:
                write(os.path.join(inbox, name), files[name])
            recs_path = os.path.join(out, "records.jsonl")
            wait_until(lambda: os.path.exists(recs_path) and len(read_jsonl(recs_path)) == 3,
                       120, "3 records (%s)" % spec, dmn)
            took = time.time() - t0
            time.sleep(0.3)
            if dmn.proc.poll() is not None:
                fail("watch %s: the daemon exited (%s)" % (spec, dmn.proc.returncode))
            recs = read_jsonl(recs_path)
            ALL.extend(recs)
            if not os.path.exists(os.path.join(out, "failed", marked)):
                fail("watch %s: %s is not in failed/" % (spec, marked))
            check_fault(recs, marked, code, "watch " + spec, clean_recs, 60 + DOC_TIMEOUT, took)
            if dmn.stop() != 0:
                fail("watch %s: SIGTERM did not stop the daemon cleanly" % spec)
            n += 1
            print("watch %-42s %-15s %.1f s" % (spec, code, took))
    return n


def part2(binary, lib, samples, work):
    d = os.path.join(work, "hundred")
    os.makedirs(d)
    pdf = open(os.path.join(samples, BORN_DIGITAL), "rb").read()
    inputs = []
    for i in range(100):
        data = variant(pdf, i) + (b"%" + MARK + b"\n" if i == 57 else b"")
        inputs.append(os.path.join(d, "f%03d.pdf" % i))
        write(inputs[-1], data)
    recs, took = run(binary, inputs, fault_env(lib, "crash:poppler_document_new_from_stream"))
    ok = sum(r["status"] == "ok" for r in recs)
    bad = [r for r in recs if r["status"] == "error"]
    if ok != 99 or len(bad) != 1 or not bad[0]["file"].endswith("f057.pdf") \
            or bad[0]["error"]["code"] != "worker_crashed":
        fail("100 files with one crasher: %d ok, errors %s" % (ok, [(r["file"], r["error"]) for r in bad]))
    print("100 files, one crasher: 99 ok + 1 worker_crashed in %.1f s" % took)
    inputs = inputs[:12]
    write(inputs[7], variant(pdf, 7) + b"%" + MARK + b"\n")
    recs, took = run(binary, inputs, fault_env(lib, "hang:poppler_document_new_from_stream"))
    bad = [r for r in recs if r["status"] != "ok"]
    if len(bad) != 1 or not bad[0]["file"].endswith("f007.pdf") or bad[0]["error"]["code"] != "timeout":
        fail("12 files, one hangs while opened ahead: errors %s"
             % [(r["file"], r.get("error")) for r in bad])
    if took > DOC_TIMEOUT + 2 + 15:
        fail("12 files, one hangs: the batch took %.1f s" % took)
    print("12 files, one hangs while opened ahead: 11 ok + 1 timeout in %.1f s" % took)


def part3(binary, lib, samples, work):
    """One document whose render hangs, named first, and six one-page scans."""
    d = os.path.join(work, "slow")
    os.makedirs(d)
    png = open(os.path.join(samples, SCAN_PNG), "rb").read()
    pdf = open(os.path.join(samples, SCAN_PDF), "rb").read()
    inputs = [os.path.join(d, "00-hostile.pdf")]
    write(inputs[0], pdf + b"\n%" + MARK + b"\n")
    for i in range(6):
        inputs.append(os.path.join(d, "s%d.png" % i))
        write(inputs[-1], png + b"pad%d" % i)
    limit = 30
    recs, took = run(binary, inputs, fault_env(lib, "hang:poppler_page_render_for_printing"),
                     ["--doc-timeout", str(limit)])
    if recs[0]["error"]["code"] != "timeout":
        fail("the hostile page: %s" % recs[0]["error"])
    others = recs[1:]
    if any(r["status"] != "ok" for r in others):
        fail("a scan beside the hostile page failed")
    busy = sum(r["timings_ms"]["total"] for r in others) / 1000.0
    # The six scans are read by the other worker while the hostile page hangs:
    # the batch ends at the hostile document's limit (+ the watchdog's grace),
    # not after it.
    if took > limit + 2 + 15:
        fail("the batch took %.1f s: the hostile page held up the others" % took)
    print("hostile slow page: batch %.1f s with a %d s limit; the 6 other scans took %.1f s "
          "between them, all while it hung" % (took, limit, busy))


def main():
    binary, lib, samples, work, schema, validator = sys.argv[1:7]
    shutil.rmtree(work, ignore_errors=True)
    files = make_inputs(samples, os.path.join(work, "in"))
    clean, _ = run(binary, [os.path.join(work, "in", n) for n in ("a-clean.pdf", "c-clean.png")],
                   extra=["--doc-timeout", "600"])
    if any(r["status"] != "ok" for r in clean):
        fail("the clean run failed: %s" % [r.get("error") for r in clean])
    clean_recs = {os.path.basename(r["file"]): stable(r) for r in clean}
    n = part1_run(binary, lib, work, clean_recs)
    n += part1_watch(binary, lib, work, files, clean_recs)
    part2(binary, lib, samples, work)
    part3(binary, lib, samples, work)
    path = os.path.join(work, "all.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in ALL)
    codes = sorted({r["error"]["code"] for r in ALL if r["status"] == "error"})
    v = subprocess.run([sys.executable, validator, schema, "--records", path], capture_output=True)
    if v.returncode != 0:
        fail("schema: " + v.stdout.decode()[-2000:])
    print("%d records (error codes %s) valid against the schema" % (len(ALL), ", ".join(codes)))
    print("%d fault cases, the 100-file batch and the hostile page: ok" % n)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    main()
