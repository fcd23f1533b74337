#!/usr/bin/env python3
"""The fault suite: injects the faults the bridge must survive and counts, at a consumer, what
came out. Prints one table: scenario, injected, mails in, published, duplicates, lost,
quarantined. "lost" is mails in that were neither published, quarantined, nor still waiting in
the spool; it must be 0. Run by bench/faults.sh (short in CI, --long by hand)."""
import argparse, collections, json, os, random, re, shutil, signal, socket, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = os.environ.get("JAVA", "java")
ROWS = []
MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*(<[^>\r\n]*>)", re.I | re.M)
SHARED = {}  # the shared broker: proc, port, dir


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def wait_port(port, secs=60):
    end = time.time() + secs
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 1).close(); return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listening on {port}")


class Bed:
    """One scenario's world: a spool, brokers, a daemon, consumers."""

    def __init__(self, jar, name, urls=None, heap="128m", extra="", retry_max="2s"):
        self.jar, self.name, self.heap, self.retry_max = jar, name, heap, retry_max
        self.began = time.monotonic()
        self.dir = tempfile.mkdtemp(prefix=f"faults-{name}-")
        self.spool = os.path.join(self.dir, "spool")
        self.procs, self.brokers, self.consumers, self.daemon = [], {}, [], None
        self.delivered, self.refused = 0, 0
        self.accepted = set()  # Message-IDs of the mails accepted into the spool
        self.urls = urls
        self.extra = extra

    def broker(self, key):
        port = free_port()
        # A work directory of its own: the Derby store is locked by one broker and must not hold
        # what an earlier run left.
        p = self.start([JAVA, "-Xmx256m", "-jar", self.jar, "broker", "--port", str(port), "--work-dir",
                        os.path.join(self.dir, f"broker-{key}")], f"broker-{key}")
        wait_port(port)
        self.brokers[key] = (p, port)
        return port

    def shared_broker(self):
        """The one memory broker of the scenarios whose faults are not the broker's: it stores
        nothing there (no durable queue is bound), so a store of its own would only cost a start."""
        if "port" not in SHARED:
            port = free_port()
            log = tempfile.mkdtemp(prefix="faults-shared-broker-")
            SHARED["proc"] = subprocess.Popen([JAVA, "-Xmx256m", "-jar", self.jar, "broker", "--port", str(port),
                                               "--memory"], stdout=open(os.path.join(log, "broker.out"), "a"),
                                              stderr=open(os.path.join(log, "broker.log"), "a"))
            SHARED["port"], SHARED["dir"] = port, log
            wait_port(port)
        return SHARED["port"]

    def config(self, url):
        conf = os.path.join(self.dir, "config.toml")
        with open(conf, "w") as f:
            f.write(f'spool = "{self.spool}"\nunclaimed = "publish"\nrules_dirs = ["{ROOT}/parsers"]\n'
                    f'{self.extra}\n[daemon]\npoll_interval = "200ms"\nretry_min = "200ms"\nretry_max = "{self.retry_max}"\n'
                    f'publish_timeout = "10s"\n\n[domains.main]\nurl = "{url}"\nbroker = "qpid-broker-j"\n')
        self.conf = conf
        return conf

    def consume(self, port):
        out = open(os.path.join(self.dir, f"consumed-{port}.jsonl"), "w")
        err = os.path.join(self.dir, f"consume-{port}.log")
        p = subprocess.Popen([JAVA, "-Xmx128m", "-jar", self.jar, "consume", "--url", f"amqp://127.0.0.1:{port}",
                              "org.fedoraproject.#"], stdout=out, stderr=open(err, "w"))
        self.procs.append(p); self.consumers.append((p, out.name))
        # Subscribed before the first publish: an event published before that is not lost by the
        # bridge but would count as lost here. consume says "consuming ..." once it is subscribed.
        end = time.time() + 120
        while time.time() < end and p.poll() is None:
            with open(err) as f:
                if "consuming " in f.read():
                    return
            time.sleep(0.1)
        raise RuntimeError(f"consume on {port} did not subscribe: see {err}")

    def start(self, cmd, log):
        p = subprocess.Popen(cmd, stdout=open(os.path.join(self.dir, log + ".out"), "a"),
                             stderr=open(os.path.join(self.dir, log + ".log"), "a"))
        self.procs.append(p)
        return p

    def start_daemon(self):
        self.daemon = self.start([JAVA, f"-Xmx{self.heap}", "-jar", self.jar, "daemon", "--conf", self.conf], "daemon")

    def kill_daemon(self, sig=signal.SIGKILL):
        if self.daemon and self.daemon.poll() is None:
            self.daemon.send_signal(sig); self.daemon.wait()

    def deliver(self, mail, sender=None):
        cmd = [JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", self.jar,
               "org.mailbridge.cli.Main", "deliver", "--conf", self.conf]
        if sender is not None:
            cmd += ["--sender", sender]
        r = subprocess.run(cmd, input=mail, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode == 0:
            self.delivered += 1; self.accepted.add(message_id(mail))
        else:
            self.refused += 1
        return r.returncode

    def ids_in(self, d):
        """The Message-IDs of the mails in a spool directory (each file's first one)."""
        p, found = os.path.join(self.spool, d), set()
        for n in os.listdir(p) if os.path.isdir(p) else []:
            if not n.endswith(".reason"):
                with open(os.path.join(p, n), "rb") as f:
                    found.add(message_id(f.read(8192)))
        return found

    def count(self, d):
        p = os.path.join(self.spool, d)
        return len([n for n in os.listdir(p) if not n.endswith(".reason")]) if os.path.isdir(p) else 0

    def reasons(self):
        """Quarantined mail by reason, most first: "malformed 19000, crashed 3"."""
        d = os.path.join(self.spool, "quarantine")
        seen = collections.Counter()
        for r in os.listdir(d) if os.path.isdir(d) else []:
            if r.endswith(".reason"):
                with open(os.path.join(d, r), errors="replace") as f:
                    seen[f.readline().strip().removeprefix("reason: ")] += 1
        return ", ".join(f"{k} {v}" for k, v in seen.most_common())

    def drain(self, secs=600):
        end = time.time() + secs
        while time.time() < end and (self.count("new") or self.count("cur")):
            time.sleep(0.3)
        time.sleep(3)  # the last confirms reach the consumer

    def finish(self, injected, mails_in=None):
        self.kill_daemon(signal.SIGTERM)
        time.sleep(1)
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
        ids, lines, published = set(), 0, set()
        for _, f in self.consumers:
            with open(f) as fh:
                for line in fh:
                    if line.strip():
                        e = json.loads(line); lines += 1; ids.add(e["id"])
                        published.add(angle(e["body"].get("message_id")))
        mails_in = self.delivered if mails_in is None else mails_in
        q, waiting = self.count("quarantine"), self.count("new") + self.count("cur")
        # Mail by mail, not by subtraction: one published and then quarantined too (a crash-loop
        # verdict after a kill) must not hide another that went missing.
        quarantined = self.ids_in("quarantine")
        missing = self.accepted - published - quarantined - self.ids_in("new") - self.ids_in("cur")
        lost = len(missing)
        both = len(published & quarantined)
        if missing:
            print(f"  {self.name}: lost {sorted(missing)[:10]}", file=sys.stderr)
        detail = self.reasons() + (f"; {both} of them also published" if both else "")
        ROWS.append((self.name, injected, mails_in, len(ids), lines - len(ids), lost,
                     f"{q} ({detail})" if q else "0", waiting, round(time.monotonic() - self.began)))
        if lost > 0 or os.environ.get("FAULTS_KEEP"):
            print(f"  {self.name}: kept {self.dir} for inspection", file=sys.stderr)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)


