#!/usr/bin/env python3
"""The second evaluation generator is deterministic and its truth is coherent.

usage: eval2_reproducible.py PYTHON GEN_EVALSET2 WORKDIR

Builds 10 single filings (every damage profile once) and 2 stacks twice with the
same seed and compares every byte; filings built with another seed must differ.
Then checks each filing against its truth: the file exists, the page count of the
file, of truth/NAME.txt (form feeds) and of expected/NAME.json agree, fax-standard
TIFFs carry 204 x 98 dpi, and a stack's parts and non-filing pages cover its pages
once each, in order."""
import json
import os
import shutil
import subprocess
import sys

from PIL import Image


def gen(python, tool, out, seed, *extra):
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([python, tool, "--out", out, "--seed", seed, "--quiet"] + list(extra), check=True)


def tree(root):
    out = {}
    for d, _, files in os.walk(root):
        for n in files:
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = f.read()
    return out


def file_pages(path, data):
    if data.startswith(b"%PDF"):
        return data.count(b"/Type /Page ")
    with Image.open(path) as im:
        return getattr(im, "n_frames", 1)


def check_set(root, fails):
    for n in sorted(os.listdir(os.path.join(root, "expected"))):
        with open(os.path.join(root, "expected", n), encoding="utf-8") as f:
            e = json.load(f)
        path = os.path.join(root, e["file"])
        if not os.path.exists(path):
            fails.append("%s: no file %s" % (n, e["file"]))
            continue
        with open(path, "rb") as f:
            data = f.read()
        with open(os.path.join(root, "truth", os.path.splitext(e["file"])[0] + ".txt"), encoding="utf-8") as f:
            text_pages = f.read().count("\f") + 1
        fp = file_pages(path, data)
        if not e["pages"] == fp == text_pages:
            fails.append("%s: pages: expected %d, file %d, truth %d" % (n, e["pages"], fp, text_pages))
        if e.get("profile") == "fax_std":
            with Image.open(path) as im:
                dpi = tuple(round(v) for v in im.info.get("dpi", (0, 0)))
            if e["format"] == "tiff" and dpi != (204, 98):
                fails.append("%s: fax standard TIFF at %s dpi, not 204 x 98" % (n, dpi))
        if "parts" in e:
            covered = [pg for part in e["parts"] for pg in range(part["pages"][0], part["pages"][1] + 1)]
            covered += [x["page"] for x in e["non_filing_pages"]]
            if sorted(covered) != list(range(1, e["pages"] + 1)):
                fails.append("%s: parts and non-filing pages do not cover pages 1-%d once: %s"
                             % (n, e["pages"], sorted(covered)))
        elif e["filer"] not in ("dhs", "respondent", "court") or not e["respondent"]:
            fails.append("%s: incomplete truth" % n)


def main():
    python, tool, work = sys.argv[1:4]
    fails = []
    runs = {}
    for tag, seed in (("a", "repro"), ("b", "repro"), ("c", "repro2")):
        gen(python, tool, os.path.join(work, tag), seed, "--count", "10", "--every-profile")
        stacks = {}
        if tag != "c":  # another seed's stacks would only repeat the check on filings
            gen(python, tool, os.path.join(work, tag + "-stacks"), seed, "--count", "2", "--stacks")
            stacks = tree(os.path.join(work, tag + "-stacks"))
        runs[tag] = (tree(os.path.join(work, tag)), stacks)
    for i, what in enumerate(("filings", "stacks")):
        a, b = runs["a"][i], runs["b"][i]
        if not a or sorted(a) != sorted(b):
            fails.append("%s: the same seed gave other file names (or none)" % what)
        diff = [k for k in a if k in b and a[k] != b[k]]
        if diff:
            fails.append("%s: the same seed gave other bytes: %s" % (what, " ".join(sorted(diff)[:8])))
    if runs["a"][0] == runs["c"][0]:
        fails.append("filings: another seed gave the same files")
    profiles = {json.load(open(os.path.join(work, "a", "expected", n)))["profile"]
                for n in os.listdir(os.path.join(work, "a", "expected"))}
    if len(profiles) < 10:
        fails.append("--every-profile made only %s" % sorted(profiles))
    check_set(os.path.join(work, "a"), fails)
    check_set(os.path.join(work, "a-stacks"), fails)
    for f in fails:
        print("FAIL " + f)
    n = len(runs["a"][0]) + len(runs["a"][1])
    print("%s: %d files compared, %d problems" % ("FAIL" if fails else "ok", n, len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
