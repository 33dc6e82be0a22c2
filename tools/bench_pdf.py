#!/usr/bin/python3
"""Benchmark of --pdf beside OCRmyPDF (issue 17).

    /usr/bin/python3 tools/bench_pdf.py [--jobs N] [--repeat 3] [--ocrmypdf-repeat N] [--work DIR]

On the benchmark corpus of tools/benchmark.py (tools/gen_evalset.py, seed
"bench", pdf-scan and pdf-bilevel: 42 scanned filings, 65 pages), one after
the other and interleaved, `--repeat` times each:

  motionscan        build/motionscan run --jobs N CORPUS/*.pdf
  motionscan --pdf  the same with --pdf DIR
  ocrmypdf          ocrmypdf --jobs N --output-type pdf --optimize 0 IN OUT, file by file

(OCRmyPDF in the first --ocrmypdf-repeat rounds only, default all) and
reports the medians of wall seconds, pages per second and CPU seconds
per page (user + system of the command and its children, from the kernel's
rusage as /usr/bin/time -v reports it), and the PDFs' total size.  Then
motionscan --pdf on the born-digital corpus (seed "bench-text") and on the
samples: a page that had a text layer must keep its images as they were
(pdfimages -list, page by page) and its text (pdftotext), so none was
rasterised.  Each run's figures go to stderr as it ends; the table to stdout
and WORK/pdf-results.md.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import benchmark  # noqa: E402  (the corpus, Measure)

ROOT = benchmark.ROOT


def folder_size(d):
    return sum(os.path.getsize(os.path.join(d, n)) for n in os.listdir(d) if n.endswith(".pdf"))


def run_motionscan(exe, docs, jobs, pdf_dir, out):
    argv = [exe, "run", "--quiet", "--jobs", str(jobs), "--out", out]
    if pdf_dir:
        shutil.rmtree(pdf_dir, ignore_errors=True)
        argv += ["--pdf", pdf_dir]
    m = benchmark.Measure()
    rc, err = m.run(argv + docs)
    if rc not in (0, 1):
        raise SystemExit("bench_pdf: motionscan failed (%d): %s" % (rc, err[-500:]))
    with open(out) as f:
        recs = [json.loads(l) for l in f]
    if pdf_dir:
        bad = [r["file"] for r in recs if (r.get("pdf") or {}).get("error")]
        if bad:
            raise SystemExit("bench_pdf: no PDF for %s" % bad[:3])
    return m


def run_ocrmypdf(docs, jobs, out_dir):
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    m = benchmark.Measure()
    for d in docs:
        rc, err = m.run(["ocrmypdf", "--jobs", str(jobs), "--output-type", "pdf", "--optimize", "0", "--quiet",
                         d, os.path.join(out_dir, os.path.basename(d))])
        if rc != 0:
            raise SystemExit("bench_pdf: ocrmypdf failed on %s: %s" % (d, err[-500:]))
    return m


def page_images(pdf):
    """Per page: the images pdfimages lists (size, encoding, object id), in order."""
    out = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True, check=True).stdout
    pages = {}
    for line in out.splitlines()[2:]:
        f = line.split()
        pages.setdefault(int(f[0]), []).append((f[3], f[4], f[5], f[8]))
    return pages


def page_text(pdf, n):
    return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True,
                          check=True).stdout


def rasterised(exe, docs, jobs, work, tag):
    """Pages with a text layer (source text or text+ocr) whose images or, for
    text pages, whose text the PDF changed; and how many such pages there were."""
    pdf_dir, out = os.path.join(work, "pdf-" + tag), os.path.join(work, "pdf-%s.jsonl" % tag)
    run_motionscan(exe, docs, jobs, pdf_dir, out)
    layered = changed = 0
    with open(out) as f:
        for rec in map(json.loads, f):
            if rec["format"] != "pdf" or rec["status"] != "ok":
                continue
            res = os.path.join(pdf_dir, os.path.basename(rec["file"]) + ".pdf")
            before, after = page_images(rec["file"]), page_images(res)
            for p in rec["pages"]:
                if p["source"] not in ("text", "text+ocr"):
                    continue
                layered += 1
                n = p["number"]
                same = [i[:3] for i in before.get(n, [])] == [i[:3] for i in after.get(n, [])]
                if p["source"] == "text":
                    same = same and page_text(rec["file"], n) == page_text(res, n)
                changed += not same
    return layered, changed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ocrmypdf-repeat", type=int, default=None, help="rounds with OCRmyPDF (default: --repeat)")
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "motionscan"))
    a = ap.parse_args()
    for tool in ("ocrmypdf", "pdfimages", "pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            raise SystemExit("bench_pdf: %s is not installed (tools/install-deps.sh --bench)" % tool)
    os.makedirs(a.work, exist_ok=True)
    scan = os.path.join(a.work, "corpus-scanned")
    benchmark.gen(scan, 42, "pdf-scan,pdf-bilevel")
    docs = benchmark.docs_in(scan)
    pages = sum(benchmark.pdf_pages(d) for d in docs)
    load = os.getloadavg()[0]
    runs = {"motionscan": [], "motionscan --pdf": [], "ocrmypdf": []}
    ocr_rounds = a.repeat if a.ocrmypdf_repeat is None else a.ocrmypdf_repeat

    def note(name, m):
        runs[name].append(m)
        print("  %s: wall %.1f s, CPU %.3f s/page, load %.1f" % (name, m.wall, m.cpu / pages, os.getloadavg()[0]),
              file=sys.stderr)

    for k in range(a.repeat):
        print("round %d of %d ..." % (k + 1, a.repeat), file=sys.stderr)
        note("motionscan", run_motionscan(a.exe, docs, a.jobs, None, os.path.join(a.work, "b-plain.jsonl")))
        note("motionscan --pdf", run_motionscan(a.exe, docs, a.jobs, os.path.join(a.work, "b-pdf"),
                                                os.path.join(a.work, "b-pdf.jsonl")))
        if k < ocr_rounds:
            note("ocrmypdf", run_ocrmypdf(docs, a.jobs, os.path.join(a.work, "b-ocrmypdf")))
    load = max(load, os.getloadavg()[0])
    sizes = {"motionscan": None, "motionscan --pdf": folder_size(os.path.join(a.work, "b-pdf")),
             "ocrmypdf": folder_size(os.path.join(a.work, "b-ocrmypdf"))}
    med = {}
    lines = ["| run (%d filings, %d pages, --jobs %d) | runs | wall s | pages/s | CPU s/page | PDFs, MB |"
             % (len(docs), pages, a.jobs), "|---|---|---|---|---|---|"]
    for name, ms in runs.items():
        wall = statistics.median(m.wall for m in ms)
        cpu = statistics.median(m.cpu for m in ms) / pages
        med[name] = (wall, cpu)
        size = "%.1f" % (sizes[name] / 1e6) if sizes[name] else "-"
        lines.append("| %s | %d | %.1f | %.2f | %.3f | %s |" % (name, len(ms), wall, pages / wall, cpu, size))
    lines.append("")
    lines.append("input corpus: %.1f MB; load average up to %.1f on %d cores" % (folder_size(scan) / 1e6, load,
                                                                                 os.cpu_count() or 1))
    text = os.path.join(a.work, "corpus-born-digital")
    benchmark.gen(text, 96, "pdf-text", seed="bench-text")
    # the samples with a text layer: the born-digital and the mixed filing
    samples = [os.path.join(ROOT, "samples", n) for n in ("02-pretermit-incomplete-i589-born-digital.pdf",
                                                          "08-opposition-respondent-mixed.pdf")]
    lay1, ch1 = rasterised(a.exe, benchmark.docs_in(text), a.jobs, a.work, "born-digital")
    lay2, ch2 = rasterised(a.exe, samples, a.jobs, a.work, "samples")
    cpu_ratio = med["motionscan --pdf"][1] / med["motionscan"][1]
    speed = med["ocrmypdf"][0] / med["motionscan --pdf"][0]
    size_ratio = sizes["motionscan --pdf"] / sizes["ocrmypdf"]
    lines += ["", "| target | measured | wanted |", "|---|---|---|",
              "| CPU s/page, with --pdf / without | %.3f | at most 1.10 |" % cpu_ratio,
              "| pages/s, motionscan --pdf / OCRmyPDF | %.2f | at least 2.5 |" % speed,
              "| PDF size, motionscan / OCRmyPDF --optimize 0 | %.2f | at most 1 |" % size_ratio,
              "| pages with a text layer rasterised (born-digital corpus: %d; samples: %d) | %d | 0 |"
              % (lay1, lay2, ch1 + ch2)]
    report = "\n".join(lines) + "\n"
    with open(os.path.join(a.work, "pdf-results.md"), "w") as f:
        f.write(report)
    print(report)


if __name__ == "__main__":
    main()