def angle(value):
    """The <...> of a Message-ID field as the event gives it: a fuzzed mail may fold junk into it."""
    m = re.search(r"<[^>]*>", value or "")
    return m.group(0) if m else value


def message_id(raw):
    m = MESSAGE_ID.search(raw)
    return m.group(1).decode("ascii", "replace") if m else None


def mail(i, tag, body="Hello.\n", frm="Robot <robot@example.org>"):
    return (f"From: {frm}\nTo: bridge@example.org\nSubject: {tag} {i}\nDate: Sat, 28 Nov 2026 10:00:00 +0000\n"
            f"Message-ID: <{tag}-{i}@faults.example>\n\n{body}").encode()


def kill9(jar, cycles, per_cycle):
    b = Bed(jar, "kill -9 under load")
    # The daemon starts while the consumer subscribes: it has nothing to publish before the first deliver.
    port = b.shared_broker(); b.config(f"amqp://127.0.0.1:{port}"); b.start_daemon(); b.consume(port)
    n = 0
    for c in range(cycles):
        for _ in range(per_cycle):
            n += 1; b.deliver(mail(n, "kill"))
        time.sleep(random.uniform(0.2, 1.5))
        b.kill_daemon(); b.start_daemon()
    b.drain(); b.finish(f"{cycles} x SIGKILL")


