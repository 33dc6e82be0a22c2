#!/usr/bin/env python3
"""Issue 14's review findings that no other test covers, each a case that
fails without its fix.

1. A page box so large (1e8 x 1e8 points) that it fits --max-pixels only
   below 1 dpi: a page_too_large record, not a worker's malformed reply.
2. --max-pixels has an upper bound: 2000000000 is refused (exit status 2).
   A JPEG decoded at reduced size is bounded at that size: 9000 x 9000 pixels
   is still 1.27 MB at 1/8, over --max-decode-mb 1 (page_too_large, where it
   used to be decoded because a reduced decode skipped the bound).
3. --text on a 3 GB (sparse) transcript: the size is checked before it is
   read (too_large, at once, under a 1 GB address-space limit), and the error
   is set once (G_DEBUG=fatal-warnings makes GLib's "GError set over the top
   of a previous GError" warning abort).
4. `review import` and `audit --records` on a 3 GB file: refused by its size,
   at once, before reading.
5. watch reads a claimed file through one O_NOFOLLOW descriptor: a symlink
   left in processing/ (as a swap after the claim would leave it) is an
   `unreadable` record, its target never read.
6. watch, when it cannot tell whether a claim's name is free (lstat fails
   with EACCES in done/; the daemon runs as nobody): it logs why, leaves the
   file in the inbox and keeps answering (SIGTERM stops it), where it used to
   loop for ever.

usage: e2e_findings.py MOTIONSCAN SAMPLES_DIR WORKDIR
"""
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from watch_common import BORN_DIGITAL, Daemon, fail, read_jsonl, wait_until, write  # noqa: E402

SANITIZED = bool(os.environ.get("MS_SANITIZED"))
BIG = 3 << 30
RULES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rules")


def pdf_with_box(size):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R >>" % (size, size),
            b"<< /Length 0 >>\nstream\n\nendstream"]
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def limit_memory():
    if not SANITIZED:  # ASan reserves terabytes of address space
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(args, timeout=120, env=None, limited=False):
    e = dict(os.environ, G_DEBUG="fatal-warnings")
    e.update(env or {})
    t0 = time.time()
    p = subprocess.run(args, capture_output=True, env=e, timeout=timeout,
                       preexec_fn=limit_memory if limited else None)
    return p, time.time() - t0


def records(p):
    return [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]


def page_box(binary, work):
    path = os.path.join(work, "huge-box.pdf")
    write(path, pdf_with_box(99999999))
    p, _ = run([binary, "run", "--quiet", path])
    recs = records(p)
    err = recs[0]["error"] if recs else None
    if p.returncode != 1 or not err or err["code"] != "page_too_large" or "huge-box.pdf" not in err["message"]:
        fail("a 1e8-point page box: want a page_too_large record, got exit %d, %s" % (p.returncode, err))
    print("1. a 1e8 x 1e8 point page: %s" % err["message"])


def max_pixels(binary, samples, work):
    p, _ = run([binary, "run", "--quiet", "--max-pixels", "2000000000", os.path.join(samples, BORN_DIGITAL)])
    if p.returncode != 2 or b"--max-pixels 1000000-1000000000" not in p.stderr:
        fail("--max-pixels 2000000000: exit %d, %r" % (p.returncode, p.stderr[-300:]))
    print("2. --max-pixels 2000000000 refused (exit 2)")
    from PIL import Image  # python3-pil
    jpg = os.path.join(work, "big.jpg")
    Image.new("L", (9000, 9000), 255).save(jpg, quality=50)
    p, _ = run([binary, "run", "--quiet", "--max-pixels", "1000000", "--max-decode-mb", "1", jpg])
    os.unlink(jpg)
    recs = records(p)
    err = recs[0]["error"] if recs else None
    if not err or err["code"] != "page_too_large":
        fail("a 9000x9000 JPEG, reduced 1/8 and still over --max-decode-mb 1: %s" % err)
    print("2. a JPEG over the decode bound at 1/8 scale: %s" % err["message"])


def sparse(path):
    with open(path, "wb") as f:
        f.truncate(BIG)


