#!/usr/bin/env python3
"""Shards cover a batch exactly once, and merge gives back the one run.

1. A generated tree of transcripts (nested folders, plus files named on the
   command line): for N = 1, 2, 3, 5 and 8, the N shards' records together
   hold every input exactly once; a shard holds the same relative paths when
   the tree is copied to another root (another host's mount point); the index
   comes from SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN) or
   JOB_COMPLETION_INDEX with MOTIONSCAN_SHARD_COUNT, and --shard wins; bad
   specs are refused with exit status 2 and a message.
2. One run over the samples' transcripts, the born-digital PDFs and a missing
   file, against 3 shard runs merged: JSON Lines equal but for timings and in
   the same order; CSV byte for byte; a merged SQLite database holds the same
   document rows; merging the shards' databases gives the same records as
   the one run's database; merging again (the output with an input) changes
   nothing.
3. 10,000 generated records in 4 shard files merge, in path order, once
   each; the time is printed.

usage: e2e_shards.py MOTIONSCAN SAMPLES_DIR WORKDIR
"""
import json
import os
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scale_common import (BORN_DIGITAL, check, make_text_tree, read_jsonl, run,  # noqa: E402
                          strip_timings)


def shard_files(exe, work, args, n, env_for=None):
    """The `file` of each record of each of the n shards."""
    out = []
    for k in range(n):
        env = env_for(k) if env_for else None
        extra = [] if env_for else ["--shard", "%d/%d" % (k, n)]
        p = run(exe, ["run", "--text", "-q", "-j", "1"] + extra + args, work, env)
        out.append([json.loads(line)["file"] for line in p.stdout.splitlines()])
    return out


def check_cover(exe, work, args, expected):
    for n in (1, 2, 3, 5, 8):
        shards = shard_files(exe, work, args, n)
        union = sorted(f for s in shards for f in s)
        check(union == sorted(expected), "%d shards: every input exactly once" % n)
        if n > 1:
            check(all(s for s in shards), "%d shards: none empty on %d inputs" % (n, len(expected)))
        print("%d shards: %s inputs" % (n, "+".join(str(len(s)) for s in shards)))


def check_roots(exe, work, n):
    """The same relative paths in each shard from two roots."""
    a = shard_files(exe, work, ["tree"], n)
    shutil.copytree(os.path.join(work, "tree"), os.path.join(work, "elsewhere", "mnt", "tree"))
    b = shard_files(exe, work, [os.path.join(work, "elsewhere", "mnt", "tree") + "/"], n)
    rel_a = [sorted(os.path.relpath(f, "tree") for f in s) for s in a]
    rel_b = [sorted(os.path.relpath(f, os.path.join(work, "elsewhere", "mnt", "tree")) for f in s)
             for s in b]
    check(rel_a == rel_b, "a shard keeps the same relative paths under another root")


