#!/usr/bin/env python3
"""Generate the evaluation set (seed 1, deterministic) and gate on its accuracy.

usage: run_eval.py PYTHON TOOLS_DIR MOTIONSCAN WORKDIR
"""
import os
import shutil
import subprocess
import sys


def main():
    python, tools, exe, work = sys.argv[1:5]
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([python, os.path.join(tools, "gen_evalset.py"), "--out", work, "--seed", "1",
                    "--quiet"], check=True)
    return subprocess.run([python, os.path.join(tools, "evaluate.py"), exe, work, "--jobs", "2",
                           "--min-accuracy", "0.98"]).returncode


if __name__ == "__main__":
    sys.exit(main())
