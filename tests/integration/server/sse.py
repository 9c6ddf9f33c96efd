"""A minimal Server-Sent Events client over a raw socket (HTTP/1.0, so no chunking)."""
import json
import socket
import time


class SSE:
    def __init__(self, port, headers, path="/api/events"):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        req = "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n" % path
        for k, v in headers.items():
            req += "%s: %s\r\n" % (k, v)
        self.sock.sendall((req + "\r\n").encode())
        self.buf = b""
        head = self._until(b"\r\n\r\n", 10)
        self.status = int(head.split(b" ")[1])
        self.comments = 0

    def _until(self, sep, timeout):
        deadline = time.time() + timeout
        while sep not in self.buf:
            left = deadline - time.time()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return None
            if not chunk:
                return None
            self.buf += chunk
        i = self.buf.index(sep)
        out, self.buf = self.buf[:i], self.buf[i + len(sep):]
        return out

    def next_event(self, timeout=5):
        """Returns {"id", "event", "data"} of the next event, or None on timeout."""
        deadline = time.time() + timeout
        while True:
            frame = self._until(b"\n\n", max(0.0, deadline - time.time()))
            if frame is None:
                return None
            ev = {"data": []}
            for line in frame.decode().split("\n"):
                if line.startswith(":"):
                    self.comments += 1
                    continue
                k, _, v = line.partition(": ")
                if k == "data":
                    ev["data"].append(v)
                elif k in ("id", "event", "retry"):
                    ev[k] = v
            if "id" in ev:
                ev["id"] = int(ev["id"])
                ev["data"] = json.loads("\n".join(ev["data"]))
                return ev

    def events(self, n, timeout=5):
        out = []
        while len(out) < n:
            e = self.next_event(timeout)
            if e is None:
                break
            out.append(e)
        return out

    def close(self):
        self.sock.close()
