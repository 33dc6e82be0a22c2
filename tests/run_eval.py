#!/usr/bin/env python3
"""Generate a held-out seed of the evaluation set (deterministic) and gate on its accuracy.

usage: run_eval.py PYTHON TOOLS_DIR MOTIONSCAN WORKDIR [SEED]

Seed 1 of tools/gen_evalset.py is the split the rules were tuned on (a dev
split); seed 2 was scored once and its failures read.  The gate runs on seed 3,
which no one tuned on: it fails below 0.98 on a core field or when a
nationality or background mention becomes a removal country.  Like the second
generator's sealed seeds, its failures are not printed (a held-out seed is
scored, not looked at); give SEED 1 to see everything.
"""
import os
import shutil
import subprocess
import sys


def main():
    python, tools, exe, work = sys.argv[1:5]
    seed = sys.argv[5] if len(sys.argv) > 5 else "3"
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([python, os.path.join(tools, "gen_evalset.py"), "--out", work, "--seed", seed,
                    "--quiet"], check=True)
    proc = subprocess.run([python, os.path.join(tools, "evaluate.py"), exe, work, "--jobs", "2",
                           "--min-accuracy", "0.98"], stdout=subprocess.PIPE, text=True)
    sealed = seed not in ("1", "2")
    shown = True
    for line in proc.stdout.splitlines():
        if sealed and line.startswith("Failures ("):
            print(line)
            print("(seed %s is held out: failures not shown; tune on seed 1)" % seed)
            shown = False
        elif line.startswith("RESULT:"):
            shown = True
        if shown:
            print(line)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
