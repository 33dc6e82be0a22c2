#!/usr/bin/python3
"""Write a deterministic set of broken (and two good) inputs for error-path tests.

    /usr/bin/python3 tools/make_bad_inputs.py OUTDIR

Files written into OUTDIR (one line printed per file):
  empty.pdf          0 bytes
  text-named.pdf     plain text with a .pdf name
  truncated.pdf      first 40% of a scanned sample PDF
  garbage.tif        TIFF magic followed by random bytes
  truncated.png      first half of a sample PNG
  not-a-filing.bin   random bytes
  encrypted.pdf      a real sample PDF encrypted with user password "secret"
                     (owner password "owner"), made with qpdf
  good.pdf           an untouched copy of a born-digital sample
  good.png           an untouched copy of a sample PNG

Deterministic: random bytes come from a seeded generator, and qpdf runs with
--static-id --static-aes-iv.  qpdf's AES-256 (R6) always draws a random file key
and salts, so by default the file is encrypted with AES-128 (R4), which those
two options make reproducible; pass --aes256 for AES-256 at the cost of
byte-identical output.  The samples must exist (run tools/gen_samples.py).
"""

import argparse
import os
import random
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")
TEXT_PDF = "02-pretermit-incomplete-i589-born-digital.pdf"
SCAN_PDF = "07-pretermit-uganda-on-page-two.pdf"
PNG = "04-designate-uganda-alternative-atlanta.png"
SEED = 20250601

TEXT = """UNITED STATES DEPARTMENT OF JUSTICE
EXECUTIVE OFFICE FOR IMMIGRATION REVIEW
IMMIGRATION COURT

This file is plain text saved with a .pdf name. It is not a PDF document,
although it reads like the first lines of a filing. DHS MOTION TO PRETERMIT.
"""


class Failure(Exception):
    pass


def sample(name):
    path = os.path.join(SAMPLES, name)
    if not os.path.isfile(path):
        raise Failure("missing sample %s; run /usr/bin/python3 tools/gen_samples.py first" % path)
    with open(path, "rb") as f:
        return f.read()


def encrypt(src_bytes, out_path, aes256):
    qpdf = shutil.which("qpdf")
    if not qpdf:
        raise Failure("qpdf is not installed; install it with 'apt-get install -y qpdf'")
    tmp = out_path + ".in.tmp"
    with open(tmp, "wb") as f:
        f.write(src_bytes)
    if aes256:
        cmd = [qpdf, "--encrypt", "secret", "owner", "256", "--", tmp, out_path]
    else:
        cmd = [qpdf, "--static-id", "--static-aes-iv", "--encrypt", "secret", "owner", "128",
               "--use-aes=y", "--", tmp, out_path]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True)
    finally:
        os.remove(tmp)
    # qpdf exits 3 for warnings with a usable output file
    if r.returncode not in (0, 3) or not os.path.isfile(out_path):
        raise Failure("qpdf failed (exit %d): %s" % (r.returncode, r.stderr.strip()))


def main():
    ap = argparse.ArgumentParser(description="Write broken inputs for tests into OUTDIR.")
    ap.add_argument("outdir")
    ap.add_argument("--aes256", action="store_true",
                    help="encrypt with AES-256 (output no longer byte-identical between runs)")
    a = ap.parse_args()
    rng = random.Random(SEED)
    try:
        os.makedirs(a.outdir, exist_ok=True)
        text_pdf = sample(TEXT_PDF)
        scan_pdf = sample(SCAN_PDF)
        png = sample(PNG)
        files = [
            ("empty.pdf", b"", "0 bytes"),
            ("text-named.pdf", TEXT.encode("ascii"), "plain text with a .pdf name"),
            ("truncated.pdf", scan_pdf[:len(scan_pdf) * 40 // 100],
             "first 40%% of samples/%s" % SCAN_PDF),
            ("garbage.tif", b"II*\x00" + rng.randbytes(4092), "TIFF magic then random bytes"),
            ("truncated.png", png[:len(png) // 2], "first half of samples/%s" % PNG),
            ("not-a-filing.bin", rng.randbytes(8192), "random bytes"),
            ("good.pdf", text_pdf, "copy of samples/%s" % TEXT_PDF),
            ("good.png", png, "copy of samples/%s" % PNG),
        ]
        for name, data, what in files:
            with open(os.path.join(a.outdir, name), "wb") as f:
                f.write(data)
        enc = os.path.join(a.outdir, "encrypted.pdf")
        encrypt(text_pdf, enc, a.aes256)
        files.insert(6, ("encrypted.pdf", None, "samples/%s encrypted, %s, user password 'secret'"
                         % (TEXT_PDF, "AES-256" if a.aes256 else "AES-128")))
        for name, data, what in files:
            size = os.path.getsize(os.path.join(a.outdir, name))
            print("%-18s %8d B  %s" % (name, size, what))
    except (Failure, OSError) as e:
        print("make_bad_inputs: error: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
