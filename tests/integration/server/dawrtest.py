"""dawrtest — start a real dawr-server on a temp database and a free loopback port,
and talk to it over HTTP. Shared by the server integration tests (python3 stdlib only).
"""
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

BUILD = os.environ.get("DAWR_BUILD", "")
SERVER = os.path.join(BUILD, "server", "dawr-server")


def skip(msg):
    print("SKIP:", msg)
    sys.exit(77)


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)
    print("ok -", msg)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Reply:
    def __init__(self, status, headers, body, raw=b""):
        self.raw = raw
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body) if self.body else None

    def __repr__(self):
        return "<%d %s>" % (self.status, self.body[:300])


class Server:
    """A dawr-server process. Its log (stderr) goes to self.log_path."""

    def __init__(self, tmp=None, clock=None, config=None):
        """@config: the text of a dawr.ini passed with --config (None: none)."""
        if not os.path.exists(SERVER):
            skip("dawr-server not built at " + SERVER)
        self.tmp = tmp or tempfile.mkdtemp(prefix="dawr-it-")
        self.db = os.path.join(self.tmp, "dawr.db")
        self.log_path = os.path.join(self.tmp, "server.log")
        self.clock_path = os.path.join(self.tmp, "clock")
        self.port = None
        self.proc = None
        self.admin_password = None
        self.use_clock = clock is not None
        self.config = None
        if config is not None:
            self.write_config(config)
        if clock is not None:
            self.set_clock(clock)

    def write_config(self, text):
        """(Re)writes the config file; it is read at the next start."""
        self.config = os.path.join(self.tmp, "dawr.ini")
        with open(self.config, "w") as f:
            f.write(text)

    def set_clock(self, t):
        with open(self.clock_path + ".new", "w") as f:
            f.write("%d\n" % t)
        os.replace(self.clock_path + ".new", self.clock_path)

    def env(self):
        e = dict(os.environ)
        if self.use_clock:
            e["DAWR_TEST_NOW_FILE"] = self.clock_path
        return e

    def start(self):
        self.port = self.port or free_port()
        log = open(self.log_path, "a")
        cfg = ["--config", self.config] if self.config else []
        self.proc = subprocess.Popen(
            [SERVER, "--db", self.db, "--listen", "127.0.0.1:%d" % self.port] + cfg,
            stdout=subprocess.PIPE, stderr=log, env=self.env(), text=True)
        log.close()
        # The first start prints the one-time admin password on stdout.
        if self.admin_password is None:
            line = self.proc.stdout.readline()
            if "one-time password:" in line:
                self.admin_password = line.rsplit(":", 1)[1].strip()
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                if self.get("/healthz").status == 200:
                    return self
            except OSError:
                pass
            if self.proc.poll() is not None:
                fail("server exited at start: %s" % open(self.log_path).read()[-2000:])
            time.sleep(0.05)
        fail("server did not answer /healthz")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            # Under ASan/UBSan builds a report lands in the log; it is a failure.
            log = open(self.log_path, errors="replace").read()
            if "Sanitizer" in log or "runtime error:" in log:
                fail("sanitizer report in the server log:\n" + log[log.find("=="):][:3000])
            if self.proc.returncode not in (0, -15):
                fail("server exited with %s" % self.proc.returncode)

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def admin_cmd(self, *args, stdin=None):
        """Runs `dawr-server --db DB args...`; returns (rc, stdout)."""
        p = subprocess.run([SERVER, "--db", self.db] + list(args), input=stdin,
                           capture_output=True, text=True, env=self.env())
        return p.returncode, p.stdout, p.stderr

    def request(self, method, path, body=None, headers=None, raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        raw = r.read()
        rep = Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, raw.decode("utf-8", "replace"), raw)
        conn.close()
        return rep

    def get(self, path, **kw):
        return self.request("GET", path, **kw)


class Staff:
    """A logged-in staff member: cookie + CSRF token."""

    def __init__(self, srv, username, password):
        self.srv = srv
        r = srv.request("POST", "/api/login", {"username": username, "password": password})
        if r.status != 200:
            fail("login %s: %r" % (username, r))
        self.csrf = r.json()["csrf"]
        self.cookie = r.headers["set-cookie"].split(";")[0]
        self.user = r.json()["user"]

    def h(self, csrf=True):
        h = {"Cookie": self.cookie}
        if csrf:
            h["X-CSRF-Token"] = self.csrf
        return h

    def get(self, path):
        return self.srv.request("GET", path, headers=self.h(False))

    def post(self, path, body=None, method="POST"):
        return self.srv.request(method, path, body=body, headers=self.h())


class Device:
    def __init__(self, srv, token):
        self.srv = srv
        self.token = token

    def h(self, extra=None):
        h = {"Authorization": "Bearer " + self.token}
        h.update(extra or {})
        return h

    def issue(self, service, priority=False, key=None):
        return self.srv.request("POST", "/api/tickets", {"service": service, "priority": priority},
                                headers=self.h({"Idempotency-Key": key} if key else None))

    def get(self, path):
        return self.srv.request("GET", path, headers=self.h())

    def post(self, path, body, key=None):
        return self.srv.request("POST", path, body, headers=self.h({"Idempotency-Key": key} if key else None))


def add_user(srv, name, role, password="pass-" + "word-1234"):
    rc, out, err = srv.admin_cmd("user", "add", name, "--role", role, stdin=password + "\n")
    if rc != 0:
        fail("user add %s: %s %s" % (name, out, err))
    return password


def add_device(srv, name, kind):
    rc, out, err = srv.admin_cmd("device", "add", name, "--kind", kind)
    if rc != 0:
        fail("device add %s: %s %s" % (name, out, err))
    return Device(srv, out.strip().splitlines()[-1])


def nid(prefix9):
    """A national ID with a valid Luhn check digit (the rule in common/form)."""
    total = 0
    for i, ch in enumerate(prefix9):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            total += d // 10 + d % 10
        else:
            total += d
    return prefix9 + str((10 - total % 10) % 10)
