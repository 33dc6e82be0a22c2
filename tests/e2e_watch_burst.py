#!/usr/bin/env python3
"""watch: a burst of 200 files dropped at once, then a restart in --poll mode.

The burst: files already in INBOX at start, files written in place, moved in
from another folder, written as NAME.part and renamed, copied slowly in
chunks, exact duplicates, a name used three times, broken files (empty,
random bytes, truncated PDFs, a text note) and two scans that need OCR; plus
hidden and temporary names that must stay where they are.  Every input must
end exactly once in done/ or failed/ with exactly one record in JSON Lines,
CSV and SQLite, and a slow copy must never be read half-written.  Then the
daemon stops on SIGTERM (exit 0), starts again with --poll 1, and the same
holds for a second batch, duplicates of the first batch included.

usage: e2e_watch_burst.py MOTIONSCAN SAMPLES_DIR WORKDIR
"""
import os
import random
import shutil
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from watch_common import (BORN_DIGITAL, Daemon, check, count_outputs, fail, read_jsonl, sha,  # noqa: E402
                          variant, wait_until, write)


def slow_copy(path, data, chunks, pause):
    """Write like a slow network copy: one open file, chunks, pauses."""
    step = (len(data) + chunks - 1) // chunks
    with open(path, "wb") as f:
        for i in range(0, len(data), step):
            f.write(data[i:i + step])
            f.flush()
            time.sleep(pause)


