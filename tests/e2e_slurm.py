#!/usr/bin/env python3
"""The Slurm recipe on a one-node Slurm cluster that this test sets up.

From Debian's slurm-wlm and munge: a munge key and munged on a socket in a
temporary folder, a generated slurm.conf (this host as controller and only
node, its own ports, state and spool in the folder), slurmctld and slurmd.
Then tools/cluster/slurm-array.sbatch runs as `sbatch --wait --array=1-3`
(an array that starts at 1: the shard is SLURM_ARRAY_TASK_ID minus
SLURM_ARRAY_TASK_MIN) over a generated tree, and the merged shards equal one
run.  Everything started is stopped at the end.  If the cluster cannot
start, the test fails with the daemons' logs.

usage: e2e_slurm.py MOTIONSCAN SOURCE_DIR WORKDIR
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scale_common import check, fail, make_text_tree, read_jsonl, run, strip_timings  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self):
        for tool in ("munged", "slurmctld", "slurmd", "sbatch"):
            if not shutil.which(tool) and not os.path.exists("/usr/sbin/" + tool):
                fail("%s not found: install slurm-wlm and munge (tools/install-deps.sh)" % tool)
        self.dir = tempfile.mkdtemp(prefix="ms-slurm-", dir="/tmp")
        self.host = socket.gethostname().split(".")[0]
        self.conf = os.path.join(self.dir, "slurm.conf")
        self.env = dict(os.environ, SLURM_CONF=self.conf)
        self.procs = []

    def path(self, name):
        return os.path.join(self.dir, name)

    def logs(self):
        out = []
        for name in ("munged.log", "munged.out", "slurmctld.log", "slurmd.log", "slurmctld.out", "slurmd.out"):
            if os.path.exists(self.path(name)):
                with open(self.path(name), errors="replace") as f:
                    out.append("--- %s\n%s" % (name, f.read()[-3000:]))
        return "\n".join(out)

    def write_conf(self):
        os.makedirs(self.path("state"))
        os.makedirs(self.path("spool"))
        open(self.path("plugstack.conf"), "w").close()
        conf = {
            "ClusterName": "motionscan", "SlurmctldHost": self.host,
            "SlurmUser": "root", "SlurmdUser": "root",
            "SlurmctldPort": free_port(), "SlurmdPort": free_port(),
            "AuthType": "auth/munge", "AuthInfo": "socket=" + self.path("munge.socket"),
            "CredType": "cred/munge", "StateSaveLocation": self.path("state"),
            "SlurmdSpoolDir": self.path("spool"),
            "SlurmctldPidFile": self.path("slurmctld.pid"), "SlurmdPidFile": self.path("slurmd.pid"),
            "SlurmctldLogFile": self.path("slurmctld.log"), "SlurmdLogFile": self.path("slurmd.log"),
            "ProctrackType": "proctrack/linuxproc", "TaskPlugin": "task/none",
            "SelectType": "select/cons_tres", "SelectTypeParameters": "CR_Core",
            "ReturnToService": 2, "MpiDefault": "none",
            "PlugStackConfig": self.path("plugstack.conf"),
        }
        with open(self.conf, "w") as f:
            for k, v in conf.items():
                f.write("%s=%s\n" % (k, v))
            f.write("NodeName=%s CPUs=%d State=UNKNOWN\n" % (self.host, os.cpu_count()))
            f.write("PartitionName=debug Nodes=%s Default=YES MaxTime=INFINITE State=UP\n" % self.host)

    def daemon(self, args, out):
        with open(self.path(out), "w") as log:
            p = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=self.env)
        self.procs.append(p)
        return p

    def start(self):
        with open(self.path("munge.key"), "wb") as f:
            f.write(os.urandom(1024))
        os.chmod(self.path("munge.key"), 0o600)
        # in the foreground, as our child: stopped and reaped like the others
        self.daemon(["/usr/sbin/munged", "--foreground", "--key-file", self.path("munge.key"),
                     "--socket", self.path("munge.socket"), "--pid-file", self.path("munged.pid"),
                     "--log-file", self.path("munged.log"), "--seed-file", self.path("munge.seed"),
                     "--force"], "munged.out")
        t0 = time.time()
        while not os.path.exists(self.path("munge.socket")):
            if time.time() - t0 > 30 or self.procs[0].poll() is not None:
                fail("munged did not start\n%s" % self.logs())
            time.sleep(0.1)
        self.write_conf()
        self.daemon(["/usr/sbin/slurmctld", "-D", "-i", "-f", self.conf], "slurmctld.out")
        self.daemon(["/usr/sbin/slurmd", "-D", "-f", self.conf], "slurmd.out")
        t0 = time.time()
        while time.time() - t0 < 90:
            s = subprocess.run(["sinfo", "-h", "-o", "%T"], env=self.env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
            if s.returncode == 0 and s.stdout.strip() == "idle":
                return time.time() - t0
            if any(p.poll() is not None for p in self.procs):
                break
            time.sleep(0.5)
        fail("the Slurm node did not become idle (sinfo: %r)\n%s" % (s.stdout, self.logs()))

    def stop(self):
        subprocess.run(["scancel", "--user", "root"], env=self.env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        for p in reversed(self.procs):  # slurmd, slurmctld, then munged
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in reversed(self.procs):
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def main():
    exe, src, work = (os.path.abspath(a) for a in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    make_text_tree(os.path.join(src, "samples"), os.path.join(work, "tree"), 3)
    run(exe, ["run", "-q", "--text", "--out", "one.jsonl", "tree"], work)
    cluster = Cluster()
    try:
        secs = cluster.start()
        print("one-node Slurm cluster up in %.1f s" % secs)
        env = dict(cluster.env, MOTIONSCAN=exe)
        p = subprocess.run(["sbatch", "--wait", "--array=1-3", "--cpus-per-task=1",
                            "-o", os.path.join(work, "task-%a.log"),
                            os.path.join(src, "tools", "cluster", "slurm-array.sbatch"),
                            os.path.join(work, "shards"), "--text", "-q",
                            os.path.join(work, "tree")],
                           cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=180)
        logs = ""
        for k in (1, 2, 3):
            path = os.path.join(work, "task-%d.log" % k)
            logs += open(path).read() if os.path.exists(path) else ""
        check(p.returncode == 0, "sbatch --wait failed (%d): %s\n%s\n%s" %
              (p.returncode, p.stdout, logs, cluster.logs()))
    finally:
        cluster.stop()
    shards = ["shards/shard-%d.jsonl" % k for k in (1, 2, 3)]
    sizes = [len(read_jsonl(os.path.join(work, s))) for s in shards]
    check(all(sizes), "every array task wrote records: %s" % sizes)
    run(exe, ["merge", "--out", "merged.jsonl"] + shards, work, want=(0,))
    one = [strip_timings(r) for r in read_jsonl(os.path.join(work, "one.jsonl"))]
    merged = [strip_timings(r) for r in read_jsonl(os.path.join(work, "merged.jsonl"))]
    one = [dict(r, file=os.path.join(work, r["file"])) for r in one]
    check(merged == one, "the array's shards merge into the one run's records")
    print("Slurm array 1-3: %s records, merged: %d, equal to one run" %
          ("+".join(map(str, sizes)), len(merged)))
    print("ok")


if __name__ == "__main__":
    main()
