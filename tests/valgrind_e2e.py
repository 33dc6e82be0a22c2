#!/usr/bin/env python3
"""End to end under Valgrind's memcheck: no invalid read or write, no use of
uninitialised memory, no definite leak.

OCR under memcheck is about 50 times slower, so the inputs are chosen to pass
through every stage once rather than many times:
  - a born-digital PDF (text layer), the broken files of
    tools/make_bad_inputs.py (empty, text named .pdf, truncated PDF and PNG,
    garbage TIFF, encrypted with no, right and wrong password);
  - one scanned page (samples/10, rendered at 100 dpi, no OCR deadline) through
    Leptonica and Tesseract;
  - every sample transcript through --text (all rules on 32 pages);
  - rules test (every rule's examples);
  - the ingest fuzz seeds (tiny and cut-off PDFs, PNG, JPEG, G4 TIFF) through
    replay_ingest.
MOTIONSCAN_NO_JIT=1 turns PCRE2's JIT off (memcheck cannot follow JIT code),
and OMP_THREAD_LIMIT=1 is set so the program does not re-execute itself.

usage: valgrind_e2e.py VALGRIND MOTIONSCAN REPLAY_INGEST SRC_DIR WORKDIR
"""
import os
import shutil
import subprocess
import sys
import time

VG_ERROR = 99
# tools/make_bad_inputs.py's files but good.png, a scanned page (one is enough).
BROKEN = ["empty.pdf", "text-named.pdf", "truncated.pdf", "garbage.tif", "truncated.png",
          "not-a-filing.bin", "encrypted.pdf", "good.pdf", "missing.pdf"]


def main():
    valgrind, exe, replay, src, work = sys.argv[1:6]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    samples = os.path.join(src, "samples")
    bad = os.path.join(work, "bad")
    subprocess.run(["/usr/bin/python3", os.path.join(src, "tools", "make_bad_inputs.py"), bad],
                   check=True, capture_output=True)
    supp = os.path.join(src, "tests", "sanitizers", "valgrind.supp")
    vg = [valgrind, "-q", f"--error-exitcode={VG_ERROR}", "--leak-check=full",
          "--errors-for-leak-kinds=definite", "--show-leak-kinds=definite",
          f"--suppressions={supp}", "--num-callers=30"]
    env = dict(os.environ, MOTIONSCAN_NO_JIT="1", OMP_THREAD_LIMIT="1")
    runs = [
        ("born-digital and broken files",
         [exe, "run", "--jobs", "2", os.path.join(samples, "02-pretermit-incomplete-i589-born-digital.pdf")]
         + [os.path.join(bad, n) for n in BROKEN], (1,)),
        ("encrypted, right password",
         [exe, "run", "--password", "secret", os.path.join(bad, "encrypted.pdf")], (0,)),
        ("encrypted, wrong password",
         [exe, "run", "--password", "wrong", os.path.join(bad, "encrypted.pdf")], (1,)),
        ("one scanned page through OCR",
         [exe, "run", "--jobs", "1", "--dpi", "100", "--ocr-timeout", "0",
          os.path.join(samples, "10-mpp-returned-to-mexico.pdf")], (0,)),
        ("transcripts (--text)", [exe, "run", "--text", os.path.join(samples, "truth")], (0,)),
        ("rules test", [exe, "rules", "test"], (0,)),
        ("ingest fuzz seeds", [replay, os.path.join(src, "tests", "fuzz", "corpus", "ingest"),
                               os.path.join(src, "tests", "fuzz", "regressions", "ingest")], (0,)),
    ]
    failures = []
    for label, cmd, want in runs:
        t0 = time.monotonic()
        p = subprocess.run(vg + cmd, capture_output=True, text=True, env=env, cwd=work)
        wall = time.monotonic() - t0
        print(f"{label}: exit {p.returncode}, {wall:.1f} s")
        if p.returncode not in want:
            lines = [l for l in p.stderr.splitlines() if l.startswith("==")]
            failures.append(f"{label}: exit {p.returncode} (want {want})\n" +
                            "\n".join(lines[:80] or p.stderr.splitlines()[-20:]))
    for f in failures:
        print("FAIL", f)
    print(f"{len(runs)} runs under memcheck, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
