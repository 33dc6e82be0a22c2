#!/usr/bin/env python3
"""--save-text cannot write outside its folder.

The text file is named after the input's last path component, so inputs given
as "../x.pdf", as absolute paths or through "dir/../" land in DIR as NAME.txt;
a name that looks like a path on another system ("..\\..\\x.pdf") stays one
file name; a symlink planted in DIR at NAME.txt is replaced, and the file it
points to is left alone; nothing appears outside DIR.  Two inputs with the same
name in different folders get one file each (NAME~HASH8.txt).  The same hostile names
go into --db: SQLite statements are parameterised, so a name written as SQL
is stored as it is and runs nothing.

usage: e2e_save_text.py MOTIONSCAN SAMPLES_DIR WORKDIR
"""
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys

SAMPLE = "02-pretermit-incomplete-i589-born-digital.pdf"  # text layer: no OCR, fast


def listing(root):
    out = set()
    for d, dirs, files in os.walk(root):
        for n in dirs + files:
            out.add(os.path.relpath(os.path.join(d, n), root))
    return out


def main():
    exe, samples, work = (os.path.abspath(a) for a in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    inbox = os.path.join(work, "in", "deep")
    out = os.path.join(work, "out")
    os.makedirs(inbox)
    os.makedirs(out)
    with open(os.path.join(samples, SAMPLE), "rb") as f:
        pdf = f.read()
    names = ["plain.pdf", "..\\..\\backslash.pdf", "-dash.pdf", "..dots.pdf", "new\nline.pdf",
             "x'); DROP TABLE documents; --.pdf"]
    for i, n in enumerate(names):
        with open(os.path.join(inbox, n), "wb") as f:
            f.write(pdf + b"%% copy %d\n" % i)  # distinct bytes: one database row each
    with open(os.path.join(work, "up.pdf"), "wb") as f:
        f.write(pdf)
    # A symlink where the text of plain.pdf will go, pointing outside DIR.
    victim = os.path.join(work, "victim.txt")
    with open(victim, "w") as f:
        f.write("must stay\n")
    os.symlink(victim, os.path.join(out, "plain.pdf.txt"))
    before = listing(work)

    inputs = [os.path.join(inbox, n) for n in names]
    inputs.append(os.path.join("..", "..", "up.pdf"))                  # relative, ../ (cwd: inbox)
    inputs.append(os.path.abspath(os.path.join(work, "up.pdf")))       # absolute (same file)
    p = subprocess.run([exe, "run", "--save-text", out, "--jobs", "2"] + inputs,
                       capture_output=True, cwd=inbox)
    failures = []
    if p.returncode != 0:
        failures.append(f"exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    # Two inputs share the name up.pdf: each gets its own file, named with 8
    # hex digits of the SHA-256 of its path as given, so neither overwrites.
    shared = {"up.pdf~%s.txt" % hashlib.sha256(x.encode()).hexdigest()[:8] for x in inputs[-2:]}
    expected = {n + ".txt" for n in names} | shared
    got = set(os.listdir(out))
    if got != expected:
        failures.append(f"files in DIR: {sorted(got)}, expected {sorted(expected)}")
    link = os.path.join(out, "plain.pdf.txt")
    if os.path.islink(link):
        failures.append("the planted symlink is still there (the text went through it)")
    elif "PRETERMIT" not in open(link, encoding="utf-8").read().upper():
        failures.append("plain.pdf.txt does not hold the document's text")
    if open(victim).read() != "must stay\n":
        failures.append("the symlink's target outside DIR was overwritten")
    ours = {os.path.join("out", n) for n in expected}
    after, before = listing(work) - ours, before - ours
    if after != before:
        failures.append(f"written outside DIR: {sorted(after - before)}")

    db = os.path.join(work, "r.db")
    p = subprocess.run([exe, "run", "--db", db] + inputs, capture_output=True, cwd=inbox)
    con = sqlite3.connect(db)
    files = sorted(os.path.basename(r[0]) for r in con.execute("SELECT file FROM errors UNION ALL "
                                                               "SELECT file FROM documents"))
    con.close()
    if p.returncode != 0 or "x'); DROP TABLE documents; --.pdf" not in files:
        failures.append(f"--db with hostile names: exit {p.returncode}, files {files}")
    for f in failures:
        print("FAIL", f)
    print(f"{len(inputs)} inputs, {len(got)} text files, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
