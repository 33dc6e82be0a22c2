#!/usr/bin/python3
"""Benchmark motionscan's OCR against OCRmyPDF and the bare Tesseract command.

    /usr/bin/python3 tools/benchmark.py [--jobs N] [--work DIR] [--big 500] [--quick]

(tools/bench.sh installs what it needs, builds and runs this.)

On one fixed corpus of scanned filings (tools/gen_evalset.py, seed "bench":
grey JPEG scans and 1-bit black-and-white scans, 200-300 dpi, at least 60
pages), side by side on this machine, one after the other:

  motionscan   build/motionscan run --jobs N CORPUS
  ocrmypdf     ocrmypdf --jobs N --sidecar OUT.txt --output-type pdf IN OUT, file by file
               (--output-type pdf spares it the PDF/A conversion: the faster setting)
  bare         pdftoppm -r 300 -png per file, then the tesseract command per page image,
               N at a time, with OMP_THREAD_LIMIT=1 (its fastest setting here)

and reports for each: wall seconds, pages per second, CPU seconds per page and
peak RSS.  CPU seconds and peak RSS are what /usr/bin/time -v reports (the
kernel's rusage of the waited-for processes); peak RSS is also sampled as the
sum over the whole process tree every 50 ms, since OCRmyPDF and the bare
baseline run several processes at once.

Then motionscan alone: born-digital PDFs (pages per second), and peak RSS for a
10-document and a --big-document batch of one-page scans (memory must not grow
with the batch).  Results go to stdout and WORK/results.md.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PY = "/usr/bin/python3"


def tree_rss_kb(root):
    """Sum of VmRSS over `root` and its descendants (from /proc)."""
    kids, rss = {}, {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                st = f.read()
            ppid = int(st[st.rindex(")") + 2:].split()[1])
            with open("/proc/%s/statm" % d) as f:
                pages = int(f.read().split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(d))
        rss[int(d)] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, todo = 0, [root]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(kids.get(p, []))
    return total


class Measure:
    """Run commands; add up their wall time, CPU time and peak RSS."""

    def __init__(self):
        self.wall = self.cpu = 0.0
        self.maxrss_kb = self.tree_kb = 0

    def run(self, argv, env=None, stdout=subprocess.DEVNULL):
        t0 = time.monotonic()
        p = subprocess.Popen(argv, env=env, stdout=stdout, stderr=subprocess.PIPE)
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.wait(0.05):
                peak[0] = max(peak[0], tree_rss_kb(p.pid))

        th = threading.Thread(target=sample)
        th.start()
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        th.join()
        self.wall += time.monotonic() - t0
        self.cpu += ru.ru_utime + ru.ru_stime
        self.maxrss_kb = max(self.maxrss_kb, ru.ru_maxrss)
        self.tree_kb = max(self.tree_kb, peak[0], ru.ru_maxrss)
        return p.returncode, err.decode("utf-8", "replace")


def run_pool(cmds, jobs, env):
    """Run argv lists `jobs` at a time; returns a Measure over all (wall = the whole pool)."""
    m = Measure()
    lock = threading.Lock()
    todo = list(cmds)
    failures = []
    peak = [0]

    def worker():
        mine = Measure()
        while True:
            with lock:
                if not todo:
                    break
                argv = todo.pop(0)
            rc, err = mine.run(argv, env=env)
            if rc != 0:
                failures.append((argv, err[-300:]))
        with lock:
            m.cpu += mine.cpu
            m.maxrss_kb = max(m.maxrss_kb, mine.maxrss_kb)
            peak[0] += mine.tree_kb  # the pool's processes can all be at their peak at once

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    m.wall = time.monotonic() - t0
    m.tree_kb = peak[0]
    if failures:
        raise SystemExit("benchmark: %d commands failed, first: %s: %s" % (len(failures), failures[0][0],
                                                                            failures[0][1]))
    return m


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(l.split()[1] for l in out.splitlines() if l.startswith("Pages:")))


def gen(out, count, formats, seed="bench"):
    if os.path.isdir(out) and os.path.exists(os.path.join(out, "README.md")):
        return  # generated before: deterministic, so reuse it
    subprocess.run([PY, os.path.join(HERE, "gen_evalset.py"), "--out", out, "--count", str(count), "--seed", seed,
                    "--format", formats, "--quiet"], check=True)


def docs_in(d):
    return sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".pdf"))


def motionscan(exe, inputs, jobs, out):
    m = Measure()
    rc, err = m.run([exe, "run", "--quiet", "--jobs", str(jobs), "--out", out] + inputs)
    if rc not in (0, 1):
        raise SystemExit("benchmark: motionscan failed (%d): %s" % (rc, err))
    with open(out) as f:
        recs = [json.loads(l) for l in f]
    pages = sum(len(r["pages"]) for r in recs)
    bad = [r["file"] for r in recs if r["status"] != "ok"]
    return m, pages, bad


def row(name, m, pages, note=""):
    return {"tool": name, "wall_s": m.wall, "pages": pages, "pages_per_s": pages / m.wall if m.wall else 0,
            "cpu_s_per_page": m.cpu / pages if pages else 0, "peak_rss_mb": m.maxrss_kb / 1024.0,
            "tree_rss_mb": m.tree_kb / 1024.0, "note": note}


def fmt_rows(rows):
    lines = ["| run | wall s | pages | pages/s | CPU s/page | peak RSS MB (largest process) | peak RSS MB (all processes) |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| %s | %.1f | %d | %.2f | %.3f | %.0f | %.0f |" % (
            r["tool"], r["wall_s"], r["pages"], r["pages_per_s"], r["cpu_s_per_page"], r["peak_rss_mb"],
            r["tree_rss_mb"]))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for every tool (default: cores)")
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench"), help="corpora and outputs")
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "motionscan"))
    ap.add_argument("--count", type=int, default=42, help="scanned filings in the corpus (default 42: >= 60 pages)")
    ap.add_argument("--big", type=int, default=500, help="documents in the large memory batch (default 500)")
    ap.add_argument("--quick", action="store_true", help="motionscan and the bare engine only: no OCRmyPDF, no big batch")
    a = ap.parse_args()
    for tool in ["pdftoppm", "pdfinfo", "tesseract", "qpdf"] + ([] if a.quick else ["ocrmypdf"]):
        if not shutil.which(tool):
            raise SystemExit("benchmark: %s is not installed (tools/install-deps.sh --bench installs it)" % tool)
    os.makedirs(a.work, exist_ok=True)
    scan = os.path.join(a.work, "corpus-scanned")
    gen(scan, a.count, "pdf-scan,pdf-bilevel")
    docs = docs_in(scan)
    n_pages = sum(pdf_pages(d) for d in docs)
    if n_pages < 60:
        raise SystemExit("benchmark: the corpus has %d pages; raise --count" % n_pages)
    print("corpus: %d scanned filings, %d pages; %d workers; %s" % (len(docs), n_pages, a.jobs,
                                                                   subprocess.run([a.exe, "--version"], capture_output=True,
                                                                                  text=True).stdout.strip()),
          file=sys.stderr)
    rows = []

    print("motionscan ...", file=sys.stderr)
    ms, pages, bad = motionscan(a.exe, docs, a.jobs, os.path.join(a.work, "motionscan.jsonl"))
    rows.append(row("motionscan --jobs %d" % a.jobs, ms, pages, "%d not ok" % len(bad)))

    print("bare: pdftoppm + tesseract ...", file=sys.stderr)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    img = os.path.join(a.work, "bare")
    shutil.rmtree(img, ignore_errors=True)
    os.makedirs(img)
    render = run_pool([["pdftoppm", "-r", "300", "-png", d, os.path.join(img, os.path.basename(d)[:-4])] for d in docs],
                      a.jobs, env)
    pngs = sorted(os.path.join(img, n) for n in os.listdir(img) if n.endswith(".png"))
    tess = run_pool([["tesseract", p, p[:-4]] for p in pngs], a.jobs, env)
    rows.append(row("tesseract command (page images)", tess, len(pngs)))
    both = Measure()
    both.wall, both.cpu = render.wall + tess.wall, render.cpu + tess.cpu
    both.maxrss_kb, both.tree_kb = max(render.maxrss_kb, tess.maxrss_kb), max(render.tree_kb, tess.tree_kb)
    rows.append(row("pdftoppm -r 300 + tesseract", both, len(pngs)))

    ocr = None
    if not a.quick:
        print("ocrmypdf ...", file=sys.stderr)
        out = os.path.join(a.work, "ocrmypdf")
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        ocr = Measure()
        for d in docs:
            base = os.path.join(out, os.path.basename(d)[:-4])
            rc, err = ocr.run(["ocrmypdf", "--jobs", str(a.jobs), "--sidecar", base + ".txt", "--output-type", "pdf",
                               "--quiet", d, base + ".pdf"])
            if rc != 0:
                raise SystemExit("benchmark: ocrmypdf failed on %s: %s" % (d, err[-500:]))
        rows.append(row("ocrmypdf --jobs %d --sidecar" % a.jobs, ocr, n_pages))

    # One long filing: its pages are spread over the workers too.
    long_pdf = os.path.join(a.work, "long-filing.pdf")
    parts, n = [], 0
    for d in docs:
        parts.append(d)
        n += pdf_pages(d)
        if n >= 40:
            break
    subprocess.run(["qpdf", "--empty", "--pages"] + parts + ["--", long_pdf], check=True)
    print("one %d-page filing, 1 and %d workers ..." % (n, a.jobs), file=sys.stderr)
    l1, lp, _ = motionscan(a.exe, [long_pdf], 1, os.path.join(a.work, "long-1.jsonl"))
    rows.append(row("motionscan --jobs 1, one %d-page filing" % n, l1, lp))
    ln, lp, _ = motionscan(a.exe, [long_pdf], a.jobs, os.path.join(a.work, "long-n.jsonl"))
    rows.append(row("motionscan --jobs %d, one %d-page filing" % (a.jobs, n), ln, lp))

    print("born-digital ...", file=sys.stderr)
    text = os.path.join(a.work, "corpus-born-digital")
    gen(text, 96, "pdf-text", seed="bench-text")
    tdir = os.path.join(a.work, "batch-born-digital")
    shutil.rmtree(tdir, ignore_errors=True)
    os.makedirs(tdir)
    for k in range(4):  # 384 documents: each file four times, under other names
        for d in docs_in(text):
            os.link(d, os.path.join(tdir, "%d-%s" % (k, os.path.basename(d))))
    tdocs = docs_in(tdir)
    tm, tpages, _ = motionscan(a.exe, tdocs, a.jobs, os.path.join(a.work, "born-digital.jsonl"))
    rows.append(row("motionscan, born-digital PDFs", tm, tpages))

    mem = []
    one = os.path.join(a.work, "corpus-one-page")
    gen(one, 50, "pdf-scan,pdf-bilevel", seed="bench-one")
    singles = [d for d in docs_in(one) if pdf_pages(d) == 1]
    for n in [10] + ([] if a.quick else [a.big]):
        batch = os.path.join(a.work, "batch-%d" % n)
        shutil.rmtree(batch, ignore_errors=True)
        os.makedirs(batch)
        for i in range(n):  # copies under other names: the batch is n documents long
            os.link(singles[i % len(singles)], os.path.join(batch, "doc-%04d.pdf" % i))
        print("memory, %d documents ..." % n, file=sys.stderr)
        bm, bpages, _ = motionscan(a.exe, docs_in(batch), a.jobs, os.path.join(a.work, "batch-%d.jsonl" % n))
        r = row("motionscan, %d one-page scans" % n, bm, bpages)
        rows.append(r)
        mem.append(r)

    t = {r["tool"]: r for r in rows}
    m = rows[0]
    checks = []

    def check(what, value, target, ok):
        checks.append("| %s | %s | %s | %s |" % (what, value, target, "met" if ok else "MISSED"))

    ratio = m["cpu_s_per_page"] / t["tesseract command (page images)"]["cpu_s_per_page"]
    check("CPU s/page, motionscan / tesseract command", "%.2f" % ratio, "<= 1.10", ratio <= 1.10)
    if ocr:
        sp = m["pages_per_s"] / t["ocrmypdf --jobs %d --sidecar" % a.jobs]["pages_per_s"]
        check("pages/s, motionscan / OCRmyPDF", "%.2f" % sp, ">= 1.5", sp >= 1.5)
    if a.jobs > 1:
        su = l1.wall / ln.wall
        check("one long filing, --jobs %d / --jobs 1 speed-up" % a.jobs, "%.2f" % su,
              "pages spread over workers (> 1.5)", su > 1.5)
    bd = t["motionscan, born-digital PDFs"]["pages_per_s"]
    check("born-digital pages/s", "%.0f" % bd, ">= 100", bd >= 100)
    for r in mem:
        per = r["peak_rss_mb"] / a.jobs
        check("peak RSS per worker, %s" % r["tool"][12:], "%.0f MB" % per, "< 150 MB", per < 150)
    if len(mem) == 2:
        grow = mem[1]["peak_rss_mb"] / mem[0]["peak_rss_mb"]
        check("peak RSS, %d docs / 10 docs" % a.big, "%.2f" % grow, "flat (<= 1.10)", grow <= 1.10)

    cpu = open("/proc/cpuinfo").read()
    model = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("model name")), "?")
    report = "\n".join([
        "# motionscan benchmark",
        "",
        "Machine: %d cores (%s), %s. Corpus: %d scanned filings, %d pages (tools/gen_evalset.py --seed bench "
        "--format pdf-scan,pdf-bilevel). Workers: %d." % (os.cpu_count(), model, os.uname().release, len(docs),
                                                        n_pages, a.jobs),
        "",
        fmt_rows(rows),
        "",
        "| target | measured | wanted | |",
        "|---|---|---|---|",
    ] + checks) + "\n"
    with open(os.path.join(a.work, "results.md"), "w") as f:
        f.write(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