class Cut:
    """A TCP relay between the daemon and a broker that can be cut: while cut, every connection is
    dropped and new ones are closed at once, as when the broker's host goes away."""

    def __init__(self, upstream):
        self.upstream, self.down, self.socks = upstream, False, []
        self.server = socket.socket(); self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0)); self.server.listen(64)
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            c, _ = self.server.accept()
            if self.down:
                c.close(); continue
            try:
                u = socket.create_connection(("127.0.0.1", self.upstream))
            except OSError:
                c.close(); continue
            self.socks += [c, u]
            for a, z in ((c, u), (u, c)):
                threading.Thread(target=self.pump, args=(a, z), daemon=True).start()

    @staticmethod
    def pump(a, z):
        try:
            while (data := a.recv(65536)):
                z.sendall(data)
        except OSError:
            pass
        for x in (a, z):
            try:
                x.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        self.down = True
        for x in self.socks:
            try:
                x.shutdown(socket.SHUT_RDWR); x.close()
            except OSError:
                pass
        self.socks = []

    def restore(self):
        self.down = False


def outage(jar, n, secs):
    # The daemon's only broker is unreachable for secs seconds while mail keeps arriving; the
    # consumer, connected directly, sees what the daemon publishes once the path is back. The
    # back-off may reach 5 min: only the probe brings the daemon back early.
    b = Bed(jar, "broker outage", retry_max="5m")
    port = b.shared_broker(); relay = Cut(port)
    b.config(f"amqp://127.0.0.1:{relay.port}"); b.start_daemon(); b.consume(port)
    for i in range(n // 2):
        b.deliver(mail(i, "outage"))
    relay.cut(); cut_at = time.monotonic()
    for i in range(n // 2, n):
        b.deliver(mail(i, "outage"))
    time.sleep(max(0.0, secs - (time.monotonic() - cut_at)))
    relay.restore(); back = time.monotonic()
    b.drain(); took = time.monotonic() - back - 3  # drain's own 3 s wait for the consumer
    b.finish(f"unreachable {secs} s, drained {max(took, 0):.1f} s after")


def failover(jar, n):
    b = Bed(jar, "broker killed + failover")
    pa, pb = b.broker("a"), b.broker("b")
    b.config(f"failover:(amqp://127.0.0.1:{pa},amqp://127.0.0.1:{pb})?failover.maxReconnectAttempts=-1")
    b.consume(pa); b.consume(pb); b.start_daemon()
    for i in range(n // 2):
        b.deliver(mail(i, "failover"))
    # A has confirmed the first half once the spool is empty; let its consumer have them before A
    # dies, or the row would count A's own undelivered messages, not the bridge's.
    b.drain(secs=120)
    proc, _ = b.brokers["a"]; proc.kill(); proc.wait()
    for i in range(n // 2, n):
        b.deliver(mail(i, "failover"))
    b.drain(); b.finish("broker A kill -9, failover to B")


def disk_full(jar, n):
    # spool_reserve above what is free: deliver must refuse (75) with nothing left behind, and the
    # daemon must go on publishing what is already in the spool.
    b = Bed(jar, "disk full (reserve)")
    port = b.shared_broker(); b.config(f"amqp://127.0.0.1:{port}"); b.consume(port)
    for i in range(n):
        b.deliver(mail(i, "disk"))
    b.conf_full = b.config(f"amqp://127.0.0.1:{port}")
    with open(b.conf, "r+") as f:
        text = f.read(); f.seek(0); f.write('spool_reserve = "1000000GiB"\n' + text)
    refused_before = b.refused
    for i in range(n, 2 * n):
        b.deliver(mail(i, "disk"))
    assert b.refused - refused_before == n, "deliver accepted mail under the reserve"
    assert not os.listdir(os.path.join(b.spool, "tmp")), "partial files in tmp/"
    b.start_daemon(); b.drain(); b.finish(f"{n} delivers refused (75)")


def concurrent(jar, n):
    b = Bed(jar, f"{n} concurrent delivers")
    port = b.shared_broker(); b.config(f"amqp://127.0.0.1:{port}"); b.start_daemon(); b.consume(port)
    cmd = [JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", jar, "org.mailbridge.cli.Main",
           "deliver", "--conf", b.conf]
    ps = [subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.DEVNULL) for _ in range(n)]
    for i, p in enumerate(ps):
        p.stdin.write(mail(i, "parallel")); p.stdin.close()
    for i, p in enumerate(ps):
        if p.wait() == 0:
            b.delivered += 1; b.accepted.add(message_id(mail(i, "parallel")))
    b.drain(); b.finish(f"{n} at once")


def fuzzed(jar, n, seed=9):
    rnd = random.Random(seed)
    b = Bed(jar, "fuzzed mails, -Xmx64m", heap="64m")
    port = b.shared_broker(); b.config(f"amqp://127.0.0.1:{port}"); b.consume(port)
    new = os.path.join(b.spool, "new"); os.makedirs(new); [os.makedirs(os.path.join(b.spool, d)) for d in ("tmp", "cur", "quarantine")]
    seeds = [mail(0, "fuzz"),
             b"From: a@example.org\nSubject: mp\nContent-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: text/plain\n\nhi\n--x--\n",
             # Each level its own boundary, so the nesting is real (a shared one closes the parent).
             b"From: a@example.org\nSubject: deep\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"
             + b"".join(b"--b%d\nContent-Type: multipart/mixed; boundary=\"b%d\"\n\n" % (k, k + 1) for k in range(300)),
             b"From: =?utf-8?B?" + b"QUFB" * 200 + b"?= <a@example.org>\nSubject: enc\n\n" + b"x" * 3000 + b"\n"]
    tokens = [b"\n", b"--x\n", b"Content-Type: multipart/mixed; boundary=\"x\"\n", b"=?utf-8?Q?", b"\x00", b"\xff\xfe",
              b"Content-Transfer-Encoding: base64\n", b": ", b"\r", b"From ", b" " * 200]
    for i in range(n):
        m = bytearray(rnd.choice(seeds))
        for _ in range(rnd.randint(1, 8)):
            op, pos = rnd.random(), rnd.randrange(len(m) + 1)
            if op < 0.3:
                m[pos:pos] = rnd.choice(tokens)
            elif op < 0.5 and len(m) > 1:
                del m[pos:pos + rnd.randint(1, 40)]
            elif op < 0.7 and m:
                m[min(pos, len(m) - 1)] = rnd.randrange(256)
            else:
                m[pos:pos] = bytes(m[max(0, pos - 60):pos]) * rnd.randint(1, 20)
        # A Message-ID of its own first: mails that share one share their event ids by design.
        m = b"Message-ID: <fuzz-%d@faults.example>\n" % i + bytes(m)
        b.accepted.add(f"<fuzz-{i}@faults.example>")
        with open(os.path.join(new, f"{1700000000 + i}.M{i}P1Q1R1.fuzz"), "wb") as f:
            f.write(m)
    b.start_daemon(); b.drain(secs=7200)
    died = b.daemon.poll() is not None
    b.finish(f"{n} generated, seed {seed}" + (" DAEMON DIED" if died else ""), mails_in=n)


def forged(jar, n):
    b = Bed(jar, "forged senders")
    port = b.shared_broker(); b.config(f"amqp://127.0.0.1:{port}"); b.start_daemon(); b.consume(port)
    koji = "Package: foo-1.0-1.fc40 Tag: f40 Status: complete Built by: alice"
    body = "Package: foo-1.0-1.fc40\nStatus: complete\nID: 123\n"
    for i in range(n):
        kind = i % 3
        frm = ["koji@fedoraproject.org", "=?utf-8?Q?koji=40fedoraproject=2Eorg?=", "attacker@evil.example"][kind]
        extra = "Return-Path: <koji@fedoraproject.org>\n" if kind == 2 else ""
        m = (f"From: {frm}\n{extra}To: bridge@example.org\nSubject: {koji}\nMessage-ID: <forged-{i}@evil.example>\n\n"
             f"{body}").encode()
        b.deliver(m, sender="attacker@evil.example" if kind == 0 else None)
    b.drain()
    reasons = [open(os.path.join(b.spool, "quarantine", r)).readline().strip()
               for r in os.listdir(os.path.join(b.spool, "quarantine")) if r.endswith(".reason")]
    assert all(r == "reason: untrusted" for r in reasons), reasons
    b.finish("forged From / encoded From / Return-Path")


def wrong_cert(jar, n):
    """A TLS broker that wants a client certificate of its own CA; the bridge holds one of another."""
    b = Bed(jar, "wrong TLS client cert")
    d = b.dir
    def sh(*a):
        subprocess.run(a, check=True, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for ca in ("good", "evil"):
        sh("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={ca}-ca",
           "-keyout", f"{ca}-ca.key", "-out", f"{ca}-ca.pem")
    for who, ca in (("server", "good"), ("client", "evil")):
        sh("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", f"{who}.key",
           "-out", f"{who}.csr")
        sh("openssl", "x509", "-req", "-in", f"{who}.csr", "-CA", f"{ca}-ca.pem", "-CAkey", f"{ca}-ca.key",
           "-CAcreateserial", "-days", "2", "-out", f"{who}.pem")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", f"""
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain("{d}/server.pem", "{d}/server.key")
ctx.verify_mode = ssl.CERT_REQUIRED; ctx.load_verify_locations("{d}/good-ca.pem")
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", {port})); s.listen()
while True:
    c, _ = s.accept()
    try:
        ctx.wrap_socket(c, server_side=True).close()
    except Exception:
        c.close()
"""])
    b.procs.append(server); wait_port(port)
    conf = b.config(f"amqps://127.0.0.1:{port}")
    with open(conf, "a") as f:
        f.write(f'ca_file = "{d}/good-ca.pem"\ncert_file = "{d}/client.pem"\nkey_file = "{d}/client.key"\n')
    b.start_daemon()
    for i in range(n):
        b.deliver(mail(i, "tls"))
    time.sleep(8)
    assert b.count("new") + b.count("cur") == n, "mail left the spool without a broker"
    b.finish("handshake refused; mail waits")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--jar", default=os.path.join(ROOT, "target", "mailbridge.jar"))
    a = ap.parse_args()
    L = a.long
    random.seed(1)
    kill9(a.jar, 22 if L else 3, 15 if L else 5)
    outage(a.jar, 100 if L else 10, 32 if L else 5)
    failover(a.jar, 200 if L else 20)
    disk_full(a.jar, 50 if L else 5)
    concurrent(a.jar, 50)
    fuzzed(a.jar, 100_000 if L else 500)
    forged(a.jar, 30 if L else 6)
    wrong_cert(a.jar, 10 if L else 3)
    if "proc" in SHARED:
        SHARED["proc"].terminate(); SHARED["proc"].wait(30); shutil.rmtree(SHARED["dir"], ignore_errors=True)
    head = ("scenario", "injected", "mails in", "published", "duplicates", "lost", "quarantined", "waiting", "seconds")
    w = [max(len(str(r[i])) for r in ROWS + [head]) for i in range(len(head))]
    line = lambda r: "| " + " | ".join(str(v).ljust(w[i]) for i, v in enumerate(r)) + " |"
    print(line(head)); print("|" + "|".join("-" * (x + 2) for x in w) + "|")
    for r in ROWS:
        print(line(r))
    sys.exit(1 if any(r[5] for r in ROWS) else 0)


if __name__ == "__main__":
    main()
