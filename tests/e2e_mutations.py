#!/usr/bin/env python3
"""Hostile copies of the samples: truncated and bit-flipped, generated from a
fixed seed, in one batch.  The pipeline must not crash (exit 0 or 1, never a
signal or a sanitizer's exit status), must not hang (a time limit on the whole
batch), and must write exactly one record per input, in path order, each
either ok or an error with a stable code and a message naming the file.  The
same is checked for the transcripts under --text, truncated and bit-flipped
(invalid UTF-8 included).

usage: e2e_mutations.py MOTIONSCAN SAMPLES_DIR WORKDIR [--seed N] [--timeout S]

The copies (106 scans, 133 transcripts) are written to WORKDIR/scans and WORKDIR/text;
rerun with the same seed to get the same bytes.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time

DOC_EXT = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
CODES = {"not_found", "unreadable", "empty_file", "too_large", "unsupported_format",
         "corrupt_pdf", "encrypted", "corrupt_image", "no_pages", "too_many_pages",
         "page_too_large", "render_failed", "ocr_failed", "ocr_init", "internal"}


def truncations(data, rng):
    """Cut at a random point in the first tenth, in the middle, near the end,
    and one byte short."""
    n = len(data)
    return {"cut10": data[:rng.randrange(1, max(2, n // 10))],
            "cut50": data[:n // 2],
            "cut90": data[:n * 9 // 10 + rng.randrange(0, max(1, n // 20))],
            "cut-1": data[:-1]}


def bitflips(data, rng):
    """Flip bits: a few anywhere, and a burst in the header (image sizes, PDF
    xref offsets and object headers live there), and one byte run zeroed."""
    out = {}
    b = bytearray(data)
    for _ in range(8):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    out["flip8"] = bytes(b)
    b = bytearray(data)
    for _ in range(16):
        i = rng.randrange(min(len(b), 512))
        b[i] ^= 1 << rng.randrange(8)
    out["fliphead"] = bytes(b)
    b = bytearray(data)
    i = rng.randrange(len(b))
    b[i:i + 64] = bytes(len(b[i:i + 64]))
    out["zero64"] = bytes(b)
    return out


def write_set(src_dir, names, out_dir, rng, kinds):
    os.makedirs(out_dir)
    made = []
    for name in names:
        with open(os.path.join(src_dir, name), "rb") as f:
            data = f.read()
        stem, ext = os.path.splitext(name)
        variants = {}
        for k in kinds:
            variants.update(k(data, rng))
        for tag, b in sorted(variants.items()):
            fname = f"{stem}.{tag}{ext}"
            with open(os.path.join(out_dir, fname), "wb") as f:
                f.write(b)
            made.append(fname)
    return sorted(made)


def check_batch(exe, args, inputs, folder, timeout, label):
    failures = []
    t0 = time.monotonic()
    try:
        p = subprocess.run([exe, "run"] + args + [folder], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [f"{label}: no result within {timeout} s (hang?)"], 0.0
    wall = time.monotonic() - t0
    if p.returncode not in (0, 1):
        failures.append(f"{label}: exit status {p.returncode} (a signal is negative): "
                        f"{p.stderr.decode(errors='replace')[-2000:]}")
    try:
        records = [json.loads(l) for l in p.stdout.decode("utf-8").splitlines()]
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return failures + [f"{label}: stdout is not JSON Lines: {e}"], wall
    names = [os.path.relpath(r["file"], folder) for r in records]
    if names != inputs:
        missing = sorted(set(inputs) - set(names))
        extra = sorted(set(names) - set(inputs))
        failures.append(f"{label}: {len(records)} records for {len(inputs)} inputs; "
                        f"missing {missing[:5]}, extra {extra[:5]}, in order: {names == sorted(names)}")
    ok = err = 0
    for r in records:
        name = os.path.basename(r["file"])
        if r["status"] == "ok":
            ok += 1
            if not r["pages"]:
                failures.append(f"{label}: {name}: ok without pages")
        elif r["status"] == "error":
            err += 1
            e = r["error"] or {}
            if e.get("code") not in CODES or name not in (e.get("message") or ""):
                failures.append(f"{label}: {name}: unclear error {e}")
        else:
            failures.append(f"{label}: {name}: status {r['status']}")
    print(f"{label}: {len(inputs)} inputs, {ok} ok, {err} error records, exit {p.returncode}, "
          f"{wall:.1f} s")
    return failures, wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exe")
    ap.add_argument("samples")
    ap.add_argument("work")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--timeout", type=int, default=900)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    shutil.rmtree(a.work, ignore_errors=True)
    docs = sorted(f for f in os.listdir(a.samples) if f.lower().endswith(DOC_EXT))
    scans = os.path.join(a.work, "scans")
    # Every sample truncated; every other one bit-flipped too, so the batch
    # stays within a few minutes of OCR on two cores.
    inputs = write_set(a.samples, docs, scans, rng, [truncations])
    inputs += [os.path.join("flipped", n) for n in
               write_set(a.samples, docs[::2], os.path.join(scans, "flipped"), rng, [bitflips])]
    inputs = sorted(inputs)  # the order of the records: by path
    truth = os.path.join(a.samples, "truth")
    texts = write_set(truth, sorted(os.listdir(truth)), os.path.join(a.work, "text"), rng,
                      [truncations, bitflips])

    failures = []
    # --dpi 150 halves the OCR time of the PDF pages; crashes do not depend on it.
    f, _ = check_batch(a.exe, ["--jobs", "2", "--dpi", "150"], inputs, scans, a.timeout, "scans")
    failures += f
    f, _ = check_batch(a.exe, ["--text"], texts, os.path.join(a.work, "text"), 120, "text")
    failures += f
    for x in failures:
        print("FAIL", x)
    print(f"{len(inputs) + len(texts)} mutated inputs, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
