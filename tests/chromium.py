"""Headless Chromium for the report tests, with the standard library only.

dump_dom() and screenshot() run Chromium once per page (--dump-dom,
--screenshot).  Browser drives one Chromium over the DevTools protocol on a
pipe (--remote-debugging-pipe: commands on fd 3, replies on fd 4, each message
ended by a NUL byte), for what needs clicks: the review controls and the
verdict download.  Every run uses a fresh profile and has background
networking, sync, component updates and QUIC off.
"""
import atexit
import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio"]


def find():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(exe, args, timeout=120):
    profile = tempfile.mkdtemp(prefix="ms-chromium-")
    try:
        p = subprocess.run([exe] + FLAGS + ["--user-data-dir=" + profile] + args,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return p.stdout.decode("utf-8", "replace"), p.returncode
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def dump_dom(exe, url, budget_ms=5000):
    """The DOM after the page's scripts ran, serialised."""
    out, _ = _run(exe, ["--virtual-time-budget=%d" % budget_ms, "--dump-dom", url])
    return out


def screenshot(exe, url, path, size="1400,1000", budget_ms=5000):
    _run(exe, ["--virtual-time-budget=%d" % budget_ms, "--window-size=" + size,
               "--screenshot=" + path, "--hide-scrollbars", url])
    return os.path.isfile(path) and os.path.getsize(path) > 0


class Browser:
    """One page in one Chromium, driven over the DevTools pipe."""

    def __init__(self, exe, download_dir=None, profile=None):
        """`profile`: a profile folder to use and keep (a second Browser on it
        is the same reader's browser started again); without it a fresh one
        that is removed on close."""
        self.keep_profile = profile is not None
        self.profile = profile or tempfile.mkdtemp(prefix="ms-chromium-")
        cmd_r, cmd_w = os.pipe()
        res_r, res_w = os.pipe()
        # fds 3 and 4 in the child; move ours out of the way first
        hi = [os.dup2(fd, 100 + i) for i, fd in enumerate((cmd_r, res_w))]
        for fd in (cmd_r, res_w):
            os.close(fd)

        def child():
            os.dup2(hi[0], 3)
            os.dup2(hi[1], 4)

        self.proc = subprocess.Popen(
            [exe] + FLAGS + ["--user-data-dir=" + self.profile, "--remote-debugging-pipe",
                             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=child, pass_fds=(3, 4) + tuple(hi))
        for fd in hi:
            os.close(fd)
        self.out, self.inp = cmd_w, res_r
        self.closed = False
        atexit.register(self.close)  # no Chromium left behind when a check raises
        self.buf = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)
        if download_dir:
            self.call("Browser.setDownloadBehavior",
                      {"behavior": "allow", "downloadPath": download_dir, "eventsEnabled": True})

    def _read(self, timeout):
        end = time.time() + timeout
        while b"\0" not in self.buf:
            left = end - time.time()
            if left <= 0 or not select.select([self.inp], [], [], left)[0]:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self.inp, 65536)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=False, timeout=30):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        os.write(self.out, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read(timeout)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=30, pred=lambda p: True):
        end = time.time() + timeout
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method and pred(m.get("params", {})):
                    del self.events[i]
                    return m["params"]
            self.events.append(self._read(max(0.1, end - time.time())))

    def goto(self, url):
        """Load `url` afresh (by way of about:blank, so a new fragment on the
        same page is a new load too) and wait for its load event."""
        for u in ("about:blank", url):
            self.events = [m for m in self.events if m.get("method") != "Page.loadEventFired"]
            self.call("Page.navigate", {"url": u}, session=True)
            self.wait_event("Page.loadEventFired")

    def js(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True, "userGesture": True},
                      session=True)
        if "exceptionDetails" in r:
            raise RuntimeError("script failed: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def screenshot(self, url, path, width=1600, height=1300):
        """The viewport after loading `url` (a fragment scrolls to its anchor)."""
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                  session=True)
        self.goto(url)
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        return os.path.getsize(path) > 0

    def close(self):
        if self.closed:
            return
        self.closed = True
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)  # a clean exit writes the profile's storage out
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.out)
        os.close(self.inp)
        if not self.keep_profile:
            shutil.rmtree(self.profile, ignore_errors=True)
