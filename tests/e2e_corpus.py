#!/usr/bin/env python3
"""Robustness: the real-world PDFs and images of OCRmyPDF's test suite (invalid
files, huge pages, JBIG2, CCITT, CMYK, skewed and rotated scans, forms, fonts
without Unicode maps) in one batch.  Every input must end as exactly one
record (ok, or an error with a stable code and a message), the process must
exit normally (0 or 1) and nothing but records may reach stdout.

The batch must also stay within the configured limits (the defaults: 100
megapixels per page, 60 s of OCR per page, two workers):
  - peak resident memory of the process at most PEAK_RSS_MB.  What makes the
    peak is the largest pages (hugemono.pdf, a 35000x35000 CCITT image on a
    116-inch page, and enormous.pdf, 9000x9000 RGB): each is rendered at the
    100-megapixel bound into a 4-byte-per-pixel Cairo surface plus its grey
    copy (about 500 MB) while Poppler holds the decoded image, and Tesseract
    adds its own copies.  Measured: 885-917 MB for the whole batch.
  - no page longer than the OCR deadline plus PAGE_RENDER_S for rendering;
  - the whole batch within BATCH_S (64 s on an idle 2-core machine, 155 s when
    it was shared with three other builds).

usage: e2e_corpus.py MOTIONSCAN CORPUS_DIR
Exits 77 (skipped) when the corpus folder is absent.
"""
import json
import os
import resource
import subprocess
import sys
import time

PEAK_RSS_MB = 1200
OCR_DEADLINE_S = 60  # --ocr-timeout's default (pipeline/base/limits.h)
PAGE_RENDER_S = 60
BATCH_S = 900

DOC_EXT = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
CODES = {"not_found", "unreadable", "empty_file", "too_large", "unsupported_format",
         "corrupt_pdf", "encrypted", "corrupt_image", "no_pages", "too_many_pages",
         "page_too_large", "render_failed", "ocr_failed", "ocr_init", "internal"}
# Files known to be broken on purpose, and the error each must give.
EXPECTED_ERRORS = {"invalid.pdf": "corrupt_pdf"}


def main():
    exe, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(corpus):
        print(f"corpus {corpus} not present: skipped")
        return 77
    inputs = sorted(f for f in os.listdir(corpus) if f.lower().endswith(DOC_EXT))
    t0 = time.monotonic()
    try:
        p = subprocess.run([exe, "run", "--jobs", "2", corpus], capture_output=True, text=True,
                           timeout=BATCH_S)
    except subprocess.TimeoutExpired:
        print(f"FAIL the batch did not finish within {BATCH_S} s")
        return 1
    wall = time.monotonic() - t0
    # ru_maxrss of waited-for children, in KiB on Linux: the largest resident
    # set motionscan reached (the OMP_THREAD_LIMIT re-exec keeps the process).
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    failures = []
    if p.returncode not in (0, 1):
        failures.append(f"exit status {p.returncode}: {p.stderr[-500:]}")
    if peak_mb > PEAK_RSS_MB:
        failures.append(f"peak RSS {peak_mb:.0f} MB exceeds {PEAK_RSS_MB} MB")
    records = [json.loads(line) for line in p.stdout.splitlines()]
    names = [os.path.basename(r["file"]) for r in records]
    if names != inputs:
        failures.append(f"records for {names}, inputs {inputs}")
    for r in records:
        name = os.path.basename(r["file"])
        if r["status"] == "error":
            code = r["error"]["code"]
            if code not in CODES or not r["error"]["message"]:
                failures.append(f"{name}: bad error {r['error']}")
            if EXPECTED_ERRORS.get(name) != code:
                failures.append(f"{name}: unexpected error {r['error']}")
        elif name in EXPECTED_ERRORS:
            failures.append(f"{name}: expected error {EXPECTED_ERRORS[name]}, got ok")
        elif not r["pages"]:
            failures.append(f"{name}: ok without pages")
        for pg in r["pages"]:
            if pg["ms"] > (OCR_DEADLINE_S + PAGE_RENDER_S) * 1000:
                failures.append(f"{name}: page {pg['number']} took {pg['ms']} ms")
    for f in failures:
        print("FAIL", f)
    slowest = max((pg["ms"], os.path.basename(r["file"])) for r in records for pg in r["pages"])
    print(f"{len(records)} records for {len(inputs)} inputs, {wall:.1f} s, peak RSS "
          f"{peak_mb:.0f} MB, slowest page {slowest[0]} ms ({slowest[1]}), "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
