#!/usr/bin/env python3
"""Generate a sealed seed of the second evaluation set and score motionscan on it.

usage: run_eval2.py PYTHON TOOLS_DIR MOTIONSCAN WORKDIR [SEED [COUNT]]

Seed h1 is sealed (see tools/gen_evalset2.py): this test prints the per-field
table with the OCR-versus-rules split, the removal precision and recall and the
count of non-removal mentions promoted, but not the failures themselves (a
sealed seed is scored, not looked at).  It
gates as a regression floor: it fails when a core field falls below 0.93 (the
issue's target is 0.99; h1 scored 0.944 to 1.000 when the gate was set), when a
non-removal mention becomes a removal country, or when generation or motionscan
itself fails.  SEED "dev" prints everything and does not gate."""
import os
import shutil
import subprocess
import sys


def main():
    python, tools, exe, work = sys.argv[1:5]
    seed = sys.argv[5] if len(sys.argv) > 5 else "h1"
    count = sys.argv[6] if len(sys.argv) > 6 else "72"
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([python, os.path.join(tools, "gen_evalset2.py"), "--out", work, "--seed", seed,
                    "--count", count, "--quiet"], check=True)
    gate = ["--no-fail"] if seed == "dev" else ["--min-accuracy", "0.93"]
    proc = subprocess.run([python, os.path.join(tools, "evaluate.py"), exe, work, "--jobs", "2"] + gate,
                          stdout=subprocess.PIPE, text=True)
    shown = True
    for line in proc.stdout.splitlines():
        if seed != "dev" and line.startswith(("nationality-only or background", "Failures (")):
            print(line)
            shown = False
            continue
        if line.startswith("RESULT:"):
            shown = True
        if shown:
            print(line)
    if seed != "dev":
        print("(seed %s is sealed: failures not shown; tune on --seed dev)" % seed)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
