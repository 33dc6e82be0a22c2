#!/usr/bin/env python3
"""The committed samples are exactly what the generator makes: regenerate them
into a scratch folder and compare every file byte for byte.

usage: samples_reproducible.py PYTHON GEN_SAMPLES_PY SAMPLES_DIR SCRATCH_DIR
"""
import filecmp
import os
import shutil
import subprocess
import sys


def files(root):
    out = set()
    for d, _, names in os.walk(root):
        for n in names:
            out.add(os.path.relpath(os.path.join(d, n), root))
    return out


def main():
    python, gen, samples, scratch = sys.argv[1:5]
    shutil.rmtree(scratch, ignore_errors=True)
    subprocess.run([python, gen, "--out", scratch], check=True, capture_output=True)
    want, got = files(samples), files(scratch)
    problems = [f"only in {samples}: {f}" for f in sorted(want - got)]
    problems += [f"only in the regenerated set: {f}" for f in sorted(got - want)]
    for f in sorted(want & got):
        if not filecmp.cmp(os.path.join(samples, f), os.path.join(scratch, f), shallow=False):
            problems.append(f"differs: {f}")
    for p in problems:
        print("FAIL", p)
    print(f"{len(want & got)} files compared, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