def check_env(exe, work):
    flag = shard_files(exe, work, ["tree"], 4)
    slurm = shard_files(exe, work, ["tree"], 4, lambda k: {
        "SLURM_ARRAY_TASK_ID": str(k + 1), "SLURM_ARRAY_TASK_MIN": "1",
        "SLURM_ARRAY_TASK_COUNT": "4"})
    check(slurm == flag, "SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN picks the same shards as --shard")
    k8s = shard_files(exe, work, ["tree"], 4, lambda k: {
        "JOB_COMPLETION_INDEX": str(k), "MOTIONSCAN_SHARD_COUNT": "4"})
    check(k8s == flag, "JOB_COMPLETION_INDEX with MOTIONSCAN_SHARD_COUNT picks the same shards")
    env = {"SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4"}
    p = run(exe, ["run", "--text", "-q", "--shard", "2/4", "tree"], work, env)
    check([json.loads(line)["file"] for line in p.stdout.splitlines()] == flag[2],
          "--shard wins over the environment")
    for spec, env, words in [("4/4", None, "below the count"), ("0/0", None, "at least 1"),
                             ("1", None, "expected K/N"), ("-1/4", None, "whole numbers"),
                             ("a/b", None, "whole numbers"),
                             (None, {"SLURM_ARRAY_TASK_ID": "3"}, "SLURM_ARRAY_TASK_COUNT"),
                             (None, {"JOB_COMPLETION_INDEX": "0"}, "MOTIONSCAN_SHARD_COUNT"),
                             (None, {"SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "2"},
                              "not a whole number")]:
        args = ["run", "--text", "-q"] + (["--shard", spec] if spec else []) + ["tree"]
        p = run(exe, args, work, env, want=(2,))
        check(words in p.stderr and not p.stdout, "refused %s %s: %s" % (spec, env, p.stderr))


def one_and_shards(exe, samples, work):
    """One run and 3 shard runs over the same inputs, each to all three sinks."""
    inputs = ["truth"] + BORN_DIGITAL + ["missing.pdf"]
    for name in BORN_DIGITAL:
        shutil.copy(os.path.join(samples, name), work)
    shutil.copytree(os.path.join(samples, "truth"), os.path.join(work, "truth"))
    sinks = lambda tag: ["--out", tag + ".jsonl", "--csv", tag + ".csv", "--db", tag + ".db"]  # noqa
    # --text reads the PDFs as text too; so the PDFs run as documents in their own runs
    run(exe, ["run", "-q", "-j", "2", "--text"] + sinks("one") + ["truth", "missing.pdf"], work)
    run(exe, ["run", "-q", "-j", "2"] + sinks("onepdf") + BORN_DIGITAL, work)
    for k in range(3):
        run(exe, ["run", "-q", "-j", "1", "--text", "--shard", "%d/3" % k] + sinks("s%d" % k) +
            ["truth", "missing.pdf"], work)
        run(exe, ["run", "-q", "-j", "1", "--shard", "%d/3" % k, "--out", "p%d.jsonl" % k] +
            BORN_DIGITAL, work)
    return inputs


def documents(db):
    c = sqlite3.connect(db)
    rows = c.execute("SELECT sha256, file, size, format, status, error_code, filer, motion_type,"
                     " nationality_code, a_number, respondent, court, detained, title, record_json"
                     " FROM documents ORDER BY sha256").fetchall()
    pages = c.execute("SELECT * FROM pages ORDER BY sha256, number").fetchall()
    fields = c.execute("SELECT * FROM fields ORDER BY sha256, field, position").fetchall()
    c.close()
    return rows, pages, fields


def check_merge(exe, work):
    one = [strip_timings(r) for r in read_jsonl(os.path.join(work, "one.jsonl"))]
    check(any(r["status"] == "error" for r in one), "the one run has an error record")
    shards = ["s0.jsonl", "s1.jsonl", "s2.jsonl"]
    check(all(read_jsonl(os.path.join(work, s)) for s in shards), "no shard is empty")
    run(exe, ["merge", "--out", "m.jsonl", "--csv", "m.csv", "--db", "m.db"] + shards[::-1], work,
        want=(0,))
    merged = [strip_timings(r) for r in read_jsonl(os.path.join(work, "m.jsonl"))]
    check([r["file"] for r in merged] == [r["file"] for r in one], "merged in the run's order")
    check(merged == one, "the merged records equal the one run's, timings aside")
    with open(os.path.join(work, "one.csv"), "rb") as a, open(os.path.join(work, "m.csv"), "rb") as b:
        check(a.read() == b.read(), "the merged CSV equals the one run's byte for byte")
    check(documents(os.path.join(work, "m.db")) == documents(os.path.join(work, "one.db")),
          "the merged database holds the one run's documents, pages and fields")
    # databases in, and a mix
    run(exe, ["merge", "--out", "mdb.jsonl", "s0.db", "s2.db", "s1.db"], work, want=(0,))
    run(exe, ["merge", "--out", "one_db.jsonl", "one.db"], work, want=(0,))
    check(read_jsonl(os.path.join(work, "mdb.jsonl")) == read_jsonl(os.path.join(work, "one_db.jsonl")),
          "merging the shards' databases gives the one run's database records")
    # idempotent: the output again, with inputs again
    run(exe, ["merge", "--out", "again.jsonl", "--csv", "again.csv", "--db", "m.db", "m.jsonl",
              "s1.jsonl", "m.jsonl"], work, want=(0,))
    with open(os.path.join(work, "m.jsonl"), "rb") as a, open(os.path.join(work, "again.jsonl"), "rb") as b:
        check(a.read() == b.read(), "merging the merge again changes nothing (JSON Lines)")
    with open(os.path.join(work, "m.csv"), "rb") as a, open(os.path.join(work, "again.csv"), "rb") as b:
        check(a.read() == b.read(), "merging the merge again changes nothing (CSV)")
    check(documents(os.path.join(work, "m.db")) == documents(os.path.join(work, "one.db")),
          "merging into the same database again leaves its documents as they were")
    p = run(exe, ["merge", "--out", "x.jsonl", "s0.jsonl", "nothere.jsonl"], work, want=(2,))
    check("nothere.jsonl" in p.stderr, "a missing merge input is named")
    with open(os.path.join(work, "bad.jsonl"), "w") as f:
        f.write('{"file": "a"}\nnot json\n')
    p = run(exe, ["merge", "bad.jsonl"], work, want=(2,))
    check("bad.jsonl:2" in p.stderr and not p.stdout, "a broken merge input is refused with its line")
    # the PDFs' shards with the transcripts' shards: both one-run outputs, in path order
    run(exe, ["merge", "--out", "all.jsonl", "p2.jsonl", "s0.jsonl", "p0.jsonl", "s1.jsonl",
              "p1.jsonl", "s2.jsonl"], work, want=(0,))
    both = one + [strip_timings(r) for r in read_jsonl(os.path.join(work, "onepdf.jsonl"))]
    both.sort(key=lambda r: r["file"].encode())
    got = [strip_timings(r) for r in read_jsonl(os.path.join(work, "all.jsonl"))]
    check(got == both, "PDF and transcript shards merge into both runs' records, in path order")
    print("merge: %d records from 3 shards equal the one run; %d with the PDFs" %
          (len(merged), len(got)))


def check_merge_10000(exe, work):
    base = read_jsonl(os.path.join(work, "one.jsonl"))
    base = [r for r in base if r["status"] == "ok"]
    files = []
    outs = [open(os.path.join(work, "big%d.jsonl" % k), "w") for k in range(4)]
    for i in range(10000):
        r = dict(base[i % len(base)])
        r["file"] = "batch/%05d-%s" % (i, os.path.basename(r["file"]))
        r["sha256"] = "%064x" % (i * 7919 + 1)
        files.append(r["file"])
        outs[(i * 31) % 4].write(json.dumps(r) + "\n")
    for f in outs:
        f.close()
    t = time.monotonic()
    run(exe, ["merge", "--out", "big.jsonl", "--csv", "big.csv"] +
        ["big%d.jsonl" % k for k in range(4)], work, want=(0,))
    secs = time.monotonic() - t
    got = [r["file"] for r in read_jsonl(os.path.join(work, "big.jsonl"))]
    check(got == sorted(files), "10,000 records merged once each, in path order")
    print("merge of 10,000 records from 4 files (JSON Lines and CSV out): %.2f s" % secs)


def main():
    exe, samples, work = (os.path.abspath(a) for a in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    rel = make_text_tree(samples, os.path.join(work, "tree"), 6)
    named = [os.path.join(work, "tree", rel[0]), "tree/" + rel[-1], "missing-named.txt"]
    expected = ["tree/" + r for r in rel] + [named[0], "missing-named.txt"]
    check_cover(exe, work, ["tree"] + named, expected)
    check_roots(exe, work, 3)
    check_env(exe, work)
    one_and_shards(exe, samples, work)
    check_merge(exe, work)
    check_merge_10000(exe, work)
    print("ok")


if __name__ == "__main__":
    main()
