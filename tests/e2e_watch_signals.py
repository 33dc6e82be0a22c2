#!/usr/bin/env python3
"""watch: SIGHUP reloads the rules (a broken rule file is reported and the old
rules stay in force), SIGTERM drains the work in progress, and the folders
the daemon refuses.

usage: e2e_watch_signals.py MOTIONSCAN SAMPLES_DIR RULES_DIR WORKDIR
"""
import json
import os
import shutil
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from watch_common import BORN_DIGITAL, Daemon, check, fail, read_jsonl, variant, wait_until, write  # noqa: E402

BROKEN_RULE = "\n[rule broken.rule]\nfield   = motion_type\nvalue   = other\nscope   = title\npattern = (unclosed\n"


def refused(binary, args, want, env=None):
    p = subprocess.run([binary, "watch"] + args, capture_output=True, text=True, timeout=60,
                       env=dict(os.environ, **(env or {})))
    if p.returncode != 2 or want not in p.stderr:
        fail("watch %s: exit %d, stderr %r; want 2 and %r" % (" ".join(args), p.returncode, p.stderr, want))


def record_of(out, name):
    for r in read_jsonl(os.path.join(out, "records.jsonl")):
        if os.path.basename(r["file"]) == name:
            return r
    return None


def main():
    binary, samples, rules, work = sys.argv[1:5]
    shutil.rmtree(work, ignore_errors=True)
    inbox, out, my_rules = (os.path.join(work, d) for d in ("inbox", "out", "rules"))
    os.makedirs(inbox)
    shutil.copytree(rules, my_rules)
    log = os.path.join(work, "watch.log")
    with open(os.path.join(samples, BORN_DIGITAL), "rb") as f:
        pdf = f.read()
    with open(os.path.join(samples, "04-designate-uganda-alternative-atlanta.png"), "rb") as f:
        png = f.read()

    # What it refuses: exit status 2 and a reason.
    refused(binary, [inbox, "--out", os.path.join(inbox, "out")], "inside the inbox")
    refused(binary, [inbox, "--out", inbox], "inside the inbox")
    refused(binary, [inbox, "--out", out, "--db", os.path.join(inbox, "r.db")], "inside the inbox")
    refused(binary, [inbox, "--out", out, "--csv", os.path.join(inbox, "r.csv")], "inside the inbox")
    refused(binary, [os.path.join(work, "missing"), "--out", out], "not a folder")
    refused(binary, [inbox], "--out DIR")
    refused(binary, [inbox, "--out", out, "--settle", "5"], "--settle")
    os.makedirs(os.path.join(out, "done"), exist_ok=True)
    refused(binary, [os.path.join(out, "done"), "--out", out], "inside the output folder")
    if os.listdir(inbox):
        fail("a refused start wrote into the inbox: %s" % os.listdir(inbox))

    inputs = []
    d = Daemon(binary, inbox, out, log, ["--rules", my_rules, "--settle", "200", "--jobs", "2"])
    wait_until(lambda: "watching" in d.text(), 30, "the daemon to start", d)
    refused(binary, [inbox, "--out", out], "another motionscan watch")

    def drop_and_wait(name, data):
        write(os.path.join(inbox, name), data)
        inputs.append(data)
        wait_until(lambda: record_of(out, name) is not None, 120, name + " to be recorded", d)
        return record_of(out, name)

    # SIGHUP with a broken rule file: reported, the old rules stay.
    if drop_and_wait("a.pdf", variant(pdf, 1))["motion_type"] != "pretermit":
        fail("a.pdf is not a pretermit motion with the bundled rules")
    motion = os.path.join(my_rules, "motion.rules")
    with open(motion) as f:
        original = f.read()
    with open(motion, "a") as f:
        f.write(BROKEN_RULE)
    d.signal(signal.SIGHUP)
    wait_until(lambda: "were not reloaded" in d.text(), 30, "the reload to be refused", d)
    if "motion.rules:" not in d.text() or "missing closing parenthesis" not in d.text():
        fail("the log does not say where the rules are broken:\n" + d.text()[-1500:])
    r = drop_and_wait("b.pdf", variant(pdf, 2))
    if r["status"] != "ok" or r["motion_type"] != "pretermit":
        fail("after a broken reload b.pdf gave %s %s" % (r["status"], r["motion_type"]))

    # SIGHUP with good rules: they are used for the files that follow.
    with open(motion, "w") as f:
        f.write(original.replace("value   = pretermit", "value   = dismiss", 1))
    d.signal(signal.SIGHUP)
    wait_until(lambda: "rules reloaded" in d.text(), 30, "the rules to be reloaded", d)
    r = drop_and_wait("c.pdf", variant(pdf, 3))
    if r["motion_type"] != "dismiss":
        fail("after a good reload c.pdf gave %s, want dismiss (the edited rule)" % r["motion_type"])
    print("SIGHUP: a broken rule file was reported and the old rules kept; good rules were loaded")

    # SIGTERM while a scan is being OCRed: it is finished and recorded, the
    # daemon exits 0, and a file dropped after the signal stays in INBOX.
    write(os.path.join(inbox, "scan.png"), png)
    inputs.append(png)
    wait_until(lambda: os.listdir(os.path.join(out, "processing")), 60, "scan.png to be claimed", d)
    d.signal(signal.SIGTERM)
    wait_until(lambda: "stopping" in d.text(), 30, "the daemon to stop claiming", d)
    write(os.path.join(inbox, "late.pdf"), variant(pdf, 4))
    rc = d.wait(300)
    if rc != 0:
        fail("SIGTERM: exit status %d, want 0" % rc)
    if "finishing the 1 file in progress" not in d.text():
        fail("the drain was not logged:\n" + d.text()[-1500:])
    r = record_of(out, "scan.png")
    if not r or r["status"] != "ok" or not os.path.exists(os.path.join(out, "done", "scan.png")):
        fail("the file in flight at SIGTERM was not finished: %s" % (r and r["status"]))
    if os.listdir(inbox) != ["late.pdf"]:
        fail("after SIGTERM the inbox holds %s, want late.pdf only" % os.listdir(inbox))
    check(out, inputs)
    os.unlink(os.path.join(inbox, "late.pdf"))
    print("SIGTERM: the OCR in flight was finished and recorded, exit 0, nothing new claimed")
    print("ok")


if __name__ == "__main__":
    main()
