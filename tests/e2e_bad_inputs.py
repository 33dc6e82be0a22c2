#!/usr/bin/env python3
"""End to end: a batch that mixes good files with broken ones.

Generates the broken inputs (tools/make_bad_inputs.py), runs motionscan on
the folder plus a path that does not exist, and checks that every input has
exactly one record, each broken one an error record with its stable code and
a message naming the file, the good ones are processed, the exit status is 1
and stdout holds nothing but records.  Then runs the same batch with one and
with two workers and checks the records are identical but for timings.

usage: e2e_bad_inputs.py MOTIONSCAN MAKE_BAD_INPUTS_PY WORKDIR
"""
import json
import os
import shutil
import subprocess
import sys

EXPECTED = {
    "empty.pdf": "empty_file",
    "text-named.pdf": "unsupported_format",
    "truncated.pdf": "corrupt_pdf",
    "garbage.tif": "corrupt_image",
    "truncated.png": "corrupt_image",
    "encrypted.pdf": "encrypted",
    "good.pdf": None,
    "good.png": None,
    "missing.pdf": "not_found",
}


def run(exe, args):
    p = subprocess.run([exe, "run"] + args, capture_output=True, text=True)
    if p.returncode not in (0, 1):  # a signal, or a sanitizer's report (asan preset)
        raise SystemExit(f"motionscan {' '.join(args)}: exit {p.returncode}\n{p.stderr[-3000:]}")
    return p.returncode, [json.loads(l) for l in p.stdout.splitlines()], p.stderr


def strip_timings(rec):
    rec = dict(rec)
    rec.pop("timings_ms", None)
    rec["pages"] = [{k: v for k, v in p.items() if k != "ms"} for p in rec["pages"]]
    return rec


def main():
    exe, maker, work = sys.argv[1], sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    bad = os.path.join(work, "inbox")
    os.makedirs(bad)
    subprocess.run(["/usr/bin/python3", maker, bad], check=True, capture_output=True)
    # A file that is not a document, in a folder, is skipped (not an input);
    # named on the command line it is an input and gets its error record.
    missing = os.path.join(bad, "missing.pdf")
    notdoc = os.path.join(bad, "not-a-filing.bin")
    failures = []

    code, recs, err = run(exe, ["--jobs", "2", bad, missing, notdoc])
    if code != 1:
        failures.append(f"exit status {code}, expected 1 (some inputs failed)")
    by_name = {}
    for r in recs:
        name = os.path.basename(r["file"])
        if name in by_name:
            failures.append(f"{name}: more than one record")
        by_name[name] = r
    want = dict(EXPECTED, **{"not-a-filing.bin": "unsupported_format"})
    for name, want_code in want.items():
        r = by_name.get(name)
        if r is None:
            failures.append(f"{name}: no record")
            continue
        if want_code is None:
            if r["status"] != "ok" or not r["pages"]:
                failures.append(f"{name}: expected ok, got {r['status']} {r['error']}")
            continue
        if r["status"] != "error" or not r["error"] or r["error"]["code"] != want_code:
            failures.append(f"{name}: expected error {want_code}, got {r['status']} {r['error']}")
        elif name not in r["error"]["message"]:
            failures.append(f"{name}: message does not name the file: {r['error']['message']}")
        if name != "missing.pdf" and not r["sha256"]:
            failures.append(f"{name}: error record without sha256")
    extra = set(by_name) - set(want)
    if extra:
        failures.append(f"unexpected records: {sorted(extra)}")
    if "failed" not in err:
        failures.append(f"no summary on stderr: {err!r}")

    # The right password opens the encrypted copy of a sample; a wrong one
    # gives the same clear error.
    enc = os.path.join(bad, "encrypted.pdf")
    code2, recs2, _ = run(exe, ["--password", "secret", enc])
    if code2 != 0 or recs2[0]["status"] != "ok" or recs2[0]["motion_type"] != "pretermit":
        failures.append(f"--password secret: exit {code2}, {recs2[0]['status']} {recs2[0]['error']}")
    code3, recs3, _ = run(exe, ["--password", "wrong", enc])
    if code3 != 1 or (recs3[0]["error"] or {}).get("code") != "encrypted":
        failures.append(f"--password wrong: exit {code3}, {recs3[0]['error']}")

    code1, recs1, _ = run(exe, ["--jobs", "1", bad, missing, notdoc])
    if [strip_timings(r) for r in recs1] != [strip_timings(r) for r in recs]:
        failures.append("records differ between --jobs 1 and --jobs 2")

    for f in failures:
        print("FAIL", f)
    print(f"{len(by_name)} records checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
