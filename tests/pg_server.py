"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder,
listening only on a Unix socket in that folder, stopped with pg_ctl.

It needs Debian's `postgresql` package (tools/install-deps.sh). It never
skips: when the server cannot be set up or started, PgServerError is raised
with the command's output, and the test fails. PostgreSQL refuses to run as
root, so as root the server runs as the `postgres` user the package creates
(or `nobody`), through runuser.
"""
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time


class PgServerError(Exception):
    pass


def _bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    raise PgServerError("initdb not found: install Debian's postgresql package "
                        "(tools/install-deps.sh)")


def _server_user():
    if os.getuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PgServerError("running as root and no postgres or nobody user to run the server")


class PgServer:
    def __init__(self):
        self.bindir = _bindir()
        self.user = _server_user()
        self.root = tempfile.mkdtemp(prefix="ms-pg-", dir="/tmp")  # short: socket path limit
        self.data = os.path.join(self.root, "data")
        self.log = os.path.join(self.root, "server.log")
        if self.user:
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        self.running = False

    def _cmd(self, args):
        cmd = [os.path.join(self.bindir, args[0])] + args[1:]
        if self.user:
            cmd = ["runuser", "-u", self.user.pw_name, "--"] + cmd
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           cwd=self.root)
        if p.returncode != 0:
            log = open(self.log).read() if os.path.exists(self.log) else ""
            raise PgServerError("%s failed (%d):\n%s\n%s" % (" ".join(cmd), p.returncode,
                                                            p.stdout, log))
        return p.stdout

    def init(self):
        self._cmd(["initdb", "-D", self.data, "-U", "ms", "--auth=trust", "-E", "UTF8",
                   "--no-sync"])
        with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
            f.write("listen_addresses = ''\nunix_socket_directories = '%s'\n"
                    "fsync = off\nmax_connections = 40\n" % self.root)
        return self

    def start(self):
        self._cmd(["pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "start"])
        self.running = True
        return self

    def stop(self, mode="fast"):
        if self.running:
            self._cmd(["pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"])
            self.running = False

    def url(self, db="postgres"):
        return "postgresql:///%s?host=%s&user=ms" % (db, self.root)

    def psql(self, sql, db="postgres"):
        """Rows of a query as lists of strings (psql's unaligned output; NULL is \\N)."""
        psql = os.path.join(self.bindir, "psql")
        p = subprocess.run([psql, "-X", "-A", "-t", "-F", "\x1f", "-0", "-v", "ON_ERROR_STOP=1", "-P", "null=\\N",
                            "-h", self.root, "-U", "ms", "-d", db, "-c", sql],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            raise PgServerError("psql %r failed: %s" % (sql, p.stderr))
        # records end in NUL and fields are split by US: values may hold newlines
        return [rec.lstrip("\n").split("\x1f") for rec in p.stdout.split("\0") if rec.strip("\n")]

    def createdb(self, name):
        self.psql("CREATE DATABASE %s" % name)
        return self.url(name)

    def cleanup(self):
        try:
            self.stop("immediate")
        except PgServerError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self):
        try:
            return self.init().start()
        except Exception:
            self.cleanup()
            raise

    def __exit__(self, *exc):
        self.cleanup()
