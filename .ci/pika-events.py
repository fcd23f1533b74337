#!/usr/bin/python3
"""CI: events on RabbitMQ as a fedora-messaging consumer sees them, with Debian's python3-pika.

  pika-events.py consume URL OUT COUNT TIMEOUT
      binds a server-named exclusive, auto-delete queue to amq.topic with '#', writes
      READY to OUT.ready once bound, then one JSON line per message to OUT until COUNT
      messages arrived or TIMEOUT seconds passed; exits 0 either way (check judges).
  pika-events.py check OUT EXPECTED.events.json...
      every expected event arrived: same id (message_id), topic (routing key), body and
      headers, each header a real AMQP 0-9-1 header with its type (str, int, bool);
      sent-at present; content type, encoding and delivery mode as fedora-messaging sets them.
      Prints what it checked; exits 1 on any difference or when an unexpected event came.
"""
import json
import sys
import time

FEDORA_HEADERS = ("fedora_messaging_schema", "fedora_messaging_severity", "sent-at", "priority")


def consume(url, out, count, timeout):
    import pika

    conn = pika.BlockingConnection(pika.URLParameters(url))
    ch = conn.channel()
    queue = ch.queue_declare("", exclusive=True, auto_delete=True).method.queue
    ch.queue_bind(queue, "amq.topic", routing_key="#")
    with open(out + ".ready", "w") as f:
        f.write("READY\n")
    got = 0
    deadline = time.monotonic() + timeout
    with open(out, "a") as f:
        while got < count and time.monotonic() < deadline:
            method, props, body = ch.basic_get(queue, auto_ack=True)
            if method is None:
                conn.process_data_events(time_limit=0.2)
                continue
            f.write(json.dumps({
                "topic": method.routing_key,
                "id": props.message_id,
                "content_type": props.content_type,
                "content_encoding": props.content_encoding,
                "delivery_mode": props.delivery_mode,
                "headers": {k: [type(v).__name__, v if not isinstance(v, bytes) else v.decode()]
                            for k, v in (props.headers or {}).items()},
                "body": json.loads(body.decode("utf-8")),
            }) + "\n")
            f.flush()
            got += 1
    conn.close()


def check(out, expected_files):
    received = {}
    with open(out) as f:
        for line in f:
            e = json.loads(line)
            received.setdefault(e["id"], []).append(e)
    problems = []
    expected_ids = set()
    for path in expected_files:
        with open(path) as f:
            for want in json.load(f):
                expected_ids.add(want["id"])
                got = received.get(want["id"])
                if not got:
                    problems.append("%s: event %s (%s) never arrived" % (path, want["id"], want["topic"]))
                    continue
                problems += compare(path, want, got[0])
    for unexpected in sorted(set(received) - expected_ids):
        problems.append("unexpected event %s %s" % (unexpected, received[unexpected][0]["topic"]))
    n = sum(len(v) for v in received.values())
    print("pika-events: %d message(s) received, %d expected event(s) checked" % (n, len(expected_ids)))
    for p in problems:
        print("pika-events: FAIL: " + p)
    return 1 if problems else 0


def compare(path, want, got):
    p = []
    where = "%s: %s" % (path, want["id"])
    if got["topic"] != want["topic"]:
        p.append("%s: routing key %s, expected %s" % (where, got["topic"], want["topic"]))
    if (got["content_type"], got["content_encoding"], got["delivery_mode"]) != ("application/json", "utf-8", 2):
        p.append("%s: properties %s/%s/%s" % (where, got["content_type"], got["content_encoding"], got["delivery_mode"]))
    for name in FEDORA_HEADERS:
        if name not in got["headers"]:
            p.append("%s: no 0-9-1 header %s" % (where, name))
    for name, value in want["headers"].items():
        if name not in got["headers"]:
            p.append("%s: header %s missing" % (where, name))
            continue
        kind, actual = got["headers"][name]
        wanted_kind = {bool: "bool", int: "int", str: "str"}[type(value)]
        if kind != wanted_kind:
            p.append("%s: header %s is a %s on the wire, expected %s" % (where, name, kind, wanted_kind))
        elif name != "sent-at" and actual != value:
            p.append("%s: header %s = %r, expected %r" % (where, name, actual, value))
    if got["body"] != want["body"]:
        p.append("%s: body differs from the golden event" % where)
    return p


if __name__ == "__main__":
    if sys.argv[1] == "consume":
        consume(sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]))
    elif sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3:]))
    else:
        sys.exit("usage: pika-events.py consume URL OUT COUNT TIMEOUT | check OUT EXPECTED...")
