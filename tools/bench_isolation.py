#!/usr/bin/env python3
"""What the worker processes cost (issue 14): the CPU time per page of the
same batch read in worker processes and in process.

Runs the test program bench_isolation (tests/bench_isolation.c: the batch
path of `motionscan run`, records to /dev/null) over the same files, ROUNDS
times in each mode.  The modes alternate, and their order turns each round
(workers first, then in process first, ...), so that a load rising or
falling through a round favours neither.  Each run's CPU is the user +
system time getrusage(RUSAGE_CHILDREN) grows by over it, in microseconds
(not /usr/bin/time's 10 ms steps): the process's own and that of every
process it reaped (the spawner, and the workers, which it reaps as their
subreaper).

Prints each run, the medians, and the figure to read: the median of the
rounds' own costs (each round's workers run over its in-process run, the two
run one after the other under about the same load), with a 90 % interval
for it from resampling the rounds (bootstrap, fixed seed, so the same runs
give the same interval).  The plain medians' ratio is printed too; a load
that changes between rounds disturbs it more.  Last, the rounds' own costs
split into system (kernel) time and user time, to show where the cost is.

On a shared machine the wall times mean little; the CPU times are what is
compared.

usage: bench_isolation.py BUILD_DIR [--rounds N] [--jobs N] [--copies N] [--exec] FILE_OR_DIR...
  --copies N   read N copies of each file (other bytes after %%EOF for a PDF,
               so none is a duplicate), for batches of cheap pages
  --exec       a third mode in each round: the workers started by exec of
               the binary, as when there is no spawner (see README, "Isolation")
"""
import argparse
import os
import random
import resource
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def expand(inputs, copies, tmp):
    files = []
    for p in inputs:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, n) for n in os.listdir(p)
                            if n.lower().endswith((".pdf", ".png", ".tif", ".tiff", ".jpg", ".jpeg")))
        else:
            files.append(p)
    if copies <= 1:
        return files
    out = []
    for f in files:
        with open(f, "rb") as h:
            data = h.read()
        for i in range(copies):
            name = os.path.join(tmp, "%d-%s" % (i, os.path.basename(f)))
            with open(name, "wb") as h:
                h.write(data + (b"%% copy %d\n" % i if f.lower().endswith(".pdf") else b""))
            out.append(name)
    return out


def children_cpu():
    """User and system CPU seconds of the reaped children so far."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime, r.ru_stime


def one(binary, mode, jobs, files):
    """One run: its wall time, its CPU (its own and what it reaped), the
    system (kernel) part of that CPU, its pages."""
    args = [binary, "--jobs", str(jobs)]
    if mode in ("in-process", "exec"):
        args.append("--" + mode)
    cpu0, t0 = children_cpu(), time.monotonic()
    p = subprocess.run(args + files, capture_output=True, text=True)
    (u0, s0), (u1, s1) = cpu0, children_cpu()
    wall, cpu, sys_cpu = time.monotonic() - t0, (u1 - u0) + (s1 - s0), s1 - s0
    if p.returncode != 0:
        sys.exit("bench_isolation (%s) failed:\n%s" % (mode, p.stderr[-2000:]))
    pages = int(re.search(r"(\d+) pages", p.stdout).group(1))
    return wall, cpu, sys_cpu, pages


def interval(ratios, n=2000, seed=14):
    """A 90 % bootstrap interval of the median of `ratios`."""
    rng = random.Random(seed)
    meds = sorted(statistics.median(rng.choices(ratios, k=len(ratios))) for _ in range(n))
    return meds[int(n * 0.05)], meds[int(n * 0.95) - 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--exec", action="store_true",
                    help="a third mode: the workers exec'd afresh, as without the spawner")
    a = ap.parse_args()
    binary = os.path.join(a.build, "tests", "bench_isolation")
    tmp = tempfile.mkdtemp(prefix="bench-isolation-")
    try:
        files = expand(a.inputs, a.copies, tmp)
        modes = ("workers", "in-process") + (("exec",) if a.exec else ())
        cpu = {m: [] for m in modes}
        sys_cpu = {m: [] for m in modes}
        for r in range(a.rounds):
            for mode in (modes if r % 2 == 0 else modes[::-1]):
                wall, c, sc, pages = one(binary, mode, a.jobs, files)
                cpu[mode].append(c / pages)
                sys_cpu[mode].append(sc / pages)
                print("round %d %-10s %d files, %d pages: %.2f s wall, %.2f CPU s (%.2f s system),"
                      " %.3f CPU ms a page" % (r + 1, mode, len(files), pages, wall, c, sc, c / pages * 1000),
                      flush=True)
    finally:
        shutil.rmtree(tmp)
    w, i = statistics.median(cpu["workers"]), statistics.median(cpu["in-process"])
    print("median CPU a page: workers %.3f ms, in process %.3f ms: isolation costs %+.3f ms a page, %+.1f %%"
          % (w * 1000, i * 1000, (w - i) * 1000, (w / i - 1) * 100))
    # each round's two runs ran one after the other, under about the same load
    ratios = [a / b - 1 for a, b in zip(cpu["workers"], cpu["in-process"])]
    lo, hi = interval(ratios)
    print("median of the rounds' own costs (workers over the in-process run of the same round): %+.1f %%"
          " (90 %% interval %+.1f to %+.1f %%, %d rounds)"
          % (statistics.median(ratios) * 100, lo * 100, hi * 100, len(ratios)))
    # where the cost is: the kernel's part (system time) against the rest
    ks = [a - b for a, b in zip(sys_cpu["workers"], sys_cpu["in-process"])]
    us = [(a - sa) - (b - sb) for a, sa, b, sb in
          zip(cpu["workers"], sys_cpu["workers"], cpu["in-process"], sys_cpu["in-process"])]
    print("the rounds' own costs split: system (kernel) time median %+.3f ms a page (%+.1f %% of the"
          " in-process CPU), user time median %+.3f ms a page (%+.1f %%)"
          % (statistics.median(ks) * 1000, statistics.median(ks) / i * 100,
             statistics.median(us) * 1000, statistics.median(us) / i * 100))
    if a.exec:
        e = statistics.median(cpu["exec"])
        ratios = [a / b - 1 for a, b in zip(cpu["exec"], cpu["in-process"])]
        print("exec'd workers: median %.3f ms a page, %+.1f %%; median of the rounds' own costs %+.1f %%"
              % (e * 1000, (e / i - 1) * 100, statistics.median(ratios) * 100))


if __name__ == "__main__":
    main()