def main():
    binary, samples, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    inbox, out, stage, sinks = (os.path.join(work, d) for d in ("inbox", "out", "stage", "sinks"))
    for d in (inbox, stage, sinks):
        os.makedirs(d)
    csv_path, db_path = os.path.join(sinks, "records.csv"), os.path.join(sinks, "records.db")
    log = os.path.join(work, "watch.log")
    rng = random.Random(6)
    with open(os.path.join(samples, BORN_DIGITAL), "rb") as f:
        pdf = f.read()
    images = {}
    for name in ("04-designate-uganda-alternative-atlanta.png", "09-ij-order-removed-honduras.jpg"):
        with open(os.path.join(samples, name), "rb") as f:
            images[name] = f.read()

    inputs = []  # the bytes of every input dropped
    n = 0

    def next_variant():
        nonlocal n
        n += 1
        return variant(pdf, n)

    # 20 files already there when the daemon starts
    for i in range(20):
        data = next_variant()
        write(os.path.join(inbox, "early-%03d.pdf" % i), data)
        inputs.append(data)
    # names that must never be taken
    ignored = {".hidden.pdf": pdf, "upload.pdf.part": next_variant(), "scratch.tmp": next_variant(),
               "backup.pdf~": next_variant()}
    for name, data in ignored.items():
        write(os.path.join(inbox, name), data)

    extra = ["--csv", csv_path, "--db", db_path, "--settle", "400", "--jobs", "2"]
    d = Daemon(binary, inbox, out, log, extra)
    wait_until(lambda: "watching" in d.text(), 30, "the daemon to start", d)

    t0 = time.time()
    slow = []
    for i in range(10):  # copied slowly: 8 chunks, 120 ms apart (under --settle)
        data = next_variant() + b"%" + os.urandom(20000).hex().encode() + b"\n"
        inputs.append(data)
        th = threading.Thread(target=slow_copy, args=(os.path.join(inbox, "slow-%02d.pdf" % i), data, 8, 0.12))
        th.start()
        slow.append(th)
    for i in range(109):  # written in place
        data = next_variant()
        write(os.path.join(inbox, "burst-%03d.pdf" % i), data)
        inputs.append(data)
    data = next_variant()  # a name that is not UTF-8 and holds a newline
    write(os.path.join(inbox, os.fsdecode(b"odd-\xff\nname.pdf")), data)
    inputs.append(data)
    for i in range(20):  # moved in from another folder
        data = next_variant()
        write(os.path.join(stage, "moved-%02d.pdf" % i), data)
        os.rename(os.path.join(stage, "moved-%02d.pdf" % i), os.path.join(inbox, "moved-%02d.pdf" % i))
        inputs.append(data)
    for i in range(10):  # a browser's download: NAME.part, then renamed
        data = next_variant()
        write(os.path.join(inbox, "download-%02d.pdf.part" % i), data)
        os.rename(os.path.join(inbox, "download-%02d.pdf.part" % i), os.path.join(inbox, "download-%02d.pdf" % i))
        inputs.append(data)
    for i, data in enumerate(rng.sample(inputs[:100], 15)):  # the same bytes again
        write(os.path.join(inbox, "again-%02d.pdf" % i), data)
        inputs.append(data)
    broken = {"empty-1.pdf": b"", "empty-2.pdf": b"", "empty-3.tif": b"",
              "random-1.pdf": os.urandom(3000), "random-2.png": os.urandom(5000),
              "random-3.bin": os.urandom(100),
              "truncated-1.pdf": next_variant()[:3000], "truncated-2.pdf": next_variant()[:1500],
              "notes.txt": b"call the client on Monday\n", "letter.pdf": b"Dear counsel,\n"}
    for name, data in broken.items():
        write(os.path.join(inbox, name), data)
        inputs.append(data)
    for name, data in images.items():  # two scans that need OCR
        write(os.path.join(inbox, name), data)
        inputs.append(data)
    for th in slow:
        th.join()
    # one name three times: a scanner that always writes scan.pdf
    scan = [next_variant(), next_variant()]
    for data in (scan[0], scan[1], scan[0]):
        write(os.path.join(inbox, "scan.pdf"), data)
        inputs.append(data)
        wait_until(lambda: not os.path.exists(os.path.join(inbox, "scan.pdf")), 120, "scan.pdf to be claimed", d)
    total = len(inputs)
    if total != 200:
        fail("the test drops %d files, meant 200" % total)
    wait_until(lambda: count_outputs(out) >= total, 900, "%d files to be recorded" % total, d)
    elapsed = time.time() - t0
    rc = d.stop()
    if rc != 0:
        fail("SIGTERM: exit status %d, want 0" % rc)

    by_file = check(out, inputs, csv_path, db_path)
    for name in ignored:
        if not os.path.exists(os.path.join(inbox, name)):
            fail("%s was taken from the inbox" % name)
    if sorted(os.listdir(inbox)) != sorted(ignored):
        fail("the inbox holds %s" % sorted(os.listdir(inbox)))
    status = {}
    for r in by_file.values():
        status[r["status"]] = status.get(r["status"], 0) + 1
    # the 15 "again" files and scan.pdf's third copy are duplicates; the two
    # other empty files are not (an empty file is no content), they fail
    if status.get("skipped") != 16:
        fail("%s duplicates, want 16: %s" % (status.get("skipped"), status))
    if status.get("error") != len(broken):
        fail("%s failed, want %d (the broken files)" % (status.get("error"), len(broken)))
    for path, r in by_file.items():
        base = os.path.basename(path)
        if base.startswith(("slow-", "burst-", "moved-", "download-", "early-")) and r["status"] != "skipped":
            if r["status"] != "ok" or r["motion_type"] != "pretermit":
                fail("%s: %s %s" % (path, r["status"], r["motion_type"]))
        if base.startswith("empty") and r["error"]["code"] != "empty_file":
            fail("%s: %s" % (path, r["error"]))
        if base.startswith("random") and r["status"] == "error" and r["error"]["code"] != "unsupported_format":
            fail("%s: %s" % (path, r["error"]))
    odd = by_file.get(os.path.join(out, "done", "odd-\ufffd_name.pdf"))
    if not odd or odd["status"] != "ok":
        fail("a name that is not UTF-8 was not recorded under a valid name: %s" % sorted(by_file)[:3])
    names = sorted(os.path.basename(p) for p in by_file if os.path.basename(p).startswith("scan"))
    if names != ["scan.pdf", "scan~2.pdf", "scan~3.pdf"]:
        fail("scan.pdf three times gave %s" % names)
    for name in images:
        r = by_file.get(os.path.join(out, "done", name))
        if not r or r["status"] != "ok" or not any(p["source"] == "ocr" for p in r["pages"]):
            fail("%s was not OCRed: %s" % (name, r and r["status"]))
    lines = [ln for ln in d.text().splitlines() if " -> " in ln]
    if len(lines) != total:
        fail("%d log lines for %d files" % (len(lines), total))
    if not any("duplicate of" in ln for ln in lines) or not any("failed empty_file" in ln for ln in lines):
        fail("the log does not name duplicates and failures")
    print("burst: %d files (%s) recorded in %.1f s: %.0f files/min" % (total, status, elapsed, total / elapsed * 60))

    # Again with --poll 1 on the same folders: new files, and bytes the first
    # run recorded (known.tsv survives the restart).
    d = Daemon(binary, inbox, out, log, extra[:-4] + ["--poll", "1", "--settle", "300", "--jobs", "2"])
    wait_until(lambda: "polling" in d.text(), 30, "the polling daemon to start", d)
    second = []
    for i in range(20):
        data = next_variant()
        write(os.path.join(inbox, "polled-%02d.pdf" % i), data)
        second.append(data)
    for i, data in enumerate(inputs[:3]):
        write(os.path.join(inbox, "known-%d.pdf" % i), data)
        second.append(data)
    th = threading.Thread(target=slow_copy, args=(os.path.join(inbox, "slow-polled.pdf"),
                                                  next_variant() + os.urandom(30000).hex().encode(), 10, 0.1))
    th.start()
    th.join()
    with open(os.path.join(inbox, "slow-polled.pdf"), "rb") as f:
        second.append(f.read())
    inputs += second
    wait_until(lambda: count_outputs(out) >= len(inputs), 300, "the polled files to be recorded", d)
    rc = d.stop()
    if rc != 0:
        fail("SIGTERM (poll): exit status %d" % rc)
    by_file = check(out, inputs, csv_path, db_path)
    known = [r for p, r in by_file.items() if os.path.basename(p).startswith("known-")]
    if len(known) != 3 or any(r["status"] != "skipped" for r in known):
        fail("bytes recorded before the restart were read again: %s" % [r["status"] for r in known])
    if len(read_jsonl(os.path.join(out, "records.jsonl"))) != len(inputs):
        fail("records.jsonl does not hold one record per input")
    print("poll: %d more files recorded; %d inputs in all, each once" % (len(second), len(inputs)))
    print("ok")


if __name__ == "__main__":
    main()
