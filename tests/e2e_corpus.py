#!/usr/bin/env python3
"""Robustness: the real-world PDFs and images of OCRmyPDF's test suite (invalid
files, huge pages, JBIG2, CCITT, CMYK, skewed and rotated scans, forms, fonts
without Unicode maps) in one batch.  Every input must end as exactly one
record (ok, or an error with a stable code and a message), the process must
exit normally (0 or 1) and nothing but records may reach stdout.

usage: e2e_corpus.py MOTIONSCAN CORPUS_DIR
Exits 77 (skipped) when the corpus folder is absent.
"""
import json
import os
import subprocess
import sys

DOC_EXT = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
CODES = {"not_found", "unreadable", "empty_file", "too_large", "unsupported_format",
         "corrupt_pdf", "encrypted", "corrupt_image", "no_pages", "too_many_pages",
         "page_too_large", "render_failed", "ocr_failed", "ocr_init", "no_text", "internal"}
# Files known to be broken on purpose, and the error each must give.
EXPECTED_ERRORS = {"invalid.pdf": "corrupt_pdf"}


def main():
    exe, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(corpus):
        print(f"corpus {corpus} not present: skipped")
        return 77
    inputs = sorted(f for f in os.listdir(corpus) if f.lower().endswith(DOC_EXT))
    p = subprocess.run([exe, "run", "--jobs", "2", corpus], capture_output=True, text=True)
    failures = []
    if p.returncode not in (0, 1):
        failures.append(f"exit status {p.returncode}: {p.stderr[-500:]}")
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
    for f in failures:
        print("FAIL", f)
    print(f"{len(records)} records for {len(inputs)} inputs, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
