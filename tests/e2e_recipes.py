#!/usr/bin/env python3
"""The cluster recipes of tools/cluster/, run for real where this machine can.

1. GNU parallel: tools/cluster/parallel-shards.sh over 3 shards of a
   generated tree (a name with a space in it too) gives, after its merge,
   the records of one run, timings aside.
2. The Kubernetes Indexed Job: the container's command (entrypoint.sh) runs
   here, outside a container, once per index with JOB_COMPLETION_INDEX and
   MOTIONSCAN_SHARD_COUNT as the manifest sets them, into a PostgreSQL server
   started by the test: every document once.  The manifest parses as YAML
   and is an Indexed Job whose completions equal MOTIONSCAN_SHARD_COUNT,
   whose database URL comes from a Secret.
3. The Containerfile: every COPY source exists, the build runs cmake with
   the sources it copies, and the run stage installs a Debian package for
   every shared library the program links (checked with dpkg -S).  The image
   itself is not built here: see the README for why.

usage: e2e_recipes.py MOTIONSCAN SOURCE_DIR WORKDIR
"""
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pg_server import PgServer  # noqa: E402
from scale_common import check, make_text_tree, read_jsonl, run, strip_timings  # noqa: E402


def check_parallel(exe, src, work):
    make_text_tree(os.path.join(src, "samples"), os.path.join(work, "tree"), 3)
    os.makedirs(os.path.join(work, "tree", "with space"))
    shutil.copy(os.path.join(src, "samples", "truth", "01-pretermit-aca-honduras-venezuelan.txt"),
                os.path.join(work, "tree", "with space", "a filing.txt"))
    run(exe, ["run", "-q", "--text", "--out", "one.jsonl", "tree"], work)
    env = dict(os.environ, MOTIONSCAN=exe)
    p = subprocess.run([os.path.join(src, "tools", "cluster", "parallel-shards.sh"), "3", "par",
                        "--text", "-j", "1", "tree"], cwd=work, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    check(p.returncode == 0, "parallel-shards.sh failed (%d):\n%s" % (p.returncode, p.stdout))
    shards = [read_jsonl(os.path.join(work, "par", "shard-%d.jsonl" % k)) for k in range(3)]
    check(all(shards), "every shard has records")
    one = [strip_timings(r) for r in read_jsonl(os.path.join(work, "one.jsonl"))]
    merged = [strip_timings(r) for r in read_jsonl(os.path.join(work, "par", "records.jsonl"))]
    check(merged == one, "GNU parallel's shards merge into the one run's records")
    check(any(" " in r["file"] for r in merged), "a path with a space went through whole")
    print("GNU parallel: 3 shards (%s records) merged into %d" %
          ("+".join(str(len(s)) for s in shards), len(merged)))


def manifest(src):
    with open(os.path.join(src, "tools", "cluster", "indexed-job.yaml")) as f:
        job = yaml.safe_load(f)
    check(job["kind"] == "Job" and job["apiVersion"] == "batch/v1", "a batch/v1 Job")
    spec = job["spec"]
    check(spec["completionMode"] == "Indexed", "an Indexed Job")
    c = spec["template"]["spec"]["containers"][0]
    env = {e["name"]: e for e in c["env"]}
    count = int(env["MOTIONSCAN_SHARD_COUNT"]["value"])
    check(count == spec["completions"], "MOTIONSCAN_SHARD_COUNT equals completions")
    check(env["MOTIONSCAN_DB"]["valueFrom"]["secretKeyRef"]["key"] == "url",
          "the database URL comes from a Secret")
    mounts = {m["mountPath"] for m in c["volumeMounts"]}
    check({env["MOTIONSCAN_INPUT"]["value"], env["MOTIONSCAN_OUTPUT"]["value"]} <= mounts,
          "the input and output folders are mounted")
    return c.get("args", []), count


def check_indexed_job(exe, src, work):
    args, count = manifest(src)
    with PgServer() as pg:
        url = pg.createdb("k8s")
        for k in range(count):
            env = dict(os.environ, MOTIONSCAN=exe, JOB_COMPLETION_INDEX=str(k),
                       MOTIONSCAN_SHARD_COUNT=str(count), MOTIONSCAN_DB=url,
                       MOTIONSCAN_INPUT=os.path.join(work, "tree"),
                       MOTIONSCAN_OUTPUT=os.path.join(work, "k8s"))
            p = subprocess.run([os.path.join(src, "tools", "cluster", "entrypoint.sh")] + args +
                               ["--text"], cwd=work, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
            check(p.returncode == 0, "index %d failed (%d):\n%s" % (k, p.returncode, p.stdout))
        shas = sorted(r[0] for r in pg.psql("SELECT sha256 FROM documents", "k8s"))
        one = sorted({r["sha256"] for r in read_jsonl(os.path.join(work, "one.jsonl"))})
        check(shas == one, "the %d indexes stored every document once (%d against %d)" %
              (count, len(shas), len(one)))
        check(pg.psql("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL", "k8s") ==
              [[str(count)]], "one finished run per index")
    print("Indexed Job command: %d indexes, %d documents in PostgreSQL" % (count, len(shas)))


def pulled_in(packages, depth=2):
    """The packages the run stage's packages depend on (installed here), to
    `depth` levels: a build that links without --as-needed (the sanitizer
    build) names their libraries too."""
    seen, level = set(), set(packages)
    for _ in range(depth):
        nxt = set()
        for pkg in level:
            p = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", pkg], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
            for dep in p.stdout.replace("|", ",").split(","):  # any alternative
                name = dep.split("(")[0].strip().split(":")[0]
                if name and name not in seen:
                    nxt.add(name)
        seen |= nxt
        level = nxt
    return seen


def check_containerfile(exe, src):
    with open(os.path.join(src, "tools", "cluster", "Containerfile")) as f:
        text = f.read()
    lines = re.sub(r"\\\n\s*", " ", text).splitlines()
    stages = [ln for ln in lines if ln.startswith("FROM ")]
    check(len(stages) == 2, "a build stage and a run stage")
    for ln in lines:
        if ln.startswith("COPY ") and "--from=" not in ln:
            for source in ln.split()[1:-1]:
                check(os.path.exists(os.path.join(src, source)), "COPY source %s exists" % source)
    entry = json.loads(re.search(r"^ENTRYPOINT (.*)$", text, re.M).group(1))
    check(entry == ["/usr/local/bin/motionscan-shard"], "the entrypoint is the shard command")
    run_stage = text.split("\nFROM ")[-1]
    packages = set(re.search(r"--no-install-recommends(.*?)&&", run_stage, re.S).group(1).split())
    packages.discard("\\")
    ldd = subprocess.run(["ldd", exe], stdout=subprocess.PIPE, text=True, check=True).stdout
    direct = subprocess.run(["objdump", "-p", exe], stdout=subprocess.PIPE, text=True,
                            check=True).stdout
    needed = re.findall(r"NEEDED\s+(\S+)", direct)
    sanitized = any(n.startswith("libasan") for n in needed)
    paths = dict(re.findall(r"^\s*(\S+) => (\S+)", ldd, re.M))
    base = {"libc6", "libgcc-s1", "libstdc++6"}  # in debian:12-slim already
    for lib in needed:
        real = os.path.realpath(paths[lib])
        owner = ""
        for path in (real, real.replace("/usr/lib/", "/lib/", 1)):  # merged /usr
            owner = owner or subprocess.run(["dpkg", "-S", path], stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL, text=True).stdout.split(":")[0]
        if owner.startswith(("libasan", "libubsan", "liblsan")):
            continue  # a sanitizer build's runtime (tools/test-asan.sh), not a release's
        covered = owner in packages or owner in base or owner in pulled_in(packages)
        if sanitized and not covered:
            # the sanitizer build links every library pkg-config names (no
            # --as-needed); the release build, which the image makes, is checked
            # strictly by the normal suite
            print("sanitizer build also links %s (%s), which the release build does not" %
                  (lib, owner))
            continue
        check(covered,
              "%s (%s) is installed by the run stage (has %s)" % (lib, owner, sorted(packages)))
    check("tesseract-ocr-eng" in packages, "the run stage has Tesseract's English data")
    print("Containerfile: %d linked libraries, each from a package of the run stage" % len(needed))


def main():
    exe, src, work = (os.path.abspath(a) for a in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    check(shutil.which("parallel"), "GNU parallel is installed (tools/install-deps.sh)")
    check_parallel(exe, src, work)
    check_indexed_job(exe, src, work)
    check_containerfile(exe, src)
    print("ok")


if __name__ == "__main__":
    main()
