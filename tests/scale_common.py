"""Helpers for the tests of shards, merge and the PostgreSQL store.

Inputs are fast to read: the samples' transcripts (samples/truth, run with
--text) and the two born-digital PDFs, so the tests exercise the whole record
(countries, evidence, pages) without OCR.
"""
import json
import os
import shutil
import subprocess
import sys

BORN_DIGITAL = ["02-pretermit-incomplete-i589-born-digital.pdf", "08-opposition-respondent-mixed.pdf"]


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def check(cond, what):
    if not cond:
        fail(what)


def run(exe, args, cwd, env=None, want=(0, 1)):
    full = dict(os.environ)
    for k in ("SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT",
              "JOB_COMPLETION_INDEX", "MOTIONSCAN_SHARD_COUNT"):
        full.pop(k, None)
    full.update(env or {})
    p = subprocess.run([exe] + args, cwd=cwd, env=full, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode not in want:
        fail("%s exited %d (wanted %s):\n%s" % (" ".join(args), p.returncode, want, p.stderr))
    return p


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def strip_timings(r):
    r = dict(r)
    r.pop("timings_ms", None)
    r["pages"] = [{k: v for k, v in p.items() if k != "ms"} for p in r.get("pages") or []]
    return r


def transcripts(samples):
    truth = os.path.join(samples, "truth")
    out = []
    for name in sorted(os.listdir(truth)):
        if name.endswith(".txt"):
            with open(os.path.join(truth, name), "rb") as f:
                out.append((name, f.read()))
    return out


def make_text_tree(samples, root, copies):
    """`copies` variants of every transcript, spread over nested folders
    (with a hidden file and a README that are not inputs); returns the
    relative paths of the inputs."""
    shutil.rmtree(root, ignore_errors=True)
    rel = []
    texts = transcripts(samples)
    for c in range(copies):
        for i, (name, data) in enumerate(texts):
            sub = os.path.join("office-%d" % (c % 4), "box-%d" % (i % 3)) if c % 3 else ""
            path = os.path.join(sub, "%02d-%s" % (c, name))
            os.makedirs(os.path.join(root, sub), exist_ok=True)
            with open(os.path.join(root, path), "wb") as f:
                # another filing of the same wording: other bytes, same fields
                f.write(data + (b"\n\nCopy %d.\n" % c if c else b""))
            rel.append(path)
    with open(os.path.join(root, ".hidden.txt"), "w") as f:
        f.write("not an input")
    with open(os.path.join(root, "README.md"), "w") as f:
        f.write("not an input")
    return sorted(rel)