def size_first(binary, work):
    big_txt = os.path.join(work, "big.txt")
    sparse(big_txt)
    p, secs = run([binary, "run", "--quiet", "--text", big_txt], limited=True)
    recs = records(p)
    err = recs[0]["error"] if recs else None
    if not err or err["code"] != "too_large" or "exceeds the limit" not in err["message"] or secs > 20:
        fail("--text on a 3 GB file: want too_large at once, got %s in %.1f s (stderr %r)" %
             (err, secs, p.stderr[-300:]))
    print("3. --text, 3 GB: %s (%.1f s)" % (err["message"], secs))
    big_json = os.path.join(work, "big.json")
    sparse(big_json)
    for what, args in (("review import", ["review", "import", big_json, "--db", os.path.join(work, "v.db")]),
                       ("audit --records", ["audit", "--records", big_json, "--out", os.path.join(work, "rep")])):
        p, secs = run([binary] + args, limited=True)
        if p.returncode == 0 or b"exceeds the limit" not in p.stderr or secs > 20:
            fail("%s on a 3 GB file: exit %d in %.1f s, %r" % (what, p.returncode, secs, p.stderr[-300:]))
        print("4. %s, 3 GB: refused by its size (%.1f s)" % (what, secs))


def no_follow(binary, samples, work):
    inbox, out = os.path.join(work, "inbox"), os.path.join(work, "out")
    for d in ("processing", "done", "failed", "journal"):
        os.makedirs(os.path.join(out, d))
    os.makedirs(inbox)
    target = os.path.join(samples, BORN_DIGITAL)
    os.symlink(target, os.path.join(out, "processing", "swapped.pdf"))
    d = Daemon(binary, inbox, out, os.path.join(work, "watch.log"), ["--settle", "100"])
    wait_until(lambda: os.path.exists(os.path.join(out, "failed", "swapped.pdf.error.json")), 120,
               "the symlink's record", d)
    if d.stop() != 0:
        fail("watch: SIGTERM after the symlink: exit status %s" % d.proc.returncode)
    rec = read_jsonl(os.path.join(out, "records.jsonl"))[0]
    if rec["error"]["code"] != "unreadable" or rec["pages"]:
        fail("watch followed a symlink in processing/: %s" % rec["error"])
    print("5. watch: a symlink in processing/ is %s, not followed" % rec["error"]["code"])


def eacces(binary, work):
    # outside the build tree, in a folder nobody can enter: a checkout made by
    # `mktemp -d` sits in a 0700 folder that the daemon, as nobody, cannot
    base = os.path.join(tempfile.mkdtemp(prefix="ms-findings-"), "nobody")
    os.chmod(os.path.dirname(base), 0o755)
    inbox, out = os.path.join(base, "inbox"), os.path.join(base, "out")
    os.makedirs(inbox)
    for d in ("processing", "done", "failed", "journal"):
        os.makedirs(os.path.join(out, d))
    for root, dirs, _ in os.walk(base):
        for n in dirs + [""]:
            os.chown(os.path.join(root, n), 65534, 65534)
    os.chmod(os.path.join(out, "done"), 0o600)  # no search: lstat in it fails with EACCES
    write(os.path.join(inbox, "a.pdf"), b"%PDF-1.4\n")
    os.chown(os.path.join(inbox, "a.pdf"), 65534, 65534)
    # the rules as nobody can read them: a checkout in a 0700 folder (mktemp -d) is not
    rules = os.path.join(base, "rules")
    shutil.copytree(RULES, rules)
    for root, dirs, files in os.walk(rules):
        for n in dirs + files + [""]:
            os.chown(os.path.join(root, n), 65534, 65534)
    log = os.path.join(work, "watch-nobody.log")
    cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary]
    with open(log, "ab") as lf:
        proc = subprocess.Popen(cmd + ["watch", inbox, "--out", out, "--settle", "100", "--rules", rules],
                                stdout=subprocess.DEVNULL, stderr=lf)
    try:
        t0 = time.time()
        while b"cannot tell whether" not in open(log, "rb").read():
            if proc.poll() is not None or time.time() - t0 > 60:
                fail("watch with done/ unsearchable: no log line saying why (%s):\n%s" %
                     (proc.poll(), open(log, "rb").read()[-2000:]))
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail("watch with done/ unsearchable does not answer SIGTERM (a loop?)")
    if rc != 0 or not os.path.exists(os.path.join(inbox, "a.pdf")):
        fail("watch with done/ unsearchable: exit %d, the file %s in the inbox" %
             (rc, "still" if os.path.exists(os.path.join(inbox, "a.pdf")) else "not"))
    line = [l for l in open(log).read().splitlines() if "cannot tell" in l][0]
    print("6. watch, EACCES in done/: %s; SIGTERM stopped it" % line.split("watch: ", 1)[1])
    shutil.rmtree(os.path.dirname(base), ignore_errors=True)


def main():
    binary, samples, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    os.chmod(work, 0o755)
    page_box(binary, work)
    max_pixels(binary, samples, work)
    size_first(binary, work)
    no_follow(binary, samples, work)
    if os.getuid() != 0:
        fail("case 6 needs root (to run the daemon as nobody with setpriv)")
    eacces(binary, work)
    print("ok")


if __name__ == "__main__":
    main()
